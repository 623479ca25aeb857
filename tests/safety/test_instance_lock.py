"""One writer at a time: the window and every writing `ocop` command share one lock; a second
writer waits a few seconds, then is refused with the holder named; readers never wait."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest

from ocop_desktop.instance_lock import (
    DatabaseInUse,
    GuiLock,
    WriterLock,
    holder,
    lock_path,
)
from ocop_desktop.services import backup as backups
from tests.cli_run import ocop as run
from tests.databases import copy_template


def ocop(*args: str, wait: float = 0.5):
    """`ocop …` in this process: flock locks belong to an open file, not to a process, so the
    command's lock conflicts with one this test holds exactly as another process's would
    (test_a_writer_waits_for_the_lock_and_gets_it_when_freed shows it across processes)."""
    return run(*args, env={"OCOP_LOCK_WAIT": str(wait)})


def test_the_lock_names_the_gui_process_and_is_removed_on_exit(db_path):
    with GuiLock(db_path) as lock:
        assert lock.held and lock_path(db_path).exists()
        info = holder(db_path)
        assert info is not None and info.pid == os.getpid() and info.who == "cửa sổ OCOP Desktop"
        with pytest.raises(DatabaseInUse) as refused:
            WriterLock(db_path, "ocop init").acquire()
        assert f"tiến trình số {os.getpid()}" in str(refused.value)
        assert "Hãy đóng cửa sổ OCOP Desktop" in str(refused.value)
        with pytest.raises(DatabaseInUse):
            GuiLock(db_path).acquire()  # a second window on the same file
    assert not lock_path(db_path).exists()
    assert holder(db_path) is None  # free once the window has gone


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_a_lock_left_by_a_killed_gui_is_stale(tmp_path):
    db_path = tmp_path / "ocop.db"
    script = textwrap.dedent(f"""
        import os, signal, sys
        from ocop_desktop.instance_lock import GuiLock
        GuiLock({str(db_path)!r}).acquire()
        print("held", flush=True)
        os.kill(os.getpid(), signal.SIGKILL)
    """)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert "held" in done.stdout and done.returncode == -signal.SIGKILL
    assert lock_path(db_path).exists()  # left behind, as after a power cut …
    assert holder(db_path) is None  # … but nobody holds it
    with GuiLock(db_path):  # the next GUI takes it over
        assert holder(db_path).pid == os.getpid()


def test_a_lock_file_whose_pid_is_gone_is_stale_without_os_locks(tmp_path, monkeypatch):
    from ocop_desktop import instance_lock

    db_path = tmp_path / "ocop.db"
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    lock_path(db_path).write_text(f'{{"pid": {int(dead.stdout)}, "host": "{instance_lock.socket.gethostname()}"}}')
    monkeypatch.setattr(instance_lock, "_try_lock", lambda fd: None)  # a file system without locks
    assert holder(db_path) is None
    lock_path(db_path).write_text(f'{{"pid": {os.getpid()}, "host": "{instance_lock.socket.gethostname()}"}}')
    assert holder(db_path).pid == os.getpid()


def test_a_writer_waits_for_the_lock_and_gets_it_when_freed(tmp_path):
    db_path = tmp_path / "ocop.db"
    first = WriterLock(db_path, "ocop import survey").acquire()
    told = []
    script = textwrap.dedent(f"""
        import time
        from ocop_desktop.instance_lock import WriterLock
        lock = WriterLock({str(db_path)!r}, "ocop restore").acquire(wait=10, on_wait=lambda i: print("cho", i.who, flush=True))
        print("co khoa", flush=True)
    """)
    second = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True, encoding="utf-8")
    told.append(second.stdout.readline().strip())  # waiting, and says for whom
    first.release()
    out, _ = second.communicate(timeout=30)
    assert told == ["cho lệnh «ocop import survey»"] and out.strip() == "co khoa"


@pytest.fixture(scope="module")
def cli_db(tmp_path_factory):
    path = copy_template(tmp_path_factory.mktemp("khoa") / "x.db")  # init adds only the sample
    done = ocop("--db", str(path), "init", "--sample", "muong-ang-2024")
    assert done.returncode == 0, done.stderr
    return path


def test_a_second_writer_waits_then_is_told_who_holds_the_database(cli_db):
    before = cli_db.read_bytes()
    with WriterLock(cli_db, "ocop import survey"):
        done = ocop("--db", str(cli_db), "office", "set", "--unit", "Mường Ảng", "--name", "Lò Văn A")
        assert done.returncode == 1, done.stdout
        assert "đang chờ tối đa 0.5 giây…" in done.stderr
        assert (
            f"Lệnh «ocop import survey» đang ghi vào tệp dữ liệu {cli_db} (tiến trình số {os.getpid()}, từ "
            in done.stderr
        )
        assert "Hãy đợi thao tác đó xong rồi chạy lại" in done.stderr and "Traceback" not in done.stderr
        # Readers do not wait.
        listed = ocop("--db", str(cli_db), "products", "list", wait=0)
        assert listed.returncode == 0 and "Traceback" not in listed.stderr
        with pytest.raises(DatabaseInUse) as refused:  # nor can the window open it for writing
            GuiLock(cli_db).acquire()
        assert "Lệnh «ocop import survey»" in str(refused.value)
    assert cli_db.read_bytes() == before
    assert not lock_path(cli_db).exists()


def test_the_cli_refuses_to_restore_while_the_gui_holds_the_database(cli_db):
    copy = backups.create_backup(cli_db, backups.MANUAL).path
    before = cli_db.read_bytes()
    with GuiLock(cli_db):
        done = ocop("--db", str(cli_db), "restore", str(copy), "--yes")
        assert done.returncode == 1
        assert "Cửa sổ OCOP Desktop đang mở tệp dữ liệu" in done.stderr and "không ghi gì" in done.stderr
        # Reading still works meanwhile.
        listed = ocop("--db", str(cli_db), "backup", "list")
        assert listed.returncode == 0 and copy.name in listed.stdout
        assert ocop("--db", str(cli_db), "check").returncode == 0
    assert cli_db.read_bytes() == before
    assert ocop("--db", str(cli_db), "restore", str(copy), "--yes").returncode == 0
    assert not lock_path(cli_db).exists()  # released when the command ended


def _survey_workbook(path, rows: int) -> None:
    """``rows`` survey rows under the headers of the shipped template (`ocop import template survey`)."""
    import openpyxl

    from ocop_desktop.services.survey_import import write_template

    template = path.with_name("mau.xlsx")
    write_template(template, 2024)
    sheet = openpyxl.load_workbook(template, read_only=True).worksheets[0]
    headers = [c for c in next(sheet.iter_rows(max_row=1, values_only=True)) if c]
    book = openpyxl.Workbook(write_only=True)
    out = book.create_sheet(sheet.title)
    out.append(headers)
    column = {h: i for i, h in enumerate(headers)}
    for i in range(rows):
        row = [None] * len(headers)
        row[column["STT"]] = i + 1
        row[column["Tên sản phẩm"]] = f"Sản phẩm nhập thử {i + 1}"
        row[column["Chủ thể"]] = "HTX Nhập Thử"
        row[column["Sản lượng"]] = 100 + i
        row[column["Đơn vị tính"]] = "kg"
        out.append(row)
    book.save(path)


def _count(path, name_like: str) -> int:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT count(*) FROM survey_entries WHERE product_name LIKE ?", (name_like,)).fetchone()[0]
    finally:
        conn.close()


@pytest.mark.slow
def test_a_restore_started_during_a_large_import_waits_and_its_safety_copy_has_the_rows(cli_db, tmp_path, monkeypatch):
    """The issue's race: `ocop import survey` under way, `ocop restore B --yes` started meanwhile
    in another process. The restore waits for the import to commit, then keeps the imported
    state as its safety copy: the imported rows are in the database or in that copy, never
    nowhere. The import (in this process, holding the writer lock) is held just before it
    writes until the restore says it is waiting, so the restore surely starts during the import
    whatever the machine's load; the number of rows then no longer makes the race (20,000 rows
    and a 2 s head start did, in about 30 s), and 2,000 rows keep the run to seconds."""
    from ocop_desktop.commands import exchange

    db = tmp_path / "dua.db"
    shutil.copyfile(cli_db, db)
    backup_b = tmp_path / "B.sqlite"
    assert ocop("--db", str(db), "backup", "-o", str(backup_b)).returncode == 0
    sheet = tmp_path / "2000-dong.xlsx"
    _survey_workbook(sheet, 2_000)

    restore_waits = threading.Event()
    real_backup_before = exchange.backup_before

    def held_backup_before(*args, **kwargs):  # the import has read the sheet and holds the lock
        restore_waits.wait(timeout=300)
        return real_backup_before(*args, **kwargs)

    monkeypatch.setattr(exchange, "backup_before", held_backup_before)
    imported = {}
    importing = threading.Thread(
        target=lambda: imported.update(
            done=ocop("--db", str(db), "import", "survey", str(sheet), "--campaign", "2024", "--unit", "Mường Ảng")
        )
    )
    importing.start()
    try:
        while holder(db) is None and importing.is_alive():
            importing.join(0.05)  # until the import has taken the writer lock
        assert holder(db) is not None, "the import never took the writer lock"
        restoring = subprocess.Popen(
            [sys.executable, "-m", "ocop_desktop.cli", "--db", str(db), "restore", str(backup_b), "--yes"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
            env={**os.environ, "OCOP_LOCK_WAIT": "600"},
            stdin=subprocess.DEVNULL,
        )
        told = []
        for line in restoring.stderr:  # ends if the restore exits without waiting
            told.append(line)
            if "đang chờ" in line:
                break
    finally:
        restore_waits.set()
        importing.join(timeout=600)
    restored_out, rest_err = restoring.communicate(timeout=600)
    restored_err = "".join(told) + rest_err
    done = imported["done"]

    assert done.returncode == 0, done.stderr
    assert "Đã nhập 2000 dòng" in done.stdout
    assert "đang được lệnh «ocop import survey» (tiến trình số" in restored_err and "đang chờ" in restored_err
    assert restoring.returncode == 0, restored_err
    safety = Path(restored_out.rsplit("giữ ở: ", 1)[1].strip())
    in_db, in_copy = _count(db, "Sản phẩm nhập thử %"), _count(safety, "Sản phẩm nhập thử %")
    assert (in_db, in_copy) == (0, 2_000)  # restored to B, and the import kept in the safety copy

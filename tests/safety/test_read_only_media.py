"""A database on read-only media (a locked USB stick, a CD, a read-only share): reading commands,
reports, `check` and `backup -o` work; writing commands are refused with the clear message.

Tests run as root, which ignores file modes, so the medium is a read-only bind mount; where
mounting is not allowed the tests are skipped with the reason."""

from __future__ import annotations

import contextlib
import json
import shutil
import sqlite3
import subprocess
import tempfile
import uuid
from pathlib import Path

import pytest

from tests.cli_run import ocop as run_ocop
from tests.safety.conftest import _run


@contextlib.contextmanager
def read_only_mount(src: Path):
    """``src`` seen through a read-only bind mount (skips the test where mounting is not allowed)."""
    point = Path(tempfile.gettempdir()) / f"ocop-ro-{uuid.uuid4().hex[:8]}"  # /tmp; on Windows %TEMP%
    point.mkdir()
    mounted = shutil.which("mount") is not None and _run("mount", "--bind", str(src), str(point))
    if not mounted:
        point.rmdir()
        pytest.skip("cannot bind-mount here (needs root and mount rights): read-only media not simulated")
    try:
        if not _run("mount", "-o", "remount,bind,ro", str(point)):
            pytest.skip("cannot remount read-only here: read-only media not simulated")
        with pytest.raises(OSError):
            (point / "thu.txt").write_text("x")  # really read-only, even for root
        yield point
    finally:
        subprocess.run(["umount", "-l", str(point)], capture_output=True)
        shutil.rmtree(point, ignore_errors=True)


@pytest.fixture(scope="module")
def medium(sample_file, tmp_path_factory):
    """The sample database on a read-only bind mount: (path on the medium, writable folder)."""
    source, _, _ = sample_file
    src = tmp_path_factory.mktemp("usb-goc")
    shutil.copyfile(source, src / "ocop.db")  # closed cleanly: no -wal beside it
    with read_only_mount(src) as point:
        yield point / "ocop.db", tmp_path_factory.mktemp("o-ghi-duoc")


def ocop(*args: str) -> tuple[int, str, str]:
    """The command run in this process (tests/cli_run.py), for speed: exit status, stdout, stderr."""
    done = run_ocop(*args)
    return done.returncode, done.stdout, done.stderr


def test_reading_commands_and_reports_work_on_read_only_media(medium):
    path, out_dir = medium
    code, out, err = ocop("--db", str(path), "products", "list", "--format", "json")
    assert code == 0, err
    assert len(json.loads(out)) == 10
    for args in (("surveys", "list"), ("tasks", "list"), ("audit", "--limit", "3"), ("backup", "list")):
        code, out, err = ocop("--db", str(path), *args)
        assert code == 0 and err == "", (args, err)
    report = out_dir / "san-pham.xlsx"
    code, out, err = ocop("--db", str(path), "report", "products", "--format", "xlsx", "-o", str(report))
    assert code == 0, err
    assert report.stat().st_size > 0


def test_check_calls_a_healthy_read_only_file_healthy(medium):
    path, _ = medium
    code, out, err = ocop("--db", str(path), "check")
    assert code == 0, err
    assert "chỉ đọc" in out and f"Dữ liệu {path} lành mạnh (tệp chỉ đọc)." in out
    assert "hỏng" not in out + err


def test_a_backup_is_read_from_read_only_media_and_written_elsewhere(medium):
    path, out_dir = medium
    target = out_dir / "ban-sao.sqlite"
    code, out, err = ocop("--db", str(path), "backup", "-o", str(target))
    assert code == 0, err
    assert "Đã sao lưu" in out and "10 sản phẩm" in out
    code, out, err = ocop("--db", str(target), "products", "list")
    assert code == 0 and len(json.loads(out)) == 10


@pytest.mark.parametrize(
    "args",
    [
        ("init",),
        ("office", "set", "--unit", "Mường Ảng", "--name", "Lò Văn A"),
        ("backup",),  # into the backups folder beside the file, on the same medium
    ],
)
def test_writing_commands_are_refused_with_the_clear_message(medium, args):
    path, _ = medium
    before = path.read_bytes()
    code, _out, err = ocop("--db", str(path), *args)
    assert code == 1
    assert err.startswith("Lỗi: ") and "chỉ cho phép đọc" in err and "Traceback" not in err
    assert path.read_bytes() == before


def test_a_copy_with_unfinished_changes_is_not_read_without_them(sample_file, tmp_path):
    """Copied while open, the file's newest changes are still in its -wal: read as immutable
    they would silently be missing, so reading is refused with what to do."""
    source, _, _ = sample_file
    live = tmp_path / "dang-mo"
    live.mkdir()
    shutil.copyfile(source, live / "ocop.db")
    src = tmp_path / "usb"
    src.mkdir()
    conn = sqlite3.connect(live / "ocop.db")
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA wal_autocheckpoint=0")
    conn.execute("UPDATE products SET notes = 'thay đổi mới nhất' WHERE rowid = 1")
    conn.commit()
    for name in ("ocop.db", "ocop.db-wal"):  # what a copy made while the program is open holds
        shutil.copyfile(live / name, src / name)
    conn.close()
    with read_only_mount(src) as point:
        for args in (("products", "list"), ("check",), ("backup", "-o", str(tmp_path / "b.sqlite"))):
            code, out, err = ocop("--db", str(point / "ocop.db"), *args)
            assert code == 1, args
            assert "còn thay đổi chưa ghi hẳn vào tệp" in out + err and "Hãy chép cả hai tệp" in out + err
            assert "Traceback" not in err
        assert not (tmp_path / "b.sqlite").exists()

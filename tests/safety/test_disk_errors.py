"""A full disk and a read-only folder: a clear Vietnamese message, and the data as they were."""

from __future__ import annotations

import errno
import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import event
from sqlalchemy.exc import OperationalError

from ocop_desktop.persistence.database import ReadOnlyLocationError, open_database
from ocop_desktop.services import backup as backups
from ocop_desktop.services.errors import UNCHANGED, explain
from ocop_desktop.services.health import check_database
from ocop_desktop.services.products import ProductInput, ProductService
from ocop_desktop.services.surveys import SurveyEntryInput, SurveyService
from tests.safety.conftest import immutable, remount_read_only, tmpfs


def _rows(n: int) -> list[SurveyEntryInput]:
    return [
        SurveyEntryInput(
            product_name=f"Sản phẩm {i} " + "rất dài " * 20, producer="HTX", price_vnd=1000 + i, notes="Ghi chú " * 40
        )
        for i in range(n)
    ]


def _state(path: Path) -> tuple:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return (
            conn.execute("SELECT count(*) FROM survey_entries").fetchone()[0],
            conn.execute("SELECT group_concat(name, '|') FROM (SELECT name FROM products ORDER BY id)").fetchone()[0],
            conn.execute("SELECT count(*) FROM audit_log").fetchone()[0],
        )
    finally:
        conn.close()


def _limit_growth(db, extra_pages: int) -> None:
    """SQLite's own full disk: the file may not grow beyond its size plus a few pages."""
    with db.engine.connect() as conn:
        pages = conn.exec_driver_sql("PRAGMA page_count").scalar()
    db.engine.dispose()
    event.listen(db.engine, "connect", lambda c, _r: c.execute(f"PRAGMA max_page_count={pages + extra_pages}"))


# 1,000 of these rows write 3.7 MB (measured; 3,000 wrote 11 MB), eighteen times the ~200 KB
# left on the filled disk (or the 40 pages SQLite may add): the save still runs out of space
# part way, after its first pages are written.
LARGE_SAVE = 1_000


def test_a_full_disk_during_a_large_save_is_explained_and_changes_nothing(sample_file):
    source, campaign_id, unit_id = sample_file
    size_kb = source.stat().st_size // 1024
    with tmpfs(size_kb + 40_960) as disk:
        folder = disk or source.parent.parent / "khong-mount"
        folder.mkdir(exist_ok=True)
        path = folder / "ocop.db"
        shutil.copyfile(source, path)
        db = open_database(path)
        filler = folder / "tep-khac.bin"
        if disk is not None:  # the real thing: fill the file system, leaving a few pages
            with open(filler, "wb") as fh:
                try:
                    while True:
                        fh.write(b"\0" * 65536)
                        fh.flush()
                except OSError as exc:
                    assert exc.errno == errno.ENOSPC
            filler.write_bytes(filler.read_bytes()[: -200 * 1024])  # ~200 KB left
        else:
            _limit_growth(db, extra_pages=40)
        before = _state(path)
        surveys = SurveyService(db.uow_factory(actor="A"))
        with pytest.raises(OperationalError) as info:
            surveys.save_entries(campaign_id, unit_id, _rows(LARGE_SAVE))
        message = explain(info.value)
        assert message is not None and message.startswith("Ổ đĩa đã đầy") and UNCHANGED in message
        db.close()
        assert _state(path) == before
        assert check_database(path).healthy
        # Space freed, the same action succeeds.
        if disk is not None:
            filler.unlink()
        db = open_database(path)
        try:
            saved = SurveyService(db.uow_factory(actor="A")).save_entries(campaign_id, unit_id, _rows(LARGE_SAVE))
            assert len(saved) == LARGE_SAVE
        finally:
            db.close()


def test_a_full_usb_stick_during_a_backup_leaves_no_half_copy(sample_file):
    source, _, _ = sample_file
    with tmpfs(max(64, source.stat().st_size // 1024 // 2)) as usb:
        if usb is None:
            pytest.skip("cannot mount a small file system here (needs root); the SQLite full-disk case is above")
        before = source.read_bytes()
        with pytest.raises((OSError, sqlite3.OperationalError)) as info:
            backups.create_backup(source, target=usb / "ban-sao.sqlite")
        message = explain(info.value)
        assert message is not None and "đầy" in message and UNCHANGED in message
        assert list(usb.iterdir()) == []  # no half-written copy under any name
        assert source.read_bytes() == before


def test_a_read_only_folder_is_refused_at_open_with_a_clear_message(sample_file, tmp_path):
    source, _, _ = sample_file
    folder = tmp_path / "chi-doc"
    folder.mkdir()
    path = folder / "ocop.db"
    shutil.copyfile(source, path)
    before = path.read_bytes()
    with immutable(folder) as locked:
        if not locked:
            pytest.skip("chattr +i is not available here; the read-only file case below still runs")
        with pytest.raises(ReadOnlyLocationError) as info:
            open_database(path)
        assert "chỉ cho phép đọc" in str(info.value) and "Dữ liệu không bị thay đổi" in str(info.value)
    assert path.read_bytes() == before


def test_a_read_only_database_refuses_a_save_with_a_clear_message(sample_file, tmp_path):
    """Opened read-only (what the program does with a file it may not write): the save fails,
    the message says why, nothing changes."""
    source, _, _ = sample_file
    path = tmp_path / "ocop.db"
    shutil.copyfile(source, path)
    before = _state(path)
    db = open_database(path, read_only=True)
    try:
        products = ProductService(db.uow_factory(actor="A"))
        assert len(products.list()) == 10  # reading works
        with pytest.raises(OperationalError) as info:
            products.create(ProductInput(name="Không lưu được"))
    finally:
        db.close()
    message = explain(info.value)
    assert message is not None and "chỉ đọc" in message and UNCHANGED in message
    assert _state(path) == before


def test_a_backup_to_a_write_protected_stick_is_explained(sample_file, tmp_path):
    source, _, _ = sample_file
    with tmpfs(4_096) as usb:
        if usb is not None and remount_read_only(usb):
            how = "ro-mount"
        else:
            usb = tmp_path / "usb"
            usb.mkdir()
            how = "chattr"
        with immutable(usb) if how == "chattr" else _nothing() as locked:
            if how == "chattr" and not locked:
                pytest.skip("neither a read-only mount nor chattr +i is available here")
            with pytest.raises(OSError) as info:
                backups.create_backup(source, target=usb / "ban-sao.sqlite")
            message = explain(info.value)
            assert message is not None and UNCHANGED in message
            assert ("chỉ cho phép đọc" in message) if how == "ro-mount" else ("không được phép ghi" in message.lower())
            assert list(usb.iterdir()) == []


class _nothing:
    def __enter__(self):
        return True

    def __exit__(self, *exc):
        return False


@pytest.mark.parametrize(
    ("exc", "start"),
    [
        (sqlite3.OperationalError("database or disk is full"), "Ổ đĩa đã đầy"),
        (sqlite3.OperationalError("attempt to write a readonly database"), "Tệp dữ liệu đang ở chế độ chỉ đọc"),
        (sqlite3.OperationalError("database is locked"), "Dữ liệu đang được một chương trình khác ghi"),
        (sqlite3.DatabaseError("database disk image is malformed"), "Tệp dữ liệu bị hỏng"),
        (OSError(errno.ENOSPC, "No space left on device", "E:/ban-sao.sqlite"), "Ổ đĩa «E:/ban-sao.sqlite» đã đầy"),
        (OSError(errno.EROFS, "Read-only file system", "/media/usb/x"), "Ổ đĩa «/media/usb/x» chỉ cho phép đọc"),
        (PermissionError(errno.EACCES, "Permission denied", "C:/Windows/x"), "Không có quyền ghi vào «C:/Windows/x»"),
    ],
)
def test_each_disk_failure_has_one_vietnamese_explanation(exc, start):
    assert explain(exc).startswith(start)


def test_wrapped_errors_are_explained_and_others_are_not():
    try:
        try:
            raise OSError(errno.ENOSPC, "No space left on device", "x.pdf")
        except OSError as inner:
            raise RuntimeError("export failed") from inner
    except RuntimeError as outer:
        assert "đầy" in explain(outer)
    wrapped = OperationalError("INSERT …", {}, sqlite3.OperationalError("database or disk is full"))
    assert explain(wrapped).startswith("Ổ đĩa đã đầy")
    assert explain(ValueError("a bug")) is None
    assert explain(sqlite3.OperationalError("no such table: x")) is None

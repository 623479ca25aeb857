"""Backups: verified online copies, rotation, summaries, restore with the current state kept."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from ocop_desktop.persistence.database import DamagedDatabaseError, open_database
from ocop_desktop.persistence.engine import make_engine
from ocop_desktop.persistence.migrate import head_revision, upgrade
from ocop_desktop.services import backup as backups
from ocop_desktop.services.audit import AuditFilter, AuditService
from ocop_desktop.services.health import check_database
from ocop_desktop.services.products import ProductInput, ProductService
from ocop_desktop.services.sample import load_sample


@pytest.fixture
def sample(db, make_uow):
    load_sample(make_uow, "muong-ang-2024")
    return db.path


def _names(path: Path) -> list[str]:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return sorted(r[0] for r in conn.execute("SELECT name FROM products"))
    finally:
        conn.close()


def test_a_backup_is_a_verified_single_file_copy_in_the_backups_folder(sample):
    info = backups.create_backup(sample, backups.DAILY)
    assert info.path.parent == sample.parent / "backups"
    assert info.path.name.startswith("ocop-hang-ngay-") and info.path.suffix == ".sqlite"
    assert info.reason_label == "Tự động hằng ngày" and info.size > 0
    # no -wal, no temporary file left; beside the copy, its signed anchor of the audit chain
    assert sorted(info.path.parent.iterdir()) == [info.path, Path(f"{info.path}.anchor.json")]
    with sqlite3.connect(info.path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert _names(info.path) == _names(sample) and len(_names(sample)) == 10


def test_a_manual_backup_goes_where_the_user_chose_and_is_never_rotated(sample, tmp_path):
    usb = tmp_path / "usb"
    usb.mkdir()
    target = usb / "ocop-ban-sao.sqlite"
    target.write_bytes(b"old copy")  # replaced only once the new copy is verified
    info = backups.create_backup(sample, target=target)
    assert info.path == target and _names(target) == _names(sample)
    assert sorted(p.name for p in usb.iterdir()) == ["ocop-ban-sao.sqlite", "ocop-ban-sao.sqlite.anchor.json"]
    assert backups.list_backups(sample) == []  # not in the backups folder


def test_backing_up_onto_the_database_itself_is_refused(sample):
    with pytest.raises(backups.RestoreRefused):
        backups.create_backup(sample, target=sample)


def test_the_summary_shows_date_schema_counts_and_newest_change(sample):
    info = backups.create_backup(sample, backups.MANUAL)
    summary = backups.describe(info.path)
    assert summary.restorable and summary.schema_version == head_revision()
    assert summary.counts == {"products": 10, "producers": summary.counts["producers"], "survey_entries": 0, "tasks": 6}
    assert summary.made_at == info.made_at
    assert summary.newest_change is not None and abs(summary.newest_change - datetime.now()) < timedelta(minutes=5)
    assert "10 sản phẩm" in summary.describe() and "6 nhiệm vụ" in summary.describe()


def test_a_daily_backup_is_made_once_a_day(sample):
    morning = datetime(2026, 3, 2, 8, 0)
    first = backups.daily_backup_if_due(sample, now=morning)
    assert first is not None and "-hang-ngay-20260302-080000-" in first.name
    assert backups.daily_backup_if_due(sample, now=morning + timedelta(hours=5)) is None
    assert backups.daily_backup_if_due(sample, now=morning + timedelta(days=1)) is not None
    assert len(backups.list_backups(sample)) == 2


def test_backup_before_an_import_names_its_reason(sample):
    path = backups.backup_before(sample, "nhập gói")
    assert "-truoc-nhap-goi-" in path.name
    assert backups.list_backups(sample)[0].reason_label == "Trước khi nhập gói dữ liệu"


def _fake(folder: Path, stem: str, reason: str, when: datetime) -> Path:
    path = folder / f"{stem}-{reason}-{when:%Y%m%d-%H%M%S-%f}.sqlite"
    path.write_bytes(b"")
    return path


def test_rotation_keeps_7_daily_4_weekly_12_monthly_and_the_newest(tmp_path):
    db_path = tmp_path / "ocop.db"
    folder = tmp_path / "backups"
    folder.mkdir()
    now = datetime(2026, 11, 28, 9, 0)
    daily = [_fake(folder, "ocop", "hang-ngay", now - timedelta(days=d)) for d in range(500)]
    imports = [_fake(folder, "ocop", "truoc-nhap-goi", now - timedelta(days=d, hours=2)) for d in (0, 0.01, 0.02, 3)]
    manual = _fake(folder, "ocop", "thu-cong", now - timedelta(days=900))
    other_db = _fake(folder, "ocop-xa-khac", "hang-ngay", now - timedelta(days=300))
    stranger = folder / "ghi-chu.sqlite"
    stranger.write_bytes(b"")

    removed = backups.rotate(db_path, backups.RotationPolicy())

    kept = {b.path for b in backups.list_backups(db_path)}
    assert set(removed).isdisjoint(kept)
    assert manual in kept and other_db.exists() and stranger.exists()
    automatic = sorted(
        (b for b in backups.list_backups(db_path) if b.reason != "thu-cong"), key=lambda b: b.made_at, reverse=True
    )
    # the 5 newest whatever the reason (today's imports included) …
    assert set(imports[:3]) <= kept
    # … the newest of each of the 7 most recent days …
    days = sorted({b.made_at.date() for b in automatic}, reverse=True)
    assert days[:7] == [(now - timedelta(days=d)).date() for d in range(7)]
    # … of 4 ISO weeks and 12 months; nothing older than 12 months survives.
    weeks = {b.made_at.isocalendar()[:2] for b in automatic}
    months = {(b.made_at.year, b.made_at.month) for b in automatic}
    assert len(weeks) >= 4 and len(months) == 12
    assert min(b.made_at for b in automatic) >= datetime(2025, 12, 1)
    assert len(automatic) <= 5 + 7 + 4 + 12
    assert not any(p.exists() for p in removed)
    assert daily[-1] in removed


def test_restore_brings_back_the_data_and_keeps_the_state_before(sample, make_uow):
    products = ProductService(make_uow)
    before = _names(sample)
    copy = backups.create_backup(sample, backups.MANUAL).path
    first = products.list()[0]
    renamed = ProductInput(
        name="Tên đã sửa sau khi sao lưu",
        status=first.status,
        stars=first.stars,
        certified_on=first.certified_on,
        expires_on=first.expires_on,
        certificate_no=first.certificate_no or "",
    )
    products.update(first.id, renamed)
    products.create(ProductInput(name="Sản phẩm thêm sau khi sao lưu"))
    changed = _names(sample)
    assert changed != before

    result = backups.restore(sample, copy, actor="Nguyễn Văn Kiểm")

    assert _names(sample) == before  # the data as they were
    assert sorted(p.name for p in products.list()) == before  # and through the services too
    assert result.safety_copy is not None and "-truoc-khoi-phuc-" in result.safety_copy.name
    assert _names(result.safety_copy) == changed  # the pre-restore state kept as a backup too
    entry = AuditService(make_uow).entries(AuditFilter(limit=1))[0]
    assert entry.action == "restore" and entry.actor == "Nguyễn Văn Kiểm" and copy.name in entry.context
    assert check_database(sample).healthy, check_database(sample).problems


def test_restore_refuses_a_file_that_is_not_an_ocop_backup(sample, tmp_path):
    text_file = tmp_path / "ghi-chu.sqlite"
    text_file.write_text("không phải dữ liệu")
    foreign = tmp_path / "khac.sqlite"
    with sqlite3.connect(foreign) as conn:
        conn.execute("CREATE TABLE things (x)")
    before = sample.read_bytes()
    for bad, reason in ((text_file, "không phải bản sao"), (foreign, "không có thông tin phiên bản")):
        with pytest.raises(backups.RestoreRefused, match=reason):
            backups.restore(sample, bad)
    assert sample.read_bytes() == before and backups.list_backups(sample) == []


def test_restoring_an_older_backup_migrates_it_and_chains_its_log(tmp_path, sample):
    old = tmp_path / "cu.db"
    engine = make_engine(old)
    upgrade(engine, old, revision="0004")
    engine.dispose()
    with sqlite3.connect(old) as conn:
        conn.execute(
            "INSERT INTO products (id, name, name_folded, name_sort, status, checklist, notes, created_at,"
            " updated_at) VALUES ('p-1', 'Mật ong', 'mat ong', '', 'tiem_nang', '{}', '', '2024-01-01 00:00:00',"
            " '2024-01-01 00:00:00')"
        )
        conn.execute(
            "INSERT INTO audit_log (at, actor, action, entity, entity_id, changes, context)"
            " VALUES ('2024-01-01 00:00:00', 'A', 'create', 'products', 'p-1', '{\"name\": [null, \"Mật ong\"]}', '')"
        )
        conn.execute("PRAGMA journal_mode=DELETE")
    copy = tmp_path / "cu-ban-sao.sqlite"
    backups.create_backup(old, target=copy)
    backups.restore(sample, copy)
    assert _names(sample) == ["Mật ong"]
    report = check_database(sample)
    assert report.healthy, report.problems
    # the old entry back-filled, migration 0010's seal of the product, 0016's (its label columns), the restore
    assert any("4 mục" in fact for fact in report.facts)


def test_a_damaged_file_is_never_opened_for_writing_and_names_the_newest_good_backup(sample, db):
    good = backups.create_backup(sample, backups.DAILY).path
    db.close()
    _scribble(sample)
    before = sample.read_bytes()
    with pytest.raises(DamagedDatabaseError) as info:
        open_database(sample)
    assert info.value.backup is not None and info.value.backup.path == good
    message = str(info.value)
    assert "bị hỏng" in message and str(good) in message and "ocop --db" in message and "restore" in message
    assert sample.read_bytes() == before  # not migrated, not written


def test_a_damaged_file_can_be_restored_and_is_kept_as_it_was(sample, db):
    good = backups.create_backup(sample, backups.DAILY).path
    db.close()
    _scribble(sample)
    damaged = sample.read_bytes()
    result = backups.restore(sample, good)
    assert len(_names(sample)) == 10 and check_database(sample).healthy
    assert result.safety_copy is not None and result.safety_copy.read_bytes() == damaged


def _scribble(path: Path) -> None:
    """Make ``path`` a damaged SQLite file: checkpoint it to one file, then overwrite a b-tree page."""
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA journal_mode=DELETE")
    data = bytearray(path.read_bytes())
    page = 4096
    data[page * 3 : page * 3 + 200] = b"\xff" * 200
    path.write_bytes(bytes(data))


def test_leftovers_of_a_killed_backup_are_cleaned_but_a_copy_in_progress_is_not(sample, tmp_path):
    """A backup killed mid-copy leaves ``.NAME.tmp`` (and SQLite's journal of it); the next
    backup, or the next start (the daily check), removes them. A copy that another process is
    writing right now holds a lock on its temporary file and is left alone."""
    import subprocess
    import sys
    import textwrap

    from ocop_desktop.persistence.snapshot import backup_folder

    folder = backup_folder(sample)
    folder.mkdir(exist_ok=True)
    killed = folder / ".ocop-hang-ngay-20240101-000000-000000.sqlite.tmp"
    killed.write_bytes(b"SQLite format 3\0" + b"\0" * 4000)
    Path(f"{killed}-journal").write_bytes(b"\0" * 512)
    restore_left = sample.with_name(f".{sample.name}.restore.tmp")
    restore_left.write_bytes(b"x")
    someone_elses = sample.with_name(".tai-lieu-khac.tmp")  # not ours: never touched
    someone_elses.write_bytes(b"x")
    in_progress = folder / ".ocop-thu-cong-20240101-000001-000000.sqlite.tmp"
    writer = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(f"""
        import sys, time
        from ocop_desktop.persistence.snapshot import claim_temporary
        claim_temporary(__import__("pathlib").Path({str(in_progress)!r}))
        print("dang ghi", flush=True)
        time.sleep(60)
    """),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert writer.stdout.readline().strip() == "dang ghi"
        made = backups.daily_backup_if_due(sample)  # what the window does at start
        assert made is not None
        assert not killed.exists() and not Path(f"{killed}-journal").exists() and not restore_left.exists()
        assert in_progress.exists() and someone_elses.exists()
    finally:
        writer.kill()
        writer.wait()
    backups.create_backup(sample)  # the next manual backup: the dead writer's file goes too
    assert not in_progress.exists()
    assert sorted(p.name for p in folder.iterdir() if p.name.startswith(".")) == []

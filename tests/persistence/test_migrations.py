"""Schema migrations: a database of the first schema is upgraded and its old file kept."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from ocop_desktop.domain.text import vn_sort_string
from ocop_desktop.persistence.engine import make_engine
from ocop_desktop.persistence.migrate import SchemaError, head_revision, upgrade
from ocop_desktop.persistence.models import Base


def _tables(path: Path) -> set[str]:
    with sqlite3.connect(path) as conn:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}


def _make_first_schema_db(path: Path) -> None:
    engine = make_engine(path)
    upgrade(engine, path, revision="0001")
    engine.dispose()
    with sqlite3.connect(path) as conn:
        conn.execute(
            "INSERT INTO products (id, name, name_folded, status, checklist, notes, created_at, updated_at)"
            " VALUES ('p-1', 'Cà phê bột Hà Chung', 'ca phe bot ha chung', 'duoc_cong_nhan', '{}', '',"
            " '2024-01-01 00:00:00', '2024-01-01 00:00:00')"
        )


def test_ocop_init_upgrades_a_first_schema_database_and_keeps_a_copy(tmp_path):
    path = tmp_path / "cu.db"
    _make_first_schema_db(path)
    assert "survey_entries" not in _tables(path)

    done = subprocess.run(
        [sys.executable, "-m", "ocop_desktop.cli", "--db", str(path), "init"],
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    assert done.returncode == 0, done.stderr
    assert "Đã nâng cấp lược đồ 0001 → " in done.stdout

    assert {"survey_entries", "tasks", "evaluations"} <= _tables(path)
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == head_revision()
        assert conn.execute("SELECT name FROM products WHERE id='p-1'").fetchone()[0] == "Cà phê bột Hà Chung"
        # Rows that existed before the upgrade get their sort key back-filled.
        key = conn.execute("SELECT name_sort FROM products WHERE id='p-1'").fetchone()[0]
    assert key == vn_sort_string("Cà phê bột Hà Chung")
    copies = list((tmp_path / "backups").glob("cu-truoc-nang-cap-0001-*.sqlite"))
    assert len(copies) == 1
    # The copy is the old schema, with the old data, and a sound SQLite file.
    assert "survey_entries" not in _tables(copies[0])
    with sqlite3.connect(copies[0]) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0001"
        assert conn.execute("SELECT count(*) FROM products").fetchone()[0] == 1


def test_a_current_database_is_not_copied_again(tmp_path):
    path = tmp_path / "moi.db"
    engine = make_engine(path)
    assert upgrade(engine, path).backup is None
    result = upgrade(engine, path)
    engine.dispose()
    assert not result.changed and result.backup is None
    assert not (tmp_path / "backups").exists()


def test_migrations_build_exactly_the_mapped_schema(tmp_path):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    path = tmp_path / "m.db"
    engine = make_engine(path)
    upgrade(engine, path)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    engine.dispose()
    assert diff == []


def test_a_database_from_a_newer_version_is_refused_untouched(tmp_path):
    path = tmp_path / "tuonglai.db"
    engine = make_engine(path)
    upgrade(engine, path)
    with engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num='9999'")
    engine.dispose()  # checkpoints the WAL into the file, so its bytes can be compared
    before = path.read_bytes()
    engine = make_engine(path)
    with pytest.raises(SchemaError, match="phiên bản OCOP Desktop mới hơn"):
        upgrade(engine, path)
    engine.dispose()
    assert path.read_bytes() == before


def test_a_foreign_sqlite_file_is_refused(tmp_path):
    path = tmp_path / "khac.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE things (x)")
    engine = make_engine(path)
    with pytest.raises(SchemaError, match="không phải cơ sở dữ liệu của OCOP Desktop"):
        upgrade(engine, path)
    engine.dispose()


def test_connections_use_wal_foreign_keys_and_full_sync(db):
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000


def test_a_unit_of_work_without_commit_changes_nothing(make_uow):
    from sqlalchemy import select

    from ocop_desktop.persistence.models import Product

    with make_uow() as uow:
        uow.session.add(Product(name="Chưa lưu", status="tiem_nang"))
        uow.session.flush()
    with make_uow() as uow:
        assert uow.session.scalars(select(Product)).all() == []


def test_a_migration_failing_midway_leaves_the_old_schema(tmp_path):
    """All steps run in one transaction: a failure (or a kill) after some of them have run
    leaves the revision and the tables as they were, not an intermediate schema."""
    from sqlalchemy import event

    path = tmp_path / "ocop.db"
    _make_first_schema_db(path)
    before = _tables(path)
    engine = make_engine(path)

    @event.listens_for(engine, "before_cursor_execute")
    def fail_at_the_last_step(conn, cursor, statement, params, context, executemany):
        if "alembic_version" in statement and head_revision() in str(params) + statement:
            raise RuntimeError("giả lập mất điện giữa chừng")

    with pytest.raises(RuntimeError):
        upgrade(engine, path)
    engine.dispose()
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchall() == [("0001",)]
    assert _tables(path) == before  # 0002–0004 ran before the failure and were rolled back
    engine = make_engine(path)
    assert upgrade(engine, path).after == head_revision()  # a re-run finishes the job
    engine.dispose()


def test_0007_turns_every_recorded_successor_into_a_main_link(tmp_path):
    """A database of 0006 whose old commune points at its successor gets the same link in
    place_links, so the old->new search and filters work before the reference loader runs."""
    path = tmp_path / "ocop.db"
    engine = make_engine(path)
    upgrade(engine, path, revision="0006")
    engine.dispose()
    with sqlite3.connect(path) as conn:
        for pid, name, successor in (("new", "Xã Mường Ảng", None), ("old", "Xã Ẳng Nưa", "new")):
            conn.execute(
                "INSERT INTO places (id, key, name, name_folded, name_sort, kind, successor_id,"
                " successor_confirmed, note, created_at, updated_at) VALUES (?, ?, ?, '', ?, 'xa', ?, 1, '',"
                " '2024-01-01 00:00:00', '2024-01-01 00:00:00')",
                (pid, pid, name, vn_sort_string(name), successor),
            )
    engine = make_engine(path)
    upgrade(engine, path)
    engine.dispose()
    with sqlite3.connect(path) as conn:
        links = conn.execute("SELECT predecessor_id, successor_id, main, note FROM place_links").fetchall()
    assert links == [("old", "new", 1, "")]


def test_0008_gives_existing_campaigns_the_letters_reading_of_the_deadline(tmp_path):
    """A campaign made before 0008 reads «trước ngày» literally: the deadline day itself is late."""
    path = tmp_path / "ocop.db"
    engine = make_engine(path)
    upgrade(engine, path, revision="0007")
    engine.dispose()
    with sqlite3.connect(path) as conn:
        conn.execute(
            "INSERT INTO survey_campaigns (id, year, title, issuing_letter, deadline, created_at, updated_at)"
            " VALUES ('c-1', 2024, 'Rà soát 2024', '', '2024-07-05', '2024-06-01 00:00:00',"
            " '2024-06-01 00:00:00')"
        )
    engine = make_engine(path)
    upgrade(engine, path)
    engine.dispose()
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT deadline_day_on_time FROM survey_campaigns WHERE id='c-1'").fetchone() == (0,)

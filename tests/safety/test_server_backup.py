"""`ocop backup` / `ocop restore` on a PostgreSQL server (issue 18 item 4): pg_dump's archive,
restored into an empty database, reproduces every table row for row; a database that already
holds data is never restored into."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from sqlalchemy import text

from ocop_desktop.persistence.database import open_database
from ocop_desktop.persistence.engine import make_engine
from ocop_desktop.persistence.models import Base
from ocop_desktop.services.products import ProductInput, ProductService
from tests.cli_run import ocop
from tests.pg import create_database, database_url, drop_database

# One throw-away cluster per worker: keep these tests on one (tests/pg.py).
pytestmark = pytest.mark.xdist_group("postgresql")


def table_digests(url: str) -> dict[str, tuple[int, str]]:
    """Every table of the schema: (row count, sha256 of its rows as text, sorted by every column)."""
    engine = make_engine(url, read_only=True)
    out = {}
    try:
        with engine.connect() as conn:
            for name, table in sorted(Base.metadata.tables.items()):
                columns = ", ".join(f'"{c.name}"::text' for c in table.columns)
                order = ", ".join(str(i + 1) for i in range(len(table.columns)))
                rows = conn.execute(text(f'SELECT {columns} FROM "{name}" ORDER BY {order}')).all()
                digest = hashlib.sha256()
                for row in rows:
                    digest.update(repr(tuple(row)).encode("utf-8"))
                out[name] = (len(rows), digest.hexdigest())
            version = conn.execute(text("SELECT version_num FROM alembic_version")).scalar_one()
            out["alembic_version"] = (1, version)
    finally:
        engine.dispose()
    return out


def _new_database(pg_server: str):
    name = create_database(pg_server)
    try:
        yield database_url(pg_server, name)
    finally:
        drop_database(pg_server, name)


second_database = pytest.fixture(_new_database, name="second_database")
third_database = pytest.fixture(_new_database, name="third_database")


def test_backup_and_restore_on_the_server_reproduce_every_table(
    pg_url: str, second_database: str, third_database: str, tmp_path: Path
):
    done = ocop("--db", pg_url, "init", "--sample", "muong-ang-2024")
    assert done.returncode == 0, done.stderr
    db = open_database(pg_url)
    try:
        ProductService(db.uow_factory(actor="Chuyên viên tỉnh")).create(ProductInput(name="Mật ong bạc hà Mường Áng"))
    finally:
        db.close()
    before = table_digests(pg_url)
    assert before["products"][0] > 1 and before["audit_log"][0] > 1

    archive = tmp_path / "tinh.dump"
    done = ocop("--db", pg_url, "backup", "-o", archive)
    assert done.returncode == 0, done.stderr
    assert f"vào {archive}" in done.stdout and "Bản sao đã được kiểm tra" in done.stdout
    assert f"{before['products'][0]} sản phẩm" in done.stdout
    assert archive.is_file() and not list(tmp_path.glob(".*.tmp"))
    # Without -o: the user's backups folder, named after the database, as the file backups are.
    done = ocop("--db", pg_url, "backup", env={"XDG_DATA_HOME": str(tmp_path / "du-lieu")})
    assert done.returncode == 0, done.stderr
    made = list((tmp_path / "du-lieu").glob(f"*/*/backups/{pg_url.rpartition('/')[2]}-thu-cong-*.dump"))
    assert len(made) == 1 and str(made[0]) in done.stdout

    done = ocop("--db", second_database, "restore", archive, "--yes")
    assert done.returncode == 0, done.stderr
    assert f"{before['products'][0]} sản phẩm" in done.stdout
    assert "chuỗi kiểm tra đạt" in done.stdout
    after = table_digests(second_database)
    assert after == before  # every table: same rows, same values
    assert len(after) == len(Base.metadata.tables) + 1

    # (The restore checked the audit chain with every covered record, as `ocop check` does.)

    # Restoring into a database that holds data is refused, and changes nothing.
    done = ocop("--db", pg_url, "restore", archive, "--yes")
    assert done.returncode == 1
    assert "createdb" in done.stderr and "trống" in done.stderr and "không bị thay đổi" in done.stderr
    assert table_digests(pg_url) == before

    # A backup whose audit log no longer matches its records (a name edited outside the program):
    # the restore is undone, leaving the database empty, unless the user accepts it.
    engine = make_engine(pg_url)
    try:
        with engine.begin() as conn:
            conn.execute(
                text("UPDATE products SET name = 'Sửa ngoài ứng dụng' WHERE name = 'Mật ong bạc hà Mường Áng'")
            )
    finally:
        engine.dispose()
    edited = tmp_path / "da-sua.dump"
    assert ocop("--db", pg_url, "backup", "-o", edited).returncode == 0
    done = ocop("--db", third_database, "restore", edited, "--yes")
    assert done.returncode == 1
    assert "sửa ngoài ứng dụng" in done.stderr and "làm trống lại" in done.stderr
    assert public_tables(third_database) == 0
    done = ocop("--db", third_database, "restore", edited, "--yes", "--accept-broken-log")
    assert done.returncode == 0, done.stderr
    assert "sửa ngoài ứng dụng" in done.stderr and "Đã khôi phục" in done.stdout
    assert table_digests(third_database)["products"] == table_digests(pg_url)["products"]


def public_tables(url: str) -> int:
    engine = make_engine(url, read_only=True)
    try:
        with engine.connect() as conn:
            return int(conn.execute(text("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")).scalar_one())
    finally:
        engine.dispose()


def test_a_file_that_is_not_an_archive_is_refused_and_the_database_stays_empty(second_database: str, tmp_path: Path):
    bogus = tmp_path / "khong-phai.dump"
    bogus.write_bytes(b"SQLite format 3\x00" + bytes(200))
    done = ocop("--db", second_database, "restore", bogus, "--yes")
    assert done.returncode == 1
    assert "không phải bản sao lưu máy chủ" in done.stderr
    assert public_tables(second_database) == 0


def test_without_pg_dump_the_backup_says_what_to_install(monkeypatch, tmp_path: Path):
    from ocop_desktop.services import server_backup

    monkeypatch.setattr(server_backup, "_candidates", lambda name: [])
    done = ocop("--db", "postgresql://tinh@127.0.0.1:9/ocop", "backup", "-o", tmp_path / "x.dump")
    assert done.returncode == 1
    assert "Không tìm thấy pg_dump: cài PostgreSQL (Debian: apt-get install postgresql-client" in done.stderr
    assert not list(tmp_path.iterdir())


def test_a_password_written_in_the_url_goes_to_pg_dump_in_its_environment_not_its_arguments():
    from ocop_desktop.services.server_backup import _connection

    url, env = _connection("postgresql://tinh:bi-mat@db.so-nn.vn:5432/ocop?sslmode=require")
    assert "bi-mat" not in url and url.startswith("postgresql://tinh@db.so-nn.vn:5432/ocop")
    assert "sslmode=require" in url and env["PGPASSWORD"] == "bi-mat"
    url, env = _connection("postgresql://tinh@db.so-nn.vn/ocop")  # libpq reads ~/.pgpass itself
    assert "PGPASSWORD" not in env or env["PGPASSWORD"] == __import__("os").environ.get("PGPASSWORD")

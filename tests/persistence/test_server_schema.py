"""The same program on a PostgreSQL server (issue 18): the migrations make the same schema on
both engines, and a product saved on the server reads back, searches and sorts as on SQLite."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import inspect, text, types

from ocop_desktop.persistence.database import open_database
from ocop_desktop.persistence.engine import is_server_url, make_engine, shown_url
from ocop_desktop.persistence.migrate import head_revision, upgrade
from ocop_desktop.persistence.models import AuditEntry
from ocop_desktop.services.products import ProductInput, ProductService

# One throw-away cluster per worker: keep these tests on one (tests/pg.py).
pytestmark = pytest.mark.xdist_group("postgresql")

FAMILIES: tuple[tuple[type[Any], str], ...] = (
    (types.Boolean, "boolean"),
    (types.Integer, "integer"),  # BigInteger too
    (types.Float, "number"),  # REAL, DOUBLE PRECISION
    (types.Numeric, "number"),
    (types.DateTime, "datetime"),
    (types.Date, "date"),
    (types.JSON, "json"),
    (types.String, "text"),  # Text, VARCHAR(n)
)


def family(column_type: Any) -> tuple[str, int | None]:
    """(kind, declared length of a text column): what both engines must agree on."""
    for cls, name in FAMILIES:
        if isinstance(column_type, cls):
            return name, getattr(column_type, "length", None) if name == "text" else None
    return type(column_type).__name__, None


def schema_of(engine) -> dict[str, dict[str, Any]]:
    inspector = inspect(engine)
    out: dict[str, dict[str, Any]] = {}
    for table in sorted(inspector.get_table_names()):
        out[table] = {
            "columns": {c["name"]: (c["nullable"], family(c["type"])) for c in inspector.get_columns(table)},
            "primary key": inspector.get_pk_constraint(table)["constrained_columns"],
            # An index PostgreSQL makes for a unique constraint is compared as that constraint.
            "indexes": sorted(
                (i["name"], tuple(i["column_names"]), bool(i["unique"]))
                for i in inspector.get_indexes(table)
                if not i.get("duplicates_constraint")
            ),
            "unique": sorted((u["name"], tuple(u["column_names"])) for u in inspector.get_unique_constraints(table)),
            "foreign keys": sorted(
                (f["name"], tuple(f["constrained_columns"]), f["referred_table"], tuple(f["referred_columns"]))
                for f in inspector.get_foreign_keys(table)
            ),
        }
    return out


def test_the_migrations_make_the_same_schema_on_sqlite_and_postgresql(tmp_path: Path, pg_url: str):
    schemas = []
    for location in (tmp_path / "ocop.db", pg_url):
        engine = make_engine(location)
        try:
            assert upgrade(engine, location).after == head_revision()
            schemas.append(schema_of(engine))
        finally:
            engine.dispose()
    on_sqlite, on_server = schemas
    assert sorted(on_server) == sorted(on_sqlite)
    assert len(on_sqlite) > 30
    for table in on_sqlite:
        for part in on_sqlite[table]:
            assert on_server[table][part] == on_sqlite[table][part], (table, part)


def test_a_product_saved_on_the_server_reads_back_searches_and_sorts(pg_url: str):
    assert is_server_url(pg_url) and not is_server_url("C:/Users/me/ocop.db")
    db = open_database(pg_url)
    try:
        assert db.on_server and db.migration.after == head_revision() and db.migration.backup is None
        products = ProductService(db.uow_factory(actor="Chuyên viên tỉnh"))
        names = ("Ếch đồng", "Dưa", "Đậu", "Ấm trà", "Ẳng", "Bưởi", "Em", "Cà phê bột Hà Chung")
        created = {name: products.create(ProductInput(name=name)) for name in names}
        coffee = products.get(created["Cà phê bột Hà Chung"].id)
        assert coffee.name == "Cà phê bột Hà Chung"
        assert [p.name for p in products.list(search="ca phe")] == ["Cà phê bột Hà Chung"]
        assert [p.name for p in products.list(search="ĐẬU")] == ["Đậu"]
        assert [p.name for p in products.list(search="DAU")] == ["Đậu"]
        assert products.list(search="100%") == []  # a typed wildcard is literal on the server too
        # Vietnamese order, whatever the server's own collation (the test database's is ICU English).
        assert [p.name for p in products.list()] == [
            "Ẳng", "Ấm trà", "Bưởi", "Cà phê bột Hà Chung", "Dưa", "Đậu", "Em", "Ếch đồng",
        ]  # fmt: skip
        with db.engine.connect() as conn:
            entries = conn.execute(text("SELECT count(*), max(seq) FROM audit_log")).one()
            assert entries == (len(names), len(names))  # one chained entry each, with its digest
            sealed = conn.execute(text(f"SELECT count(*) FROM {AuditEntry.__tablename__} WHERE row_hash IS NULL"))
            assert sealed.scalar() == 0
    finally:
        db.close()
    reopened = open_database(pg_url)  # at the newest schema already: nothing to migrate
    try:
        assert not reopened.migration.changed
        assert len(ProductService(reopened.uow_factory()).list()) == len(names)
    finally:
        reopened.close()


def test_a_password_in_the_url_is_never_shown():
    assert shown_url("postgresql://tinh:bi-mat@db.so-nn.vn:5432/ocop") == "postgresql://tinh:***@db.so-nn.vn:5432/ocop"


def test_ocop_takes_the_server_from_db_or_ocop_db(pg_url: str, capsys, monkeypatch, tmp_path: Path):
    from ocop_desktop import cli

    assert cli.main(["--db", pg_url, "products", "list", "--format", "csv"]) == 0
    assert capsys.readouterr().out.startswith("id,name,")  # migrated on first use, no products yet
    db = open_database(pg_url)
    try:
        ProductService(db.uow_factory()).create(ProductInput(name="Mật ong bạc hà"))
    finally:
        db.close()
    monkeypatch.setenv("OCOP_DB", pg_url)
    assert cli.main(["products", "list", "--search", "mat ong", "--format", "csv"]) == 0
    assert "Mật ong bạc hà" in capsys.readouterr().out
    # A command made for the file itself says so, and creates no file named after the URL
    # (`backup` itself runs pg_dump on a server: tests/safety/test_server_backup.py).
    monkeypatch.chdir(tmp_path)
    assert cli.main(["backup", "list"]) == 1
    assert "máy chủ PostgreSQL" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []

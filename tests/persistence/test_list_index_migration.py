"""Migration 0012 (the registry's list indexes) on a database holding products: up, down and up again,
the products untouched and the registry's page the same each time."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from ocop_desktop.domain.text import fold, vn_sort_string
from ocop_desktop.persistence.engine import make_engine
from ocop_desktop.persistence.migrate import _config, upgrade

NAMES = ["Đào", "Ăn", "an", "Bưởi Đoan Hùng", "Ấm", "Chè Phìn Hồ", "dưa"]


def _indexes(path: Path) -> set[str]:
    with sqlite3.connect(path) as conn:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}


def _products(path: Path) -> list[tuple]:
    with sqlite3.connect(path) as conn:
        return conn.execute("SELECT * FROM products ORDER BY id").fetchall()


def _downgrade(path: Path, revision: str) -> None:
    from alembic import command

    engine = make_engine(path)
    cfg = _config()
    with engine.connect() as conn, conn.begin():
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, revision)
    engine.dispose()


def _page(path: Path) -> list[str]:
    from datetime import date

    from ocop_desktop.persistence.database import open_database
    from ocop_desktop.services.products import ProductFilter, ProductService

    db = open_database(path)
    try:
        service = ProductService(db.uow_factory())
        return [r.name for r in service.query(ProductFilter(sort="producer"), today=date(2026, 12, 2))[0]]
    finally:
        db.close()


def test_the_list_indexes_go_up_down_and_up_on_a_database_with_products(tmp_path):
    path = tmp_path / "ocop.db"
    engine = make_engine(path)
    upgrade(engine, path, revision="0011")
    engine.dispose()
    with sqlite3.connect(path) as conn:
        for i, name in enumerate(NAMES):
            at = "2025-01-01 00:00:00"
            conn.execute(
                "INSERT INTO producers (id, name, name_folded, name_sort, notes, created_at, updated_at)"
                " VALUES (?, ?, ?, ?, '', ?, ?)",
                (f"r-{i}", f"HTX {name}", fold(f"HTX {name}"), vn_sort_string(f"HTX {name}"), at, at),
            )
            conn.execute(
                "INSERT INTO products (id, name, name_folded, name_sort, producer_id, status, checklist, notes,"
                " created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'dang_ky', '{}', '', ?, ?)",
                (f"p-{i}", name, fold(name), vn_sort_string(name), f"r-{i}", at, at),
            )
    before = _products(path)
    assert "ix_products_list_name" not in _indexes(path)

    engine = make_engine(path)
    assert upgrade(engine, path).after >= "0012"
    engine.dispose()
    assert {"ix_products_list_name", "ix_products_list_producer", "ix_places_name_sort"} <= _indexes(path)
    # Later steps add columns at the end (0016: the label follow-up), empty on these rows.
    assert [r[: len(before[0])] for r in _products(path)] == before
    expected = ["an", "Ăn", "Ấm", "Bưởi Đoan Hùng", "Chè Phìn Hồ", "dưa", "Đào"]
    assert _page(path) == expected

    _downgrade(path, "0011")
    assert not {i for i in _indexes(path) if i.startswith("ix_products_list_")} and "ix_places_name_sort" not in (
        _indexes(path)
    )
    assert _products(path) == before
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"

    engine = make_engine(path)
    upgrade(engine, path)
    engine.dispose()
    assert "ix_products_list_name" in _indexes(path)
    assert _page(path) == expected

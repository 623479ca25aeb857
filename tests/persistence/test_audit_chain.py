"""The audit log is a hash chain: every change recorded, and a hand-edited file is detected."""

from __future__ import annotations

import json
import sqlite3
import threading
from pathlib import Path

import pytest

from ocop_desktop.persistence.audit_chain import GENESIS, HEAD_KEY, entry_hash
from ocop_desktop.persistence.database import open_database
from ocop_desktop.persistence.engine import make_engine
from ocop_desktop.persistence.migrate import upgrade
from ocop_desktop.persistence.models import AuditEntry
from ocop_desktop.services.audit import AuditFilter, AuditService
from ocop_desktop.services.products import ProductInput, ProductService
from tests.cli_run import ocop


def _rows(path: Path) -> list[tuple]:
    with sqlite3.connect(path) as conn:
        return conn.execute(
            "SELECT seq, at, actor, action, entity, entity_id, changes, context, prev_hash, hash,"
            " row_hash FROM audit_log ORDER BY seq"
        ).fetchall()


def _assert_chain(path: Path) -> None:
    prev = GENESIS
    rows = _rows(path)
    for n, (seq, at, actor, action, entity, entity_id, changes, context, prev_hash, digest, row_hash) in enumerate(
        rows, 1
    ):
        assert seq == n and prev_hash == prev
        assert digest == entry_hash(
            seq, at, actor, action, entity, entity_id, json.loads(changes), context, prev_hash, row_hash
        )
        prev = digest
    with sqlite3.connect(path) as conn:
        head = conn.execute("SELECT value FROM app_meta WHERE key=?", (HEAD_KEY,)).fetchone()[0]
    assert head == f"{len(rows)}:{prev}"


def _chain_of(db) -> list[str]:
    """The chain verified as `ocop check` verifies it, on a file or a server (--engine=postgresql)."""
    from tests.cli.test_concurrent_edit import chain_breaks  # noqa: PLC0415

    return chain_breaks(db.url or str(db.path))


def _count(db) -> int:
    with db.engine.connect() as conn:
        return int(conn.exec_driver_sql("SELECT count(*) FROM audit_log").scalar())


@pytest.fixture
def products(make_uow):
    return ProductService(make_uow)


def test_every_change_records_who_when_what_old_and_new_in_one_chain(products, make_uow, db):
    created = products.create(ProductInput(name="Mật ong Mường Ảng"))
    products.update(created.id, ProductInput(name="Mật ong hoa rừng Mường Ảng", notes="Thu hoạch tháng 4"))
    history = AuditService(make_uow).history("products", created.id)
    assert [e.action for e in history] == ["update", "create"]
    update = history[0]
    assert update.actor == "Nguyễn Văn Kiểm" and update.record == "Mật ong hoa rừng Mường Ảng"
    changed = {c.field: (c.old, c.new) for c in update.changes}
    assert changed["name"] == ("«Mật ong Mường Ảng»", "«Mật ong hoa rừng Mường Ảng»")
    assert changed["notes"] == ("(trống)", "«Thu hoạch tháng 4»")
    assert "Tên: «Mật ong Mường Ảng» → «Mật ong hoa rừng Mường Ảng»" in update.summary
    assert _chain_of(db) == []


def test_entries_written_by_a_service_itself_are_chained_too(make_uow, db):
    with make_uow() as uow:
        uow.session.add(AuditEntry(actor="A", action="restore", entity="database", entity_id="", changes={}))
        uow.commit()
    assert _chain_of(db) == []


def test_two_writers_at_once_keep_one_linear_chain(db):
    """Two connections saving at the same time: the write lock taken before the chain's head is
    read means they append one after the other, never both after the same entry."""
    errors = []

    def writer(prefix: str) -> None:
        try:
            service = ProductService(db.uow_factory(actor=prefix))
            for i in range(15):
                service.create(ProductInput(name=f"{prefix} {i}"))
        except Exception as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(name,)) for name in ("Xã A", "Xã B")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert _count(db) == 30
    assert _chain_of(db) == []


@pytest.mark.sqlite_only
def test_migration_0005_backfills_the_chain_of_older_entries(tmp_path):
    path = tmp_path / "cu.db"
    engine = make_engine(path)
    upgrade(engine, path, revision="0004")
    engine.dispose()
    with sqlite3.connect(path) as conn:
        for i in range(3):
            conn.execute(
                "INSERT INTO audit_log (at, actor, action, entity, entity_id, changes, context) VALUES"
                " (?, 'Lò Văn A', 'create', 'products', ?, ?, '')",
                (f"2024-01-0{i + 1} 08:00:00.000000", f"p-{i}", json.dumps({"name": [None, f"SP {i}"]})),
            )
    db = open_database(path)
    ProductService(db.uow_factory(actor="B")).create(ProductInput(name="Sau nâng cấp"))
    db.close()
    _assert_chain(path)
    rows = _rows(path)
    # 3 old entries, migration 0010's seals of their records (no such rows: sealed as absent), the new one
    assert len(rows) == 7
    assert [(r[3], r[5], r[10]) for r in rows[3:6]] == [("seal", f"p-{i}", None) for i in range(3)]


@pytest.fixture
def checked_db(products, db, db_path):
    """The tests that take it edit the SQLite file behind the program's back (sqlite3): sqlite_only."""
    products.create(ProductInput(name="Cà phê bột Hà Chung"))
    products.create(ProductInput(name="Rượu nếp Thành Thủy"))
    target = products.create(ProductInput(name="Chè Shan tuyết"))
    products.update(target.id, ProductInput(name="Chè Shan tuyết Pú Nhung"))
    products.create(ProductInput(name="Mật ong"))
    db.close()
    done = ocop("--db", str(db_path), "check")
    assert done.returncode == 0, done.stderr
    assert "chuỗi mã kiểm tra liền mạch" in done.stdout
    return db_path, target.id


def _seq_of(path: Path, entity_id: str, action: str) -> int:
    with sqlite3.connect(path) as conn:
        return conn.execute("SELECT seq FROM audit_log WHERE entity_id=? AND action=?", (entity_id, action)).fetchone()[
            0
        ]


@pytest.mark.sqlite_only
def test_editing_a_name_and_its_audit_row_by_hand_is_reported_by_ocop_check(checked_db):
    path, product_id = checked_db
    seq = _seq_of(path, product_id, "update")
    with sqlite3.connect(path) as conn:  # behind the application's back
        conn.execute("UPDATE products SET name='Chè giả mạo' WHERE id=?", (product_id,))
        changes = json.dumps({"name": ["Chè Shan tuyết", "Chè giả mạo"]}, ensure_ascii=False)
        conn.execute("UPDATE audit_log SET changes=? WHERE seq=?", (changes, seq))
    done = ocop("--db", str(path), "check")
    assert done.returncode == 1
    assert f"Mục nhật ký số {seq} đã bị sửa ngoài ứng dụng" in done.stderr
    assert "có vấn đề" in done.stderr


@pytest.mark.sqlite_only
def test_editing_a_name_alone_is_reported_against_its_history(checked_db):
    path, product_id = checked_db
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE products SET name='Chè giả mạo' WHERE id=?", (product_id,))
    done = ocop("--db", str(path), "check")
    assert done.returncode == 1
    assert "Sản phẩm «Chè Shan tuyết Pú Nhung»: «Tên» khác với nhật ký thay đổi" in done.stderr


@pytest.mark.sqlite_only
def test_deleting_an_audit_row_is_reported_with_its_number(checked_db):
    path, product_id = checked_db
    seq = _seq_of(path, product_id, "create")
    with sqlite3.connect(path) as conn:
        conn.execute("DELETE FROM audit_log WHERE seq=?", (seq,))
    done = ocop("--db", str(path), "check")
    assert done.returncode == 1
    assert f"Thiếu mục nhật ký số {seq}: đã bị xóa ngoài ứng dụng" in done.stderr
    assert f"Mục nhật ký số {seq + 1} không nối với mục liền trước" in done.stderr


@pytest.mark.sqlite_only
def test_deleting_the_newest_audit_rows_is_reported(checked_db):
    path, _ = checked_db
    last = len(_rows(path))
    with sqlite3.connect(path) as conn:
        conn.execute("DELETE FROM audit_log WHERE seq=?", (last,))
    done = ocop("--db", str(path), "check")
    assert done.returncode == 1
    assert f"từ số {last} đến số {last}, đã bị xóa ngoài ứng dụng" in done.stderr


@pytest.mark.sqlite_only
def test_recomputing_one_hash_does_not_hide_an_edit(checked_db):
    path, product_id = checked_db
    seq = _seq_of(path, product_id, "update")
    row = next(r for r in _rows(path) if r[0] == seq)
    changes = {"name": ["Chè Shan tuyết", "Chè giả mạo"]}
    forged = entry_hash(seq, row[1], row[2], row[3], row[4], row[5], changes, row[7], row[8], row[10])
    with sqlite3.connect(path) as conn:
        conn.execute(
            "UPDATE audit_log SET changes=?, hash=? WHERE seq=?", (json.dumps(changes, ensure_ascii=False), forged, seq)
        )
    done = ocop("--db", str(path), "check")
    assert done.returncode == 1
    assert f"Mục nhật ký số {seq + 1} không nối với mục liền trước" in done.stderr


def test_the_activity_log_filters_and_finds_records_without_accents(products, make_uow):
    a = products.create(ProductInput(name="Cà phê bột Hà Chung"))
    products.create(ProductInput(name="Rượu nếp"))
    audit = AuditService(make_uow)
    found = audit.entries(AuditFilter(search="ca phe"))
    assert {e.entity_id for e in found} == {a.id}
    assert [e.entity for e in audit.entries(AuditFilter(entity="products"))] == ["products", "products"]
    assert ("products", "Sản phẩm") in audit.entities()
    assert audit.actors() == ["Nguyễn Văn Kiểm"]

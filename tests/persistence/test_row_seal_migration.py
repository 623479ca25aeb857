"""Migration 0010 seals a database that existed before row digests: it checks healthy afterwards,
and an edit made after the upgrade is caught."""

from __future__ import annotations

import json
import sqlite3

from ocop_desktop.persistence.audit_chain import GENESIS, HEAD_KEY, entry_hash, head_value
from ocop_desktop.persistence.database import open_database
from ocop_desktop.persistence.engine import make_engine
from ocop_desktop.persistence.migrate import upgrade
from ocop_desktop.services.health import check_database


def test_an_older_database_is_sealed_on_upgrade_and_then_guarded(tmp_path):
    path = tmp_path / "cu.db"
    engine = make_engine(path)
    upgrade(engine, path, revision="0009")
    engine.dispose()
    at = "2025-03-01 08:00:00.000000"
    with sqlite3.connect(path) as conn:  # as version 0009 wrote them: entries chained, no row digest
        prev = GENESIS
        for seq, (pid, name) in enumerate((("p-1", "Mật ong hoa ban"), ("p-2", "Chè Shan tuyết")), start=1):
            conn.execute(
                "INSERT INTO products (id, name, name_folded, name_sort, status, checklist, notes, created_at,"
                " updated_at) VALUES (?, ?, '', '', 'tiem_nang', '{}', '', ?, ?)",
                (pid, name, at, at),
            )
            changes = {"name": [None, name], "status": [None, "tiem_nang"]}
            digest = entry_hash(seq, at, "Lò Văn A", "create", "products", pid, changes, "", prev)
            conn.execute(
                "INSERT INTO audit_log (seq, at, actor, action, entity, entity_id, changes, context, "
                "prev_hash, hash) VALUES (?, ?, 'Lò Văn A', 'create', 'products', ?, ?, '', ?, ?)",
                (seq, at, pid, json.dumps(changes, ensure_ascii=False), prev, digest),
            )
            prev = digest
        conn.execute("INSERT INTO app_meta (key, value) VALUES (?, ?)", (HEAD_KEY, head_value(2, prev)))
        conn.execute("INSERT INTO app_meta (key, value) VALUES ('user_name', 'Lò Văn A')")
    open_database(path).close()  # upgrades to 0010: every live record sealed
    with sqlite3.connect(path) as conn:
        sealed = conn.execute("SELECT entity, entity_id FROM audit_log WHERE action = 'seal' ORDER BY seq").fetchall()
    # 0010 seals every record; 0016 seals the products again, their new label columns being part of the digest.
    products = [("products", "p-1"), ("products", "p-2")]
    assert sealed == [*products, ("app_meta", "user_name"), *products]
    report = check_database(path)
    assert report.healthy, report.problems

    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE products SET status = 'da_cong_nhan' WHERE id = 'p-2'")
        conn.execute("UPDATE app_meta SET value = 'Người lạ' WHERE key = 'user_name'")
    problems = check_database(path).problems
    assert any(p.startswith("Sản phẩm «Chè Shan tuyết»: «Trạng thái» khác với nhật ký thay đổi") for p in problems)
    assert any(p.startswith("Thiết lập «Họ và tên người sử dụng»: ") for p in problems)

"""The chain's head is anchored outside the database (backup sidecars, sent packages, a signed log):
a chain recomputed with the published algorithm no longer matches, and restore asks first."""

from __future__ import annotations

import json
import shutil
import sqlite3
import zipfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from ocop_desktop.cli import main
from ocop_desktop.exports.package import MANIFEST
from ocop_desktop.exports.signing import key_file_for
from ocop_desktop.persistence.audit_chain import GENESIS, HEAD_KEY, entry_hash, head_value
from ocop_desktop.persistence.database import open_database
from ocop_desktop.persistence.row_seal import content_columns, row_digest
from ocop_desktop.services.anchors import anchors_file, sidecar_of
from ocop_desktop.services.exchange import ExchangeService
from ocop_desktop.services.office_key import office_key
from ocop_desktop.services.products import ProductInput, ProductService
from ocop_desktop.services.reference import load_reference, place_id
from ocop_desktop.services.settings import save_office_settings


@pytest.fixture
def office_db(reference_template, tmp_path) -> Path:
    path = tmp_path / "ocop.db"
    shutil.copyfile(reference_template, path)
    db = open_database(path)
    make_uow = db.uow_factory(actor="Lò Văn Anh")
    load_reference(make_uow)
    save_office_settings(make_uow, place_id("xa-ang-nua"), "Lò Văn Anh", "Công chức")
    office_key(make_uow)  # made at set-up
    products = ProductService(make_uow)
    products.create(ProductInput(name="Chè Shan tuyết"))
    products.create(ProductInput(name="Mật ong hoa ban"))
    db.close()
    return path


def _add(path: Path, name: str) -> None:
    db = open_database(path)
    try:
        ProductService(db.uow_factory(actor="Lò Văn Anh")).create(ProductInput(name=name))
    finally:
        db.close()


def recompute_chain(path: Path, old_name: str, forged: str) -> None:
    """What a careful forger does: change a record, its log entries and their row digests, then
    hash the whole chain again with the published algorithm (persistence/audit_chain.py, row_seal.py)."""
    conn = sqlite3.connect(path)
    with conn:
        pid = conn.execute("SELECT id FROM products WHERE name = ?", (old_name,)).fetchone()[0]
        conn.execute("UPDATE products SET name = ? WHERE id = ?", (forged, pid))
        columns = content_columns("products")
        digest = row_digest(
            columns, conn.execute(f"SELECT {', '.join(columns)} FROM products WHERE id = ?", (pid,)).fetchone()
        )
        rows = conn.execute(
            "SELECT seq, at, actor, action, entity, entity_id, changes, context, row_hash FROM audit_log ORDER BY seq"
        ).fetchall()
        prev = GENESIS
        for seq, at, actor, action, entity, entity_id, changes, context, row_hash in rows:
            values = json.loads(changes)
            if entity_id == pid:
                if "name" in values:
                    values["name"][1] = forged
                row_hash = digest if row_hash else row_hash
            prev_hash, prev = (
                prev,
                entry_hash(seq, at, actor, action, entity, entity_id, values, context, prev, row_hash),
            )
            conn.execute(
                "UPDATE audit_log SET changes = ?, row_hash = ?, prev_hash = ?, hash = ? WHERE seq = ?",
                (json.dumps(values, ensure_ascii=False), row_hash, prev_hash, prev, seq),
            )
        conn.execute("UPDATE app_meta SET value = ? WHERE key = ?", (head_value(rows[-1][0], prev), HEAD_KEY))
    conn.close()


def _check(path: Path, capsys) -> tuple[int, str, str]:
    code = main(["--db", str(path), "check"])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_a_recomputed_chain_is_reported_against_the_last_backup_even_without_the_anchor_log(office_db, capsys):
    assert main(["--db", str(office_db), "backup"]) == 0
    copy = next((office_db.parent / "backups").glob("*.sqlite"))
    assert sidecar_of(copy).is_file() and anchors_file(office_db).is_file()
    _add(office_db, "Rượu ngô")  # changes after the backup are still fine
    code, out, err = _check(office_db, capsys)
    assert code == 0, err
    assert "Mốc xác nhận bên ngoài (bản sao lưu, gói đã gửi): 1 mốc, đều khớp nhật ký." in out

    recompute_chain(office_db, "Chè Shan tuyết", "Chè Shan tuyết giả")
    anchors_file(office_db).unlink()  # the forger deletes the log beside the database too
    code, out, err = _check(office_db, capsys)
    assert code == 1
    assert "chuỗi mã kiểm tra liền mạch" in out  # the forged chain is sound in itself …
    assert "Nhật ký thay đổi không khớp mốc xác nhận lúc" in err  # … but not with the backup's anchor
    assert f"(bản sao lưu {copy.name})" in err
    assert "Không mốc nào còn khớp, nên không bảo đảm được dữ liệu nào" in err


def test_a_sent_package_carries_the_anchor_in_its_signed_manifest_and_catches_a_recomputed_chain(
    office_db, tmp_path, capsys
):
    assert main(["--db", str(office_db), "backup"]) == 0  # an older anchor the forgery leaves intact
    _add(office_db, "Rượu ngô")
    db = open_database(office_db)
    try:
        ExchangeService(db.uow_factory(actor="Lò Văn Anh")).export(tmp_path / "gui.ocop.zip", include_reports=False)
    finally:
        db.close()
    with zipfile.ZipFile(tmp_path / "gui.ocop.zip") as z:
        anchor = json.loads(z.read(MANIFEST))["audit_anchor"]
    with sqlite3.connect(office_db) as conn:
        head = conn.execute("SELECT value FROM app_meta WHERE key = ?", (HEAD_KEY,)).fetchone()[0]
    assert f"{anchor['count']}:{anchor['head']}" == head

    _add(office_db, "Rượu nếp")
    recompute_chain(office_db, "Rượu ngô", "Rượu ngô giả")
    code, _, err = _check(office_db, capsys)
    assert code == 1
    assert "(gói gui.ocop.zip)" in err and "không khớp mốc xác nhận" in err
    assert "Không còn bảo đảm được dữ liệu từ ngày" in err and "mốc khớp cuối cùng là lúc" in err
    assert "(bản sao lưu ocop-thu-cong-" in err


def test_an_edited_anchor_line_is_refused_by_its_signature(office_db, capsys):
    assert main(["--db", str(office_db), "backup"]) == 0
    log = anchors_file(office_db)
    line = json.loads(log.read_text(encoding="utf-8").splitlines()[0])
    line["count"] = 1
    log.write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    code, _, err = _check(office_db, capsys)
    assert code == 1
    assert "không có chữ ký hợp lệ của khóa đơn vị" in err


def test_restoring_a_copy_whose_chain_was_recomputed_needs_the_explicit_flag(office_db, capsys):
    assert main(["--db", str(office_db), "backup"]) == 0
    copy = next((office_db.parent / "backups").glob("*.sqlite"))
    recompute_chain(copy, "Chè Shan tuyết", "Chè Shan tuyết giả")
    capsys.readouterr()
    assert main(["--db", str(office_db), "restore", "--yes", str(copy)]) == 1
    err = capsys.readouterr().err
    assert "không khớp mốc xác nhận" in err and "--accept-broken-log" in err
    assert main(["--db", str(office_db), "restore", "--yes", "--accept-broken-log", str(copy)]) == 0
    capsys.readouterr()


def test_after_restoring_an_older_good_copy_the_later_anchors_are_not_held_against_it(office_db, capsys):
    assert main(["--db", str(office_db), "backup"]) == 0
    first = next((office_db.parent / "backups").glob("*.sqlite"))
    _add(office_db, "Rượu ngô")
    assert main(["--db", str(office_db), "backup"]) == 0
    assert main(["--db", str(office_db), "restore", "--yes", str(first)]) == 0
    code, out, err = _check(office_db, capsys)
    assert code == 0, err
    assert "đều khớp nhật ký" in out


def test_a_backup_made_before_the_office_was_set_up_still_checks_healthy_after(reference_template, tmp_path, capsys):
    """A first backup (or import) before «Thiết lập đơn vị»: its anchor is signed with the key made
    for it then, and set-up later uses that same key, so `check` stays healthy."""
    path = tmp_path / "ocop.db"
    shutil.copyfile(reference_template, path)
    assert main(["--db", str(path), "backup"]) == 0
    assert json.loads(anchors_file(path).read_text(encoding="utf-8").splitlines()[0]).get("signature")
    assert main(["--db", str(path), "office", "set", "--unit", "Xã Mường Ảng", "--name", "Lò Văn Minh"]) == 0
    code, _out, err = _check(path, capsys)
    assert code == 0, err


def test_an_unsigned_anchor_counts_only_if_it_predates_the_office_key(office_db, capsys):
    """Anchors written by a version that did not make the key early enough are unsigned: taken if they
    are older than the key file, refused if they claim a time when the key already signed everything."""
    log = anchors_file(office_db)
    key_made = datetime.fromtimestamp(key_file_for(office_db).stat().st_mtime, UTC).replace(tzinfo=None)
    older = {
        "head": GENESIS,
        "count": 0,
        "at": (key_made - timedelta(days=1)).isoformat(),
        "where": "cũ",
        "kind": "anchor",
    }
    log.write_text(json.dumps(older, ensure_ascii=False) + "\n", encoding="utf-8")
    code, _, err = _check(office_db, capsys)
    assert code == 0, err
    newer = {**older, "at": (key_made + timedelta(minutes=5)).isoformat()}
    log.write_text(json.dumps(newer, ensure_ascii=False) + "\n", encoding="utf-8")
    code, _, err = _check(office_db, capsys)
    assert code == 1
    assert "không có chữ ký hợp lệ của khóa đơn vị" in err

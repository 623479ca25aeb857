"""`ocop backup`, `ocop backup list`, `ocop restore`, `ocop audit` as a user runs them."""

from __future__ import annotations

import json
import re
import shutil
import sqlite3

import pytest

from tests.cli_run import ocop
from tests.databases import copy_template


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    path = copy_template(tmp_path_factory.mktemp("mau") / "x.db")  # init adds only the sample
    done = ocop("--db", str(path), "init", "--sample", "muong-ang-2024")
    assert done.returncode == 0, done.stderr
    return path


@pytest.fixture
def sample_db(template, tmp_path):
    path = tmp_path / "x.db"
    shutil.copyfile(template, path)  # closed cleanly: one self-contained file
    return path


def _product_names(path) -> list[str]:
    with sqlite3.connect(path) as conn:
        return sorted(r[0] for r in conn.execute("SELECT name FROM products"))


def test_backup_to_a_file_then_list_the_folder(sample_db, tmp_path):
    usb = tmp_path / "usb"
    usb.mkdir()
    done = ocop("--db", str(sample_db), "backup", "-o", str(usb / "ban-sao.sqlite"))
    assert done.returncode == 0, done.stderr
    assert "Đã sao lưu" in done.stdout and "10 sản phẩm" in done.stdout and "kiểm tra toàn vẹn" in done.stdout
    assert (usb / "ban-sao.sqlite").exists()

    assert ocop("--db", str(sample_db), "backup").returncode == 0
    listed = ocop("--db", str(sample_db), "backup", "list")
    assert listed.returncode == 0
    assert "Sao lưu thủ công" in listed.stdout and "Tổng cộng 1 bản sao" in listed.stdout
    assert re.search(r"\d+(,\d)? (KB|MB)  ", listed.stdout)  # each copy's size, Vietnamese digits
    rows = json.loads(ocop("--db", str(sample_db), "backup", "list", "--format", "json").stdout)
    assert [r["reason"] for r in rows] == ["thu-cong"] and rows[0]["size"] > 0


def test_backup_into_a_missing_folder_is_refused(sample_db, tmp_path):
    done = ocop("--db", str(sample_db), "backup", "-o", str(tmp_path / "khong-co" / "x.sqlite"))
    assert done.returncode == 1 and "không tồn tại" in done.stderr


def test_restore_shows_the_summary_and_needs_a_confirmation(sample_db, tmp_path):
    copy = tmp_path / "ban-sao.sqlite"
    assert ocop("--db", str(sample_db), "backup", "-o", str(copy)).returncode == 0
    before = _product_names(sample_db)
    with sqlite3.connect(sample_db) as conn:  # a change made after the backup
        conn.execute("DELETE FROM products WHERE name = ?", (before[0],))

    refused = ocop("--db", str(sample_db), "restore", str(copy))
    assert refused.returncode == 1
    assert "Bản sao sẽ khôi phục:" in refused.stdout and "Gồm: 10 sản phẩm" in refused.stdout
    assert "Phiên bản lược đồ:" in refused.stdout and "Thay đổi mới nhất:" in refused.stdout
    assert "Chạy lại với --yes" in refused.stderr
    assert len(_product_names(sample_db)) == 9

    done = ocop("--db", str(sample_db), "restore", str(copy), "--yes")
    assert done.returncode == 0, done.stderr
    assert _product_names(sample_db) == before
    assert "Dữ liệu ngay trước khi khôi phục được giữ ở:" in done.stdout
    kept = done.stdout.rsplit("giữ ở: ", 1)[1].strip()
    assert len(_product_names(kept)) == 9  # the state before the restore, kept as a backup
    log = json.loads(ocop("--db", str(sample_db), "audit", "--limit", "1", "--format", "json").stdout)
    assert log[0]["action"] == "restore" and copy.name in log[0]["context"]
    assert ocop("--db", str(sample_db), "check").returncode == 0


def test_restore_of_a_missing_or_foreign_file_is_refused(sample_db, tmp_path):
    missing = ocop("--db", str(sample_db), "restore", str(tmp_path / "khong-co.sqlite"), "--yes")
    assert missing.returncode == 1 and "ocop backup list" in missing.stderr
    text = tmp_path / "ghi-chu.sqlite"
    text.write_text("xin chào")
    foreign = ocop("--db", str(sample_db), "restore", str(text), "--yes")
    assert foreign.returncode == 1 and "không phải bản sao dữ liệu OCOP Desktop" in foreign.stderr


def test_a_damaged_database_is_named_with_the_restore_command(sample_db):
    assert ocop("--db", str(sample_db), "backup").returncode == 0
    with sqlite3.connect(sample_db) as conn:
        conn.execute("PRAGMA journal_mode=DELETE")
    data = bytearray(sample_db.read_bytes())
    data[4096 * 3 : 4096 * 3 + 200] = b"\xff" * 200
    sample_db.write_bytes(bytes(data))
    done = ocop("--db", str(sample_db), "products", "list")
    assert done.returncode == 1
    assert "bị hỏng" in done.stderr and "restore" in done.stderr and "thu-cong" in done.stderr
    assert sample_db.read_bytes() == bytes(data)  # never written


def test_audit_lists_the_changes_of_one_record(sample_db):
    rows = json.loads(ocop("--db", str(sample_db), "audit", "--entity", "products", "--format", "json").stdout)
    assert len(rows) == 10 and {r["action_label"] for r in rows} == {"Nạp dữ liệu mẫu: thêm mới"}
    one = json.loads(ocop("--db", str(sample_db), "audit", "--id", rows[0]["entity_id"], "--format", "json").stdout)
    assert [r["seq"] for r in one] == [rows[0]["seq"]]
    text = ocop("--db", str(sample_db), "audit", "--search", "ca phe", "--since", "01/01/2024")
    assert text.returncode == 0 and "Cà phê" in text.stdout
    wrong = ocop("--db", str(sample_db), "audit", "--since", "hôm qua")
    assert wrong.returncode == 2


def _main(*args: str) -> tuple[int, str, str]:
    """The command run in this process: status, stdout, stderr."""
    done = ocop(*args)
    return done.returncode, done.stdout, done.stderr


def test_restoring_another_programs_sqlite_file_is_explained_before_anything_changes(sample_db, tmp_path):
    foreign = tmp_path / "ke-toan.sqlite"
    with sqlite3.connect(foreign) as conn:  # shares table names with OCOP Desktop, not columns
        conn.execute("CREATE TABLE products (id INTEGER PRIMARY KEY, ten TEXT)")
        conn.execute("CREATE TABLE tasks (id INTEGER PRIMARY KEY)")
        conn.execute("INSERT INTO products (ten) VALUES ('Gạo')")
    before = sample_db.read_bytes()
    code, _out, err = _main("--db", str(sample_db), "restore", str(foreign), "--yes")
    assert code == 1
    assert "cơ sở dữ liệu SQLite của chương trình khác" in err and "Dữ liệu hiện tại không bị thay đổi" in err
    assert "no such column" not in err and "updated_at" not in err
    assert sample_db.read_bytes() == before
    assert not (sample_db.parent / "backups").exists()  # not even a safety copy was needed


def test_a_backup_whose_audit_chain_is_broken_needs_more_than_yes(sample_db, tmp_path):
    copy = tmp_path / "ban-sao.sqlite"
    assert _main("--db", str(sample_db), "backup", "-o", str(copy))[0] == 0
    with sqlite3.connect(copy) as conn:  # edited outside the program, log left as it was
        conn.execute("UPDATE products SET name = 'Tên bị sửa tay' WHERE rowid = 1")
    before = sample_db.read_bytes()
    code, _out, err = _main("--db", str(sample_db), "restore", str(copy), "--yes")
    assert code == 1
    assert "Cảnh báo: nhật ký thay đổi của bản sao này đã bị sửa ngoài ứng dụng" in err
    assert "«Tên» khác với nhật ký thay đổi" in err  # which record and field
    assert "--yes --accept-broken-log" in err and "dữ liệu hiện tại không thay đổi" in err
    assert sample_db.read_bytes() == before
    code, _out, err = _main("--db", str(sample_db), "restore", str(copy), "--yes", "--accept-broken-log")
    assert code == 0, err
    assert "Tên bị sửa tay" in _product_names(sample_db)

"""`ocop check` catches a row edited, inserted or deleted with plain sqlite3 in every user-data table,
and names the record the way the user knows it."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from ocop_desktop.cli import main
from ocop_desktop.persistence.database import open_database
from ocop_desktop.persistence.models import (
    AppMeta,
    Directive,
    Evaluation,
    EvaluationMember,
    Producer,
    Product,
    SurveyCampaign,
    SurveyEntry,
    Task,
    TaskProgress,
    TrustedSender,
    UnitSubmission,
)

ANG_NUA = "33770b0f-2bf3-5d9f-9714-6ed024c62610"  # Xã Ẳng Nưa (Điện Biên), from the shipped places
RULE_SET_1489 = "f98f5b0c-f0c5-5e31-8019-4097d3e6e63c"


def _add_one_of_each(make_uow) -> dict[str, str]:
    with make_uow() as uow:
        s = uow.session
        producer = Producer(name="HTX Chè Shan tuyết Ẳng Nưa", commune_id=ANG_NUA)
        product = Product(name="Chè Shan tuyết", producer=producer, commune_id=ANG_NUA, status="tiem_nang")
        directive = Directive(number="12/KH-UBND", subject="Triển khai OCOP 2026")
        task = Task(directive=directive, assignee="Xã Ẳng Nưa", title="Rà soát sản phẩm", status="dang_lam")
        progress = TaskProgress(task=task, noted_on=date(2026, 5, 4), text="Đã gửi công văn")
        campaign = SurveyCampaign(year=2026, title="Rà soát OCOP 2026")
        submission = UnitSubmission(campaign=campaign, unit_id=ANG_NUA, status="da_nop")
        entry = SurveyEntry(campaign=campaign, unit_id=ANG_NUA, product_name="Chè Shan tuyết", price_vnd=250000)
        evaluation = Evaluation(rule_set_id=RULE_SET_1489, evaluated_on=date(2026, 6, 15), level="xa")
        s.add_all([producer, product, directive, task, progress, campaign, submission, entry])
        s.flush()
        evaluation.product_id = product.id
        member = EvaluationMember(evaluation=evaluation, member_name="Lò Văn Hùng", total=72.0)
        sender = TrustedSender(office_name="UBND xã Ẳng Nưa", public_key="A" * 44, fingerprint="ab" * 32)
        s.add_all([evaluation, member, sender, AppMeta(key="user_name", value="Nguyễn Văn Kiểm")])
        uow.commit()
        return {
            "products": product.id,
            "producers": producer.id,
            "directives": directive.id,
            "tasks": task.id,
            "task_progress": progress.id,
            "survey_campaigns": campaign.id,
            "unit_submissions": submission.id,
            "survey_entries": entry.id,
            "evaluations": evaluation.id,
            "evaluation_members": member.id,
            "trusted_senders": sender.id,
            "app_meta": "user_name",
        }


# table -> (a column to edit and its forged value, how `check` names the record)
CASES = {
    "products": (("stars", 5), "Sản phẩm «Chè Shan tuyết»"),
    "producers": (("tax_code", "0101234567"), "Chủ thể «HTX Chè Shan tuyết Ẳng Nưa»"),
    "survey_entries": (("price_vnd", 990000), "Dòng rà soát «Chè Shan tuyết» (Xã Ẳng Nưa)"),
    "unit_submissions": (
        ("submitted_on", "2026-07-01"),
        "Tình trạng nộp báo cáo «Xã Ẳng Nưa» (đợt «Rà soát OCOP 2026»)",
    ),
    "survey_campaigns": (("deadline", "2027-01-01"), "Đợt rà soát «Rà soát OCOP 2026»"),
    "directives": (("issuer", "UBND tỉnh"), "Văn bản chỉ đạo «Triển khai OCOP 2026» (12/KH-UBND)"),
    "tasks": (("status", "hoan_thanh"), "Nhiệm vụ «Rà soát sản phẩm»"),
    "task_progress": (("author", "Người lạ"), "Tiến độ nhiệm vụ «Đã gửi công văn» (nhiệm vụ «Rà soát sản phẩm»)"),
    "evaluations": (("certified", 1), "Kết quả đánh giá «Chè Shan tuyết» (15/06/2026)"),
    "evaluation_members": (
        ("total", 99.0),
        "Phiếu chấm của thành viên hội đồng «Lò Văn Hùng» (chấm sản phẩm «Chè Shan tuyết»)",
    ),
    "trusted_senders": (("fingerprint", "cd" * 32), "Đơn vị gửi được tin cậy «UBND xã Ẳng Nưa»"),
    "app_meta": (("value", "Kẻ giả mạo"), "Thiết lập «Họ và tên người sử dụng»"),
}


@pytest.fixture(scope="module")
def filled(reference_template, tmp_path_factory) -> tuple[Path, dict[str, str]]:
    path = tmp_path_factory.mktemp("filled") / "ocop.db"
    shutil.copyfile(reference_template, path)
    db = open_database(path)
    ids = _add_one_of_each(db.uow_factory(actor="Nguyễn Văn Kiểm"))
    db.close()
    # Healthy before anyone tampers with it (checked once: check leaves the file's bytes as they
    # were), and every test works on a byte copy of it.
    assert main(["--db", str(path), "check"]) == 0
    return path, ids


@pytest.fixture
def copy(filled, tmp_path) -> tuple[Path, dict[str, str]]:
    source, ids = filled
    path = tmp_path / "ocop.db"
    shutil.copyfile(source, path)
    return path, ids


def _check(path: Path, capsys) -> tuple[int, str]:
    code = main(["--db", str(path), "check"])
    return code, capsys.readouterr().err


def _key(table: str) -> str:
    return "key" if table == "app_meta" else "id"


@pytest.mark.parametrize("table", sorted(CASES))
def test_a_row_edited_with_sqlite3_is_named(copy, capsys, table):
    path, ids = copy
    (column, value), label = CASES[table]
    with sqlite3.connect(path) as conn:
        conn.execute(f"UPDATE {table} SET {column} = ? WHERE {_key(table)} = ?", (value, ids[table]))
    code, err = _check(path, capsys)
    assert code == 1
    assert f"{label}: " in err and "khác với nhật ký thay đổi (đã bị sửa ngoài ứng dụng)" in err


@pytest.mark.parametrize("table", sorted(CASES))
def test_a_row_deleted_with_sqlite3_is_named(copy, capsys, table):
    path, ids = copy
    with sqlite3.connect(path) as conn:
        conn.execute(f"DELETE FROM {table} WHERE {_key(table)} = ?", (ids[table],))
    code, err = _check(path, capsys)
    assert code == 1
    assert f"{CASES[table][1]} có trong nhật ký nhưng đã bị xóa ngoài ứng dụng." in err


@pytest.mark.parametrize("table", sorted(CASES))
def test_a_row_inserted_with_sqlite3_is_named(copy, capsys, table):
    path, ids = copy
    with sqlite3.connect(path) as conn:
        columns = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]
        row = dict(
            zip(
                columns,
                conn.execute(f"SELECT * FROM {table} WHERE {_key(table)} = ?", (ids[table],)).fetchone(),
                strict=True,
            )
        )
        if table == "app_meta":
            row = {"key": "user_title", "value": "Chủ tịch"}
            label = "Thiết lập «Chức vụ»"
        else:
            row["id"] = "11111111-2222-3333-4444-555555555555"
            label = CASES[table][1]
            if table == "unit_submissions":
                row["unit_id"] = conn.execute("SELECT id FROM places WHERE name = 'Xã Mường Ảng'").fetchone()[0]
                label = "Tình trạng nộp báo cáo «Xã Mường Ảng» (đợt «Rà soát OCOP 2026»)"
        conn.execute(
            f"INSERT INTO {table} ({', '.join(row)}) VALUES ({', '.join('?' for _ in row)})", tuple(row.values())
        )
    code, err = _check(path, capsys)
    assert code == 1
    assert f"{label} không có trong nhật ký thay đổi: đã được thêm ngoài ứng dụng." in err


def test_the_log_and_its_head_deleted_together_leave_every_record_unvouched(copy, capsys):
    path, _ = copy
    with sqlite3.connect(path) as conn:
        conn.execute("DELETE FROM audit_log")
        conn.execute("DELETE FROM app_meta WHERE key = 'audit_head'")
    code, err = _check(path, capsys)
    assert code == 1
    assert "Sản phẩm «Chè Shan tuyết» không có trong nhật ký thay đổi: đã được thêm ngoài ứng dụng." in err


@pytest.mark.parametrize(
    "sql, named",
    [
        (
            "UPDATE places SET name = 'Xã Giả' WHERE id = '33770b0f-2bf3-5d9f-9714-6ed024c62610'",
            "Địa bàn «Xã Ẳng Nưa» khác với tệp đi kèm chương trình",
        ),
        (
            "DELETE FROM product_sets WHERE id = (SELECT id FROM product_sets ORDER BY position LIMIT 1)",
            "thiếu so với tệp đi kèm chương trình",
        ),
        (
            "INSERT INTO product_groups (id, code, name, position, created_at, updated_at) VALUES "
            "('g-x', 'X', 'Nhóm bịa', 99, '2026-01-01', '2026-01-01')",
            "Nhóm sản phẩm «Nhóm bịa» không có trong tệp đi kèm chương trình",
        ),
        (
            "UPDATE rule_sets SET certificate_months = 60 WHERE code = '1489/2025'",
            "Bộ tiêu chí «1489/QĐ-TTg» khác với tệp đi kèm chương trình",
        ),
    ],
)
def test_reference_data_is_checked_against_the_shipped_files(copy, capsys, sql, named):
    path, _ = copy
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA foreign_keys = OFF")
        conn.execute(sql)
    code, err = _check(path, capsys)
    assert code == 1
    assert named in err


def test_a_record_the_program_deletes_as_an_orphan_is_logged_and_check_stays_healthy(copy, capsys):
    path, ids = copy
    db = open_database(path)
    try:
        with db.uow_factory(actor="Nguyễn Văn Kiểm")() as uow:
            evaluation = uow.session.get(Evaluation, ids["evaluations"])
            evaluation.members.clear()  # deleted by the flush (delete-orphan), never session.delete()'d
            uow.commit()
    finally:
        db.close()
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT count(*) FROM evaluation_members").fetchone()[0] == 0
        assert (
            conn.execute(
                "SELECT action FROM audit_log WHERE entity_id = ? ORDER BY seq DESC LIMIT 1",
                (ids["evaluation_members"],),
            ).fetchone()[0]
            == "delete"
        )
    code, err = _check(path, capsys)
    assert code == 0, err

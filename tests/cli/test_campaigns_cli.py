"""`ocop campaigns …`, `ocop directives add` and `ocop tasks add|done` on a database that never saw the sample."""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from ocop_desktop.commands.campaigns import find_places, one_place
from ocop_desktop.commands.common import Refused
from ocop_desktop.persistence.database import open_database
from ocop_desktop.services.places import PlaceService
from ocop_desktop.services.reference import place_id
from tests.cli_run import Done
from tests.cli_run import ocop as run_ocop
from tests.databases import copy_template


def ocop(db: Path, *args) -> Done:
    """`ocop --db DB ARGS…` in this process (tests/cli_run.py), as a new one would run it."""
    return run_ocop("--db", db, *args, env={"OCOP_DB": ""})


@pytest.fixture(scope="module")
def fresh(tmp_path_factory) -> Path:
    path = copy_template(tmp_path_factory.mktemp("campaigns") / "office.db")  # migrated, reference data loaded
    done = ocop(path, "init")
    assert done.returncode == 0, done.stderr
    return path


def _code(db: Path, key: str) -> str:
    database = open_database(db)
    try:
        place = next(p for p in PlaceService(database.uow_factory()).all() if p.id == place_id(key))
    finally:
        database.close()
    return place.code or place.name


def test_add_a_campaign_then_import_the_excel_survey_into_it(fresh, tmp_path):
    done = ocop(
        fresh,
        "campaigns",
        "add",
        "--year",
        "2026",
        "--deadline",
        "30/06/2026",
        "--title",
        "Rà soát sản phẩm OCOP năm 2026",
        "--letter",
        "Số 15/UBND, ngày 02/03/2026, UBND tỉnh",
        "--units",
        "xa muong ang",
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines() == [
        "Đã tạo đợt rà soát năm 2026 «Rà soát sản phẩm OCOP năm 2026», hạn nộp 30/06/2026, 1 đơn vị báo cáo.",
        # New campaigns read «trước ngày» literally unless told otherwise.
        "Hạn nộp: trước ngày 30/06/2026; báo cáo nộp từ ngày 30/06/2026 là nộp muộn "
        "(ngày cuối cùng đúng hạn là 29/06/2026).",
    ]
    listed = json.loads(ocop(fresh, "campaigns", "list").stdout)
    assert [(c["year"], c["deadline"], c["issuing_letter"], c["units"]) for c in listed] == [
        (2026, "2026-06-30", "Số 15/UBND, ngày 02/03/2026, UBND tỉnh", 1)
    ]

    template = tmp_path / "mau.xlsx"
    assert ocop(fresh, "import", "template", "survey", "-o", template, "--campaign", "2026").returncode == 0
    wb = openpyxl.load_workbook(template)
    sheet = wb["Rà soát"]
    for row, (name, producer) in enumerate(
        [("Chè Shan tuyết", "HTX Chè"), ("Mật ong bạc hà", "Hộ Lò Văn A"), ("Gạo nếp nương", "Tổ hợp tác Gạo")], start=2
    ):
        sheet.cell(row, 2, name)
        sheet.cell(row, 3, producer)
    filled = tmp_path / "xa.xlsx"
    wb.save(filled)
    done = ocop(fresh, "import", "survey", filled, "--campaign", "2026", "--unit", _code(fresh, "xa-muong-ang"))
    assert done.returncode == 0, done.stderr + done.stdout
    rows = json.loads(ocop(fresh, "surveys", "list", "--campaign", "2026").stdout)
    assert sorted((r["product_name"], r["unit"]) for r in rows) == [
        ("Chè Shan tuyết", "Xã Mường Ảng"),
        ("Gạo nếp nương", "Xã Mường Ảng"),
        ("Mật ong bạc hà", "Xã Mường Ảng"),
    ]
    with sqlite3.connect(fresh) as conn:
        assert conn.execute("SELECT count(*) FROM products").fetchone()[0] == 0  # no sample anywhere

    shown = ocop(fresh, "campaigns", "show", "2026").stdout
    assert "Xã Mường Ảng" in shown and "3 dòng" in shown

    refused = ocop(fresh, "campaigns", "delete", "2026")
    assert refused.returncode == 1
    assert "đợt đã có 3 dòng rà soát của các đơn vị nên không xóa được" in refused.stderr
    assert len(json.loads(ocop(fresh, "campaigns", "list").stdout)) == 1

    closed = ocop(fresh, "campaigns", "close", "2026", "--on", "2026-07-01")
    assert closed.returncode == 0, closed.stderr
    assert "kết thúc ngày 01/07/2026" in closed.stdout
    again = ocop(fresh, "import", "survey", filled, "--campaign", "2026", "--unit", _code(fresh, "xa-muong-ang"))
    assert again.returncode == 1
    assert "Đợt rà soát năm 2026 đã kết thúc ngày 01/07/2026 nên không nhập thêm được" in again.stderr
    assert len(json.loads(ocop(fresh, "surveys", "list", "--campaign", "2026").stdout)) == 3


def test_wrong_input_is_refused_with_the_field_labels_and_nothing_is_stored(fresh):
    done = ocop(
        fresh, "campaigns", "add", "--year", "1999", "--deadline", "2025-06-30", "--title", " ", "--units", "03307"
    )
    assert done.returncode == 1
    assert "«Năm» «1999» không dùng được" in done.stderr
    assert "Chưa nhập «Tên đợt»" in done.stderr
    assert "Traceback" not in done.stderr
    ambiguous = ocop(
        fresh, "campaigns", "add", "--year", "2025", "--deadline", "30/06/2025", "--title", "X", "--units", "Mường Ảng"
    )
    assert ambiguous.returncode == 1
    # On 30/06/2025 the district and the town of that name both exist: both are listed with their codes.
    assert "«Mường Ảng» trùng tên 2 đơn vị: " in ambiguous.stderr
    assert "Huyện Mường Ảng (đến 30/06/2025)" in ambiguous.stderr and "Thị trấn Mường Ảng" in ambiguous.stderr
    assert not [c for c in json.loads(ocop(fresh, "campaigns", "list").stdout) if c["year"] in (1999, 2025)]


def test_a_new_office_registers_its_letter_and_tasks_from_the_terminal(fresh, tmp_path):
    letter = tmp_path / "cong-van.pdf"
    letter.write_bytes(b"%PDF-1.4\n")
    done = ocop(
        fresh,
        "directives",
        "add",
        "--number",
        "15/UBND-KT",
        "--date",
        "02/03/2026",
        "--issuer",
        "UBND tỉnh Lào Cai",
        "--subject",
        "Rà soát sản phẩm OCOP năm 2026",
        "--file",
        letter,
    )
    assert done.returncode == 0, done.stderr
    directive = json.loads(ocop(fresh, "directives", "list").stdout)[0]
    assert (directive["number"], directive["issued_on"], directive["file_reference"]) == (
        "15/UBND-KT",
        "2026-03-02",
        str(letter.resolve()),
    )

    done = ocop(
        fresh,
        "tasks",
        "add",
        "--title",
        "Gửi báo cáo rà soát",
        "--assignee",
        "UBND xã Mường Ảng",
        "--directive",
        "15/ubnd-kt",
        "--due",
        "30/06/2026",
    )
    assert done.returncode == 0, done.stderr
    task = json.loads(ocop(fresh, "tasks", "list").stdout)[0]
    assert (task["title"], task["due_on"], task["status"]) == ("Gửi báo cáo rà soát", "2026-06-30", "chua_thuc_hien")

    missing = ocop(fresh, "tasks", "done", task["id"][:8])
    assert missing.returncode == 2  # --result is required: argparse says so
    today = date.today().strftime("%d/%m/%Y")  # not before the day the task was entered, not after today
    done = ocop(fresh, "tasks", "done", task["id"][:8], "--result", "Đã gửi báo cáo số 20/BC-UBND", "--on", today)
    assert done.returncode == 0, done.stderr
    assert (
        done.stdout.strip()
        == f"Đã ghi hoàn thành nhiệm vụ «Gửi báo cáo rà soát» ngày {today}: Đã gửi báo cáo số 20/BC-UBND"
    )
    task = json.loads(ocop(fresh, "tasks", "list").stdout)[0]
    assert task["status"] == "hoan_thanh"


def test_a_code_reused_in_2025_names_the_unit_in_force_on_the_day(make_uow):
    places = PlaceService(make_uow).all()
    assert [p.name for p in find_places(places, "15", on=date(2026, 6, 30))] == ["Tỉnh Lào Cai"]
    assert [p.name for p in find_places(places, "15", on=date(2024, 6, 30))] == ["Tỉnh Yên Bái"]
    with pytest.raises(Refused) as refused:
        one_place(places, "15")  # no day: both, each shown with a key that tells them apart
    message = str(refused.value)
    assert "Tỉnh Yên Bái" in message and "Tỉnh Lào Cai" in message and "[15]" not in message

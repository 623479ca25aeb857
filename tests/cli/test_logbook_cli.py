"""`ocop import template logbook`, `ocop import logbook`, `ocop trace`, `ocop logbook totals|offer|print`: a
producer's logbook from the terminal, as the commune officer uses it."""

from __future__ import annotations

import csv
import io
import json

import openpyxl
import pypdf
import pytest
from sqlalchemy import func, select

from ocop_desktop import cli
from ocop_desktop.persistence.models import SurveyEntry
from ocop_desktop.persistence.models.logbooks import LogbookSale
from tests.pdftext import pdf_text
from tests.services.logbook_data import make_owner, write_logbook


@pytest.fixture
def office(make_uow, db_location, monkeypatch):
    monkeypatch.setenv("OCOP_DB", "")
    return db_location, make_owner(make_uow)


def run(capsys, db, *args: str) -> tuple[int, str, str]:
    code = cli.main(["--db", str(db), *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_a_logbook_from_the_template_to_the_survey_row_and_the_trace(office, make_uow, capsys, tmp_path):
    db, owner = office
    template = tmp_path / "mau-so-nhat-ky.xlsx"
    code, out, _err = run(capsys, db, "import", "template", "logbook", "-o", str(template))
    assert code == 0 and "Đã lưu mẫu Excel sổ nhật ký" in out
    assert openpyxl.load_workbook(template).sheetnames[:3] == ["Nhập nguyên liệu", "Mẻ sản xuất", "Bán hàng"]

    bad = write_logbook(tmp_path / "so.xlsx", 5, 4, 60, bad_sale_row=57)
    code, out, err = run(capsys, db, "import", "logbook", str(bad), "--product", "che shan tuyet ang nua")
    assert code == 1
    assert "Trang «Bán hàng», dòng 57, cột «Ngày bán» (B): Ngày «31/02/2025» không tồn tại." in err
    assert "chưa nhập dòng nào" in err
    with make_uow() as uow:
        assert uow.session.scalar(select(func.count()).select_from(LogbookSale)) == 0

    good = write_logbook(tmp_path / "so.xlsx", 5, 4, 60)
    code, out, err = run(capsys, db, "import", "logbook", str(good), "--product", "Chè Shan tuyết Ẳng Nưa")
    assert code == 0, err
    assert "thêm 5 lô nguyên liệu, 4 mẻ sản xuất, 8 liên kết mẻ – lô, 60 lần bán hàng" in out

    code, out, _err = run(capsys, db, "trace", "ME-2")
    assert code == 0
    assert out.splitlines()[0].startswith("Mẻ ME-2 — Chè Shan tuyết Ẳng Nưa (HTX Chè Ẳng Nưa)")
    assert "  NL-2: Lá chè tươi, 1.250,5 kg" in out and "  NL-3: Lá chè tươi" in out
    code, out, _err = run(capsys, db, "trace", "ME-2", "--format", "json")
    assert [(r["lot_code"], r["source"]) for r in json.loads(out)] == [
        ("NL-2", "Vùng chè của HTX"),
        ("NL-3", "Vùng chè của HTX"),
    ]

    code, out, _err = run(
        capsys, db, "logbook", "totals", "--product", "Chè Shan tuyết Ẳng Nưa", "--year", "2025", "--format", "csv"
    )
    (row,) = list(csv.DictReader(io.StringIO(out)))
    assert (row["output_quantity"], row["unit_of_measure"], row["quantity_sold"], row["price_vnd"]) == (
        "40.0",
        "kg",
        "150.0",
        "230000",
    )

    code, out, _err = run(capsys, db, "logbook", "list", "--product", "Chè Shan tuyết Ẳng Nưa", "--format", "csv")
    batches = list(csv.DictReader(io.StringIO(out)))
    assert list(batches[0]) == ["id", "made_on", "batch_code", "quantity", "unit", "lots", "notes"]
    assert (batches[1]["batch_code"], batches[1]["lots"]) == ("ME-2", "NL-2, NL-3")
    code, out, _err = run(capsys, db, "logbook", "list", "--product", "Chè Shan tuyết Ẳng Nưa", "--kind", "sales")
    sales = json.loads(out)
    assert len(sales) == 60 and sales[0]["buyer"] == "Cửa hàng OCOP Điện Biên" and sales[0]["unit_price_vnd"] == 200000

    # Its newest entry is of March 2025: more than twelve months before today, so it is flagged.
    code, out, _err = run(capsys, db, "logbook", "idle", "--format", "csv")
    (idle,) = list(csv.DictReader(io.StringIO(out)))
    assert (idle["name"], idle["producer"], idle["last_entry_on"]) == (
        "Chè Shan tuyết Ẳng Nưa",
        "HTX Chè Ẳng Nưa",
        "2025-03-02",
    )

    code, out, _err = run(capsys, db, "logbook", "offer", owner.entry_id)
    assert code == 0 and "  Sản lượng: 5.000 / 40" in out and "Chưa thay gì" in out
    with make_uow() as uow:
        assert uow.session.get(SurveyEntry, owner.entry_id).output_quantity == 5000.0
    code, out, _err = run(capsys, db, "logbook", "offer", owner.entry_id, "--accept", "all")
    assert code == 0 and "Đã lấy theo sổ nhật ký: «Sản lượng», «Sản lượng tiêu thụ», «Giá tiêu thụ (đ)»" in out
    with make_uow() as uow:
        entry = uow.session.get(SurveyEntry, owner.entry_id)
        assert (entry.output_quantity, entry.quantity_sold, entry.price_vnd) == (40.0, 150.0, 230_000)


def test_the_blank_logbook_prints_its_three_parts(office, capsys, tmp_path):
    db, _owner = office
    pdf = tmp_path / "so-nhat-ky-trong.pdf"
    code, _out, err = run(
        capsys, db, "logbook", "print", "-o", str(pdf), "--product", "Chè Shan tuyết Ẳng Nưa", "--year", "2025"
    )
    assert code == 0, err
    text = pdf_text(pdf)
    for words in (
        "SỔ NHẬT KÝ SẢN XUẤT, KINH DOANH",
        "Sản phẩm: Chè Shan tuyết Ẳng Nưa",
        "Phần 1. NHẬP NGUYÊN LIỆU",
        "Phần 2. MẺ SẢN XUẤT",
        "Phần 3. BÁN HÀNG",
        "Mã lô nguyên liệu đã dùng",
        "Kênh bán hoặc người mua",
        "ĐẠI DIỆN CHỦ THỂ",
    ):
        assert words in text, words
    # Each part fills its pages: no page holds only the few lines that spilled over.
    assert len(pypdf.PdfReader(pdf).pages) == 4

"""`ocop activities add|list`: a fair with its products and sales typed as people write them, listed as JSON
and CSV with names, not ids; a field its kind does not use is refused by its label."""

from __future__ import annotations

import csv
import io
import json

import pytest

from ocop_desktop import cli
from ocop_desktop.services.producers import ProducerInput, ProducerService
from ocop_desktop.services.products import ProductInput, ProductService
from tests.pdftext import pdf_text


@pytest.fixture
def office(make_uow, db_location, monkeypatch):
    monkeypatch.setenv("OCOP_DB", "")
    htx = ProducerService(make_uow).create(ProducerInput(name="HTX Nông sản Mường Ảng", kind="hop_tac_xa"))
    for name in ("Chè Shan tuyết Ẳng Nưa", "Mật ong Ẳng Tở", "Gạo nếp Búng Lao"):
        ProductService(make_uow).create(ProductInput(name=name, producer_id=htx.id, status="tiem_nang"))
    return db_location


def run(capsys, db, *args: str) -> tuple[int, str, str]:
    code = cli.main(["--db", str(db), *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_add_a_fair_then_list_it_as_json_and_csv(office, capsys):
    code, out, err = run(
        capsys,
        office,
        "activities",
        "add",
        "--kind",
        "hoi_cho",
        "--title",
        "Hội chợ OCOP tỉnh Điện Biên năm 2024",
        "--date",
        "12/09/2024",
        "--until",
        "15/09/2024",
        "--place",
        "TP. Điện Biên Phủ",
        "--sales",
        "45.500.000 đ",
        "--contracts",
        "3",
        "--producer",
        "htx nong san muong ang",
        "--product",
        "Chè Shan tuyết Ẳng Nưa=20.000.000",
        "--product",
        "Mật ong Ẳng Tở=15 500 000",
        "--product",
        "Gạo nếp Búng Lao",
    )
    assert code == 0, err
    assert (
        "Đã ghi hoạt động «Hội chợ OCOP tỉnh Điện Biên năm 2024» (Hội chợ, hội nghị xúc tiến thương mại, 12/09/2024)"
        in out
    )
    code, out, err = run(capsys, office, "activities", "list", "--year", "2024", "--kind", "hoi_cho")
    assert code == 0, err
    [row] = json.loads(out)
    assert row["sales"] == 45_500_000 and row["held_on"] == "2024-09-12" and row["ends_on"] == "2024-09-15"
    assert row["producers"] == "HTX Nông sản Mường Ảng"
    assert row["products"] == "Chè Shan tuyết Ẳng Nưa; Gạo nếp Búng Lao; Mật ong Ẳng Tở"
    assert "unit_id" not in row and row["kind_label"] == "Hội chợ, hội nghị xúc tiến thương mại"
    code, out, err = run(capsys, office, "activities", "list", "--product", "Mat ong Ang To", "--format", "csv")
    assert code == 0, err
    [listed] = list(csv.DictReader(io.StringIO(out)))
    assert listed["title"] == "Hội chợ OCOP tỉnh Điện Biên năm 2024" and listed["contracts"] == "3"


def test_a_field_the_kind_does_not_use_is_refused_and_nothing_written(office, capsys):
    code, _out, err = run(
        capsys,
        office,
        "activities",
        "add",
        "--kind",
        "Tập huấn",
        "--title",
        "Tập huấn bao bì",
        "--date",
        "08/05/2024",
        "--sales",
        "1.000.000",
    )
    assert code == 1
    assert "«Doanh thu bán hàng (đồng)» không dùng cho hoạt động «Tập huấn»" in err
    code, out, _err = run(capsys, office, "activities", "list")
    assert json.loads(out) == []


def test_an_amount_that_is_not_a_number_is_named(office, capsys):
    code, _out, err = run(
        capsys,
        office,
        "activities",
        "add",
        "--kind",
        "ho_tro",
        "--title",
        "Hỗ trợ",
        "--date",
        "08/05/2024",
        "--cost",
        "năm triệu",
    )
    assert code == 1 and "«Kinh phí (đồng)»" in err


def test_the_years_activities_report_from_the_terminal(office, capsys, tmp_path):
    run(capsys, office, "activities", "add", "--kind", "hoi_cho", "--title", "Hội chợ Xuân", "--date", "01/02/2025")
    run(capsys, office, "activities", "add", "--kind", "tap_huan", "--title", "Tập huấn 2024", "--date", "08/05/2024")
    target = tmp_path / "hoat-dong-2024.pdf"
    code, _out, err = run(
        capsys,
        office,
        "report",
        "activities",
        "--format",
        "pdf",
        "-o",
        str(target),
        "--year",
        "2024",
        "--date",
        "20/12/2024",
    )
    assert code == 0, err
    text = pdf_text(target)
    # One training counted in 2024, no fair: the fair of 2025 is another year's.
    assert "2 Tập huấn 1 0 0 đ 0 3 Tuyên truyền 0" in text
    assert "Hội chợ Xuân" not in text and "III. Hội chợ, hội nghị xúc tiến thương mại: không có trong năm." in text

"""`ocop package import` of a commune's re-signed package that oversteps its authority: the officer
reads, per record, what was held back and why; a forged certification is refused whole."""

from __future__ import annotations

import sqlite3

from ocop_desktop.services.reference import place_id
from tests.cli.test_exchange_cli import COFFEE, ocop, offices  # noqa: F401  (the fixture)
from tests.services.exchange.test_authority import edited, hostile


def test_held_records_are_listed_with_their_rule_and_forged_stars_refuse_the_package(offices, tmp_path):  # noqa: F811
    commune, district = offices
    first = tmp_path / "xa.ocop.zip"
    assert ocop("--db", commune, "package", "export", "-o", first, "--no-reports").returncode == 0
    assert ocop("--db", district, "package", "import", first, "--trust").returncode == 0

    def other_units_report(records, _deleted):
        row = next(s for s in records["unit_submissions"] if s["unit_id"] == place_id("xa-ang-to"))
        edited(row, status="da_nop", submitted_on="2024-07-03")

    held = hostile(first, tmp_path / "held.ocop.zip", other_units_report)
    done = ocop("--db", district, "package", "import", held)
    assert done.returncode == 0, done.stderr
    assert (
        "Tình trạng nộp báo cáo «Xã Ẳng Tở — rà soát năm 2024» — Bản ghi của Xã Ẳng Tở: Xã Ẳng Nưa không có "
        "quyền sửa (quy tắc: Xã Ẳng Nưa (cấp xã) chỉ được lập, sửa, xóa bản ghi thuộc địa bàn của Xã Ẳng Nưa)"
        in done.stdout
    )
    con = sqlite3.connect(district)
    try:
        status = con.execute(
            "SELECT status FROM unit_submissions WHERE unit_id = ?", (place_id("xa-ang-to"),)
        ).fetchone()
    finally:
        con.close()
    assert status == ("chua_nop",)  # the neighbour's report is not on time because another commune said so

    def five_stars(records, _deleted):
        edited(next(p for p in records["products"] if p["name"] == COFFEE), stars=5, certificate_no="1/GCN-GIẢ")

    forged = hostile(first, tmp_path / "forged.ocop.zip", five_stars)
    before = district.read_bytes()
    refused = ocop("--db", district, "package", "import", forged)
    assert refused.returncode == 1
    assert f"Sản phẩm «{COFFEE}»: gói ghi «Hạng sao» 5, «Số giấy chứng nhận» 1/GCN-GIẢ" in refused.stderr
    assert "cấp xã không có quyền" in refused.stderr and "Không có gì được nhập" in refused.stderr
    assert district.read_bytes() == before

"""The CLI's one resolver: `--campaign YEAR` and `--unit CODE|NAME` become the ids the services
take, with a Vietnamese refusal when nothing or more than one thing matches."""

from __future__ import annotations

import json

import pytest

from ocop_desktop.persistence.database import open_database
from tests.cli_run import ocop
from tests.databases import copy_template
from tests.services.test_survey_import_ids import NEW_UNIT, add_codeless_unit, workbook


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory):
    path = copy_template(tmp_path_factory.mktemp("resolver") / "x.db")  # init adds only the sample
    assert ocop("--db", path, "init", "--sample", "muong-ang-2024").returncode == 0
    db = open_database(path)
    try:
        from tests.ids import SAMPLE_2024

        add_codeless_unit(db.uow_factory(actor="Nguyễn Văn Kiểm"), SAMPLE_2024)
    finally:
        db.close()
    return path


def test_a_unit_without_a_code_is_named_by_its_name(sample_db, tmp_path):
    path = workbook(tmp_path / "nam-lich.xlsx", [("Chè búp", 120)])
    done = ocop("--db", sample_db, "import", "survey", path, "--campaign", "2024", "--unit", "xa nam lich moi")
    assert done.returncode == 0, done.stderr
    assert f"cho: {NEW_UNIT}." in done.stdout
    rows = json.loads(ocop("--db", sample_db, "surveys", "list", "--campaign", "2024", "--format", "json").stdout)
    assert [(r["unit"], r["product_name"]) for r in rows if r["unit"] == NEW_UNIT] == [(NEW_UNIT, "Chè búp")]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("--campaign", "2030"),
            (
                "Lỗi: Không có đợt rà soát năm 2030; hãy ghi năm của một đợt đã có (ví dụ 2024): "
                "«ocop campaigns list» liệt kê các đợt."
            ),
        ),
        (
            ("--campaign", "2024", "--unit", "Xã Không Có"),
            "Lỗi: Không tìm thấy đơn vị «Xã Không Có»; hãy ghi mã ĐVHC, mã tham chiếu hoặc tên đơn vị (có hoặc không dấu).",
        ),
        (
            ("--campaign", "2024", "--unit", "Xã Mường Ảng"),
            (
                "Lỗi: «Xã Mường Ảng (từ 01/07/2025)» không có trong danh sách đơn vị báo cáo của đợt rà soát năm 2024; "
                "«ocop campaigns show 2024» liệt kê các đơn vị của đợt."
            ),
        ),
    ],
)
def test_what_does_not_resolve_is_refused_in_vietnamese_and_nothing_is_read(sample_db, tmp_path, args, message):
    path = workbook(tmp_path / "x.xlsx", [("Chè búp", 1)])
    done = ocop("--db", sample_db, "import", "survey", path, *args)
    assert done.returncode == 1
    assert done.stderr.strip() == message


def test_surveys_list_resolves_the_year_too(sample_db):
    done = ocop("--db", sample_db, "surveys", "list", "--campaign", "2031")
    assert done.returncode == 1
    assert "Không có đợt rà soát năm 2031" in done.stderr

"""`ocop pipeline list|move` and `ocop dossier show|set|missing|print` on an office's database."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from ocop_desktop.services.reference import place_id
from ocop_desktop.services.sample import load_sample
from ocop_desktop.services.surveys import SurveyEntryInput, SurveyService
from tests.cli_run import Done
from tests.cli_run import ocop as run_ocop
from tests.pdftext import raw_text

NAME = "Mật ong hoa ban Ẳng Nưa"


def ocop(db: Path | str, *args) -> Done:
    """`ocop --db DB ARGS…` in this process (tests/cli_run.py), as a new one would run it."""
    return run_ocop("--db", db, *args, env={"OCOP_DB": ""})


def test_move_refused_then_allowed_and_counts(make_uow, db_location: str, tmp_path):
    load_sample(make_uow, "muong-ang-2024")
    surveys = SurveyService(make_uow)
    campaign = surveys.campaigns(today=date(2024, 6, 20))[0]
    (entry,) = surveys.save_entries(campaign.id, place_id("xa-ang-nua"), [SurveyEntryInput(product_name=NAME)])
    surveys.promote_to_product(entry.id)

    refused = ocop(db_location, "pipeline", "move", NAME, "ho_so_day_du")
    assert refused.returncode != 0 and f"«{NAME}» đang ở giai đoạn «Tiềm năng»" in refused.stderr
    moved = ocop(db_location, "pipeline", "move", NAME, "dang_ky", "--registered-on", "04/08/2025", "--year", "2025")
    assert moved.returncode == 0, moved.stderr
    assert f"Đã chuyển «{NAME}» sang giai đoạn «Đăng ký», đợt 1/2025." in moved.stdout

    done = ocop(db_location, "dossier", "set", NAME, "Phiếu đăng ký sản phẩm tham gia đánh giá, phân hạng", "Đạt")
    assert done.returncode == 0, done.stderr
    assert "Còn thiếu" in done.stdout
    items = json.loads(ocop(db_location, "dossier", "show", NAME).stdout)
    assert next(i for i in items if i["item_code"] == "phieu_dang_ky")["status_label"] == "Đạt"
    missing = json.loads(ocop(db_location, "dossier", "missing", "--unit", "Ẳng Nưa").stdout)
    assert [m["product"] for m in missing] == [NAME]
    counts = ocop(db_location, "pipeline", "list", "--counts", "--format", "csv").stdout
    assert "stage,Đăng ký,1" in counts and "unit,Xã Ẳng Nưa," in counts
    listed = json.loads(ocop(db_location, "pipeline", "list", "--stage", "Đăng ký").stdout)
    assert [(r["product"], r["round"], r["stage_label"]) for r in listed] == [(NAME, "1/2025", "Đăng ký")]
    pdf = tmp_path / "phieu.pdf"
    printed = ocop(db_location, "dossier", "print", NAME, "-o", pdf)
    assert printed.returncode == 0, printed.stderr
    assert "PHIẾU KIỂM TRA HỒ SƠ SẢN PHẨM OCOP" in raw_text(pdf)

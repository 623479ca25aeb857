"""The dossier on paper: the checklist handed to a producer and the list of incomplete dossiers (PDF text, xlsx cells)."""

from __future__ import annotations

from datetime import date

from openpyxl import load_workbook

from ocop_desktop.services.dossier_reports import DossierReports
from ocop_desktop.services.dossiers import DossierService, dossier_rules
from ocop_desktop.services.pipeline import MoveInput, PipelineService
from ocop_desktop.services.pipeline_types import DossierItemInput
from ocop_desktop.services.places import PlaceService
from ocop_desktop.services.reference import place_id
from ocop_desktop.services.sample import load_sample
from ocop_desktop.services.settings import save_office_settings
from ocop_desktop.services.surveys import SurveyEntryInput, SurveyService
from tests.pdftext import raw_text

TODAY = date(2025, 10, 1)
NAME = "Mật ong hoa ban Ẳng Nưa"


def test_checklist_and_incomplete_list_print_what_is_missing(make_uow, tmp_path):
    load_sample(make_uow, "muong-ang-2024")
    commune = next(p for p in PlaceService(make_uow).all() if p.key == "xa-muong-ang")
    save_office_settings(make_uow, commune.id, "Lò Văn Thắng", "Chủ tịch", "ubnd")
    surveys = SurveyService(make_uow)
    campaign = surveys.campaigns(today=date(2024, 6, 20))[0]
    (entry,) = surveys.save_entries(campaign.id, place_id("xa-ang-nua"), [SurveyEntryInput(product_name=NAME)])
    product = surveys.promote_to_product(entry.id)
    PipelineService(make_uow).move(
        product, "dang_ky", MoveInput(date(2025, 8, 4), 2025, 2, dossier_due_on=date(2025, 10, 30)), today=TODAY
    )
    DossierService(make_uow).set_item(product, "phieu_dang_ky", DossierItemInput("dat"), today=TODAY)
    reports = DossierReports(make_uow)

    pdf = reports.export(reports.checklist(product, TODAY), "pdf", tmp_path / "phieu.pdf")
    text = " ".join(raw_text(pdf).split())
    assert "PHIẾU KIỂM TRA HỒ SƠ SẢN PHẨM OCOP" in text
    assert f"Sản phẩm «{NAME}» — đợt đánh giá 2/2025; hạn nộp hồ sơ 30/10/2025" in text
    assert "ĐẠI DIỆN CHỦ THỂ" in text and "NGƯỜI KIỂM TRA" in text
    story = dossier_rules()["1489/2025"].item("cau_chuyen_san_pham")
    assert story is not None and story.name in text
    required = len(dossier_rules()["1489/2025"].required)
    assert f"Còn thiếu {required - 1} tài liệu bắt buộc" in text
    assert "chưa đối chiếu" not in text  # the office's own notes stay off paper

    xlsx = reports.export(reports.incomplete(today=TODAY), "xlsx", tmp_path / "thieu.xlsx")
    cells = [str(c.value) for ws in load_workbook(xlsx).worksheets for row in ws.iter_rows() for c in row if c.value]
    assert NAME in cells and "Xã Ẳng Nưa" in " ".join(cells)
    assert any(story.name in c for c in cells)

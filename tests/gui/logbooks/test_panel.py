"""The logbook panel and the survey offer dialog, driven as an officer does: an import refused at row 57 of the
sales sheet, then taken; a batch traced; the survey row's figures taken only when ticked."""

from __future__ import annotations

from PySide6.QtCore import Qt

from ocop_desktop.gui.logbooks.offer_dialog import SurveyOfferDialog
from ocop_desktop.gui.logbooks.panel import LogbookPanel
from ocop_desktop.persistence.models import SurveyEntry
from ocop_desktop.services.logbook_forms import LogbookForms
from ocop_desktop.services.logbook_import import LogbookImportService
from ocop_desktop.services.logbooks import LogbookService
from tests.pdftext import pdf_text
from tests.services.logbook_data import make_owner, write_logbook


def test_the_panel_imports_traces_and_prints(qtbot, make_uow, jobs, tmp_path):
    owner = make_owner(make_uow)
    panel = LogbookPanel(LogbookService(make_uow), LogbookImportService(make_uow), LogbookForms(make_uow), jobs)
    qtbot.addWidget(panel)
    panel.show()
    panel.year.setValue(2025)
    panel.show_product(owner.product_id, owner.producer_id)
    qtbot.waitUntil(lambda: not panel.is_busy())
    assert panel.model.rowCount() == 0

    panel.import_file(write_logbook(tmp_path / "so.xlsx", 5, 4, 60, bad_sale_row=57))
    qtbot.waitUntil(lambda: not panel.is_busy())
    assert panel.status.text().startswith("1 errors; no row was imported")
    assert "Trang «Bán hàng», dòng 57, cột «Ngày bán» (B)" in panel.problems.toPlainText()
    assert panel.model.rowCount() == 0

    panel.import_file(write_logbook(tmp_path / "so.xlsx", 5, 4, 60))
    qtbot.waitUntil(lambda: not panel.is_busy() and panel.model.rowCount() == 69)
    assert panel.status.text() == "Imported: 5 raw material lots, 4 batches, 60 sales added; 0 rows unchanged."
    assert panel.problems.isHidden()
    assert "4 batches, output 40 kg; 60 sales, sold 150 kg at 230.000 đ on average." in panel.totals.text()

    qtbot.keyClicks(panel.batch, "me-3")
    qtbot.keyClick(panel.batch, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "NL-4" in panel.trace_result.text())
    assert panel.trace_result.text().splitlines()[0] == "Batch ME-3 of 04/01/2025: 2 raw material lots"
    assert "• NL-3: Lá chè tươi, 1.250,5 kg" in panel.trace_result.text()

    pdf = tmp_path / "trong.pdf"
    panel.print_blank(pdf)
    qtbot.waitUntil(lambda: not panel.is_busy())
    assert panel.status.text() == f"Saved: {pdf}"
    assert "Sản phẩm: Chè Shan tuyết Ẳng Nưa" in pdf_text(pdf)
    panel.grab().save(str(tmp_path / "panel.png"))


def test_the_offer_dialog_writes_only_the_ticked_figures(qtbot, make_uow, jobs, tmp_path):
    owner = make_owner(make_uow)
    LogbookImportService(make_uow).import_file(
        write_logbook(tmp_path / "so.xlsx", 5, 4, 60), owner.producer_id, owner.product_id
    )
    dialog = SurveyOfferDialog(LogbookService(make_uow), jobs, owner.entry_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.take.isEnabled())
    cells = [[dialog.table.item(r, c).text() for c in range(3)] for r in range(dialog.table.rowCount())]
    assert cells == [
        ["Sản lượng", "5.000", "40"],
        ["Đơn vị tính", "kg", "kg"],
        ["Sản lượng tiêu thụ", "4.000", "150"],
        ["Giá tiêu thụ (đ)", "200.000 đ", "230.000 đ"],
    ]
    assert dialog.ticked() == ["output_quantity", "quantity_sold", "price_vnd"]
    dialog.table.item(2, 0).setCheckState(Qt.CheckState.Unchecked)  # keep the typed quantity sold
    qtbot.mouseClick(dialog.take, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result() == dialog.DialogCode.Accepted)
    assert dialog.written == ["output_quantity", "price_vnd"]
    with make_uow() as uow:
        entry = uow.session.get(SurveyEntry, owner.entry_id)
        assert (entry.output_quantity, entry.quantity_sold, entry.price_vnd) == (40.0, 4000.0, 230_000)


def test_an_english_window_lists_the_errors_in_english(qtbot, make_uow, jobs, tmp_path):
    from ocop_desktop.domain.language import set_display_language

    owner = make_owner(make_uow)
    panel = LogbookPanel(LogbookService(make_uow), LogbookImportService(make_uow), LogbookForms(make_uow), jobs)
    qtbot.addWidget(panel)
    panel.show_product(owner.product_id, owner.producer_id)
    set_display_language("en")  # put back by tests/conftest.py
    panel.import_file(write_logbook(tmp_path / "so.xlsx", 5, 4, 60, bad_sale_row=57))
    qtbot.waitUntil(lambda: not panel.is_busy() and bool(panel.problems.toPlainText()))
    assert panel.problems.toPlainText().startswith("Sheet «Bán hàng», row 57, column «Ngày bán» (B): There is no day")

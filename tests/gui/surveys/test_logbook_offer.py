"""«Lấy số liệu từ sổ nhật ký…» on a survey row linked to a product: the logbook's figures taken, the grid
reloaded with them, and unsaved typing on another row kept."""

from __future__ import annotations

import os

from PySide6.QtCore import Qt

from ocop_desktop.persistence.models import Producer, Product, SurveyEntry
from ocop_desktop.services.logbook_import import LogbookImportService
from ocop_desktop.services.logbooks import LogbookService
from ocop_desktop.services.survey_types import SurveyEntryInput
from tests.gui.surveys.conftest import ANG_NUA, settle
from tests.services.logbook_data import write_logbook

LEFT = Qt.MouseButton.LeftButton


def test_a_survey_row_takes_the_logbook_figures_and_keeps_unsaved_typing(
    qtbot, make_page, surveys, campaign_id, make_uow, tmp_path
):
    rows = [
        SurveyEntryInput(
            id=None,
            version=None,
            product_name="Chè Shan tuyết Ẳng Nưa",
            producer="HTX Chè Ẳng Nưa",
            output_quantity="5.000",
            unit_of_measure="kg",
            quantity_sold="4.000",
            price_vnd="200.000",
        ),
        SurveyEntryInput(id=None, version=None, product_name="Gạo nếp nương", producer="Hộ ông Lò Văn Pọm"),
    ]
    entry = surveys.save_entries(campaign_id, ANG_NUA, rows)[0]
    product_id = surveys.promote_to_product(entry.id)
    with make_uow() as uow:
        product = uow.session.get(Product, product_id)
        if product.producer_id is None:
            producer = Producer(name="HTX Chè Ẳng Nưa", kind="hop_tac_xa")
            uow.session.add(producer)
            uow.session.flush()
            product.producer_id = producer.id
        producer_id = product.producer_id
        uow.commit()
    LogbookImportService(make_uow).import_file(
        write_logbook(tmp_path / "so.xlsx", 5, 4, 60, year=2024), producer_id, product_id
    )
    page = make_page()
    page.enable_logbooks(LogbookService(make_uow))
    grid, model = page.ui.grid, page.grid_model
    action = page.logbook_offer.action
    assert action in grid.actions() and action.text() == "Lấy số liệu từ sổ nhật ký…"
    row = next(r for r in range(model.rowCount()) if model.entry_id(r) == entry.id)
    other = next(r for r in range(model.rowCount()) if model.entry_id(r) and not model.product_id(r))
    # Unsaved typing on another row: the reload after the offer must keep it.
    notes_col = next(c for c, col in enumerate(model.columns) if col.key == "notes")
    model.setData(model.index(other, notes_col), "đang gõ dở")
    grid.setCurrentIndex(model.index(row, 0))
    assert action.isEnabled()
    action.trigger()
    dialog = page.logbook_offer.dialog
    qtbot.waitUntil(lambda: dialog.take.isEnabled(), timeout=5000)
    qtbot.wait(50)  # the layout takes the intro's new height
    if os.environ.get("SHOT_DIR"):
        dialog.grab().save(os.path.join(os.environ["SHOT_DIR"], "survey-offer.png"))
    qtbot.mouseClick(dialog.take, LEFT)
    qtbot.waitUntil(lambda: page.ui.messageLabel.text().startswith("Đã lấy"), timeout=5000)
    settle(qtbot, page)
    output_col = next(c for c, col in enumerate(model.columns) if col.key == "output_quantity")
    row = next(r for r in range(model.rowCount()) if model.entry_id(r) == entry.id)
    assert model.index(row, output_col).data() == "40"
    assert model.index(other, notes_col).data() == "đang gõ dở" and model.is_dirty()
    with make_uow() as uow:
        assert uow.session.get(SurveyEntry, entry.id).output_quantity == 40.0
    if os.environ.get("SHOT_DIR"):
        page.grab().save(os.path.join(os.environ["SHOT_DIR"], "survey-after-offer.png"))
    grid.setCurrentIndex(model.index(other, 0))  # a row not linked to a product: nothing to take
    assert not action.isEnabled()
    assert grid.contextMenuPolicy() == Qt.ContextMenuPolicy.ActionsContextMenu

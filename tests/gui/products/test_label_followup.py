"""The product form's trademark, barcode-owner and traceability fields, and the «Nhãn chưa đạt» filter
of the registry, driven as a user does (typing, clicking) and read back from what the window shows."""

from __future__ import annotations

import os
from datetime import date

from PySide6.QtCore import Qt

from ocop_desktop.domain.labels import LabelInfo
from ocop_desktop.services.labels import label_items
from ocop_desktop.services.products import ProductInput
from tests.gui.keyboard import type_text
from tests.gui.products.conftest import TODAY, names

LEFT = Qt.MouseButton.LeftButton
EAN = "8935002301003"


def _settle(qtbot, dialog) -> None:
    qtbot.waitUntil(lambda: not dialog.is_busy(), timeout=5000)


def _all_ticked() -> dict[str, bool]:
    return {i.code: True for i in label_items() if not i.optional}


def test_the_form_refuses_a_wrong_trademark_and_gs1_prefix_under_their_fields_then_saves_them(
    qtbot, services, make_page
):
    page = make_page()
    page.add_product()
    dialog = page.dialog
    _settle(qtbot, dialog)
    ui, fields = dialog.ui, dialog.label_fields
    assert fields.title() == "Nhãn hiệu, chủ sở hữu mã vạch và truy xuất nguồn gốc"
    type_text(ui.nameEdit, "Chè Shan tuyết Ẳng Nưa")
    type_text(ui.ean13Edit, EAN)
    type_text(fields.edits["trademark_application_no"], "2024-12345")
    type_text(fields.edits["trademark_filed_on"], "5/3/2024")
    type_text(fields.edits["gs1_prefix"], "8931234")
    qtbot.mouseClick(dialog.save_button, LEFT)
    _settle(qtbot, dialog)
    assert dialog.isVisible()
    assert fields.edits["trademark_filed_on"].text() == "05/03/2024"  # tidied as it was left
    shown = fields.errors["trademark_application_no"]
    assert not shown.isHidden() and "không đúng dạng 4-NĂM-5 chữ số" in shown.text()
    assert "không thuộc mã doanh nghiệp GS1 8931234" in fields.errors["gs1_prefix"].text()
    assert services.products.list() == []
    fields.edits["trademark_application_no"].clear()
    type_text(fields.edits["trademark_application_no"], "4-2024-12345")
    fields.edits["gs1_prefix"].clear()
    type_text(fields.edits["gs1_prefix"], "8935002")
    type_text(fields.edits["gs1_valid_until"], "31/12/2028")
    type_text(fields.edits["trace_link"], "https://truyxuat.vn/che-shan-tuyet")
    with qtbot.waitSignal(page.changed):
        qtbot.mouseClick(dialog.save_button, LEFT)
    stored = services.products.list()[0].label
    assert stored == LabelInfo(
        trademark_application_no="4-2024-12345",
        trademark_filed_on=date(2024, 3, 5),
        gs1_prefix="8935002",
        gs1_valid_until=date(2028, 12, 31),
        trace_link="https://truyxuat.vn/che-shan-tuyet",
    )
    # Opened again, the form shows what was stored.
    page.ui.table.selectRow(0)
    page.edit_selected()
    again = page.dialog
    _settle(qtbot, again)
    assert again.label_fields.edits["trademark_filed_on"].text() == "05/03/2024"
    assert again.label_fields.edits["trace_link"].text() == "https://truyxuat.vn/che-shan-tuyet"
    again.reject()


def test_the_label_incomplete_filter_shows_only_products_that_lack_something(qtbot, services, make_page):
    full = LabelInfo(
        trademark_application_no="4-2023-12345",
        trademark_certificate_no="4-0456789-000",
        trademark_owner="HTX Ẳng Nưa",
        gs1_prefix="8935002",
        gs1_valid_until=date(TODAY.year + 1, 1, 1),
        trace_link="https://truyxuat.vn/a",
    )
    services.products.create(ProductInput(name="Chè đạt", ean13=EAN, label=full, checklist=_all_ticked()))
    services.products.create(ProductInput(name="Mật ong thiếu nhãn", ean13=EAN, label=full))
    services.products.create(ProductInput(name="Măng khô"))
    page = make_page()
    assert names(page.model) == ["Chè đạt", "Măng khô", "Mật ong thiếu nhãn"]
    box = page.label_filter
    assert box.text() == "Nhãn chưa đạt"
    qtbot.mouseClick(box, LEFT)
    qtbot.waitUntil(lambda: names(page.model) == ["Măng khô", "Mật ong thiếu nhãn"], timeout=5000)
    page.show_filtered()  # «Bỏ lọc» and the start page's links reset it
    assert not box.isChecked()
    qtbot.waitUntil(lambda: len(names(page.model)) == 3, timeout=5000)


def test_the_longer_form_still_opens_within_a_1024_by_768_screen_and_scrolls_to_the_new_fields(
    qtbot, services, make_page
):
    page = make_page()
    page.add_product()
    dialog = page.dialog
    _settle(qtbot, dialog)
    assert dialog.width() <= 1024 and dialog.height() <= 700
    assert page.minimumSizeHint().width() <= 1024  # the filter did not widen the tab past the screen
    area = dialog.ui.formScroll
    area.ensureWidgetVisible(dialog.label_fields.edits["trace_link"])
    qtbot.waitUntil(lambda: dialog.label_fields.edits["trace_link"].visibleRegion().boundingRect().height() > 0)
    if os.environ.get("OCOP_SCREENSHOTS"):
        dialog.grab().save(os.path.join(os.environ["OCOP_SCREENSHOTS"], "product_form_labels.png"))
        page.resize(1024, 600)
        page.grab().save(os.path.join(os.environ["OCOP_SCREENSHOTS"], "registry_label_filter.png"))
    dialog.reject()

"""The Rà soát sản phẩm page as a commune officer uses it."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from ocop_desktop.domain.schema import SURVEY_ENTRY
from ocop_desktop.gui.surveys.page import SurveysPage
from ocop_desktop.services.places import PlaceService
from ocop_desktop.services.products import ProductService
from ocop_desktop.services.reference import place_id
from ocop_desktop.services.surveys import SurveyEntryInput, SurveyService

from .conftest import ANG_NUA, settle, type_keys

CTRL = Qt.KeyboardModifier.ControlModifier
_ROWS = (
    {
        "product_name": "Cà phê Ẳng Nưa",
        "producer": "HTX Cà phê Ẳng Nưa",
        "production_situation": "Đang sản xuất",
        "output_quantity": "1.200",
        "unit_of_measure": "kg",
        "quantity_sold": "1.000",
        "price_vnd": "15.000 đ",
        "raw_material_area_ha": "12,5",
        "proposed_year": "2025",
    },
    {
        "product_name": "Mật ong hoa cà phê",
        "producer": "Hộ ông Lò Văn Páo",
        "production_situation": "Theo mùa",
        "output_quantity": "12,5",
        "unit_of_measure": "lít",
        "quantity_sold": "10",
        "price_vnd": "350.000",
        "proposed_year": "2026",
        "notes": "cần nhãn mác",
    },
    {
        "product_name": "Gạo nếp nương",
        "producer": "Tổ hợp tác Bản Co",
        "production_situation": '"Trồng 2 vụ\nbán tại chợ"',
        "output_quantity": "3 000",
        "unit_of_measure": "kg",
        "quantity_sold": "2.500,5",
        "price_vnd": "30.000 đồng",
        "raw_material_area_ha": "4",
    },
)
# As Excel copies rows laid out like the grid: its columns in order (domain/schema/survey.py), tab-separated.
THREE_ROWS = "".join("\t".join(row.get(key, "") for key in SURVEY_ENTRY.keys) + "\r\n" for row in _ROWS)


def _status_row(page, unit_id):
    row = next(i for i, u in enumerate(page.status_model.rows()) if u.unit_id == unit_id)
    return [page.status_model.index(row, c).data() for c in range(page.status_model.columnCount())]


def _wait_saved(qtbot, page):
    qtbot.waitUntil(lambda: page.ui.messageLabel.text().startswith("Đã lưu"), timeout=5000)
    settle(qtbot, page)  # the statuses are read again after the save


def test_the_unit_list_names_the_units_of_the_status_table(qtbot, qtmodeltester, make_page):
    page = make_page()
    combo, model = page.ui.unitCombo, page.status_model
    units = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert len(units) == 10 and "Xã Ẳng Nưa (đến 30/06/2025)" in units
    assert [combo.itemText(i) for i in range(combo.count())] == units
    combo.setCurrentIndex(combo.findData(ANG_NUA))
    assert combo.currentText() == "Xã Ẳng Nưa (đến 30/06/2025)"
    assert page.ui.statusView.currentIndex().row() == units.index("Xã Ẳng Nưa (đến 30/06/2025)")
    qtmodeltester.check(model)


def test_pasting_three_rows_from_excel_saves_them(qtbot, make_page, surveys, campaign_id):
    page = make_page()
    assert page.ui.campaignCombo.currentText() == "2024 — Rà soát sản phẩm tham gia Chương trình OCOP năm 2024"
    assert page.ui.deadlineLabel.text() == "Hạn nộp: 05/07/2024"
    assert page.ui.unitCombo.count() == 10
    grid, model = page.ui.grid, page.grid_model
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in (0, 6, model.columnCount() - 1)] == [
        "Tên sản phẩm",
        "Giá tiêu thụ (đ)",
        "Ghi chú",
    ]
    grid.setFocus()
    grid.setCurrentIndex(model.index(0, 0))
    QApplication.clipboard().setText(THREE_ROWS)
    qtbot.keyClick(grid, Qt.Key.Key_V, CTRL)
    assert [model.index(r, 0).data() for r in range(3)] == ["Cà phê Ẳng Nưa", "Mật ong hoa cà phê", "Gạo nếp nương"]
    assert model.index(0, 3).data() == "1.200" and model.index(1, 3).data() == "12,5"
    assert page.has_unsaved_changes()

    qtbot.keyClick(grid, Qt.Key.Key_S, CTRL)
    _wait_saved(qtbot, page)
    assert page.ui.messageLabel.text() == "Đã lưu 3 dòng."
    saved = surveys.unit_entries(campaign_id, ANG_NUA)
    assert [e.product_name for e in saved] == ["Cà phê Ẳng Nưa", "Mật ong hoa cà phê", "Gạo nếp nương"]
    assert [(e.output_quantity, e.quantity_sold, e.price_vnd) for e in saved] == [
        (1200, 1000, 15000),
        (12.5, 10, 350000),
        (3000, 2500.5, 30000),
    ]
    assert saved[0].raw_material_area_ha == 12.5 and saved[0].proposed_year == 2025
    assert saved[2].production_situation == "Trồng 2 vụ\nbán tại chợ"
    assert saved[1].notes == "cần nhãn mác" and saved[1].producer == "Hộ ông Lò Văn Páo"
    # The grid shows what was saved; the status table counts the rows and names the unit with its
    # period (read with the row: an old commune is told from the new one of the same name).
    assert not page.has_unsaved_changes()
    assert model.index(2, 5).data() == "2.500,5" and model.index(0, 6).data() == "15.000"
    assert _status_row(page, ANG_NUA) == ["Xã Ẳng Nưa (đến 30/06/2025)", "Đang nhập", "", "Chưa đến hạn", "3"]
    assert page.ui.unitCombo.currentText() == "Xã Ẳng Nưa (đến 30/06/2025)"


def test_an_invalid_cell_is_explained_and_blocks_saving(qtbot, make_page, surveys, campaign_id):
    page = make_page()
    grid, model = page.ui.grid, page.grid_model
    grid.setFocus()
    grid.setCurrentIndex(model.index(0, 0))
    type_keys(grid, "Chè shan tuyết")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    type_keys(grid, "12a")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    cell = model.index(0, 3)
    assert cell.data(Qt.ItemDataRole.ToolTipRole) == "«12a» không phải là số. Hãy nhập số, ví dụ 1.200 hoặc 12,5."

    page.ui.saveButton.click()
    assert page.ui.messageLabel.text() == (
        "Chưa lưu: dòng 1, cột «Sản lượng»: «12a» không phải là số. Hãy nhập số, ví dụ 1.200 hoặc 12,5."
    )
    assert grid.currentIndex() == cell  # the cursor goes to the cell to fix
    assert surveys.unit_entries(campaign_id, ANG_NUA) == []

    type_keys(grid, "12")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    page.ui.saveButton.click()
    _wait_saved(qtbot, page)
    assert [(e.product_name, e.output_quantity) for e in surveys.unit_entries(campaign_id, ANG_NUA)] == [
        ("Chè shan tuyết", 12.0)
    ]


def test_a_draft_survives_a_killed_window_and_is_restored(qtbot, make_page, surveys, campaign_id, drafts):
    surveys.save_entries(campaign_id, ANG_NUA, [SurveyEntryInput(product_name="Đã lưu từ trước")])
    page = make_page()
    grid, model = page.ui.grid, page.grid_model
    grid.setFocus()
    grid.setCurrentIndex(model.index(1, 0))
    type_keys(grid, "Măng khô Ẳng Nưa")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    # Saved after a pause in typing, without any action from the user.
    qtbot.waitUntil(lambda: drafts.load(campaign_id, ANG_NUA) is not None, timeout=5000)
    page.close()  # the window is gone without saving, as when the process is killed

    again = make_page()
    rows = [again.grid_model.index(r, 0).data() for r in range(again.grid_model.rowCount())]
    assert rows[:2] == ["Đã lưu từ trước", "Măng khô Ẳng Nưa"]
    assert again.ui.messageLabel.text().startswith("Đã khôi phục bản nháp chưa lưu lúc ")
    assert again.has_unsaved_changes()
    again.ui.saveButton.click()
    _wait_saved(qtbot, again)
    assert drafts.load(campaign_id, ANG_NUA) is None  # saving removes the draft
    assert [e.product_name for e in surveys.unit_entries(campaign_id, ANG_NUA)] == [
        "Đã lưu từ trước",
        "Măng khô Ẳng Nưa",
    ]
    # Another unit has nothing restored.
    again.ui.unitCombo.setCurrentIndex(again.ui.unitCombo.findData(place_id("xa-ang-cang")))
    settle(qtbot, again)
    assert again.ui.messageLabel.text() == "" and not again.has_unsaved_changes()


def test_switching_unit_keeps_the_typing_as_a_draft(qtbot, make_page, campaign_id, drafts):
    page = make_page()
    page.ui.grid.setFocus()
    type_keys(page.ui.grid, "Rau cải mèo")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    page.ui.unitCombo.setCurrentIndex(page.ui.unitCombo.findData(place_id("xa-ang-cang")))
    settle(qtbot, page)
    assert page.grid_model.index(0, 0).data() == ""
    page.ui.unitCombo.setCurrentIndex(page.ui.unitCombo.findData(ANG_NUA))
    settle(qtbot, page)
    assert page.grid_model.index(0, 0).data() == "Rau cải mèo"
    assert "bản nháp" in page.ui.messageLabel.text()
    # Undoing back to the saved state leaves no draft behind.
    page.grid_model.set_cells([(0, 0, "")], "xóa")
    page.save_draft()
    assert drafts.load(campaign_id, ANG_NUA) is None


def test_delete_then_ctrl_z_in_the_page_grid(qtbot, make_page, surveys, campaign_id):
    surveys.save_entries(campaign_id, ANG_NUA, [SurveyEntryInput(product_name="Cá suối", output_quantity=50)])
    page = make_page()
    grid, model = page.ui.grid, page.grid_model
    grid.setFocus()
    grid.setCurrentIndex(model.index(0, 3))
    qtbot.keyClick(grid, Qt.Key.Key_Delete)
    assert model.index(0, 3).data() == "" and page.has_unsaved_changes()
    qtbot.keyClick(grid, Qt.Key.Key_Z, CTRL)
    assert model.index(0, 3).data() == "50" and not page.has_unsaved_changes()
    # Xóa dòng removes the row, Ctrl+Z puts it back.
    page.ui.removeRowButton.click()
    assert model.index(0, 0).data() == ""
    qtbot.keyClick(grid, Qt.Key.Key_Z, CTRL)
    assert model.index(0, 0).data() == "Cá suối"


def test_marking_a_unit_submitted_shows_status_and_timeliness(qtbot, make_page, surveys, campaign_id):
    make_page.state["today"] = date(2024, 7, 10)
    page = make_page()
    page.show_campaign(campaign_id)
    settle(qtbot, page)
    changed = []
    page.changed.connect(lambda: changed.append(True))
    assert _status_row(page, ANG_NUA)[1:4] == ["Chưa nộp", "", "Chưa nộp — quá hạn"]

    page.ui.markSubmittedButton.click()
    dialog = page.submission_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.ui.unitNameLabel.text() == "Đơn vị: Xã Ẳng Nưa (đến 30/06/2025)"
    assert dialog.ui.dateEdit.maximumDate() == QDate(2024, 7, 10)  # no future dates
    dialog.ui.dateEdit.setDate(QDate(2024, 7, 3))
    qtbot.mouseClick(dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    settle(qtbot, page)
    assert _status_row(page, ANG_NUA)[1:4] == ["Đã nộp", "03/07/2024", "Đúng hạn"]
    assert page.ui.summaryLabel.text() == "1/10 đơn vị đã nộp."
    assert changed == [True]

    # A unit that sent its report after the deadline is late; choosing it in the table picks it.
    ang_cang = place_id("xa-ang-cang")
    row = next(i for i, u in enumerate(page.status_model.rows()) if u.unit_id == ang_cang)
    page.ui.statusView.setCurrentIndex(page.status_model.index(row, 0))
    settle(qtbot, page)
    assert page.ui.unitCombo.currentData() == ang_cang
    page.ui.markSubmittedButton.click()
    page.submission_dialog.ui.dateEdit.setDate(QDate(2024, 7, 8))
    page.submission_dialog.accept()
    settle(qtbot, page)
    assert _status_row(page, ang_cang)[1:4] == ["Đã nộp", "08/07/2024", "Trễ hạn"]

    page.ui.unmarkSubmittedButton.click()
    settle(qtbot, page)
    assert _status_row(page, ang_cang)[1:4] == ["Chưa nộp", "", "Chưa nộp — quá hạn"]


def test_promoting_a_saved_row_adds_a_potential_product(qtbot, make_page, surveys, campaign_id, make_uow):
    surveys.save_entries(
        campaign_id,
        ANG_NUA,
        [
            SurveyEntryInput(product_name="Miến dong Ẳng Nưa", producer="HTX Miến dong"),
            SurveyEntryInput(product_name="Rượu ngô"),
        ],
    )
    page = make_page()
    grid, model = page.ui.grid, page.grid_model
    changed = []
    page.changed.connect(lambda: changed.append(True))
    grid.setCurrentIndex(model.index(2, 0))  # the spare row is not saved
    assert not page.ui.promoteButton.isEnabled()
    grid.setCurrentIndex(model.index(0, 0))
    assert page.ui.promoteButton.isEnabled()
    page.ui.promoteButton.click()
    settle(qtbot, page)
    assert page.ui.messageLabel.text() == "Đã tạo sản phẩm tiềm năng «Miến dong Ẳng Nưa» trong sổ sản phẩm."
    assert changed == [True]
    assert not page.ui.promoteButton.isEnabled()  # only once
    assert model.headerData(0, Qt.Orientation.Vertical) == "1 ✓"
    products = ProductService(make_uow).list(status="tiem_nang")
    assert [(p.name, p.status_label, p.commune) for p in products] == [("Miến dong Ẳng Nưa", "Tiềm năng", "Xã Ẳng Nưa")]
    # A row with unsaved edits must be saved before it is promoted.
    grid.setFocus()
    grid.setCurrentIndex(model.index(1, 0))
    assert page.ui.promoteButton.isEnabled()
    type_keys(grid, "Rượu ngô men lá")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    grid.setCurrentIndex(model.index(1, 0))
    assert not page.ui.promoteButton.isEnabled()


def test_show_campaign_and_an_empty_database(qtbot, vietnamese, make_uow, jobs, tmp_path):
    drafts = tmp_path / "drafts"
    page = SurveysPage(SurveyService(make_uow), PlaceService(make_uow), jobs, drafts)
    qtbot.addWidget(page)
    settle(qtbot, page)
    assert page.ui.campaignCombo.count() == 0
    assert page.ui.messageLabel.text() == "Chưa có đợt rà soát nào."
    assert not page.ui.saveButton.isEnabled() and not page.has_unsaved_changes()
    page.show_campaign("khong-co")
    settle(qtbot, page)
    page.save_draft()  # nothing open: nothing to keep
    assert not drafts.exists()


def test_ctrl_s_while_a_cell_is_being_typed_saves_that_cell_too(qtbot, make_page, surveys, campaign_id):
    page = make_page()
    page.ui.grid.setFocus()
    type_keys(page.ui.grid, "Nấm hương rừng")
    assert page.has_unsaved_changes()  # still in the editor, not yet in the table
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_S, CTRL)
    _wait_saved(qtbot, page)
    assert [e.product_name for e in surveys.unit_entries(campaign_id, ANG_NUA)] == ["Nấm hương rừng"]


def test_closing_the_window_mid_edit_keeps_the_cell_in_the_draft(qtbot, make_page, campaign_id, drafts):
    page = make_page()
    page.ui.grid.setFocus()
    type_keys(page.ui.grid, "Chè búp")
    page.save_draft()  # what the main window does on close
    draft = drafts.load(campaign_id, ANG_NUA)
    assert draft is not None and draft.payload["rows"][0]["cells"][0] == "Chè búp"


def test_rows_deleted_in_the_grid_are_deleted_and_only_those(qtbot, make_page, surveys, campaign_id):
    surveys.save_entries(
        campaign_id,
        ANG_NUA,
        [
            SurveyEntryInput(product_name="Cá suối"),
            SurveyEntryInput(product_name="Rượu ngô"),
            SurveyEntryInput(product_name="Măng khô", producer="Bản Co"),
        ],
    )
    page = make_page()
    grid, model = page.ui.grid, page.grid_model
    grid.setFocus()
    grid.setCurrentIndex(model.index(0, 0))
    page.ui.removeRowButton.click()  # Xóa dòng
    model.set_cells([(1, 0, ""), (1, 1, "")], "xóa ô")  # every cell of Măng khô emptied: deleted too
    page.ui.saveButton.click()
    _wait_saved(qtbot, page)
    assert [e.product_name for e in surveys.unit_entries(campaign_id, ANG_NUA)] == ["Rượu ngô"]

"""A survey grid never writes over newer rows: refresh brings them in, a stale save is refused and merged."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from ocop_desktop.gui.surveys.page import SurveysPage
from ocop_desktop.services.places import PlaceService
from ocop_desktop.services.surveys import SurveyEntryInput
from tests.gui.keyboard import type_keys
from tests.gui.surveys.conftest import ANG_NUA, settle
from tests.services.exchange.conftest import communes, office  # noqa: F401  (fixtures)

REFUSED = (
    "Rà soát năm 2024 — Xã Ẳng Nưa: dữ liệu đã thay đổi sau khi bạn mở. Có 1 dòng mới: «Trà shan tuyết». "
    "Chưa lưu gì; hãy tải lại để xem bản mới nhất rồi lưu lại."
)


@pytest.fixture
def district(communes, tmp_path):
    """The district's window on its own database, and a way to receive the commune's package."""
    commune, _other, district = communes

    def receive_package() -> None:
        commune.surveys.save_entries(
            commune.campaign_id(),
            commune.unit_id,
            [
                SurveyEntryInput(product_name="Trà shan tuyết", producer="HTX Chè Phìn Hồ", output_quantity="500"),
            ],
        )
        path = tmp_path / "ang-nua.ocop.zip"
        commune.exchange.export(path, include_reports=False)
        district.exchange.import_package(path)

    return district, receive_package


@pytest.fixture
def page(qtbot, vietnamese, district, jobs, tmp_path):
    office, _receive = district
    view = SurveysPage(office.surveys, PlaceService(office.make_uow), jobs, tmp_path / "drafts")
    qtbot.addWidget(view)
    view.resize(1200, 800)
    view.show()
    qtbot.waitExposed(view)
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow, timeout=5000)
    settle(qtbot, view)
    view.ui.unitCombo.setCurrentIndex(view.ui.unitCombo.findData(ANG_NUA))
    settle(qtbot, view)
    return view


def _names(office):
    return [e.product_name for e in office.surveys.unit_entries(office.campaign_id(), ANG_NUA)]


def _type_row(qtbot, page, row: int, text: str) -> None:
    grid = page.ui.grid
    grid.setFocus()
    grid.setCurrentIndex(page.grid_model.index(row, 0))
    type_keys(grid, text)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)


def _save(qtbot, page, expect: str) -> None:
    page.ui.saveButton.click()
    qtbot.waitUntil(lambda: not page._saving and page.ui.messageLabel.text().startswith(expect), timeout=10000)
    settle(qtbot, page)


def test_a_refreshed_grid_shows_the_arrived_row_and_saving_keeps_both(qtbot, district, page):
    office, receive_package = district
    assert page.grid_model.index(0, 0).data() == ""
    receive_package()
    page.refresh()  # what the window's refresh_all does after a package is received
    settle(qtbot, page)
    assert page.grid_model.index(0, 0).data() == "Trà shan tuyết"
    assert not page.has_unsaved_changes()
    _type_row(qtbot, page, 1, "Mật ong bạc hà")
    _save(qtbot, page, "Đã lưu")
    assert page.ui.messageLabel.text() == "Đã lưu 2 dòng."
    assert _names(office) == ["Trà shan tuyết", "Mật ong bạc hà"]


def test_a_stale_grid_is_refused_then_reload_reapplies_the_typing(qtbot, district, page):
    office, receive_package = district
    _type_row(qtbot, page, 0, "Mật ong bạc hà")  # typed into the grid loaded before the package
    receive_package()  # no refresh: the old behaviour, where the grid did not know the new row
    _save(qtbot, page, "Rà soát năm 2024")
    assert page.ui.messageLabel.text() == REFUSED
    assert _names(office) == ["Trà shan tuyết"]  # nothing written, the arrived row not deleted
    box = page.stale_box
    assert box is not None and box.isVisible() and box.text() == REFUSED
    assert [b.text() for b in box.buttons()] == ["Tải lại", "Tiếp tục sửa"]
    assert page.grid_model.index(0, 0).data() == "Mật ong bạc hà"  # the typing is still there

    reload_button = next(b for b in box.buttons() if b.text() == "Tải lại")
    qtbot.mouseClick(reload_button, Qt.MouseButton.LeftButton)
    settle(qtbot, page)
    assert [page.grid_model.index(r, 0).data() for r in range(3)] == ["Trà shan tuyết", "Mật ong bạc hà", ""]
    assert page.ui.messageLabel.text() == (
        "Đã tải các dòng mới nhất của đơn vị và áp dụng lại phần bạn chưa lưu. "
        "Dòng mới từ nơi khác: «Trà shan tuyết». Bấm Lưu để lưu lại."
    )
    assert page.has_unsaved_changes()
    _save(qtbot, page, "Đã lưu")
    assert _names(office) == ["Trà shan tuyết", "Mật ong bạc hà"]


def test_an_edit_over_a_row_changed_elsewhere_keeps_both_changes(qtbot, district, page):
    office, receive_package = district
    receive_package()
    page.refresh()
    settle(qtbot, page)
    campaign, unit = office.campaign_id(), ANG_NUA
    # The grid shows the row; another window changes its output meanwhile.
    (tea,) = office.surveys.unit_entries(campaign, unit)
    office.surveys.save_entries(
        campaign,
        unit,
        [
            SurveyEntryInput(
                id=tea.id,
                version=tea.updated_at,
                product_name=tea.product_name,
                producer=tea.producer,
                output_quantity="650",
            )
        ],
    )
    grid = page.ui.grid
    grid.setFocus()
    grid.setCurrentIndex(page.grid_model.index(0, page.grid_model.columnCount() - 1))  # the notes
    type_keys(grid, "cần nhãn mác")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    _save(qtbot, page, "Rà soát năm 2024")
    assert "Dòng «Trà shan tuyết» đã được Nguyễn Văn Kiểm sửa lúc " in page.ui.messageLabel.text()
    page.reload_and_reapply()
    settle(qtbot, page)
    assert "Đã sửa ở nơi khác, gộp với phần bạn sửa: «Trà shan tuyết»." in page.ui.messageLabel.text()
    _save(qtbot, page, "Đã lưu")
    (saved,) = office.surveys.unit_entries(campaign, unit)
    assert (saved.output_quantity, saved.notes) == (650, "cần nhãn mác")  # theirs and mine, both kept


def test_a_draft_typed_before_a_package_is_merged_when_the_unit_is_opened_again(
    qtbot,
    district,
    page,
    jobs,
    tmp_path,
):
    office, receive_package = district
    _type_row(qtbot, page, 0, "Mật ong bạc hà")
    page.save_draft()
    page.close()  # the window is gone without saving, as when the laptop's battery dies
    receive_package()

    again = SurveysPage(office.surveys, PlaceService(office.make_uow), jobs, tmp_path / "drafts")
    qtbot.addWidget(again)
    settle(qtbot, again)
    again.ui.unitCombo.setCurrentIndex(again.ui.unitCombo.findData(ANG_NUA))
    settle(qtbot, again)
    assert [again.grid_model.index(r, 0).data() for r in range(2)] == ["Trà shan tuyết", "Mật ong bạc hà"]
    message = again.ui.messageLabel.text()
    assert message.startswith("Đã khôi phục bản nháp chưa lưu lúc ")
    assert "Dòng mới từ nơi khác: «Trà shan tuyết»." in message
    _save(qtbot, again, "Đã lưu")
    assert _names(office) == ["Trà shan tuyết", "Mật ong bạc hà"]

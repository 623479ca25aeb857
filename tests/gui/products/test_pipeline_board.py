"""Must-show (issue 17): a survey row's product moved through every stage on the «Lộ trình» board to
«Được công nhận»; refused at «Hồ sơ đầy đủ» while one required document is missing (the message
names it), allowed after; the board's counts change at each step."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from ocop_desktop.gui.products.pipeline_board import PipelineBoard
from ocop_desktop.services.dossier_reports import DossierReports
from ocop_desktop.services.dossiers import DossierService, dossier_rules
from ocop_desktop.services.evaluation import CertificationInput, EvaluationInput, EvaluationService, MemberInput
from ocop_desktop.services.pipeline import PipelineService
from ocop_desktop.services.places import PlaceService
from ocop_desktop.services.reference import place_id
from ocop_desktop.services.sample import load_sample
from ocop_desktop.services.scorecards import load_shipped_scorecards
from ocop_desktop.services.surveys import SurveyEntryInput, SurveyService
from tests.gui.keyboard import type_text
from tests.gui.products.conftest import POPUP

TODAY = date(2025, 10, 1)
NAME = "Mật ong hoa ban Ẳng Nưa"


def new_board(make_uow, jobs) -> PipelineBoard:
    """The board as the window makes it (app.py), on the test's database, on TODAY."""
    return PipelineBoard(
        PipelineService(make_uow),
        DossierService(make_uow),
        DossierReports(make_uow),
        jobs,
        today=lambda: TODAY,
        places=PlaceService(make_uow),
    )


@pytest.fixture
def board(qtbot, make_uow, jobs, vietnamese):
    load_sample(make_uow, "muong-ang-2024")
    load_shipped_scorecards(make_uow)
    surveys = SurveyService(make_uow)
    campaign = surveys.campaigns(today=date(2024, 6, 20))[0]
    (entry,) = surveys.save_entries(campaign.id, place_id("xa-ang-nua"), [SurveyEntryInput(product_name=NAME)])
    surveys.promote_to_product(entry.id)  # «Tạo sản phẩm tiềm năng» of the survey grid
    page = new_board(make_uow, jobs)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    qtbot.waitExposed(page)
    settle(qtbot, page)
    return page


def settle(qtbot, widget) -> None:
    qtbot.waitUntil(lambda: not widget.is_busy(), timeout=10000)


def count(board: PipelineBoard, code: str) -> int:
    return int(board.stage_buttons[code].text().split("\n")[-1].replace(".", ""))  # «6.090»


def counts(board: PipelineBoard) -> dict[str, int]:
    return {code: count(board, code) for code in board.stage_buttons}


def move(qtbot, board: PipelineBoard) -> None:
    board.select_product(board.model.rows()[0].product_id)
    qtbot.mouseClick(board.move_button, Qt.MouseButton.LeftButton)
    settle(qtbot, board)


def test_a_survey_rows_product_goes_through_every_stage_on_the_board(qtbot, board, make_uow):
    before = counts(board)
    type_text(board.search, "mat ong hoa ban")  # accents optional
    settle(qtbot, board)
    assert [r.product for r in board.model.rows()] == [NAME]
    assert board.model.index(0, 0).data() == NAME
    assert board.move_button.text() == "Chuyển sang «Đăng ký»"

    # Tiềm năng → Đăng ký: the registration date and round.
    move(qtbot, board)
    dialog = board.register_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.registered_on.clear()
    type_text(dialog.registered_on, "04/08/2025")
    dialog.round.setValue(2)
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    settle(qtbot, board)
    assert board.message.text() == f"Đã chuyển «{NAME}» sang giai đoạn «Đăng ký»."
    assert board.model.rows()[0].stage == "dang_ky" and board.model.rows()[0].round == "2/2025"
    assert (counts(board)["tiem_nang"], counts(board)["dang_ky"]) == (0, 1)  # the search shows this product only
    assert board.move_button.text() == "Chuyển sang «Hồ sơ đầy đủ»"

    # The dossier: every required document accepted but the product story.
    rules = dossier_rules()["1489/2025"]
    story = rules.item("cau_chuyen_san_pham")
    assert story is not None
    qtbot.mouseClick(board.dossier_button, Qt.MouseButton.LeftButton)
    dossier = board.dossier_dialog
    assert dossier is not None
    settle(qtbot, dossier)

    def accept(code: str) -> None:
        dossier.select_item(code)
        dossier.status_combo.setCurrentIndex(dossier.status_combo.findText("Đạt"))
        dossier.checked_by.setText("Lò Thị Hoa")
        qtbot.mouseClick(dossier.save_button, Qt.MouseButton.LeftButton)
        settle(qtbot, dossier)
        settle(qtbot, board)

    for item in rules.required:
        if item.code != story.code:
            accept(item.code)
    assert f"Còn thiếu 1 tài liệu bắt buộc: {story.name}" in dossier.heading.text()

    move(qtbot, board)
    refusal = board.message.text()
    assert f"Hồ sơ của «{NAME}» chưa đầy đủ" in refusal and f"«{story.name}»" in refusal
    assert board.model.rows()[0].stage == "dang_ky" and counts(board)["ho_so_day_du"] == 0

    accept(story.code)
    assert "Đã đủ các tài liệu bắt buộc." in dossier.heading.text()
    dossier.close()
    move(qtbot, board)
    assert board.model.rows()[0].stage == "ho_so_day_du"
    assert (counts(board)["dang_ky"], counts(board)["ho_so_day_du"]) == (0, 1)

    # The council scores it (the Evaluation page's work), then the province certifies it.
    product = board.model.rows()[0].product_id
    evaluations = EvaluationService(make_uow)
    saved = evaluations.save(
        EvaluationInput(product, date(2025, 9, 15), (MemberInput("An", {"A": 30, "B": 20, "C": 25}),), level="tinh")
    )
    move(qtbot, board)
    assert board.model.rows()[0].stage == "da_danh_gia" and counts(board)["da_danh_gia"] == 1
    evaluations.certify(saved.id, CertificationInput(decision="12/QĐ-UBND", certified_on=TODAY), today=TODAY)
    move(qtbot, board)
    assert board.model.rows()[0].stage == "duoc_cong_nhan"
    assert board.message.text() == f"Đã chuyển «{NAME}» sang giai đoạn «Được công nhận»."

    board.search.clear()
    settle(qtbot, board)
    after = counts(board)
    assert after["tiem_nang"] == before["tiem_nang"] - 1
    assert after["duoc_cong_nhan"] == before["duoc_cong_nhan"] + 1

    # Its re-evaluation window (1489: warned 30 days before the certificate expires) is on the board,
    # and the row is marked once that day has come.
    column = board.model.columnCount() - 1
    assert board.model.headerData(column, Qt.Orientation.Horizontal) == "Nộp hồ sơ đánh giá lại từ"
    type_text(board.search, "mat ong hoa ban")
    settle(qtbot, board)
    assert board.model.index(0, column).data() == "01/09/2028"
    assert board.model.index(0, 0).data(Qt.ItemDataRole.BackgroundRole) is None
    board._today = lambda: date(2028, 9, 2)
    board.refresh()
    settle(qtbot, board)
    assert board.model.index(0, 0).data(Qt.ItemDataRole.BackgroundRole) is not None


def test_the_checklist_and_the_incomplete_list_are_written_from_the_board(qtbot, board, make_uow, tmp_path):
    from ocop_desktop.services.settings import save_office_settings
    from tests.pdftext import raw_text

    commune = next(p for p in PlaceService(make_uow).all() if p.key == "xa-muong-ang")
    save_office_settings(make_uow, commune.id, "Lò Văn Thắng", "Chủ tịch", "ubnd")
    type_text(board.search, "mat ong hoa ban")
    settle(qtbot, board)
    move(qtbot, board)
    board.register_dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    settle(qtbot, board)
    assert board.checklist_button.isEnabled()
    board.write_checklist(board.model.rows()[0].product_id, tmp_path / "phieu.pdf")
    settle(qtbot, board)
    assert board.message.text() == f"Đã lưu {tmp_path / 'phieu.pdf'}."
    assert f"Sản phẩm «{NAME}»" in " ".join(raw_text(tmp_path / "phieu.pdf").split())
    board.write_incomplete(tmp_path / "thieu.pdf")
    settle(qtbot, board)
    assert NAME in " ".join(raw_text(tmp_path / "thieu.pdf").split())


def test_the_board_reads_nothing_until_its_tab_is_shown(qtbot, make_uow, jobs):
    """At national scale the board is 20,000 rows: not read at start-up, nor while its tab is hidden."""
    from PySide6.QtWidgets import QLabel, QTabWidget

    load_sample(make_uow, "muong-ang-2024")
    tabs = QTabWidget()
    qtbot.addWidget(tabs)
    tabs.addTab(QLabel("Trang chính"), "Trang chính")
    board = new_board(make_uow, jobs)
    tabs.addTab(board, "Lộ trình")
    tabs.show()
    qtbot.waitExposed(tabs)
    board.refresh()  # a change made in another tab
    jobs.wait()
    assert not board.is_busy() and board.model.rowCount() == 0
    tabs.setCurrentWidget(board)
    qtbot.waitUntil(lambda: not board.is_busy() and board.model.rowCount() == 10, timeout=5000)


def test_a_long_board_shows_its_first_rows_and_says_how_to_see_the_others(
    qtbot, make_uow, jobs, vietnamese, monkeypatch
):
    """A national board is 20,000 products: the window builds one page, the counts cover them all."""
    from ocop_desktop.gui.products import pipeline_board

    monkeypatch.setattr(pipeline_board, "PAGE_ROWS", 4)
    load_sample(make_uow, "muong-ang-2024")
    page = new_board(make_uow, jobs)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    settle(qtbot, page)
    assert page.model.rowCount() == 4
    assert sum(counts(page).values()) == 10
    assert page.cut_note.isVisible()
    assert page.cut_note.text().startswith("Đang hiện 4 sản phẩm đầu trong 10:")
    page.stage_combo.setCurrentIndex(page.stage_combo.findData("tiem_nang"))
    settle(qtbot, page)
    shown = counts(page)["tiem_nang"]
    assert page.model.rowCount() == min(shown, 4) and page.cut_note.isVisible() == (shown > 4)


@POPUP  # the units found pop up under the field
def test_the_unit_filter_and_the_counts_per_unit(qtbot, board):
    """The survey row's product is in its commune's count; choosing that unit shows it alone."""
    lines = board.unit_counts_model.stringList()
    assert sum(int(line.rsplit(": ", 1)[1]) for line in lines) == 11  # the sample's ten and the new one
    assert lines == ["(chưa rõ địa bàn): 10", "Xã Ẳng Nưa: 1"]
    # Units are searched as their name is typed (accents optional), as in the registry: never all listed.
    combo, matches = board.unit_combo, board.unit_filter.matches
    assert combo.count() == 1 and combo.lineEdit().placeholderText().startswith("Mọi địa bàn")
    type_text(combo.lineEdit(), "ang nua")
    qtbot.waitUntil(lambda: matches.rowCount() >= 1, timeout=5000)
    ids = [matches.index(i, 0).data(Qt.ItemDataRole.UserRole) for i in range(matches.rowCount())]
    row = ids.index(place_id("xa-ang-nua"))
    board.unit_filter.choose(ids[row], matches.index(row, 0).data())
    qtbot.waitUntil(lambda: [r.product for r in board.model.rows()] == [NAME], timeout=5000)
    settle(qtbot, board)
    assert combo.currentText().startswith("Xã Ẳng Nưa")
    assert board.unit_counts_model.stringList() == lines  # counted over every unit, whichever is chosen
    board.unit_filter.choose(None)
    qtbot.waitUntil(lambda: board.model.rowCount() == 11, timeout=5000)


def test_a_national_board_counts_the_first_units_and_says_how_many_more(qtbot, board):
    from ocop_desktop.services.pipeline_types import Board

    board._loaded(Board([], {"tiem_nang": 9000}, {"Xã A": 5, "Xã B": 7}, [], 9000, unit_count=6002))
    assert board.unit_counts_model.stringList() == ["Xã A: 5", "Xã B: 7"]
    assert board.unit_note.isVisible()
    assert board.unit_note.text() == "… và 6.000 đơn vị khác: chọn đơn vị ở trên để xem sản phẩm của đơn vị đó."
    # Two units of one name (in different provinces) share a line: the note counts units, not lines.
    board._loaded(Board([], {"tiem_nang": 9000}, {"Xã A": 5, "Xã B": 7}, [], 9000, unit_count=6003, units_listed=3))
    assert board.unit_note.text().startswith("… và 6.000 đơn vị khác")
    board._loaded(Board([], {"tiem_nang": 12}, {"Xã A": 5, "Xã B": 7}, [], 12, unit_count=2))
    assert not board.unit_note.isVisible()


def test_counts_are_printed_the_vietnamese_way(qtbot, board):
    """A province's board: thousands separated by dots, on the stage buttons and per unit."""
    from ocop_desktop.services.pipeline_types import Board

    board._loaded(
        Board([], {"tiem_nang": 6090, "duoc_cong_nhan": 13910}, {"Xã Ẳng Nưa": 1234}, [("x", "Xã Ẳng Nưa")], 20000)
    )
    assert board.stage_buttons["tiem_nang"].text() == "Tiềm năng\n6.090"
    assert board.stage_buttons["duoc_cong_nhan"].text().endswith("\n13.910")
    assert board.unit_counts_model.stringList() == ["Xã Ẳng Nưa: 1.234"]
    assert board.cut_note.text().startswith("Đang hiện 0 sản phẩm đầu trong 20.000")

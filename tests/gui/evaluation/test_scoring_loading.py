"""The scoring dialog reads its card in the background: shown at once, filled when the read
arrives, a newer date's card wins over an older read, closed early without harm."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QDate

from ocop_desktop.gui.evaluation.scoring_dialog import ScoringDialog
from ocop_desktop.services.evaluation import EvaluationService
from ocop_desktop.services.evaluation_reports import EvaluationReports
from tests.gui.evaluation.conftest import TODAY, settle


def _dialog(qtbot, sample, coffee_id, jobs) -> tuple[ScoringDialog, EvaluationService]:
    service = EvaluationService(sample)
    dialog = ScoringDialog(service, EvaluationReports(sample), coffee_id, today=lambda: TODAY, jobs=jobs)
    qtbot.addWidget(dialog)
    return dialog, service


def test_the_dialog_shows_its_layout_before_the_card_is_read_then_fills_in(
    qtbot, sample, coffee_id, jobs, vietnamese, hold
):
    service = EvaluationService(sample)
    release = hold(service, "setup")
    dialog = ScoringDialog(service, EvaluationReports(sample), coffee_id, today=lambda: TODAY, jobs=jobs)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    ui = dialog.ui
    assert dialog.windowTitle() == "Đánh giá: Đang tải…" and ui.productLabel.text() == "Đang tải…"
    assert ui.scoreView.isVisible() and not ui.scoreView.isEnabled() and not ui.ruleSetCombo.isEnabled()
    assert not dialog.save_button.isEnabled() and dialog.model.rowCount() == 0

    release.set()
    settle(qtbot, dialog)
    assert dialog.windowTitle() == "Đánh giá: Cà phê bột Hà Chung - bột pha phin"
    assert ui.ruleSetCombo.currentData() == "26/2026" and ui.scoreView.isEnabled()
    assert dialog.model.row_of("A1.1") is not None and dialog.knockout_boxes
    assert dialog.save_button.isEnabled() and ui.starsValue.text() == "Chưa chấm"


def test_a_newer_date_supersedes_the_card_still_being_read(qtbot, sample, coffee_id, jobs, vietnamese):
    dialog, _service = _dialog(qtbot, sample, coffee_id, jobs)
    dialog.show()
    settle(qtbot, dialog)
    ui = dialog.ui
    ui.dateEdit.setDate(QDate(2024, 6, 20))  # 148/2023 asked for …
    ui.dateEdit.setDate(QDate(2025, 9, 15))  # … then 1489/2025 before the first read arrived
    assert not dialog.save_button.isEnabled()  # not while the card shown may change
    settle(qtbot, dialog)
    assert ui.ruleSetCombo.currentData() == "1489/2025"
    assert dialog.save_button.isEnabled()


def test_a_refused_save_is_said_in_vietnamese_and_the_dialog_stays_open(qtbot, sample, coffee_id, jobs, vietnamese):
    dialog, service = _dialog(qtbot, sample, coffee_id, jobs)
    dialog.show()
    settle(qtbot, dialog)
    dialog.ui.dateEdit.setDate(QDate(2024, 6, 20))
    settle(qtbot, dialog)
    dialog.model.set_members([("Lò Văn An", {"A": 30, "B": 18, "C": 35})])
    dialog.ui.certifyBox.setChecked(True)  # certified, but no decision number typed
    dialog.save_button.click()
    settle(qtbot, dialog)
    assert "Chưa nhập số quyết định công nhận" in dialog.ui.errorLabel.text()
    assert not dialog.ui.errorLabel.text().startswith("• decision")  # no internal key shown
    assert dialog.isVisible() and dialog.saved is None and dialog.save_button.isEnabled()
    assert service.history(coffee_id) == []


def test_closing_the_dialog_while_it_saves_breaks_nothing(qtbot, sample, coffee_id, jobs, vietnamese, hold):
    service = EvaluationService(sample)
    dialog = ScoringDialog(service, EvaluationReports(sample), coffee_id, today=lambda: TODAY, jobs=jobs)
    dialog.show()
    settle(qtbot, dialog)
    release = hold(service, "save")
    dialog.model.set_members([("Lò Văn An", {"A1.1": 3})])
    dialog.save_button.click()
    dialog.reject()
    dialog.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog), timeout=5000)
    release.set()
    jobs.wait()
    qtbot.wait(10)  # the save's answer finds no dialog, and is dropped; the evaluation is stored
    assert [row.total for row in service.history(coffee_id)] == [3]


def test_an_earlier_evaluation_is_shown_again_and_printed_from_background_jobs(
    qtbot, sample, coffee_id, jobs, vietnamese, tmp_path
):
    dialog, _service = _dialog(qtbot, sample, coffee_id, jobs)
    dialog.show()
    settle(qtbot, dialog)
    ui = dialog.ui
    dialog.export("result", tmp_path / "chua-luu.pdf")  # nothing saved, nothing selected
    assert ui.errorLabel.text() == "Hãy lưu kết quả đánh giá (hoặc chọn một lần đánh giá trước) rồi mới in kết quả."
    dialog.model.set_members([("Lò Văn An", {"A1.1": 3, "B1": 4})])
    dialog.save_button.click()
    settle(qtbot, dialog)
    assert dialog.saved is not None and dialog.history_model.rowCount() == 1

    ui.dateEdit.setDate(QDate(2024, 6, 20))  # another card shown meanwhile
    settle(qtbot, dialog)
    assert ui.ruleSetCombo.currentData() == "148/2023"
    ui.historyView.setCurrentIndex(dialog.history_model.index(0, 0))
    ui.loadButton.click()
    settle(qtbot, dialog)
    assert ui.ruleSetCombo.currentData() == "26/2026" and ui.dateEdit.text() == "28/11/2026"
    assert dialog.model.index(dialog.model.row_of("A1.1"), 3).data() == "3"
    assert ui.totalValue.text() == "7 / 100"

    target = tmp_path / "ket-qua.pdf"
    dialog.export("old", target)
    settle(qtbot, dialog)
    assert target.exists() and ui.errorLabel.text() == f"Đã lưu vào {target}"

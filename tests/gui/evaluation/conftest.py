"""Fixtures of the evaluation dialogs: the sample loaded, the coffee product, typing a score."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QGroupBox, QStyle, QStyleOptionGroupBox

from ocop_desktop.gui.evaluation.scoring_dialog import ScoringDialog
from ocop_desktop.services.evaluation import EvaluationService
from ocop_desktop.services.evaluation_reports import EvaluationReports
from ocop_desktop.services.products import ProductService
from ocop_desktop.services.sample import load_sample
from tests.evaluation_data import COFFEE
from tests.evaluation_data import SCORES as COFFEE_SCORES
from tests.gui.keyboard import type_keys

TODAY = date(2026, 11, 28)
# The producer's self-assessment on the 26/2026 coffee card, criterion by criterion: 79 points.
SCORES = list(COFFEE_SCORES.items())


@pytest.fixture
def sample(make_uow):
    load_sample(make_uow, "muong-ang-2024")
    return make_uow


@pytest.fixture
def coffee_id(sample) -> str:
    return next(p.id for p in ProductService(sample).list() if p.name == COFFEE)


@pytest.fixture
def make_dialog(qtbot, vietnamese, sample):
    def make(product_id: str, member: str = "Lò Văn An") -> ScoringDialog:
        dialog = ScoringDialog(
            EvaluationService(sample), EvaluationReports(sample), product_id, today=lambda: TODAY, member_name=member
        )
        qtbot.addWidget(dialog)
        dialog.resize(1300, 850)
        dialog.show()
        qtbot.waitExposed(dialog)
        dialog.activateWindow()  # typing goes to the focused widget, as for a user
        qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
        settle(qtbot, dialog)  # the card, the product and its history arrive from a background read
        return dialog

    return make


def settle(qtbot, dialog: ScoringDialog) -> None:
    """Wait for the dialog's background work (a card read again, a save, a print), as a user waits."""
    qtbot.waitUntil(lambda: not dialog.is_busy(), timeout=10000)


def click_cell(qtbot, view: QAbstractItemView, row: int, col: int) -> None:
    index = view.model().index(row, col)
    view.scrollTo(index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center())
    view.setFocus()


def type_score(qtbot, dialog: ScoringDialog, code: str, points: int | str, member: int = 0) -> None:
    """Select the criterion's cell in the member's column, type the points, press Enter."""
    view = dialog.ui.scoreView
    click_cell(qtbot, view, dialog.model.row_of(code), 3 + member)
    type_keys(view, str(points))
    editor = QApplication.focusWidget()
    if view.state() == QAbstractItemView.State.EditingState:
        qtbot.keyClick(editor, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: view.state() != QAbstractItemView.State.EditingState)


def tick_group(qtbot, box: QGroupBox) -> None:
    """Click the check box in a checkable group box's title."""
    option = QStyleOptionGroupBox()
    box.initStyleOption(option)
    rect = box.style().subControlRect(
        QStyle.ComplexControl.CC_GroupBox, option, QStyle.SubControl.SC_GroupBoxCheckBox, box
    )
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=rect.center())

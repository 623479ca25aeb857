"""The «Lộ trình» board in an English window: stages, headers and a refused move read in English."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from ocop_desktop.domain.language import display_language
from ocop_desktop.gui.i18n import install_translators
from ocop_desktop.services.pipeline import MoveInput, PipelineService
from ocop_desktop.services.products import ProductInput, ProductService
from tests.gui.products.test_pipeline_board import new_board

TODAY = date(2025, 10, 1)


def test_the_board_in_english(qtbot, qapp, make_uow, jobs):
    product = ProductService(make_uow).create(ProductInput(name="Măng khô Ẳng Nưa"))
    PipelineService(make_uow).move(product.id, "dang_ky", MoveInput(date(2025, 8, 4), 2025), today=TODAY)
    assert install_translators(qapp, "en") == []
    assert display_language() == "en"
    board = new_board(make_uow, jobs)
    qtbot.addWidget(board)
    board.show()
    qtbot.waitUntil(lambda: not board.is_busy() and board.model.rowCount() == 1, timeout=5000)
    assert board.stage_buttons["dang_ky"].text() == "Registered\n1"
    assert board.model.headerData(0, Qt.Orientation.Horizontal) == "Product"
    assert board.move_button.text() == "Move to «Dossier complete»"
    qtbot.mouseClick(board.move_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not board.is_busy(), timeout=5000)
    assert "The dossier of «Măng khô Ẳng Nưa» is not complete" in board.message.text()
    assert "«Product story»" in board.message.text() and "Câu chuyện" not in board.message.text()

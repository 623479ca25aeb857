"""Two people's forms on one product (issue 18 item 2): the first saves; the second's save is
refused naming the first and when, keeps what was typed, and offers «Tải lại», which shows the
stored product so the next save is made on the newest version."""

from __future__ import annotations

from PySide6.QtCore import Qt

from ocop_desktop.gui.products.dialog import ProductDialog
from ocop_desktop.services.products import ProductInput, ProductService
from tests.gui.products.conftest import TODAY

LEFT = Qt.MouseButton.LeftButton


def _form(qtbot, services, products: ProductService, product_id: str) -> ProductDialog:
    dialog = ProductDialog(
        products, services.producers, services.places, services.catalog, product_id=product_id, today=lambda: TODAY
    )
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.loaded and not dialog.is_busy(), timeout=5000)
    return dialog


def _save(qtbot, dialog: ProductDialog) -> None:
    qtbot.mouseClick(dialog.save_button, LEFT)
    qtbot.waitUntil(lambda: not dialog.is_busy(), timeout=5000)


def test_the_second_form_is_refused_naming_the_first_and_offers_to_reload(qtbot, db, services, vietnamese):
    created = services.products.create(ProductInput(name="Măng khô", status="dang_ky"))
    first = _form(qtbot, services, ProductService(db.uow_factory(actor="Nguyễn Văn An")), created.id)
    second = _form(qtbot, services, services.products, created.id)  # Nguyễn Văn Kiểm's
    assert not second.reload_button.isVisible()

    first.ui.notesEdit.setPlainText("Huyện đã thẩm định")
    _save(qtbot, first)
    assert not first.isVisible()  # saved and closed

    second.ui.notesEdit.setPlainText("Xã bổ sung hồ sơ")
    _save(qtbot, second)
    assert second.isVisible() and second.ui.notesEdit.toPlainText() == "Xã bổ sung hồ sơ"  # nothing typed is lost
    shown = second.errors.shown()[""]
    assert shown.startswith("Sản phẩm «Măng khô» đã được Nguyễn Văn An sửa lúc ")
    assert "sau khi bạn mở biểu mẫu này" in shown
    assert second.reload_button.isVisible() and second.reload_button.text() == "Tải lại"
    assert services.products.get(created.id).notes == "Huyện đã thẩm định"

    qtbot.mouseClick(second.reload_button, LEFT)
    qtbot.waitUntil(lambda: not second.reload_button.isVisible(), timeout=5000)
    assert second.ui.notesEdit.toPlainText() == "Huyện đã thẩm định"  # the stored product, as the first left it
    assert "" not in second.errors.shown()
    second.ui.notesEdit.setPlainText("Huyện đã thẩm định; xã bổ sung hồ sơ")
    _save(qtbot, second)
    assert not second.isVisible()
    stored = services.products.get(created.id)
    assert stored.notes == "Huyện đã thẩm định; xã bổ sung hồ sơ" and stored.version == 3

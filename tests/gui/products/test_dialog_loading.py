"""The product form opens at once and fills when its background read arrives; closed early, nothing breaks."""

from __future__ import annotations

import shiboken6

from ocop_desktop.gui.products.dialog import ProductDialog
from ocop_desktop.services.producers import ProducerInput
from ocop_desktop.services.products import ProductInput
from tests.gui.products.conftest import TODAY


def test_the_form_shows_its_layout_before_the_product_is_read_then_fills_in(qtbot, services, jobs, vietnamese, hold):
    producer = services.producers.create(ProducerInput(name="HTX Chè Phìn Hồ"))
    product = services.products.create(ProductInput(name="Chè Shan tuyết", producer_id=producer.id, stars=4))
    release = hold(services.catalog, "groups")
    dialog = ProductDialog(
        services.products,
        services.producers,
        services.places,
        services.catalog,
        product_id=product.id,
        today=lambda: TODAY,
        jobs=jobs,
    )
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    # Shown while the read waits: every field is there, disabled, and the form says it is loading.
    assert dialog.windowTitle() == "Sửa sản phẩm: Đang tải…"
    assert dialog.loading_label.isVisible() and dialog.loading_label.text() == "Đang tải…"
    assert dialog.ui.nameEdit.isVisible() and not dialog.ui.nameEdit.isEnabled()
    assert not dialog.save_button.isEnabled() and dialog.is_busy()

    release.set()
    qtbot.waitUntil(lambda: dialog.loaded, timeout=5000)
    assert dialog.windowTitle() == "Sửa sản phẩm: Chè Shan tuyết"
    assert dialog.ui.nameEdit.isEnabled() and dialog.ui.nameEdit.text() == "Chè Shan tuyết"
    assert dialog.ui.starsCombo.currentText() == "★★★★"
    assert dialog.ui.groupCombo.count() > 1 and dialog.checklist_boxes
    qtbot.waitUntil(lambda: not dialog.is_busy(), timeout=5000)
    assert dialog.ui.producerPicker.producer_id() == producer.id
    assert dialog.save_button.isEnabled() and not dialog.loading_label.isVisible()


def test_closing_the_form_while_it_is_read_breaks_nothing(qtbot, services, jobs, vietnamese, hold):
    release = hold(services.catalog, "groups")
    dialog = ProductDialog(
        services.products, services.producers, services.places, services.catalog, today=lambda: TODAY, jobs=jobs
    )
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.reject()
    dialog.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog), timeout=5000)
    release.set()
    jobs.wait()
    qtbot.wait(10)  # the read's answer finds no form, and is dropped


def test_an_invalid_value_is_refused_in_vietnamese_under_its_field_and_the_form_stays_open(
    qtbot, services, jobs, vietnamese
):
    dialog = ProductDialog(
        services.products, services.producers, services.places, services.catalog, today=lambda: TODAY, jobs=jobs
    )
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.loaded, timeout=5000)
    dialog.ui.nameEdit.setText("Gạo nếp Tan")
    dialog.ui.ean13Edit.setText("12345")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: not dialog.is_busy(), timeout=5000)
    assert dialog.isVisible() and dialog.saved_product is None
    assert "13 chữ số" in dialog.ui.ean13Error.text() and dialog.ui.ean13Error.isVisible()
    assert dialog.save_button.isEnabled()  # ready for the corrected value
    assert services.products.list() == []


def test_a_full_disk_on_saving_is_said_in_vietnamese_and_the_form_stays_open(
    qtbot, services, jobs, vietnamese, monkeypatch
):
    import sqlite3

    def full(_data):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(services.products, "create", full)
    dialog = ProductDialog(
        services.products, services.producers, services.places, services.catalog, today=lambda: TODAY, jobs=jobs
    )
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.loaded, timeout=5000)
    dialog.ui.nameEdit.setText("Gạo nếp Tan")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: not dialog.is_busy(), timeout=5000)
    assert dialog.errors.shown()[""].startswith("Ổ đĩa đã đầy nên không ghi được.")
    assert dialog.isVisible() and dialog.ui.nameEdit.text() == "Gạo nếp Tan" and dialog.save_button.isEnabled()


def test_cancel_while_the_save_runs_waits_for_it(qtbot, services, jobs, vietnamese, hold):
    dialog = ProductDialog(
        services.products, services.producers, services.places, services.catalog, today=lambda: TODAY, jobs=jobs
    )
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.loaded, timeout=5000)
    release = hold(services.products, "create")
    dialog.ui.nameEdit.setText("Gạo nếp Tan")
    dialog.save_button.click()
    dialog.reject()  # Escape while the product is being stored
    assert dialog.isVisible()
    release.set()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)  # closed once stored, as after a save
    assert dialog.saved_product is not None and [p.name for p in services.products.list()] == ["Gạo nếp Tan"]

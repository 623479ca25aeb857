"""A window in English: the registry's statuses and groups and a refused save read in English,
while the official document of the same registry stays Vietnamese, word for word."""

from __future__ import annotations

import unicodedata
from datetime import date
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import QLocale, Qt

from ocop_desktop.domain.language import display_language
from ocop_desktop.gui.i18n import install_translators, remove_translators
from ocop_desktop.services.products import ProductInput
from ocop_desktop.services.reports import ReportRequest, ReportService
from tests.gui.keyboard import type_text
from tests.gui.products.conftest import TODAY

GROUP, STATUS = 3, 5  # the registry's columns


def _registry_pdf(make_uow, path: Path) -> str:
    """The products report as the report dialog writes it, read back as text."""
    ReportService(make_uow).export(ReportRequest("products", today=TODAY), "pdf", path)
    text = "\n".join(page.extract_text() for page in PdfReader(path).pages)
    return unicodedata.normalize("NFC", text)


def test_the_english_window_shows_english_statuses_groups_and_messages_but_prints_vietnamese(
    qtbot, qapp, services, jobs, make_uow, tmp_path
):
    from ocop_desktop.gui.products.page import ProductsPage

    services.products.create(
        ProductInput(
            name="Rượu ngô Ẳng Nưa",
            status="duoc_cong_nhan",
            stars=4,
            group_code="do-uong",
            certified_on=date(2026, 3, 2),
        )
    )
    services.products.create(ProductInput(name="Măng khô", group_code="thuc-pham"))
    before = QLocale()
    translators = install_translators(qapp, "vi")
    try:
        printed_in_vietnamese = _registry_pdf(make_uow, tmp_path / "vi.pdf")
    finally:
        remove_translators(qapp, translators)
    assert install_translators(qapp, "en") == []  # English is the source language: no translator
    try:
        assert display_language() == "en"
        page = ProductsPage(
            services.products, services.producers, services.places, services.catalog, jobs, today=lambda: TODAY
        )
        qtbot.addWidget(page)
        page.show()
        qtbot.waitUntil(lambda: not page.is_loading() and page.model.rowCount() == 2, timeout=5000)
        model = page.model
        header = Qt.Orientation.Horizontal
        assert (model.headerData(GROUP, header), model.headerData(STATUS, header)) == ("Group", "Status")
        rows = {
            model.index(r, 0).data(): (model.index(r, GROUP).data(), model.index(r, STATUS).data())
            for r in range(model.rowCount())
        }
        assert rows == {"Rượu ngô Ẳng Nưa": ("Beverages", "Certified"), "Măng khô": ("Food", "Potential")}
        statuses = [page.ui.statusFilter.itemText(i) for i in range(page.ui.statusFilter.count())]
        assert "Revoked" in statuses and "Bị thu hồi" not in statuses

        # A refused save: certified without stars. The form says why in English, under the field.
        page.add_product()
        dialog = page.dialog
        qtbot.waitUntil(lambda: dialog.loaded, timeout=5000)  # the lists arrive from a background read
        type_text(dialog.ui.nameEdit, "Mật ong rừng")
        dialog.ui.statusCombo.setCurrentIndex(dialog.ui.statusCombo.findText("Certified"))
        type_text(dialog.ui.scoreEdit, "bảy mươi")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not dialog.is_busy(), timeout=5000)  # the form is checked in the background
        assert dialog.isVisible()
        assert dialog.errors.shown() == {
            "stars": "A certified product has at least 3 stars; please choose its stars.",
            "score": "«bảy mươi» is not a number. Type a number, for example 1.200 or 12,5.",
        }
        dialog.reject()

        # The official document of the same registry, printed from the English window: unchanged.
        printed_in_english = _registry_pdf(make_uow, tmp_path / "en.pdf")
    finally:
        QLocale.setDefault(before)  # English installed no translator: nothing to remove
    assert printed_in_english == printed_in_vietnamese
    words = " ".join(printed_in_english.split())  # a wrapped cell breaks its words over lines
    assert "Được công nhận" in words and "Đồ uống" in words and "Rượu ngô Ẳng Nưa" in words
    assert "Certified" not in words and "Beverages" not in words

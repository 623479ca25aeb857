"""The document settings dialog: number and recipients per kind of document, the signer block chosen."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from ocop_desktop.gui.reports.settings_dialog import ReportSettingsDialog
from ocop_desktop.services.documents import DocumentService
from ocop_desktop.services.places import PlaceService
from ocop_desktop.services.report_settings import read_report_settings, save_report_settings
from ocop_desktop.services.sample import load_sample
from ocop_desktop.services.settings import save_office_settings

DAY = date(2026, 12, 2)


def test_number_recipients_and_signer_are_typed_per_kind_and_printed(qtbot, make_uow):
    load_sample(make_uow, "muong-ang-2024")
    commune = next(p for p in PlaceService(make_uow).communes(DAY) if p.name == "Xã Mường Ảng")
    save_office_settings(make_uow, commune.id, "Lò Văn Minh", "Chủ tịch", office_kind="ubnd")
    dialog = ReportSettingsDialog(
        read_report_settings(make_uow), lambda s: save_report_settings(make_uow, s), kind="products"
    )
    qtbot.addWidget(dialog)
    u = dialog.ui
    assert u.kindCombo.currentData() == "products" and u.numberEdit.text() == "/BC-UBND"
    assert u.recipientsEdit.toPlainText().splitlines() == ["Sở Nông nghiệp và Môi trường tỉnh Điện Biên", "Lưu: VT"]
    u.numberEdit.clear()
    qtbot.keyClicks(u.numberEdit, "7/BC-UBND")
    # A form has no number and no recipients to type.
    u.kindCombo.setCurrentIndex(u.kindCombo.findData("survey-form"))
    assert not u.numberEdit.isEnabled() and not u.recipientsEdit.isEnabled() and u.numberEdit.text() == ""
    u.kindCombo.setCurrentIndex(u.kindCombo.findData("survey"))
    # (QTest types Latin-1 only: the Vietnamese text is set, then a line typed after it.)
    u.recipientsEdit.setPlainText("Sở Nông nghiệp và Môi trường tỉnh Điện Biên")
    u.recipientsEdit.moveCursor(u.recipientsEdit.textCursor().MoveOperation.End)
    qtbot.keyClick(u.recipientsEdit, Qt.Key.Key_Return)
    qtbot.keyClicks(u.recipientsEdit, "VP UBND")
    # The chairman's block is the office's; the deputy's is one choice away.
    assert (u.signerCombo.currentText(), u.signerTitleEdit.text()) == ("Chủ tịch ký", "CHỦ TỊCH")
    u.signerCombo.setCurrentIndex(u.signerCombo.findData("deputy"))
    u.signerCombo.activated.emit(u.signerCombo.currentIndex())
    assert (u.authorityEdit.text(), u.deputyEdit.text(), u.signerTitleEdit.text()) == (
        "TM. ỦY BAN NHÂN DÂN",
        "KT. CHỦ TỊCH",
        "PHÓ CHỦ TỊCH",
    )
    u.signerNameEdit.setText("Quàng Văn Dũng")
    u.kindCombo.setCurrentIndex(u.kindCombo.findData("products"))
    assert u.numberEdit.text() == "7/BC-UBND"  # kept while another kind was shown
    qtbot.mouseClick(u.buttons.button(u.buttons.StandardButton.Save), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.saved is not None, timeout=5000)  # saved in the background

    documents = DocumentService(make_uow)
    products, survey = documents.header("products", DAY), documents.header("survey", DAY)
    assert products.number == "Số: 7/BC-UBND" and survey.number == "Số:      /BC-UBND"
    assert survey.recipients == ("Sở Nông nghiệp và Môi trường tỉnh Điện Biên", "VP UBND")
    assert products.recipients == ("Sở Nông nghiệp và Môi trường tỉnh Điện Biên", "Lưu: VT")
    assert (survey.signature.deputy, survey.signature.title, survey.signature.name) == (
        "KT. CHỦ TỊCH",
        "PHÓ CHỦ TỊCH",
        "Quàng Văn Dũng",
    )


def test_the_report_dialog_opens_the_settings_on_the_kind_it_shows(qtbot, make_uow, tmp_path, monkeypatch):
    from ocop_desktop.gui.jobs import JobRunner
    from ocop_desktop.gui.reports.dialog import ReportsDialog
    from ocop_desktop.services.reports import ReportService

    load_sample(make_uow, "muong-ang-2024")
    dialog = ReportsDialog(
        ReportService(make_uow),
        JobRunner(),
        (lambda: read_report_settings(make_uow), lambda s: save_report_settings(make_uow, s)),
        today=lambda: DAY,
        work_dir=tmp_path,
    )
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: not dialog.busy(), timeout=10000)  # the choices are read in the background
    dialog.select_kind("expiring")
    shown = []
    monkeypatch.setattr(ReportSettingsDialog, "exec", lambda self: shown.append(self.ui.kindCombo.currentData()) or 0)
    dialog.edit_settings()
    qtbot.waitUntil(lambda: shown == ["expiring"], timeout=5000)  # the settings are read in the background

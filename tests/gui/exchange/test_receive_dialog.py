"""The Nhận báo cáo dialog as the district officer uses it: add packages, settle a conflict, import, undo."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from ocop_desktop.gui.exchange.receive_dialog import ReceivePackageDialog
from ocop_desktop.gui.exchange.send_dialog import SendPackageDialog
from ocop_desktop.services.products import ProductInput, ProductService
from ocop_desktop.services.surveys import SurveyEntryInput

COFFEE = "Cà phê bột Hà Chung - bột pha phin"


def set_notes(office, notes: str) -> str:
    products = ProductService(office.make_uow)
    p = next(p for p in products.list() if p.name == COFFEE)
    products.update(
        p.id,
        ProductInput(name=p.name, status=p.status, stars=p.stars, product_set_code=p.product_set_code, notes=notes),
    )
    return p.id


@pytest.fixture
def packages(communes, tmp_path):
    a, b, r = communes
    a.surveys.save_entries(a.campaign_id(), a.unit_id, [SurveyEntryInput(product_name="Chè Shan tuyết")])
    a.exchange.export(tmp_path / "a1.ocop.zip", include_reports=False)
    r.exchange.import_package(tmp_path / "a1.ocop.zip")
    set_notes(a, "Xã bổ sung hồ sơ")
    product_id = set_notes(r, "Huyện đã thẩm định")
    a.exchange.export(tmp_path / "a2.ocop.zip", changes_only=True, include_reports=False)
    b.surveys.save_entries(b.campaign_id(), b.unit_id, [SurveyEntryInput(product_name="Mật ong bạc hà")])
    b.surveys.set_submission(b.campaign_id(), b.unit_id, "da_nop", date(2024, 7, 4))
    b.exchange.export(tmp_path / "b.ocop.zip", include_reports=False)
    return tmp_path / "a2.ocop.zip", tmp_path / "b.ocop.zip", product_id


def cell(model, row: int, column: int) -> str:
    return model.data(model.index(row, column), Qt.ItemDataRole.DisplayRole)


def test_conflict_chosen_per_record_then_imported_then_undone(qtbot, qtmodeltester, communes, packages, jobs):
    _a, _b, r = communes
    a2, bp, product_id = packages
    dialog = ReceivePackageDialog(
        r.exchange,
        jobs,
        ask_paths=lambda _p: [str(a2), str(bp)],
        ask_confirm=lambda _p, _t: True,
        today=lambda: date(2024, 7, 10),
    )
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.ui.addButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.busy() and all(r.state != "checking" for r in dialog.packages.rows()))
    assert [cell(dialog.packages, i, 0) for i in range(2)] == ["a2.ocop.zip", "b.ocop.zip"]
    assert [cell(dialog.packages, i, 3) for i in range(2)] == ["1 conflict(s) to resolve", "Ready to import"]
    assert dialog.ui.importAllButton.isEnabled()

    dialog.ui.packagesView.selectRow(0)
    assert dialog.ui.conflictBox.isVisible()
    assert dialog.ui.conflictLabel.text() == f"Sản phẩm «{COFFEE}»"
    assert [
        (cell(dialog.fields, i, 0), cell(dialog.fields, i, 1), cell(dialog.fields, i, 2))
        for i in range(dialog.fields.rowCount())
    ] == [("Ghi chú", "Huyện đã thẩm định", "Xã bổ sung hồ sơ")]
    assert not dialog.ui.importButton.isEnabled()
    assert "1 conflict(s) still need a choice" in dialog.ui.statusLabel.text()
    for model in (dialog.packages, dialog.changes, dialog.fields, dialog.inbox, dialog.units):
        qtmodeltester.check(model)

    qtbot.mouseClick(dialog.ui.thereRadio, Qt.MouseButton.LeftButton)
    conflict_row = next(
        i for i in range(dialog.changes.rowCount()) if cell(dialog.changes, i, 2).startswith("Conflict")
    )
    assert cell(dialog.changes, conflict_row, 2) == "Conflict — take the package's"
    assert dialog.ui.importButton.isEnabled()
    with qtbot.waitSignal(dialog.imported, timeout=10_000):
        qtbot.mouseClick(dialog.ui.importButton, Qt.MouseButton.LeftButton)
    assert cell(dialog.packages, 0, 3) == "Imported"
    assert ProductService(r.make_uow).get(product_id).notes == "Xã bổ sung hồ sơ"

    with qtbot.waitSignal(dialog.imported, timeout=10_000):
        qtbot.mouseClick(dialog.ui.importAllButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.busy())  # the history is read again in the background
    assert cell(dialog.packages, 1, 3) == "Imported"
    assert [cell(dialog.inbox, i, 1) for i in range(dialog.inbox.rowCount())].count("Xã Ẳng Tở") == 1

    dialog.ui.tabs.setCurrentIndex(2)
    assert (
        "2 of 10 units submitted" in dialog.ui.rateLabel.text()
        or "1 of 10 units submitted" in dialog.ui.rateLabel.text()
    )
    units = {cell(dialog.units, i, 0): cell(dialog.units, i, 3) for i in range(dialog.units.rowCount())}
    assert units["Xã Ẳng Tở"] == "On time" and units["Xã Mường Đăng"] == "Not submitted — overdue"
    assert cell(dialog.units, [cell(dialog.units, i, 0) for i in range(10)].index("Xã Ẳng Tở"), 4)

    dialog.ui.tabs.setCurrentIndex(1)
    row = next(i for i in range(dialog.inbox.rowCount()) if cell(dialog.inbox, i, 6) == "1")
    dialog.ui.inboxView.selectRow(row)
    assert dialog.ui.undoButton.isEnabled()
    with qtbot.waitSignal(dialog.imported, timeout=10_000):
        qtbot.mouseClick(dialog.ui.undoButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.busy())
    assert "Undone" in dialog.ui.inboxStatusLabel.text()
    assert ProductService(r.make_uow).get(product_id).notes == "Huyện đã thẩm định"
    qtbot.waitUntil(lambda: not dialog.busy() and cell(dialog.packages, 0, 3) == "1 conflict(s) to resolve")


def test_a_refused_package_says_why_in_vietnamese(qtbot, communes, tmp_path, jobs, vietnamese):
    _a, _b, r = communes
    bad = tmp_path / "hong.ocop.zip"
    bad.write_text("không phải gói")
    dialog = ReceivePackageDialog(r.exchange, jobs, ask_paths=lambda _p: [str(bad)])
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.ui.addButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.busy() and dialog.packages.rows()[0].state == "refused")
    assert cell(dialog.packages, 0, 3) == "Bị từ chối"
    assert "không phải gói dữ liệu OCOP" in dialog.ui.summaryLabel.text()
    assert not dialog.ui.importButton.isEnabled()


def test_send_dialog_makes_a_package_and_lists_it(qtbot, qtmodeltester, communes, tmp_path, jobs):
    a, _b, _r = communes
    dialog = SendPackageDialog(
        a.exchange, jobs, office_name="Xã Ẳng Nưa", ask_path=lambda _p, _s: str(tmp_path / "goi")
    )
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: not dialog.busy())  # what was sent is read in the background
    assert dialog.ui.allRadio.isChecked() and not dialog.ui.changesRadio.isEnabled()
    dialog.ui.reportsCheck.setChecked(False)
    with qtbot.waitSignal(dialog.sent, timeout=10_000):
        qtbot.mouseClick(dialog.ui.exportButton, Qt.MouseButton.LeftButton)
    assert (tmp_path / "goi.ocop.zip").exists()
    qtbot.waitUntil(lambda: not dialog.busy())
    assert dialog.outbox.rowCount() == 1 and cell(dialog.outbox, 0, 1) == "Everything"
    assert dialog.ui.changesRadio.isEnabled() and "Everything was sent" in dialog.ui.unsentLabel.text()
    qtmodeltester.check(dialog.outbox)


def test_a_new_sender_is_imported_only_after_its_fingerprint_is_accepted(qtbot, office, tmp_path, jobs, vietnamese):
    from ocop_desktop.exports.signing import short_fingerprint
    from ocop_desktop.services.office_key import office_key

    a = office("ang-nua", "xa-ang-nua", "Lò Văn Anh")
    r = office("huyen", "huyen-muong-ang", "Nguyễn Văn Kiểm")  # has never trusted anyone
    a.surveys.save_entries(a.campaign_id(), a.unit_id, [SurveyEntryInput(product_name="Chè Shan tuyết")])
    a.exchange.export(tmp_path / "a.ocop.zip", include_reports=False)
    words = short_fingerprint(office_key(a.make_uow).fingerprint)
    asked, answer = [], {"yes": False}

    def ask(_parent, office_name, shown):
        asked.append((office_name, shown))
        return answer["yes"]

    dialog = ReceivePackageDialog(r.exchange, jobs, ask_paths=lambda _p: [str(tmp_path / "a.ocop.zip")], ask_trust=ask)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.ui.addButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.busy() and dialog.packages.rows()[0].state != "checking")
    dialog.ui.packagesView.selectRow(0)
    assert cell(dialog.packages, 0, 3) == "Đơn vị gửi mới: đối chiếu dấu vân tay"
    assert f"Ký số bằng khóa {words}." in dialog.ui.summaryLabel.text()
    assert not dialog.ui.importAllButton.isEnabled()  # a new sender is never trusted in bulk

    qtbot.mouseClick(dialog.ui.importButton, Qt.MouseButton.LeftButton)  # the user says no
    assert asked == [("Xã Ẳng Nưa", words)] and r.surveys.unit_entries(r.campaign_id(), a.unit_id) == []
    assert r.exchange.senders() == []
    answer["yes"] = True
    qtbot.mouseClick(dialog.ui.importButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.busy() and dialog.packages.rows()[0].state == "imported", timeout=20000)
    assert [e.product_name for e in r.surveys.unit_entries(r.campaign_id(), a.unit_id)] == ["Chè Shan tuyết"]
    assert [(s.office, s.words) for s in r.exchange.senders()] == [("Xã Ẳng Nưa", words)]

"""«Đơn vị tin cậy và khóa ký» as an officer uses it: read this office's fingerprint, see whom it
trusts, revoke a key, take a district's key list after comparing its fingerprint, send the list,
and check the signature of a report received."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox

from ocop_desktop.exports.signing import short_fingerprint
from ocop_desktop.gui.exchange import senders_dialog
from ocop_desktop.gui.exchange.senders_dialog import SendersDialog
from ocop_desktop.services.office_key import existing_office_key
from ocop_desktop.services.report_seal import signature_file
from ocop_desktop.services.reports import ReportRequest, ReportService

DAY = date(2024, 7, 10)


def cell(model, row: int, column: int) -> str:
    return model.data(model.index(row, column), Qt.ItemDataRole.DisplayRole)


def rows(dialog) -> list[tuple[str, ...]]:
    return [
        tuple(cell(dialog.model, r, c) for c in range(dialog.model.columnCount()))
        for r in range(dialog.model.rowCount())
    ]


def words_of(office) -> str:
    return short_fingerprint(existing_office_key(office.make_uow).fingerprint)


class Boxes:
    """What the dialog would have shown in message boxes; the answers a user gives to questions."""

    def __init__(self) -> None:
        self.shown: list[dict] = []
        self.questions: list[str] = []
        self.warnings: list[str] = []
        self.answers: list[bool] = []
        self.open_path = ""
        self.save_path = ""


@pytest.fixture
def boxes(monkeypatch):
    seen = Boxes()

    def execute(box):
        seen.shown.append(
            {
                "icon": box.icon(),
                "title": box.windowTitle(),
                "text": box.text(),
                "informative": box.informativeText(),
                "details": box.detailedText(),
            }
        )
        return QMessageBox.StandardButton.Ok

    def question(_parent, _title, text, *_a, **_k):
        seen.questions.append(text)
        return QMessageBox.StandardButton.Yes if seen.answers.pop(0) else QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "exec", execute)
    monkeypatch.setattr(QMessageBox, "question", question)
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a, **k: seen.warnings.append(text))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (seen.open_path, ""))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (seen.save_path, ""))
    return seen


def opened(qtbot, office, jobs) -> SendersDialog:
    dialog = SendersDialog(office.make_uow, jobs)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: not dialog.busy())
    return dialog


def click(qtbot, dialog, button) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.busy())


def test_the_office_sees_its_fingerprint_and_the_offices_it_trusts(qtbot, qtmodeltester, communes, jobs):
    a, b, r = communes
    dialog = opened(qtbot, r, jobs)
    qtmodeltester.check(dialog.model)
    assert dialog.ui.ownFingerprint.text() == words_of(r)
    qtbot.mouseClick(dialog.ui.copyButton, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == words_of(r)

    shown = rows(dialog)
    assert [(row[0], row[1], row[3], row[4]) for row in shown] == [
        ("Xã Ẳng Nưa", words_of(a), "thử nghiệm", ""),
        ("Xã Ẳng Tở", words_of(b), "thử nghiệm", ""),
    ]
    trusted_on = shown[0][2]  # dd/MM/yyyy HH:mm, in this computer's time
    assert len(trusted_on) == 16 and trusted_on[2] == "/" and trusted_on[5] == "/" and trusted_on[13] == ":"
    assert (
        dialog.model.data(dialog.model.index(0, 1), Qt.ItemDataRole.ToolTipRole)
        == existing_office_key(a.make_uow).fingerprint
    )
    assert not dialog.ui.revokeButton.isEnabled()  # nothing chosen yet


def test_revoking_asks_naming_the_office_and_key_then_marks_the_row(qtbot, communes, jobs, boxes):
    a, _b, r = communes
    dialog = opened(qtbot, r, jobs)
    dialog.ui.sendersView.selectRow(0)
    assert dialog.ui.revokeButton.isEnabled()

    boxes.answers = [False]  # the user thinks again: nothing changes
    click(qtbot, dialog, dialog.ui.revokeButton)
    assert "Xã Ẳng Nưa" in boxes.questions[0] and words_of(a) in boxes.questions[0]
    assert rows(dialog)[0][4] == ""

    boxes.answers = [True]
    click(qtbot, dialog, dialog.ui.revokeButton)
    qtbot.waitUntil(lambda: not dialog.busy())
    revoked = next(row for row in rows(dialog) if row[0] == "Xã Ẳng Nưa")
    assert revoked[4] != ""  # «Revoked on» now has the time
    assert rows(dialog)[0][0] == "Xã Ẳng Tở"  # offices still trusted come first
    assert dialog.selected().office == "Xã Ẳng Nưa" and not dialog.ui.revokeButton.isEnabled()
    assert "Xã Ẳng Nưa" in dialog.ui.statusLabel.text() and words_of(a) in dialog.ui.statusLabel.text()
    assert [s.office for s in r.exchange.senders() if s.revoked_at is None] == ["Xã Ẳng Tở"]


@pytest.mark.parametrize("long_list", [False, True])
def test_a_district_list_is_taken_once_its_fingerprint_was_compared(
    qtbot, communes, office, jobs, boxes, tmp_path, monkeypatch, long_list
):
    a, b, r = communes
    if long_list:  # a province's list of 45 communes: the lines go to the box's details, which scroll
        monkeypatch.setattr(senders_dialog, "MANY_LINES", 1)
    listed = tmp_path / "muong-ang"  # the suffix is added
    boxes.save_path = str(listed)
    district = opened(qtbot, r, jobs)
    click(qtbot, district, district.ui.sendListButton)
    assert (tmp_path / "muong-ang.ocopkeys").exists()
    assert "2" in boxes.shown[-1]["text"] and words_of(r) in boxes.shown[-1]["informative"]

    c = office("ang-cang", "xa-ang-cang", "Lò Thị Cang")
    dialog = opened(qtbot, c, jobs)
    assert rows(dialog) == []
    boxes.open_path = str(tmp_path / "muong-ang.ocopkeys")

    boxes.answers = [False]  # not compared yet: nothing is taken
    click(qtbot, dialog, dialog.ui.takeListButton)
    assert "Huyện Mường Ảng" in boxes.questions[-1] and words_of(r) in boxes.questions[-1]
    assert rows(dialog) == [] and c.exchange.senders() == []

    boxes.answers = [True]
    click(qtbot, dialog, dialog.ui.takeListButton)
    qtbot.waitUntil(lambda: not dialog.busy())
    assert {(row[0], row[1]) for row in rows(dialog)} == {
        ("Huyện Mường Ảng", words_of(r)),
        ("Xã Ẳng Nưa", words_of(a)),
        ("Xã Ẳng Tở", words_of(b)),
    }
    message = boxes.shown[-1]
    assert message["icon"] == QMessageBox.Icon.Information
    assert message["text"].startswith("Danh sách khóa của Huyện Mường Ảng") and "thêm 2 đơn vị" in message["text"]
    added = f"Added: Xã Ẳng Nưa — {words_of(a)}"
    if long_list:
        assert added in message["details"] and added not in message["informative"]
        assert message["informative"].startswith("2 offices are named")
    else:
        assert added in message["informative"] and message["details"] == ""


def test_a_commune_is_told_it_does_not_send_key_lists(qtbot, communes, jobs, boxes, tmp_path):
    a, _b, _r = communes
    boxes.save_path = str(tmp_path / "xa.ocopkeys")
    dialog = opened(qtbot, a, jobs)
    click(qtbot, dialog, dialog.ui.sendListButton)
    assert len(boxes.warnings) == 1 and "chỉ cơ quan cấp tỉnh" in boxes.warnings[0]
    assert not (tmp_path / "xa.ocopkeys").exists()
    assert dialog.ui.sendListButton.isEnabled()  # the buttons come back after the refusal


def test_a_report_received_is_checked_valid_untrusted_or_changed(qtbot, communes, office, jobs, boxes, tmp_path):
    a, _b, r = communes
    report = ReportService(a.make_uow).export(ReportRequest("products", today=DAY), "xlsx", tmp_path / "sp.xlsx")
    boxes.open_path = str(report)

    dialog = opened(qtbot, r, jobs)  # the district trusts Xã Ẳng Nưa
    click(qtbot, dialog, dialog.ui.checkReportButton)
    valid = boxes.shown[-1]
    assert valid["icon"] == QMessageBox.Icon.Information and "đã được tin cậy" in valid["text"]
    assert "sp.xlsx" in valid["title"] and dialog.ui.statusLabel.text() == valid["text"]

    c = office("ang-cang", "xa-ang-cang", "Lò Thị Cang")  # knows nobody yet
    stranger = opened(qtbot, c, jobs)
    click(qtbot, stranger, stranger.ui.checkReportButton)
    untrusted = boxes.shown[-1]
    assert untrusted["icon"] == QMessageBox.Icon.Warning
    assert "chưa có trong danh sách đơn vị tin cậy" in untrusted["text"] and words_of(a) in untrusted["text"]

    changed = tmp_path / "sua.xlsx"
    changed.write_bytes(report.read_bytes() + b"\0")
    signature_file(changed).write_bytes(signature_file(report).read_bytes())
    boxes.open_path = str(changed)
    click(qtbot, dialog, dialog.ui.checkReportButton)
    invalid = boxes.shown[-1]
    assert invalid["icon"] == QMessageBox.Icon.Critical and "đã bị thay đổi sau khi" in invalid["text"]

"""The tasks tab's dialogs on their own, its models through qtmodeltester, the start-up notice."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from ocop_desktop.domain.enums import TaskStatus
from ocop_desktop.gui.tasks.dialogs import DirectiveDialog, TaskDialog
from ocop_desktop.gui.tasks.models import DirectiveListModel, ProgressTableModel, TaskTableModel
from ocop_desktop.gui.tasks.note_dialogs import ProgressDialog, ResultNoteDialog
from ocop_desktop.gui.tasks.notice import due_notice
from ocop_desktop.services.tasks import DirectiveInput, TaskFilter, TaskInput
from tests.gui.tasks.conftest import REPORT, TODAY, type_text


def at_once(save):
    """The dialog's ``submit`` answered at once (the page starts it as a job; the dialog is the same)."""

    def submit(value, done, failed):
        try:
            result = save(value)
        except Exception as exc:
            failed(exc)
        else:
            done(result)

    return submit


def _report(service):
    return service.query(TaskFilter(due="overdue"), TODAY)[0]


def _ok(qtbot, dialog) -> None:
    qtbot.mouseClick(dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)


def test_result_note_is_required(qtbot, vietnamese, service):
    report = _report(service)
    dialog = ResultNoteDialog(
        report,
        at_once(lambda v: service.set_status(report.id, "hoan_thanh", v[0], TODAY, completed_on=v[1])),
        today=TODAY,
    )
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.windowTitle() == "Hoàn thành nhiệm vụ"
    assert dialog.ui.noteLabel.text() == "Kết quả thực hiện (bắt buộc):"
    assert not dialog.ok_button.isEnabled()
    type_text(dialog.ui.noteEdit, "   ")
    assert not dialog.ok_button.isEnabled()  # spaces are not a result
    type_text(dialog.ui.noteEdit, "Đã gửi")
    assert dialog.ok_button.isEnabled() and dialog.ok_button.text() == "Hoàn thành"
    assert service.get(report.id, TODAY).status == TaskStatus.NEW.value  # nothing saved before OK
    with qtbot.waitSignal(dialog.accepted):
        _ok(qtbot, dialog)
    assert dialog.result_value.status == "hoan_thanh"
    assert service.get(report.id, TODAY).result_note == "Đã gửi"


def test_the_services_refusal_stays_in_the_dialog(qtbot, vietnamese, service):
    report = _report(service)
    # A submit that ignores the note: the service's Vietnamese message must reach the user.
    dialog = ResultNoteDialog(
        report, at_once(lambda _v: service.set_status(report.id, "hoan_thanh", "", TODAY)), today=TODAY
    )
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(dialog.ui.noteEdit, "x")
    _ok(qtbot, dialog)
    assert dialog.isVisible()
    assert "Chưa ghi kết quả thực hiện" in dialog.ui.errorLabel.text()
    assert dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).text() == "Hủy"


def test_task_dialog_refuses_a_due_date_before_the_directive(qtbot, vietnamese, service):
    directive = service.create_directive(
        DirectiveInput(subject="Kế hoạch", issuer="UBND huyện Mường Ảng", issued_on=date(2024, 6, 20))
    )
    dialog = TaskDialog(
        at_once(lambda data: service.create_task(data, TODAY)),
        service.directives(TODAY),
        service.assignees(),
        directive_id=directive.id,
    )
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.ok_button.text() == "Lưu"
    type_text(dialog.ui.assigneeCombo.lineEdit(), "UBND xã Nậm Lịch")
    type_text(dialog.ui.titleEdit, "Báo cáo")
    qtbot.keyClicks(dialog.ui.dueEdit, "1/6/2024")
    _ok(qtbot, dialog)
    assert "trước ngày ban hành văn bản (20/06/2024)" in dialog.ui.errorLabel.text()
    assert dialog.focusWidget() is dialog.ui.dueEdit  # the field to fix
    dialog.ui.dueEdit.clear()
    qtbot.keyClicks(dialog.ui.dueEdit, "32/6/2024")
    _ok(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.ui.errorLabel.text().startswith("• Hạn: Ngày «32/6/2024» không tồn tại.")
    assert dialog.ui.dueEdit.text() == "32/6/2024"  # kept as typed, for the user to correct
    dialog.ui.dueEdit.clear()
    qtbot.keyClicks(dialog.ui.dueEdit, "20/06/2024")
    _ok(qtbot, dialog)
    assert not dialog.isVisible()
    assert dialog.result_value.due_on == date(2024, 6, 20)


def test_editing_a_task_keeps_what_was_there(qtbot, vietnamese, service):
    report = _report(service)
    dialog = TaskDialog(
        at_once(lambda data: service.update_task(report.id, data, TODAY)),
        service.directives(TODAY),
        service.assignees(),
        task=report,
    )
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Sửa nhiệm vụ"
    assert dialog.ui.assigneeCombo.currentText() == "UBND các xã, thị trấn"
    assert dialog.ui.dueEdit.text() == "05/07/2024"
    dialog.ui.dueEdit.clear()
    qtbot.keyClicks(dialog.ui.dueEdit, "10/7/2024")
    _ok(qtbot, dialog)
    assert service.get(report.id, TODAY).due_on == date(2024, 7, 10)
    assert service.get(report.id, TODAY).title == REPORT


def test_directive_dialog_lists_every_missing_field(qtbot, vietnamese, service):
    dialog = DirectiveDialog(at_once(service.create_directive))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.windowTitle() == "Thêm văn bản chỉ đạo"
    _ok(qtbot, dialog)
    errors = dialog.ui.errorLabel.text()
    assert "Chưa nhập trích yếu" in errors and "Chưa nhập cơ quan ban hành" in errors
    assert len(service.directives(TODAY)) == 1


def test_progress_dialog_defaults(qtbot, vietnamese, service):
    report = _report(service)
    dialog = ProgressDialog(report, "Nguyễn Văn Kiểm", TODAY, at_once(lambda v: service.add_progress(report.id, *v)))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.ui.dateEdit.text() == "06/07/2024"
    _ok(qtbot, dialog)
    assert "Chưa nhập nội dung tiến độ" in dialog.ui.errorLabel.text()
    assert service.progress(report.id) == []


def test_models_pass_qtmodeltester(qtmodeltester, vietnamese, service):
    report = _report(service)
    service.add_progress(report.id, TODAY, "Còn 4 xã chưa gửi.", "Lò Thị Hoa")
    directives = DirectiveListModel()
    directives.set_rows(service.directives(TODAY))
    qtmodeltester.check(directives)
    assert "6 nhiệm vụ, 0 đã hoàn thành, 1 quá hạn" in directives.index(1, 0).data(Qt.ItemDataRole.ToolTipRole)
    tasks = TaskTableModel()
    tasks.set_rows(service.list(TODAY))
    qtmodeltester.check(tasks)
    row = [t.id for t in tasks.rows()].index(report.id)
    tip = tasks.index(row, 5).data(Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("06/07/2024 — Lò Thị Hoa\nCòn 4 xã chưa gửi.")
    progress = ProgressTableModel()
    progress.set_rows(service.progress(report.id))
    qtmodeltester.check(progress)
    for empty in (DirectiveListModel(), TaskTableModel(), ProgressTableModel()):
        qtmodeltester.check(empty)


def test_start_notice_lists_overdue_and_this_week(vietnamese, service):
    assert due_notice(*service.due_summary(TODAY)).startswith(
        "Nhiệm vụ quá hạn: Rà soát sản phẩm tiềm năng và báo cáo kết quả rà soát sản phẩm tham… (hạn"
    )
    assert "(hạn 05/07/2024)" in due_notice(*service.due_summary(TODAY))
    week = due_notice(*service.due_summary(TODAY - timedelta(days=5)))
    assert week.startswith("Đến hạn trong 7 ngày tới: Rà soát") and "quá hạn" not in week
    assert due_notice(*service.due_summary(date(2024, 6, 1))) == ""
    for i in range(4):
        service.create_task(TaskInput(assignee="UBND xã", title=f"Việc {i}", due_on=TODAY - timedelta(days=1)))
    assert due_notice(*service.due_summary(TODAY)).endswith("và 2 nhiệm vụ khác")

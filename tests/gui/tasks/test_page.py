"""The Tasks tab driven like a user: filters, overdue rows, marking done, progress notes."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from ocop_desktop.domain.enums import TaskStatus
from ocop_desktop.gui.tasks.dialogs import DirectiveDialog, TaskDialog
from ocop_desktop.gui.tasks.models import OVERDUE_COLOR
from ocop_desktop.gui.tasks.note_dialogs import ProgressDialog, ResultNoteDialog
from ocop_desktop.persistence.models import Task
from ocop_desktop.services.tasks import DirectiveInput, TaskFilter, TaskInput, TaskService
from tests.gui.tasks.conftest import AUTHOR, REPORT, TODAY, choose, click_row, column, settle, titles, type_text


def _ok(qtbot, dialog) -> None:
    qtbot.mouseClick(dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)


def test_the_page_speaks_vietnamese_and_lists_the_sample(page):
    ui = page.ui
    assert ui.addTaskButton.text() == "Thêm nhiệm vụ"
    assert ui.statusButton.text() == "Đổi trạng thái"
    assert ui.addProgressButton.text() == "Thêm tiến độ"
    assert [ui.dueCombo.itemText(i) for i in range(ui.dueCombo.count())] == [
        "Tất cả",
        "Quá hạn",
        "Tuần này",
        "Không có hạn",
    ]
    assert page.task_model.headerData(3, Qt.Orientation.Horizontal) == "Hạn"
    assert len(titles(page)) == 6
    assert page.directive_model.index(0, 0).data() == "Tất cả văn bản"
    shown = page.directive_model.index(1, 0).data()
    assert shown.startswith("/UBND-NN · tháng 6 năm 2024\nUBND huyện Mường Ảng\nV/v tổ chức triển khai")
    row = titles(page).index(REPORT)
    assert column(page, 3)[row] == "05/07/2024"
    assert column(page, 4)[row] == "Chưa thực hiện"


def test_overdue_filter_then_mark_done_and_it_leaves_the_filter(qtbot, page, service):
    choose(qtbot, page, page.ui.dueCombo, "Quá hạn")
    assert titles(page) == [REPORT]
    cell = page.task_model.index(0, 1)
    assert cell.data(Qt.ItemDataRole.BackgroundRole).color() == OVERDUE_COLOR
    assert cell.data(Qt.ItemDataRole.ToolTipRole) == "Quá hạn 1 ngày"

    click_row(qtbot, page.ui.taskTable, 0, 2)
    assert page.ui.titleLabel.text() == f"<b>{REPORT}</b>"
    assert page.ui.resultLabel.text() == "Quá hạn 1 ngày"
    done = next(a for a in page.status_menu.actions() if a.text() == "Hoàn thành…")
    with qtbot.waitSignal(page.changed):
        done.trigger()
        dialog = page.findChild(ResultNoteDialog)
        assert dialog.isVisible() and dialog.ui.taskLabel.text() == REPORT
        assert not dialog.ok_button.isEnabled()
        type_text(dialog.ui.noteEdit, "Đã gửi Báo cáo số 45/BC-UBND")
        assert dialog.ok_button.isEnabled()
        _ok(qtbot, dialog)
    settle(qtbot, page)
    assert titles(page) == []
    assert "đã chuyển sang: Hoàn thành" in page.ui.messageLabel.text()

    choose(qtbot, page, page.ui.dueCombo, "Tất cả")
    row = titles(page).index(REPORT)
    assert column(page, 4)[row] == "Hoàn thành"
    assert page.task_model.index(row, 1).data(Qt.ItemDataRole.BackgroundRole) is None
    stored = service.get(service.query(TaskFilter(search="bao cao ket qua"), TODAY)[0].id, TODAY)
    assert (stored.status, stored.result_note, stored.completed_on) == (
        "hoan_thanh",
        "Đã gửi Báo cáo số 45/BC-UBND",
        TODAY,
    )


def test_tooltip_counts_the_days_late(make_page):
    page = make_page(today=date(2024, 7, 8))
    row = titles(page).index(REPORT)
    assert page.task_model.index(row, 3).data(Qt.ItemDataRole.ToolTipRole) == "Quá hạn 3 ngày"


def test_other_statuses_change_without_a_dialog(qtbot, page, service):
    click_row(qtbot, page.ui.taskTable, titles(page).index(REPORT))
    started = next(a for a in page.status_menu.actions() if a.text() == "Đang thực hiện")
    started.trigger()
    settle(qtbot, page)
    assert page.findChild(ResultNoteDialog) is None
    assert column(page, 4)[titles(page).index(REPORT)] == "Đang thực hiện"
    assert not started.isEnabled()  # the task's current status is not offered again


def test_week_filter(qtbot, make_page):
    page = make_page(today=date(2024, 7, 1))
    choose(qtbot, page, page.ui.dueCombo, "Tuần này")
    assert titles(page) == [REPORT]
    assert page.task_model.index(0, 0).data(Qt.ItemDataRole.BackgroundRole) is None
    choose(qtbot, page, page.ui.dueCombo, "Không có hạn")
    assert len(titles(page)) == 5


def test_progress_note_appears_in_the_log_with_its_author(qtbot, page):
    click_row(qtbot, page.ui.taskTable, titles(page).index(REPORT))
    with qtbot.waitSignal(page.changed):
        qtbot.mouseClick(page.ui.addProgressButton, Qt.MouseButton.LeftButton)
        dialog = page.findChild(ProgressDialog)
        assert dialog.ui.dateEdit.text() == "06/07/2024"
        assert dialog.ui.authorEdit.text() == AUTHOR
        type_text(dialog.ui.textEdit, "Đã nhận báo cáo của 6/10 xã")
        _ok(qtbot, dialog)
    settle(qtbot, page)
    log = page.progress_model
    assert [log.index(0, c).data() for c in range(3)] == ["06/07/2024", "Đã nhận báo cáo của 6/10 xã", AUTHOR]
    assert column(page, 5)[titles(page).index(REPORT)] == "Đã nhận báo cáo của 6/10 xã"


def test_directive_selection_and_search_filter_the_tasks(qtbot, page, service):
    other = service.create_directive(
        DirectiveInput(
            subject="Kế hoạch đánh giá sản phẩm OCOP năm 2025",
            issuer="UBND tỉnh Điện Biên",
            number="12/KH-UBND",
            issued_on=date(2025, 1, 10),
        )
    )
    service.create_task(
        TaskInput(
            assignee="Sở Nông nghiệp và Môi trường",
            title="Tổ chức hội đồng đánh giá",
            directive_id=other.id,
            due_on=date(2025, 3, 1),
        ),
        TODAY,
    )
    page.refresh()
    settle(qtbot, page)
    assert len(titles(page)) == 7
    assert page.directive_model.index(1, 0).data().startswith("12/KH-UBND · 10/01/2025")
    click_row(qtbot, page.ui.directiveList, 1)
    settle(qtbot, page)
    assert titles(page) == ["Tổ chức hội đồng đánh giá"]
    assert page.ui.editDirectiveButton.isEnabled()
    click_row(qtbot, page.ui.directiveList, 2)
    settle(qtbot, page)
    assert len(titles(page)) == 6
    click_row(qtbot, page.ui.directiveList, 0)
    settle(qtbot, page)
    assert len(titles(page)) == 7 and not page.ui.editDirectiveButton.isEnabled()

    qtbot.keyClicks(page.ui.searchEdit, "to chuc hoi dong")
    settle(qtbot, page)
    assert titles(page) == ["Tổ chức hội đồng đánh giá"]
    page.ui.searchEdit.clear()
    settle(qtbot, page)
    choose(qtbot, page, page.ui.assigneeCombo, "UBND các xã, thị trấn")
    assert len(titles(page)) == 2


def test_show_filtered_resets_the_other_filters(qtbot, page):
    qtbot.keyClicks(page.ui.searchEdit, "tuyen truyen")
    settle(qtbot, page)
    assert len(titles(page)) == 2
    page.show_filtered(due="overdue")
    settle(qtbot, page)
    assert page.ui.searchEdit.text() == "" and page.ui.dueCombo.currentText() == "Quá hạn"
    assert titles(page) == [REPORT]
    page.show_filtered()
    settle(qtbot, page)
    assert page.ui.dueCombo.currentText() == "Tất cả" and len(titles(page)) == 6


def test_add_a_task_through_its_dialog(qtbot, page, service):
    click_row(qtbot, page.ui.directiveList, 1)
    settle(qtbot, page)
    qtbot.mouseClick(page.ui.addTaskButton, Qt.MouseButton.LeftButton)
    dialog = page.findChild(TaskDialog)
    assert dialog.windowTitle() == "Thêm nhiệm vụ"
    assert dialog.ui.directiveCombo.currentText().startswith("Số /UBND-NN của UBND huyện Mường Ảng")
    _ok(qtbot, dialog)  # nothing typed: the service's messages stay in the open dialog
    settle(qtbot, page)
    assert dialog.isVisible()
    assert "Chưa nhập nơi/người thực hiện" in dialog.ui.errorLabel.text()
    assert "Chưa nhập tên nhiệm vụ" in dialog.ui.errorLabel.text()
    dialog.ui.assigneeCombo.setCurrentText("")
    type_text(dialog.ui.assigneeCombo.lineEdit(), "UBND xã Ẳng Nưa")
    type_text(dialog.ui.titleEdit, "Gửi hồ sơ sản phẩm chè Shan tuyết")
    qtbot.keyClicks(dialog.ui.dueEdit, "31/7/2024")
    with qtbot.waitSignal(page.changed):
        _ok(qtbot, dialog)
    settle(qtbot, page)
    row = titles(page).index("Gửi hồ sơ sản phẩm chè Shan tuyết")
    assert column(page, 1)[row] == "UBND xã Ẳng Nưa" and column(page, 3)[row] == "31/07/2024"
    assert page.current_task().title == "Gửi hồ sơ sản phẩm chè Shan tuyết"  # the new task is selected
    assert "UBND xã Ẳng Nưa" in [page.ui.assigneeCombo.itemText(i) for i in range(page.ui.assigneeCombo.count())]


def test_add_and_edit_a_directive(qtbot, page):
    qtbot.mouseClick(page.ui.addDirectiveButton, Qt.MouseButton.LeftButton)
    dialog = page.findChild(DirectiveDialog)
    qtbot.keyClicks(dialog.ui.numberEdit, "45/KH-UBND")
    qtbot.keyClicks(dialog.ui.issuedOnEdit, "3/2/2025")
    assert not dialog.ui.issuedTextEdit.isEnabled()
    type_text(dialog.ui.issuerEdit, "UBND huyện Mường Ảng")
    type_text(dialog.ui.subjectEdit, "Kế hoạch thực hiện Chương trình OCOP năm 2025")
    with qtbot.waitSignal(page.changed):
        _ok(qtbot, dialog)
    settle(qtbot, page)
    assert page.current_directive().number == "45/KH-UBND"
    assert titles(page) == []  # the new directive is selected and has no tasks yet
    qtbot.mouseClick(page.ui.editDirectiveButton, Qt.MouseButton.LeftButton)
    edit = next(d for d in page.findChildren(DirectiveDialog) if d.isVisible())
    assert edit.ui.issuedOnEdit.text() == "03/02/2025"
    edit.ui.numberEdit.clear()
    qtbot.keyClicks(edit.ui.numberEdit, "46/KH-UBND")
    with qtbot.waitSignal(page.changed):
        _ok(qtbot, edit)
    settle(qtbot, page)
    assert page.directive_model.index(1, 0).data().startswith("46/KH-UBND · 03/02/2025")


def test_editing_a_directive_changed_elsewhere_keeps_the_form_and_names_who(qtbot, page, service, db):
    """Two people on the same letter: the other saves first; this form is refused, keeps what was
    typed, names the other person, and nothing of theirs is lost."""
    click_row(qtbot, page.ui.directiveList, 1)
    settle(qtbot, page)
    shown = page.current_directive()
    qtbot.mouseClick(page.ui.editDirectiveButton, Qt.MouseButton.LeftButton)
    dialog = next(d for d in page.findChildren(DirectiveDialog) if d.isVisible())
    other = DirectiveInput(
        number="155/UBND-NN", issuer=shown.issuer, issued_text=shown.issued_text, subject=shown.subject
    )
    TaskService(db.uow_factory(actor="Lò Văn Cường")).update_directive(shown.id, other)  # meanwhile
    dialog.ui.numberEdit.clear()
    qtbot.keyClicks(dialog.ui.numberEdit, "160/UBND-NN")
    _ok(qtbot, dialog)
    settle(qtbot, page)
    assert dialog.isVisible() and dialog.ui.numberEdit.text() == "160/UBND-NN"
    message = dialog.ui.errorLabel.text()
    assert message.startswith("• Văn bản chỉ đạo «") and " đã được Lò Văn Cường sửa lúc " in message
    assert "Chưa lưu gì" in message and "mở lại văn bản" in message
    assert [d.number for d in service.directives() if d.id == shown.id] == ["155/UBND-NN"]


def _backdate(make_uow, service, day):
    """The sample's report task as if entered on ``day`` (03:00 UTC: the same day in Viet Nam)."""
    report = service.query(TaskFilter(due="overdue"), TODAY)[0]
    with make_uow() as uow:
        uow.session.get(Task, report.id).created_at = datetime(day.year, day.month, day.day, 3, 0)
        uow.commit()
    return report


def _open_done_dialog(qtbot, page):
    choose(qtbot, page, page.ui.dueCombo, "Quá hạn")
    click_row(qtbot, page.ui.taskTable, 0, 2)
    next(a for a in page.status_menu.actions() if a.text() == "Hoàn thành…").trigger()
    dialog = page.findChild(ResultNoteDialog)
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def _retype(qtbot, field, text):
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, text)


def test_a_task_done_on_a_typed_day_stores_that_day(qtbot, make_page, service, make_uow):
    report = _backdate(make_uow, service, date(2024, 6, 20))
    page = make_page()
    dialog = _open_done_dialog(qtbot, page)
    assert dialog.ui.doneOnLabel.text() == "&Ngày hoàn thành:"
    assert dialog.ui.doneOnEdit.text() == "06/07/2024"  # today unless the user says otherwise
    type_text(dialog.ui.noteEdit, "Đã gửi Báo cáo số 45/BC-UBND")
    _retype(qtbot, dialog.ui.doneOnEdit, "03/07/2024")
    with qtbot.waitSignal(page.changed):
        _ok(qtbot, dialog)
    settle(qtbot, page)
    stored = service.get(report.id, TODAY)
    assert (stored.status, stored.completed_on) == ("hoan_thanh", date(2024, 7, 3))
    choose(qtbot, page, page.ui.dueCombo, "Tất cả")
    click_row(qtbot, page.ui.taskTable, titles(page).index(REPORT), 2)
    assert page.ui.resultLabel.text() == "Hoàn thành ngày 03/07/2024: Đã gửi Báo cáo số 45/BC-UBND"


def test_a_completion_day_before_the_task_was_entered_is_refused(qtbot, make_page, service, make_uow):
    report = _backdate(make_uow, service, date(2024, 6, 20))
    page = make_page()
    dialog = _open_done_dialog(qtbot, page)
    type_text(dialog.ui.noteEdit, "Đã gửi")
    _retype(qtbot, dialog.ui.doneOnEdit, "19/06/2024")
    _ok(qtbot, dialog)
    assert dialog.isVisible()
    message = (
        "Ngày hoàn thành: 19/06/2024 trước ngày giao nhiệm vụ (20/06/2024); hãy nhập ngày 20/06/2024 hoặc muộn hơn."
    )
    assert dialog.ui.errorLabel.text() == f"• {message}"
    assert dialog.ui.doneOnEdit.text() == "19/06/2024" and dialog.ui.doneOnEdit.toolTip() == message
    stored = service.get(report.id, TODAY)
    assert (stored.status, stored.completed_on) == (TaskStatus.NEW.value, None)


def test_a_status_change_on_a_task_changed_elsewhere_is_refused(qtbot, page, service):
    report = service.query(TaskFilter(due="overdue"), TODAY)[0]
    row = titles(page).index(REPORT)
    click_row(qtbot, page.ui.taskTable, row, 2)
    service.update_task(report.id, TaskInput(assignee="UBND xã Búng Lao", title=REPORT), TODAY)  # another tab
    next(a for a in page.status_menu.actions() if a.text() == "Đang thực hiện").trigger()
    settle(qtbot, page)
    assert page.ui.messageLabel.text().startswith(f"Nhiệm vụ «{REPORT}» đã được Nguyễn Văn Kiểm sửa lúc ")
    assert service.get(report.id, TODAY).status == TaskStatus.NEW.value
    # The list now shows the newer task (the other tab's assignee), still selected, its status unchanged.
    row = titles(page).index(REPORT)
    assert (column(page, 1)[row], page.current_task().assignee) == ("UBND xã Búng Lao", "UBND xã Búng Lao")
    assert column(page, 4)[row] == "Chưa thực hiện"


def test_editing_a_task_changed_elsewhere_keeps_the_form_and_says_so(qtbot, page, service):
    report = service.query(TaskFilter(due="overdue"), TODAY)[0]
    click_row(qtbot, page.ui.taskTable, titles(page).index(REPORT), 2)
    qtbot.mouseClick(page.ui.editTaskButton, Qt.MouseButton.LeftButton)
    dialog = page.findChild(TaskDialog)
    service.set_status(report.id, TaskStatus.IN_PROGRESS.value, "", TODAY)  # another tab, meanwhile
    dialog.ui.titleEdit.clear()
    type_text(dialog.ui.titleEdit, "Báo cáo rà soát")
    _ok(qtbot, dialog)
    settle(qtbot, page)
    assert dialog.isVisible() and dialog.ui.titleEdit.text() == "Báo cáo rà soát"
    message = dialog.ui.errorLabel.text()
    assert message.startswith(f"• Nhiệm vụ «{REPORT}» đã được Nguyễn Văn Kiểm sửa lúc ")
    assert message.endswith(
        ", sau khi bạn mở nó. Chưa lưu gì; hãy ghi lại những gì bạn vừa sửa, bấm «Làm mới» "
        "rồi mở lại nhiệm vụ để sửa trên bản mới nhất."
    )
    stored = service.get(report.id, TODAY)
    assert (stored.title, stored.status) == (REPORT, TaskStatus.IN_PROGRESS.value)


def test_on_an_empty_database_the_task_form_offers_the_office_area(qtbot, vietnamese, jobs, make_uow):
    from ocop_desktop.gui.tasks.page import TasksPage
    from ocop_desktop.services.reference import place_id
    from ocop_desktop.services.settings import save_office_settings
    from ocop_desktop.services.tasks import TaskService

    save_office_settings(make_uow, place_id("tinh-dien-bien"), "Lò Thị Hoa", "Chuyên viên", "so_nnmt")
    service = TaskService(make_uow)
    service.create_directive(DirectiveInput(number="15/UBND-KT", issuer="UBND tỉnh Điện Biên", subject="OCOP năm 2026"))
    page = TasksPage(service, jobs, author=lambda: AUTHOR, today=lambda: date(2026, 3, 2))
    qtbot.addWidget(page)
    page.show()
    settle(qtbot, page)
    # The filter lists only who has tasks (nobody yet); the form offers the area's offices and units.
    assert page.ui.assigneeCombo.count() == 1
    click_row(qtbot, page.ui.directiveList, 1)
    settle(qtbot, page)
    qtbot.mouseClick(page.ui.addTaskButton, Qt.MouseButton.LeftButton)
    dialog = page.findChild(TaskDialog)
    offered = [dialog.ui.assigneeCombo.itemText(i) for i in range(dialog.ui.assigneeCombo.count())]
    assert "Sở Công Thương tỉnh Điện Biên" in offered and "UBND xã Mường Ảng" in offered
    dialog.ui.assigneeCombo.setCurrentIndex(offered.index("UBND xã Mường Ảng"))
    type_text(dialog.ui.titleEdit, "Rà soát sản phẩm tiềm năng năm 2026")
    qtbot.keyClicks(dialog.ui.dueEdit, "30/6/2026")
    with qtbot.waitSignal(page.changed):
        _ok(qtbot, dialog)
    assert [(t.assignee, t.due_on) for t in service.list()] == [("UBND xã Mường Ảng", date(2026, 6, 30))]

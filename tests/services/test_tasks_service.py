"""Task service: directives, filters in SQL, due-date summary, status changes and progress notes."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import select

from ocop_desktop.domain.enums import TaskStatus
from ocop_desktop.domain.validation import StaleDataError, ValidationError
from ocop_desktop.persistence.models import AuditEntry, Task
from ocop_desktop.services.sample import load_sample
from ocop_desktop.services.tasks import OPEN, DirectiveInput, TaskFilter, TaskInput, TaskService

TODAY = date(2024, 7, 6)  # the day after the communes' report was due
REPORT = "Rà soát sản phẩm tiềm năng và báo cáo kết quả rà soát sản phẩm tham gia Chương trình OCOP năm 2024"


@pytest.fixture
def tasks(make_uow):
    return TaskService(make_uow)


@pytest.fixture
def sample(make_uow, tasks):
    load_sample(make_uow, "muong-ang-2024")
    return tasks


def _task(tasks, title, due_on=None, directive_id=None, assignee="UBND xã Ẳng Nưa"):
    data = TaskInput(assignee=assignee, title=title, due_on=due_on, directive_id=directive_id)
    return tasks.create_task(data, TODAY)


def test_the_sample_directive_is_listed_with_its_task_counts(sample):
    [directive] = sample.directives(TODAY)
    assert directive.number == "/UBND-NN" and directive.issued_on is None
    assert directive.issued_text == "tháng 6 năm 2024"
    assert directive.issuer == "UBND huyện Mường Ảng"
    assert (directive.task_count, directive.done_count, directive.overdue_count) == (6, 0, 1)


def test_overdue_filter_finds_the_communes_report_and_done_leaves_it(sample):
    [report] = sample.query(TaskFilter(due="overdue"), TODAY)
    assert report.title == REPORT and report.overdue and report.days_overdue == 1
    done = sample.set_status(report.id, TaskStatus.DONE.value, "Đã gửi báo cáo rà soát.", TODAY)
    assert done.status == "hoan_thanh" and done.completed_on == TODAY and not done.overdue
    assert done.result_note == "Đã gửi báo cáo rà soát."
    assert sample.query(TaskFilter(due="overdue"), TODAY) == []
    assert sample.directives(TODAY)[0].done_count == 1


def test_done_needs_a_result_note_and_nothing_changes_without_it(sample):
    [report] = sample.query(TaskFilter(due="overdue"), TODAY)
    with pytest.raises(ValidationError) as info:
        sample.set_status(report.id, TaskStatus.DONE.value, "   ", TODAY)
    assert "Chưa ghi kết quả thực hiện" in info.value.by_field()["result_note"][0]
    assert sample.get(report.id, TODAY).status == TaskStatus.NEW.value
    with pytest.raises(ValidationError) as info:
        sample.set_status(report.id, "xong", "", TODAY)
    assert "không hợp lệ" in info.value.by_field()["status"][0]


def test_reopening_a_done_task_clears_the_completion_date(sample):
    [report] = sample.query(TaskFilter(due="overdue"), TODAY)
    sample.set_status(report.id, TaskStatus.DONE.value, "Đã gửi.", TODAY)
    reopened = sample.set_status(report.id, TaskStatus.IN_PROGRESS.value, "", TODAY)
    assert reopened.completed_on is None and reopened.overdue


def test_due_summary_boundaries(tasks):
    ids = {
        name: _task(tasks, name, TODAY + timedelta(days=offset)).id
        for name, offset in [("hôm qua", -1), ("hôm nay", 0), ("7 ngày", 7), ("8 ngày", 8)]
    }
    _task(tasks, "không hạn")
    finished = _task(tasks, "đã xong, hạn đã qua", TODAY - timedelta(days=3))
    tasks.set_status(finished.id, TaskStatus.DONE.value, "Xong.", TODAY)
    cancelled = _task(tasks, "đã hủy, hạn đã qua", TODAY - timedelta(days=3))
    tasks.set_status(cancelled.id, TaskStatus.CANCELLED.value, "", TODAY)

    overdue, week = tasks.due_summary(TODAY)
    assert [t.title for t in overdue] == ["hôm qua"]
    assert [t.title for t in week] == ["hôm nay", "7 ngày"]
    assert not tasks.get(finished.id, TODAY).overdue and not tasks.get(cancelled.id, TODAY).overdue
    assert not tasks.get(ids["hôm nay"], TODAY).overdue  # due today is not late yet
    assert [t.title for t in tasks.query(TaskFilter(due="none"), TODAY)] == ["không hạn"]


def test_week_filter_leaves_done_tasks_out(tasks):
    task = _task(tasks, "Nộp hồ sơ", TODAY + timedelta(days=2))
    assert [t.id for t in tasks.query(TaskFilter(due="week"), TODAY)] == [task.id]
    tasks.set_status(task.id, TaskStatus.DONE.value, "Đã nộp.", TODAY)
    assert tasks.query(TaskFilter(due="week"), TODAY) == []


def test_filters_by_directive_assignee_status_and_accent_free_search(sample):
    other = sample.create_directive(
        DirectiveInput(
            subject="Kế hoạch OCOP 2025", issuer="UBND tỉnh Điện Biên", number="12/KH-UBND", issued_on=date(2025, 1, 10)
        )
    )
    _task(sample, "Đánh giá sản phẩm năm 2025", date(2025, 3, 1), other.id, assignee="Sở Nông nghiệp")
    assert len(sample.query(TaskFilter(), TODAY)) == 7
    by_directive = sample.query(TaskFilter(directive_id=other.id), TODAY)
    assert [t.title for t in by_directive] == ["Đánh giá sản phẩm năm 2025"]
    communes = sample.query(TaskFilter(assignee="UBND các xã, thị trấn"), TODAY)
    assert len(communes) == 2
    assert [t.title for t in sample.query(TaskFilter(search="RA SOAT san pham tiem nang"), TODAY)] == [REPORT]
    assert [t.assignee for t in sample.query(TaskFilter(search="mttq"), TODAY)] == [
        "Ủy ban MTTQ và các tổ chức chính trị - xã hội huyện"
    ]
    assert sample.query(TaskFilter(search="100%"), TODAY) == []
    report = sample.query(TaskFilter(due="overdue"), TODAY)[0]
    sample.set_status(report.id, TaskStatus.DONE.value, "Đã gửi.", TODAY)
    assert len(sample.query(TaskFilter(status=OPEN), TODAY)) == 6
    assert [t.id for t in sample.query(TaskFilter(status="hoan_thanh"), TODAY)] == [report.id]
    assert sample.assignees()[0] == "Các chủ thể OCOP"
    assert "Sở Nông nghiệp" in sample.assignees()
    # The most recently entered directive first.
    assert [d.number for d in sample.directives(TODAY)] == ["12/KH-UBND", "/UBND-NN"]


def test_task_validation_reports_every_problem(tasks):
    directive = tasks.create_directive(
        DirectiveInput(subject="Kế hoạch", issuer="UBND huyện", issued_on=date(2024, 6, 20))
    )
    with pytest.raises(ValidationError) as info:
        tasks.create_task(TaskInput(assignee=" ", title="", directive_id=directive.id, due_on=date(2024, 6, 1)))
    fields = info.value.by_field()
    assert set(fields) == {"assignee", "title", "due_on"}
    assert "20/06/2024" in fields["due_on"][0]
    assert tasks.list(TODAY) == []
    ok = tasks.create_task(
        TaskInput(assignee="UBND xã", title="Báo cáo", directive_id=directive.id, due_on=date(2024, 6, 20)), TODAY
    )
    assert ok.directive.startswith("Văn bản của UBND huyện, 20/06/2024")


def test_directive_create_update_and_validation(tasks):
    with pytest.raises(ValidationError) as info:
        tasks.create_directive(DirectiveInput(subject="", issuer=""))
    assert set(info.value.by_field()) == {"subject", "issuer"}
    created = tasks.create_directive(
        DirectiveInput(
            subject="V/v  rà soát", issuer="UBND huyện Mường Ảng", number="/UBND-NN", issued_text="tháng 6 năm 2024"
        )
    )
    assert created.subject == "V/v rà soát"
    assert created.label == "Số /UBND-NN của UBND huyện Mường Ảng, tháng 6 năm 2024"
    updated = tasks.update_directive(
        created.id,
        DirectiveInput(
            subject="V/v rà soát",
            issuer="UBND huyện Mường Ảng",
            number="512/UBND-NN",
            issued_on=date(2024, 6, 14),
            issued_text="tháng 6 năm 2024",
        ),
    )
    assert updated.number == "512/UBND-NN" and updated.issued_on == date(2024, 6, 14)
    assert updated.issued_text == ""  # an exact date replaces the vague one


def test_progress_notes_newest_first_and_shown_on_the_task(sample, make_uow):
    report = sample.query(TaskFilter(due="overdue"), TODAY)[0]
    sample.add_progress(report.id, date(2024, 7, 1), "Đã nhận báo cáo của 6 xã.", "Lò Thị Hoa")
    sample.add_progress(report.id, date(2024, 7, 4), "Còn 4 xã chưa gửi.", "Nguyễn Văn Kiểm")
    log = sample.progress(report.id)
    assert [(p.noted_on, p.text, p.author) for p in log] == [
        (date(2024, 7, 4), "Còn 4 xã chưa gửi.", "Nguyễn Văn Kiểm"),
        (date(2024, 7, 1), "Đã nhận báo cáo của 6 xã.", "Lò Thị Hoa"),
    ]
    shown = sample.get(report.id, TODAY)
    assert (shown.last_progress, shown.last_progress_on, shown.last_progress_by) == (
        "Còn 4 xã chưa gửi.",
        date(2024, 7, 4),
        "Nguyễn Văn Kiểm",
    )
    with pytest.raises(ValidationError) as info:
        sample.add_progress(report.id, None, "  ", "")
    assert set(info.value.by_field()) == {"noted_on", "text"}
    with make_uow() as uow:
        entities = set(uow.session.scalars(select(AuditEntry.entity)))
    assert "task_progress" in entities


def _entered_on(make_uow, task_id, day):
    """Backdate the task's entry (03:00 UTC is the same calendar day in Viet Nam)."""
    with make_uow() as uow:
        uow.session.get(Task, task_id).created_at = datetime(day.year, day.month, day.day, 3, 0)
        uow.commit()


def test_the_day_a_task_was_done_is_stored_as_given(sample, make_uow):
    [report] = sample.query(TaskFilter(due="overdue"), TODAY)
    _entered_on(make_uow, report.id, date(2024, 6, 20))
    done = sample.set_status(report.id, TaskStatus.DONE.value, "Đã gửi.", TODAY, completed_on=date(2024, 7, 3))
    assert done.completed_on == date(2024, 7, 3) and done.created_on == date(2024, 6, 20)
    assert sample.get(report.id, TODAY).completed_on == date(2024, 7, 3)
    # Without a day, saving it again keeps the one given.
    assert sample.set_status(report.id, TaskStatus.DONE.value, "Đã gửi lại.", TODAY).completed_on == date(2024, 7, 3)


def test_a_completion_day_before_the_task_or_after_today_is_refused(sample, make_uow):
    [report] = sample.query(TaskFilter(due="overdue"), TODAY)
    _entered_on(make_uow, report.id, date(2024, 6, 20))
    with pytest.raises(ValidationError) as info:
        sample.set_status(report.id, TaskStatus.DONE.value, "Đã gửi.", TODAY, completed_on=date(2024, 6, 19))
    assert info.value.by_field()["completed_on"] == [
        "Ngày hoàn thành 19/06/2024 trước ngày giao nhiệm vụ (20/06/2024); hãy nhập từ ngày 20/06/2024 trở đi."
    ]
    with pytest.raises(ValidationError) as info:
        sample.set_status(report.id, TaskStatus.DONE.value, "Đã gửi.", TODAY, completed_on=date(2024, 7, 7))
    assert info.value.by_field()["completed_on"] == [
        "Ngày hoàn thành 07/07/2024 sau hôm nay (06/07/2024); hãy nhập ngày đã làm xong, không muộn hơn hôm nay."
    ]
    stored = sample.get(report.id, TODAY)
    assert (stored.status, stored.completed_on) == (TaskStatus.NEW.value, None)


def test_a_save_based_on_an_older_task_is_refused(sample):
    [report] = sample.query(TaskFilter(due="overdue"), TODAY)
    shown = report.updated_at
    sample.update_task(
        report.id, TaskInput(assignee="UBND xã Búng Lao", title=report.title), TODAY, expected_updated_at=shown
    )  # another tab saves first
    with pytest.raises(StaleDataError) as info:
        sample.update_task(
            report.id, TaskInput(assignee="UBND xã Ẳng Nưa", title="Tên mới"), TODAY, expected_updated_at=shown
        )
    assert str(info.value).startswith(f"Nhiệm vụ «{REPORT}» đã được Nguyễn Văn Kiểm sửa lúc ")
    assert "Chưa lưu gì" in str(info.value)
    with pytest.raises(StaleDataError):
        sample.set_status(report.id, TaskStatus.DONE.value, "Đã gửi.", TODAY, expected_updated_at=shown)
    stored = sample.get(report.id, TODAY)
    assert (stored.assignee, stored.title, stored.status) == ("UBND xã Búng Lao", REPORT, TaskStatus.NEW.value)


def test_a_new_office_is_offered_assignees_from_its_place_in_the_administration(make_uow):
    from ocop_desktop.services.reference import place_id
    from ocop_desktop.services.settings import save_office_settings

    tasks = TaskService(make_uow)
    assert tasks.assignees() == [] and tasks.assignee_choices(date(2026, 3, 2)) == ["Các chủ thể OCOP"]
    save_office_settings(make_uow, place_id("xa-muong-ang"), "Lò Văn Minh", "Công chức")
    assert tasks.assignee_choices(date(2026, 3, 2)) == [
        "Các chủ thể OCOP",
        "Phòng Kinh tế xã Mường Ảng",
        "Phòng Văn hóa - Xã hội xã Mường Ảng",
        "Ủy ban MTTQ Việt Nam xã Mường Ảng",
        "Văn phòng HĐND và UBND xã Mường Ảng",
    ]
    # The district of the 2024 letter: its offices and each commune's people's committee.
    save_office_settings(make_uow, place_id("huyen-muong-ang"), "Nguyễn Văn Kiểm", "Chuyên viên")
    choices = tasks.assignee_choices(date(2024, 6, 1))
    assert {
        "Phòng Nông nghiệp và PTNT huyện Mường Ảng",
        "UBND các xã, thị trấn",
        "UBND thị trấn Mường Ảng",
        "UBND xã Ẳng Nưa",
    } <= set(choices)
    assert len([c for c in choices if c.startswith("UBND xã") or c.startswith("UBND thị trấn")]) == 10
    # A province: its departments and its 45 communes and wards of 2025.
    save_office_settings(make_uow, place_id("tinh-dien-bien"), "Lò Thị Hoa", "Chuyên viên")
    choices = tasks.assignee_choices(date(2026, 3, 2))
    assert "Sở Nông nghiệp và Môi trường tỉnh Điện Biên" in choices and "UBND các xã, phường tỉnh Điện Biên" in choices
    assert "UBND xã Mường Ảng" in choices and "UBND xã Ẳng Nưa" not in choices  # gone by 2026
    # Names already used come first.
    d = tasks.create_directive(DirectiveInput(number="15/UBND-KT", issuer="UBND tỉnh Điện Biên", subject="OCOP 2026"))
    tasks.create_task(
        TaskInput(directive_id=d.id, assignee="Tổ công tác OCOP", title="Rà soát", due_on=date(2026, 6, 30)),
        date(2026, 3, 2),
    )
    assert tasks.assignee_choices(date(2026, 3, 2))[0] == "Tổ công tác OCOP"

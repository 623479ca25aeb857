"""The record schema is the one place a field is described: labels, bounds and the survey's columns follow it."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import openpyxl

import ocop_desktop
from ocop_desktop.domain import limits, schema
from ocop_desktop.domain.language import set_display_language
from ocop_desktop.domain.schema import SURVEY_ENTRY

PACKAGE = Path(ocop_desktop.__file__).parent


def test_there_is_one_field_label_table_or_none():
    defined = [p for p in PACKAGE.rglob("*.py") if re.search(r"^\s*FIELD_LABELS\s*[:=]", p.read_text("utf-8"), re.M)]
    assert len(defined) <= 1, defined


def test_every_stored_field_of_every_record_has_a_label_of_its_own():
    from ocop_desktop.persistence.models import Base

    missing = []
    for table in Base.metadata.sorted_tables:
        mapped = next((m.class_ for m in Base.registry.mappers if m.local_table is table), None)
        derived = set(getattr(mapped, "__folded__", {})) | set(getattr(mapped, "__sortkeys__", {}))
        for column in table.columns:
            if column.name in derived:
                continue
            if (
                schema.field(column.name, table.name) is None
                or schema.field_label(column.name, table.name) == column.name
            ):
                missing.append(f"{table.name}.{column.name}")
    assert not missing  # a key shown to people where a label belongs


def test_labels_are_the_forms_and_limits_come_from_the_schema():
    assert limits.field_label("commune_id", "products") == limits.field_label("commune_id", "producers") == "Xã"
    assert limits.field_label("kind", "producers") == "Loại hình" and limits.field_label("kind", "places") == "Loại"
    assert limits.field_label("producer_name", "survey_entries") == "Chủ thể"  # by its stored column too
    assert limits.field_label("commune_id", "products", language="en") == "Commune"
    assert limits.COLUMN_RANGES[("survey_entries", "proposed_year")] == (2000, 2110)
    assert limits.COLUMN_RANGES[("products", "stars")] == (1, 5)
    assert limits.entity_label("survey_entries") == "Dòng rà soát"


def test_every_survey_field_reaches_template_import_grid_report_cli_and_package(tmp_path):
    """What adding a field to SURVEY_ENTRY buys without another edit: each consumer lists it."""
    from ocop_desktop import cli
    from ocop_desktop.gui.surveys.grid_model import grid_columns
    from ocop_desktop.persistence.models import SurveyEntry
    from ocop_desktop.services import survey_import
    from ocop_desktop.services.exchange.excel_files import write_template
    from ocop_desktop.services.exchange.records import BY_NAME
    from ocop_desktop.services.report_survey import SURVEY_COLUMNS
    from ocop_desktop.services.surveys import ENTRY_COLUMNS, SurveyEntryDTO, SurveyEntryInput

    keys = [f.key for f in SURVEY_ENTRY.listed]
    assert keys[0] == "product_name" and list(ENTRY_COLUMNS) == keys
    headers = [c.value for c in openpyxl.load_workbook(write_template(tmp_path / "mau.xlsx", 2024))["Rà soát"][1]]
    assert headers == ["STT", *(f.title for f in SURVEY_ENTRY.listed), "Đơn vị", "Ngày nộp"]
    for f in SURVEY_ENTRY.listed:
        assert survey_import._BY_ALIAS[survey_import.header_key(f.title)] == f.key  # the template reads back
        assert survey_import._BY_ALIAS[survey_import.header_key(f.label)] == f.key
        assert f.stored in SurveyEntry.__table__.columns  # stored
        assert f.stored in BY_NAME["survey_entries"].content_columns  # sent in packages
    assert [c.key for c in grid_columns()] == keys
    assert [c.header for c in grid_columns()][:2] == ["Tên sản phẩm", "Chủ thể"]
    set_display_language("en")  # a window in English heads the grid in English
    try:
        assert [c.header for c in grid_columns()][:2] == ["Product name", "Producer"]
    finally:
        set_display_language("vi")
    assert [c.key for c in SURVEY_COLUMNS] == ["stt", *keys]
    assert list(cli.SURVEY_COLUMNS[3:]) == keys
    assert set(keys) <= {f.name for f in dataclasses.fields(SurveyEntryDTO)}
    assert set(keys) <= {f.name for f in dataclasses.fields(SurveyEntryInput)}


def test_the_schema_agrees_with_the_columns_declared_beside_it():
    """Records other than survey entries still declare their columns in persistence/models: the
    schema's lengths and kinds must not drift from them (the flush hook holds values to both)."""
    from sqlalchemy import JSON, Boolean, Date, DateTime, Float, Integer

    from ocop_desktop.domain.schema import Kind
    from ocop_desktop.persistence.models import Base

    expected = {Kind.DATE: Date, Kind.MOMENT: DateTime, Kind.BOOL: Boolean, Kind.JSON: JSON}
    drift = []
    for table in Base.metadata.sorted_tables:
        declared = schema.record(table.name)
        assert declared is not None, table.name
        for column in table.columns:
            f = declared.get(column.name)
            if f is None:
                continue
            kind = column.type
            if f.max_chars is not None and getattr(kind, "length", None) != f.max_chars:
                drift.append(f"{table.name}.{column.name}: {f.max_chars} characters, stored {kind}")
            if f.numeric and not isinstance(kind, Integer if f.kind.integral else Float):
                drift.append(f"{table.name}.{column.name}: {f.kind}, stored {kind}")
            wanted = expected.get(f.kind)
            if wanted is not None and (not isinstance(kind, wanted) or (wanted is Date and isinstance(kind, DateTime))):
                drift.append(f"{table.name}.{column.name}: {f.kind}, stored {kind}")
    assert not drift


def _headers(model) -> list[str]:
    from PySide6.QtCore import Qt

    return [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]


def test_a_changed_label_reaches_every_table_of_its_record(qapp, monkeypatch):
    """A schema copy with another label: the window's table, in either language, follows it."""
    from ocop_desktop.gui.tasks import models

    title = schema.TASK.field("title")
    changed = dataclasses.replace(
        schema.TASK,
        fields=tuple(
            dataclasses.replace(f, label="Việc cần làm", label_en="To do") if f is title else f
            for f in schema.TASK.fields
        ),
    )
    monkeypatch.setattr(models, "TASK", changed)
    assert "Việc cần làm" in _headers(models.TaskTableModel())
    set_display_language("en")
    try:
        assert "To do" in _headers(models.TaskTableModel())
    finally:
        set_display_language("vi")


def test_tasks_and_directives_take_their_columns_and_headers_from_the_schema(qapp, make_uow):
    from datetime import date

    from ocop_desktop import cli
    from ocop_desktop.commands import tasks as task_commands
    from ocop_desktop.domain.schema import DIRECTIVE, REPORT, TASK, TASK_PROGRESS, TERMINAL, WINDOW
    from ocop_desktop.gui.tasks.models import ProgressTableModel, TaskTableModel
    from ocop_desktop.services.reports import ReportRequest, ReportService
    from ocop_desktop.services.sample import load_sample
    from ocop_desktop.services.task_types import DirectiveDTO, TaskDTO

    for model, record in ((TaskTableModel(), TASK), (ProgressTableModel(), TASK_PROGRESS)):
        assert _headers(model) == list(record.headers(WINDOW, "vi"))
        set_display_language("en")
        try:
            assert _headers(type(model)()) == list(record.headers(WINDOW, "en"))
        finally:
            set_display_language("vi")
    assert _headers(TaskTableModel())[:3] == ["Văn bản chỉ đạo", "Đơn vị thực hiện", "Nhiệm vụ"]
    assert cli.TASK_COLUMNS == task_commands.TASK_COLUMNS == TASK.view_keys(TERMINAL)
    assert DIRECTIVE.view_keys(TERMINAL) == task_commands.DIRECTIVE_COLUMNS
    dtos = {f.name for f in dataclasses.fields(TaskDTO)} | {"id"}
    assert set(TASK.view_keys(TERMINAL)) <= dtos and set(TASK.view_keys(WINDOW)) <= dtos
    assert set(DIRECTIVE.view_keys(TERMINAL)) <= {f.name for f in dataclasses.fields(DirectiveDTO)}

    # The report's titles: «STT», then the same fields' titles, as official documents print them.
    load_sample(make_uow, "muong-ang-2024")
    report = ReportService(make_uow).build(ReportRequest("tasks", today=date(2024, 7, 1)))
    assert [c.header for c in report.columns] == ["STT", *(f.title for f in TASK.view(REPORT))]
    assert [c.header for c in report.columns][1:] == [
        "Đơn vị thực hiện",
        "Nhiệm vụ",
        "Hạn",
        "Trạng thái",
        "Tiến độ gần nhất",
        "Quá hạn",
    ]
    assert all(set(row) == {c.key for c in report.columns} for s in report.sections for row in s.rows)
    # The activity log and the conflict table name a stored field as the window's header does.
    for f in TASK.view(WINDOW):
        if f in TASK.fields:
            assert limits.field_label(f.stored, "tasks") == f.label
            assert limits.field_label(f.stored, "tasks", language="en") == f.label_en


def test_campaigns_and_unit_statuses_take_their_columns_and_labels_from_the_schema(qapp):
    from ocop_desktop.commands import campaigns
    from ocop_desktop.domain.schema import SURVEY_CAMPAIGN, TERMINAL, UNIT_SUBMISSION, WINDOW
    from ocop_desktop.gui.surveys.status_model import unit_status_model

    assert SURVEY_CAMPAIGN.view_keys(TERMINAL) == campaigns.LIST_COLUMNS
    assert _headers(unit_status_model()) == list(UNIT_SUBMISSION.headers(WINDOW, "vi"))
    assert _headers(unit_status_model()) == ["Đơn vị", "Trạng thái", "Ngày nộp", "Thời hạn nộp", "Số dòng"]
    set_display_language("en")
    try:
        assert _headers(unit_status_model()) == ["Unit", "Status", "Submitted on", "Timeliness", "Rows"]
    finally:
        set_display_language("vi")
    # The activity log names a campaign's fields as its form and its messages do («Chưa nhập «Tên đợt»»).
    assert limits.field_label("title", "survey_campaigns") == "Tên đợt"
    assert limits.field_label("unit_id", "unit_submissions") == "Đơn vị"


def test_places_listed_in_the_terminal_take_their_columns_and_labels_from_the_schema():
    from ocop_desktop.commands import places
    from ocop_desktop.domain.schema import PLACE, TERMINAL

    assert PLACE.view_keys(TERMINAL) == places.COLUMNS
    assert PLACE.view_keys(TERMINAL)[:4] == ("code", "name", "kind", "parent")
    assert limits.field_label("parent_id", "places") == places._label("parent") == "Trực thuộc"


def test_the_evaluation_history_takes_its_columns_and_headers_from_the_schema(qapp):
    from ocop_desktop.commands import evaluation
    from ocop_desktop.domain.schema import EVALUATION, TERMINAL, WINDOW
    from ocop_desktop.gui.evaluation.models import EvaluationTables

    assert EVALUATION.view_keys(TERMINAL) == evaluation.HISTORY_COLUMNS
    assert _headers(EvaluationTables().history_model()) == list(EVALUATION.headers(WINDOW, "vi"))
    set_display_language("en")
    try:
        assert _headers(EvaluationTables().history_model()) == list(EVALUATION.headers(WINDOW, "en"))
    finally:
        set_display_language("vi")
    # The scoring form, the history and the activity log call the knock-out field alike.
    assert limits.field_label("knockout", "evaluations") == "Điều kiện loại"
    assert limits.field_label("rule_set_id", "evaluations") == "Bộ tiêu chí"


def test_the_task_forms_name_their_fields_as_the_schema_does(qapp):
    """The form, the table, the activity log and the messages call a field by one name."""
    from datetime import date

    from ocop_desktop.domain.schema import DIRECTIVE, TASK, TASK_PROGRESS
    from ocop_desktop.gui.tasks.dialogs import DirectiveDialog, TaskDialog
    from ocop_desktop.gui.tasks.note_dialogs import ProgressDialog
    from ocop_desktop.services.task_types import TaskDTO

    def submit(*_args):
        return None

    task = TaskDTO("t1", "", None, "UBND xã", "Báo cáo", "", None, "moi", "Mới", False)
    form = TaskDialog(submit, [], [])
    assert form.ui.directiveLabel.text() == f"{TASK.field('directive').label}:" == "Văn bản chỉ đạo:"
    assert form.ui.dueLabel.text() == f"{limits.field_label('due_on', 'tasks')}:"
    assert DirectiveDialog(submit).ui.issuerLabel.text() == f"{DIRECTIVE.field('issuer').label}:"
    progress = ProgressDialog(task, "", date(2024, 7, 1), submit)
    assert progress.ui.textLabel.text() == f"{TASK_PROGRESS.field('text').label}:" == "Việc đã làm:"
    set_display_language("en")
    try:
        assert TaskDialog(submit, [], []).ui.dueLabel.text() == "Due date:"
    finally:
        set_display_language("vi")


def test_the_terminal_lists_products_with_the_columns_the_schema_names(make_uow, capsys):
    """`ocop products list`: the product record's TERMINAL view, references listed by name."""
    from ocop_desktop.cli import cmd_products_list
    from ocop_desktop.domain.schema import PRODUCT, TERMINAL
    from ocop_desktop.services.sample import load_sample

    load_sample(make_uow, "muong-ang-2024")
    with make_uow() as uow:
        db_path = uow.session.get_bind().url.database
    assert cmd_products_list(_Args(db=db_path, search="phin", format="csv")) == 0
    header, *rows = [line.split(",") for line in capsys.readouterr().out.splitlines()]
    assert header == [f.listed_as for f in PRODUCT.view(TERMINAL)]
    assert header[:4] == ["id", "name", "producer", "commune"]
    # The producer column holds the producer's name, not the id it is stored by.
    assert rows and all(not re.fullmatch(r"[0-9a-f-]{36}", r[header.index("producer")]) for r in rows)


@dataclasses.dataclass
class _Args:
    db: str
    search: str
    format: str
    sample: str = ""


def _printed(columns) -> list[tuple[str, str, float]]:
    return [(c.header, c.kind, c.width) for c in columns]


def test_the_registry_reports_take_their_columns_from_the_product_record(make_uow):
    from datetime import date

    from ocop_desktop.domain.schema import PRODUCT, REPORT
    from ocop_desktop.domain.schema.fields import EXPIRING_REPORT, SUMMARY_REPORT
    from ocop_desktop.services.reports import ReportRequest, ReportService
    from ocop_desktop.services.sample import load_sample

    load_sample(make_uow, "muong-ang-2024")
    service = ReportService(make_uow)
    built = {k: service.build(ReportRequest(k, today=date(2026, 11, 28))) for k in ("products", "expiring", "summary")}
    assert [c.header for c in built["products"].columns] == ["STT", *(f.title for f in PRODUCT.view(REPORT))]
    assert [c.header for c in built["expiring"].columns] == ["STT", *(f.title for f in PRODUCT.view(EXPIRING_REPORT))]
    assert [c.header for c in built["summary"].columns] == [f.title for f in PRODUCT.view(SUMMARY_REPORT)]
    # The documents as printed before the columns came from the schema: titles, kinds, widths, order.
    assert _printed(built["products"].columns) == [
        ("STT", "int", 6),
        ("Tên sản phẩm", "text", 18),
        ("Chủ thể", "text", 14),
        ("Địa bàn", "text", 13),
        ("Bộ sản phẩm", "text", 12),
        ("Hạng sao", "stars", 6),
        ("Điểm", "number", 7),
        ("Số và ngày quyết định công nhận", "text", 17),
        ("Cơ quan công nhận", "text", 13),
        ("Hết hạn", "date", 13),
        ("Trạng thái", "text", 12),
    ]
    assert _printed(built["expiring"].columns) == [
        ("STT", "int", 6),
        ("Tên sản phẩm", "text", 21),
        ("Chủ thể", "text", 16),
        ("Địa bàn", "text", 15),
        ("Hạng sao", "stars", 6),
        ("Số giấy chứng nhận", "text", 13),
        ("Hết hạn", "date", 12),
        ("Còn (ngày)", "int", 7),
        ("Thời hạn nộp hồ sơ đánh giá lại", "text", 24),
    ]
    assert _printed(built["summary"].columns) == [("Tiêu chí", "text", 40), ("Số sản phẩm", "int", 14)]
    assert not any(c.total for r in built.values() for c in r.columns)
    for report in built.values():  # every row fills the columns it has, under their keys
        keys = {c.key for c in report.columns}
        assert all(set(row) <= keys for s in report.sections for row in s.rows)
    assert any(row.get("reevaluation_deadline") for s in built["expiring"].sections for row in s.rows)
    assert any(row.get("product_set") for s in built["products"].sections for row in s.rows)


def test_the_evaluation_papers_take_their_columns_from_the_evaluation_record(make_uow):
    from datetime import date

    from ocop_desktop.domain.schema import EVALUATION, REPORT
    from ocop_desktop.domain.schema.fields import SHEET_REPORT
    from ocop_desktop.services.evaluation import EvaluationInput, EvaluationService, MemberInput
    from ocop_desktop.services.evaluation_reports import EvaluationReports
    from ocop_desktop.services.products import ProductService
    from ocop_desktop.services.sample import load_sample
    from ocop_desktop.services.scorecards import load_shipped_scorecards

    load_sample(make_uow, "muong-ang-2024")
    load_shipped_scorecards(make_uow)
    coffee = next(p.id for p in ProductService(make_uow).list() if p.name.startswith("Cà phê bột Hà Chung"))
    names = ("Lò Văn An", "Quàng Thị Bình")
    scores = {"A1.1": 3, "B1": 4, "C1.1": 8}
    saved = EvaluationService(make_uow).save(
        EvaluationInput(coffee, date(2026, 11, 28), tuple(MemberInput(n, scores) for n in names), level="tinh")
    )
    papers = EvaluationReports(make_uow)
    sheet = papers.sheet_report(product_id=coffee, on=date(2026, 11, 28))
    result = papers.result_report(saved.id)
    assert [c.header for c in sheet.columns] == [f.title for f in EVALUATION.view(SHEET_REPORT)]
    *criterion, average = EVALUATION.view(REPORT)
    assert [c.header for c in result.columns] == [*(f.title for f in criterion), *names, average.title]
    assert _printed(sheet.columns) == [
        ("Mã", "text", 8),
        ("Tiêu chí", "text", 52),
        ("Điểm tối đa", "number", 11),
        ("Điểm chấm", "number", 11),
    ]
    assert _printed(result.columns) == [
        ("Mã", "text", 7),
        ("Tiêu chí", "text", 40),
        ("Điểm tối đa", "number", 9),
        ("Lò Văn An", "number", 10),
        ("Quàng Thị Bình", "number", 10),
        ("Điểm bình quân", "number", 10),
    ]


def test_the_exchange_tables_take_their_headers_from_the_schema(qapp):
    """Packages received and sent, and the receive dialog's files, changes and conflict fields."""
    from ocop_desktop.domain.schema import (
        EXCHANGE_IMPORT,
        EXCHANGE_OUTBOX,
        FIELD_CONFLICT,
        PLANNED_CHANGE,
        RECEIVED_FILE,
        WINDOW,
    )
    from ocop_desktop.gui.exchange import models

    tables = {
        EXCHANGE_IMPORT: models.inbox_model,
        EXCHANGE_OUTBOX: models.outbox_model,
        RECEIVED_FILE: models.packages_model,
        PLANNED_CHANGE: models.changes_model,
        FIELD_CONFLICT: models.fields_model,
    }
    for record, make in tables.items():
        assert _headers(make()) == list(record.headers(WINDOW, "vi"))
    assert _headers(models.outbox_model()) == ["Thời điểm gửi", "Phạm vi", "Số bản ghi", "Người thực hiện", "Tệp"]
    set_display_language("en")
    try:
        for record, make in tables.items():
            assert _headers(make()) == list(record.headers(WINDOW, "en"))
        assert _headers(models.fields_model()) == ["Field", "Here", "In the package"]
    finally:
        set_display_language("vi")


def test_the_terminal_lists_sent_packages_with_the_columns_the_schema_names(make_uow, capsys):
    from ocop_desktop.commands.exchange import cmd_outbox
    from ocop_desktop.domain.schema import EXCHANGE_OUTBOX, TERMINAL

    with make_uow() as uow:
        db_path = uow.session.get_bind().url.database
    assert cmd_outbox(_Args(db=db_path, search="", format="csv")) == 0
    header = capsys.readouterr().out.splitlines()[0].split(",")
    assert header == list(EXCHANGE_OUTBOX.view_keys(TERMINAL))
    assert header == ["package_id", "created_at", "actor", "file_name", "scope", "records", "sha256"]


def test_the_producer_form_names_its_fields_as_the_schema_does(qapp, make_uow):
    from ocop_desktop.domain.schema import PRODUCER
    from ocop_desktop.gui.products.picker import ProducerDialog
    from ocop_desktop.services.places import PlaceService
    from ocop_desktop.services.producers import ProducerService

    def form():
        return ProducerDialog(ProducerService(make_uow), PlaceService(make_uow))

    def captions(dialog) -> dict[str, str]:
        ui = dialog.ui
        labels = {"name": ui.nameLabel, "kind": ui.kindLabel, "tax_code": ui.taxCodeLabel, "phone": ui.phoneLabel}
        labels |= {"representative": ui.representativeLabel, "address": ui.addressLabel, "commune_id": ui.communeLabel}
        return {key: label.text() for key, label in labels.items()}

    def shortcuts(shown: dict[str, str]) -> list[str]:
        return [text[text.index("&") + 1].lower() for text in shown.values()]

    shown = captions(form())
    assert {k: t.replace("&", "") for k, t in shown.items()} == {k: f"{PRODUCER.field(k).label}:" for k in shown}
    assert shown["tax_code"] == "&Mã số thuế:"
    # Each field its own Alt+letter: «Điện thoại» and «Địa chỉ» do not share Alt+Đ.
    assert len(set(shortcuts(shown))) == len(shown), shown
    set_display_language("en")
    try:
        shown = captions(form())
        assert {k: t.replace("&", "") for k, t in shown.items()} == {k: f"{PRODUCER.field(k).label_en}:" for k in shown}
        assert shown["commune_id"] == "&Commune:"
        assert len(set(shortcuts(shown))) == len(shown), shown
    finally:
        set_display_language("vi")


def test_the_activity_log_senders_and_backups_take_their_columns_and_headers_from_the_schema(qtbot, make_uow, db):
    """`ocop audit|senders list|backup list` list the records' terminal views; the window's activity
    log, trusted senders and backups tables show their window views, headed in either language."""
    from ocop_desktop.commands import safety, senders
    from ocop_desktop.domain.schema import AUDIT_LOG, BACKUP, TERMINAL, TRUSTED_SENDER, WINDOW
    from ocop_desktop.gui.exchange.senders_dialog import SendersDialog
    from ocop_desktop.gui.jobs import JobRunner
    from ocop_desktop.gui.safety.audit_dialog import AuditLogDialog
    from ocop_desktop.gui.safety.backup_dialog import BackupDialog
    from ocop_desktop.services.audit import AuditEntryDTO, AuditService
    from ocop_desktop.services.backup import BackupInfo, BackupService
    from ocop_desktop.services.exchange import SenderDTO

    assert AUDIT_LOG.view_keys(TERMINAL) == safety.AUDIT_COLUMNS
    assert safety.AUDIT_COLUMNS[:4] == ("seq", "at", "actor", "action")
    assert safety.BACKUP_COLUMNS == BACKUP.view_keys(TERMINAL) == ("made_at", "reason", "reason_label", "size", "path")
    assert TRUSTED_SENDER.view_keys(TERMINAL) == senders.COLUMNS
    assert senders.COLUMNS[:3] == ("office", "fingerprint_words", "fingerprint")
    # Each column names a value the listing has (the DTO's, or the row the command builds).
    assert set(AUDIT_LOG.view_keys(TERMINAL)) <= {*(f.name for f in dataclasses.fields(AuditEntryDTO)), "summary"}
    assert set(BACKUP.view_keys(TERMINAL)) <= {f.name for f in dataclasses.fields(BackupInfo)}
    assert set(TRUSTED_SENDER.view_keys(TERMINAL)) - {f.name for f in dataclasses.fields(SenderDTO)} == {
        "fingerprint_words"  # SenderDTO.words
    }

    runner = JobRunner()
    backups = BackupService(db.path, actor=lambda: "Nguyễn Văn Kiểm")

    def tables() -> list[list[str]]:
        dialogs = (
            AuditLogDialog(AuditService(make_uow), runner, work_dir=db.path.parent),
            SendersDialog(make_uow, runner),
            BackupDialog(backups, runner),
        )
        for dialog in dialogs:
            qtbot.addWidget(dialog)
        runner.wait()
        return [_headers(d.model) for d in dialogs]

    try:
        shown = tables()
        assert shown == [list(r.headers(WINDOW, "vi")) for r in (AUDIT_LOG, TRUSTED_SENDER, BACKUP)]
        assert shown[0] == ["Số mục", "Thời gian", "Người thực hiện", "Thao tác", "Bản ghi", "Nội dung thay đổi"]
        assert shown[1][:3] == ["Đơn vị", "Dấu vân tay", "Thời điểm tin cậy"]
        set_display_language("en")
        try:
            shown = tables()
        finally:
            set_display_language("vi")
        assert shown == [list(r.headers(WINDOW, "en")) for r in (AUDIT_LOG, TRUSTED_SENDER, BACKUP)]
        assert shown[0] == ["No.", "Time", "By", "Action", "Record", "Changes"]
        assert shown[2] == ["Made at", "Why", "Size", "File"]
    finally:
        runner.wait()


def test_the_printed_activity_log_takes_its_columns_from_the_audit_record(make_uow):
    """The activity log as a document: «STT», then the AUDIT_LOG record's REPORT view, titled and
    sized as it was always printed."""
    from ocop_desktop.domain.schema import AUDIT_LOG, REPORT
    from ocop_desktop.services.audit import AuditService

    report = AuditService(make_uow).report()
    assert [c.header for c in report.columns] == ["STT", *(f.title for f in AUDIT_LOG.view(REPORT))]
    assert [(c.header, c.kind, c.width) for c in report.columns] == [
        ("STT", "int", 6),
        ("Số mục", "int", 8),
        ("Thời gian", "text", 15),
        ("Người thực hiện", "text", 18),
        ("Thao tác", "text", 14),
        ("Bản ghi", "text", 26),
        ("Nội dung thay đổi", "text", 50),
    ]
    assert report.sections and all(
        set(row) == {c.key for c in report.columns} for s in report.sections for row in s.rows
    )

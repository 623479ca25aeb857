"""Table models of the exchange dialogs: packages, changes, conflict fields, outbox, inbox, units."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from ocop_desktop.domain.enums import SubmissionStatus
from ocop_desktop.domain.language import in_language
from ocop_desktop.domain.schema import EXCHANGE_IMPORT, EXCHANGE_OUTBOX, FIELD_CONFLICT, PLANNED_CHANGE, RECEIVED_FILE
from ocop_desktop.gui.formatting import display
from ocop_desktop.gui.schema_columns import Shown, schema_columns
from ocop_desktop.gui.table_model import Column, DtoTableModel
from ocop_desktop.services.exchange import (
    FieldDiff,
    ImportPreview,
    InboxDTO,
    OutboxDTO,
    Outcome,
    RecordChange,
    UnitTimeliness,
)
from ocop_desktop.services.survey_import import SheetProblem

CONFLICT_COLOR = QColor(255, 226, 214)
LATE_COLOR = QColor(255, 226, 214)
DONE_COLOR = QColor(226, 240, 217)


translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls


def local_time(moment: datetime | None) -> str:
    """A naive UTC time from the database, shown in this computer's time zone."""
    if moment is None:
        return ""
    return display(moment.replace(tzinfo=UTC).astimezone().replace(tzinfo=None))


@dataclass(frozen=True)
class PackageRow:
    """A file the user added to the receive list and what became of it."""

    path: Path
    preview: ImportPreview | None = None
    error: str = ""
    state: str = "checking"  # checking, ready, refused, imported, already

    @property
    def conflicts(self) -> int:
        return len(self.preview.conflicts) if self.preview else 0

    @property
    def untrusted(self) -> bool:
        """The first package of its office: taken only once the user trusts the sender's key."""
        sender = self.preview.sender if self.preview else None
        return sender is not None and sender.state == "new"


def state_label(row: PackageRow) -> str:
    if row.state == "checking":
        return translate("Exchange", "Checking…")
    if row.state == "refused":
        return translate("Exchange", "Refused")
    if row.state == "imported":
        return translate("Exchange", "Imported")
    if row.state == "already":
        return translate("Exchange", "Imported before")
    if row.conflicts:
        return translate("Exchange", "%1 conflict(s) to resolve").replace("%1", str(row.conflicts))
    if row.untrusted:
        return translate("Exchange", "New sender: compare its fingerprint")
    return translate("Exchange", "Ready to import")


def packages_model(parent=None) -> DtoTableModel[PackageRow]:
    """The files chosen to receive (domain/schema/exchange.py RECEIVED_FILE)."""
    columns = schema_columns(
        RECEIVED_FILE,
        {
            "file_name": Shown[PackageRow](value=lambda r: r.path.name, tooltip=lambda r: str(r.path)),
            "sender_unit": Shown(value=lambda r: r.preview.package.sender_unit if r.preview else ""),
            "package_created_at": Shown(value=lambda r: local_time(r.preview.package.created_at) if r.preview else ""),
            "state": Shown(value=state_label, tooltip=lambda r: r.error),
        },
    )

    def color(r: PackageRow):
        if r.state == "refused" or (r.conflicts and r.state == "ready"):
            return CONFLICT_COLOR
        return DONE_COLOR if r.state in ("imported", "already") else None

    return DtoTableModel(columns, row_color=color, parent=parent)


def changes_model(choice=lambda key: "", parent=None) -> DtoTableModel[RecordChange]:
    """Every record that would change; ``choice(key)`` names the choice made for a conflict."""

    def outcome(c: RecordChange) -> str:
        labels = {
            Outcome.NEW: translate("Exchange", "New"),
            Outcome.UPDATE: translate("Exchange", "Updated"),
            Outcome.SAME: translate("Exchange", "Unchanged"),
            Outcome.KEPT: translate("Exchange", "Kept here"),
            Outcome.CONFLICT: translate("Exchange", "Conflict"),
            Outcome.DELETE: translate("Exchange", "Deleted"),
        }
        text = labels[c.outcome]
        chosen = choice(c.key)
        if c.outcome is Outcome.CONFLICT and chosen:
            text += " — " + (
                translate("Exchange", "keep here") if chosen == "here" else translate("Exchange", "take the package's")
            )
        return text

    columns = schema_columns(
        PLANNED_CHANGE,
        {
            "outcome": Shown[RecordChange](value=outcome),
            "reason": Shown(value=lambda c: c.reason or ", ".join(f.label for f in c.fields)),
        },
    )
    return DtoTableModel(
        columns, row_color=lambda c: CONFLICT_COLOR if c.outcome is Outcome.CONFLICT else None, parent=parent
    )


def fields_model(parent=None) -> DtoTableModel[FieldDiff]:
    columns = schema_columns(
        FIELD_CONFLICT, {"here": Shown[FieldDiff](tooltip=lambda f: f.here), "there": Shown(tooltip=lambda f: f.there)}
    )
    return DtoTableModel(columns, parent=parent)


def outbox_model(parent=None) -> DtoTableModel[OutboxDTO]:
    """Packages sent (domain/schema/exchange.py EXCHANGE_OUTBOX)."""
    columns = schema_columns(
        EXCHANGE_OUTBOX,
        {
            "created_at": Shown[OutboxDTO](value=lambda o: local_time(o.created_at)),
            "scope": Shown(
                value=lambda o: (
                    translate("Exchange", "Changes") if o.scope == "changes" else translate("Exchange", "Everything")
                )
            ),
            "records": Shown(value=lambda o: o.total),
            "file_name": Shown(value=lambda o: Path(o.file_name).name, tooltip=lambda o: o.file_name),
        },
    )
    return DtoTableModel(columns, parent=parent)


def inbox_model(parent=None) -> DtoTableModel[InboxDTO]:
    """Packages received (domain/schema/exchange.py EXCHANGE_IMPORT)."""
    columns = schema_columns(
        EXCHANGE_IMPORT,
        {
            "imported_at": Shown[InboxDTO](value=lambda i: local_time(i.imported_at)),
            "package_created_at": Shown(value=lambda i: local_time(i.package_created_at)),
            "new": Shown(value=lambda i: i.counts.get("new", 0)),
            "updated": Shown(value=lambda i: i.counts.get("updated", 0)),
            "conflicts": Shown(value=lambda i: i.counts.get("conflicts", 0)),
            "undone_at": Shown(value=lambda i: local_time(i.undone_at)),
        },
    )
    return DtoTableModel(columns, row_color=lambda i: QColor(235, 235, 235) if i.undone else None, parent=parent)


def timeliness_label(u: UnitTimeliness) -> str:
    if u.submitted:
        return translate("Exchange", "Late") if u.on_time is False else translate("Exchange", "On time")
    return (
        translate("Exchange", "Not submitted — overdue") if u.on_time is False else translate("Exchange", "Not yet due")
    )


def units_model(parent=None) -> DtoTableModel[UnitTimeliness]:
    columns = [
        Column(header=translate("Exchange", "Unit"), value=lambda u: u.unit),
        Column(
            header=translate("Exchange", "Status"),
            value=lambda u: SubmissionStatus.label_of(u.status) if u.status else u.status_label,
        ),
        Column(header=translate("Exchange", "Submitted on"), value=lambda u: u.submitted_on),
        Column(header=translate("Exchange", "Timeliness"), value=timeliness_label),
        Column(header=translate("Exchange", "Package received"), value=lambda u: local_time(u.received_at)),
    ]
    return DtoTableModel(columns, row_color=lambda u: LATE_COLOR if u.on_time is False else None, parent=parent)


def problems_model(parent=None) -> DtoTableModel[SheetProblem]:
    columns = [
        Column(header=translate("Exchange", "Sheet"), value=lambda p: p.sheet),
        Column(
            header=translate("Exchange", "Row"),
            value=lambda p: p.row,
            text=lambda p: str(p.row) if p.row else "",
            align_right=True,
        ),
        Column(header=translate("Exchange", "Column"), value=lambda p: p.column),
        Column(
            header=translate("Exchange", "Problem"),
            value=lambda p: in_language(p.message),
            tooltip=lambda p: in_language(p.message),
        ),
    ]
    return DtoTableModel(columns, parent=parent)

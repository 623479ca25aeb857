"""What the exchange services hand to the GUI and the CLI: frozen, plain values."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import TYPE_CHECKING

from ocop_desktop.domain.language import Text
from ocop_desktop.domain.validation import FieldError, ValidationError

if TYPE_CHECKING:
    from ocop_desktop.services.exchange.trust import SenderTrust


class Outcome(StrEnum):
    NEW = "new"  # not here yet: added
    UPDATE = "update"  # changed there only: taken
    SAME = "same"  # the same content on both sides
    KEPT = "kept"  # changed here only, or the package's copy is older: here is kept
    CONFLICT = "conflict"  # changed on both sides since the last exchange: a person chooses
    DELETE = "delete"  # deleted there, unchanged here: deleted

    @property
    def label(self) -> str:
        return {
            "new": "Mới",
            "update": "Cập nhật",
            "same": "Không đổi",
            "kept": "Giữ bản ở đây",
            "conflict": "Xung đột",
            "delete": "Xóa",
        }[self.value]


HERE, THERE = "here", "there"


@dataclass(frozen=True)
class FieldDiff:
    field: str
    label: str
    here: str
    there: str


@dataclass(frozen=True)
class RecordChange:
    entity: str
    entity_label: str
    record_id: str
    title: str
    outcome: Outcome
    fields: tuple[FieldDiff, ...] = ()
    reason: str = ""  # why kept, or what a conflict is about
    deleted_there: bool = False  # a conflict between a deletion there and an edit here

    @property
    def key(self) -> str:
        return f"{self.entity}/{self.record_id}"


@dataclass(frozen=True)
class PackageInfo:
    package_id: str
    file_name: str
    sha256: str
    sender_unit: str
    sender_unit_id: str | None
    sender_user: str
    created_at: datetime | None  # naive UTC
    app_version: str
    schema_version: str
    scope: str  # "all" or "changes"
    since: datetime | None
    counts: dict[str, int]
    reports: tuple[str, ...]
    note: str = ""


@dataclass(frozen=True)
class ImportPreview:
    package: PackageInfo
    changes: tuple[RecordChange, ...]  # every record but the unchanged ones
    counts: dict[str, int]  # outcome -> number of records (unchanged included)
    already_imported_at: datetime | None = None  # this package is here already: nothing to do
    warnings: tuple[str, ...] = ()
    sender: SenderTrust | None = None  # whether the signing office is trusted here

    @property
    def conflicts(self) -> tuple[RecordChange, ...]:
        return tuple(c for c in self.changes if c.outcome is Outcome.CONFLICT)

    @property
    def changes_anything(self) -> bool:
        return self.already_imported_at is None and any(
            self.counts.get(o.value, 0) for o in (Outcome.NEW, Outcome.UPDATE, Outcome.CONFLICT, Outcome.DELETE)
        )


@dataclass(frozen=True)
class ImportResult:
    preview: ImportPreview
    applied: bool  # False for a dry run or a package imported before
    counts: dict[str, int] = field(default_factory=dict)  # what was done: new, updated, deleted, kept …


@dataclass(frozen=True)
class OutboxDTO:
    package_id: str
    created_at: datetime
    actor: str
    file_name: str
    scope: str
    since: datetime | None
    counts: dict[str, int]
    sha256: str
    note: str

    @property
    def total(self) -> int:
        return sum(self.counts.values())


@dataclass(frozen=True)
class UnsentDTO:
    since: datetime | None  # the last package sent; None if none was ever sent
    counts: dict[str, int]  # entity label -> records changed since then

    @property
    def total(self) -> int:
        return sum(self.counts.values())


@dataclass(frozen=True)
class InboxDTO:
    package_id: str
    sender_unit: str
    sender_user: str
    package_created_at: datetime | None
    imported_at: datetime
    actor: str
    file_name: str
    counts: dict[str, int]
    undone_at: datetime | None

    @property
    def undone(self) -> bool:
        return self.undone_at is not None


@dataclass(frozen=True)
class UndoResult:
    package_id: str
    deleted: int
    restored: int
    recreated: int


@dataclass(frozen=True)
class UnitTimeliness:
    unit_id: str
    unit: str
    status_label: str
    submitted: bool
    submitted_on: date | None
    on_time: bool | None  # None while not submitted and not yet due
    received_at: datetime | None  # naive UTC: the last package imported from this unit
    status: str = ""  # the SubmissionStatus code: the window shows its label in its own language


@dataclass(frozen=True)
class CampaignTimeliness:
    campaign_id: str
    year: int
    title: str
    deadline: date | None
    units: tuple[UnitTimeliness, ...]

    @property
    def unit_count(self) -> int:
        return len(self.units)

    @property
    def submitted_count(self) -> int:
        return sum(1 for u in self.units if u.submitted)

    @property
    def on_time_count(self) -> int:
        return sum(1 for u in self.units if u.submitted and u.on_time)

    @property
    def late_count(self) -> int:
        return sum(1 for u in self.units if u.submitted and u.on_time is False)

    @property
    def missing_count(self) -> int:
        """Not submitted and the deadline has passed."""
        return sum(1 for u in self.units if not u.submitted and u.on_time is False)

    @property
    def on_time_rate(self) -> float | None:
        """Units that submitted by the deadline, out of all reporting units (0–1)."""
        return self.on_time_count / self.unit_count if self.units else None


class ConflictsUnresolved(ValidationError):
    """An import met conflicts nobody chose for; nothing was changed."""

    def __init__(self, conflicts: tuple[RecordChange, ...]) -> None:
        self.conflicts = conflicts
        errors = [
            FieldError(
                c.key,
                Text(
                    f"{c.entity_label} «{c.title}»: "
                    + (
                        "đã bị xóa ở nơi gửi nhưng đã sửa ở đây"
                        if c.deleted_there
                        else "; ".join(f"{d.label}: ở đây «{d.here}», trong gói «{d.there}»" for d in c.fields)
                        or "đã sửa ở cả hai nơi"
                    ),
                    f"{c.entity_label} «{c.title}»: "
                    + (
                        "deleted where it was sent from but changed here"
                        if c.deleted_there
                        else "; ".join(f"{d.label}: here «{d.here}», in the package «{d.there}»" for d in c.fields)
                        or "changed in both places"
                    ),
                ),
            )
            for c in conflicts
        ]
        super().__init__(
            errors,
            record=Text(
                f"Gói có {len(conflicts)} bản ghi đã bị sửa ở cả hai nơi kể từ lần trao đổi trước; "
                "hãy chọn giữ bản ở đây hay lấy bản trong gói cho từng bản ghi (dòng lệnh: --prefer here|there). "
                "Chưa có gì được nhập",
                f"The package has {len(conflicts)} records changed in both places since the last exchange; "
                "choose for each record whether to keep the version here or take the one in the package "
                "(command line: --prefer here|there). Nothing was imported yet",
            ),
        )

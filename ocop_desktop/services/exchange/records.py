"""The records offices exchange: which tables, in which order, and their JSON form, checked."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import cached_property
from typing import Any, cast

from sqlalchemy import JSON, Boolean, Column, Date, DateTime, Float, Integer, String, Text, select
from sqlalchemy.orm import Session

from ocop_desktop.domain import formatting, language, limits, schema
from ocop_desktop.domain.enums import LabelledEnum
from ocop_desktop.persistence.models import (
    Activity,
    ActivityProducer,
    ActivityProduct,
    AuditEntry,
    Base,
    Candidacy,
    Directive,
    DossierItem,
    Evaluation,
    EvaluationMember,
    Producer,
    Product,
    RecordMixin,
    SurveyCampaign,
    SurveyEntry,
    SyncState,
    Task,
    TaskProgress,
    UnitSubmission,
)
from ocop_desktop.persistence.models.logbooks import LogbookBatch, LogbookBatchMaterial, LogbookMaterial, LogbookSale
from ocop_desktop.services.readable import structured_text

PRISTINE = "_pristine"  # record metadata key: the sender's copy was never edited (see merge.py)
META_COLUMNS = ("id", "created_at", "updated_at")


@dataclass(frozen=True)
class Entity:
    name: str  # the table, also the package member data/<name>.json
    model: type[Base]
    title: Callable[[dict[str, Any], Callable[[str | None], str]], str]
    deletable: bool = False  # deletions at the sender travel as tombstones

    @property
    def label(self) -> str:
        """Vietnamese, for people (domain/schema)."""
        return schema.entity_label(self.name)

    @cached_property
    def columns(self) -> list[Any]:
        derived = set(self.model.__folded__) | set(self.model.__sortkeys__)
        # A record's version (migration 0017) counts the saves made here: a received record's
        # version is the receiver's own, so it never travels.
        return [c for c in self.model.__table__.columns if c.key not in derived and c.key != "version"]

    @cached_property
    def content_columns(self) -> list[str]:
        return [c.key for c in self.columns if c.key not in META_COLUMNS]

    @cached_property
    def parents(self) -> dict[str, str]:
        """Foreign-key column -> referenced table."""
        out = {}
        for c in self.columns:
            for fk in c.foreign_keys:
                out[c.key] = fk.column.table.name
        return out


def _short(text: Any, limit: int = 70) -> str:
    if isinstance(text, (dict, list)):  # never str() a structure from a package: it may nest deep
        return "{…}" if isinstance(text, dict) else "[…]"
    shown = " ".join(str(text or "").split())
    return shown if len(shown) <= limit else shown[: limit - 1] + "…"


def _join(separator: str, *parts: Any) -> str:
    """The parts that are not empty, joined: no "Chè ()" or ", " when a name is unknown."""
    return separator.join(str(p) for p in parts if p not in (None, ""))


def _paren(text: str) -> str:
    return f"({text})" if text else ""


# Parents before children: the order of inserts (and, reversed, of deletes).
ENTITIES: tuple[Entity, ...] = (
    Entity("producers", Producer, lambda r, n: _short(r.get("name"))),
    Entity("products", Product, lambda r, n: _short(r.get("name"))),
    Entity("directives", Directive, lambda r, n: _short(" ".join(x for x in (r.get("number"), r.get("subject")) if x))),
    Entity("tasks", Task, lambda r, n: _short(r.get("title"))),
    Entity(
        "task_progress",
        TaskProgress,
        lambda r, n: _short(_join(": ", n(r.get("task_id")), r.get("text"))),
        deletable=True,
    ),
    Entity("survey_campaigns", SurveyCampaign, lambda r, n: _short(r.get("title"))),
    Entity(
        "unit_submissions",
        UnitSubmission,
        lambda r, n: _short(_join(" — ", n(r.get("unit_id")), n(r.get("campaign_id")))),
    ),
    Entity(
        "survey_entries",
        SurveyEntry,
        lambda r, n: _short(_join(" ", r.get("product_name"), _paren(n(r.get("unit_id"))))),
        deletable=True,
    ),
    Entity(
        "evaluations",
        Evaluation,
        lambda r, n: _short(_join(", ", n(r.get("product_id")), _vn_day(r.get("evaluated_on")))),
    ),
    Entity("evaluation_members", EvaluationMember, lambda r, n: _short(r.get("member_name")), deletable=True),
    # The candidate pipeline (services/pipeline.py): a product's round, then its dossier's documents.
    Entity(
        "candidacies",
        Candidacy,
        lambda r, n: _short(_join(" ", n(r.get("product_id")), _paren(str(r.get("round_year") or "")))),
    ),
    Entity(
        "dossier_items",
        DossierItem,
        lambda r, n: _short(_join(": ", n(r.get("candidacy_id")), r.get("item_code"))),
    ),
    # A producer's logbook (services/logbooks.py): lots, batches, the lots each batch used, sales.
    Entity(
        "logbook_materials",
        LogbookMaterial,
        lambda r, n: _short(_join(" — ", r.get("lot_code"), r.get("material"))),
        deletable=True,
    ),
    Entity("logbook_batches", LogbookBatch, lambda r, n: _short(r.get("batch_code")), deletable=True),
    Entity(
        "logbook_batch_materials",
        LogbookBatchMaterial,
        lambda r, n: _short(_join(" ← ", n(r.get("batch_id")), n(r.get("material_id")))),
        deletable=True,
    ),
    Entity(
        "logbook_sales",
        LogbookSale,
        lambda r, n: _short(_join(", ", r.get("buyer"), _vn_day(r.get("sold_on")))),
        deletable=True,
    ),
    Entity(
        "activities",
        Activity,
        lambda r, n: _short(_join(", ", r.get("title"), _vn_day(r.get("held_on")))),
        deletable=True,
    ),
    Entity(
        "activity_producers",
        ActivityProducer,
        lambda r, n: _short(_join(" — ", n(r.get("producer_id")), n(r.get("activity_id")))),
        deletable=True,
    ),
    Entity(
        "activity_products",
        ActivityProduct,
        lambda r, n: _short(_join(" — ", n(r.get("product_id")), n(r.get("activity_id")))),
        deletable=True,
    ),
)
BY_NAME = {e.name: e for e in ENTITIES}
ORDER = {e.name: i for i, e in enumerate(ENTITIES)}

ENUMS: dict[tuple[str, str], type[LabelledEnum]] = {
    (e.name, f.stored): f.enum for e in ENTITIES if (r := schema.record(e.name)) for f in r.fields if f.enum is not None
}


def field_label(key: str, table: str | None = None) -> str:
    """The field's label in the activity log's words (domain/schema): one name per field everywhere."""
    return limits.field_label(key, table)


# -- JSON form ---------------------------------------------------------------------------------
def encode_value(value: Any) -> Any:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return value


def encode_row(entity: Entity, row: Any) -> dict[str, Any]:
    return {c.key: encode_value(getattr(row, c.key)) for c in entity.columns}


class BadValue(language.Spoken, ValueError):
    """A value of the wrong shape; str() is a Vietnamese reason."""


def decode_value(entity: Entity, column: Column[Any], value: Any) -> Any:
    """The Python value of one JSON value of ``column``, within the limits the database keeps;
    raises BadValue with a Vietnamese sentence naming the field by its label."""
    label = language.Text(
        field_label(column.key, entity.name), limits.field_label(column.key, entity.name, language.ENGLISH)
    )
    if value is None:
        if not column.nullable and column.key not in META_COLUMNS:
            raise BadValue(language.Text(f"«{label}» không được để trống", f"«{label.en}» cannot be empty"))
        return None
    kind = column.type
    problem = None
    if isinstance(kind, DateTime):
        try:
            moment = datetime.fromisoformat(value) if isinstance(value, str) else None
        except ValueError:
            moment = None
        if moment is None:
            raise BadValue(
                language.Text(
                    f"«{label}»: «{_short(value, 40)}» không phải là thời điểm",
                    f"«{label.en}»: «{_short(value, 40)}» is not a date and time",
                )
            )
        # Every timestamp in the database is naive UTC.
        value = moment.astimezone(UTC).replace(tzinfo=None) if moment.tzinfo else moment
        problem = limits.check_moment(value, label)
    elif isinstance(kind, Date):
        try:
            value = date.fromisoformat(value) if isinstance(value, str) else None
        except ValueError:
            value = None
        if value is None:
            raise BadValue(language.Text(f"«{label}»: không phải là ngày", f"«{label.en}»: not a date"))
        problem = limits.check_date(value, label)
    elif isinstance(kind, Boolean):
        if not isinstance(value, bool):
            raise BadValue(
                language.Text(
                    f"«{label}»: «{_short(value, 40)}» không phải là đúng/sai",
                    f"«{label.en}»: «{_short(value, 40)}» is not yes/no",
                )
            )
    elif isinstance(kind, (Integer, Float)):
        integer = isinstance(kind, Integer)
        if isinstance(value, bool) or not isinstance(value, int if integer else (int, float)):
            raise BadValue(
                language.Text(
                    f"«{label}»: «{_short(value, 40)}» không phải là số" + (" nguyên" if integer else ""),
                    f"«{label.en}»: «{_short(value, 40)}» is not " + ("a whole number" if integer else "a number"),
                )
            )
        value = value if integer else float(value)
        problem = limits.check_number(value, integer, label, limits.COLUMN_RANGES.get((entity.name, column.key)))
    elif isinstance(kind, JSON):
        if not isinstance(value, (dict, list)):
            raise BadValue(
                language.Text(f"«{label}» không đúng cấu trúc", f"«{label.en}» does not have the right structure")
            )
        problem = limits.check_json(value, label)
    elif isinstance(kind, (String, Text)):
        if not isinstance(value, str):
            raise BadValue(
                language.Text(
                    f"«{label}»: «{_short(value, 40)}» không phải là chữ",
                    f"«{label.en}»: «{_short(value, 40)}» is not text",
                )
            )
        limit = getattr(kind, "length", None)
        if limit and len(value) > limit:
            raise BadValue(
                language.Text(f"«{label}» dài quá {limit} ký tự", f"«{label.en}» is longer than {limit} characters")
            )
        enum = ENUMS.get((entity.name, column.key))
        if enum is not None and value not in {m.value for m in enum}:
            raise BadValue(
                language.Text(
                    f"«{label}»: giá trị «{_short(value, 40)}» không hợp lệ",
                    f"«{label.en}»: the value «{_short(value, 40)}» is not valid",
                )
            )
        if column.key == "id" or column.foreign_keys:
            try:
                uuid.UUID(value)
            except ValueError:
                raise BadValue(
                    language.Text(
                        f"«{label}»: «{_short(value, 40)}» không phải là mã bản ghi (UUID)",
                        f"«{label.en}»: «{_short(value, 40)}» is not a record id (UUID)",
                    )
                ) from None
    if problem:
        raise BadValue(problem.rstrip("."))
    return value


def decode_record(entity: Entity, raw: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """(values, problems): values of the columns present in ``raw``; problems in Vietnamese."""
    values: dict[str, Any] = {}
    problems = []
    for column in entity.columns:
        if column.key not in raw:
            if column.key in META_COLUMNS:
                problems.append(f"thiếu «{field_label(column.key, entity.name)}»")
            continue
        try:
            values[column.key] = decode_value(entity, column, raw[column.key])
        except BadValue as exc:
            problems.append(str(exc))
    for key in META_COLUMNS:
        if key in values and values[key] is None:
            problems.append(f"thiếu «{field_label(key, entity.name)}»")
    return values, problems


def display_value(value: Any, names: Callable[[str | None], str], key: str = "") -> str:
    """How a value reads in the conflict table: dates dd/mm/yyyy, numbers 1.234,5, ids as names."""
    if value is None or value == "":
        return str(formatting.EMPTY)
    if isinstance(value, bool):
        return str(formatting.YES if value else formatting.NO)
    if isinstance(value, (int, float, date)):  # by the field's kind, as the activity log reads it
        kind = formatting.kind_of(key)
        return formatting.value(value, formatting.INTEGER if kind == formatting.STARS else kind)
    if key.endswith("_id") and isinstance(value, str):
        return names(value) or value
    for (_entity_name, column), enum in ENUMS.items():
        if column == key and isinstance(value, str):
            try:
                return enum(value).label
            except ValueError:
                pass
    if isinstance(value, (dict, list)):
        return structured_text(value, key)  # a checklist by its items' names, never their codes
    return str(value)


# -- what each side knows about a record ---------------------------------------------------------
def _vn_day(value: Any) -> str:
    """A stored ISO day as dd/mm/yyyy; anything but the stored text (a date read here) adds nothing."""
    return formatting.day(value) if isinstance(value, str) else ""


def stored_record(session: Session, entity: Entity, record_id: str) -> RecordMixin:
    """The stored record of an exchanged table (each has RecordMixin's id and version columns)."""
    obj = session.get(entity.model, record_id)
    if obj is None:
        raise LookupError(f"{entity.name}/{record_id} is not stored")
    return cast(RecordMixin, obj)  # every class in ENTITIES mixes RecordMixin into Base


def _chunks(ids: list[str], size: int = 500) -> Iterable[list[str]]:
    for i in range(0, len(ids), size):
        yield ids[i : i + size]


# An edit made here: by a person ("update"), by an Excel import or its undo ("excel:update",
# "excel-undo:update"). Not by a package import or its undo: those copy another office's version.
LOCAL_EDIT = (
    AuditEntry.action.like("%update"),
    AuditEntry.action.not_like("import:%"),
    AuditEntry.action.not_like("undo:%"),
)


def locally_edited(session: Session, entity: str, ids: list[str] | None = None) -> set[str]:
    """Records of ``entity`` edited here by a person (not by an import or an undo)."""
    query = select(AuditEntry.entity_id).where(AuditEntry.entity == entity, *LOCAL_EDIT).distinct()
    if ids is None:
        return set(session.scalars(query))
    out: set[str] = set()
    for chunk in _chunks(ids):
        out.update(session.scalars(query.where(AuditEntry.entity_id.in_(chunk))))
    return out


def created_by_import(session: Session, entity: str, ids: list[str]) -> set[str]:
    query = select(AuditEntry.entity_id).where(AuditEntry.entity == entity, AuditEntry.action == "import:create")
    out: set[str] = set()
    for chunk in _chunks(ids):
        out.update(session.scalars(query.where(AuditEntry.entity_id.in_(chunk))))
    return out


def sync_states(session: Session, entity: str, ids: list[str] | None = None) -> dict[str, tuple[datetime, str]]:
    query = select(SyncState.entity_id, SyncState.synced_updated_at, SyncState.package_id).where(
        SyncState.entity == entity
    )
    if ids is None:
        return {r[0]: (r[1], r[2]) for r in session.execute(query)}
    out = {}
    for chunk in _chunks(ids):
        out.update({r[0]: (r[1], r[2]) for r in session.execute(query.where(SyncState.entity_id.in_(chunk)))})
    return out


def local_rows(session: Session, entity: Entity, ids: list[str]) -> dict[str, dict[str, Any]]:
    table = entity.model.__table__
    cols = [table.c[c.key] for c in entity.columns]
    out = {}
    for chunk in _chunks(ids):
        for row in session.execute(select(*cols).where(table.c.id.in_(chunk))):
            out[row.id] = dict(row._mapping)
    return out


def set_sync(session: Session, entity: str, entity_id: str, at: datetime | None, package_id: str = "") -> None:
    state = session.get(SyncState, (entity, entity_id))
    if at is None:
        if state is not None:
            session.delete(state)
    elif state is None:
        session.add(SyncState(entity=entity, entity_id=entity_id, synced_updated_at=at, package_id=package_id))
    else:
        state.synced_updated_at = at
        state.package_id = package_id

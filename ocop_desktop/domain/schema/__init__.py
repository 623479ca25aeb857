"""The record schema: one definition per record type, each field said once (key, labels, kind, bounds, columns).

Everything else derives from it: the flush-hook limits (domain/limits.py), the labels of the
activity log and of the conflict table, the Excel template and import aliases, the survey grid,
the report columns, the CLI columns and the package's field list. No Qt, no SQLAlchemy here.
"""

from __future__ import annotations

from ocop_desktop.domain.schema.activities import ACTIVITY, ACTIVITY_PRODUCER, ACTIVITY_PRODUCT
from ocop_desktop.domain.schema.exchange import (
    EXCHANGE_IMPORT,
    EXCHANGE_OUTBOX,
    FIELD_CONFLICT,
    PLANNED_CHANGE,
    RECEIVED_FILE,
)
from ocop_desktop.domain.schema.fields import ENGLISH, ID, REPORT, TERMINAL, WINDOW, Field, Kind, Record
from ocop_desktop.domain.schema.logbooks import LOGBOOK_RECORDS
from ocop_desktop.domain.schema.pipeline import CANDIDACY, DOSSIER_ITEM
from ocop_desktop.domain.schema.records import (
    APP_META,
    COMMON,
    DATABASE,
    DIRECTIVE,
    EVALUATION,
    EVALUATION_MEMBER,
    OTHER,
    PLACE,
    PLACE_LINK,
    PRODUCER,
    PRODUCT,
    PRODUCT_GROUP,
    PRODUCT_SET,
    RULE_SET,
    SCORECARD,
    SYNC_STATE,
    TASK,
    TASK_PROGRESS,
)
from ocop_desktop.domain.schema.safety import AUDIT_LOG, BACKUP, OFFICE_KEY, TRUSTED_SENDER
from ocop_desktop.domain.schema.survey import SURVEY_CAMPAIGN, SURVEY_ENTRY, UNIT_SUBMISSION, sheet_fields
from ocop_desktop.domain.schema.users import USER

__all__ = [
    "ACTIVITY",
    "ACTIVITY_PRODUCER",
    "ACTIVITY_PRODUCT",
    "AUDIT_LOG",
    "BACKUP",
    "CANDIDACY",
    "COMMON",
    "DIRECTIVE",
    "DOSSIER_ITEM",
    "ENGLISH",
    "ENUM_FIELDS",
    "EVALUATION",
    "EXCHANGE_IMPORT",
    "EXCHANGE_OUTBOX",
    "FIELD_CONFLICT",
    "ID",
    "PLACE",
    "PLANNED_CHANGE",
    "PRODUCER",
    "PRODUCT",
    "RECEIVED_FILE",
    "RECORDS",
    "REPORT",
    "SURVEY_CAMPAIGN",
    "SURVEY_ENTRY",
    "TASK",
    "TASK_PROGRESS",
    "TERMINAL",
    "TRUSTED_SENDER",
    "UNIT_SUBMISSION",
    "USER",
    "WINDOW",
    "Field",
    "Kind",
    "Record",
    "entity_label",
    "field",
    "field_label",
    "record",
    "record_for",
    "sheet_fields",
]

# User records first, in the order people meet them; a key met in several records without a
# table to tell them apart is named as the first declares it.
RECORDS: dict[str, Record] = {
    r.table: r
    for r in (
        PRODUCT,
        PRODUCER,
        SURVEY_CAMPAIGN,
        UNIT_SUBMISSION,
        SURVEY_ENTRY,
        DIRECTIVE,
        TASK,
        TASK_PROGRESS,
        ACTIVITY,
        ACTIVITY_PRODUCER,
        ACTIVITY_PRODUCT,
        EVALUATION,
        EVALUATION_MEMBER,
        CANDIDACY,
        DOSSIER_ITEM,
        *LOGBOOK_RECORDS,
        PLACE,
        PLACE_LINK,
        PRODUCT_GROUP,
        PRODUCT_SET,
        RULE_SET,
        SCORECARD,
        APP_META,
        AUDIT_LOG,
        EXCHANGE_IMPORT,
        EXCHANGE_OUTBOX,
        SYNC_STATE,
        TRUSTED_SENDER,
        OFFICE_KEY,
        USER,
        DATABASE,
    )
}
# (table, stored column) -> the LabelledEnum its codes belong to.
ENUM_FIELDS: dict[tuple[str, str], type] = {
    (r.table, f.stored): f.enum for r in RECORDS.values() for f in r.fields if f.enum is not None
}
_ANY: dict[str, Field] = {}
for _r in (COMMON, *RECORDS.values(), OTHER):
    for _f in _r.fields:
        _ANY.setdefault(_f.key, _f)
        _ANY.setdefault(_f.stored, _f)


def record(table: str) -> Record | None:
    return RECORDS.get(table)


record_for = record  # the name domain/formatting.kind_of asks for


def field(key: str, table: str | None = None) -> Field | None:
    """The field ``key`` (a key or a stored column) of ``table``'s record; without a table (or for a
    key the table does not declare) the common fields, then the first record declaring it."""
    declared = RECORDS.get(table) if table else None
    return (declared.get(key) if declared else None) or COMMON.get(key) or _ANY.get(key)


def field_label(key: str, table: str | None = None, language: str | None = None) -> str:
    """How people call a field (Vietnamese unless ``language`` is "en"); an unknown key as is."""
    found = field(key, table)
    return found.label_in(language) if found else key


def entity_label(table: str, language: str | None = None) -> str:
    declared = RECORDS.get(table)
    return declared.label_in(language) if declared else table

"""Session hooks on every flush: NFC text and derived columns, limits, the hash-chained audit log."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from functools import cache
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    Integer,
    Numeric,
    String,
    event,
    inspect,
    text,
)
from sqlalchemy.orm import Session

from ocop_desktop.domain import limits
from ocop_desktop.domain.text import fold, vn_sort_string
from ocop_desktop.domain.validation import FieldError, ValidationError
from ocop_desktop.persistence.audit_chain import (
    GENESIS,
    HEAD_KEY,
    entry_hash,
    head_value,
    normalize_changes,
)
from ocop_desktop.persistence.models import AuditEntry, Base, new_id, utcnow

_SKIP_AUDIT = {"created_at", "updated_at"}
_LABEL_COLUMNS = ("name", "product_name", "title", "subject", "member_name", "text", "key")
Check = Callable[[Any], "str | None"]


def _text_columns(mapper) -> list[str]:
    return [c.key for c in mapper.column_attrs if isinstance(c.columns[0].type, String)]


def _normalize(obj: Base) -> None:
    mapper = inspect(obj).mapper
    for key in _text_columns(mapper):
        value = getattr(obj, key)
        if isinstance(value, str) and not unicodedata.is_normalized("NFC", value):
            setattr(obj, key, unicodedata.normalize("NFC", value))
    derived = [(t, s, fold) for t, s in type(obj).__folded__.items()]
    derived += [(t, s, vn_sort_string) for t, s in type(obj).__sortkeys__.items()]
    for target, source, derive in derived:
        value = derive(getattr(obj, source))
        if getattr(obj, target) != value:
            setattr(obj, target, value)


# -- limits ---------------------------------------------------------------------------------------
def _column_check(table: str, key: str, column_type: Any, user_data: bool) -> Check | None:
    label = limits.field_label(key)
    if isinstance(column_type, String):  # Text too: String(None) gets the Text limit
        # Reference tables come from the bundled files, whose codes outgrew some declared
        # lengths (SQLite never enforced them); only user records are held to String(n).
        length = column_type.length if user_data else None
        return lambda v: limits.check_text(v, length, label)
    if isinstance(column_type, Boolean):
        return lambda v: limits.check_bool(v, label)
    if isinstance(column_type, (Integer, Float, Numeric)):
        integer = isinstance(column_type, Integer)
        bounds = limits.COLUMN_RANGES.get((table, key))
        non_negative = key in limits.NON_NEGATIVE
        return lambda v: limits.check_number(v, integer, label, bounds, non_negative)
    if isinstance(column_type, (Date, DateTime)):
        return lambda v: limits.check_date(v, label)
    if isinstance(column_type, JSON):
        return lambda v: limits.check_json(v, label)
    return None


@cache
def _checks(cls: type) -> tuple[tuple[str, Check], ...]:
    """(attribute, check) for every stored column of a mapped class; derived columns are not
    checked, they follow from a checked source."""
    derived = set(cls.__folded__) | set(cls.__sortkeys__)
    out = []
    for attr in inspect(cls).column_attrs:
        if attr.key in derived:
            continue
        check = _column_check(cls.__tablename__, attr.key, attr.columns[0].type, cls.__audited__)
        if check is not None:
            out.append((attr.key, check))
    return tuple(out)


def record_label(obj: Base) -> str:
    """'Sản phẩm «Cà phê bột Hà Chung»': which record a message is about."""
    entity = limits.entity_label(type(obj).__tablename__)
    for key in _LABEL_COLUMNS:
        value = getattr(obj, key, None)
        if isinstance(value, str) and value.strip():
            shown = value.strip()
            return f"{entity} «{shown[:60]}{'…' if len(shown) > 60 else ''}»"
    ident = getattr(obj, "id", None)
    return f"{entity} {ident}" if ident else entity


def _enforce_limits(obj: Base, only_changed: bool) -> None:
    state = inspect(obj)
    errors = []
    for key, check in _checks(type(obj)):
        if only_changed and not state.attrs[key].history.has_changes():
            continue
        value = getattr(obj, key)
        if value is None:
            continue
        problem = check(value)
        if problem:
            errors.append(FieldError(key, problem))
    if errors:
        raise ValidationError(errors, record=record_label(obj))


# -- audit ----------------------------------------------------------------------------------------
def _changes(obj: Base, kind: str) -> dict[str, list[Any]]:
    state = inspect(obj)
    out: dict[str, list[Any]] = {}
    skip = _SKIP_AUDIT | set(type(obj).__folded__) | set(type(obj).__sortkeys__)
    for attr in state.mapper.column_attrs:
        key = attr.key
        if key in skip:
            continue
        if kind == "create":
            value = getattr(obj, key)
            if value not in (None, "", {}, []):
                out[key] = [None, value]
        elif kind == "delete":
            out[key] = [getattr(obj, key), None]
        else:
            hist = state.attrs[key].history
            if not hist.has_changes():
                continue
            old = hist.deleted[0] if hist.deleted else None
            new = hist.added[0] if hist.added else None
            if old != new:
                out[key] = [old, new]
    return out


def _audit(session: Session, obj: Base, kind: str) -> None:
    changes = _changes(obj, kind)
    if kind == "update" and not changes:
        return
    info = session.info
    session.add(
        AuditEntry(
            actor=info.get("actor") or "",
            action=kind if info.get("action", "edit") == "edit" else f"{info['action']}:{kind}",
            entity=type(obj).__tablename__,
            entity_id=str(obj.id),
            changes=changes,
            context=info.get("context", ""),
        )
    )


def _chain(session: Session, entries: list[AuditEntry]) -> None:
    """Number and hash new entries after the newest one in the file.

    seq is assigned here, not by SQLite, because the hash covers it. The no-op UPDATE takes
    SQLite's write lock before the newest entry is read: from then on no other connection
    can append, so max(seq)+1 is ours until this transaction ends. (A connection whose read
    snapshot is already stale gets SQLITE_BUSY here instead of forking the chain.)
    """
    conn = session.connection()
    conn.execute(text("UPDATE audit_log SET seq = seq WHERE 0"))
    head = conn.execute(text("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1")).first()
    seq, prev = (head[0], head[1] or "") if head else (0, GENESIS)
    now = utcnow()
    for entry in entries:
        seq += 1
        entry.seq = seq
        entry.at = entry.at or now
        entry.actor = entry.actor or ""
        entry.context = entry.context or ""
        entry.changes = normalize_changes(entry.changes or {})
        entry.prev_hash = prev
        entry.hash = prev = entry_hash(seq, entry.at, entry.actor, entry.action, entry.entity, entry.entity_id,
                                       entry.changes, entry.context, prev)
    conn.execute(
        text("INSERT INTO app_meta (key, value) VALUES (:k, :v) ON CONFLICT(key) DO UPDATE SET value = excluded.value"),
        {"k": HEAD_KEY, "v": head_value(seq, prev)},
    )


@event.listens_for(Session, "before_flush")
def _before_flush(session: Session, _flush_context, _instances) -> None:
    for obj in list(session.new):
        if not isinstance(obj, Base) or isinstance(obj, AuditEntry):
            continue
        if hasattr(obj, "id") and obj.id is None:
            obj.id = new_id()  # the audit entry needs the id before the INSERT assigns it
        _normalize(obj)
        _enforce_limits(obj, only_changed=False)
        if obj.__audited__:
            _audit(session, obj, "create")
    for obj in list(session.dirty):
        if isinstance(obj, Base) and not isinstance(obj, AuditEntry) and session.is_modified(obj):
            _normalize(obj)
            _enforce_limits(obj, only_changed=True)
            if obj.__audited__:
                _audit(session, obj, "update")
    for obj in list(session.deleted):
        if isinstance(obj, Base) and obj.__audited__:
            _audit(session, obj, "delete")
    # Entries written by a service itself (a restore, an import) are chained the same way.
    pending = [o for o in session.new if isinstance(o, AuditEntry) and o.hash is None]
    if pending:
        _chain(session, pending)

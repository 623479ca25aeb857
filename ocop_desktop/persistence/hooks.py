"""Session hooks: NFC text, folded search columns and the audit log, on every flush."""

from __future__ import annotations

import unicodedata
from datetime import date, datetime
from typing import Any

from sqlalchemy import String, Text, event, inspect
from sqlalchemy.orm import Session

from ocop_desktop.domain.text import fold, vn_sort_string
from ocop_desktop.persistence.models import AuditEntry, Base, new_id

_SKIP_AUDIT = {"created_at", "updated_at"}


def _text_columns(mapper) -> list[str]:
    return [c.key for c in mapper.column_attrs if isinstance(c.columns[0].type, (String, Text))]


def _jsonable(value: Any) -> Any:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return value


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
                out[key] = [None, _jsonable(value)]
        elif kind == "delete":
            out[key] = [_jsonable(getattr(obj, key)), None]
        else:
            hist = state.attrs[key].history
            if not hist.has_changes():
                continue
            old = hist.deleted[0] if hist.deleted else None
            new = hist.added[0] if hist.added else None
            if old != new:
                out[key] = [_jsonable(old), _jsonable(new)]
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


@event.listens_for(Session, "before_flush")
def _before_flush(session: Session, _flush_context, _instances) -> None:
    for obj in list(session.new):
        if not isinstance(obj, Base) or isinstance(obj, AuditEntry):
            continue
        if hasattr(obj, "id") and getattr(obj, "id") is None:
            obj.id = new_id()  # the audit entry needs the id before the INSERT assigns it
        _normalize(obj)
        if obj.__audited__:
            _audit(session, obj, "create")
    for obj in list(session.dirty):
        if isinstance(obj, Base) and session.is_modified(obj):
            _normalize(obj)
            if obj.__audited__:
                _audit(session, obj, "update")
    for obj in list(session.deleted):
        if isinstance(obj, Base) and obj.__audited__:
            _audit(session, obj, "delete")

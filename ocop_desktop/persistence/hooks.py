"""Session hooks on every flush: NFC text and derived columns, limits, the hash-chained audit log."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from datetime import datetime, timedelta
from functools import cache
from types import SimpleNamespace
from typing import Any, cast

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
    insert,
    inspect,
    text,
)
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Mapper, Session, UOWTransaction, object_session

from ocop_desktop.domain import formatting, language, limits, schema
from ocop_desktop.domain.language import ENGLISH, english
from ocop_desktop.domain.text import fold, has_controls, strip_controls, vn_sort_string
from ocop_desktop.domain.validation import FieldError, ValidationError
from ocop_desktop.persistence.audit_chain import (
    GENESIS,
    HEAD_KEY,
    entry_hash,
    head_value,
    normalize_changes,
)
from ocop_desktop.persistence.models import AppMeta, AuditEntry, Base, new_id, utcnow
from ocop_desktop.persistence.row_seal import covered, digests_of

_SKIP_AUDIT = {"created_at", "updated_at"}
_EMPTY: tuple[object, ...] = (None, "", {}, [])  # values a create entry leaves out (compared by ==, never changed)
Check = Callable[[Any], "str | None"]
AUDIT_CHAIN_LOCK = 0x0C0B_0002  # a server's advisory lock key serialising appends to the audit chain
_PENDING = "_audit_pending"  # session.info: the changes of the flush under way, logged after it
_DELETED = "_audit_deleted"  # session.info: (table, key) of the deletions already noted in this flush
_ENTRY_COLUMNS = (
    "seq",
    "at",
    "actor",
    "action",
    "entity",
    "entity_id",
    "changes",
    "context",
    "prev_hash",
    "hash",
    "row_hash",
)


@cache
def _text_columns(cls: type[Base]) -> tuple[tuple[str, bool], ...]:
    """(attribute, multiline) of every text column: a Text keeps line breaks, a String(n) not."""
    return tuple(
        (c.key, c.columns[0].type.length is None)
        for c in inspect(cls).column_attrs
        if isinstance(c.columns[0].type, String)
    )


def _cleaned(cls: type[Base], get: Callable[[str], Any]) -> dict[str, Any]:
    """The values to set so a record's text is NFC, free of control and bidi-override characters
    (whatever wrote it: a form, an Excel sheet, a package), and its derived columns follow."""
    out: dict[str, Any] = {}
    for key, multiline in _text_columns(cls):
        value = get(key)
        if not isinstance(value, str):
            continue
        clean = strip_controls(value, multiline) if has_controls(value) else value
        if not unicodedata.is_normalized("NFC", clean):
            clean = unicodedata.normalize("NFC", clean)
        if clean != value:
            out[key] = clean
    derived = [(t, s, fold) for t, s in cls.__folded__.items()]
    derived += [(t, s, vn_sort_string) for t, s in cls.__sortkeys__.items()]
    for target, source, derive in derived:
        value = derive(out[source] if source in out else get(source))
        if get(target) != value:
            out[target] = value
    return out


def _normalize(obj: Base) -> None:
    for key, value in _cleaned(type(obj), lambda k: getattr(obj, k)).items():
        setattr(obj, key, value)


# -- limits ---------------------------------------------------------------------------------------
def _column_check(table: str, key: str, column_type: Any, user_data: bool) -> Check | None:
    label = language.Text(limits.field_label(key, table), limits.field_label(key, table, ENGLISH))
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
        kind = formatting.kind_of(key, table)  # a year's bounds read 2000–2110, not 2.000–2.110
        return lambda v: limits.check_number(v, integer, label, bounds, kind=kind)
    if isinstance(column_type, DateTime):
        return lambda v: limits.check_moment(v, label)
    if isinstance(column_type, Date):
        return lambda v: limits.check_date(v, label)
    if isinstance(column_type, JSON):
        # Bookkeeping (a received package's undo record) grows with the package, which its own
        # limits bound; user data is held to the fixed size.
        max_bytes = limits.JSON_MAX_BYTES if user_data else None
        return lambda v: limits.check_json(v, label, max_bytes)
    return None


@cache
def _checks(cls: type[Base]) -> tuple[tuple[str, Check], ...]:
    """(attribute, check) for every stored column of a mapped class; derived columns are not
    checked, they follow from a checked source."""
    derived = set(cls.__folded__) | set(cls.__sortkeys__)
    out: list[tuple[str, Check]] = []
    for attr in inspect(cls).column_attrs:
        if attr.key in derived:
            continue
        check = _column_check(cls.__tablename__, attr.key, attr.columns[0].type, cls.__audited__)
        if check is not None:
            out.append((attr.key, check))
    return tuple(out)


def record_label(obj: Base | dict[str, Any], cls: type[Base] | None = None) -> language.Text:
    """'Sản phẩm «Cà phê bột Hà Chung»': which record a message is about (``obj`` may be a dict
    of values, then ``cls`` says whose)."""
    if isinstance(obj, dict):
        get: Callable[[str, Any], Any] = obj.get
        model = cls
    else:
        get, model = (lambda k, d: getattr(obj, k, d)), type(obj)
    table = model.__tablename__ if model is not None else ""
    entity = language.Text(limits.entity_label(table), limits.entity_label(table, ENGLISH))
    declared = schema.record(table)
    if declared is not None and declared.named_by:  # the field that names the record (domain/schema)
        value = get(declared.named_by, None)
        if isinstance(value, str) and value.strip():
            shown = value.strip()
            named = f"«{shown[:60]}{'…' if len(shown) > 60 else ''}»"
            return language.Text(f"{entity} {named}", f"{english(entity)} {named}")
    ident = get("id", None)
    return language.Text(f"{entity} {ident}", f"{english(entity)} {ident}") if ident else entity


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


def _audited(obj: Base) -> bool:
    """Whether a record's changes go to the chain: user tables, and the office's settings rows."""
    if isinstance(obj, AppMeta):
        return covered("app_meta", obj.key)
    return obj.__audited__


def _record_key(obj: Base) -> str:
    # Every audited table but app_meta has an id column.
    return str(obj.key if isinstance(obj, AppMeta) else cast(Any, obj).id)


def _audit(session: Session, obj: Base, kind: str) -> None:
    """Note the change; the entry is written after the flush (``_after_flush``), once the row's
    stored content, whose digest the entry carries, is known."""
    changes = _changes(obj, kind)
    if kind == "update" and not changes:
        return
    info = session.info
    pending = info.setdefault(_PENDING, [])
    pending.append(
        SimpleNamespace(
            at=None,
            actor=info.get("actor") or "",
            action=kind if info.get("action", "edit") == "edit" else f"{info['action']}:{kind}",
            entity=type(obj).__tablename__,
            entity_id=_record_key(obj),
            changes=changes,
            context=info.get("context", ""),
            row_hash=None,
            deleted=kind == "delete",
            linked=obj if kind == "create" else None,
        )
    )


@cache
def _link_columns(cls: type[Base]) -> tuple[str, ...]:
    return tuple(a.key for a in inspect(cls).column_attrs if a.columns[0].foreign_keys)


def _add_links(entries: list[Any]) -> None:
    """A new record's links set through a relationship (task.directive = …) get their ids only
    during the flush: the create entry names them too."""
    for e in entries:
        obj: Base | None = getattr(e, "linked", None)
        if obj is None:
            continue
        for key in _link_columns(type(obj)):
            value = getattr(obj, key, None)
            if value is not None and key not in e.changes:
                e.changes[key] = [None, value]


def _seal(session: Session, entries: list[Any]) -> None:
    """Set each entry's row_hash from the row as stored now (deleted records keep None)."""
    wanted: dict[str, list[str]] = {}
    for e in entries:
        if not getattr(e, "deleted", False) and covered(e.entity, e.entity_id):
            wanted.setdefault(e.entity, []).append(e.entity_id)
    if not wanted:
        return
    conn = session.connection()
    found = {table: digests_of(conn, table, keys) for table, keys in wanted.items()}
    for e in entries:
        if not getattr(e, "deleted", False) and e.entity in found:
            e.row_hash = found[e.entity].get(e.entity_id)


def _write_entries(session: Session, entries: list[Any]) -> None:
    _seal(session, entries)
    _chain(session, entries)
    session.execute(insert(AuditEntry.__table__), [{c: getattr(e, c) for c in _ENTRY_COLUMNS} for e in entries])


def insert_many(session: Session, model: type[Base], rows: list[dict[str, Any]]) -> None:
    """Insert new records exactly as the flush hook would treat them one by one (text cleaned,
    limits checked, one audit entry each, chained), in a few statements: through the ORM a
    16.000-record package took most of its import time creating objects."""
    if not rows:
        return
    session.flush()  # what is pending goes first, so the audit chain stays in order
    checks = _checks(model)
    skip = _SKIP_AUDIT | set(model.__folded__) | set(model.__sortkeys__)
    prepared: list[dict[str, Any]] = []
    entries: list[Any] = []
    info = session.info
    action = "create" if info.get("action", "edit") == "edit" else f"{info['action']}:create"
    for values in rows:
        values = dict(values)
        if "id" in model.__table__.c and values.get("id") is None:
            values["id"] = new_id()
        values.update(_cleaned(model, values.get))
        errors = [
            FieldError(key, problem)
            for key, check in checks
            if (value := values.get(key)) is not None and (problem := check(value))
        ]
        if errors:
            raise ValidationError(errors, record=record_label(values, model))
        prepared.append(values)
        if model.__audited__:
            changes = {k: [None, v] for k, v in values.items() if k not in skip and v not in _EMPTY}
            entries.append(
                SimpleNamespace(
                    at=None,
                    actor=info.get("actor") or "",
                    action=action,
                    entity=model.__tablename__,
                    entity_id=str(values.get("id")),
                    changes=changes,
                    context=info.get("context", ""),
                    row_hash=None,
                )
            )
    by_columns: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for values in prepared:  # one executemany per set of columns (a package may omit some)
        by_columns.setdefault(tuple(sorted(values)), []).append(values)
    for group in by_columns.values():
        session.execute(insert(model.__table__), group)
    if entries:
        _write_entries(session, entries)


def take_write_lock(session: Session) -> None:
    """Make this transaction the database's one writer until it ends: SQLite's write lock (a no-op
    UPDATE), or on a server the transaction-level advisory lock that serialises audit appends.

    Every audited write takes it at its first flush, before writing a row; a service whose plan
    depends on what it reads (an import deciding what is new) takes it before reading, so that a
    second writer's plan is made only after the first has committed. Taken again in one transaction, it is held once."""
    conn = session.connection()
    if conn.dialect.name == "sqlite":
        conn.execute(text("UPDATE audit_log SET seq = seq WHERE 0"))
    else:
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": AUDIT_CHAIN_LOCK})


def _chain(session: Session, entries: list[Any]) -> None:
    # AuditEntry rows a service adds, or the namespaces noted by the flush hook.
    """Number and hash new entries after the newest one in the file.

    seq is assigned here, not by SQLite, because the hash covers it. The no-op UPDATE takes
    SQLite's write lock before the newest entry is read: from then on no other connection
    can append, so max(seq)+1 is ours until this transaction ends. (A connection whose read
    snapshot is already stale gets SQLITE_BUSY here instead of forking the chain.) On a
    server, a transaction-level advisory lock does the same for the chain alone.
    """
    conn = session.connection()
    take_write_lock(session)
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
        entry.hash = prev = entry_hash(
            seq,
            entry.at,
            entry.actor,
            entry.action,
            entry.entity,
            entry.entity_id,
            entry.changes,
            entry.context,
            prev,
            getattr(entry, "row_hash", None),
        )
    conn.execute(
        text("INSERT INTO app_meta (key, value) VALUES (:k, :v) ON CONFLICT(key) DO UPDATE SET value = excluded.value"),
        {"k": HEAD_KEY, "v": head_value(seq, prev)},
    )


def _advance_version(obj: Base) -> None:
    """updated_at is a record's version (a view's save is checked against it, packages merge by
    it), so every change moves it strictly forward: Windows' clock ticks about every 15 ms, and
    two saves in one tick must not look like one. A version set on purpose (an exchanged record
    keeps the sender's) is left as it is."""
    state = inspect(obj)
    if "updated_at" not in state.attrs or state.attrs.updated_at.history.has_changes():
        return
    before = state.attrs.updated_at.loaded_value
    now = utcnow()
    if isinstance(before, datetime) and now <= before:
        now = before + timedelta(microseconds=1)
    cast(Any, obj).updated_at = now  # the attribute exists: checked above


@event.listens_for(Session, "before_flush")
def _before_flush(session: Session, _flush_context: UOWTransaction, _instances: object) -> None:
    session.info[_PENDING] = []  # a flush that failed and is tried again notes its changes again
    session.info.pop(_DELETED, None)
    for obj in list(session.new):
        if not isinstance(obj, Base) or isinstance(obj, AuditEntry):
            continue
        if hasattr(obj, "id") and cast(Any, obj).id is None:
            cast(Any, obj).id = new_id()  # the audit entry needs the id before the INSERT assigns it
        _normalize(obj)
        _enforce_limits(obj, only_changed=False)
        if _audited(obj):
            _audit(session, obj, "create")
    for obj in list(session.dirty):
        if isinstance(obj, Base) and not isinstance(obj, AuditEntry) and session.is_modified(obj):
            _normalize(obj)
            _enforce_limits(obj, only_changed=True)
            if _audited(obj):
                _audit(session, obj, "update")
            _advance_version(obj)
    for obj in list(session.deleted):
        if isinstance(obj, Base) and _audited(obj):
            _audit(session, obj, "delete")
    # Entries written by a service itself (a restore, an import) are chained the same way.
    pending = [o for o in session.new if isinstance(o, AuditEntry) and o.hash is None]
    if pending:
        _chain(session, pending)
    elif session.info[_PENDING]:
        # The chain's lock before this flush writes any row, not after: two people's writes on a
        # server then take their locks in one order (the chain's, then the rows'). Taken after,
        # one could hold a row the other's next flush needs while waiting for the chain the
        # other holds: PostgreSQL would end one of them with a deadlock error.
        take_write_lock(session)


@event.listens_for(Base, "after_delete", propagate=True)
def _after_delete(_mapper: Mapper[Base], _connection: Connection, obj: Base) -> None:
    """A record the flush deleted without session.delete() (an orphan of a cascade) is logged too."""
    session = object_session(obj)
    if session is None or isinstance(obj, AuditEntry) or not _audited(obj):
        return
    noted = session.info.get(_DELETED)
    if noted is None:
        noted = session.info[_DELETED] = {(e.entity, e.entity_id) for e in session.info.get(_PENDING, ()) if e.deleted}
    key = (type(obj).__tablename__, _record_key(obj))
    if key not in noted:
        noted.add(key)
        _audit(session, obj, "delete")


@event.listens_for(Session, "after_flush")
def _after_flush(session: Session, _flush_context: UOWTransaction) -> None:
    session.info.pop(_DELETED, None)
    entries = session.info.pop(_PENDING, None)
    if entries:
        _add_links(entries)
        _write_entries(session, entries)

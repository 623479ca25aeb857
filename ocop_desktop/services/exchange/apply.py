"""Receiving: apply a plan in one transaction, remembering what the undo will need."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from ocop_desktop.persistence.hooks import insert_many
from ocop_desktop.persistence.models import Base, InboxEntry, SyncState, utcnow
from ocop_desktop.services.exchange.dto import HERE, THERE, ConflictsUnresolved, Outcome
from ocop_desktop.services.exchange.merge import Item, Plan
from ocop_desktop.services.exchange.records import ORDER, _chunks, encode_value, stored_record

FLUSH_EVERY = 1000
Progress = Callable[[int, int, str], None]


def choices_for(plan: Plan, choices: Mapping[str, str] | None, prefer: str | None) -> dict[str, str]:
    """Each conflict's choice (the record's own, else ``prefer``); refuses if one is missing."""
    chosen, missing = {}, []
    for item in plan.items:
        if item.outcome is Outcome.CONFLICT:
            choice = (choices or {}).get(item.key) or prefer
            if choice not in (HERE, THERE):
                missing.append(item)
            else:
                chosen[item.key] = choice
    if missing:
        by_key = {c.key: c for c in plan.preview.changes}
        raise ConflictsUnresolved(tuple(by_key[i.key] for i in missing))
    return chosen


def _before(item: Item) -> list[Any]:
    here = item.here or {}
    sync = item.sync
    return [
        encode_value(here.get("created_at")),
        encode_value(here.get("updated_at")),
        encode_value(sync[0]) if sync else None,
        sync[1] if sync else None,
    ]


def apply_plan(
    session: Session, plan: Plan, chosen: dict[str, str], actor: str, progress: Progress | None = None
) -> dict[str, Any]:
    """Write the plan through the ORM (so the audit hook records every field) and the inbox entry."""
    package_id = plan.info.package_id
    started = utcnow()
    versions: dict[str, dict[str, Any]] = {}
    sync_set: dict[tuple[str, str], datetime] = {}
    sync_drop: set[tuple[str, str]] = set()
    done = {
        "new": 0,
        "updated": 0,
        "same": 0,
        "kept": 0,
        "conflicts": 0,
        "conflicts_here": 0,
        "conflicts_there": 0,
        "deleted": 0,
    }
    items = sorted(plan.items, key=lambda i: ORDER[i.entity.name])
    _load_objects(session, items)
    total = len(items)
    current = None
    arriving: list[dict[str, Any]] = []  # new records of the current table, inserted in bulk
    for n, item in enumerate(items, start=1):
        if progress and n % FLUSH_EVERY == 0:
            progress(n, total, item.entity.label)
        if item.entity is not current:
            # Not every foreign key has an ORM relationship to order the INSERTs by: write
            # each table before its children, in the order of ENTITIES.
            if current is not None:
                insert_many(session, current.model, arriving)
            arriving = []
            session.flush()
            current = item.entity
        key, ident = item.key, (item.entity.name, item.record_id)
        outcome, choice = item.outcome, chosen.get(item.key)
        if outcome is Outcome.CONFLICT:
            done["conflicts"] += 1
            done["conflicts_here" if choice == HERE else "conflicts_there"] += 1
        there = item.there
        if item.deleted_there:
            continue  # deletions run after every insert and update, children first
        assert there is not None  # only a deletion comes without the sender's copy
        if outcome is Outcome.NEW:
            arriving.append(there)
            versions[key] = {"op": "create", "before": None, "after": encode_value(there["updated_at"])}
            if not item.pristine_there:
                sync_set[ident] = there["updated_at"]
            done["new"] += 1
        elif outcome is Outcome.UPDATE or (outcome is Outcome.CONFLICT and choice == THERE):
            obj = stored_record(session, item.entity, item.record_id)
            for column in item.diffs:
                setattr(obj, column, there[column])
            obj.updated_at = there["updated_at"]  # the version travels with the record
            versions[key] = {"op": "update", "before": _before(item), "after": encode_value(there["updated_at"])}
            sync_set[ident] = there["updated_at"]
            done["updated"] += 1
        elif outcome is Outcome.CONFLICT:
            # Keeping this office's copy is a decision made here: the copy becomes a newer version,
            # and the package's version counts as seen, so only a later change there asks again.
            assert item.here is not None  # a conflict is with the copy stored here
            obj = stored_record(session, item.entity, item.record_id)
            stamp = max(utcnow(), item.here["updated_at"])
            obj.updated_at = stamp
            versions[key] = {"op": "stamp", "before": _before(item), "after": encode_value(stamp)}
            sync_set[ident] = there["updated_at"]
        elif outcome is Outcome.SAME:
            done["same"] += 1
            if item.pristine_there:
                continue
            # The same content: share the package's version so both offices agree on it.
            assert item.here is not None  # the same as the copy stored here
            if item.here["updated_at"] != there["updated_at"]:
                stored_record(session, item.entity, item.record_id).updated_at = there["updated_at"]
            if (
                item.sync is None
                or item.sync[0] != there["updated_at"]
                or item.here["updated_at"] != there["updated_at"]
            ):
                versions[key] = {"op": "stamp", "before": _before(item), "after": encode_value(there["updated_at"])}
                sync_set[ident] = there["updated_at"]
        elif outcome is Outcome.KEPT:
            done["kept"] += 1
        if n % FLUSH_EVERY == 0:
            session.flush()
    if current is not None:
        insert_many(session, current.model, arriving)
    session.flush()
    for item in reversed(items):
        if not item.deleted_there or item.outcome is Outcome.KEPT:
            if item.deleted_there:
                done["kept"] += 1
            continue
        if item.entity is not current:
            session.flush()
            current = item.entity
        key, ident = item.key, (item.entity.name, item.record_id)
        if item.outcome is Outcome.DELETE or chosen.get(key) == THERE:
            versions[key] = {"op": "delete", "before": _before(item), "after": None}
            session.delete(session.get(item.entity.model, item.record_id))
            sync_drop.add(ident)
            done["deleted"] += 1
        else:
            # Kept after a deletion there: no longer a copy of theirs, so it stops following them.
            assert item.here is not None  # what was deleted there is stored here
            versions[key] = {"op": "stamp", "before": _before(item), "after": encode_value(item.here["updated_at"])}
            sync_drop.add(ident)
    session.flush()
    write_sync(session, sync_set, sync_drop, package_id)
    entry = plan.inbox or InboxEntry(package_id=package_id)
    if plan.inbox is None:
        session.add(entry)
    info = plan.info
    entry.sender_unit, entry.sender_unit_id, entry.sender_user = info.sender_unit, info.sender_unit_id, info.sender_user
    entry.package_created_at, entry.imported_at, entry.actor = info.created_at, started, actor
    entry.file_name, entry.sha256, entry.undone_at = str(plan.package.path), info.sha256, None
    entry.counts = {**done, "undo": versions}
    session.flush()
    return done


def _needs_object(item: Item) -> bool:
    if item.here is None or item.outcome is Outcome.KEPT:
        return False
    if item.outcome is Outcome.SAME:
        return (
            not item.pristine_there and item.there is not None and item.here["updated_at"] != item.there["updated_at"]
        )
    return True


def _load_objects(session: Session, items: list[Item]) -> None:
    """Load in chunks the rows the apply will change, so it does not query them one by one."""
    wanted: dict[type[Base], list[str]] = {}
    for item in items:
        if _needs_object(item):
            wanted.setdefault(item.entity.model, []).append(item.record_id)
    for model, ids in wanted.items():
        for chunk in _chunks(ids):
            list(session.scalars(select(model).where(model.__table__.c.id.in_(chunk))))


def write_sync(
    session: Session, sync_set: dict[tuple[str, str], datetime], sync_drop: set[tuple[str, str]], package_id: str
) -> None:
    """Sync state is bookkeeping, not audited data: written in bulk with an upsert."""
    rows = [
        {"entity": e, "entity_id": i, "synced_updated_at": at, "package_id": package_id}
        for (e, i), at in sync_set.items()
        if (e, i) not in sync_drop
    ]
    # The same upsert on both engines, each in its own dialect's words (issue 18).
    insert = postgresql.insert if session.get_bind().dialect.name == "postgresql" else sqlite.insert
    for start in range(0, len(rows), 500):
        stmt = insert(SyncState).values(rows[start : start + 500])
        session.execute(
            stmt.on_conflict_do_update(
                index_elements=["entity", "entity_id"],
                set_={"synced_updated_at": stmt.excluded.synced_updated_at, "package_id": stmt.excluded.package_id},
            )
        )
    # In chunks and without matching the session's objects: one ORM delete per record compared
    # every object loaded (an undo of 16.000 records took minutes).
    by_entity: dict[str, list[str]] = {}
    for entity, entity_id in sync_drop:
        by_entity.setdefault(entity, []).append(entity_id)
    for entity, ids in by_entity.items():
        for chunk in _chunks(sorted(ids)):
            session.execute(
                delete(SyncState)
                .where(SyncState.entity == entity, SyncState.entity_id.in_(chunk))
                .execution_options(synchronize_session=False)
            )

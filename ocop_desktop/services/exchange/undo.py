"""Undoing a package or an Excel import as a whole, from its audit entries, unless a record changed since."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ocop_desktop.domain.language import ENGLISH, Text, english
from ocop_desktop.domain.limits import entity_label
from ocop_desktop.domain.validation import FieldError, NotFoundError, ValidationError
from ocop_desktop.persistence.models import AuditEntry, InboxEntry, utcnow
from ocop_desktop.services.exchange.apply import write_sync
from ocop_desktop.services.exchange.dto import UndoResult
from ocop_desktop.services.exchange.records import (
    BY_NAME,
    ENTITIES,
    ORDER,
    BadValue,
    Entity,
    _chunks,
    decode_value,
    stored_record,
)

MAX_LISTED = 10


def _when(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


def _decode(entity: Entity, key: str, value: Any) -> Any:
    column = entity.model.__table__.c[key]
    try:
        return decode_value(entity, column, value)
    except BadValue:
        return value


def _title(entity: Entity, values: Mapping[str, Any]) -> str:
    return entity.title(dict(values), lambda _id: "") or str(values.get("id", ""))


def undo_import(session: Session, package_id: str) -> UndoResult:
    inbox = session.scalar(select(InboxEntry).where(InboxEntry.package_id == package_id))
    if inbox is None:
        raise NotFoundError(
            Text(
                f"Không có gói {package_id} trong danh sách gói đã nhận.",
                f"There is no package {package_id} among the packages received.",
            )
        )
    record = Text(
        f"Gói của {inbox.sender_unit or 'đơn vị không rõ'} nhập lúc {inbox.imported_at:%d/%m/%Y %H:%M} (UTC)",
        f"The package of {inbox.sender_unit or 'an unknown office'} imported at {inbox.imported_at:%d/%m/%Y %H:%M} (UTC)",
    )
    if inbox.undone_at is not None:
        raise ValidationError(
            [
                FieldError(
                    "package_id",
                    Text(
                        f"Gói này đã được hoàn tác lúc {inbox.undone_at:%d/%m/%Y %H:%M} (UTC).",
                        f"This package was already undone at {inbox.undone_at:%d/%m/%Y %H:%M} (UTC).",
                    ),
                )
            ],
            record=record,
        )
    versions: dict[str, dict[str, Any]] = dict((inbox.counts or {}).get("undo") or {})
    entries = list(
        session.scalars(
            select(AuditEntry)
            .where(
                AuditEntry.context == f"gói {package_id}",
                AuditEntry.action.like("import:%"),
                AuditEntry.at >= inbox.imported_at,
            )
            .order_by(AuditEntry.seq)
        )
    )
    last_seq = max((e.seq for e in entries), default=0)
    by_key: dict[str, list[AuditEntry]] = {}
    for e in entries:
        by_key.setdefault(f"{e.entity}/{e.entity_id}", []).append(e)
    parsed: list[tuple[str, str, str, dict[str, Any]]] = []  # (entity/id, entity, id, versions)
    for key, v in versions.items():
        name, _, record_id = key.partition("/")
        parsed.append((key, name, record_id, v))
    problems = _check(session, parsed, by_key, last_seq)
    if problems:
        raise _changed_after(
            "package_id",
            problems,
            record,
            Text(
                "Hãy hoàn tác các gói nhập sau gói này trước (nếu có), hoặc sửa tay các bản ghi đó",
                "First undo the packages imported after this one (if any), or correct those records by hand",
            ),
        )
    result = {"deleted": 0, "restored": 0, "recreated": 0}
    ordered = sorted(parsed, key=lambda p: ORDER[p[1]])
    # Created rows go first, children before parents; then changed rows get their old values;
    # deleted rows come back last, parents before children.
    created: dict[str, list[str]] = {}  # children's tables first; one flush per table, not per row
    for _key, name, record_id, v in reversed(ordered):
        if v["op"] == "create":
            created.setdefault(name, []).append(record_id)
    for name, ids in created.items():
        model = BY_NAME[name].model
        for chunk in _chunks(ids):
            for obj in session.scalars(select(model).where(model.__table__.c.id.in_(chunk))):
                session.delete(obj)
                result["deleted"] += 1
        session.flush()
    sync_set: dict[tuple[str, str], datetime] = {}
    sync_drop: set[tuple[str, str]] = set()
    for key, name, record_id, v in ordered:
        entity = BY_NAME[name]
        before = v["before"]
        if v["op"] == "create":
            sync_drop.add((name, record_id))
            continue
        if v["op"] == "delete":
            old = next((e.changes for e in by_key.get(key, []) if e.action.endswith("delete")), {})
            values = {k: _decode(entity, k, pair[0]) for k, pair in old.items() if k in entity.model.__table__.c}
            values.update(id=record_id, created_at=_when(before[0]), updated_at=_when(before[1]))
            session.add(entity.model(**values))
            session.flush()
            result["recreated"] += 1
        else:
            stored = stored_record(session, entity, record_id)
            for e in by_key.get(key, []):
                for k, pair in e.changes.items():
                    setattr(stored, k, _decode(entity, k, pair[0]))
            stored.updated_at = datetime.fromisoformat(before[1])  # a stored stored always had a version
            if v["op"] == "update":
                result["restored"] += 1
        if before[2]:
            sync_set[(name, record_id)] = datetime.fromisoformat(before[2])
        else:
            sync_drop.add((name, record_id))
    session.flush()
    _restore_sync(session, sync_set, sync_drop, {k: v["before"][3] for k, _n, _i, v in parsed if v.get("before")})
    inbox.undone_at = utcnow()
    return UndoResult(package_id, result["deleted"], result["restored"], result["recreated"])


def _restore_sync(
    session: Session,
    sync_set: dict[tuple[str, str], datetime],
    sync_drop: set[tuple[str, str]],
    packages: dict[str, str | None],
) -> None:
    by_package: dict[str, dict[tuple[str, str], datetime]] = {}
    for (name, record_id), at in sync_set.items():
        by_package.setdefault(packages.get(f"{name}/{record_id}") or "", {})[(name, record_id)] = at
    for package_id, rows in by_package.items():
        write_sync(session, rows, set(), package_id)
    write_sync(session, {}, sync_drop, "")


def _check(
    session: Session,
    parsed: list[tuple[str, str, str, dict[str, Any]]],
    by_key: dict[str, list[AuditEntry]],
    last_seq: int,
) -> list[str]:
    """Why the undo cannot run: records changed or deleted since, or new rows hanging on created ones."""
    problems: list[str] = []
    created = {(name, rid) for _k, name, rid, v in parsed if v["op"] == "create"}
    for key, name, record_id, v in parsed:
        entity = BY_NAME[name]
        current = session.execute(
            select(entity.model.__table__).where(entity.model.__table__.c.id == record_id)
        ).first()
        if v["op"] == "delete":
            if current is not None:
                title = _title(entity, dict(current._mapping))
                problems.append(
                    Text(
                        f"{entity.label} «{title}» đã được tạo lại sau khi nhập",
                        f"{entity_label(entity.name, ENGLISH)} «{title}» was made again after the import",
                    )
                )
            continue
        values = dict(current._mapping) if current is not None else {}
        if current is None:
            old = by_key.get(key, [])
            title = _title(entity, {k: p[1] for e in old for k, p in e.changes.items()}) if old else record_id
            problems.append(
                Text(
                    f"{entity.label} «{title}» đã bị xóa sau khi nhập",
                    f"{entity_label(entity.name, ENGLISH)} «{title}» was deleted after the import",
                )
            )
        elif values["updated_at"] != _when(v["after"]):
            later = session.scalar(
                select(AuditEntry)
                .where(AuditEntry.entity_id == record_id, AuditEntry.seq > last_seq)
                .order_by(AuditEntry.seq.desc())
                .limit(1)
            )
            how = how_en = ""
            if later is not None:
                where = f", {later.context}" if later.context else ""
                how = f" (lúc {later.at:%d/%m/%Y %H:%M} UTC, {later.actor or 'không rõ người sửa'}{where})"
                how_en = f" (at {later.at:%d/%m/%Y %H:%M} UTC, {later.actor or 'editor unknown'}{where})"
            title = _title(entity, values)
            problems.append(
                Text(
                    f"{entity.label} «{title}» đã được sửa sau khi nhập{how}",
                    f"{entity_label(entity.name, ENGLISH)} «{title}» was changed after the import{how_en}",
                )
            )
    for child in ENTITIES:
        for column, parent in child.parents.items():
            parents = sorted(rid for name, rid in created if name == parent)
            table = child.model.__table__
            for chunk in _chunks(parents):
                query = select(table.c.id, table.c[column]).where(table.c[column].in_(chunk))
                for child_id, parent_id in session.execute(query):
                    if (child.name, child_id) not in created:
                        problems.append(
                            Text(
                                f"{BY_NAME[parent].label} nhận từ gói (mã {parent_id}) đã có "
                                f"{child.label.lower()} mới gắn vào sau khi nhập",
                                f"{entity_label(parent, ENGLISH)} received in the package (id {parent_id}) has a new "
                                f"{entity_label(child.name, ENGLISH).lower()} attached after the import",
                            )
                        )
    return problems


# -- Excel imports: recorded by their audit entries alone, undone as a new local change -----------
EXCEL_ACTION = "excel"  # audit actions excel:create/update/delete: local edits that travel (records.LOCAL_EDIT)
_EXCEL_CONTEXT = re.compile(r"^nhập Excel ([0-9a-f]{8}) «(.*)»$")


@dataclass(frozen=True)
class ExcelImportInfo:
    operation_id: str
    file_name: str
    at: datetime
    actor: str
    added: int
    updated: int
    deleted: int
    undone_at: datetime | None


def excel_context(operation_id: str, file_name: str) -> str:
    return f"nhập Excel {operation_id} «{file_name}»"


def _undo_context(operation_id: str) -> str:
    return f"hoàn tác nhập Excel {operation_id}"


def excel_imports(session: Session) -> list[ExcelImportInfo]:
    query = (
        select(
            AuditEntry.context,
            AuditEntry.action,
            func.count(func.distinct(AuditEntry.entity_id)),
            func.min(AuditEntry.at),
            func.max(AuditEntry.actor),
        )
        .where(AuditEntry.action.like(f"{EXCEL_ACTION}:%"), AuditEntry.entity == "survey_entries")
        .group_by(AuditEntry.context, AuditEntry.action)
    )
    found: dict[str, dict[str, Any]] = {}
    for context, action, count, at, actor in session.execute(query):
        m = _EXCEL_CONTEXT.match(context or "")
        if m is None:
            continue
        row = found.setdefault(
            m.group(1), {"file": m.group(2), "at": at, "actor": actor or "", "create": 0, "update": 0, "delete": 0}
        )
        row["at"] = min(row["at"], at)
        row[action.partition(":")[2]] = count
    undone = (
        dict(
            session.execute(
                select(AuditEntry.context, func.min(AuditEntry.at))
                .where(AuditEntry.context.in_([_undo_context(op) for op in found]))
                .group_by(AuditEntry.context)
            ).all()
        )
        if found
        else {}
    )
    out = [
        ExcelImportInfo(
            op, r["file"], r["at"], r["actor"], r["create"], r["update"], r["delete"], undone.get(_undo_context(op))
        )
        for op, r in found.items()
    ]
    return sorted(out, key=lambda i: i.at, reverse=True)


def undo_excel(session: Session, operation_id: str) -> UndoResult:
    """Put back what one Excel import changed. Unlike a package undo this is a new local change
    (new versions, audit entries "excel-undo:…"), so a correction already sent is corrected again."""
    op = operation_id.strip().lower()
    entries = (
        list(
            session.scalars(
                select(AuditEntry)
                .where(AuditEntry.action.like(f"{EXCEL_ACTION}:%"), AuditEntry.context.like(f"nhập Excel {op} «%"))
                .order_by(AuditEntry.seq)
            )
        )
        if re.fullmatch(r"[0-9a-f]{8}", op)
        else []
    )
    if not entries:
        raise NotFoundError(
            Text(
                f"Không có lần nhập Excel mã {operation_id}; xem các lần nhập bằng lệnh: ocop import list.",
                f"There is no Excel import with the code {operation_id}; list the imports with the command: ocop import list.",
            )
        )
    m = _EXCEL_CONTEXT.match(entries[0].context)
    record = Text(
        f"Lần nhập Excel {op} (tệp {m.group(2) if m else ''}, lúc {entries[0].at:%d/%m/%Y %H:%M} UTC)",
        f"Excel import {op} (file {m.group(2) if m else ''}, at {entries[0].at:%d/%m/%Y %H:%M} UTC)",
    )
    done = session.scalar(select(func.min(AuditEntry.at)).where(AuditEntry.context == _undo_context(op)))
    if done is not None:
        raise ValidationError(
            [
                FieldError(
                    "operation",
                    Text(
                        f"Lần nhập này đã được hoàn tác lúc {done:%d/%m/%Y %H:%M} (UTC); không có gì thay đổi.",
                        f"This import was already undone at {done:%d/%m/%Y %H:%M} (UTC); nothing changed.",
                    ),
                )
            ],
            record=record,
        )
    last_seq = entries[-1].seq
    by_key: dict[tuple[str, str], list[AuditEntry]] = {}
    for e in entries:
        by_key.setdefault((e.entity, e.entity_id), []).append(e)
    problems = _changed_since(session, by_key, last_seq)
    if problems:
        raise _changed_after(
            "operation",
            problems,
            record,
            Text(
                "Hãy hoàn tác các thay đổi sau lần nhập này trước, hoặc sửa tay các bản ghi đó",
                "First undo the changes made after this import, or correct those records by hand",
            ),
        )
    result = {"create": 0, "update": 0, "delete": 0}
    for (name, record_id), changes in sorted(by_key.items(), key=lambda kv: -ORDER[kv[0][0]]):
        entity = BY_NAME[name]
        kinds = {e.action.partition(":")[2] for e in changes}
        obj = session.get(entity.model, record_id)
        if "create" in kinds:
            if obj is not None:
                session.delete(obj)
            result["create"] += 1
        elif "delete" in kinds:
            old = next(e.changes for e in changes if e.action.endswith("delete"))
            values = {k: _decode(entity, k, pair[0]) for k, pair in old.items() if k in entity.model.__table__.c}
            session.add(entity.model(**dict(values, id=record_id)))
            result["delete"] += 1
        else:
            for e in reversed(changes):
                for k, pair in e.changes.items():
                    setattr(obj, k, _decode(entity, k, pair[0]))
            result["update"] += name == "survey_entries"
        session.flush()
    return UndoResult(op, result["create"], result["update"], result["delete"])


def _changed_since(session: Session, by_key: dict[tuple[str, str], list[AuditEntry]], last_seq: int) -> list[str]:
    """Records changed after the import, except by a later Excel import that was undone since (or its
    undo): those two together left the record as this import did."""
    problems: list[str] = []
    for name in {n for n, _ in by_key}:
        entity = BY_NAME[name]
        ids = sorted(i for n, i in by_key if n == name)
        for chunk in _chunks(ids):
            later: dict[str, list[AuditEntry]] = {}
            for e in session.scalars(
                select(AuditEntry)
                .where(AuditEntry.entity == name, AuditEntry.entity_id.in_(chunk), AuditEntry.seq > last_seq)
                .order_by(AuditEntry.seq)
            ):
                later.setdefault(e.entity_id, []).append(e)
            undone = {
                c for es in later.values() for e in es if (c := e.context or "").startswith("hoàn tác nhập Excel ")
            }
            for record_id, changes in later.items():
                real = [
                    e
                    for e in changes
                    if e.context not in undone
                    and not ((m := _EXCEL_CONTEXT.match(e.context or "")) and _undo_context(m.group(1)) in undone)
                ]
                if not real:
                    continue
                entry = real[-1]
                values = {
                    k: p[1] if p[1] is not None else p[0]
                    for e in by_key[(name, record_id)]
                    for k, p in e.changes.items()
                }
                where = f", {entry.context}" if entry.context else ""
                title = values.get("product_name") or _title(entity, values)
                problems.append(
                    Text(
                        f"{entity.label} «{title}» đã được sửa sau khi nhập (lúc {entry.at:%d/%m/%Y %H:%M} "
                        f"UTC, {entry.actor or 'không rõ người sửa'}{where})",
                        f"{entity_label(entity.name, ENGLISH)} «{title}» was changed after the import (at "
                        f"{entry.at:%d/%m/%Y %H:%M} UTC, {entry.actor or 'editor unknown'}{where})",
                    )
                )
    return problems


def _changed_after(key: str, problems: list[str], record: str, advice: Text) -> ValidationError:
    """The refusal of an undo whose records were changed since: the first of them, what to do,
    and that nothing was undone."""
    more = len(problems) - MAX_LISTED
    return ValidationError(
        [
            FieldError(
                key,
                Text(
                    "; ".join(problems[:MAX_LISTED])
                    + (f"; … và {more} bản ghi khác" if more > 0 else "")
                    + f". {advice}; chưa có gì được hoàn tác.",
                    "; ".join(english(p) for p in problems[:MAX_LISTED])
                    + (f"; … and {more} other records" if more > 0 else "")
                    + f". {advice.en}; nothing was undone yet.",
                ),
            )
        ],
        record=Text(
            f"{record}: không hoàn tác được vì có bản ghi đã thay đổi sau khi nhập",
            f"{english(record)}: cannot be undone because some records changed after the import",
        ),
    )

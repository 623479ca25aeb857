"""Undoing an import as a whole, from its audit entries, unless a record changed since."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select

from ocop_desktop.domain.validation import FieldError, NotFoundError, ValidationError
from ocop_desktop.persistence.models import AuditEntry, InboxEntry, utcnow
from ocop_desktop.services.exchange.apply import write_sync
from ocop_desktop.services.exchange.dto import UndoResult
from ocop_desktop.services.exchange.records import BY_NAME, ENTITIES, ORDER, BadValue, _chunks, decode_value

MAX_LISTED = 10


def _when(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


def _decode(entity, key: str, value: Any) -> Any:
    column = entity.model.__table__.c[key]
    try:
        return decode_value(entity, column, value)
    except BadValue:
        return value


def _title(entity, values: dict[str, Any]) -> str:
    return entity.title(values, lambda _id: "") or values.get("id", "")


def undo_import(session, package_id: str) -> UndoResult:
    inbox = session.scalar(select(InboxEntry).where(InboxEntry.package_id == package_id))
    if inbox is None:
        raise NotFoundError(f"Không có gói {package_id} trong danh sách gói đã nhận.")
    record = f"Gói của {inbox.sender_unit or 'đơn vị không rõ'} nhập lúc {inbox.imported_at:%d/%m/%Y %H:%M} (UTC)"
    if inbox.undone_at is not None:
        raise ValidationError([FieldError("package_id", f"Gói này đã được hoàn tác lúc {inbox.undone_at:%d/%m/%Y %H:%M} (UTC).")],
                              record=record)
    versions: dict[str, dict[str, Any]] = dict((inbox.counts or {}).get("undo") or {})
    entries = list(session.scalars(
        select(AuditEntry).where(AuditEntry.context == f"gói {package_id}", AuditEntry.action.like("import:%"),
                                 AuditEntry.at >= inbox.imported_at).order_by(AuditEntry.seq)))
    last_seq = max((e.seq for e in entries), default=0)
    by_key: dict[str, list[AuditEntry]] = {}
    for e in entries:
        by_key.setdefault(f"{e.entity}/{e.entity_id}", []).append(e)
    parsed = [(key, *key.split("/", 1), v) for key, v in versions.items()]
    problems = _check(session, parsed, by_key, last_seq)
    if problems:
        more = f"; … và {len(problems) - MAX_LISTED} bản ghi khác" if len(problems) > MAX_LISTED else ""
        raise ValidationError(
            [FieldError("package_id", "; ".join(problems[:MAX_LISTED]) + more + ". Hãy hoàn tác các gói nhập sau "
                        "gói này trước (nếu có), hoặc sửa tay các bản ghi đó; chưa có gì được hoàn tác.")],
            record=f"{record}: không hoàn tác được vì có bản ghi đã thay đổi sau khi nhập",
        )
    result = {"deleted": 0, "restored": 0, "recreated": 0}
    ordered = sorted(parsed, key=lambda p: ORDER[p[1]])
    # Created rows go first, children before parents; then changed rows get their old values;
    # deleted rows come back last, parents before children.
    for key, name, record_id, v in reversed(ordered):
        if v["op"] == "create":
            session.delete(session.get(BY_NAME[name].model, record_id))
            session.flush()
            result["deleted"] += 1
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
            obj = session.get(entity.model, record_id)
            for e in by_key.get(key, []):
                for k, pair in e.changes.items():
                    setattr(obj, k, _decode(entity, k, pair[0]))
            obj.updated_at = _when(before[1])
            if v["op"] == "update":
                result["restored"] += 1
        if before[2]:
            sync_set[(name, record_id)] = _when(before[2])
        else:
            sync_drop.add((name, record_id))
    session.flush()
    _restore_sync(session, sync_set, sync_drop, {k: v["before"][3] for k, _n, _i, v in parsed if v.get("before")})
    inbox.undone_at = utcnow()
    return UndoResult(package_id, result["deleted"], result["restored"], result["recreated"])


def _restore_sync(session, sync_set, sync_drop, packages: dict[str, str | None]) -> None:
    by_package: dict[str, dict] = {}
    for (name, record_id), at in sync_set.items():
        by_package.setdefault(packages.get(f"{name}/{record_id}") or "", {})[(name, record_id)] = at
    for package_id, rows in by_package.items():
        write_sync(session, rows, set(), package_id)
    write_sync(session, {}, sync_drop, "")


def _check(session, parsed, by_key, last_seq: int) -> list[str]:
    """Why the undo cannot run: records changed or deleted since, or new rows hanging on created ones."""
    problems = []
    created = {(name, rid) for _k, name, rid, v in parsed if v["op"] == "create"}
    for key, name, record_id, v in parsed:
        entity = BY_NAME[name]
        current = session.execute(select(entity.model.__table__).where(entity.model.__table__.c.id == record_id)).first()
        if v["op"] == "delete":
            if current is not None:
                problems.append(f"{entity.label} «{_title(entity, current._mapping)}» đã được tạo lại sau khi nhập")
            continue
        values = dict(current._mapping) if current is not None else {}
        if current is None:
            old = by_key.get(key, [])
            title = _title(entity, {k: p[1] for e in old for k, p in e.changes.items()}) if old else record_id
            problems.append(f"{entity.label} «{title}» đã bị xóa sau khi nhập")
        elif values["updated_at"] != _when(v["after"]):
            later = session.scalar(select(AuditEntry).where(
                AuditEntry.entity_id == record_id, AuditEntry.seq > last_seq).order_by(AuditEntry.seq.desc()).limit(1))
            how = ""
            if later is not None:
                where = f", {later.context}" if later.context else ""
                how = f" (lúc {later.at:%d/%m/%Y %H:%M} UTC, {later.actor or 'không rõ người sửa'}{where})"
            problems.append(f"{entity.label} «{_title(entity, values)}» đã được sửa sau khi nhập{how}")
    for child in ENTITIES:
        for column, parent in child.parents.items():
            parents = sorted(rid for name, rid in created if name == parent)
            table = child.model.__table__
            for chunk in _chunks(parents):
                query = select(table.c.id, table.c[column]).where(table.c[column].in_(chunk))
                for child_id, parent_id in session.execute(query):
                    if (child.name, child_id) not in created:
                        problems.append(f"{BY_NAME[parent].label} nhận từ gói (mã {parent_id}) đã có "
                                        f"{child.label.lower()} mới gắn vào sau khi nhập")
    return problems


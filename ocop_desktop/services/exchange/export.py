"""Sending: write this office's records and reports into a package, and keep the outbox."""

from __future__ import annotations

import re
import tempfile
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ocop_desktop import __version__
from ocop_desktop.domain.language import Text
from ocop_desktop.domain.text import fold
from ocop_desktop.domain.validation import FieldError, NotFoundError, ValidationError
from ocop_desktop.exports.package import DATA_DIR, DELETED, EXTENSION, FORMAT, FORMAT_VERSION, PackageWriter
from ocop_desktop.exports.report_model import ExportCancelled
from ocop_desktop.persistence.migrate import head_revision
from ocop_desktop.persistence.models import AuditEntry, OutboxEntry, Place, SyncState, new_id, utcnow
from ocop_desktop.persistence.uow import UowFactory
from ocop_desktop.services import anchors
from ocop_desktop.services.exchange.dto import OutboxDTO, UnsentDTO
from ocop_desktop.services.exchange.records import (
    BY_NAME,
    ENTITIES,
    PRISTINE,
    Entity,
    _chunks,
    encode_row,
    encode_value,
    locally_edited,
    sync_states,
)
from ocop_desktop.services.office_key import database_file, office_key
from ocop_desktop.services.settings import OfficeSettings, office_settings

Progress = Callable[[int, int, str], None]
README = "DOC-TOI.txt"


def suggested_file_name(office_name: str, moment: datetime) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", fold(office_name)).strip("-") or "don-vi"
    return f"goi-ocop-{slug}-{moment:%Y%m%d-%H%M}{EXTENSION}"


def outbox_dto(e: OutboxEntry) -> OutboxDTO:
    return OutboxDTO(
        package_id=e.package_id,
        created_at=e.created_at,
        actor=e.actor,
        file_name=e.file_name,
        scope=e.scope,
        since=e.since,
        counts=dict(e.counts or {}),
        sha256=e.sha256,
        note=e.note,
    )


def _changed_ids(session: Session, entity: Entity, since: datetime | None) -> set[str]:
    """Records changed here after ``since``: edited (updated_at) or touched by any action
    the audit log saw, imports included, so a district forwards what it has received."""
    table = entity.model.__table__
    if since is None:
        return set(session.scalars(select(table.c.id)))
    ids = set(session.scalars(select(table.c.id).where(table.c.updated_at > since)))
    touched = set(
        session.scalars(
            select(AuditEntry.entity_id).where(AuditEntry.entity == entity.name, AuditEntry.at > since).distinct()
        )
    )
    for chunk in _chunks(sorted(touched - ids)):
        ids.update(session.scalars(select(table.c.id).where(table.c.id.in_(chunk))))
    return ids


def _tombstones(session: Session, since: datetime | None) -> list[dict[str, Any]]:
    """Deletions of deletable records (survey rows …) that still stand, as {entity, id, deleted_at}.

    An undo of an import is a local correction and does not travel."""
    deletable = [e.name for e in ENTITIES if e.deletable]
    query = (
        select(AuditEntry.entity, AuditEntry.entity_id, func.max(AuditEntry.at))
        .where(
            AuditEntry.entity.in_(deletable), AuditEntry.action.like("%delete"), AuditEntry.action.not_like("undo:%")
        )
        .group_by(AuditEntry.entity, AuditEntry.entity_id)
    )
    if since is not None:
        query = query.where(AuditEntry.at > since)
    found = [(e, i, at) for e, i, at in session.execute(query)]
    out = []
    for name in deletable:
        ids = [i for e, i, _ in found if e == name]
        table = BY_NAME[name].model.__table__
        existing: set[str] = set()
        for chunk in _chunks(ids):
            existing.update(session.scalars(select(table.c.id).where(table.c.id.in_(chunk))))
        out += [
            {"entity": e, "id": i, "deleted_at": encode_value(at)}
            for e, i, at in found
            if e == name and i not in existing
        ]
    return out


class PackageExporter:
    def __init__(self, make_uow: UowFactory) -> None:
        self._uow = make_uow

    def outbox(self) -> list[OutboxDTO]:
        with self._uow() as uow:
            rows = uow.session.scalars(select(OutboxEntry).order_by(OutboxEntry.created_at.desc()))
            return [outbox_dto(e) for e in rows]

    def _last_sent(self, session: Session) -> datetime | None:
        return session.scalar(select(func.max(OutboxEntry.created_at)))

    def unsent(self) -> UnsentDTO:
        """What a "changes only" package would carry now, per kind of record."""
        with self._uow() as uow:
            s = uow.session
            since = self._last_sent(s)
            counts = {e.label: n for e in ENTITIES if (n := len(_changed_ids(s, e, since)))}
            deleted = len(_tombstones(s, since)) if since is not None else 0
            if deleted:
                counts["Bản ghi đã xóa"] = deleted
            return UnsentDTO(since=since, counts=counts)

    def _office(self) -> OfficeSettings:
        office = office_settings(self._uow)
        if not office.complete:
            raise ValidationError(
                [
                    FieldError(
                        "office_unit_id",
                        Text(
                            "Chưa thiết lập đơn vị và người sử dụng của máy này; hãy vào "
                            "«Thiết lập đơn vị» trước khi gửi báo cáo, để nơi nhận biết gói của ai.",
                            "This computer's office and user are not set up yet; open "
                            "«Office settings» before sending a report, so the receiver knows whose package it is.",
                        ),
                    )
                ],
                record=Text("Gửi báo cáo", "Sending a report"),
            )
        return office

    def export(
        self,
        path: Path,
        changes_only: bool = False,
        include_reports: bool = True,
        note: str = "",
        progress: Progress | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> OutboxDTO:
        """Write a package to ``path`` and record it in the outbox; returns the outbox entry."""
        path = Path(path)
        if not path.parent.is_dir():
            raise NotFoundError(
                Text(
                    f"Thư mục {path.parent} không tồn tại; hãy chọn nơi lưu khác.",
                    f"The folder {path.parent} does not exist; choose another place to save.",
                )
            )
        office = self._office()
        report = progress or (lambda d, t, s: None)
        steps = len(ENTITIES) + (6 if include_reports else 0) + 2
        package_id = new_id()
        with self._uow() as uow:
            s = uow.session
            snapshot = utcnow()
            since = self._last_sent(s) if changes_only else None
            unit = s.get(Place, office.office_unit_id)
            wanted = {e.name: _changed_ids(s, e, since) for e in ENTITIES}
            if since is not None:
                # A changed survey row needs its campaign, a product its producer …: the parents
                # travel along so that a receiver who never got them can still take the package.
                for entity in reversed(ENTITIES):
                    rows = _read_rows(s, entity, sorted(wanted[entity.name]))
                    for column, parent in entity.parents.items():
                        if parent in wanted:
                            wanted[parent].update(r[column] for r in rows if r.get(column))
            data: dict[str, list[dict[str, Any]]] = {}
            for n, entity in enumerate(ENTITIES, start=1):
                if cancelled and cancelled():
                    raise ExportCancelled()
                report(n, steps, entity.label)
                ids = sorted(wanted[entity.name])
                rows = _read_rows(s, entity, ids)
                synced = set(sync_states(s, entity.name))
                edited = locally_edited(s, entity.name)
                for r in rows:
                    if r["id"] not in synced and r["id"] not in edited:
                        r[PRISTINE] = True
                data[entity.name] = rows
            deleted = _tombstones(s, since)
            anchor = anchors.anchor_of_session(s)  # the chain's head, vouched for by the signed manifest
        counts = {name: len(rows) for name, rows in data.items() if rows}
        if deleted:
            counts["deleted"] = len(deleted)
        manifest = {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "package_id": package_id,
            "created_at": snapshot.isoformat(),
            "timezone": "UTC",
            "sender": {
                "unit_id": office.office_unit_id,
                "unit_name": office.office_name,
                "unit_code": (unit.code if unit else "") or "",
                "user_name": office.user_name,
                "user_title": office.user_title,
            },
            "application": {"name": "OCOP Desktop", "version": __version__},
            "schema_version": head_revision(),
            "scope": "changes" if since is not None else "all",
            "since": since.isoformat() if since else None,
            "counts": counts,
            "note": note,
            anchors.ANCHOR_KEY: anchor,
        }
        writer = PackageWriter(manifest, key=office_key(self._uow))  # signed by this office
        writer.add_bytes(README, _readme(office, snapshot, counts, since).encode("utf-8"))
        for name, rows in data.items():
            writer.add_json(f"{DATA_DIR}{name}.json", {"entity": name, "records": rows})
        writer.add_json(DELETED, {"entity": "deleted", "records": deleted})
        with tempfile.TemporaryDirectory(prefix="ocop-goi-") as tmp:
            if include_reports:
                for name, file in _reports(self._uow, office, Path(tmp), report, steps, cancelled):
                    writer.add_file(name, file)
            if cancelled and cancelled():
                raise ExportCancelled()
            report(steps - 1, steps, "Ghi tệp")
            sha = writer.write(path)
        try:
            with self._uow(action="export", context=f"gói {package_id}") as uow:
                entry = OutboxEntry(
                    package_id=package_id,
                    created_at=snapshot,
                    actor=office.user_name,
                    file_name=str(path),
                    scope=manifest["scope"],
                    since=since,
                    counts=counts,
                    sha256=sha,
                    note=note,
                )
                uow.session.add(entry)
                _record_sync(uow.session, data, package_id)
                uow.commit()
        except BaseException:
            path.unlink(missing_ok=True)  # a file not in the outbox would be sent unseen
            raise
        if (db_path := database_file(self._uow)) is not None:
            anchors.record(db_path, anchor, f"gói {path.name}")  # kept here too, for `ocop check`
        report(steps, steps, "Xong")
        return outbox_dto(entry)


def _read_rows(session: Session, entity: Entity, ids: list[str]) -> list[dict[str, Any]]:
    table = entity.model.__table__
    cols = [table.c[c.key] for c in entity.columns]
    out = []
    for chunk in _chunks(ids):
        query = select(*cols).where(table.c.id.in_(chunk)).order_by(table.c.id)
        out += [encode_row(entity, row) for row in session.execute(query)]
    return out


def _record_sync(session: Session, data: dict[str, list[dict[str, Any]]], package_id: str) -> None:
    """The version each edited record had when sent (untouched copies carry no version)."""
    for name, rows in data.items():
        sent = {r["id"]: r["updated_at"] for r in rows if not r.get(PRISTINE)}
        if not sent:
            continue
        states = {
            st.entity_id: st
            for chunk in _chunks(sorted(sent))
            for st in session.scalars(select(SyncState).where(SyncState.entity == name, SyncState.entity_id.in_(chunk)))
        }
        for record_id, updated in sent.items():
            at = datetime.fromisoformat(updated)
            state = states.get(record_id)
            if state is None:
                session.add(SyncState(entity=name, entity_id=record_id, synced_updated_at=at, package_id=package_id))
            else:
                state.synced_updated_at, state.package_id = at, package_id


def _reports(
    make_uow: UowFactory,
    office: OfficeSettings,
    folder: Path,
    report: Callable[[int, int, str], None],
    steps: int,
    cancelled: Callable[[], bool] | None,
) -> Iterator[tuple[str, Path]]:
    """The human-readable reports (Excel and PDF): survey, registry and tasks, where there is data."""
    from ocop_desktop.services.reports import ReportRequest, ReportService  # a slow import, only needed here

    service = ReportService(make_uow)
    # No unit given: a commune office's reports cover its own area (its unit and the units it took
    # over in 2025); an office above a commune sends everyone's.
    wanted = [
        ("survey", "ra-soat-san-pham", ReportRequest("survey")),
        ("products", "san-pham-ocop", ReportRequest("products")),
        ("tasks", "nhiem-vu", ReportRequest("tasks")),
    ]
    step = len(ENTITIES)
    for _kind, stem, request in wanted:
        for fmt in ("xlsx", "pdf"):
            step += 1
            if cancelled and cancelled():
                raise ExportCancelled()
            report(step, steps, f"Báo cáo {stem}.{fmt}")
            target = folder / f"{stem}.{fmt}"
            try:
                service.export(request, fmt, target, sign=False)  # the package's signature covers it
            except NotFoundError:
                break  # no campaign or no directive yet: nothing to report
            yield f"bao-cao/{stem}.{fmt}", target


def _readme(office: OfficeSettings, moment: datetime, counts: dict[str, int], since: datetime | None) -> str:
    lines = [
        "GÓI DỮ LIỆU OCOP",
        "",
        f"Đơn vị gửi: {office.office_name}",
        f"Người gửi: {office.user_name}" + (f", {office.user_title}" if office.user_title else ""),
        f"Thời điểm tạo gói (giờ UTC): {moment:%d/%m/%Y %H:%M}",
        "Phạm vi: " + (f"những thay đổi từ {since:%d/%m/%Y %H:%M} (UTC)" if since else "toàn bộ dữ liệu"),
        "",
        "Số bản ghi: "
        + ", ".join(f"{BY_NAME[k].label if k in BY_NAME else 'Bản ghi đã xóa'}: {v}" for k, v in counts.items()),
        "",
        "Thư mục bao-cao/ có các báo cáo Excel và PDF để xem hoặc in trực tiếp.",
        "Để nhập dữ liệu vào OCOP Desktop ở nơi nhận: mở OCOP Desktop, chọn «Nhận báo cáo» rồi chọn tệp này",
        "(không cần giải nén). Không sửa hay thêm tệp nào trong gói: gói đã bị sửa sẽ bị từ chối.",
    ]
    return "\r\n".join(lines) + "\r\n"  # CRLF: Notepad on older Windows shows it right

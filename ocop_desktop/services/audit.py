"""The audit log read back: a record's history, the office's activity log, a printable report."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any, NoReturn

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from ocop_desktop.domain import formatting, limits, schema
from ocop_desktop.domain.text import fold, like_pattern
from ocop_desktop.exports.report_model import Report, ReportSection
from ocop_desktop.exports.signing import short_fingerprint
from ocop_desktop.persistence.models import AuditEntry, Base
from ocop_desktop.persistence.uow import UowFactory
from ocop_desktop.services.documents import DocumentService
from ocop_desktop.services.readable import structured_text
from ocop_desktop.services.report_columns import numbered_columns
from ocop_desktop.services.settings import KIND_BY_KEY
from ocop_desktop.services.tamper import ChainCheck, check_log  # noqa: F401  (`ocop check`'s reading of the log)

DEFAULT_LIMIT = 2_000  # newest entries shown at once; filters narrow down further
# The column that names a record of each table, for "which record" in the log.
# Table -> the column naming its records (domain/schema); app_meta's rows are named by their key,
# which the log already holds as the record's id.
LABEL_COLUMNS = {t: r.named_by for t, r in schema.RECORDS.items() if r.named_by and t != "app_meta"}
# Tables whose folded name column the activity log's search looks in.
SEARCHABLE = {"products": "name_folded", "producers": "name_folded", "survey_entries": "product_name_folded"}
# Coded values shown by their label: (table, column) -> enum.
ENUM_COLUMNS = {
    **schema.ENUM_FIELDS,  # statuses, kinds and levels as the record schema declares them
    ("app_meta", "office_kind"): lambda key: KIND_BY_KEY.get(key) or _unknown(key),  # «UBND xã», not «ubnd»
}


def _unknown(value: str) -> NoReturn:
    raise ValueError(value)


ACTION_LABELS = {
    "create": "Thêm mới",
    "update": "Sửa",
    "delete": "Xóa",
    "restore": "Khôi phục dữ liệu",
    "import": "Nhập gói",
    "excel": "Nhập từ Excel",
    "promote": "Tạo từ rà soát",
    "settings": "Thiết lập",
    "undo": "Hoàn tác",
    "merge": "Gộp",
    "evaluate": "Chấm điểm",
    "sample": "Nạp dữ liệu mẫu",
    "seal": "Niêm phong",
    "sender": "Đơn vị gửi và khóa ký",
    "reference": "Nạp dữ liệu tham chiếu",
    "archive": "Lưu trữ",
    "certify": "Công nhận",
    "revoke": "Thu hồi",
    "status": "Đổi trạng thái",
    "close": "Kết thúc đợt",
    "reopen": "Mở lại đợt",
    "export": "Gửi gói",
    "trust": "Tin cậy đơn vị gửi",
    "excel-undo": "Hoàn tác nhập từ Excel",
    "pipeline": "Chuyển giai đoạn lộ trình",
    "users": "Người dùng và vai trò",
    "dossier": "Ghi hồ sơ đánh giá",
}
SENDER_ACTION = "sender"  # one entry per imported package: which office and key vouched for its changes


@dataclass(frozen=True)
class ChangeDTO:
    field: str
    label: str
    old: str  # as shown: dates dd/mm/yyyy, numbers 1.234, "(trống)" for nothing
    new: str


@dataclass(frozen=True)
class AuditEntryDTO:
    seq: int
    at: datetime  # local time
    actor: str
    action: str
    action_label: str
    entity: str
    entity_label: str
    entity_id: str
    record: str  # the record's name now (or its last name in the log, if deleted)
    changes: tuple[ChangeDTO, ...]
    context: str

    @property
    def summary(self) -> str:
        return "; ".join(f"{c.label}: {c.old} → {c.new}" for c in self.changes)


@dataclass(frozen=True)
class AuditFilter:
    entity: str | None = None
    entity_id: str | None = None
    actor: str | None = None
    since: date | None = None  # local dates, both included
    until: date | None = None
    search: str | None = None  # part of a product, producer or survey entry name
    limit: int = DEFAULT_LIMIT


def action_label(action: str) -> str:
    head, _, kind = action.partition(":")
    if not kind:
        return ACTION_LABELS.get(head, head)
    return f"{ACTION_LABELS.get(head, head)}: {ACTION_LABELS.get(kind, kind).lower()}"


def _local(at: datetime) -> datetime:
    return at.replace(tzinfo=UTC).astimezone().replace(tzinfo=None)


def _utc(day: date) -> datetime:
    return datetime.combine(day, time()).astimezone(UTC).replace(tzinfo=None)


def shown_value(value: Any, key: str = "", table: str | None = None) -> str:
    """A logged value as the log reads (in Vietnamese, like its printed report), formatted by the
    kind of its field (domain.formatting): a proposed year 2025 reads "2025", not "2.025"."""
    if value is None or value == "" or value == {} or value == []:
        return str(formatting.EMPTY)
    if isinstance(value, bool):
        return str(formatting.YES if value else formatting.NO)
    if isinstance(value, (int, float)):
        kind = formatting.kind_of(key, table) if key else None
        # Stars are a number in a line of changes ("3 → 4"), as the form's field reads.
        return formatting.value(value, formatting.INTEGER if kind == formatting.STARS else kind)
    if isinstance(value, str):
        try:
            if len(value) == 10:
                return formatting.day(date.fromisoformat(value))
            if len(value) >= 19 and value[10] == "T":
                return formatting.moment(datetime.fromisoformat(value), utc=True)
        except ValueError:
            pass
        text = " ".join(value.split())
        return f"«{text[:80]}…»" if len(text) > 80 else f"«{text}»"
    text = structured_text(value, key) if isinstance(value, (dict, list)) else str(value)
    return text[:80] + ("…" if len(text) > 80 else "")


def _foreign_targets() -> dict[tuple[str, str], str]:
    """(table, column) -> referenced table, for showing a linked record's name instead of its id."""
    out = {}
    for table in Base.metadata.tables.values():
        for column in table.columns:
            for fk in column.foreign_keys:
                out[(table.name, column.name)] = fk.column.table.name
    out[("app_meta", "office_unit_id")] = "places"  # a setting, see _changes_of
    return out


def _changes_of(r: Any) -> dict[str, Any]:
    """The logged changes of an entry. A setting is a (key, value) row of app_meta: it is shown
    as a change of that setting, named by its label («Đơn vị của máy này»), never by its key."""
    changes = r.changes if isinstance(r.changes, dict) else {}
    if r.entity == "app_meta":
        value = changes.get("value")
        return {r.entity_id: value} if isinstance(value, list) else {}
    return changes


class AuditService:
    def __init__(self, make_uow: UowFactory) -> None:
        self._uow = make_uow
        self._targets = _foreign_targets()

    def entries(self, flt: AuditFilter = AuditFilter()) -> list[AuditEntryDTO]:
        """Newest first, at most flt.limit entries."""
        a = AuditEntry
        query = select(a.seq, a.at, a.actor, a.action, a.entity, a.entity_id, a.changes, a.context)
        if flt.entity:
            query = query.where(a.entity == flt.entity)
        if flt.entity_id:
            query = query.where(a.entity_id == flt.entity_id)
        if flt.actor:
            query = query.where(a.actor == flt.actor)
        if flt.since:
            query = query.where(a.at >= _utc(flt.since))
        if flt.until:
            query = query.where(a.at < _utc(flt.until + timedelta(days=1)))
        with self._uow() as uow:
            s = uow.session
            if flt.search and fold(flt.search):
                needle = like_pattern(flt.search)  # "%" typed finds a literal %, not everything
                matches = []
                for table_name, column in SEARCHABLE.items():
                    table = Base.metadata.tables[table_name]
                    ids = select(table.c.id).where(table.c[column].like(needle, escape="\\"))
                    matches.append((a.entity == table_name) & a.entity_id.in_(ids))
                query = query.where(or_(*matches))
            rows = s.execute(query.order_by(a.seq.desc()).limit(flt.limit)).all()
            names = self._names(s, rows)
            senders = _senders(s, {r.context for r in rows if (r.context or "").startswith("gói ")})
        return [self._dto(r, names, senders) for r in rows]

    def history(self, entity: str, entity_id: str) -> list[AuditEntryDTO]:
        """Every change to one record, newest first."""
        return self.entries(AuditFilter(entity=entity, entity_id=entity_id, limit=100_000))

    def entities(self) -> list[tuple[str, str]]:
        """(table, Vietnamese label) of the kinds of record in the log, for a filter."""
        with self._uow() as uow:
            names = uow.session.scalars(select(AuditEntry.entity).distinct()).all()
        return sorted(((n, limits.entity_label(n)) for n in names), key=lambda p: fold(p[1]))

    def actors(self) -> list[str]:
        with self._uow() as uow:
            return sorted(uow.session.scalars(select(AuditEntry.actor).distinct()).all(), key=fold)

    # -- labels -------------------------------------------------------------------------------------
    def _names(self, session: Session, rows: Iterable[Any]) -> dict[tuple[str, str], str]:
        wanted: dict[str, set[str]] = defaultdict(set)
        for r in rows:
            if r.entity in LABEL_COLUMNS:
                wanted[r.entity].add(r.entity_id)
            for key, pair in _changes_of(r).items():
                target = self._targets.get((r.entity, key))
                if target in LABEL_COLUMNS and isinstance(pair, list):
                    wanted[target].update(v for v in pair if isinstance(v, str))
        names: dict[tuple[str, str], str] = {}
        for table_name, ids in wanted.items():
            table = Base.metadata.tables[table_name]
            column = table.c[LABEL_COLUMNS[table_name]]
            id_list = sorted(ids)
            for start in range(0, len(id_list), 500):
                chunk = id_list[start : start + 500]
                for row_id, label in session.execute(select(table.c.id, column).where(table.c.id.in_(chunk))):
                    names[(table_name, row_id)] = label or ""
        return names

    def _dto(self, r: Any, names: dict[tuple[str, str], str], senders: dict[str, str]) -> AuditEntryDTO:
        changes = _changes_of(r)
        record = names.get((r.entity, r.entity_id))
        if r.entity == "app_meta":
            record = limits.field_label(r.entity_id or "", "app_meta")
        if record is None:  # deleted since, or a table without a name: the log's own last name
            column = LABEL_COLUMNS.get(r.entity)
            pair = changes.get(column) if column else None
            record = next((v for v in reversed(pair) if v), "") if isinstance(pair, list) else ""
        out = []
        for key in sorted(changes, key=lambda k: (k != "id", k)):
            pair = changes[key]
            if key == "id" or not isinstance(pair, list) or len(pair) != 2:
                continue
            target = self._targets.get((r.entity, key))
            enum = ENUM_COLUMNS.get((r.entity, key))
            old, new = (self._value(v, target, enum, names) for v in pair)
            out.append(
                ChangeDTO(
                    key,
                    limits.field_label(key, r.entity),
                    shown_value(old, key, r.entity),
                    shown_value(new, key, r.entity),
                )
            )
        return AuditEntryDTO(
            seq=r.seq,
            at=_local(r.at),
            actor=r.actor or "",
            action=r.action or "",
            action_label=action_label(r.action or ""),
            entity=r.entity or "",
            entity_label=limits.entity_label(r.entity or ""),
            entity_id=r.entity_id or "",
            record=record or "",
            changes=tuple(out),
            context=senders.get(r.context, r.context or ""),
        )

    @staticmethod
    def _value(value: Any, target: str | None, enum: Any, names: dict[tuple[str, str], str]) -> Any:
        if target and isinstance(value, str):
            return names.get((target, value), value)
        if enum is not None and isinstance(value, str):
            try:
                return enum(value).label
            except ValueError:
                return value
        return value

    # -- printing -----------------------------------------------------------------------------------
    def write_pdf(
        self,
        path: Path,
        flt: AuditFilter = AuditFilter(),
        title: str = "",
        today: date | None = None,
        sign: bool = True,
    ) -> Path:
        """The log as filtered, as a sealed PDF (services/report_seal); ``sign`` adds its ``.sig``."""
        from ocop_desktop.services.report_seal import write_sealed  # noqa: PLC0415

        return write_sealed(self._uow, self.report(flt, title=title, today=today), "pdf", Path(path), sign=sign)

    def report(self, flt: AuditFilter = AuditFilter(), title: str = "", today: date | None = None) -> Report:
        """The entries as an administrative document (services/reports' layout and header)."""
        today = today or date.today()
        rows = self.entries(flt)
        columns = numbered_columns(schema.AUDIT_LOG.view(schema.REPORT), number_width=6)  # domain/schema/safety.py
        data: list[Mapping[str, Any]] = [
            {
                "stt": i,
                "seq": e.seq,
                "at": f"{e.at:%d/%m/%Y %H:%M}",
                "actor": e.actor,
                "action": e.action_label,
                "record": f"{e.entity_label}: {e.record}" if e.record else e.entity_label,
                "summary": e.summary + (f" ({e.context})" if e.context and e.context not in e.summary else ""),
            }
            for i, e in enumerate(rows, start=1)
        ]
        span = []
        if flt.since:
            span.append(f"từ ngày {flt.since:%d/%m/%Y}")
        if flt.until:
            span.append(f"đến ngày {flt.until:%d/%m/%Y}")
        subtitle = title or "Nhật ký thay đổi dữ liệu" + (f" {' '.join(span)}" if span else "")
        report = Report(
            kind="audit",
            title="BÁO CÁO",
            subtitle=subtitle,
            columns=columns,
            sections=[ReportSection(heading="", rows=data)],
            landscape=True,
            intro=f"Gồm {len(rows)} mục, mới nhất trước. Mỗi mục ghi ai, lúc nào, thay đổi bản ghi nào, "
            "giá trị cũ và mới.",
        )
        if len(rows) >= flt.limit:
            report.notes.append(f"Chỉ in {flt.limit} mục mới nhất; hãy lọc theo ngày để in các mục cũ hơn.")
        report.header = DocumentService(self._uow).header("audit", today)  # issuer valid on the day
        return report


def record_signer(session: Session, package_id: str, office: str, unit_id: str | None, fingerprint: str) -> None:
    """Chain, beside a package's changes (same context), which office sent it and which key signed
    it: the receiver's log says who vouched for each imported change."""
    session.add(
        AuditEntry(
            actor=session.info.get("actor") or "",
            action=SENDER_ACTION,
            entity="exchange_imports",
            entity_id=package_id,
            context=f"gói {package_id}",
            changes={"sender": [None, office], "unit_id": [None, unit_id], "signer_fingerprint": [None, fingerprint]},
        )
    )


def _senders(session: Session, contexts: set[str]) -> dict[str, str]:
    """Context "gói …" -> the same with the sending office and its key, as the log recorded them."""
    if not contexts:
        return {}
    out = {}
    query = select(AuditEntry.context, AuditEntry.changes).where(
        AuditEntry.action == SENDER_ACTION, AuditEntry.context.in_(sorted(contexts))
    )
    for context, changes in session.execute(query):
        office = (changes.get("sender") or [None, ""])[1] or "?"
        key = (changes.get("signer_fingerprint") or [None, ""])[1]
        signed = f"khóa {short_fingerprint(key)}" if key else "không ký"
        out[context] = f"{context} — từ {office}, {signed}"
    return out

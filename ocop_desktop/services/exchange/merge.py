"""Receiving: compare a verified package with this database, record by record, before anything changes.

Every record carries its version (updated_at, kept as it travels) and this database remembers,
per record, the version it last exchanged (sync_state). Since then:
  changed here  = the local version is newer than the exchanged one;
  changed there = the package's version is newer than the exchanged one.
A record never exchanged has no such version; then a copy counts as changed when it was edited
at all (the audit log here; the package's "_pristine" mark there). This matters at a district
merging ten communes: each holds the same ten survey submissions from the letter, and a commune's
untouched copy of its neighbour's row must never undo what the neighbour sent.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ocop_desktop.domain import limits
from ocop_desktop.domain.language import ENGLISH, Text, english
from ocop_desktop.domain.numbers import format_vn_date
from ocop_desktop.exports.package import PackageError, VerifiedPackage
from ocop_desktop.persistence.models import (
    Base,
    InboxEntry,
    OutboxEntry,
    Place,
    Producer,
    Product,
    SurveyCampaign,
    Task,
    UnitSubmission,
)
from ocop_desktop.services.exchange.authority import check_authority, package_sender
from ocop_desktop.services.exchange.dto import FieldDiff, ImportPreview, Outcome, PackageInfo, RecordChange
from ocop_desktop.services.exchange.records import (
    BY_NAME,
    ENTITIES,
    PRISTINE,
    Entity,
    _chunks,
    created_by_import,
    decode_record,
    display_value,
    field_label,
    local_rows,
    locally_edited,
    sync_states,
)

REFERENCE_LABELS = {
    "places": "địa bàn",
    "product_groups": "nhóm sản phẩm",
    "product_sets": "bộ sản phẩm",
    "rule_sets": "bộ tiêu chí",
    "scorecards": "phiếu chấm",
}
MAX_LISTED = 12


@dataclass
class Item:
    entity: Entity
    record_id: str  # the local id (a submission may be matched by campaign and unit)
    outcome: Outcome
    there: dict[str, Any] | None  # None for a deletion
    here: dict[str, Any] | None
    pristine_there: bool = False
    sync: tuple[datetime, str] | None = None
    diffs: list[str] = field(default_factory=list)
    deleted_there: bool = False
    reason: str = ""

    @property
    def key(self) -> str:
        return f"{self.entity.name}/{self.record_id}"


@dataclass
class Plan:
    package: VerifiedPackage
    info: PackageInfo
    items: list[Item]
    preview: ImportPreview
    inbox: InboxEntry | None


def _when(text: Any) -> datetime | None:
    try:
        return datetime.fromisoformat(text) if isinstance(text, str) else None
    except ValueError:
        return None


def package_info(pkg: VerifiedPackage) -> PackageInfo:
    m = pkg.manifest
    sender = m.get("sender") or {}
    counts = {k: v for k, v in (m.get("counts") or {}).items() if isinstance(v, int)}
    return PackageInfo(
        package_id=m["package_id"],
        file_name=pkg.path.name,
        sha256=pkg.sha256,
        sender_unit=str(sender.get("unit_name") or ""),
        sender_unit_id=sender.get("unit_id") or None,
        sender_user=str(sender.get("user_name") or ""),
        created_at=_when(m.get("created_at")),
        app_version=str((m.get("application") or {}).get("version") or ""),
        schema_version=m["schema_version"],
        scope=str(m.get("scope") or "all"),
        since=_when(m.get("since")),
        counts=counts,
        reports=pkg.reports,
        note=str(m.get("note") or ""),
    )


class Names:
    """Names for ids shown to people: places, products, campaigns … from the package or here."""

    _LOCAL = ((Place, "name"), (Product, "name"), (Producer, "name"), (Task, "title"))

    def __init__(self, session: Session | None, pkg: VerifiedPackage) -> None:
        self._session = session
        self._known: dict[str, str] = {}
        for entity in ("products", "producers", "tasks", "survey_campaigns"):
            for r in pkg.data.get(entity, []):
                if isinstance(r.get("id"), str):
                    self._known[r["id"]] = self._name(entity, r)

    @staticmethod
    def _name(entity: str, r: dict[str, Any]) -> str:
        if entity == "survey_campaigns":
            return f"rà soát năm {r.get('year')}"
        return str(r.get("title") if entity == "tasks" else r.get("name") or "")

    def __call__(self, record_id: str | None) -> str:
        if not record_id:
            return ""
        if record_id not in self._known and self._session is not None:
            name = ""
            for model, attr in self._LOCAL:
                name = self._session.scalar(select(getattr(model, attr)).where(model.id == record_id)) or ""
                if name:
                    break
            if not name:
                year = self._session.scalar(select(SurveyCampaign.year).where(SurveyCampaign.id == record_id))
                name = f"rà soát năm {year}" if year else ""
            self._known[record_id] = name
        return self._known.get(record_id, "")


def _refuse(problems: list[str], head: str) -> None:
    if problems:
        more = f" … và {len(problems) - MAX_LISTED} vấn đề khác" if len(problems) > MAX_LISTED else ""
        more_en = f" … and {len(problems) - MAX_LISTED} other problems" if len(problems) > MAX_LISTED else ""
        raise PackageError(
            Text(
                f"{head}: " + "; ".join(problems[:MAX_LISTED]) + more + ". Không có gì được nhập.",
                f"{english(head)}: "
                + "; ".join(english(p) for p in problems[:MAX_LISTED])
                + more_en
                + ". Nothing was imported.",
            )
        )


Decoded = dict[str, list[tuple[dict[str, Any], bool]]]  # entity -> [(values, pristine there)]


def _title(entity: Entity, raw: dict[str, Any], names: Names) -> str:
    """How a record of the package is named in a message, even when its values are malformed."""
    try:
        title = entity.title(raw, names)
    except (TypeError, ValueError, AttributeError):  # an id that is a list, a name that is a number …
        title = ""
    return title if title.strip(" ,—()") else f"mã {str(raw.get('id'))[:40]}"


def decode_package(pkg: VerifiedPackage) -> Decoded:
    """Every record's values, typed and checked without the database; raises PackageError."""
    names = Names(None, pkg)
    out: dict[str, list[tuple[dict[str, Any], bool]]] = {}
    problems: list[str] = []
    for entity in ENTITIES:
        seen: set[Any] = set()  # ids as sent, malformed ones too
        rows = []
        for raw in pkg.data.get(entity.name, []):
            values, errors = decode_record(entity, raw)
            title = _title(entity, raw, names)
            label_en = limits.entity_label(entity.name, ENGLISH)
            problems += [Text(f"{entity.label} «{title}»: {e}", f"{label_en} «{title}»: {english(e)}") for e in errors]
            if values.get("id") in seen:
                problems.append(
                    Text(
                        f"{entity.label} «{title}» có hai lần trong gói",
                        f"{label_en} «{title}» is twice in the package",
                    )
                )
            seen.add(values.get("id"))
            rows.append((values, raw.get(PRISTINE) is True))
        out[entity.name] = rows
    _refuse(
        problems,
        Text(
            "Gói có dữ liệu không hợp lệ (gói bị hỏng hoặc không do OCOP Desktop tạo ra)",
            "The package has data that are not valid (it is damaged or was not made by OCOP Desktop)",
        ),
    )
    return out


def _classify(item: Item, here_edited: bool) -> None:
    here, there = item.here, item.there
    assert here is not None and there is not None  # a record sent that is stored here too
    item.diffs = [k for k in item.entity.content_columns if k in there and here.get(k) != there[k]]
    if not item.diffs:
        item.outcome = Outcome.SAME
        return
    if item.sync is not None:
        synced = item.sync[0]
        changed_here = here["updated_at"] > synced
        changed_there = not item.pristine_there and there["updated_at"] > synced
    else:
        changed_here, changed_there = here_edited, not item.pristine_there
    if changed_there and changed_here:
        item.outcome = Outcome.CONFLICT
        item.reason = "Đã sửa ở cả hai nơi kể từ lần trao đổi trước."
    elif changed_there:
        item.outcome = Outcome.UPDATE
    else:
        item.outcome = Outcome.KEPT
        item.reason = (
            "Bản ở đây mới hơn bản trong gói." if changed_here else "Bản trong gói chưa từng được sửa ở nơi gửi."
        )


def _match_submissions(session: Session, rows: list[tuple[dict[str, Any], bool]]) -> dict[str, str]:
    """Incoming id -> local id of the same campaign and unit (one submission per unit and campaign)."""
    campaigns = sorted({v["campaign_id"] for v, _ in rows if v.get("campaign_id")})
    local: dict[tuple[str, str], str] = {}
    for chunk in _chunks(campaigns):
        query = select(UnitSubmission.id, UnitSubmission.campaign_id, UnitSubmission.unit_id).where(
            UnitSubmission.campaign_id.in_(chunk)
        )
        local.update({(c, u): i for i, c, u in session.execute(query)})
    return {
        v["id"]: local[k]
        for v, _ in rows
        if (k := (v.get("campaign_id"), v.get("unit_id"))) in local and local[k] != v["id"]
    }


def _records(session: Session, entity: Entity, rows: list[tuple[dict[str, Any], bool]]) -> list[Item]:
    remap = _match_submissions(session, rows) if entity.name == "unit_submissions" else {}
    ids = [remap.get(v["id"], v["id"]) for v, _ in rows]
    here = local_rows(session, entity, ids)
    synced = sync_states(session, entity.name, ids)
    edited = locally_edited(session, entity.name, ids)
    items = []
    for (values, pristine), record_id in zip(rows, ids, strict=False):
        values = dict(values, id=record_id)
        item = Item(entity, record_id, Outcome.NEW, values, here.get(record_id), pristine, synced.get(record_id))
        if item.here is not None:
            _classify(item, record_id in edited)
        items.append(item)
    return items


def _deletions(session: Session, pkg: VerifiedPackage, sent: set[str]) -> list[Item]:
    problems: list[str] = []
    wanted: dict[str, list[str]] = {}
    for raw in pkg.deleted:
        entity = BY_NAME.get(str(raw.get("entity")))
        if entity is None or not entity.deletable or not isinstance(raw.get("id"), str):
            problems.append(
                Text(
                    f"một bản ghi đã xóa (mã {str(raw.get('id'))[:40]}) không hợp lệ",
                    f"a deleted record (id {str(raw.get('id'))[:40]}) is not valid",
                )
            )
            continue
        if f"{entity.name}/{raw['id']}" not in sent:
            wanted.setdefault(entity.name, []).append(raw["id"])
    _refuse(
        problems,
        Text("Danh sách bản ghi đã xóa trong gói không hợp lệ", "The package's list of deleted records is not valid"),
    )
    items = []
    for name, ids in wanted.items():
        entity = BY_NAME[name]
        here = local_rows(session, entity, ids)
        synced = sync_states(session, name, list(here))
        edited = locally_edited(session, name, list(here))
        received = created_by_import(session, name, list(here))
        for record_id, values in here.items():
            item = Item(entity, record_id, Outcome.DELETE, None, values, sync=synced.get(record_id), deleted_there=True)
            changed_here = values["updated_at"] > item.sync[0] if item.sync else record_id in edited
            # Whether the sender may delete the record at all (its unit, who made it): authority.py.
            if changed_here:
                item.outcome, item.reason = Outcome.CONFLICT, "Đã xóa ở nơi gửi nhưng đã sửa ở đây."
            elif item.sync is None and record_id not in received:
                item.outcome, item.reason = Outcome.KEPT, "Bản ghi này không nhận qua trao đổi nên không xóa."
            items.append(item)
    return items


def _check_references(session: Session, items: list[Item], names: Names) -> None:
    """Every record the package adds or changes must point at records that exist after the import."""
    arriving = {(i.entity.name, i.record_id) for i in items if i.outcome is Outcome.NEW}
    wanted: dict[str, set[str]] = {}
    for item in items:
        if item.there is None or item.outcome in (Outcome.SAME, Outcome.KEPT):
            continue
        for column, parent in item.entity.parents.items():
            value = item.there.get(column)
            if value and (parent, value) not in arriving:
                wanted.setdefault(parent, set()).add(value)
    present: set[tuple[str, str]] = set()
    for parent, ids in wanted.items():
        table = Base.metadata.tables[parent]
        for chunk in _chunks(sorted(ids)):
            present.update((parent, i) for i in session.scalars(select(table.c.id).where(table.c.id.in_(chunk))))
    problems: list[str] = []
    for item in items:
        if item.there is None or item.outcome in (Outcome.SAME, Outcome.KEPT):
            continue
        for column, parent in item.entity.parents.items():
            value = item.there.get(column)
            if value and (parent, value) not in arriving and (parent, value) not in present:
                what = REFERENCE_LABELS.get(parent) or (BY_NAME[parent].label.lower() if parent in BY_NAME else parent)
                title = item.entity.title(item.there, names)
                problems.append(
                    Text(
                        f"{item.entity.label} «{title}» cần {what} "
                        f"mã {value} ({field_label(column, item.entity.name)}) mà ở đây chưa có và gói không mang theo",
                        f"{limits.entity_label(item.entity.name, ENGLISH)} «{title}» needs "
                        f"{limits.entity_label(parent, ENGLISH).lower()} {value} "
                        f"({limits.field_label(column, item.entity.name, ENGLISH)}), which is not here and not in the package",
                    )
                )
    hint = Text(
        "Gói thiếu dữ liệu mà bản ghi trong gói cần. Nếu thiếu địa bàn, nhóm hay bộ tiêu chí, hãy cập nhật "
        "OCOP Desktop ở nơi nhận; nếu thiếu bản ghi khác, hãy xin đơn vị gửi một gói «toàn bộ dữ liệu»",
        "The package lacks data its records need. If a place, a group or a set of criteria is missing, update "
        "OCOP Desktop where it is received; if other records are missing, ask the sending office for a «all data» package",
    )
    _refuse(problems, hint)


HELD = (Outcome.NEW, Outcome.UPDATE, Outcome.CONFLICT, Outcome.DELETE)


def _hold_closed_campaigns(session: Session, items: list[Item]) -> None:
    """A campaign closed here takes no more rows from a package, as from the grid or an Excel file
    (services/surveys.py): its rows are listed as kept, with the reason and the way to take them."""
    rows = [i for i in items if i.entity.name == "survey_entries" and i.outcome in HELD]
    wanted = sorted({(i.there or i.here or {}).get("campaign_id") or "" for i in rows} - {""})
    closed: dict[str, tuple[int, date]] = {}  # only closed campaigns are read
    for chunk in _chunks(wanted):
        query = select(SurveyCampaign.id, SurveyCampaign.year, SurveyCampaign.closed_on).where(
            SurveyCampaign.id.in_(chunk), SurveyCampaign.closed_on.is_not(None)
        )
        closed.update({cid: (year, on) for cid, year, on in session.execute(query) if on is not None})
    for item in rows:
        held = closed.get((item.there or item.here or {}).get("campaign_id") or "")
        if held is not None:
            item.outcome = Outcome.KEPT
            item.reason = (
                f"Đợt rà soát năm {held[0]} đã kết thúc ở đây ngày {format_vn_date(held[1])} nên dòng này "
                "không được nhận. Nếu cần nhận, hãy mở lại đợt (Rà soát sản phẩm → Đợt rà soát → "
                "Mở lại đợt này), hoàn tác lần nhập gói này rồi nhập lại gói."
            )


def _warnings(session: Session, items: list[Item]) -> list[str]:
    out = []
    new_producers = [
        i.there for i in items if i.entity.name == "producers" and i.outcome is Outcome.NEW and i.there is not None
    ]
    taxes = {p["tax_code"]: p for p in new_producers if p.get("tax_code")}
    for chunk in _chunks(sorted(taxes)):
        for name, tax in session.execute(select(Producer.name, Producer.tax_code).where(Producer.tax_code.in_(chunk))):
            out.append(
                f"Chủ thể mới «{taxes[tax]['name']}» có cùng mã số thuế {tax} với chủ thể «{name}» ở đây; "
                "có thể là một chủ thể được nhập hai lần, hãy kiểm tra sau khi nhập."
            )
    for item in items:
        if item.entity.name == "survey_campaigns" and item.outcome is Outcome.NEW and item.there is not None:
            other = session.scalar(select(SurveyCampaign.title).where(SurveyCampaign.year == item.there.get("year")))
            if other:
                out.append(
                    f"Gói có đợt rà soát năm {item.there.get('year')} khác với đợt «{other}» ở đây; "
                    "sau khi nhập sẽ có hai đợt cùng năm."
                )
    return out


def _change(item: Item, names: Names) -> RecordChange:
    values = item.there if item.there is not None else item.here
    assert values is not None  # a record is sent, stored here, or both
    fields = (
        tuple(
            FieldDiff(
                k,
                field_label(k, item.entity.name),
                display_value(item.here.get(k), names, k),
                display_value(item.there.get(k), names, k),
            )
            for k in item.diffs
        )
        if item.here is not None and item.there is not None
        else ()
    )
    return RecordChange(
        item.entity.name,
        item.entity.label,
        item.record_id,
        item.entity.title(values, names),
        item.outcome,
        fields,
        item.reason,
        item.deleted_there,
    )


def make_plan(session: Session, pkg: VerifiedPackage, decoded: Decoded) -> Plan:
    """Classify every record of the package; raises PackageError when the package cannot be taken."""
    info = package_info(pkg)
    sent = session.scalar(select(OutboxEntry.created_at).where(OutboxEntry.package_id == info.package_id))
    if sent is not None:
        raise PackageError(
            Text(
                f"Gói này do chính máy này tạo ra lúc {sent:%d/%m/%Y %H:%M} (UTC); không nhập lại gói "
                "của mình. Hãy chọn gói nhận được từ đơn vị khác.",
                f"This package was made by this computer itself at {sent:%d/%m/%Y %H:%M} (UTC); an office does not import "
                "its own package again. Choose a package received from another office.",
            )
        )
    sender = package_sender(
        session, info.sender_unit_id, info.sender_unit, pkg.signer.fingerprint if pkg.signer is not None else None
    )
    inbox = session.scalar(select(InboxEntry).where(InboxEntry.package_id == info.package_id))
    if inbox is not None and inbox.undone_at is None:
        preview = ImportPreview(info, (), {}, already_imported_at=inbox.imported_at)
        return Plan(pkg, info, [], preview, inbox)
    names = Names(session, pkg)
    items: list[Item] = []
    for entity in ENTITIES:
        items += _records(session, entity, decoded[entity.name])
    items += _deletions(session, pkg, {i.key for i in items})
    _hold_closed_campaigns(session, items)
    # What this sender may change (its area, its level's certifications), before anything is written.
    check_authority(session, items, sender, names)
    _check_references(session, items, names)
    counts: dict[str, int] = {}
    for item in items:
        counts[item.outcome.value] = counts.get(item.outcome.value, 0) + 1
    changes = tuple(_change(i, names) for i in items if i.outcome is not Outcome.SAME)
    preview = ImportPreview(info, changes, counts, warnings=tuple(_warnings(session, items)))
    return Plan(pkg, info, items, preview, inbox)

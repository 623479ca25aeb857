"""What a sending office may change here: records of its own area, and only the certifications of its level.

The rules are data (resources/reference/exchange_authority.json; who certifies which stars is the
«authority» block of rule_sets.json). They are checked on the plan, before anything is written:
- a record of another unit, or one the package moves out of the sender's area, or a deletion
  outside it, is held back (kept, with the reason): a province merging 45 communes takes the rest;
- a certification (stars, certificate, a certified evaluation) beyond what the sender's level
  certifies refuses the whole package: a commune cannot write one, so the sender is forged or broken.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ocop_desktop.domain.enums import COMMUNE_KINDS, DISTRICT_KINDS, PROVINCE_KINDS
from ocop_desktop.domain.language import Text, english
from ocop_desktop.domain.rules import RuleSet
from ocop_desktop.exports.package import PackageError
from ocop_desktop.persistence.models import AppMeta, AuditEntry, InboxEntry, Place, TrustedSender
from ocop_desktop.persistence.models.reference import RuleSetRow
from ocop_desktop.services.exchange.dto import Outcome
from ocop_desktop.services.exchange.records import BY_NAME, _chunks, display_value, field_label, local_rows
from ocop_desktop.services.places import covered_place_ids
from ocop_desktop.services.reference import read_json, to_rule_set

if TYPE_CHECKING:  # merge.py imports this module
    from ocop_desktop.services.exchange.merge import Item

Names = Callable[[str | None], str]

RULES_FILE = "reference/exchange_authority.json"
CHANGING = (Outcome.NEW, Outcome.UPDATE, Outcome.CONFLICT, Outcome.DELETE)
MAX_LISTED = 12


@lru_cache(maxsize=1)
def rules() -> dict[str, Any]:
    data: dict[str, Any] = read_json(RULES_FILE)
    return data


def level_of(kind: str | None) -> str | None:
    """The level (an EvaluationLevel value) of an office from its unit's kind."""
    if kind in COMMUNE_KINDS:
        return "xa"
    if kind in DISTRICT_KINDS:
        return "huyen"
    if kind in PROVINCE_KINDS:
        return "tinh"
    return None


def rank(level: str | None) -> int:
    ranks = rules()["ranks"]
    return ranks.index(level) if level in ranks else -1


def level_name(level: str | None) -> str:
    return str(rules()["levels"].get(level or "", "cấp không xác định"))


@dataclass(frozen=True)
class Sender:
    unit_id: str | None
    name: str
    level: str | None
    area: frozenset[str]

    @property
    def title(self) -> str:
        return f"{self.name} ({level_name(self.level)})"


def sender_of(session: Session, unit_id: str | None, name: str) -> Sender:
    place = session.get(Place, unit_id) if unit_id else None
    if place is None:
        return Sender(None, name or "đơn vị không ghi tên", None, frozenset())
    return Sender(place.id, place.name, level_of(place.kind), frozenset(covered_place_ids(session, place.id)))


# -- certifications --------------------------------------------------------------------------------
class RuleSets:
    """Rule sets by id, and the one in force on a day, read once per check."""

    def __init__(self, session: Session) -> None:
        rows = list(session.scalars(select(RuleSetRow).order_by(RuleSetRow.effective_from)))
        self.by_id = {r.id: to_rule_set(r) for r in rows}
        self.ordered = [self.by_id[r.id] for r in rows]

    def find(self, rule_set_id: str | None, day: date | None) -> RuleSet | None:
        if rule_set_id in self.by_id:
            return self.by_id[rule_set_id]
        if day is not None:
            hit = next((r for r in reversed(self.ordered) if r.in_force_on(day)), None)
            if hit is not None:
                return hit
        return self.ordered[-1] if self.ordered else None


def may_certify(rule_set: RuleSet | None, level: str | None, stars: int | None) -> tuple[bool, str]:
    """(allowed, who certifies these stars): a level certifies what it or a level below it certifies."""
    if rule_set is None or not rule_set.authorities:
        return rank(level) >= rank("tinh"), "cấp tỉnh trở lên"
    if stars is None:
        allowed = any(a.certifies for a in rule_set.authorities if 0 <= rank(a.level) <= rank(level))
        return allowed, "cấp có thẩm quyền công nhận"
    certifier = rule_set.certifier(stars)
    who = certifier.title if certifier else "không cấp nào (hạng này không được công nhận)"
    allowed = certifier is not None and 0 <= rank(certifier.level) <= rank(level)
    return allowed, who


def _shown(value: Any, key: str) -> str:
    """A value as the conflict table shows it: labels of statuses, dd/mm/yyyy, 1.234,5."""
    return display_value(value, lambda _id: "", key)


def _product_certification(item: Item, sender: Sender, sets: RuleSets) -> str | None:
    spec = rules()["certification"]["products"]
    there, here = item.there, item.here or {}
    assert there is not None  # only records the package carries are checked
    status = spec["status_field"]
    if item.here is None:
        touched = [f for f in spec["fields"] if there.get(f) not in (None, "")]
        status_changed = there.get(status) in spec["statuses"]
    else:
        touched = [f for f in spec["fields"] if f in item.diffs]
        status_changed = status in item.diffs and (
            there.get(status) in spec["statuses"] or here.get(status) in spec["statuses"]
        )
    if status_changed:
        touched.insert(0, status)
    if not touched:
        return None
    stars = (
        there.get(spec["stars_field"]) if there.get(spec["stars_field"]) is not None else here.get(spec["stars_field"])
    )
    rule_set = sets.find(there.get(spec["rule_set_field"]), there.get(spec["day_field"]))
    allowed, who = may_certify(rule_set, sender.level, stars)
    if allowed:
        return None
    shown = ", ".join(f"«{field_label(f, item.entity.name)}» {_shown(there.get(f), f)}" for f in touched)
    what = f"công nhận {stars} sao" if stars else "ghi công nhận, hạng sao"
    code = f" theo {rule_set.code}" if rule_set else ""
    return (
        f"Sản phẩm «{item.entity.title(there, lambda _: '')}»: gói ghi {shown}; quy tắc: {what}{code} là việc của "
        f"{who}, {level_name(sender.level)} không có quyền"
    )


def _evaluation_certification(item: Item, sender: Sender, sets: RuleSets, names: Names) -> str | None:
    spec = rules()["certification"]["evaluations"]
    there, here = item.there, item.here or {}
    assert there is not None  # only records the package carries are checked
    flag = spec["flag_field"]
    if not there.get(flag) and not here.get(flag):
        return None
    if here.get(flag) and not set(spec["fields"]) & set(item.diffs):
        return None  # a note on a certified evaluation, its certification unchanged
    certified = bool(there.get(flag))  # False: the package withdraws a certification made here
    source = there if certified else here
    stars, level = source.get(spec["stars_field"]), source.get(spec["level_field"])
    rule_set = sets.find(there.get(spec["rule_set_field"]), there.get(spec["day_field"]))
    allowed, who = may_certify(rule_set, sender.level, stars)
    if allowed and rank(level) <= rank(sender.level):
        return None
    code = f" theo {rule_set.code}" if rule_set else ""
    what = "được ghi là «Được công nhận»" if certified else "bị bỏ «Được công nhận»"
    return (
        f"Kết quả đánh giá «{item.entity.title(there, names)}» ({level_name(level)}, {stars} sao, "
        f"{_shown(source.get('total'), 'total')} điểm) {what}; quy tắc: công nhận {stars} sao{code} "
        f"là việc của {who}, {level_name(sender.level)} không có quyền"
    )


def _check_key_level(session: Session, sender: Sender, fingerprint: str | None) -> None:
    """A key trusted here for one office does not sign as an office of a higher level."""
    if not fingerprint or sender.level is None:
        return
    rows = session.scalars(
        select(TrustedSender).where(TrustedSender.fingerprint == fingerprint, TrustedSender.revoked_at.is_(None))
    )
    for row in rows:
        place = session.get(Place, row.unit_id) if row.unit_id else None
        if place is not None and place.id != sender.unit_id and rank(level_of(place.kind)) < rank(sender.level):
            raise PackageError(
                Text(
                    f"Gói mang tên {sender.title} nhưng được ký bằng khóa của {place.name} "
                    f"({level_name(level_of(place.kind))}); quy tắc: một đơn vị không gửi dữ liệu thay đơn vị cấp trên. "
                    "Gói bị giả mạo hoặc máy gửi khai sai đơn vị. Không có gì được nhập.",
                    f"The package bears the name {sender.title} but is signed with the key of {place.name} "
                    f"({level_name(level_of(place.kind))}); the rule: an office does not send data for a higher office. "
                    "The package is forged or the sending computer names the wrong office. Nothing was imported.",
                )
            )


# -- each record's unit ----------------------------------------------------------------------------
class Units:
    """The unit a record belongs to, following its parents (a progress note: its task's unit)."""

    def __init__(self, session: Session, items: list[Item]) -> None:
        self._session = session
        self._there: dict[str, dict[str, dict[str, Any]]] = {}
        for item in items:
            if item.there is not None:
                self._there.setdefault(item.entity.name, {})[item.record_id] = item.there
        self._here: dict[str, dict[str, dict[str, Any] | None]] = {}

    def _local(self, table: str, ids: Iterable[str]) -> dict[str, dict[str, Any] | None]:
        known = self._here.setdefault(table, {})
        missing = sorted({i for i in ids if i and i not in known})
        if missing:
            found = local_rows(self._session, BY_NAME[table], missing)
            for i in missing:
                known[i] = found.get(i)
        return known

    def resolve(self, entity: str, rows: list[dict[str, Any] | None], package_first: bool) -> list[str | None]:
        path = rules()["record_unit"].get(entity, [])
        if not path:
            return [None] * len(rows)
        current = list(rows)
        while len(path) > 1:
            column, parent = path[0], path[1]
            ids = [r.get(column) if r else None for r in current]
            local = self._local(
                parent, [i for i in ids if i and not (package_first and i in self._there.get(parent, {}))]
            )
            there = self._there.get(parent, {}) if package_first else {}
            current = [(there.get(i) or local.get(i)) if i else None for i in ids]
            path = path[2:]
        return [r.get(path[0]) if r else None for r in current]


def _origins(session: Session, entity: str, ids: list[str]) -> dict[str, str | None]:
    """Who made each record: the unit whose package created it here, else this office (None)."""
    contexts: dict[str, str] = {}
    query = select(AuditEntry.entity_id, AuditEntry.context).where(
        AuditEntry.entity == entity, AuditEntry.action == "import:create"
    )
    for chunk in _chunks(ids):
        contexts.update(dict(session.execute(query.where(AuditEntry.entity_id.in_(chunk))).all()))
    packages = sorted({c.removeprefix("gói ").strip() for c in contexts.values()})
    senders: dict[str, str | None] = {}
    for chunk in _chunks(packages):
        senders.update(
            dict(
                session.execute(
                    select(InboxEntry.package_id, InboxEntry.sender_unit_id).where(InboxEntry.package_id.in_(chunk))
                ).all()
            )
        )
    return {i: senders.get(contexts[i].removeprefix("gói ").strip()) if i in contexts else None for i in ids}


def _hold(item: Item, reason: str) -> None:
    item.outcome = Outcome.KEPT
    item.reason = reason


def package_sender(session: Session, unit_id: str | None, name: str, fingerprint: str | None) -> Sender:
    """The office the package names, its level and area; refuses (PackageError) a key trusted here
    for an office of a lower level that signs in a higher one's name."""
    sender = sender_of(session, unit_id, name)
    _check_key_level(session, sender, fingerprint)
    return sender


def check_authority(session: Session, items: list[Item], sender: Sender, names: Names) -> None:
    """Hold back what the sender may not change, refuse (PackageError) a certification it may not write."""
    changing = [i for i in items if i.outcome in CHANGING]
    sets: RuleSets | None = None  # read once, when a product or an evaluation comes
    forged: list[str | None] = []
    for item in changing:
        if item.there is None:
            continue
        if item.entity.name not in ("products", "evaluations"):
            continue
        if sets is None:
            sets = RuleSets(session)
        if item.entity.name == "products":
            forged.append(_product_certification(item, sender, sets))
        else:
            forged.append(_evaluation_certification(item, sender, sets, names))
    refused = [f for f in forged if f]
    if refused:
        more = f" … và {len(refused) - MAX_LISTED} bản ghi khác" if len(refused) > MAX_LISTED else ""
        raise PackageError(
            Text(
                f"Gói của {sender.title} ghi công nhận, hạng sao mà cấp này không có quyền ghi (gói bị giả mạo hoặc máy "
                "gửi bị sửa): "
                + "; ".join(refused[:MAX_LISTED])
                + more
                + ". Không có gì được nhập. Hãy liên hệ đơn vị "
                "gửi; công nhận chỉ nhận từ gói của cấp công nhận.",
                f"The package of {sender.title} records certifications and stars that its level may not record (the package is "
                "forged or the sending computer was altered): "
                + "; ".join(english(r) for r in refused[:MAX_LISTED])
                + (f" … and {len(refused) - MAX_LISTED} other records" if len(refused) > MAX_LISTED else "")
                + ". Nothing was imported. Contact the sending office; certifications are only taken from a package "
                "of the certifying level.",
            )
        )
    _hold_outside(session, changing, sender, names)
    _hold_higher_evaluations(changing, sender, names)
    _hold_children(items, names)


def _hold_higher_evaluations(changing: list[Item], sender: Sender, names: Names) -> None:
    """A result of a council above the sender's level comes from that level, not from below."""
    field = rules()["certification"]["evaluations"]["level_field"]
    for item in changing:
        if item.entity.name == "evaluations" and item.outcome in CHANGING and item.there is not None:
            level = item.there.get(field)
            if rank(level) > rank(sender.level):
                _hold(
                    item,
                    f"Kết quả đánh giá của {level_name(level)}: {sender.title} không có quyền ghi (quy tắc: "
                    f"kết quả đánh giá chỉ nhận từ cấp đã đánh giá hoặc cấp trên). Hãy đề nghị "
                    f"{level_name(level)} gửi gói.",
                )


def _hold_children(items: list[Item], names: Names) -> None:
    """A new record held back takes with it the new records that point at it (a progress note of a
    task, a council member's scores of an evaluation): they would point at nothing here."""
    held: dict[tuple[str, Any], Item] = {
        (i.entity.name, i.record_id): i for i in items if i.outcome is Outcome.KEPT and i.here is None
    }
    if not held:
        return
    for item in items:  # parents come before children (ENTITIES order), so chains are followed
        if item.outcome not in CHANGING or item.there is None:
            continue
        for column, parent in item.entity.parents.items():
            blocked = held.get((parent, item.there.get(column)))
            if blocked is not None:
                _hold(
                    item,
                    f"Thuộc {blocked.entity.label.lower()} «{blocked.entity.title(blocked.there or {}, names)}» "
                    f"không được nhận: {blocked.reason}",
                )
                if item.here is None:
                    held[(item.entity.name, item.record_id)] = item
                break


def _place_name(session: Session, place_id: str | None, cache: dict[str, str]) -> str:
    if not place_id:
        return "không ghi đơn vị"
    if place_id not in cache:
        cache[place_id] = session.scalar(select(Place.name).where(Place.id == place_id)) or f"mã {place_id}"
    return cache[place_id]


def _this_office(session: Session) -> str | None:
    row = session.get(AppMeta, "office_unit_id")
    return row.value if row is not None and row.value else None


def _hold_outside(session: Session, changing: list[Item], sender: Sender, names: Names) -> None:
    units = Units(session, changing)
    place_names: dict[str, str] = {}
    own = f"bản ghi thuộc địa bàn của {sender.name}" if sender.unit_id else "bản ghi của đơn vị gửi"
    rule = f"quy tắc: {sender.title} chỉ được lập, sửa, xóa {own}"
    unitless: dict[str, list[Any]] = {}
    shared = set(rules()["without_unit"]["shared"])
    by_entity: dict[str, list[Any]] = {}
    for item in changing:
        by_entity.setdefault(item.entity.name, []).append(item)
    for name, group in by_entity.items():
        if not rules()["record_unit"].get(name):
            unitless[name] = [i for i in group if i.here is not None]
            continue
        there = units.resolve(name, [i.there for i in group], package_first=True)
        here = units.resolve(name, [i.here for i in group], package_first=False)
        for item, u_there, u_here in zip(group, there, here, strict=False):
            if item.here is not None and u_here is None:
                if u_there is not None and u_there not in sender.area:
                    _hold(
                        item,
                        f"Gói gán bản ghi cho {_place_name(session, u_there, place_names)}, ngoài địa bàn "
                        f"của {sender.name} ({rule}). Bản ở đây được giữ nguyên; hãy kiểm tra với đơn vị gửi.",
                    )
                elif name not in shared:
                    unitless.setdefault(name, []).append(item)  # who may change it: who made it
                continue
            if item.here is not None and u_here not in sender.area:
                verb = "xóa" if item.deleted_there else "sửa"
                _hold(
                    item,
                    f"Bản ghi của {_place_name(session, u_here, place_names)}: {sender.name} không có "
                    f"quyền {verb} ({rule}). Nếu đúng là cần {verb}, hãy đề nghị đơn vị đó gửi gói.",
                )
            elif item.there is not None and u_there is not None and u_there not in sender.area:
                if item.here is not None:
                    _hold(
                        item,
                        f"Gói chuyển bản ghi từ {_place_name(session, u_here, place_names)} sang "
                        f"{_place_name(session, u_there, place_names)}, ra ngoài địa bàn của {sender.name} "
                        f"({rule}). Bản ở đây được giữ nguyên; hãy kiểm tra với đơn vị gửi.",
                    )
                else:
                    _hold(
                        item,
                        f"Bản ghi của {_place_name(session, u_there, place_names)}: {sender.name} không có "
                        f"quyền lập ({rule}). Hãy đề nghị đơn vị đó gửi gói của mình.",
                    )
    # Records without a unit (a directive, a campaign, a producer with no commune): new ones are
    # taken; a change or a deletion only from the unit that made the record, or one above it.
    this_office = _this_office(session)
    for name, group in unitless.items():
        origins = _origins(session, name, [i.record_id for i in group])
        for item in group:
            origin = origins.get(item.record_id) or this_office
            if origin is not None and origin in sender.area:
                continue
            verb = "xóa" if item.deleted_there else "sửa"
            _hold(
                item,
                f"Bản ghi do {_place_name(session, origin, place_names)} lập: {sender.name} không có quyền "
                f"{verb} (quy tắc: bản ghi không gắn với địa bàn nào chỉ do đơn vị đã lập nó hoặc cấp trên "
                f"của đơn vị đó sửa, xóa). Nếu cần {verb}, hãy làm ở đây hoặc đề nghị đơn vị đã lập gửi gói.",
            )

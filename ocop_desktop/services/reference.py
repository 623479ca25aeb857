"""Reference data (places, OCOP groups and sets, rule sets) loaded from resources/ and upgraded."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ocop_desktop.domain.rules import RuleSet, rule_set_from_dict
from ocop_desktop.paths import resources_dir
from ocop_desktop.persistence.models import (
    Base,
    ProductGroup,
    ProductSet,
    RuleSetRow,
    stable_id,
)
from ocop_desktop.persistence.uow import UnitOfWork, UowFactory
from ocop_desktop.services.reference_places import load_places, place_id  # noqa: F401 (re-export)


@dataclass
class LoadReport:
    """What a load changed: counts per table of rows added and rows updated."""

    added: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)

    def count(self, table: str, outcome: str) -> None:
        if outcome == "added":
            self.added[table] = self.added.get(table, 0) + 1
        elif outcome == "updated":
            self.updated[table] = self.updated.get(table, 0) + 1

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated)


def read_json(relative: str) -> Any:
    return json.loads((resources_dir() / relative).read_text(encoding="utf-8"))


def _date(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def upsert(session: Session, model: type[Base], row_id: str, values: dict[str, Any]) -> str:
    """Insert or update one row by id; returns "added", "updated" or "unchanged"."""
    obj = session.get(model, row_id)
    if obj is None:
        session.add(model(id=row_id, **values))
        return "added"
    dirty = False
    for key, value in values.items():
        if getattr(obj, key) != value:
            setattr(obj, key, value)
            dirty = True
    return "updated" if dirty else "unchanged"


def loaded(session: Session, model: type[Base]) -> list[Base]:
    """Every row of a small reference table, read in one query: the rows stay in the session
    (held by the returned list: the session keeps only weak references), so the ``upsert`` of each
    finds it there instead of asking the database once per row — 36 round trips for the groups
    and sets, a sixth of a second on a server."""
    return list(session.scalars(select(model)))


def group_id(code: str) -> str:
    return stable_id("group", code)


def product_set_id(code: str) -> str:
    return stable_id("product_set", code)


def rule_set_id(code: str) -> str:
    return stable_id("rule_set", code)


def _load_groups(uow: UnitOfWork, report: LoadReport) -> None:
    data = read_json("reference/ocop_groups.json")
    held = loaded(uow.session, ProductGroup) + loaded(uow.session, ProductSet)  # noqa: F841
    position = 0
    for g_pos, group in enumerate(data["groups"]):
        gid = group_id(group["code"])
        values = {"code": group["code"], "name": group["name"], "position": g_pos}
        report.count("product_groups", upsert(uow.session, ProductGroup, gid, values))
        for item in group["sets"]:
            position += 1
            values = {"code": item["code"], "name": item["name"], "group_id": gid, "position": position}
            report.count("product_sets", upsert(uow.session, ProductSet, product_set_id(item["code"]), values))


def _load_rule_sets(uow: UnitOfWork, report: LoadReport) -> None:
    held = loaded(uow.session, RuleSetRow)  # noqa: F841
    for row in read_json("reference/rule_sets.json")["rule_sets"]:
        data = {
            k: row[k]
            for k in (
                "parts",
                "star_bands",
                "authority",
                "min_certified_stars",
                "reevaluation_window_days",
                "expiry_warning_days",
                "notes",
            )
        }
        values = {
            "code": row["code"],
            "decision": row["decision"],
            "title": row["title"],
            "signed_on": _date(row["signed_on"]),
            "effective_from": _date(row["effective_from"]),
            "effective_to": _date(row["effective_to"]),
            "certificate_months": row["certificate_months"],
            "data": data,
        }
        report.count("rule_sets", upsert(uow.session, RuleSetRow, rule_set_id(row["code"]), values))


def load_reference(make_uow: UowFactory) -> LoadReport:
    """Load or upgrade all reference data in one transaction; a second run changes nothing."""
    report = LoadReport()
    with make_uow(action="reference", context="resources/reference") as uow:
        load_places(uow.session, report)
        _load_groups(uow, report)
        _load_rule_sets(uow, report)
        uow.commit()
    return report


def to_rule_set(row: RuleSetRow) -> RuleSet:
    return rule_set_from_dict(
        {
            "code": row.code,
            "decision": row.decision,
            "title": row.title,
            "signed_on": row.signed_on.isoformat(),
            "effective_from": row.effective_from.isoformat(),
            "effective_to": row.effective_to.isoformat() if row.effective_to else None,
            "certificate_months": row.certificate_months,
            **row.data,
        }
    )


def rule_sets(uow: UnitOfWork) -> list[RuleSet]:
    rows = uow.session.scalars(select(RuleSetRow).order_by(RuleSetRow.effective_from)).all()
    return [to_rule_set(r) for r in rows]


def reference_files() -> list[Path]:
    folder = resources_dir() / "reference"
    return sorted(folder.glob("*.json"))

"""The sample from the Mường Ảng letter of 2024: its products, survey campaign and tasks."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select

from ocop_desktop.domain.enums import SubmissionStatus, TaskStatus
from ocop_desktop.domain.language import Spoken, Text
from ocop_desktop.persistence.models import (
    Base,
    Directive,
    Product,
    ProductSet,
    SurveyCampaign,
    Task,
    UnitSubmission,
    stable_id,
)
from ocop_desktop.persistence.uow import UowFactory
from ocop_desktop.services.reference import product_set_id, read_json
from ocop_desktop.services.reference_places import place_id

SAMPLES = ("muong-ang-2024",)


class UnknownSampleError(Spoken, ValueError):
    pass


@dataclass
class SampleReport:
    key: str
    title: str
    added: dict[str, int] = field(default_factory=dict)
    missing: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return any(self.added.values())


def _sid(sample: str, kind: str, key: str) -> str:
    return stable_id(f"sample:{sample}:{kind}", key)


def load_sample(make_uow: UowFactory, key: str) -> SampleReport:
    """Add the sample's records once; records already there (perhaps edited) are left alone."""
    if key not in SAMPLES:
        raise UnknownSampleError(
            Text(
                f"Không có bộ dữ liệu mẫu «{key}». Các bộ có sẵn: {', '.join(SAMPLES)}.",
                f"There is no sample data set «{key}». The sets available: {', '.join(SAMPLES)}.",
            )
        )
    data = read_json(f"samples/{key}.json")
    report = SampleReport(key=key, title=data["title"])
    added = report.added

    # The sample's rows in the order they are written (a directive before its tasks, a campaign
    # before its units' submissions): looked up in one query a table and flushed once a table.
    # Asked row by row, each lookup flushed the row before it with its audit entry: half a second
    # for the sample's 28 rows.
    rows: dict[type[Base], dict[str, dict[str, Any]]] = {}

    def add(model: type[Base], row_id: str, **values: Any) -> None:
        rows.setdefault(model, {})[row_id] = values

    with make_uow(action="sample", context=f"mẫu {key}") as uow:
        s = uow.session
        sets = {row.id: row for row in s.scalars(select(ProductSet))}
        d = data["directive"]
        directive_id = _sid(key, "directive", d["key"])
        add(
            Directive,
            directive_id,
            number=d["number"],
            issued_on=None,
            issued_text=d["issued_text"],
            issuer=d["issuer"],
            subject=d["subject"],
            file_reference=d["file_reference"],
        )
        for pos, t in enumerate(data["tasks"]):
            add(
                Task,
                _sid(key, "task", t["key"]),
                directive_id=directive_id,
                position=pos,
                assignee=t["assignee"],
                title=t["title"],
                description=t["description"],
                due_on=date.fromisoformat(t["due_on"]) if t["due_on"] else None,
                status=TaskStatus.NEW.value,
            )
        for p in data["products"]:
            pset = sets.get(product_set_id(p["product_set"]))
            add(
                Product,
                _sid(key, "product", p["key"]),
                name=p["name"],
                stars=p["stars"],
                status=p["status"],
                product_set_id=pset.id if pset else None,
                group_id=pset.group_id if pset else None,
                notes=f"Nhóm/bộ sản phẩm: {p['product_set_source']}.",
            )
        c = data["campaign"]
        campaign_id = _sid(key, "campaign", c["key"])
        add(
            SurveyCampaign,
            campaign_id,
            year=c["year"],
            title=c["title"],
            directive_id=directive_id,
            issuing_letter=c["issuing_letter"],
            deadline=date.fromisoformat(c["deadline"]),
        )
        for unit_key in c["units"]:
            add(
                UnitSubmission,
                _sid(key, "submission", f"{c['key']}:{unit_key}"),
                campaign_id=campaign_id,
                unit_id=place_id(unit_key),
                status=SubmissionStatus.NOT_SUBMITTED.value,
            )
        for model, by_id in rows.items():
            id_column = model.__table__.c.id
            there = set(s.scalars(select(id_column).where(id_column.in_(list(by_id)))))
            for row_id, values in by_id.items():
                if row_id not in there:
                    s.add(model(id=row_id, **values))
                    added[model.__tablename__] = added.get(model.__tablename__, 0) + 1
            s.flush()
        uow.commit()

    n = len(data["products"])
    report.missing = [f"Văn bản: thiếu {m}" for m in d["missing"]] + [
        f"{n} sản phẩm: thiếu {m} (công văn không nêu)" for m in data["product_missing"]
    ]
    return report


def sample_database_path(data_dir: Path, key: str = "muong-ang-2024") -> Path:
    """The sample's own file, beside (never inside) the user's data: <data folder>/mau/<key>.db."""
    return Path(data_dir) / "mau" / f"{key}.db"


def prepare_sample_database(path: Path, key: str = "muong-ang-2024") -> Path:
    """Create or bring up to date the separate sample file at ``path`` and return it.

    Only this file is written. When its window is already open (it holds the writer lock),
    the file is ready as it is: the new window then just brings that one forward."""
    from ocop_desktop.instance_lock import DatabaseInUse, WriterLock
    from ocop_desktop.persistence.database import open_database
    from ocop_desktop.services.reference import load_reference
    from ocop_desktop.services.scorecards import load_shipped_scorecards

    if key not in SAMPLES:
        raise UnknownSampleError(
            Text(
                f"Không có bộ dữ liệu mẫu «{key}». Các bộ có sẵn: {', '.join(SAMPLES)}.",
                f"There is no sample data set «{key}». The sets available: {', '.join(SAMPLES)}.",
            )
        )
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    lock = WriterLock(path, "mở dữ liệu mẫu")
    try:
        lock.acquire()
    except DatabaseInUse:
        return path
    try:
        db = open_database(path)
        try:
            make_uow = db.uow_factory(actor="Dữ liệu mẫu")
            load_reference(make_uow)
            load_shipped_scorecards(make_uow)
            load_sample(make_uow, key)
        finally:
            db.close()
    finally:
        lock.release()
    return path

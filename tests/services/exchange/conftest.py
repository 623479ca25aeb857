"""Offices for exchange tests: each its own database file with reference data, the 2024 sample
and its own office unit, as on separate machines."""

from __future__ import annotations

import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

import pytest

from ocop_desktop.exports.signing import b64
from ocop_desktop.persistence.database import Database, open_database
from ocop_desktop.persistence.models import Place
from ocop_desktop.services.exchange import ExchangeService
from ocop_desktop.services.exchange.trust import add_sender
from ocop_desktop.services.office_key import office_key
from ocop_desktop.services.reference import load_reference, place_id
from ocop_desktop.services.sample import load_sample
from ocop_desktop.services.settings import save_office_settings
from ocop_desktop.services.surveys import SurveyService


@dataclass
class Office:
    path: Path
    unit_key: str
    user: str
    db: Database | None = None

    def open(self) -> Office:
        self.db = open_database(self.path)
        return self

    def close(self) -> None:
        if self.db is not None:
            self.db.close()
            self.db = None

    @property
    def make_uow(self):
        return self.db.uow_factory(actor=self.user)

    @property
    def unit_id(self) -> str:
        return place_id(self.unit_key)

    @property
    def exchange(self) -> ExchangeService:
        return ExchangeService(self.make_uow)

    @property
    def surveys(self) -> SurveyService:
        return SurveyService(self.make_uow)

    def campaign_id(self) -> str:
        return self.surveys.campaigns()[0].id


def dump(path: Path) -> list[str]:
    """Every table's rows, as SQL: what "unchanged" means for a database file."""
    con = sqlite3.connect(path)
    try:
        return list(con.iterdump())
    finally:
        con.close()


# Each office as made once per test process: (name, unit, user, sample) -> the folder holding its
# database and key. A test starts from copies, as tests/databases.py does for empty databases:
# loading the sample and making the key cost about half a second an office, three a test.
_made: dict[tuple[str, str, str, bool], Path] = {}


def _template(tmp_path_factory, reference_template, name: str, unit_key: str, user: str, sample: bool) -> Path:
    wanted = (name, unit_key, user, sample)
    if wanted not in _made:
        folder = tmp_path_factory.mktemp(f"office-{name}")
        o = Office(Path(shutil.copyfile(reference_template, folder / f"{name}.db")), unit_key, user).open()
        _prepare(o, unit_key, user, sample)
        office_key(o.make_uow)  # made now, so the copies carry it (a file beside the database)
        o.close()  # the WAL checkpointed into the file that is copied
        _made[wanted] = folder
    return _made[wanted]


def _prepare(o: Office, unit_key: str, user: str, sample: bool) -> None:
    load_reference(o.make_uow)
    if sample:
        load_sample(o.make_uow, "muong-ang-2024")
    save_office_settings(o.make_uow, place_id(unit_key), user, "Công chức")


@pytest.fixture
def office(tmp_path, tmp_path_factory, reference_template):
    opened: list[Office] = []

    def make(name: str, unit_key: str, user: str, sample: bool = True) -> Office:
        path = tmp_path / f"{name}.db"
        if path.exists():  # opened again in the same test: brought up to date as before
            o = Office(path, unit_key, user).open()
            _prepare(o, unit_key, user, sample)
        else:
            for made in _template(tmp_path_factory, reference_template, name, unit_key, user, sample).iterdir():
                if made.is_file():
                    shutil.copy2(made, tmp_path / made.name)  # the key stays readable by its owner only
            o = Office(path, unit_key, user).open()
        opened.append(o)
        return o

    yield make
    for o in opened:
        o.close()


@pytest.fixture
def communes(office):
    """Two communes and the district office that receives their packages."""
    a = office("ang-nua", "xa-ang-nua", "Lò Văn Anh")
    b = office("ang-to", "xa-ang-to", "Quàng Thị Bình")
    r = office("huyen", "huyen-muong-ang", "Nguyễn Văn Kiểm")
    trust_each_other(a, b, r)
    return a, b, r


def trust_each_other(*offices: Office) -> None:
    """Each office trusts the others' signing keys, as after comparing fingerprints by phone."""
    keys = {id(o): office_key(o.make_uow) for o in offices}
    for receiver in offices:
        with receiver.make_uow() as uow:
            for sender in offices:
                if sender is not receiver:
                    name = uow.session.get(Place, sender.unit_id).name
                    add_sender(uow.session, sender.unit_id, name, b64(keys[id(sender)].public_key), "thử nghiệm")
            uow.commit()

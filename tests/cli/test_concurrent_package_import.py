"""Many communes, one provincial server (issue 18): 20 commune packages, each made from a commune's
own SQLite database, imported into the province's PostgreSQL database by four `ocop package import`
processes started together. Every record arrives exactly once, no process fails or shows a
deadlock, and `ocop check` finds the audit chain whole."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import text

from ocop_desktop.persistence.database import open_database
from ocop_desktop.services.campaign_types import CampaignInput
from ocop_desktop.services.campaigns import CampaignService
from ocop_desktop.services.exchange import ExchangeService
from ocop_desktop.services.producers import ProducerInput, ProducerService
from ocop_desktop.services.products import ProductInput, ProductService
from ocop_desktop.services.reference import place_id
from ocop_desktop.services.settings import save_office_settings
from ocop_desktop.services.surveys import SurveyEntryInput, SurveyService
from tests import databases
from tests.cli_run import ocop

pytestmark = pytest.mark.xdist_group("postgresql")

PROVINCE, OFFICER = "tinh-dien-bien", "Nguyễn Văn Kiểm"
COMMUNES, PROCESSES = 20, 4
ROWS = ("Chè Shan tuyết", "Mật ong rừng", "Gạo nếp nương")
# Each commune's own new records, by table (its unit's submission is the province's record, updated).
TABLES = ("producers", "products", "survey_entries")


def _province_seed(folder: Path) -> tuple[Path, Path, list[str]]:
    """The province's laptop before the server: a 2026 survey of 20 communes, sent as a package;
    its database (without its key) is where every commune's database starts."""
    seed = databases.copy_template(folder / "tinh.db")
    db = open_database(seed)
    try:
        make_uow = db.uow_factory(actor=OFFICER)
        save_office_settings(make_uow, place_id(PROVINCE), OFFICER, "Chuyên viên")
        campaigns = CampaignService(make_uow)
        units = [p.id for p in campaigns.units_within(place_id(PROVINCE), date(2026, 1, 1))][:COMMUNES]
        campaigns.add(
            CampaignInput(
                year=2026, deadline=date(2026, 7, 5), title="Rà soát sản phẩm OCOP 2026", unit_ids=tuple(units)
            )
        )
        package = folder / "tinh.ocop.zip"
        ExchangeService(make_uow).export(package, include_reports=False)
    finally:
        db.close()
    return seed, package, units


def _commune_package(seed: Path, folder: Path, n: int, unit: str) -> Path:
    """Commune ``n``'s database (a copy of the seed, its own key made on export): a producer, two
    products and three survey rows of its unit, the survey submitted, all sent in one package."""
    path = Path(shutil.copyfile(seed, folder / f"xa-{n:02}.db"))
    user = f"Cán bộ xã {n:02}"
    db = open_database(path)
    try:
        make_uow = db.uow_factory(actor=user)
        save_office_settings(make_uow, unit, user, "Công chức")
        producer = ProducerService(make_uow).create(ProducerInput(name=f"HTX nông sản số {n:02}", commune_id=unit))
        products = ProductService(make_uow)
        for name in ("Chè búp", "Măng khô"):
            products.create(ProductInput(name=f"{name} xã {n:02}", producer_id=producer.id, commune_id=unit))
        surveys = SurveyService(make_uow)
        campaign = surveys.campaigns()[0].id
        surveys.save_entries(campaign, unit, [SurveyEntryInput(product_name=f"{r} {n:02}") for r in ROWS])
        surveys.set_submission(campaign, unit, "da_nop", date(2026, 7, 1))
        package = folder / f"xa-{n:02}.ocop.zip"
        ExchangeService(make_uow).export(package, include_reports=False)
    finally:
        db.close()
    return package


def _ids(location: str) -> dict[str, list[str]]:
    db = open_database(location)
    try:
        with db.engine.connect() as conn:
            ids = {t: sorted(conn.execute(text(f"SELECT id FROM {t}")).scalars()) for t in TABLES}
            ids["submitted"] = sorted(
                conn.execute(text("SELECT unit_id FROM unit_submissions WHERE status = 'da_nop'")).scalars()
            )
            return ids
    finally:
        db.close()


def test_twenty_commune_packages_imported_by_four_processes_at_once(pg_server, tmp_path):
    url = databases.server_copy(pg_server)
    seed, province_package, units = _province_seed(tmp_path)
    first = ocop("--db", url, "package", "import", province_package, "--trust", env={"OCOP_DB": ""})
    assert first.returncode == 0, first.stderr
    packages = [_commune_package(seed, tmp_path, n, unit) for n, unit in enumerate(units, start=1)]
    made = [_ids(str(tmp_path / f"xa-{n:02}.db")) for n in range(1, COMMUNES + 1)]
    sent = {t: sorted(i for ids in made for i in ids[t]) for t in (*TABLES, "submitted")}
    assert [len(sent[t]) for t in (*TABLES, "submitted")] == [COMMUNES, 2 * COMMUNES, 3 * COMMUNES, COMMUNES]
    assert sent["submitted"] == sorted(units)

    env = {**os.environ, "OCOP_DB": ""}
    share = [packages[i::PROCESSES] for i in range(PROCESSES)]
    # One package came twice (by e-mail and on a USB stick) and two people import it at the same moment.
    share[-1].insert(0, packages[0])
    running = [
        subprocess.Popen(
            [sys.executable, "-m", "ocop_desktop.cli", "--db", url, "package", "import", *map(str, mine), "--trust"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        for mine in share
    ]
    said = ""
    for process in running:
        out, err = process.communicate(timeout=120)
        assert process.returncode == 0, (out, err)
        assert "deadlock" not in (out + err).lower() and "serialize" not in (out + err).lower(), err
        assert "Traceback" not in err, err
        said += out
    assert said.count("Đã nhập: thêm") == COMMUNES and said.count("Gói này đã được nhập lúc") == 1, said

    assert _ids(url) == sent  # each commune's record once, none missing, nothing else
    server = open_database(url)
    try:
        inbox = ExchangeService(server.uow_factory()).inbox()
    finally:
        server.close()
    assert len(inbox) == COMMUNES + 1 and all(e.undone_at is None for e in inbox)
    check = ocop("check", "--db", url, env={"OCOP_DB": ""})
    assert check.returncode == 0, check.stdout + check.stderr
    assert "chuỗi mã kiểm tra liền mạch" in check.stdout

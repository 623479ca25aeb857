"""The same office on a SQLite file and on a PostgreSQL server (issue 18): `ocop init --sample`,
the registry listed and searched, a survey saved and its report rows, a commune's package
imported into the server, and `ocop check`, each showing what it shows on SQLite.

Kept small (one `ocop init` on each engine for the module): the whole services, persistence and
exchange set runs on a server with ``--engine=postgresql`` (tests/conftest.py)."""

from __future__ import annotations

import json
from datetime import date

import pytest

from ocop_desktop.persistence.database import open_database
from ocop_desktop.services.exchange import ExchangeService
from ocop_desktop.services.products import ProductInput, ProductService
from ocop_desktop.services.reference import place_id
from ocop_desktop.services.settings import save_office_settings
from ocop_desktop.services.surveys import SurveyEntryInput, SurveyService
from tests import pg
from tests.cli_run import ocop

# One throw-away cluster per worker: keep the server's tests on one (tests/pg.py).
pytestmark = pytest.mark.xdist_group("postgresql")

USER = "Nguyễn Văn Kiểm"
NAMES = ("Ổi Mường Ẳng", "Ong mật rừng", "Ớt tươi", "Ô mai mận", "Gạo nếp nương", "Gà đồi")


@pytest.fixture(scope="module")
def offices(pg_server, tmp_path_factory):
    """The same office twice, each made by `ocop init --sample muong-ang-2024`: a file, a server."""
    file = tmp_path_factory.mktemp("on-server") / "ocop.db"
    name = pg.create_database(pg_server)
    url = pg.database_url(pg_server, name)
    try:
        done = {where: ocop("init", "--db", where, "--sample", "muong-ang-2024") for where in (str(file), url)}
        for where, result in done.items():
            assert result.returncode == 0, (where, result.stderr)
        opened = {where: open_database(where) for where in done}
        yield opened, done
        for database in opened.values():
            database.close()
    finally:
        pg.drop_database(pg_server, name)


def both(offices):
    opened, _ = offices
    return list(opened.values())


def test_init_with_the_sample_says_the_same_on_the_server(offices):
    (file, url), done = offices[0], offices[1]
    said = [
        done[where].stdout.replace(where, "«nơi»").replace(where.rpartition("/")[2], "«nơi»") for where in (file, url)
    ]
    assert said[0] == said[1]
    assert "muong-ang-2024" in said[0] or "mẫu" in said[0]


def _listed(where: str, *args: str) -> list[dict]:
    result = ocop("products", "list", "--db", where, "--format", "json", *args)
    assert result.returncode == 0, result.stderr
    return _without_ids(json.loads(result.stdout))


def _without_ids(rows: list[dict]) -> list[dict]:
    """What a list shows, less the record ids each office makes for itself."""
    return [
        {k: v for k, v in row.items() if not k.endswith("id") and k not in ("created_at", "updated_at")} for row in rows
    ]


def test_the_registry_lists_and_searches_the_same(offices):
    file, url = offices[0]
    assert _listed(url) == _listed(file)
    assert len(_listed(url)) >= 10
    for typed in ("che", "CHÈ", "mường ẳng", "%", "_"):
        assert _listed(url, "--search", typed) == _listed(file, "--search", typed), typed


def test_new_products_search_without_accents_and_sort_in_vietnamese_order(offices):
    shown = []
    for database in both(offices):
        products = ProductService(database.uow_factory(actor=USER))
        for name in NAMES:
            products.create(ProductInput(name=name, status="tiem_nang"))
        listed = [p.name for p in products.list() if p.name in NAMES]
        shown.append((listed, [p.name for p in products.list(search="OI MUONG")]))
    assert shown[0] == shown[1]
    assert shown[1] == (
        ["Gà đồi", "Gạo nếp nương", "Ong mật rừng", "Ô mai mận", "Ổi Mường Ẳng", "Ớt tươi"],
        ["Ổi Mường Ẳng"],
    )


def test_a_saved_survey_gives_the_same_report_rows(offices):
    rows = []
    for where, database in offices[0].items():
        surveys = SurveyService(database.uow_factory(actor=USER))
        campaign = surveys.campaigns()[0]
        unit = surveys.campaign_units(campaign.id)[0].unit_id
        surveys.save_entries(
            campaign.id,
            unit,
            [
                SurveyEntryInput(product_name="Chè Shan tuyết", output_quantity="1.200", unit_of_measure="kg"),
                SurveyEntryInput(product_name="Gạo nếp nương", output_quantity="12,5", unit_of_measure="tấn"),
            ],
        )
        surveys.set_submission(campaign.id, unit, "da_nop", date(2024, 7, 3))
        listed = ocop("surveys", "list", "--db", where, "--format", "json")
        assert listed.returncode == 0, listed.stderr
        rows.append((unit, _without_ids(json.loads(listed.stdout))))
    assert rows[0] == rows[1]
    names = [row.get("product_name") for row in rows[1][1]]
    assert "Chè Shan tuyết" in names and "Gạo nếp nương" in names


def test_a_commune_package_from_a_file_is_imported_into_the_server(offices, tmp_path):
    file_db, server_db = both(offices)
    unit = place_id("xa-ang-nua")
    save_office_settings(file_db.uow_factory(actor="Lò Văn Anh"), unit, "Lò Văn Anh", "Công chức")
    ProductService(file_db.uow_factory(actor="Lò Văn Anh")).create(
        ProductInput(name="Chè Shan tuyết Ẳng Nưa", status="tiem_nang", commune_id=unit)
    )
    package = tmp_path / "ang-nua.ocop"
    ExchangeService(file_db.uow_factory(actor="Lò Văn Anh")).export(package)
    result = ExchangeService(server_db.uow_factory(actor=USER)).import_package(package, trust_sender=True)
    assert result.applied
    server = ProductService(server_db.uow_factory(actor=USER))
    assert [p.name for p in server.list(search="shan tuyet ang nua")] == ["Chè Shan tuyết Ẳng Nưa"]
    again = ExchangeService(server_db.uow_factory(actor=USER)).import_package(package)
    assert not again.applied  # the same package twice changes nothing


def test_ocop_check_is_clean_on_the_server(offices):
    file, url = offices[0]
    on_file, on_server = ocop("check", "--db", file), ocop("check", "--db", url)
    assert on_server.returncode == on_file.returncode == 0, on_server.stdout + on_server.stderr
    assert "Nhật ký thay đổi:" in on_server.stdout and "chuỗi mã kiểm tra liền mạch" in on_server.stdout
    assert on_server.stdout.count("✓") >= 4 and not on_server.stderr

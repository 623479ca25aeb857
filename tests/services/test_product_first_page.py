"""A search keystroke's first page (product_first_page's written statement) is the page the general
query reads, names included, and a name changed anywhere shows at the next keystroke."""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta

import pytest
from sqlalchemy import text as sql_text

from ocop_desktop.persistence.models import Place, Producer, Product, ProductGroup, ProductSet
from ocop_desktop.services import product_query
from ocop_desktop.services.producers import ProducerInput, ProducerService
from ocop_desktop.services.product_query import ProductFilter, ProductRow, conditions, uncounted_page

TODAY = date(2026, 6, 1)
SEARCHES = ["", "  ", "ca", "cà phê", "htx", "HTX Đào", "bưởi", "%", "_", "\\", "xyz", "e", "sơn la", "hop tac"]
ARCHIVE = [{}, {"archived": True}, {"include_archived": True}]


@pytest.fixture
def filled(make_uow):
    """Products with and without producer, commune, group (own or through the product set only),
    archived or not, certificates run out or not; producers named so that a search finds some
    products only by their producer."""
    with make_uow(action="test") as uow:
        s = uow.session
        communes = [p.id for p in s.query(Place).limit(5)]
        groups = [g.id for g in s.query(ProductGroup)]
        sets = [ps.id for ps in s.query(ProductSet)]
        producers = [Producer(name=n) for n in ("HTX Cà phê Sơn La", "HTX Đào Bưởi", "Tổ hợp tác Mường Ảng")]
        s.add_all(producers)
        s.flush()
        for i in range(260):
            set_id = sets[i % len(sets)]
            s.add(
                Product(
                    name=["Cà phê", "Trà", "Bưởi", "Mật ong 100%", "Gạo_nếp", "Rượu \\ men"][i % 6] + f" {i}",
                    producer_id=producers[i % 3].id if i % 4 else None,
                    commune_id=communes[i % len(communes)] if i % 5 else None,
                    group_id=groups[i % len(groups)] if i % 3 else None,
                    product_set_id=set_id if i % 7 else None,
                    status=["duoc_cong_nhan", "tiem_nang", "het_han", "bi_thu_hoi"][i % 4],
                    stars=3 + i % 3 if i % 2 else None,
                    certificate_no=f"{i}/QĐ-UBND" if i % 2 else None,
                    certified_on=TODAY - timedelta(days=400 + i) if i % 2 else None,
                    expires_on=TODAY + timedelta(days=i * 7 - 600) if i % 2 else None,
                    archived_at=None if i % 9 else TODAY,
                )
            )
        # A folded name with capitals (as no version writes them): SQLite's LIKE ignores their case.
        s.execute(sql_text("UPDATE producers SET name_folded = 'TO Hop TAC muong ang' WHERE name LIKE 'Tổ%'"))
        uow.commit()


def general_page(make_uow, f: ProductFilter, limit: int) -> tuple[list[ProductRow], int | None]:
    """The page through the statement every other list is read by."""
    with make_uow() as uow:
        return product_query._page(uow.session, f, conditions(uow.session, f, TODAY), 0, limit, TODAY)


def keystroke_page(make_uow, f: ProductFilter, limit: int) -> tuple[list[ProductRow], int | None]:
    with make_uow() as uow:
        page = product_query._keystroke_page(uow.session, f, 0, limit, TODAY)
        assert page is not None, "a keystroke's page is read by the written statement"
        assert page == uncounted_page(uow.session, f, 0, limit, TODAY)
        return page


@pytest.mark.parametrize("limit", [200, 20])
def test_a_keystrokes_page_is_the_general_querys_page(filled, make_uow, limit):
    for search in SEARCHES:
        for archive in ARCHIVE:
            f = ProductFilter(search=search, **archive)
            fast = keystroke_page(make_uow, f, limit)
            assert fast == general_page(make_uow, f, limit), (search, archive)
    shown = keystroke_page(make_uow, ProductFilter(search="ca"), 200)[0]
    assert {r.producer for r in shown} >= {"HTX Cà phê Sơn La", ""}
    assert any(r.commune for r in shown) and any(not r.commune for r in shown)
    assert any(r.group for r in shown)


def test_many_producers_found_are_searched_by_their_names_in_the_statement(filled, make_uow, monkeypatch):
    monkeypatch.setattr(product_query, "_LISTED_PRODUCERS", 1)  # «htx» names two: more than listed
    f = ProductFilter(search="htx")
    assert keystroke_page(make_uow, f, 200) == general_page(make_uow, f, 200)
    assert keystroke_page(make_uow, f, 200)[0]


def test_other_pages_filters_and_orders_are_not_keystrokes(make_uow):
    with make_uow() as uow:
        for f, offset in (
            (ProductFilter(search="ca"), 200),
            (ProductFilter(search="ca", sort="stars"), 0),
            (ProductFilter(search="ca", descending=True), 0),
            (ProductFilter(search="ca", stars=4), 0),
        ):
            assert product_query._keystroke_page(uow.session, f, offset, 200, TODAY) is None


def test_a_name_changed_here_or_by_another_program_shows_at_the_next_keystroke(filled, make_uow, db_path):
    f = ProductFilter(search="dao buoi")

    def producers_shown() -> set[str]:
        return {r.producer for r in keystroke_page(make_uow, f, 200)[0]}

    assert producers_shown() == {"HTX Đào Bưởi"}
    producers = ProducerService(make_uow)
    with make_uow() as uow:
        pid = uow.session.query(Producer.id).filter(Producer.name == "HTX Đào Bưởi").scalar()
    producers.update(pid, ProducerInput(name="HTX Đào Bưởi Mường Ảng"))
    assert producers_shown() == {"HTX Đào Bưởi Mường Ảng"}
    # Another program (the `ocop` command, a second window) renames it in the file meanwhile.
    other = sqlite3.connect(db_path)
    with other:
        other.execute(
            "UPDATE producers SET name = 'HTX Đào Bưởi Ẳng Tở', name_folded = 'htx dao buoi ang to' WHERE id = ?",
            (pid,),
        )
    other.close()
    assert producers_shown() == {"HTX Đào Bưởi Ẳng Tở"}
    found = keystroke_page(make_uow, ProductFilter(search="ẳng tở"), 200)[0]
    assert found and {r.producer for r in found} == {"HTX Đào Bưởi Ẳng Tở"}
    # And the commune's name likewise.
    place_id = next(
        r.commune_id for r in keystroke_page(make_uow, ProductFilter(search="tra 1"), 200)[0] if r.commune_id
    )
    other = sqlite3.connect(db_path)
    with other:
        other.execute("UPDATE places SET name = 'Xã Đổi Tên' WHERE id = ?", (place_id,))
    other.close()
    rows = keystroke_page(make_uow, ProductFilter(search="tra 1"), 200)[0]
    assert {r.commune for r in rows if r.commune_id == place_id} == {"Xã Đổi Tên"}

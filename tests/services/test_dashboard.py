"""Start-page figures: counts, certificates expiring within 6 months, the 26/2026 filing window."""

from __future__ import annotations

from datetime import date, timedelta

from ocop_desktop.services.dashboard import DashboardService
from ocop_desktop.services.products import ProductInput, ProductService
from ocop_desktop.services.sample import load_sample

TODAY = date(2026, 11, 28)


def _certified(products, name, expires_on, stars=3):
    return products.create(
        ProductInput(
            name=name,
            status="duoc_cong_nhan",
            stars=stars,
            certified_on=expires_on - timedelta(days=3 * 365),
            expires_on=expires_on,
        )
    )


def test_counts_by_star_and_status(make_uow):
    load_sample(make_uow, "muong-ang-2024")
    ProductService(make_uow).create(ProductInput(name="Măng khô", status="tiem_nang"))
    summary = DashboardService(make_uow).summary(TODAY)
    assert summary.by_stars == {1: 0, 2: 0, 3: 7, 4: 3, 5: 0}
    assert summary.by_status["duoc_cong_nhan"] == 10 and summary.by_status["tiem_nang"] == 1
    assert summary.total == 11 and summary.rule_set == "26/2026"


def test_expiring_within_six_months_and_the_reevaluation_window(make_uow):
    products = ProductService(make_uow)
    _certified(products, "Hết hạn rồi", TODAY - timedelta(days=1))
    soon = _certified(products, "Còn 30 ngày", TODAY + timedelta(days=30))
    in_window = _certified(products, "Còn 150 ngày", TODAY + timedelta(days=150))
    _certified(products, "Còn 200 ngày", TODAY + timedelta(days=200))
    edge_early = _certified(products, "Còn 180 ngày", TODAY + timedelta(days=180))
    edge_late = _certified(products, "Còn 120 ngày", TODAY + timedelta(days=120))
    summary = DashboardService(make_uow).summary(TODAY)
    assert [e.name for e in summary.expiring] == ["Còn 30 ngày", "Còn 120 ngày", "Còn 150 ngày", "Còn 180 ngày"]
    assert summary.expiring[0].days_left == 30 and summary.expired == 1
    assert {e.id for e in summary.in_reevaluation_window} == {in_window.id, edge_early.id, edge_late.id}
    assert soon.id not in {e.id for e in summary.in_reevaluation_window}
    first = summary.in_reevaluation_window[0]
    assert first.window == (first.expires_on - timedelta(days=180), first.expires_on - timedelta(days=120))


def test_under_148_there_is_no_filing_window(make_uow):
    products = ProductService(make_uow)
    _certified(products, "Trà", date(2024, 12, 1))
    summary = DashboardService(make_uow).summary(date(2024, 7, 1))
    assert summary.rule_set == "148/2023" and summary.in_reevaluation_window == ()
    assert [e.name for e in summary.expiring] == ["Trà"]

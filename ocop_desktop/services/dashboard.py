"""Figures for the start page: products by star and status, certificates that need attention."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import func, select

from ocop_desktop.domain.enums import ProductStatus
from ocop_desktop.domain.rules import rule_set_in_force
from ocop_desktop.persistence.models import Product
from ocop_desktop.persistence.uow import UowFactory
from ocop_desktop.services import reference
from ocop_desktop.services.product_query import ProductFilter, conditions

EXPIRY_HORIZON_DAYS = 183  # "within 6 months"


@dataclass(frozen=True)
class ExpiringDTO:
    id: str
    name: str
    stars: int | None
    expires_on: date
    days_left: int
    window: tuple[date, date] | None  # re-evaluation filing window, where the rules set one


@dataclass(frozen=True)
class DashboardDTO:
    by_stars: dict[int, int]  # 1..5 → count (products with a star class)
    by_status: dict[str, int]  # status code → count, every status present
    total: int
    expiring: tuple[ExpiringDTO, ...]  # expiring within 6 months (not yet expired)
    expired: int
    in_reevaluation_window: tuple[ExpiringDTO, ...]  # today inside the filing window
    rule_set: str  # the rule set in force today


class DashboardService:
    def __init__(self, make_uow: UowFactory) -> None:
        self._uow = make_uow

    def summary(self, today: date | None = None) -> DashboardDTO:
        today = today or date.today()
        live = Product.archived_at.is_(None)
        with self._uow() as uow:
            s = uow.session
            stars = dict(
                s.execute(
                    select(Product.stars, func.count()).where(live, Product.stars.is_not(None)).group_by(Product.stars)
                ).all()
            )
            statuses = dict(s.execute(select(Product.status, func.count()).where(live).group_by(Product.status)).all())
            total = s.scalar(select(func.count()).select_from(Product).where(live)) or 0
            certified = Product.status == ProductStatus.CERTIFIED.value
            # The same conditions as the registry's filters, so a count here equals the rows
            # its link opens there.
            columns = (Product.id, Product.name, Product.stars, Product.expires_on)
            rows = s.execute(
                select(*columns)
                .where(*conditions(s, ProductFilter(expiring_within_days=EXPIRY_HORIZON_DAYS), today))
                .order_by(Product.expires_on)
            ).all()
            expired = (
                s.scalar(
                    select(func.count()).select_from(Product).where(*conditions(s, ProductFilter(expired=True), today))
                )
                or 0
            )
            rules = rule_set_in_force(reference.rule_sets(uow), today)
            # The window is checked over every certified product, not only those within 6 months,
            # since 180 days before expiry reaches just past the 6-month horizon.
            window_rows: Sequence[Any] = []
            if rules.reevaluation_window_days:
                earliest, latest = rules.reevaluation_window_days
                window_rows = s.execute(
                    select(Product.id, Product.name, Product.stars, Product.expires_on)
                    .where(
                        live,
                        certified,
                        Product.expires_on >= today + timedelta(days=latest),
                        Product.expires_on <= today + timedelta(days=earliest),
                    )
                    .order_by(Product.expires_on)
                ).all()

        def dto(r: Any) -> ExpiringDTO:  # id, name, stars, expires_on
            return ExpiringDTO(
                r.id,
                r.name,
                r.stars,
                r.expires_on,
                (r.expires_on - today).days,
                rules.reevaluation_window(r.expires_on),
            )

        return DashboardDTO(
            by_stars={n: stars.get(n, 0) for n in range(1, 6)},
            by_status={st.value: statuses.get(st.value, 0) for st in ProductStatus},
            total=total,
            expiring=tuple(dto(r) for r in rows),
            expired=expired,
            in_reevaluation_window=tuple(dto(r) for r in window_rows),
            rule_set=rules.code,
        )

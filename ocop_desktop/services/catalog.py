"""The official lists for pickers: OCOP groups and product sets, rule sets."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from ocop_desktop.domain.rules import RuleSet
from ocop_desktop.persistence.models import ProductGroup, ProductSet
from ocop_desktop.persistence.uow import UowFactory
from ocop_desktop.services import reference


@dataclass(frozen=True)
class ProductSetDTO:
    code: str
    name: str
    group_code: str
    group_name: str


@dataclass(frozen=True)
class GroupDTO:
    code: str
    name: str
    sets: tuple[ProductSetDTO, ...]


class CatalogService:
    def __init__(self, make_uow: UowFactory) -> None:
        self._uow = make_uow

    def groups(self) -> list[GroupDTO]:
        with self._uow() as uow:
            groups = uow.session.scalars(select(ProductGroup).order_by(ProductGroup.position)).all()
            sets = uow.session.scalars(select(ProductSet).order_by(ProductSet.position)).all()
            return [
                GroupDTO(
                    code=g.code,
                    name=g.name,
                    sets=tuple(ProductSetDTO(s.code, s.name, g.code, g.name) for s in sets if s.group_id == g.id),
                )
                for g in groups
            ]

    def rule_sets(self) -> list[RuleSet]:
        with self._uow() as uow:
            return reference.rule_sets(uow)

"""Scorecards: the shipped cards of resources/scorecards, cards imported from Excel, lookup by product."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select

from ocop_desktop.domain.language import Text
from ocop_desktop.domain.rules import RuleSet, rule_set_in_force
from ocop_desktop.domain.scorecard import CardError, Scorecard, card_code, card_from_dict, card_to_dict, validate_card
from ocop_desktop.domain.text import fold
from ocop_desktop.domain.validation import FieldError, NotFoundError, ValidationError
from ocop_desktop.paths import resources_dir
from ocop_desktop.persistence.models import ProductSet, stable_id, utcnow
from ocop_desktop.persistence.models import Scorecard as ScorecardRow
from ocop_desktop.persistence.uow import UnitOfWork, UowFactory
from ocop_desktop.services import reference
from ocop_desktop.services.access import Action, require
from ocop_desktop.services.reference import LoadReport, product_set_id, rule_set_id

SHIPPED = "shipped"
IMPORTED = "imported"


@dataclass(frozen=True)
class CardInfo:
    """A card as the office has it: the card itself, where it came from, its product set's name."""

    id: str
    card: Scorecard
    product_set_name: str  # "" for a card that serves every product set
    origin: str  # "shipped" (resources/scorecards) or "imported" (from an Excel file)
    imported_from: str = ""

    @property
    def code(self) -> str:
        return self.card.code


def scorecard_id(code: str) -> str:
    return stable_id("scorecard", code)


def shipped_files() -> list[Path]:
    return sorted((resources_dir() / "scorecards").glob("*.json"))


def pick_rule_set(rule_sets: list[RuleSet], text: str) -> RuleSet:
    """A rule set named by its code ("26/2026"), its number ("26", "148") or its decision."""
    wanted = " ".join((text or "").split()).casefold()
    tests: tuple[Callable[[RuleSet], bool], ...] = (
        lambda r: r.code.casefold() == wanted,
        lambda r: r.code.split("/")[0] == wanted,
        lambda r: r.decision.casefold().startswith(wanted),
    )
    for matches in tests:
        found = [r for r in rule_sets if matches(r)]
        if len(found) == 1:
            return found[0]
    known = ", ".join(r.code for r in rule_sets)
    raise NotFoundError(
        Text(
            f"Không có bộ tiêu chí «{text}». Các bộ tiêu chí: {known}.",
            f"There is no set of criteria «{text}». The sets of criteria: {known}.",
        )
    )


def _row_values(card: Scorecard, structure: dict[str, Any]) -> dict[str, Any]:
    return {
        "code": card.code,
        "rule_set_id": rule_set_id(card.rule_set),
        "product_set_id": product_set_id(card.product_set) if card.product_set else None,
        "structure": structure,
    }


def check_card(uow: UnitOfWork, card: Scorecard) -> list[FieldError]:
    """The card's problems, including a rule set or product set the office does not know."""
    rules = {r.code: r for r in reference.rule_sets(uow)}
    errors: list[FieldError] = []
    rule_set = rules.get(card.rule_set)
    if rule_set is None:
        errors.append(
            FieldError(
                "rule_set",
                (
                    Text(
                        f"không có bộ tiêu chí «{card.rule_set}»; các bộ tiêu chí: {', '.join(rules)}.",
                        f"there is no set of criteria «{card.rule_set}»; the sets of criteria: {', '.join(rules)}.",
                    )
                ),
            )
        )
    if card.product_set and uow.session.get(ProductSet, product_set_id(card.product_set)) is None:
        errors.append(
            FieldError(
                "product_set",
                Text(
                    f"không có bộ sản phẩm «{card.product_set}» trong danh mục.",
                    f"there is no product set «{card.product_set}» in the catalogue.",
                ),
            )
        )
    errors += [FieldError(p.where or "phiếu", p.message) for p in validate_card(card, rule_set)]
    return errors


def load_shipped_scorecards(make_uow: UowFactory) -> LoadReport:
    """Load or upgrade the cards of resources/scorecards; a card the office imported to
    replace a shipped one is kept. Call after load_reference (the rule sets must exist)."""
    report = LoadReport()
    with make_uow(action="reference", context="resources/scorecards") as uow:
        held = reference.loaded(uow.session, ScorecardRow)  # noqa: F841  (one query, not one a card)
        for path in shipped_files():
            try:
                card = card_from_dict(json.loads(path.read_text(encoding="utf-8")))
            except CardError as exc:
                raise ValidationError(
                    [FieldError(p.where, p.message) for p in exc.problems],
                    record=Text(f"Tệp {path.name}", f"File {path.name}"),
                ) from None
            errors = check_card(uow, card)
            if errors:
                raise ValidationError(errors, record=Text(f"Tệp {path.name}", f"File {path.name}"))
            row = uow.session.get(ScorecardRow, scorecard_id(card.code))
            if row is not None and row.structure.get("origin") == IMPORTED:
                continue  # the office's correction wins over the shipped card
            structure = {**card_to_dict(card), "origin": SHIPPED, "file": path.name}
            outcome = reference.upsert(uow.session, ScorecardRow, scorecard_id(card.code), _row_values(card, structure))
            report.count("scorecards", outcome)
        uow.commit()
    return report


def _info(row: ScorecardRow, set_names: dict[str, str]) -> CardInfo:
    card = card_from_dict(row.structure)
    return CardInfo(
        row.id,
        card,
        set_names.get(card.product_set or "", ""),
        row.structure.get("origin", SHIPPED),
        row.structure.get("imported_from", ""),
    )


class ScorecardService:
    def __init__(self, make_uow: UowFactory) -> None:
        self._uow = make_uow

    def ensure_loaded(self) -> LoadReport:
        """The shipped cards in the database (cheap when they already are)."""
        return load_shipped_scorecards(self._uow)

    def cards(self, rule_set_code: str | None = None) -> list[CardInfo]:
        """Every card, by rule set (oldest decision first), the all-sets card before the sets."""
        with self._uow() as uow:
            return self._cards(uow, rule_set_code)

    def _cards(self, uow: UnitOfWork, rule_set_code: str | None) -> list[CardInfo]:
        rules = reference.rule_sets(uow)
        order = {r.code: i for i, r in enumerate(rules)}
        sets = uow.session.execute(select(ProductSet.code, ProductSet.name, ProductSet.position)).all()
        names = {code: name for code, name, _pos in sets}
        positions = {code: pos for code, _name, pos in sets}
        query = select(ScorecardRow)
        if rule_set_code:
            query = query.where(ScorecardRow.rule_set_id == rule_set_id(pick_rule_set(rules, rule_set_code).code))
        infos = [_info(row, names) for row in uow.session.scalars(query)]
        return sorted(
            infos, key=lambda i: (order.get(i.card.rule_set, 99), positions.get(i.card.product_set or "", -1))
        )

    def card(self, rule_set_code: str, product_set_code: str | None) -> CardInfo:
        """The card for a product set under a rule set: its own card if there is one, else the
        rule set's card for every set."""
        with self._uow() as uow:
            return self.find(uow, rule_set_code, product_set_code)

    @staticmethod
    def find(uow: UnitOfWork, rule_set_code: str, product_set_code: str | None) -> CardInfo:
        names = dict(uow.session.execute(select(ProductSet.code, ProductSet.name)).all())
        for product_set in dict.fromkeys((product_set_code, None)):
            row = uow.session.get(ScorecardRow, scorecard_id(card_code(rule_set_code, product_set)))
            if row is not None:
                return _info(row, names)
        raise NotFoundError(
            Text(
                f"Chưa có phiếu chấm điểm của bộ tiêu chí {rule_set_code}"
                + (f" cho bộ sản phẩm «{names.get(product_set_code, product_set_code)}»" if product_set_code else "")
                + "; hãy nạp dữ liệu tham chiếu (ocop init) hoặc nhập phiếu bằng mẫu Excel.",
                f"There is no scoring card of the set of criteria {rule_set_code} yet"
                + (
                    f" for the product set «{names.get(product_set_code, product_set_code)}»"
                    if product_set_code
                    else ""
                )
                + "; load the reference data (ocop init) or import a card with the Excel template.",
            )
        )

    def store(self, card: Scorecard, source: str) -> CardInfo:
        """Save a card the office supplied, replacing any card of the same rule set and product
        set; refused with every problem when it does not add up."""
        with self._uow(action="import", context=source) as uow:
            require(
                uow.session,
                Action.REFERENCE,
                record=Text(f"Phiếu {card.title or card.code}", f"Card {card.title or card.code}"),
            )
            errors = check_card(uow, card)
            if errors:
                raise ValidationError(
                    errors, record=Text(f"Phiếu {card.title or card.code}", f"Card {card.title or card.code}")
                )
            structure = {
                **card_to_dict(card),
                "origin": IMPORTED,
                "imported_from": source,
                "imported_at": utcnow().isoformat(timespec="seconds"),
            }
            reference.upsert(uow.session, ScorecardRow, scorecard_id(card.code), _row_values(card, structure))
            uow.commit()
            names = dict(uow.session.execute(select(ProductSet.code, ProductSet.name)).all())
            stored = uow.session.get(ScorecardRow, scorecard_id(card.code))
            assert stored is not None  # written just above
            return _info(stored, names)

    def restore_shipped(self, code: str) -> CardInfo:
        """Drop the office's replacement of a shipped card and load the shipped one again."""
        with self._uow(action="import", context="khôi phục phiếu gốc") as uow:
            require(uow.session, Action.REFERENCE, record=Text(f"Phiếu «{code}»", f"Card «{code}»"))
            row = uow.session.get(ScorecardRow, scorecard_id(code))
            if row is None:
                raise NotFoundError(Text(f"Không có phiếu «{code}».", f"There is no card «{code}»."))
            shipped = [
                p for p in shipped_files() if card_from_dict(json.loads(p.read_text(encoding="utf-8"))).code == code
            ]
            if not shipped:
                raise NotFoundError(
                    Text(
                        f"Phiếu «{code}» không có bản gốc kèm theo ứng dụng để khôi phục.",
                        f"The card «{code}» has no original shipped with the application to restore.",
                    )
                )
            row.structure = {**row.structure, "origin": SHIPPED}
            uow.commit()
        load_shipped_scorecards(self._uow)
        rule_set, _, product_set = code.partition(":")
        return self.card(rule_set, None if product_set == "chung" else product_set)

    def rule_sets(self) -> list[RuleSet]:
        with self._uow() as uow:
            return reference.rule_sets(uow)

    def rule_set(self, text: str) -> RuleSet:
        return pick_rule_set(self.rule_sets(), text)

    def rule_set_on(self, day: date) -> RuleSet:
        try:
            return rule_set_in_force(self.rule_sets(), day)
        except LookupError as exc:
            raise NotFoundError(str(exc)) from None

    def write_template(self, path: Path, rule_set_code: str | None = None, product_set_code: str | None = None) -> Path:
        """An Excel workbook the office fills in to add or correct a card; it holds the card
        asked for (by default the 26/2026 card for coffee, a complete example) to edit."""
        with self._uow() as uow:
            rules = reference.rule_sets(uow)
            code = pick_rule_set(rules, rule_set_code).code if rule_set_code else "26/2026"
            info = self.find(
                uow, code, product_set_code if product_set_code else (None if rule_set_code else "ca-phe-ca-cao")
            )
        from ocop_desktop.services.scorecard_excel import write_card_xlsx  # openpyxl: loaded on first use

        return write_card_xlsx(info.card, Path(path))

    def import_xlsx(self, path: Path) -> CardInfo:
        """Read, check and store a card from the Excel template; refused with the sheet and row
        of every problem."""
        from ocop_desktop.services.scorecard_excel import read_card_xlsx  # openpyxl: loaded on first use

        path = Path(path)
        card = read_card_xlsx(path)
        with self._uow() as uow:
            known_sets = dict(uow.session.execute(select(ProductSet.name, ProductSet.code)).all())
            rules = reference.rule_sets(uow)
        card = _resolve_names(card, rules, known_sets, path.name)
        return self.store(card, path.name)


def _resolve_names(card: Scorecard, rules: list[RuleSet], sets_by_name: dict[str, str], source: str) -> Scorecard:
    """The rule set and product set as the office typed them ("26", "Cà phê, ca cao") as codes."""
    errors = []
    try:
        rule_set = pick_rule_set(rules, card.rule_set).code
    except NotFoundError as exc:
        errors.append(FieldError(Text("Trang «Phiếu», dòng 2", "Sheet «Phiếu», row 2"), str(exc)))
        rule_set = card.rule_set
    product_set = card.product_set
    if product_set:
        by_code = {code: code for code in sets_by_name.values()}
        by_name = {fold(name): code for name, code in sets_by_name.items()}
        product_set = by_code.get(product_set) or by_name.get(fold(product_set))
        if product_set is None:
            errors.append(
                FieldError(
                    Text("Trang «Phiếu», dòng 3", "Sheet «Phiếu», row 3"),
                    (
                        Text(
                            f"không có bộ sản phẩm «{card.product_set}»; hãy ghi đúng tên hoặc mã bộ sản phẩm "
                            "(ví dụ «Cà phê, ca cao» hoặc ca-phe-ca-cao), hoặc để trống nếu phiếu dùng chung.",
                            f"there is no product set «{card.product_set}»; write the product set's exact name or code "
                            "(for example «Cà phê, ca cao» or ca-phe-ca-cao), or leave it empty for a common card.",
                        )
                    ),
                )
            )
    if errors:
        raise ValidationError(errors, record=Text(f"Tệp {source}", f"File {source}"))
    return replace(card, rule_set=rule_set, product_set=product_set)

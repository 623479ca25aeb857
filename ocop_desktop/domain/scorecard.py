"""Scorecards as data: parts, criteria, sub-criteria, allowed levels, knock-outs, and their checks."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import Any

from ocop_desktop.domain.language import Spoken, Text, english
from ocop_desktop.domain.numbers import NumberError, format_vn_number, parse_vn_number
from ocop_desktop.domain.rules import RuleSet


@dataclass(frozen=True)
class Level:
    """One allowed score of a criterion and what it means ("3: hợp tác xã")."""

    points: float
    meaning: str = ""


@dataclass(frozen=True)
class Criterion:
    """A criterion; a group holds sub-criteria and is scored through them."""

    code: str
    name: str
    max: float
    levels: tuple[Level, ...] = ()  # empty: whole points 0..max
    criteria: tuple[Criterion, ...] = ()
    note: str = ""
    origin: str = ""  # where it was read from (a sheet and row), for messages

    @property
    def is_group(self) -> bool:
        return bool(self.criteria)

    def leaves(self) -> list[Criterion]:
        if not self.criteria:
            return [self]
        return [leaf for c in self.criteria for leaf in c.leaves()]

    def walk(self) -> list[Criterion]:
        return [self] + [c for sub in self.criteria for c in sub.walk()]

    def allowed(self) -> tuple[Level, ...]:
        if self.levels:
            return tuple(sorted(self.levels, key=lambda lv: lv.points))
        return tuple(Level(float(p)) for p in range(int(self.max) + 1))

    def label(self) -> str:
        return f"{self.code} «{self.name}»"


@dataclass(frozen=True)
class Part:
    code: str
    name: str
    max: float
    criteria: tuple[Criterion, ...]
    confirmed: bool = True
    note: str = ""
    origin: str = ""

    def leaves(self) -> list[Criterion]:
        return [leaf for c in self.criteria for leaf in c.leaves()]


@dataclass(frozen=True)
class Knockout:
    """A condition that stops the evaluation whatever the score."""

    code: str
    name: str
    confirmed: bool = True
    origin: str = ""


@dataclass(frozen=True)
class Scorecard:
    """The scoring structure of one rule set for one product set (None: every set)."""

    rule_set: str
    product_set: str | None
    title: str
    parts: tuple[Part, ...]
    knockouts: tuple[Knockout, ...] = ()
    confirmed: bool = True
    note: str = ""
    source: str = ""

    @property
    def code(self) -> str:
        return card_code(self.rule_set, self.product_set)

    @property
    def max_score(self) -> float:
        return sum(p.max for p in self.parts)

    def leaves(self) -> list[tuple[Part, Criterion]]:
        return [(p, leaf) for p in self.parts for leaf in p.leaves()]

    def criteria(self) -> list[Criterion]:
        """Every criterion, groups and leaves, in the order of the card."""
        return [c for p in self.parts for top in p.criteria for c in top.walk()]

    def find(self, code: str) -> Criterion | None:
        for c in self.criteria():
            if c.code == code:
                return c
        return None

    def knockout(self, code: str) -> Knockout | None:
        for k in self.knockouts:
            if k.code == code:
                return k
        return None


@dataclass(frozen=True)
class Problem:
    """What is wrong and where (a criterion code, or a sheet and row of an import)."""

    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}" if self.where else self.message


class CardError(Spoken, ValueError):
    """A card that cannot be used, with every problem found."""

    def __init__(self, problems: Sequence[Problem], card: str = "") -> None:
        self.problems = list(problems)
        self.card = card
        head = f"Phiếu {card}: " if card else ""
        head_en = f"Card {card}: " if card else ""
        english_problems = (
            f"{english(p.where)}: {english(p.message)}" if p.where else english(p.message) for p in self.problems
        )
        super().__init__(Text(head + "; ".join(str(p) for p in self.problems), head_en + "; ".join(english_problems)))


def card_code(rule_set: str, product_set: str | None) -> str:
    return f"{rule_set}:{product_set or 'chung'}"


def num(value: Fraction | float | int | None) -> int | float | None:
    """A score for JSON and display: whole numbers as int, others rounded to 2 decimals."""
    if value is None:
        return None
    value = Fraction(value) if not isinstance(value, Fraction) else value
    if value.denominator == 1:
        return int(value)
    return round(float(value), 2)


def points_text(value: Fraction | float | int | None) -> str:
    return format_vn_number(num(value)) if value is not None else ""


def to_fraction(value: Any) -> Fraction:
    """An exact number from JSON, a spreadsheet cell or typed text ("2,5" is two and a half)."""
    if isinstance(value, bool):
        raise NumberError(Text("Giá trị đúng/sai không phải là điểm.", "A yes/no value is not a score."))
    if isinstance(value, Fraction):
        return value
    if isinstance(value, int):
        return Fraction(value)
    if isinstance(value, float):
        return Fraction(Decimal(repr(value)))
    if isinstance(value, Decimal):
        return Fraction(value)
    return Fraction(parse_vn_number(str(value)))


# -- reading and writing the JSON form ---------------------------------------------------------
def _number(raw: Any, where: str, what: str, problems: list[Problem]) -> float | None:
    try:
        return float(to_fraction(raw))
    except (NumberError, ValueError, TypeError):
        problems.append(Problem(where, f"{what} «{raw}» không phải là số."))
        return None


def _criterion_from_dict(d: Mapping[str, Any], where: str, problems: list[Problem]) -> Criterion:
    code = str(d.get("code") or "").strip()
    here = d.get("origin") or where or (f"Tiêu chí {code}" if code else "")
    name = str(d.get("name") or "").strip()
    maximum = _number(d.get("max"), here, f"Điểm tối đa của tiêu chí {code}", problems)
    levels = []
    for raw in d.get("levels") or ():
        if isinstance(raw, Mapping):
            points, meaning = raw.get("points"), str(raw.get("meaning") or "").strip()
        else:
            points, meaning = raw, ""
        value = _number(points, here, f"Mức điểm của tiêu chí {code}", problems)
        if value is not None:
            levels.append(Level(value, meaning))
    subs = tuple(_criterion_from_dict(c, "", problems) for c in d.get("criteria") or ())
    return Criterion(
        code,
        name,
        maximum if maximum is not None else 0.0,
        tuple(levels),
        subs,
        str(d.get("note") or ""),
        str(d.get("origin") or ""),
    )


def card_from_dict(d: Mapping[str, Any]) -> Scorecard:
    """A card from its JSON form (resources/scorecards/*.json, the scorecards table)."""
    problems: list[Problem] = []
    parts = []
    for p in d.get("parts") or ():
        code = str(p.get("code") or "").strip()
        here = p.get("origin") or f"Phần {code}"
        maximum = _number(p.get("max"), here, f"Điểm tối đa của phần {code}", problems)
        criteria = tuple(_criterion_from_dict(c, "", problems) for c in p.get("criteria") or ())
        parts.append(
            Part(
                code,
                str(p.get("name") or "").strip(),
                maximum or 0.0,
                criteria,
                bool(p.get("confirmed", True)),
                str(p.get("note") or ""),
                str(p.get("origin") or ""),
            )
        )
    knockouts = tuple(
        Knockout(
            str(k.get("code") or "").strip(),
            str(k.get("name") or "").strip(),
            bool(k.get("confirmed", True)),
            str(k.get("origin") or ""),
        )
        for k in d.get("knockouts") or ()
    )
    rule_set = str(d.get("rule_set") or "").strip()
    if not rule_set:
        problems.append(Problem("", "Phiếu chưa ghi bộ tiêu chí (rule_set)."))
    card = Scorecard(
        rule_set=rule_set,
        product_set=(str(d["product_set"]).strip() or None) if d.get("product_set") else None,
        title=str(d.get("title") or "").strip(),
        parts=tuple(parts),
        knockouts=knockouts,
        confirmed=bool(d.get("confirmed", True)),
        note=str(d.get("note") or ""),
        source=str(d.get("source") or ""),
    )
    if problems:
        raise CardError(problems, card.code)
    return card


def _criterion_to_dict(c: Criterion) -> dict[str, Any]:
    out: dict[str, Any] = {"code": c.code, "name": c.name, "max": num(c.max)}
    if c.levels:
        out["levels"] = [{"points": num(lv.points), "meaning": lv.meaning} for lv in c.levels]
    if c.note:
        out["note"] = c.note
    if c.criteria:
        out["criteria"] = [_criterion_to_dict(s) for s in c.criteria]
    return out


def card_to_dict(card: Scorecard) -> dict[str, Any]:
    parts = []
    for p in card.parts:
        part: dict[str, Any] = {"code": p.code, "name": p.name, "max": num(p.max)}
        if not p.confirmed:
            part["confirmed"] = False
        if p.note:
            part["note"] = p.note
        part["criteria"] = [_criterion_to_dict(c) for c in p.criteria]
        parts.append(part)
    return {
        "rule_set": card.rule_set,
        "product_set": card.product_set,
        "title": card.title,
        "confirmed": card.confirmed,
        "note": card.note,
        "source": card.source,
        "parts": parts,
        "knockouts": [
            {"code": k.code, "name": k.name, **({} if k.confirmed else {"confirmed": False})} for k in card.knockouts
        ],
    }


# -- validation of a card ----------------------------------------------------------------------------
def _close(a: float, b: float) -> bool:
    return abs(a - b) < 1e-9


def _check_criterion(c: Criterion, problems: list[Problem]) -> None:
    where = c.origin or f"Tiêu chí {c.code}"
    label = c.label()
    if not c.name:
        problems.append(Problem(where, f"tiêu chí {c.code} chưa có tên."))
    if c.max <= 0:
        problems.append(Problem(where, f"tiêu chí {label} phải có điểm tối đa lớn hơn 0."))
    if c.criteria:
        total = sum(s.max for s in c.criteria)
        if not _close(total, c.max):
            problems.append(
                Problem(
                    where,
                    (
                        f"các tiêu chí con của {label} cộng lại {format_vn_number(total)} điểm, khác điểm tối đa "
                        f"{format_vn_number(c.max)} của tiêu chí; hãy sửa điểm tối đa cho khớp."
                    ),
                )
            )
        if c.levels:
            problems.append(Problem(where, f"tiêu chí {label} có tiêu chí con nên không ghi mức điểm riêng."))
        for sub in c.criteria:
            _check_criterion(sub, problems)
        return
    if c.levels:
        points = [lv.points for lv in c.levels]
        if len(set(points)) != len(points):
            problems.append(Problem(where, f"tiêu chí {label} có mức điểm bị trùng."))
        outside = [p for p in points if p < 0 or p > c.max + 1e-9]
        if outside:
            problems.append(
                Problem(
                    where,
                    (
                        f"mức điểm {', '.join(format_vn_number(p) for p in outside)} của tiêu chí {label} nằm ngoài "
                        f"0–{format_vn_number(c.max)}."
                    ),
                )
            )
        if c.max > 0 and not any(_close(p, c.max) for p in points):
            problems.append(
                Problem(
                    where,
                    (
                        f"tiêu chí {label} không có mức nào bằng điểm tối đa {format_vn_number(c.max)}; "
                        "hãy thêm mức cao nhất hoặc sửa điểm tối đa."
                    ),
                )
            )
    elif c.max != int(c.max):
        problems.append(
            Problem(
                where,
                (
                    f"điểm tối đa {format_vn_number(c.max)} của tiêu chí {label} không phải số nguyên; "
                    "hãy ghi rõ các mức điểm cho phép."
                ),
            )
        )


def validate_card(card: Scorecard, rule_set: RuleSet | None) -> list[Problem]:
    """Everything that makes a card unusable: sums that do not add up, parts that differ from
    the rule set's parts, duplicate codes, levels outside the criterion's range."""
    problems: list[Problem] = []
    if not card.parts:
        problems.append(Problem("", "phiếu chưa có phần nào (A, B, C)."))
    seen_parts: set[str] = set()
    for part in card.parts:
        where = part.origin or f"Phần {part.code}"
        if not part.code:
            problems.append(Problem(where, "phần chưa có mã (A, B, C)."))
        if part.code in seen_parts:
            problems.append(Problem(where, f"phần {part.code} bị ghi hai lần."))
        seen_parts.add(part.code)
        if rule_set is not None:
            expected = rule_set.parts.get(part.code)
            if expected is None:
                problems.append(
                    Problem(
                        where,
                        (
                            f"bộ tiêu chí {rule_set.code} không có phần {part.code}; các phần là "
                            f"{', '.join(rule_set.parts)}."
                        ),
                    )
                )
            elif not _close(expected, part.max):
                problems.append(
                    Problem(
                        where,
                        (
                            f"phần {part.code} có điểm tối đa {format_vn_number(part.max)}, khác "
                            f"{format_vn_number(expected)} điểm của bộ tiêu chí {rule_set.code}."
                        ),
                    )
                )
        if not part.criteria:
            problems.append(Problem(where, f"phần {part.code} chưa có tiêu chí nào."))
            continue
        total = sum(c.max for c in part.criteria)
        if not _close(total, part.max):
            problems.append(
                Problem(
                    where,
                    (
                        f"các tiêu chí của phần {part.code} cộng lại {format_vn_number(total)} điểm, khác điểm tối đa "
                        f"{format_vn_number(part.max)} của phần; hãy sửa điểm các tiêu chí cho khớp."
                    ),
                )
            )
        for c in part.criteria:
            _check_criterion(c, problems)
    if rule_set is not None:
        for code in rule_set.parts:
            if code not in seen_parts:
                problems.append(
                    Problem(
                        "",
                        (
                            f"thiếu phần {code} ({format_vn_number(rule_set.parts[code])} điểm) của bộ tiêu chí "
                            f"{rule_set.code}."
                        ),
                    )
                )
    seen: dict[str, Criterion] = {}
    for c in card.criteria():
        if not c.code:
            problems.append(Problem(c.origin, f"tiêu chí «{c.name}» chưa có mã."))
        elif c.code in seen:
            problems.append(Problem(c.origin or f"Tiêu chí {c.code}", f"mã tiêu chí {c.code} bị dùng hai lần."))
        seen[c.code] = c
    codes = [k.code for k in card.knockouts]
    for k in card.knockouts:
        if not k.code or not k.name:
            problems.append(Problem(k.origin, "điều kiện loại phải có cả mã và nội dung."))
        elif codes.count(k.code) > 1:
            problems.append(Problem(k.origin or k.code, f"mã điều kiện loại {k.code} bị dùng hai lần."))
    return problems

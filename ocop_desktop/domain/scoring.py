"""Scoring on a card: members' points checked and averaged, totals, star class, knock-outs, the gap."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from ocop_desktop.domain.numbers import NumberError
from ocop_desktop.domain.rules import RuleSet
from ocop_desktop.domain.scorecard import Level, Problem, Scorecard, num, points_text, to_fraction

KNOCKOUT_KEY = "knockout"  # in a scores map: the knock-out code(s) a member found
MEMBER_KEY = "member"  # in a scores map: the council member's name


def parse_scores(card: Scorecard, raw: Mapping[str, Any]) -> tuple[dict[str, Fraction], list[Problem]]:
    """One member's points by criterion code, checked against the card; the reserved keys
    "knockout" and "member" are skipped. Blank values mean "not scored"."""
    problems: list[Problem] = []
    scores: dict[str, Fraction] = {}
    for code, value in raw.items():
        if code in (KNOCKOUT_KEY, MEMBER_KEY):
            continue
        criterion = card.find(code)
        if criterion is None:
            problems.append(Problem(code, f"không có tiêu chí mã «{code}» trong «{card.title or card.code}»."))
            continue
        if criterion.is_group:
            subs = ", ".join(leaf.code for leaf in criterion.leaves())
            problems.append(Problem(code, f"«{criterion.name}» là nhóm tiêu chí; hãy chấm từng tiêu chí con: {subs}."))
            continue
        if value is None or (isinstance(value, str) and not value.strip()):
            continue
        try:
            points = to_fraction(value)
        except (NumberError, ValueError, TypeError):
            problems.append(Problem(code, f"điểm «{value}» của tiêu chí «{criterion.name}» không phải là số."))
            continue
        if points < 0 or points > to_fraction(criterion.max):
            problems.append(
                Problem(
                    code,
                    (
                        f"tiêu chí «{criterion.name}» được {points_text(points)} điểm, nằm ngoài thang 0–"
                        f"{points_text(criterion.max)} điểm."
                    ),
                )
            )
            continue
        allowed = [to_fraction(lv.points) for lv in criterion.allowed()]
        if points not in allowed:
            problems.append(
                Problem(
                    code,
                    (
                        f"tiêu chí «{criterion.name}» không có mức {points_text(points)} điểm; các mức cho phép: "
                        f"{', '.join(points_text(a) for a in allowed)}."
                    ),
                )
            )
            continue
        scores[code] = points
    return scores, problems


def knockout_codes(raw: Any) -> list[str]:
    if raw is None or raw == "":
        return []
    if isinstance(raw, str):
        return [raw.strip()] if raw.strip() else []
    return [str(x).strip() for x in raw if str(x).strip()]


def check_knockouts(card: Scorecard, codes: Iterable[str]) -> list[Problem]:
    known = ", ".join(k.code for k in card.knockouts) or "không có"
    return [
        Problem(KNOCKOUT_KEY, f"không có điều kiện loại «{code}» trong «{card.title or card.code}» (có: {known}).")
        for code in codes
        if card.knockout(code) is None
    ]


@dataclass(frozen=True)
class Outcome:
    """The result of a scoring: averaged points, part totals, total, stars or the knock-out."""

    criteria: dict[str, Fraction]  # averaged points of every leaf criterion (unscored: 0)
    parts: dict[str, Fraction]
    total: Fraction
    stars: int | None  # None when knocked out
    knockout: str | None  # the reason, in words
    knockout_codes: tuple[str, ...]
    missing: tuple[str, ...]  # leaves no member has scored
    member_totals: tuple[Fraction, ...]

    def as_json(self) -> dict[str, Any]:
        return {
            "parts": {k: num(v) for k, v in self.parts.items()},
            "total": num(self.total),
            "stars": self.stars,
            "knockout": self.knockout,
        }


def average(card: Scorecard, members: Sequence[Mapping[str, Fraction]]) -> dict[str, Fraction]:
    """Each leaf's points averaged over the members (a blank counts 0), exactly."""
    out: dict[str, Fraction] = {}
    n = max(1, len(members))
    for _part, leaf in card.leaves():
        out[leaf.code] = sum((m.get(leaf.code, Fraction(0)) for m in members), Fraction(0)) / n
    return out


def knockout_reason(card: Scorecard, codes: Iterable[str]) -> str | None:
    found = [card.knockout(c) for c in dict.fromkeys(codes)]
    texts = [f"{k.code}: {k.name}" for k in found if k is not None]
    return "; ".join(texts) or None


def evaluate(
    card: Scorecard, rule_set: RuleSet, members: Sequence[Mapping[str, Fraction]], knockouts: Iterable[str] = ()
) -> Outcome:
    """Average the members' scores (as the rules say), total them and give the star class;
    a knock-out stops the evaluation: no star class, the reason instead."""
    averaged = average(card, members)
    parts = {p.code: sum((averaged[leaf.code] for leaf in p.leaves()), Fraction(0)) for p in card.parts}
    total = sum(parts.values(), Fraction(0))
    codes = tuple(dict.fromkeys(knockouts))
    reason = knockout_reason(card, codes)
    # The exact fraction decides the class: 209/3 is 69.67, never rounded up into 70.
    stars = None if reason else rule_set.stars_for(float(total))
    scored = {code for m in members for code in m}
    missing = tuple(leaf.code for _p, leaf in card.leaves() if leaf.code not in scored)
    member_totals = tuple(sum(m.values(), Fraction(0)) for m in members)
    return Outcome(averaged, parts, total, stars, reason, codes, missing, member_totals)


# -- the gap to the next star --------------------------------------------------------------------
@dataclass(frozen=True)
class Loss:
    """Points a criterion loses, and the next level that would win some back."""

    part: str
    code: str
    name: str
    score: Fraction
    max: float
    lost: Fraction
    next_level: Level | None


@dataclass(frozen=True)
class Gap:
    stars: int | None
    next_stars: int | None  # None: already at the top class
    next_min: float | None
    needed: Fraction | None  # points still needed for the next class
    losses: tuple[Loss, ...]  # largest first


def gap(card: Scorecard, rule_set: RuleSet, outcome: Outcome) -> Gap:
    """Which criteria lose most points and how many points the next star class needs."""
    current = rule_set.stars_for(float(outcome.total))
    higher = sorted((b for b in rule_set.star_bands if b.stars > current), key=lambda b: b.stars)
    nxt = higher[0] if higher else None
    needed = to_fraction(nxt.min_score) - outcome.total if nxt else None
    losses = []
    for part, leaf in card.leaves():
        score = outcome.criteria.get(leaf.code, Fraction(0))
        lost = to_fraction(leaf.max) - score
        if lost <= 0:
            continue
        above = [lv for lv in leaf.allowed() if to_fraction(lv.points) > score]
        losses.append(Loss(part.code, leaf.code, leaf.name, score, leaf.max, lost, above[0] if above else None))
    order = {leaf.code: i for i, (_p, leaf) in enumerate(card.leaves())}
    losses.sort(key=lambda x: (-x.lost, order[x.code]))
    return Gap(outcome.stars, nxt.stars if nxt else None, nxt.min_score if nxt else None, needed, tuple(losses))

"""What the evaluation service takes and returns: inputs and DTOs (frozen dataclasses)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from fractions import Fraction
from typing import Any

from ocop_desktop.domain.enums import EvaluationLevel
from ocop_desktop.domain.rules import RuleSet
from ocop_desktop.domain.scorecard import Scorecard
from ocop_desktop.domain.scoring import Gap

DEFAULT_LEVEL = EvaluationLevel.PROVINCE.value


@dataclass(frozen=True)
class ProductBrief:
    id: str
    name: str
    producer: str
    product_set_code: str
    product_set: str
    stars: int | None
    score: float | None


@dataclass(frozen=True)
class ScoringSetup:
    """What a scoring form needs: the product, the rule sets to choose from, the card."""

    product: ProductBrief
    rule_sets: tuple[RuleSet, ...]
    rule_set: RuleSet
    in_force: str  # code of the rule set in force on the evaluation date
    card: Scorecard
    card_origin: str


@dataclass(frozen=True)
class MemberInput:
    name: str
    scores: Mapping[str, Any]  # criterion code -> points
    knockouts: tuple[str, ...] = ()


@dataclass(frozen=True)
class CertificationInput:
    certificate_no: str = ""
    decision: str = ""
    body: str = ""  # empty: the body the rule set names for the star class
    certified_on: date | None = None


@dataclass(frozen=True)
class EvaluationInput:
    product_id: str
    evaluated_on: date
    members: tuple[MemberInput, ...]
    rule_set_code: str | None = None  # None: the rule set in force on evaluated_on
    level: str = DEFAULT_LEVEL
    knockouts: tuple[str, ...] = ()
    notes: str = ""
    certification: CertificationInput | None = None


@dataclass(frozen=True)
class MemberDTO:
    position: int
    name: str
    scores: dict[str, float]
    total: float


@dataclass(frozen=True)
class CertificationDTO:
    product_id: str
    product_name: str
    stars: int
    score: float
    certificate_no: str
    decision: str
    body: str
    certified_on: date
    expires_on: date
    reevaluation_from: date | None  # the window for filing a re-evaluation, if the rules set one
    reevaluation_to: date | None
    warning_on: date | None  # latest day the issuer warns of the expiry, if the rules say so
    rule_set_code: str


@dataclass(frozen=True)
class EvaluationDTO:
    id: str
    product_id: str
    product_name: str
    rule_set_code: str
    card_code: str
    evaluated_on: date
    level: str
    level_label: str
    members: tuple[MemberDTO, ...]
    scores: dict[str, float]  # averaged points by criterion
    parts: dict[str, float]
    total: float
    stars: int | None
    knockout: str | None
    certified: bool
    notes: str
    created_at: datetime
    certification: CertificationDTO | None = None


@dataclass(frozen=True)
class EvaluationRow:
    """One line of a product's evaluation history."""

    id: str
    evaluated_on: date
    rule_set_code: str
    level_label: str
    members: int
    total: float | None
    stars: int | None
    knockout: str | None
    certified: bool
    proposed_to: str = ""  # the stars exceed the evaluating level's authority: "cấp trung ương (Bộ …)"
    level: str = ""  # the level's code (EvaluationLevel): the window shows its label in its own language


@dataclass(frozen=True)
class ProductGap:
    product: ProductBrief
    evaluation_id: str
    evaluated_on: date
    rule_set_code: str
    total: Fraction
    knockout: str | None
    gap: Gap

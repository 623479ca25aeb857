"""Rule sets of the OCOP decisions: star bands, certificate validity, re-evaluation windows."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from ocop_desktop.domain.numbers import add_months


@dataclass(frozen=True)
class StarBand:
    """Scores from ``min_score`` (inclusive) up to the next band give ``stars``."""

    stars: int
    min_score: float
    certified_by: str | None  # None: this class gets no certificate


@dataclass(frozen=True)
class RuleSet:
    """One decision's rules, as loaded from resources/reference/rule_sets.json."""

    code: str
    decision: str
    title: str
    signed_on: date
    effective_from: date
    effective_to: date | None
    parts: dict[str, float]
    star_bands: tuple[StarBand, ...]
    certificate_months: int
    min_certified_stars: int = 3
    reevaluation_window_days: tuple[int, int] | None = None  # (from, to) days before expiry
    expiry_warning_days: int | None = None
    notes: str = ""
    certifying_levels: dict[int, str] = field(default_factory=dict)

    @property
    def max_score(self) -> float:
        return sum(self.parts.values())

    def in_force_on(self, day: date) -> bool:
        return self.effective_from <= day and (self.effective_to is None or day <= self.effective_to)

    def stars_for(self, score: float) -> int:
        """Star class for a total score; the bands are closed below and open above."""
        if score < 0 or score > self.max_score:
            raise ValueError(
                f"Tổng điểm {score:g} nằm ngoài thang điểm 0–{self.max_score:g} của {self.code}."
            )
        for band in sorted(self.star_bands, key=lambda b: b.min_score, reverse=True):
            if score >= band.min_score:
                return band.stars
        raise ValueError(f"Bảng hạng sao của {self.code} không có hạng cho {score:g} điểm.")

    def band(self, stars: int) -> StarBand:
        for band in self.star_bands:
            if band.stars == stars:
                return band
        raise KeyError(stars)

    def is_certifiable(self, stars: int) -> bool:
        return stars >= self.min_certified_stars

    def expiry_for(self, certified_on: date) -> date:
        """Certificate expiry: the same calendar day ``certificate_months`` later."""
        return add_months(certified_on, self.certificate_months)

    def reevaluation_window(self, expires_on: date) -> tuple[date, date] | None:
        """Dates between which the holder must file for re-evaluation, if the rules set one."""
        if self.reevaluation_window_days is None:
            return None
        earliest, latest = self.reevaluation_window_days
        return expires_on - timedelta(days=earliest), expires_on - timedelta(days=latest)

    def warning_date(self, expires_on: date) -> date | None:
        """Latest date on which the issuer warns the holder of the coming expiry."""
        if self.expiry_warning_days is None:
            return None
        return expires_on - timedelta(days=self.expiry_warning_days)


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def rule_set_from_dict(d: dict) -> RuleSet:
    """A rule set from its reference-data form (resources/reference/rule_sets.json)."""
    bands = tuple(
        StarBand(b["stars"], float(b["min_score"]), b.get("certified_by")) for b in d["star_bands"]
    )
    window = d.get("reevaluation_window_days")
    return RuleSet(
        code=d["code"],
        decision=d["decision"],
        title=d["title"],
        signed_on=_day(d["signed_on"]),
        effective_from=_day(d["effective_from"]),
        effective_to=_day(d.get("effective_to")),
        parts={k: float(v) for k, v in d["parts"].items()},
        star_bands=bands,
        certificate_months=d["certificate_months"],
        min_certified_stars=d.get("min_certified_stars", 3),
        reevaluation_window_days=tuple(window) if window else None,
        expiry_warning_days=d.get("expiry_warning_days"),
        notes=d.get("notes", ""),
        certifying_levels={b.stars: b.certified_by for b in bands if b.certified_by},
    )


def rule_set_in_force(rule_sets: list[RuleSet], day: date) -> RuleSet:
    """The rule set a product evaluated on ``day`` is judged under."""
    candidates = [r for r in rule_sets if r.in_force_on(day)]
    if not candidates:
        raise LookupError(f"Không có bộ tiêu chí nào có hiệu lực vào ngày {day:%d/%m/%Y}.")
    return max(candidates, key=lambda r: r.effective_from)

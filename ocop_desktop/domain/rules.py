"""Rule sets of the OCOP decisions: star bands, who evaluates and certifies, certificate validity, re-evaluation."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from ocop_desktop.domain.language import Text
from ocop_desktop.domain.numbers import add_months


@dataclass(frozen=True)
class StarBand:
    """Scores from ``min_score`` (inclusive) up to the next band give ``stars``."""

    stars: int
    min_score: float
    certified_by: str | None  # None: this class gets no certificate


@dataclass(frozen=True)
class Authority:
    """What one level (xã, huyện, tỉnh, trung ương) may do under a rule set."""

    level: str  # EvaluationLevel value: "xa", "huyen", "tinh", "trung_uong"
    name: str  # "cấp tỉnh"
    evaluates: bool  # holds a council that evaluates and rates products
    certifies: tuple[int, ...]  # star classes it certifies (its body signs the certificate)
    body: str | None  # the certifying body, e.g. "UBND cấp tỉnh"
    proposes_to: str | None  # the level a result beyond its authority is sent to
    role: str = ""  # what the level does, in words

    @property
    def title(self) -> str:
        """ "cấp trung ương (Bộ Nông nghiệp và Môi trường)": the level and, when it certifies, its body."""
        return f"{self.name} ({self.body})" if self.body else self.name

    def certifies_text(self) -> str:
        if not self.certifies:
            return "không công nhận hạng sao nào"
        low, high = min(self.certifies), max(self.certifies)
        return f"công nhận {low} sao" if low == high else f"công nhận {low}–{high} sao"


@dataclass(frozen=True)
class Standing:
    """Where a result of ``stars`` evaluated at one level stands under the rule set."""

    stars: int | None
    level: Authority | None  # the evaluating level (None: the rule set names no levels)
    certifier: Authority | None  # the level whose body certifies these stars (None: not certified)
    proposed_to: Authority | None  # beyond the evaluating level's authority: where it is proposed
    threshold: float | None  # the score from which results are proposed instead of rated here

    @property
    def may_certify(self) -> bool:
        if self.stars is None:
            return False
        if self.level is None:  # the rule set names no levels (data loaded before they existed)
            return True
        return self.certifier is not None and self.certifier.level == self.level.level

    @property
    def proposed(self) -> bool:
        return self.proposed_to is not None


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
    authorities: tuple[Authority, ...] = ()
    authority_source: str = ""

    @property
    def max_score(self) -> float:
        return sum(self.parts.values())

    def in_force_on(self, day: date) -> bool:
        return self.effective_from <= day and (self.effective_to is None or day <= self.effective_to)

    def stars_for(self, score: float) -> int:
        """Star class for a total score; the bands are closed below and open above."""
        if score < 0 or score > self.max_score:
            raise ValueError(
                Text(
                    f"Tổng điểm {score:g} nằm ngoài thang điểm 0–{self.max_score:g} của {self.code}.",
                    f"The total score {score:g} is outside the scale 0–{self.max_score:g} of {self.code}.",
                )
            )
        for band in sorted(self.star_bands, key=lambda b: b.min_score, reverse=True):
            if score >= band.min_score:
                return band.stars
        raise ValueError(
            Text(
                f"Bảng hạng sao của {self.code} không có hạng cho {score:g} điểm.",
                f"The star table of {self.code} has no class for {score:g} points.",
            )
        )

    def band(self, stars: int) -> StarBand:
        for band in self.star_bands:
            if band.stars == stars:
                return band
        raise KeyError(stars)

    def is_certifiable(self, stars: int) -> bool:
        return stars >= self.min_certified_stars

    # -- who evaluates and certifies -------------------------------------------------------------
    def authority(self, level: str) -> Authority | None:
        return next((a for a in self.authorities if a.level == level), None)

    def certifier(self, stars: int | None) -> Authority | None:
        """The level whose body certifies ``stars`` (None below the certified classes)."""
        if stars is None or not self.is_certifiable(stars):
            return None
        return next((a for a in self.authorities if stars in a.certifies), None)

    def standing(self, level: str, stars: int | None) -> Standing:
        """A result of ``stars`` evaluated at ``level``: certified there, or proposed to the level
        above when the stars exceed what the level certifies (or the level does not evaluate)."""
        here = self.authority(level)
        certifier = self.certifier(stars)
        if here is None or stars is None or not self.is_certifiable(stars):
            return Standing(stars, here, certifier, None, None)
        if certifier is not None and certifier.level == here.level and here.evaluates:
            return Standing(stars, here, certifier, None, None)
        top = max(here.certifies) if here.evaluates and here.certifies else None
        if top is not None and stars < min(here.certifies):
            return Standing(stars, here, certifier, None, None)  # rated here, certified below
        above = self.authority(here.proposes_to) if here.proposes_to else None
        first = top + 1 if top is not None else self.min_certified_stars
        threshold = self.band(first).min_score if any(b.stars == first for b in self.star_bands) else None
        return Standing(stars, here, certifier, above or certifier, threshold)

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


def rule_set_from_dict(d: dict[str, Any]) -> RuleSet:
    """A rule set from its reference-data form (resources/reference/rule_sets.json)."""
    authority = d.get("authority") or {}
    authorities = tuple(
        Authority(
            a["level"],
            a["name"],
            bool(a["evaluates"]),
            tuple(a.get("certifies") or ()),
            a.get("body"),
            a.get("proposes_to"),
            a.get("role", ""),
        )
        for a in authority.get("levels", ())
    )

    def certified_by(band: dict[str, Any]) -> str | None:
        # The certifying body is written once, in the authority levels; older data kept it per band.
        body = next((a.body for a in authorities if band["stars"] in a.certifies), None)
        return body or band.get("certified_by")

    bands = tuple(StarBand(b["stars"], float(b["min_score"]), certified_by(b)) for b in d["star_bands"])
    window = d.get("reevaluation_window_days")
    return RuleSet(
        code=d["code"],
        decision=d["decision"],
        title=d["title"],
        signed_on=date.fromisoformat(d["signed_on"]),
        effective_from=date.fromisoformat(d["effective_from"]),
        effective_to=_day(d.get("effective_to")),
        parts={k: float(v) for k, v in d["parts"].items()},
        star_bands=bands,
        certificate_months=d["certificate_months"],
        min_certified_stars=d.get("min_certified_stars", 3),
        reevaluation_window_days=tuple(window) if window else None,
        expiry_warning_days=d.get("expiry_warning_days"),
        notes=d.get("notes", ""),
        certifying_levels={b.stars: b.certified_by for b in bands if b.certified_by},
        authorities=authorities,
        authority_source=authority.get("source", ""),
    )


def rule_set_in_force(rule_sets: list[RuleSet], day: date) -> RuleSet:
    """The rule set a product evaluated on ``day`` is judged under."""
    candidates = [r for r in rule_sets if r.in_force_on(day)]
    if not candidates:
        raise LookupError(
            Text(
                f"Không có bộ tiêu chí nào có hiệu lực vào ngày {day:%d/%m/%Y}.",
                f"No set of criteria is in force on {day:%d/%m/%Y}.",
            )
        )
    return max(candidates, key=lambda r: r.effective_from)


# -- the result in words: rated, or proposed to the level that may certify it --------------------------
def _short(decision: str) -> str:
    """ "1048/QĐ-TTg" from "1048/QĐ-TTg (sửa đổi bởi …)": the decision as a sentence names it."""
    return decision.split(" (")[0]


def result_phrase(rules: RuleSet, standing: Standing, total: str, max_score: str) -> str:
    """The line a result prints: the star class, or "đề nghị cấp … đánh giá, công nhận" when the
    stars exceed what the evaluating level may certify (or the level does not evaluate at all)."""
    head = f"Kết quả: tổng điểm bình quân {total}/{max_score}"
    here, stars = standing.level, standing.stars
    if here is not None and not here.evaluates:
        text = (
            f"Theo Quyết định {_short(rules.decision)}, {here.name} không đánh giá, phân hạng sản phẩm "
            f"({here.role}). {head}"
        )
        if standing.proposed_to is not None:
            return text + f"; đề nghị {standing.proposed_to.title} đánh giá, công nhận."
        return text + ", chưa đạt mức được công nhận." if stars is not None else text + "."
    if standing.proposed_to is not None:
        assert here is not None, "a result is proposed on from the level that evaluated it"
        limit = (
            f"vượt thẩm quyền công nhận của {here.name} ({here.certifies_text()})"
            if here.certifies
            else f"{here.name} không công nhận hạng sao"
        )
        above = f", từ {standing.threshold:g} điểm trở lên" if standing.threshold is not None else ""
        return f"{head}{above}, {limit}; đề nghị {standing.proposed_to.title} đánh giá, công nhận."
    text = f"{head}, hạng {stars} sao"
    if standing.certifier is not None and here is not None and standing.certifier.level != here.level:
        text += f"; hạng {stars} sao do {standing.certifier.title} công nhận"
    return text + "."


def certify_refusal(rules: RuleSet, standing: Standing, total: str) -> str | None:
    """Why a result may not be certified from this evaluation (None: it may), naming the level that
    must certify it. None too below the certified classes: that refusal is the rule set's minimum."""
    if (
        standing.may_certify
        or standing.stars is None
        or standing.level is None
        or not rules.is_certifiable(standing.stars)
    ):
        return None
    here, stars, decision = standing.level, standing.stars, _short(rules.decision)
    who = standing.certifier.title if standing.certifier else "cấp có thẩm quyền"
    if not here.evaluates:
        return (
            f"Theo Quyết định {decision}, {here.name} không đánh giá, phân hạng sản phẩm ({here.role}) nên "
            f"kết quả {total} điểm không được công nhận tại {here.name}; hạng {stars} sao do {who} "
            f"đánh giá, công nhận."
        )
    if standing.proposed_to is not None:
        limit = here.certifies_text() if here.certifies else "không công nhận hạng sao"
        return (
            f"Kết quả {total} điểm ({stars} sao) vượt thẩm quyền công nhận của {here.name} theo Quyết định "
            f"{decision} ({here.name} {limit}): hạng {stars} sao do {who} đánh giá, công nhận. Hãy đề nghị "
            f"{standing.proposed_to.title} đánh giá, công nhận, rồi ghi nhận kết quả đánh giá của cấp đó."
        )
    return (
        f"Theo Quyết định {decision}, {here.name} {here.certifies_text()}; kết quả {total} điểm ({stars} sao) "
        f"do {who} công nhận."
    )

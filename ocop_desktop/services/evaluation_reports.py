"""Paper for evaluations: the scoring sheet (blank or filled) and the result, as Report objects."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from fractions import Fraction
from pathlib import Path
from typing import Any

from ocop_desktop.domain.documents import DOCUMENT_BY_KEY
from ocop_desktop.domain.enums import EvaluationLevel
from ocop_desktop.domain.language import Text
from ocop_desktop.domain.numbers import format_vn_date
from ocop_desktop.domain.rules import RuleSet, result_phrase
from ocop_desktop.domain.schema import EVALUATION, REPORT
from ocop_desktop.domain.schema.fields import SHEET_REPORT
from ocop_desktop.domain.scorecard import Criterion, Scorecard, num, points_text, to_fraction
from ocop_desktop.domain.validation import ValidationError
from ocop_desktop.exports.report_model import OfficialHeader, Report, ReportColumn, ReportSection
from ocop_desktop.persistence.uow import UowFactory
from ocop_desktop.services.documents import DocumentService
from ocop_desktop.services.evaluation import EvaluationService, check_members
from ocop_desktop.services.evaluation_types import EvaluationDTO, MemberInput, ProductBrief
from ocop_desktop.services.report_columns import report_column, report_columns
from ocop_desktop.services.report_seal import write_sealed
from ocop_desktop.services.scorecards import ScorecardService, pick_rule_set

DOTS = "……………"


def _name(c: Criterion, depth: int) -> str:
    levels = "; ".join(f"{points_text(lv.points)} = {lv.meaning}" for lv in c.levels if lv.meaning)
    text = f"{c.name} ({levels})" if levels else c.name
    return ("– " if depth else "") + text


def _subtotal(c: Criterion, scores: Mapping[str, Fraction]) -> Fraction | None:
    got = [scores[leaf.code] for leaf in c.leaves() if leaf.code in scores]
    return sum(got, Fraction(0)) if got else None


def _lines(card: Scorecard, score_sets: Sequence[Mapping[str, Fraction]], keys: Sequence[str]) -> list[ReportSection]:
    """One section per part; each criterion a row, group rows carry the sum of their leaves,
    and a 'Cộng phần' row closes each part."""
    sections = []
    for part in card.parts:
        rows: list[Mapping[str, Any]] = []
        stack = [(c, 0) for c in reversed(part.criteria)]
        while stack:
            c, depth = stack.pop()
            row = {"code": c.code, "name": _name(c, depth), "max": num(c.max)}
            for key, scores in zip(keys, score_sets, strict=False):
                value = _subtotal(c, scores)
                row[key] = num(value) if value is not None else None
            rows.append(row)
            stack += [(s, depth + 1) for s in reversed(c.criteria)]
        closing = {"code": "", "name": f"Cộng phần {part.code}", "max": num(part.max)}
        for key, scores in zip(keys, score_sets, strict=False):
            values = [_subtotal(c, scores) for c in part.criteria]
            closing[key] = (
                num(sum((v for v in values if v is not None), Fraction(0)))
                if any(v is not None for v in values)
                else None
            )
        rows.append(closing)
        title = f"Phần {part.code}. {part.name} (tối đa {points_text(part.max)} điểm)"
        sections.append(ReportSection(title, rows))  # whether a card is confirmed is said in the window, not on paper
    return sections


def _product_lines(card: Scorecard, rule_set: RuleSet, product: ProductBrief | None) -> list[str]:
    lines = [
        f"Sản phẩm: {product.name if product else DOTS}",
        f"Chủ thể: {(product.producer or DOTS) if product else DOTS}",
        f"Bộ sản phẩm: {(product.product_set if product and product.product_set else '') or card.product_set or 'dùng chung'}",
        f"Bộ tiêu chí: Quyết định {rule_set.decision}",
    ]
    return lines


def scoring_sheet(
    card: Scorecard,
    rule_set: RuleSet,
    header: OfficialHeader,
    product: ProductBrief | None = None,
    member: str = "",
    scores: Mapping[str, object] | None = None,
    knockouts: Sequence[str] = (),
    on: date | None = None,
) -> Report:
    """The card as a sheet a council member scores by hand (no scores), or filled in."""
    filled = scores is not None
    exact = {k: to_fraction(v) for k, v in (scores or {}).items() if card.find(k) and v not in (None, "")}
    columns = report_columns(EVALUATION.view(SHEET_REPORT))  # domain/schema/records.py
    sections = _lines(card, [exact if filled else {}], ["score"])
    total = sum(exact.values(), Fraction(0))
    sections.append(
        ReportSection(
            "Tổng hợp",
            [
                {"code": "", "name": "Tổng điểm", "max": num(card.max_score), "score": num(total) if filled else None},
            ],
        )
    )
    ko = set(knockouts)
    notes = ["Điều kiện loại (đánh dấu X nếu có; sản phẩm có một điều kiện loại không được xếp hạng):"]
    notes += [f"[{' X ' if k.code in ko else '   '}] {k.code}: {k.name}" for k in card.knockouts] or ["(không có)"]
    if filled:
        reason = "; ".join(f"{k.code}: {k.name}" for k in card.knockouts if k.code in ko)
        notes.append(
            f"Kết quả: bị loại ({reason})."
            if reason
            else f"Kết quả: {points_text(total)} điểm, hạng {rule_set.stars_for(float(total))} sao."
        )
    intro = "; ".join(_product_lines(card, rule_set, product)) + (
        f". Người chấm: {member or DOTS}. Ngày chấm: {format_vn_date(on) if on else DOTS}."
    )
    head = header  # a form: no number, no recipients, the member's signature (services.documents)
    return Report(
        kind="scoring-sheet",
        title="PHIẾU CHẤM ĐIỂM SẢN PHẨM OCOP",
        subtitle=card.title,
        columns=columns,
        sections=sections,
        header=head,
        intro=intro,
        notes=notes,
    )


def evaluation_result(
    e: EvaluationDTO, card: Scorecard, rule_set: RuleSet, product: ProductBrief, header: OfficialHeader
) -> Report:
    """The council's result: every member's points, the average, the total and the star class."""
    keys = [f"m{m.position}" for m in e.members] + ["avg"]
    *criterion, average = EVALUATION.view(REPORT)  # domain/schema/records.py: code, name, max | avg
    columns = report_columns(criterion)
    # A column per council member, headed by the member's name, as wide as the average's.
    columns += [ReportColumn(f"m{m.position}", m.name, "number", average.width) for m in e.members]
    columns.append(report_column(average))
    score_sets = [{k: to_fraction(v) for k, v in m.scores.items()} for m in e.members]
    score_sets.append({k: to_fraction(v) for k, v in e.scores.items()})
    sections = _lines(card, score_sets, keys)
    total_row = {"code": "", "name": "Tổng điểm", "max": num(card.max_score), "avg": e.total}
    total_row.update({f"m{m.position}": m.total for m in e.members})
    sections.append(ReportSection("Tổng hợp", [total_row]))
    intro = "; ".join(_product_lines(card, rule_set, product)) + (
        f". Cấp đánh giá: {EvaluationLevel(e.level).label}. Ngày đánh giá: {format_vn_date(e.evaluated_on)}. "
        f"Thành viên chấm điểm: {', '.join(m.name for m in e.members)}."
    )
    # A class beyond what the evaluating level certifies is printed as a proposal, never as a star class.
    notes = [
        f"Kết quả: bị loại ({e.knockout}); sản phẩm không được xếp hạng."
        if e.knockout
        else result_phrase(
            rule_set, rule_set.standing(e.level, e.stars), points_text(e.total), points_text(card.max_score)
        )
    ]
    if e.certification is not None:
        c = e.certification
        line = (
            f"Được công nhận theo quyết định {c.decision} ngày {format_vn_date(c.certified_on)}"
            + (f" của {c.body}" if c.body else "")
            + (f", giấy chứng nhận số {c.certificate_no}" if c.certificate_no else "")
            + f"; có hiệu lực đến hết ngày {format_vn_date(c.expires_on)}."
        )
        if c.reevaluation_from and c.reevaluation_to:
            line += (
                f" Nộp hồ sơ đánh giá lại từ {format_vn_date(c.reevaluation_from)} đến "
                f"{format_vn_date(c.reevaluation_to)}."
            )
        notes.append(line)
    if e.notes:
        notes.append(f"Ghi chú: {e.notes}")
    # The council's result is a BIÊN BẢN of the council (Decree 30 appendix III), its subject under it.
    return Report(
        kind="evaluation-result",
        title=DOCUMENT_BY_KEY["evaluation-result"].title,
        subtitle=f"Kết quả đánh giá, phân hạng sản phẩm OCOP: {product.name} — {card.title}",
        columns=columns,
        sections=sections,
        header=header,
        intro=intro,
        notes=notes,
        landscape=len(e.members) > 3,
    )


class EvaluationReports:
    """Builds and writes the evaluation papers with the office's document settings."""

    def __init__(self, make_uow: UowFactory) -> None:
        self._uow = make_uow
        self._evaluations = EvaluationService(make_uow)
        self._cards = ScorecardService(make_uow)

    def sheet_report(
        self,
        rule_set_code: str | None = None,
        product_id: str | None = None,
        product_set_code: str | None = None,
        member: MemberInput | None = None,
        knockouts: Sequence[str] = (),
        on: date | None = None,
    ) -> Report:
        on = on or date.today()
        # A form of the council (no number), signed by the member: services.documents.
        header = DocumentService(self._uow).header("scoring-sheet", on, signer_name=member.name if member else "")
        card, rules, product = self.sheet_card(rule_set_code, product_id, product_set_code, on)
        codes = list(knockouts)
        if member is not None:
            checked = check_members(card, [member], knockouts)
            if checked.errors:  # refuse bad scores before printing them
                raise ValidationError(
                    checked.errors,
                    record=Text(
                        f"Phiếu chấm của {member.name or 'thành viên'}", f"Scoring sheet of {member.name or 'a member'}"
                    ),
                )
            codes = checked.knockouts
        return scoring_sheet(
            card,
            rules,
            header,
            product,
            member.name if member else "",
            dict(member.scores) if member else None,
            codes,
            on if member else None,
        )

    def sheet_card(
        self,
        rule_set_code: str | None = None,
        product_id: str | None = None,
        product_set_code: str | None = None,
        on: date | None = None,
    ) -> tuple[Scorecard, RuleSet, ProductBrief | None]:
        """The card a sheet is printed from (the window or the terminal shows whether it is confirmed)."""
        on = on or date.today()
        if product_id:
            setup = self._evaluations.setup(product_id, on, rule_set_code)
            return setup.card, setup.rule_set, setup.product
        rules = pick_rule_set(self._cards.rule_sets(), rule_set_code) if rule_set_code else self._cards.rule_set_on(on)
        return self._cards.card(rules.code, product_set_code).card, rules, None

    def write_sheet(self, path: Path, **kwargs: Any) -> Path:
        return write_sealed(self._uow, self.sheet_report(**kwargs), "pdf", Path(path))

    def result_report(self, evaluation_id: str) -> Report:
        e = self._evaluations.get(evaluation_id)
        setup = self._evaluations.setup(e.product_id, e.evaluated_on, e.rule_set_code)
        header = DocumentService(self._uow).header("evaluation-result", e.evaluated_on, level=e.level)
        return evaluation_result(e, setup.card, setup.rule_set, setup.product, header)

    def write_result(self, evaluation_id: str, path: Path) -> Path:
        return write_sealed(self._uow, self.result_report(evaluation_id), "pdf", Path(path))

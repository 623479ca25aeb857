"""Evaluation and star rating: score a product on its card, keep the council's scores, certify."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from fractions import Fraction
from typing import Any

from sqlalchemy import func, select

from ocop_desktop.domain.enums import EvaluationLevel, ProductStatus
from ocop_desktop.domain.language import Text
from ocop_desktop.domain.numbers import format_vn_date
from ocop_desktop.domain.rules import RuleSet, certify_refusal, rule_set_in_force
from ocop_desktop.domain.scorecard import Scorecard, num, points_text
from ocop_desktop.domain.scoring import (
    KNOCKOUT_KEY,
    MEMBER_KEY,
    Outcome,
    check_knockouts,
    evaluate,
    gap,
    knockout_codes,
    parse_scores,
)
from ocop_desktop.domain.text import clean, fold
from ocop_desktop.domain.validation import FieldError, NotFoundError, ValidationError
from ocop_desktop.persistence.models import Evaluation, EvaluationMember, Product, ProductSet, RuleSetRow
from ocop_desktop.persistence.uow import UnitOfWork, UowFactory
from ocop_desktop.services import reference
from ocop_desktop.services.access import Action, require
from ocop_desktop.services.evaluation_types import (  # noqa: F401  (re-exported for the GUI, CLI and tests)
    DEFAULT_LEVEL,
    CertificationDTO,
    CertificationInput,
    EvaluationDTO,
    EvaluationInput,
    EvaluationRow,
    MemberDTO,
    MemberInput,
    ProductBrief,
    ProductGap,
    ScoringSetup,
)
from ocop_desktop.services.scorecards import ScorecardService, pick_rule_set, scorecard_id


@dataclass
class _Checked:
    members: list[dict[str, Fraction]] = field(default_factory=list)
    knockouts: list[str] = field(default_factory=list)
    errors: list[FieldError] = field(default_factory=list)


def check_members(card: Scorecard, members: Sequence[MemberInput], knockouts: Sequence[str] = ()) -> _Checked:
    """Every member's scores checked against the card; errors name the member and criterion."""
    out = _Checked(knockouts=list(knockouts))
    many = len(members) > 1
    for i, member in enumerate(members, start=1):
        scores, problems = parse_scores(card, member.scores)
        who = f"Thành viên {i}" + (f" ({member.name})" if member.name else "") if many else ""
        out.errors += [FieldError(p.where, f"{who}: {p.message}" if who else p.message) for p in problems]
        out.members.append(scores)
        out.knockouts += list(member.knockouts) + knockout_codes(member.scores.get(KNOCKOUT_KEY))
    out.knockouts = list(dict.fromkeys(out.knockouts))
    out.errors += [FieldError(p.where, p.message) for p in check_knockouts(card, out.knockouts)]
    return out


def members_from_json(data: Any) -> tuple[MemberInput, ...]:
    """A scores file: one map of criterion codes to points, or a list of maps (one per member);
    "member" names the member, "knockout" gives a knock-out code (or a list of them)."""
    maps = data if isinstance(data, list) else [data]
    if not maps or not all(isinstance(m, dict) for m in maps):
        raise ValidationError(
            [
                FieldError(
                    "scores",
                    (
                        Text(
                            "tệp điểm phải là một bảng {mã tiêu chí: điểm} hoặc một danh sách các bảng, mỗi thành viên "
                            "hội đồng một bảng.",
                            "the scores file must be a table {criterion code: score} or a list of tables, one per council "
                            "member.",
                        )
                    ),
                )
            ],
            record=Text("Tệp điểm", "Scores file"),
        )
    return tuple(
        MemberInput(name=clean(str(m.get(MEMBER_KEY) or "")) or f"Thành viên {i}", scores=m)
        for i, m in enumerate(maps, start=1)
    )


def _brief(uow: UnitOfWork, product_id: str) -> tuple[Product, ProductBrief]:
    product = uow.session.get(Product, product_id)
    if product is None:
        # Also by exact name: people at a terminal know products by name, not by id.
        matches = uow.session.scalars(select(Product).where(Product.name == clean(product_id))).all()
        if len(matches) != 1:
            raise NotFoundError(
                Text(f"Không tìm thấy sản phẩm có mã {product_id}.", f"No product has the id {product_id}.")
            )
        product = matches[0]
    pset = product.product_set
    return product, ProductBrief(
        product.id,
        product.name,
        product.producer.name if product.producer else "",
        pset.code if pset else "",
        pset.name if pset else "",
        product.stars,
        product.score,
    )


def _product(uow: UnitOfWork, product_id: str) -> Product:
    """The product an evaluation is of (a foreign key: it exists)."""
    product = uow.session.get(Product, product_id)
    if product is None:
        raise NotFoundError(
            Text(f"Không tìm thấy sản phẩm có mã {product_id}.", f"No product has the id {product_id}.")
        )
    return product


class EvaluationService:
    def __init__(self, make_uow: UowFactory) -> None:
        self._uow = make_uow
        self.scorecards = ScorecardService(make_uow)

    # -- the form ---------------------------------------------------------------------------------
    def setup(self, product_id: str, on: date, rule_set_code: str | None = None) -> ScoringSetup:
        """The product, the rule sets and the card to score it on; by default the rule set in
        force on the evaluation date."""
        with self._uow() as uow:
            _p, brief = _brief(uow, product_id)
            rules = reference.rule_sets(uow)
            try:
                in_force = rule_set_in_force(rules, on).code
            except LookupError:
                in_force = ""
            if rule_set_code:
                chosen = pick_rule_set(rules, rule_set_code)
            elif in_force:
                chosen = next(r for r in rules if r.code == in_force)
            else:
                raise NotFoundError(
                    Text(
                        f"Không có bộ tiêu chí nào có hiệu lực vào ngày {format_vn_date(on)}; hãy chọn bộ tiêu chí.",
                        f"No rule set is in force on {format_vn_date(on)}; please choose a rule set.",
                    )
                )
            info = ScorecardService.find(uow, chosen.code, brief.product_set_code or None)
        return ScoringSetup(brief, tuple(rules), chosen, in_force, info.card, info.origin)

    def score(self, setup: ScoringSetup, members: Sequence[MemberInput], knockouts: Sequence[str] = ()) -> Outcome:
        """Totals and stars without saving; refused with every out-of-range or unknown criterion."""
        checked = check_members(setup.card, members, knockouts)
        if checked.errors:
            raise ValidationError(
                checked.errors, record=Text(f"Điểm của «{setup.product.name}»", f"Scores of «{setup.product.name}»")
            )
        return evaluate(setup.card, setup.rule_set, checked.members, checked.knockouts)

    # -- saving --------------------------------------------------------------------------------------
    def save(self, data: EvaluationInput, today: date | None = None) -> EvaluationDTO:
        """Keep an evaluation with its rule set, date, level and members; with a certification,
        the product's star, score, certificate and expiry follow in the same transaction."""
        setup = self.setup(data.product_id, data.evaluated_on, data.rule_set_code)
        errors: list[FieldError] = []
        if not data.members:
            errors.append(
                FieldError(
                    "members",
                    Text(
                        "Chưa có điểm của thành viên nào; hãy chấm ít nhất một phiếu.",
                        "No member's scores yet; please score at least one sheet.",
                    ),
                )
            )
        try:
            level = EvaluationLevel(data.level)
        except ValueError:
            levels, levels_en = (
                ", ".join(f"{lv.value} ({lv.label_in(lang)})" for lv in EvaluationLevel) for lang in ("vi", "en")
            )
            errors.append(
                FieldError(
                    "level",
                    Text(
                        f"Cấp đánh giá «{data.level}» không hợp lệ; chọn một trong: {levels}.",
                        f"«{data.level}» is not a level of evaluation; choose one of: {levels_en}.",
                    ),
                )
            )
            level = None
        checked = check_members(setup.card, data.members, data.knockouts)
        errors += checked.errors
        if errors:
            raise ValidationError(
                errors,
                record=Text(f"Đánh giá sản phẩm «{setup.product.name}»", f"Evaluation of «{setup.product.name}»"),
            )
        assert level is not None  # a level that is not one was refused above
        outcome = evaluate(setup.card, setup.rule_set, checked.members, checked.knockouts)
        with self._uow(action="evaluate", context=setup.product.name) as uow:
            require(
                uow.session,
                Action.EVALUATE,
                record=Text(f"Đánh giá sản phẩm «{setup.product.name}»", f"Evaluation of «{setup.product.name}»"),
            )
            evaluation = Evaluation(
                product_id=setup.product.id,
                rule_set_id=reference.rule_set_id(setup.rule_set.code),
                scorecard_id=scorecard_id(setup.card.code),
                evaluated_on=data.evaluated_on,
                level=level.value,
                scores={code: float(v) for code, v in outcome.criteria.items()},
                total=float(outcome.total),
                stars=outcome.stars,
                knockout=outcome.knockout,
                certified=False,
                notes=(data.notes or "").strip(),
            )
            for pos, (member, scores) in enumerate(zip(data.members, checked.members, strict=False)):
                evaluation.members.append(
                    EvaluationMember(
                        position=pos,
                        member_name=clean(member.name) or f"Thành viên {pos + 1}",
                        scores={code: num(v) for code, v in scores.items()},
                        total=float(sum(scores.values(), Fraction(0))),
                    )
                )
            uow.session.add(evaluation)
            product = _product(uow, setup.product.id)
            if product.status in (ProductStatus.POTENTIAL.value, ProductStatus.REGISTERED.value):
                product.status = ProductStatus.EVALUATED.value
            certification = None
            if data.certification is not None:
                certification = self._certify(uow, evaluation, setup.rule_set, data.certification, today)
            uow.commit()
            return self._dto(uow, evaluation, setup.card, certification)

    def certify(self, evaluation_id: str, data: CertificationInput, today: date | None = None) -> CertificationDTO:
        """A certified result: the product takes the star class, score, certificate and an expiry
        set by the evaluation's rule set. Only 3 stars and above are certified."""
        with self._uow(action="certify") as uow:
            require(uow.session, Action.EVALUATE)
            evaluation = self._load(uow, evaluation_id)
            rules = pick_rule_set(reference.rule_sets(uow), evaluation.rule_set.code)
            result = self._certify(uow, evaluation, rules, data, today)
            uow.commit()
            return result

    @staticmethod
    def _certify(
        uow: UnitOfWork, evaluation: Evaluation, rules: RuleSet, data: CertificationInput, today: date | None
    ) -> CertificationDTO:
        today = today or date.today()
        product = _product(uow, evaluation.product_id)
        errors = []
        if evaluation.knockout:
            errors.append(
                FieldError(
                    "certified",
                    Text(
                        f"Sản phẩm bị loại ({evaluation.knockout}) nên không được công nhận.",
                        f"The product was knocked out ({evaluation.knockout}), so it cannot be certified.",
                    ),
                )
            )
        elif evaluation.stars is None or not rules.is_certifiable(evaluation.stars):
            errors.append(
                FieldError(
                    "certified",
                    (
                        Text(
                            f"Chỉ sản phẩm đạt từ {rules.min_certified_stars} sao trở lên mới được công nhận; kết quả này đạt "
                            f"{evaluation.stars} sao ({points_text(round(evaluation.total or 0, 2))} điểm).",
                            f"Only products reaching {rules.min_certified_stars} stars or more are certified; this result reaches "
                            f"{evaluation.stars} stars ({points_text(round(evaluation.total or 0, 2))} points).",
                        )
                    ),
                )
            )
        else:  # the evaluating level certifies only the classes the rule set gives it
            standing = rules.standing(evaluation.level, evaluation.stars)
            refusal = certify_refusal(rules, standing, points_text(round(evaluation.total or 0, 2)))
            if refusal:
                errors.append(FieldError("certified", refusal))
            elif standing.level is not None and clean(data.body):
                other = next(
                    (
                        a
                        for a in rules.authorities
                        if a.body and a.level != standing.level.level and fold(a.body) == fold(clean(data.body))
                    ),
                    None,
                )
                if other is not None:
                    errors.append(
                        FieldError(
                            "body",
                            (
                                Text(
                                    f"«Cơ quan công nhận» {clean(data.body)} là cơ quan của {other.name}; kết quả đánh giá của "
                                    f"{standing.level.name} do {standing.level.body} công nhận. Hãy để trống hoặc ghi đúng tên "
                                    f"{standing.level.body}.",
                                    f"«Certifying body» {clean(data.body)} is a body of {other.name}; evaluation results of "
                                    f"{standing.level.name} are certified by {standing.level.body}. Leave it empty or write the exact name "
                                    f"{standing.level.body}.",
                                )
                            ),
                        )
                    )
        decision = clean(data.decision) or ""
        if not decision:
            errors.append(
                FieldError(
                    "decision",
                    Text(
                        "Chưa nhập số quyết định công nhận (ví dụ 1234/QĐ-UBND).",
                        "The number of the certifying decision is missing (for example 1234/QĐ-UBND).",
                    ),
                )
            )
        if data.certified_on is None:
            errors.append(
                FieldError("certified_on", Text("Chưa nhập ngày công nhận.", "The certification date is missing."))
            )
        elif data.certified_on < evaluation.evaluated_on:
            certified, evaluated = format_vn_date(data.certified_on), format_vn_date(evaluation.evaluated_on)
            errors.append(
                FieldError(
                    "certified_on",
                    Text(
                        f"Ngày công nhận {certified} trước ngày đánh giá {evaluated}; hãy kiểm tra lại.",
                        f"The certification date {certified} is before the evaluation date {evaluated}; please check it.",
                    ),
                )
            )
        elif data.certified_on > today:
            errors.append(
                FieldError(
                    "certified_on",
                    Text("Ngày công nhận không thể ở tương lai.", "The certification date cannot be in the future."),
                )
            )
        if errors:
            raise ValidationError(
                errors, record=Text(f"Công nhận sản phẩm «{product.name}»", f"Certification of «{product.name}»")
            )
        # What the checks above guarantee: a certifiable star class and a certification date.
        stars, certified_on = evaluation.stars, data.certified_on
        assert stars is not None and certified_on is not None
        here = rules.authority(evaluation.level)
        body = clean(data.body) or (here.body if here and here.body else rules.certifying_levels.get(stars, "")) or ""
        expires_on = rules.expiry_for(certified_on)
        window = rules.reevaluation_window(expires_on)
        product.status = ProductStatus.CERTIFIED.value
        product.stars = stars
        product.score = round(evaluation.total or 0.0, 2)
        product.certificate_no = clean(data.certificate_no) or None
        product.certifying_decision = decision
        product.certifying_body = body or None
        product.certified_on = certified_on
        product.expires_on = expires_on
        product.rule_set_id = reference.rule_set_id(rules.code)
        evaluation.certified = True
        return CertificationDTO(
            product.id,
            product.name,
            stars,
            product.score,
            product.certificate_no or "",
            decision,
            body,
            certified_on,
            expires_on,
            window[0] if window else None,
            window[1] if window else None,
            rules.warning_date(expires_on),
            rules.code,
        )

    # -- reading -------------------------------------------------------------------------------------------
    @staticmethod
    def _load(uow: UnitOfWork, evaluation_id: str) -> Evaluation:
        evaluation = uow.session.get(Evaluation, evaluation_id)
        if evaluation is None:
            raise NotFoundError(
                Text(
                    f"Không tìm thấy lần đánh giá có mã {evaluation_id}.", f"No evaluation has the id {evaluation_id}."
                )
            )
        return evaluation

    def get(self, evaluation_id: str) -> EvaluationDTO:
        with self._uow() as uow:
            evaluation = self._load(uow, evaluation_id)
            card = self._card_of(uow, evaluation)
            return self._dto(uow, evaluation, card, self._certificate(uow, evaluation))

    @staticmethod
    def _certificate(uow: UnitOfWork, evaluation: Evaluation) -> CertificationDTO | None:
        """The certificate a certified evaluation gave, as the product now holds it."""
        product = _product(uow, evaluation.product_id)
        if not evaluation.certified or product.certified_on is None or product.expires_on is None:
            return None
        rules = pick_rule_set(reference.rule_sets(uow), evaluation.rule_set.code)
        window = rules.reevaluation_window(product.expires_on)
        return CertificationDTO(
            product.id,
            product.name,
            product.stars or 0,
            product.score or 0.0,
            product.certificate_no or "",
            product.certifying_decision or "",
            product.certifying_body or "",
            product.certified_on,
            product.expires_on,
            window[0] if window else None,
            window[1] if window else None,
            rules.warning_date(product.expires_on),
            rules.code,
        )

    @staticmethod
    def _card_of(uow: UnitOfWork, evaluation: Evaluation) -> Scorecard | None:
        product = _product(uow, evaluation.product_id)
        pset = uow.session.get(ProductSet, product.product_set_id) if product.product_set_id else None
        try:
            return ScorecardService.find(uow, evaluation.rule_set.code, pset.code if pset else None).card
        except NotFoundError:
            return None

    @staticmethod
    def _dto(
        uow: UnitOfWork, e: Evaluation, card: Scorecard | None, certification: CertificationDTO | None
    ) -> EvaluationDTO:
        product = _product(uow, e.product_id)
        parts: dict[str, float] = {}
        if card is not None:
            for part in card.parts:
                parts[part.code] = round(sum(e.scores.get(leaf.code, 0.0) for leaf in part.leaves()), 2)
        members = tuple(MemberDTO(m.position, m.member_name, dict(m.scores), m.total or 0.0) for m in e.members)
        return EvaluationDTO(
            e.id,
            e.product_id,
            product.name,
            e.rule_set.code,
            card.code if card else "",
            e.evaluated_on,
            e.level,
            EvaluationLevel(e.level).label,
            members,
            dict(e.scores),
            parts,
            round(e.total or 0.0, 2),
            e.stars,
            e.knockout,
            e.certified,
            e.notes,
            e.created_at,
            certification,
        )

    def history(self, product_id: str) -> list[EvaluationRow]:
        """A product's evaluations, newest first (a Core select of the shown columns)."""
        with self._uow() as uow:
            product, _ = _brief(uow, product_id)
            counts = (
                select(EvaluationMember.evaluation_id, func.count().label("n"))
                .group_by(EvaluationMember.evaluation_id)
                .subquery()
            )
            rows = uow.session.execute(
                select(
                    Evaluation.id,
                    Evaluation.evaluated_on,
                    RuleSetRow.code,
                    Evaluation.level,
                    counts.c.n,
                    Evaluation.total,
                    Evaluation.stars,
                    Evaluation.knockout,
                    Evaluation.certified,
                )
                .join(RuleSetRow, RuleSetRow.id == Evaluation.rule_set_id)
                .outerjoin(counts, counts.c.evaluation_id == Evaluation.id)
                .where(Evaluation.product_id == product.id)
                .order_by(Evaluation.evaluated_on.desc(), Evaluation.created_at.desc())
            ).all()
            rules = {r.code: r for r in reference.rule_sets(uow)}

        def proposed_to(code: str, level: str, stars: int | None) -> str:
            standing = rules[code].standing(level, stars) if code in rules else None
            return standing.proposed_to.title if standing and standing.proposed_to else ""

        return [
            EvaluationRow(
                r[0],
                r[1],
                r[2],
                EvaluationLevel(r[3]).label,
                r[4] or 0,
                round(r[5], 2) if r[5] is not None else None,
                r[6],
                r[7],
                bool(r[8]),
                proposed_to(r[2], r[3], r[6]),
                r[3],
            )
            for r in rows
        ]

    def gap_for(self, product_id: str) -> ProductGap | None:
        """Which criteria of the latest evaluation lose most points, and what the next star needs."""
        with self._uow() as uow:
            product, brief = _brief(uow, product_id)
            evaluation = uow.session.scalars(
                select(Evaluation)
                .where(Evaluation.product_id == product.id)
                .order_by(Evaluation.evaluated_on.desc(), Evaluation.created_at.desc())
                .limit(1)
            ).first()
            if evaluation is None:
                return None
            card = self._card_of(uow, evaluation)
            rules = pick_rule_set(reference.rule_sets(uow), evaluation.rule_set.code)
            members = [
                {k: Fraction(str(v)) for k, v in m.scores.items() if card and card.find(k)} for m in evaluation.members
            ]
            knockouts = [k.strip().split(":")[0] for k in (evaluation.knockout or "").split(";") if k.strip()]
        if card is None:
            return None
        outcome = evaluate(card, rules, members, [k for k in knockouts if card.knockout(k)])
        return ProductGap(
            brief,
            evaluation.id,
            evaluation.evaluated_on,
            rules.code,
            outcome.total,
            evaluation.knockout,
            gap(card, rules, outcome),
        )

    def evaluated_products(self) -> list[str]:
        """Ids of the products that have at least one evaluation."""
        with self._uow() as uow:
            return list(uow.session.scalars(select(Evaluation.product_id).distinct()))

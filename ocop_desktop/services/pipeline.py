"""The candidate pipeline: every product by stage, counts per stage and unit, and moving a product on when its conditions hold."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Subquery, case, func, or_, select
from sqlalchemy.orm import Session, aliased

from ocop_desktop.domain.enums import ProductStatus
from ocop_desktop.domain.language import Text
from ocop_desktop.domain.numbers import format_vn_date
from ocop_desktop.domain.pipeline import STAGE_OF_STATUS, Stage, next_stage
from ocop_desktop.domain.rules import RuleSet, rule_set_in_force
from ocop_desktop.domain.text import fold, like_pattern
from ocop_desktop.domain.validation import FieldError, StaleDataError, ValidationError, changed_when
from ocop_desktop.persistence.models import Candidacy, Evaluation, Place, Producer, Product, RuleSetRow
from ocop_desktop.persistence.uow import UnitOfWork, UowFactory
from ocop_desktop.services import reference
from ocop_desktop.services.dossiers import (
    current_candidacy,
    find_product,
    item_statuses,
    missing_items,
    missing_specs,
    round_text,
)
from ocop_desktop.services.pipeline_types import Board, MoveInput, PipelineRow
from ocop_desktop.services.places import covered_place_ids
from ocop_desktop.services.record_versions import commit_or_refuse, last_change


@dataclass(frozen=True, slots=True)
class _Brief:
    """What the board needs of a product, read as plain columns (20,000 products in one query)."""

    id: str
    name: str
    status: str
    producer: str
    unit_id: str | None
    unit: str
    sort: str = ""  # the Vietnamese collation key of the name (Product.name_sort)
    expires_on: date | None = None  # the certificate's
    rule_set_id: str | None = None  # the rule set it was certified under


def window_opens(sets: list[RuleSet], code: str | None, expires_on: date | None) -> date | None:
    """The first day of a certificate's re-evaluation window: its rule set's filing window (26/2026:
    180 days before expiry), else the day the holder must be warned (148, 1489: 30 days before)."""
    if expires_on is None or not sets:
        return None
    rules = next((r for r in sets if r.code == code), None)
    if rules is None:
        try:
            rules = rule_set_in_force(sets, expires_on)
        except LookupError:  # an expiry before any rule set: nothing to say
            return None
    window = rules.reevaluation_window(expires_on)
    return window[0] if window else rules.warning_date(expires_on)


def _brief_of(product: Product) -> _Brief:
    place = product.commune or (product.producer.commune if product.producer else None)
    producer = product.producer.name if product.producer else ""
    return _Brief(
        product.id,
        product.name,
        product.status,
        producer,
        place.id if place else None,
        place.name if place else "",
        expires_on=product.expires_on,
        rule_set_id=product.rule_set_id,
    )


def _place_names(session: Session, ids: set[str]) -> dict[str, str]:
    """Unit id -> name, read by id in chunks (a page's units)."""
    names: dict[str, str] = {}
    wanted = sorted(ids)
    for chunk in (wanted[i : i + 500] for i in range(0, len(wanted), 500)):
        names.update(
            (pid, name) for pid, name in session.execute(select(Place.id, Place.name).where(Place.id.in_(chunk)))
        )
    return names


def _on_board(search: str) -> Subquery:
    """Every product not archived whose folded name or producer's name holds ``search``, with its
    stage (its current round's, else its status's; None: not on the board), its unit (its commune,
    else its producer's) and what a row of the board shows — as SQL, so that a national board
    (20,000 products) is counted by the database and only a page of it is read."""
    latest = aliased(Candidacy)
    current_stage = (
        select(latest.stage)
        .where(latest.product_id == Product.id)
        .order_by(latest.created_at.desc(), latest.id.desc())  # as current_candidacy picks it
        .limit(1)
        .scalar_subquery()
    )
    of_status = case(*((Product.status == status, code) for status, code in _STAGE_CODE_OF_STATUS.items()), else_=None)
    query = (
        select(
            Product.id.label("id"),
            Product.name.label("name"),
            Product.status.label("status"),
            Product.name_sort.label("sort"),
            Producer.name.label("producer"),
            func.coalesce(Product.commune_id, Producer.commune_id).label("unit_id"),
            Product.expires_on.label("expires_on"),
            Product.rule_set_id.label("rule_set_id"),
            func.coalesce(current_stage, of_status).label("stage"),
        )
        .outerjoin(Producer, Product.producer_id == Producer.id)
        .where(Product.archived_at.is_(None))
    )
    if fold(search):
        pattern = like_pattern(search)
        query = query.where(
            or_(Product.name_folded.like(pattern, escape="\\"), Producer.name_folded.like(pattern, escape="\\"))
        )
    return query.subquery()


def _moved(s: Session, product: Product, record: Text) -> StaleDataError:
    """The refusal of a move from a stage the product has left since it was shown: where it is now,
    and who moved it when the log says."""
    candidacy = current_candidacy(s, product.id)
    now = Stage(candidacy.stage) if candidacy else STAGE_OF_STATUS.get(product.status)
    shown, shown_en = (now.label, now.label_en) if now else ("", "")
    who, at = (last_change(s, "candidacies", candidacy.id) if candidacy else None) or ("", None)
    when = changed_when(at)
    if who:
        message = Text(
            f"«{product.name}» đã được {who} chuyển sang giai đoạn «{shown}» {when}".rstrip() + ".",
            f"«{product.name}» was moved to the stage «{shown_en}» by {who} {when.en}".rstrip() + ".",
        )
    else:
        message = Text(
            f"«{product.name}» đã được chuyển sang giai đoạn «{shown}» ở nơi khác {when}".rstrip() + ".",
            f"«{product.name}» was moved to the stage «{shown_en}» elsewhere {when.en}".rstrip() + ".",
        )
    return StaleDataError([message], record=record)


def _row(
    product: _Brief, candidacy: Candidacy | None, statuses: dict[str, str], windows: _Windows | None = None
) -> PipelineRow | None:
    stage = Stage(candidacy.stage) if candidacy else STAGE_OF_STATUS.get(product.status)
    if stage is None:
        return None
    reevaluation = None
    if windows is not None and stage in (Stage.CERTIFIED, Stage.REEVALUATION_DUE):
        reevaluation = windows.opens(product)
    missing = missing_items(candidacy, statuses) if candidacy and stage is Stage.REGISTERED else []
    return PipelineRow(
        product.id,
        product.name,
        product.producer,
        product.unit_id,
        product.unit,
        stage.value,
        stage.label_in(),
        candidacy.id if candidacy else None,
        candidacy.rule_set_code if candidacy else "",
        candidacy.round_year if candidacy else None,
        candidacy.round_no if candidacy else None,
        round_text(candidacy.round_year, candidacy.round_no) if candidacy else "",
        candidacy.registered_on if candidacy else None,
        candidacy.dossier_due_on if candidacy else None,
        candidacy.evaluation_id if candidacy else None,
        len(missing),
        "; ".join(missing),
        candidacy.updated_at if candidacy else None,
        reevaluation,
    )


class _Windows:
    """Each certificate's re-evaluation window, by the rule set it was certified under (read once)."""

    def __init__(self, uow: UnitOfWork) -> None:
        self.sets = reference.rule_sets(uow)
        self.codes = {rid: code for rid, code in uow.session.execute(select(RuleSetRow.id, RuleSetRow.code))}

    def opens(self, product: _Brief) -> date | None:
        code = self.codes.get(product.rule_set_id) if product.rule_set_id else None
        return window_opens(self.sets, code, product.expires_on)


def _latest_candidacies(session: Session, product_ids: list[str]) -> dict[str, Candidacy]:
    """product id -> its current round: the one made last (as current_candidacy picks it)."""
    out: dict[str, Candidacy] = {}
    for chunk in (product_ids[i : i + 500] for i in range(0, len(product_ids), 500)):
        query = select(Candidacy).where(Candidacy.product_id.in_(chunk)).order_by(Candidacy.created_at, Candidacy.id)
        for c in session.scalars(query):
            out[c.product_id] = c
    return out


_STAGE_CODE_OF_STATUS = {status: stage.value for status, stage in STAGE_OF_STATUS.items()}
_POSITION = {stage.value: i for i, stage in enumerate(Stage)}


class PipelineService:
    def __init__(self, make_uow: UowFactory) -> None:
        self._uow = make_uow

    # -- the board --------------------------------------------------------------------------------
    def board(
        self,
        stage: str | None = None,
        unit_id: str | None = None,
        search: str = "",
        limit: int | None = None,
        unit_lines: int | None = None,
        unit_choices: bool = True,
    ) -> Board:
        """Every product in the pipeline (not archived, not expired or revoked and never moved since),
        in stage then Vietnamese name order; with ``limit``, only the first rows are built (a national
        board is 20,000 products: the window shows a page and the counts of all). ``unit_id``: that
        unit and the units it covers (services/places.covered_place_ids), as the registry filters.
        ``unit_lines``: the per-unit counts of the first units in Vietnamese order only (how many
        units there are in ``Board.unit_count``); ``unit_choices`` False: no list of the units
        (the window searches units as the user types; a national board names 9,000)."""
        with self._uow() as uow:
            s = uow.session
            board = _on_board(search)
            on_board = board.c.stage.is_not(None)
            in_unit = board.c.unit_id.in_(covered_place_ids(s, unit_id)) if unit_id is not None else None
            stage_query = select(board.c.stage, func.count()).where(on_board).group_by(board.c.stage)
            if in_unit is not None:
                stage_query = stage_query.where(in_unit)
            by_stage: dict[str, int] = {code: n for code, n in s.execute(stage_query)}
            total = by_stage.get(stage, 0) if stage is not None else sum(by_stage.values())
            # Counted per unit in SQL, named and in Vietnamese order there too: a national board's
            # 9,000 units are never all read at once.
            unit_rows = select(board.c.unit_id).where(on_board)
            if stage is not None:
                unit_rows = unit_rows.where(board.c.stage == stage)
            per_unit = unit_rows.subquery()
            sort = func.coalesce(Place.name_sort, "")
            lines = (
                select(Place.name, func.count())
                .select_from(per_unit)
                .outerjoin(Place, Place.id == per_unit.c.unit_id)
                .group_by(per_unit.c.unit_id, Place.name, sort)
                .order_by(sort, per_unit.c.unit_id)
            )
            if unit_lines is not None:
                lines = lines.limit(unit_lines)
            by_unit: Counter[str] = Counter()
            listed = 0  # units read (two of one name, in different provinces, share a line)
            for name, n in s.execute(lines):
                by_unit[name or ""] += n
                listed += 1
            # DISTINCT keeps one NULL: the products with no unit, a line of their own.
            distinct_units = select(per_unit.c.unit_id).distinct().subquery()
            unit_count = s.scalar(select(func.count()).select_from(distinct_units)) or 0
            units: list[tuple[str, str]] = []
            if unit_choices:
                named = (
                    select(Place.id, Place.name)
                    .where(Place.id.in_(select(board.c.unit_id).where(on_board)))
                    .order_by(Place.name_sort, Place.id)
                )
                units = [(pid, name) for pid, name in s.execute(named)]
            position = case(*((board.c.stage == code, i) for code, i in _POSITION.items()), else_=len(_POSITION))
            query = select(board).where(on_board).order_by(position, board.c.sort, board.c.id)
            if stage is not None:
                query = query.where(board.c.stage == stage)
            if in_unit is not None:
                query = query.where(in_unit)
            if limit is not None:
                query = query.limit(limit)
            found = s.execute(query).all()
            name_of = _place_names(s, {r.unit_id for r in found if r.unit_id is not None})
            page = [
                _Brief(
                    r.id,
                    r.name,
                    r.status,
                    r.producer or "",
                    r.unit_id,
                    name_of.get(r.unit_id, "") if r.unit_id else "",
                    r.sort or "",
                    r.expires_on,
                    r.rule_set_id,
                )
                for r in found
            ]
            latest = _latest_candidacies(s, [b.id for b in page])
            registered = [c.id for c in latest.values() if c.stage == Stage.REGISTERED.value]
            statuses = item_statuses(s, registered)
            windows = _Windows(uow)
            rows: list[PipelineRow] = []
            for product in page:
                candidacy = latest.get(product.id)
                row = _row(product, candidacy, statuses.get(candidacy.id, {}) if candidacy else {}, windows)
                if row is not None:
                    rows.append(row)
        return Board(
            rows,
            {s.value: by_stage.get(s.value, 0) for s in Stage},
            dict(by_unit),
            units,
            total,
            unit_count,
            listed,
        )

    def row(self, product: str) -> PipelineRow:
        with self._uow() as uow:
            found = find_product(uow.session, product)
            candidacy = current_candidacy(uow.session, found.id)
            statuses = item_statuses(uow.session, [candidacy.id]) if candidacy else {}
            row = _row(_brief_of(found), candidacy, statuses.get(candidacy.id, {}) if candidacy else {}, _Windows(uow))
            if row is None:
                status = ProductStatus.label_of(found.status)
                raise ValidationError(
                    [
                        FieldError(
                            "stage",
                            Text(
                                f"«{found.name}» có trạng thái «{status}» nên không nằm trên lộ trình.",
                                f"«{found.name}» has the status «{ProductStatus.label_of(found.status, 'en')}», "
                                "so it is not on the pipeline.",
                            ),
                        )
                    ],
                    record=Text(f"Lộ trình của «{found.name}»", f"Pipeline of «{found.name}»"),
                )
            return row

    # -- moving on --------------------------------------------------------------------------------
    def move(
        self,
        product: str,
        stage: str,
        data: MoveInput | None = None,
        today: date | None = None,
        expected_stage: str | None = None,
    ) -> PipelineRow:
        """Move a product to the next stage, only when that stage's conditions hold; otherwise refused
        with a reason that names the product and what is missing. Audited (candidacies are)."""
        today, data = today or date.today(), data or MoveInput()
        with self._uow(action="pipeline") as uow:
            s = uow.session
            found = find_product(s, product)
            s.info["context"] = found.name
            record = Text(f"Lộ trình của «{found.name}»", f"Pipeline of «{found.name}»")
            candidacy = current_candidacy(s, found.id)
            now = Stage(candidacy.stage) if candidacy else STAGE_OF_STATUS.get(found.status)
            if expected_stage is not None and (now.value if now else None) != expected_stage:
                raise _moved(s, found, record)
            try:
                target = Stage(Stage.from_label_or_code(stage))
            except ValueError:
                stages = ", ".join(f"«{x.label}»" for x in Stage)
                stages_en = ", ".join(f"«{x.label_en}»" for x in Stage)
                raise ValidationError(
                    [
                        FieldError(
                            "stage",
                            Text(
                                f"Không có giai đoạn «{stage}»; các giai đoạn: {stages}.",
                                f"There is no stage «{stage}»; the stages: {stages_en}.",
                            ),
                        )
                    ],
                    record=record,
                ) from None
            if now is None:
                status = ProductStatus.label_of(found.status)
                self._refuse(
                    record,
                    f"«{found.name}» có trạng thái «{status}», không nằm trên lộ trình; hãy ghi lại trạng thái sản phẩm trước.",
                    f"«{found.name}» has the status «{ProductStatus.label_of(found.status, 'en')}» and is not on "
                    "the pipeline; correct the product's status first.",
                )
            assert now is not None
            if target is not next_stage(now):
                after = next_stage(now)
                self._refuse(
                    record,
                    f"«{found.name}» đang ở giai đoạn «{now.label}»; chỉ chuyển được sang giai đoạn kế tiếp "
                    f"«{after.label}», không sang «{target.label}».",
                    f"«{found.name}» is at the stage «{now.label_en}»; it can only move to the next stage "
                    f"«{after.label_en}», not to «{target.label_en}».",
                )
            candidacy = self._apply(uow, found, candidacy, target, data, today, record)
            candidacy.stage = target.value
            candidacy.stage_on = today
            if data.notes.strip():
                candidacy.notes = "\n".join(x for x in (candidacy.notes, data.notes.strip()) if x)
            # Two people moving the product at once on a server: the second's UPDATE of the
            # candidacy or the product names a version that is gone (migration 0022).
            commit_or_refuse(uow, lambda: _moved(s, find_product(s, product), record))
            statuses = item_statuses(s, [candidacy.id])
            row = _row(_brief_of(found), candidacy, statuses.get(candidacy.id, {}), _Windows(uow))
            assert row is not None
            return row

    # -- each stage's conditions ------------------------------------------------------------------
    def _apply(
        self,
        uow: UnitOfWork,
        product: Product,
        candidacy: Candidacy | None,
        target: Stage,
        data: MoveInput,
        today: date,
        record: Text,
    ) -> Candidacy:
        s = uow.session
        name = product.name
        if target is Stage.REGISTERED:
            return self._register(uow, product, data, today, record)
        if candidacy is None:  # a product certified or evaluated before the pipeline existed
            candidacy = Candidacy(product_id=product.id, stage=Stage(STAGE_OF_STATUS[product.status]).value)
            if product.rule_set is not None:
                candidacy.rule_set_code = product.rule_set.code
            s.add(candidacy)
        if target is Stage.DOSSIER_COMPLETE:
            statuses = item_statuses(s, [candidacy.id]).get(candidacy.id, {}) if candidacy.id else {}
            missing = missing_specs(candidacy, statuses)
            if missing:
                listed = "; ".join(f"«{m.name}»" for m in missing)
                listed_en = "; ".join(f"«{m.name_en}»" for m in missing)
                self._refuse(
                    record,
                    f"Hồ sơ của «{name}» chưa đầy đủ: còn thiếu {len(missing)} tài liệu bắt buộc chưa «Đạt»: {listed}.",
                    f"The dossier of «{name}» is not complete: {len(missing)} required document(s) not yet "
                    f"«Accepted»: {listed_en}.",
                )
        elif target is Stage.EVALUATED:
            evaluation = self._evaluation(s, product, candidacy, data)
            if evaluation is None:
                since = candidacy.registered_on
                when = f" từ ngày đăng ký {format_vn_date(since)}" if since else ""
                when_en = f" since its registration on {format_vn_date(since)}" if since else ""
                self._refuse(
                    record,
                    f"«{name}» chưa có kết quả đánh giá nào{when}; hãy chấm điểm sản phẩm (Đánh giá) trước.",
                    f"«{name}» has no evaluation{when_en}; score the product (Evaluation) first.",
                )
            assert evaluation is not None
            candidacy.evaluation_id = evaluation.id
        elif target is Stage.CERTIFIED:
            evaluation = self._evaluation(s, product, candidacy, data)
            if evaluation is None or not evaluation.certified:
                shown = (
                    f"kết quả đánh giá ngày {format_vn_date(evaluation.evaluated_on)} ({evaluation.stars or 0} sao)"
                    if evaluation
                    else "chưa có kết quả đánh giá"
                )
                shown_en = (
                    f"the evaluation of {format_vn_date(evaluation.evaluated_on)} ({evaluation.stars or 0} stars)"
                    if evaluation
                    else "there is no evaluation"
                )
                self._refuse(
                    record,
                    f"«{name}» chưa được công nhận: {shown} chưa có quyết định công nhận; hãy ghi quyết định công "
                    "nhận ở kết quả đánh giá trước.",
                    f"«{name}» is not certified: {shown_en} has no certifying decision; record the certifying "
                    "decision on the evaluation first.",
                )
            assert evaluation is not None
            candidacy.evaluation_id = evaluation.id
        elif target is Stage.REEVALUATION_DUE:
            self._check_window(uow, product, today, record)
        return candidacy

    def _register(self, uow: UnitOfWork, product: Product, data: MoveInput, today: date, record: Text) -> Candidacy:
        errors: list[FieldError] = []
        name = product.name
        if data.registered_on is None:
            errors.append(
                FieldError(
                    "registered_on",
                    Text(f"Chưa nhập «Ngày đăng ký» của «{name}».", f"«Registered on» of «{name}» is missing."),
                )
            )
        elif data.registered_on > today:
            errors.append(
                FieldError(
                    "registered_on",
                    Text(
                        f"«Ngày đăng ký» {format_vn_date(data.registered_on)} ở tương lai.",
                        f"«Registered on» {format_vn_date(data.registered_on)} is in the future.",
                    ),
                )
            )
        if data.round_year is None:
            errors.append(
                FieldError(
                    "round_year",
                    Text(f"Chưa nhập «Năm đánh giá» của «{name}».", f"«Evaluation year» of «{name}» is missing."),
                )
            )
        if data.dossier_due_on is not None and data.registered_on and data.dossier_due_on < data.registered_on:
            errors.append(
                FieldError(
                    "dossier_due_on",
                    Text(
                        f"«Hạn nộp hồ sơ» {format_vn_date(data.dossier_due_on)} trước «Ngày đăng ký» "
                        f"{format_vn_date(data.registered_on)}.",
                        f"«Dossier due» {format_vn_date(data.dossier_due_on)} is before «Registered on» "
                        f"{format_vn_date(data.registered_on)}.",
                    ),
                )
            )
        if errors:
            raise ValidationError(errors, record=record)
        assert data.registered_on is not None
        rules: RuleSet = rule_set_in_force(reference.rule_sets(uow), data.registered_on)
        candidacy = Candidacy(
            product_id=product.id,
            stage=Stage.REGISTERED.value,
            rule_set_code=rules.code,
            round_year=data.round_year,
            round_no=data.round_no or 1,
            registered_on=data.registered_on,
            dossier_due_on=data.dossier_due_on,
            notes="",
        )
        uow.session.add(candidacy)
        if product.status == ProductStatus.POTENTIAL.value:
            product.status = ProductStatus.REGISTERED.value
        return candidacy

    @staticmethod
    def _evaluation(s: Session, product: Product, candidacy: Candidacy, data: MoveInput) -> Evaluation | None:
        """The evaluation given, else the one linked, else the product's newest since it registered."""
        wanted = data.evaluation_id or candidacy.evaluation_id
        if wanted:
            found = s.get(Evaluation, wanted)
            if found is not None and found.product_id == product.id:
                return found
        query = select(Evaluation).where(Evaluation.product_id == product.id)
        if candidacy.registered_on is not None:
            query = query.where(Evaluation.evaluated_on >= candidacy.registered_on)
        return s.scalars(query.order_by(Evaluation.evaluated_on.desc(), Evaluation.created_at.desc())).first()

    def _check_window(self, uow: UnitOfWork, product: Product, today: date, record: Text) -> None:
        name = product.name
        if product.expires_on is None:
            self._refuse(
                record,
                f"«{name}» chưa có «Ngày hết hạn» giấy chứng nhận nên chưa tính được thời hạn đánh giá lại.",
                f"«{name}» has no certificate «Expires on», so its re-evaluation window cannot be worked out.",
            )
        assert product.expires_on is not None
        opens = _Windows(uow).opens(_brief_of(product))
        if opens is not None and today < opens:
            self._refuse(
                record,
                f"Giấy chứng nhận của «{name}» hết hạn ngày {format_vn_date(product.expires_on)}; thời hạn nộp hồ sơ "
                f"đánh giá lại bắt đầu từ ngày {format_vn_date(opens)}, chưa đến.",
                f"The certificate of «{name}» expires on {format_vn_date(product.expires_on)}; the re-evaluation "
                f"filing window opens on {format_vn_date(opens)}, not yet.",
            )

    @staticmethod
    def _refuse(record: Text, vi: str, en: str) -> None:
        raise ValidationError([FieldError("stage", Text(vi, en))], record=record)


__all__ = ["Board", "MoveInput", "PipelineRow", "PipelineService"]

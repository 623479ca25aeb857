"""Dossiers (hồ sơ): the documents a product's round needs by its rule set, their state, what is missing."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from functools import cache

from sqlalchemy import select
from sqlalchemy.orm import Session, object_session

from ocop_desktop.domain.language import Text
from ocop_desktop.domain.numbers import format_vn_date
from ocop_desktop.domain.pipeline import DossierItemSpec, DossierRules, DossierStatus, Stage, dossier_rules_from_dict
from ocop_desktop.domain.text import clean, fold
from ocop_desktop.domain.validation import FieldError, NotFoundError, StaleDataError, ValidationError
from ocop_desktop.persistence.models import Candidacy, DossierItem, Product
from ocop_desktop.persistence.uow import UnitOfWork, UowFactory
from ocop_desktop.services import reference
from ocop_desktop.services.pipeline_types import Dossier, DossierItemInput, DossierRow
from ocop_desktop.services.record_versions import commit_or_refuse, stale_record

DOSSIER_FILE = "reference/dossier_items.json"


@cache
def dossier_rules() -> dict[str, DossierRules]:
    """Every rule set's dossier items, read once from the shipped reference file."""
    return dossier_rules_from_dict(reference.read_json(DOSSIER_FILE))


def rules_for(code: str) -> DossierRules:
    """The dossier list of rule set ``code``; a rule set the file does not list takes the newest list."""
    rules = dossier_rules()
    if code in rules:
        return rules[code]
    newest = max(rules, key=lambda c: (int(c.split("/")[-1]) if c.split("/")[-1].isdigit() else 0, c))
    return rules[newest]


def item_name(code: str) -> str:
    """A dossier document's name from its code, whichever rule set lists it (the code when none does)."""
    return next((i.name for r in dossier_rules().values() for i in r.items if i.code == code), code)


def round_text(year: int | None, number: int | None) -> str:
    if year is None:
        return ""
    return f"{number}/{year}" if number else str(year)


def missing_specs(candidacy: Candidacy, statuses: dict[str, str]) -> list[DossierItemSpec]:
    """The required documents of ``candidacy`` not yet «Đạt» (``statuses``: item code -> stored status)."""
    rules = rules_for(candidacy.rule_set_code)
    return [i for i in rules.required if statuses.get(i.code) != DossierStatus.DONE.value]


def missing_items(candidacy: Candidacy, statuses: dict[str, str]) -> list[str]:
    """The names of the required documents of ``candidacy`` not yet «Đạt»."""
    return [i.name for i in missing_specs(candidacy, statuses)]


def item_statuses(session: Session, candidacy_ids: Iterable[str]) -> dict[str, dict[str, str]]:
    """candidacy id -> {item code: status}, read in one query."""
    ids = list(candidacy_ids)
    out: dict[str, dict[str, str]] = {i: {} for i in ids}
    for chunk in (ids[i : i + 500] for i in range(0, len(ids), 500)):
        rows = session.execute(
            select(DossierItem.candidacy_id, DossierItem.item_code, DossierItem.status).where(
                DossierItem.candidacy_id.in_(chunk)
            )
        )
        for cid, code, status in rows:
            out[cid][code] = status
    return out


def current_candidacy(session: Session, product_id: str) -> Candidacy | None:
    """A product's current round: the one made last (a re-evaluation registers a new round after the
    certified one; a round's year says nothing of which came first when a record had none)."""
    return session.scalars(
        select(Candidacy)
        .where(Candidacy.product_id == product_id)
        .order_by(Candidacy.created_at.desc(), Candidacy.id.desc())
    ).first()


def find_product(session: Session, text: str) -> Product:
    """A product by its id, or by its exact name (people at a terminal know products by name)."""
    product = session.get(Product, text)
    if product is None:
        name = clean(text) or ""
        matches = session.scalars(select(Product).where(Product.name_folded == fold(name))).all()
        exact = [p for p in matches if p.name == name] or list(matches)
        if len(exact) != 1:
            raise NotFoundError(
                Text(
                    f"Không tìm thấy sản phẩm «{text}»."
                    if not exact
                    else f"Có {len(exact)} sản phẩm tên «{text}»; hãy ghi mã sản phẩm.",
                    f"No product «{text}» was found."
                    if not exact
                    else f"{len(exact)} products are named «{text}»; give the product's id.",
                )
            )
        product = exact[0]
    return product


def _stale_item(row: DossierItem | None, item: str, product: str) -> StaleDataError:
    """The refusal of a save over a dossier document saved since the form showed it, naming who."""
    what = Text(f"Tài liệu «{item}» trong hồ sơ của «{product}»", f"The document «{item}» of «{product}»'s dossier")
    if row is None:  # gone with its round meanwhile
        return StaleDataError([Text(f"{what} đã bị xóa ở nơi khác", f"{what.en} was deleted elsewhere")])
    session = object_session(row)
    assert session is not None  # loaded in a unit of work
    advice = Text(
        "Chưa lưu gì; bảng đã hiện bản mới nhất, phần bạn gõ vẫn giữ trong các ô: xem lại rồi lưu nếu vẫn cần.",
        "Nothing was saved; the table shows the latest version and what you typed is kept in the fields: "
        "check it, then save again if still needed.",
    )
    return stale_record(session, "dossier_items", row.id, what, row.updated_at, advice=advice)


class DossierService:
    def __init__(self, make_uow: UowFactory) -> None:
        self._uow = make_uow

    def dossier(self, product: str) -> Dossier:
        """The product's dossier for its current round (refused before it registered)."""
        with self._uow() as uow:
            found = find_product(uow.session, product)
            return self._dossier(uow, found, self._candidacy(uow, found))

    def set_item(self, product: str, item: str, data: DossierItemInput, today: date | None = None) -> Dossier:
        """Record one document's state (by its code or its name); refused with every reason at once."""
        today = today or date.today()
        with self._uow(action="dossier") as uow:
            found = find_product(uow.session, product)
            uow.session.info["context"] = found.name
            candidacy = self._candidacy(uow, found)
            rules = rules_for(candidacy.rule_set_code)
            spec = rules.item(item) or next((i for i in rules.items if fold(i.name) == fold(item)), None)
            record = Text(f"Hồ sơ của «{found.name}»", f"Dossier of «{found.name}»")
            errors: list[FieldError] = []
            if spec is None:
                names = "; ".join(f"{i.name} «{i.code}»" for i in rules.items)
                errors.append(
                    FieldError(
                        "item_code",
                        Text(
                            f"Bộ tiêu chí {rules.rule_set} không có tài liệu «{item}»; các tài liệu: {names}.",
                            f"The rule set {rules.rule_set} lists no document «{item}»; the documents: {names}.",
                        ),
                    )
                )
            try:
                status = DossierStatus.from_label_or_code(data.status)
            except ValueError:
                choices = ", ".join(s.label for s in DossierStatus)
                choices_en = ", ".join(s.label_en for s in DossierStatus)
                errors.append(
                    FieldError(
                        "status",
                        Text(
                            f"«Tình trạng» «{data.status}» không có; chọn một trong: {choices}.",
                            f"«Status» «{data.status}» is not one; choose one of: {choices_en}.",
                        ),
                    )
                )
                status = None
            if data.checked_on is not None and data.checked_on > today:
                errors.append(
                    FieldError(
                        "checked_on",
                        Text(
                            f"«Ngày kiểm tra» {format_vn_date(data.checked_on)} ở tương lai.",
                            f"«Checked on» {format_vn_date(data.checked_on)} is in the future.",
                        ),
                    )
                )
            if errors:
                raise ValidationError(errors, record=record)
            assert spec is not None and status is not None
            row = uow.session.scalar(
                select(DossierItem).where(DossierItem.candidacy_id == candidacy.id, DossierItem.item_code == spec.code)
            )
            if row is None:
                row = DossierItem(candidacy_id=candidacy.id, item_code=spec.code)
                uow.session.add(row)
            elif data.version is not None and row.updated_at != data.version:
                raise _stale_item(row, spec.name, found.name)
            row.status = status.value
            row.checked_on = data.checked_on or (today if status is not DossierStatus.MISSING else None)
            row.checked_by = clean(data.checked_by) or ""
            row.file_path = clean(data.file_path) or ""
            row.note = (data.note or "").strip()
            row_id, name = row.id, spec.name
            commit_or_refuse(uow, lambda: _stale_item(uow.session.get(DossierItem, row_id), name, found.name))
            return self._dossier(uow, found, candidacy)

    # -- reading ------------------------------------------------------------------------------------
    @staticmethod
    def _candidacy(uow: UnitOfWork, product: Product) -> Candidacy:
        candidacy = current_candidacy(uow.session, product.id)
        if candidacy is None or candidacy.stage in (Stage.POTENTIAL.value, Stage.REEVALUATION_DUE.value):
            raise ValidationError(
                [
                    FieldError(
                        "stage",
                        Text(
                            f"«{product.name}» chưa đăng ký đợt đánh giá nào nên chưa có hồ sơ; hãy chuyển sản phẩm "
                            "sang giai đoạn «Đăng ký» (ngày đăng ký, năm và đợt đánh giá) trước.",
                            f"«{product.name}» is not registered for an evaluation round, so it has no dossier yet; "
                            "move it to the stage «Registered» (registration date, year and round) first.",
                        ),
                    )
                ],
                record=Text(f"Hồ sơ của «{product.name}»", f"Dossier of «{product.name}»"),
            )
        return candidacy

    @staticmethod
    def _dossier(uow: UnitOfWork, product: Product, candidacy: Candidacy) -> Dossier:
        rules = rules_for(candidacy.rule_set_code)
        stored = {
            i.item_code: i
            for i in uow.session.scalars(select(DossierItem).where(DossierItem.candidacy_id == candidacy.id))
        }
        rows = []
        for spec in rules.items:
            got = stored.get(spec.code)
            status = got.status if got else DossierStatus.MISSING.value
            rows.append(
                DossierRow(
                    spec.code,
                    spec.name,
                    spec.required,
                    spec.confirmed,
                    status,
                    DossierStatus.label_of(status),
                    got.checked_on if got else None,
                    got.checked_by if got else "",
                    got.file_path if got else "",
                    got.note if got else "",
                    spec.note,
                    got.updated_at if got else None,
                )
            )
        place = product.commune or (product.producer.commune if product.producer else None)
        return Dossier(
            product.id,
            product.name,
            product.producer.name if product.producer else "",
            place.name if place else "",
            candidacy.id,
            candidacy.stage,
            rules.rule_set,
            round_text(candidacy.round_year, candidacy.round_no),
            candidacy.dossier_due_on,
            rules.source,
            rows,
        )

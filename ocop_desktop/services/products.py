"""Product registry: list, query a page, search, create, edit, archive and restore OCOP products."""

from __future__ import annotations

import builtins
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ocop_desktop.domain.codes import CodeError, normalize_ean13
from ocop_desktop.domain.enums import ProductStatus
from ocop_desktop.domain.language import Text
from ocop_desktop.domain.rules import rule_set_in_force
from ocop_desktop.domain.text import clean
from ocop_desktop.domain.validation import FieldError, NotFoundError, StaleDataError, ValidationError
from ocop_desktop.persistence.hooks import record_label
from ocop_desktop.persistence.models import Place, Producer, Product, ProductGroup, ProductSet, utcnow
from ocop_desktop.persistence.uow import UnitOfWork, UowFactory
from ocop_desktop.services import reference
from ocop_desktop.services.access import Action, require
from ocop_desktop.services.labels import LabelInfo, apply_label, incomplete_condition, label_errors, label_info
from ocop_desktop.services.product_query import (  # noqa: F401  (re-exported for the GUI and tests)
    EXPIRED,
    EXPIRING,
    PAGE_SIZE,
    ProductFilter,
    ProductRow,
    count_matching,
    expiry_state,
    query_page,
    same_name_rows,
    search_condition,
    uncounted_page,
)
from ocop_desktop.services.record_versions import commit_or_refuse, stale_record

NAME_MAX = 300


@dataclass(frozen=True)
class ProductDTO:
    id: str
    name: str
    producer: str
    producer_id: str | None
    commune: str
    commune_id: str | None
    group: str
    group_code: str
    product_set: str
    product_set_code: str
    stars: int | None
    score: float | None
    status: str
    status_label: str
    certificate_no: str
    certifying_decision: str
    certifying_body: str
    certified_on: date | None
    expires_on: date | None
    ean13: str
    checklist: dict[str, Any]
    notes: str
    archived: bool
    updated_at: datetime
    # Trademark, GS1 membership, traceability link (services/labels.py).
    label: LabelInfo = field(default_factory=LabelInfo)
    # The stored record's version (migration 0017): what a form gives back to update().
    version: int = 1


@dataclass
class ProductInput:
    """What a form or an import supplies; ids name existing producers, places and sets."""

    name: str = ""
    status: str = ProductStatus.POTENTIAL.value
    producer_id: str | None = None
    commune_id: str | None = None
    product_set_code: str | None = None
    stars: int | None = None
    score: float | None = None
    certificate_no: str = ""
    certifying_decision: str = ""
    certifying_body: str = ""
    certified_on: date | None = None
    expires_on: date | None = None
    ean13: str = ""
    checklist: dict[str, Any] = field(default_factory=dict)
    notes: str = ""
    group_code: str | None = None  # only needed when no product set is chosen; a set implies its group
    # Trademark, GS1 membership, traceability link (services/labels.py).
    label: LabelInfo = field(default_factory=LabelInfo)


@dataclass(frozen=True)
class ChecklistItem:
    code: str
    name: str


@dataclass(frozen=True)
class ChecklistSection:
    code: str
    name: str
    items: tuple[ChecklistItem, ...]


def checklist_sections() -> list[ChecklistSection]:
    """The label, traceability and trademark checklist (editable reference data), by section."""
    data = reference.read_json("reference/checklist.json")
    items: dict[str, list[ChecklistItem]] = {code: [] for code in data["sections"]}
    for item in data["items"]:
        items.setdefault(item["section"], []).append(ChecklistItem(item["code"], item["name"]))
    names = data["sections"]
    return [ChecklistSection(code, names.get(code, code), tuple(rows)) for code, rows in items.items()]


def to_dto(p: Product) -> ProductDTO:
    group = p.group or (p.product_set.group if p.product_set else None)
    return ProductDTO(
        id=p.id,
        name=p.name,
        producer=p.producer.name if p.producer else "",
        producer_id=p.producer_id,
        commune=p.commune.name if p.commune else "",
        commune_id=p.commune_id,
        group=group.name if group else "",
        group_code=group.code if group else "",
        product_set=p.product_set.name if p.product_set else "",
        product_set_code=p.product_set.code if p.product_set else "",
        stars=p.stars,
        score=p.score,
        status=p.status,
        status_label=ProductStatus(p.status).label,
        certificate_no=p.certificate_no or "",
        certifying_decision=p.certifying_decision or "",
        certifying_body=p.certifying_body or "",
        certified_on=p.certified_on,
        expires_on=p.expires_on,
        ean13=p.ean13 or "",
        checklist=dict(p.checklist or {}),
        notes=p.notes or "",
        archived=p.archived_at is not None,
        updated_at=p.updated_at,
        label=label_info(p),
        version=p.version,
    )


STALE_ADVICE = Text(
    "Chưa lưu gì; hãy ghi lại những gì bạn vừa sửa, đóng biểu mẫu rồi mở lại sản phẩm để sửa trên bản mới nhất.",
    "Nothing was saved; note down what you have just changed, close the form and open "
    "the product again to edit its latest version.",
)


def _stale(session: Session, product: Product) -> StaleDataError:
    """The refusal of a save over ``product``, naming who changed it since and when."""
    what = Text(f"Sản phẩm «{product.name}»", f"Product «{product.name}»")
    return stale_record(session, "products", product.id, what, product.updated_at, STALE_ADVICE)


class ProductService:
    def __init__(self, make_uow: UowFactory) -> None:
        self._uow = make_uow

    def list(
        self,
        search: str | None = None,
        status: str | None = None,
        stars: int | None = None,
        include_archived: bool = False,
        label_incomplete: bool = False,
    ) -> list[ProductDTO]:
        """Products in Vietnamese alphabetical order; ``search`` is the registry table's search
        (product or producer name, diacritics and case ignored)."""
        with self._uow() as uow:
            query = select(Product)
            if (found := search_condition(search)) is not None:
                query = query.where(found)
            if status:
                query = query.where(Product.status == status)
            if stars is not None:
                query = query.where(Product.stars == stars)
            if not include_archived:
                query = query.where(Product.archived_at.is_(None))
            if label_incomplete:  # «nhãn chưa đạt»
                query = query.where(incomplete_condition(date.today()))
            query = query.order_by(Product.name_sort, Product.id)
            return [to_dto(p) for p in uow.session.scalars(query).unique()]

    def query(
        self,
        filters: ProductFilter = ProductFilter(),
        offset: int = 0,
        limit: int = PAGE_SIZE,
        today: date | None = None,
    ) -> tuple[builtins.list[ProductRow], int]:
        """One page of the registry table and the number of matching products.

        A Core select of the shown columns, filtered and ordered in SQL (Vietnamese order from
        ``name_sort``), so a national table of 20,000 products pages quickly."""
        with self._uow() as uow:
            return query_page(uow.session, filters, offset, limit, today or date.today())

    def uncounted_page(
        self,
        filters: ProductFilter = ProductFilter(),
        offset: int = 0,
        limit: int = PAGE_SIZE,
        today: date | None = None,
    ) -> tuple[Sequence[ProductRow], int | None]:
        """query() without counting every match: the total only when this page is the last, else
        None (count() tells it). The window shows the rows, then the total a moment later."""
        with self._uow() as uow:
            return uncounted_page(uow.session, filters, offset, limit, today or date.today())

    def count(self, filters: ProductFilter = ProductFilter(), today: date | None = None) -> int:
        """How many products match ``filters``."""
        with self._uow() as uow:
            return count_matching(uow.session, filters, today or date.today())

    def find_duplicates(
        self,
        name: str,
        producer_id: str | None,
        exclude_id: str | None = None,
        today: date | None = None,
    ) -> builtins.list[ProductRow]:
        """Products of the same producer whose name is the same once accents and case are ignored
        (archived ones included, so the user can restore rather than re-create)."""
        with self._uow() as uow:
            return same_name_rows(uow.session, name, producer_id, exclude_id, today or date.today())

    def validate(self, data: ProductInput, product_id: str | None = None) -> builtins.list[FieldError]:
        """Every problem ``data`` would be refused for, without saving anything."""
        with self._uow() as uow:
            product = self._load(uow, product_id) if product_id else Product(status=data.status)
            try:
                self._apply(uow, product, data)
            except ValidationError as exc:
                return exc.errors
            return []  # leaving the unit of work without commit rolls the changes back

    @staticmethod
    def checklist() -> builtins.list[ChecklistSection]:
        return checklist_sections()

    def get(self, product_id: str) -> ProductDTO:
        with self._uow() as uow:
            return to_dto(self._load(uow, product_id))

    def create(self, data: ProductInput) -> ProductDTO:
        with self._uow() as uow:
            product = Product(status=data.status)
            self._apply(uow, product, data)
            _may_change(uow, product)
            uow.session.add(product)
            uow.commit()
            return to_dto(product)

    def update(
        self,
        product_id: str,
        data: ProductInput,
        expected_updated_at: datetime | None = None,
        expected_version: int | None = None,
    ) -> ProductDTO:
        """Save the form over the product; ``expected_version`` (or, for older callers,
        ``expected_updated_at``) is what the form loaded: if the product changed since (another
        person on the server, another tab, a package, a restore), nothing is written and
        StaleDataError names who changed it and when. The UPDATE itself names the version too
        (``WHERE id = ? AND version = ?``), so two saves that pass the check at once on a server
        cannot both write."""
        with self._uow() as uow:
            product = self._load(uow, product_id)
            if (expected_version is not None and product.version != expected_version) or (
                expected_updated_at is not None and product.updated_at != expected_updated_at
            ):
                raise _stale(uow.session, product)
            _may_change(uow, product)  # its unit now, and below the one it is moved to
            self._apply(uow, product, data)
            _may_change(uow, product)
            commit_or_refuse(uow, lambda: _stale(uow.session, self._load(uow, product_id)))
            return to_dto(product)

    def set_archived(self, product_id: str, archived: bool) -> ProductDTO:
        with self._uow(action="archive" if archived else "restore") as uow:
            product = self._load(uow, product_id)
            _may_change(uow, product)
            product.archived_at = utcnow() if archived else None
            commit_or_refuse(uow, lambda: _stale(uow.session, self._load(uow, product_id)))
            return to_dto(product)

    def set_archived_many(self, product_ids: builtins.list[str], archived: bool) -> int:
        """Archive or restore several products in one transaction; returns how many changed."""
        with self._uow(action="archive" if archived else "restore") as uow:
            changed = 0
            for product_id in product_ids:
                product = self._load(uow, product_id)
                _may_change(uow, product)
                if (product.archived_at is not None) != archived:
                    product.archived_at = utcnow() if archived else None
                    changed += 1
            uow.commit()
            return changed

    @staticmethod
    def _load(uow: UnitOfWork, product_id: str) -> Product:
        product = uow.session.get(Product, product_id)
        if product is None:
            raise NotFoundError(
                Text(f"Không tìm thấy sản phẩm có mã {product_id}.", f"No product has the id {product_id}.")
            )
        return product

    def _apply(self, uow: UnitOfWork, product: Product, data: ProductInput) -> None:
        """Validate every field, then write them all or none."""
        s = uow.session
        errors: list[FieldError] = []
        name = clean(data.name) or ""
        if not name:
            errors.append(FieldError("name", Text("Chưa nhập tên sản phẩm.", "The product name is missing.")))
        elif len(name) > NAME_MAX:
            errors.append(
                FieldError(
                    "name",
                    Text(
                        f"Tên sản phẩm dài quá {NAME_MAX} ký tự; hãy rút gọn.",
                        f"The product name is longer than {NAME_MAX} characters; please shorten it.",
                    ),
                )
            )
        try:
            status = ProductStatus(data.status)
        except ValueError:
            errors.append(
                FieldError(
                    "status",
                    Text(f"Trạng thái «{data.status}» không hợp lệ.", f"«{data.status}» is not a valid status."),
                )
            )
            status = None
        if data.stars is not None and data.stars not in range(1, 6):
            errors.append(FieldError("stars", Text("Hạng sao phải từ 1 đến 5.", "Stars must be from 1 to 5.")))
        if status in (ProductStatus.CERTIFIED, ProductStatus.EXPIRED) and (data.stars or 0) < 3:
            errors.append(
                FieldError(
                    "stars",
                    Text(
                        "Sản phẩm được công nhận phải đạt từ 3 sao trở lên; hãy chọn hạng sao.",
                        "A certified product has at least 3 stars; please choose its stars.",
                    ),
                )
            )
        if data.score is not None and not 0 <= data.score <= 100:
            errors.append(
                FieldError(
                    "score", Text("Điểm đánh giá phải từ 0 đến 100.", "The evaluation score must be from 0 to 100.")
                )
            )
        ean = (data.ean13 or "").strip()
        if ean:
            try:
                ean = normalize_ean13(ean)
            except CodeError as exc:
                errors.append(FieldError("ean13", str(exc)))
        bad_ean = any(e.field == "ean13" for e in errors)
        errors += label_errors(data.label, "" if bad_ean else ean, date.today())
        if data.producer_id and s.get(Producer, data.producer_id) is None:
            errors.append(
                FieldError(
                    "producer_id",
                    Text(
                        "Chủ thể đã chọn không còn trong danh sách; hãy chọn lại.",
                        "The chosen producer is no longer in the list; please choose again.",
                    ),
                )
            )
        if data.commune_id and s.get(Place, data.commune_id) is None:
            errors.append(
                FieldError(
                    "commune_id",
                    Text(
                        "Xã đã chọn không có trong danh mục địa bàn; hãy chọn lại.",
                        "The chosen commune is not in the list of places; please choose again.",
                    ),
                )
            )
        pset = None
        if data.product_set_code:
            pset = s.scalar(select(ProductSet).where(ProductSet.code == data.product_set_code))
            if pset is None:
                errors.append(
                    FieldError(
                        "product_set",
                        Text(
                            f"Bộ sản phẩm «{data.product_set_code}» không có trong danh mục.",
                            f"Product set «{data.product_set_code}» is not in the list.",
                        ),
                    )
                )
        group = None
        if data.group_code:
            group = s.scalar(select(ProductGroup).where(ProductGroup.code == data.group_code))
            if group is None:
                errors.append(
                    FieldError(
                        "group",
                        Text(
                            f"Nhóm sản phẩm «{data.group_code}» không có trong danh mục.",
                            f"Product group «{data.group_code}» is not in the list.",
                        ),
                    )
                )
            elif pset is not None and pset.group_id != group.id:
                errors.append(
                    FieldError(
                        "product_set",
                        Text(
                            f"Bộ sản phẩm «{pset.name}» thuộc nhóm «{pset.group.name}», không thuộc nhóm "
                            f"«{group.name}»; hãy chọn lại nhóm hoặc bộ sản phẩm.",
                            f"Product set «{pset.name}» belongs to group «{pset.group.name}», not to «{group.name}»; "
                            "please choose the group or the product set again.",
                        ),
                    )
                )
        expires_on = data.expires_on
        rule_set_row_id = product.rule_set_id
        if data.certified_on and data.expires_on and data.expires_on <= data.certified_on:
            errors.append(
                FieldError(
                    "expires_on",
                    Text(
                        "Ngày hết hạn phải sau ngày chứng nhận.",
                        "The expiry date must be after the certification date.",
                    ),
                )
            )
        if data.certified_on and data.certified_on > date.today():
            errors.append(
                FieldError(
                    "certified_on",
                    Text("Ngày chứng nhận không thể ở tương lai.", "The certification date cannot be in the future."),
                )
            )
        if data.certified_on and not errors:
            try:
                rules = rule_set_in_force(reference.rule_sets(uow), data.certified_on)
            except LookupError as exc:
                errors.append(FieldError("certified_on", str(exc)))
            else:
                rule_set_row_id = reference.rule_set_id(rules.code)
                if expires_on is None:
                    expires_on = rules.expiry_for(data.certified_on)
        if errors:
            raise ValidationError(
                errors, record=Text(f"Sản phẩm «{name or '(chưa có tên)'}»", f"Product «{name or '(no name yet)'}»")
            )
        assert status is not None  # an unknown status was refused above
        product.name = name
        product.status = status.value
        product.producer_id = data.producer_id
        product.commune_id = data.commune_id
        product.product_set_id = pset.id if pset else None
        product.group_id = pset.group_id if pset else (group.id if group else None)
        product.stars = data.stars
        product.score = data.score
        product.certificate_no = clean(data.certificate_no) or None
        product.certifying_decision = clean(data.certifying_decision) or None
        product.certifying_body = clean(data.certifying_body) or None
        product.certified_on = data.certified_on
        product.expires_on = expires_on
        product.rule_set_id = rule_set_row_id
        product.ean13 = ean or None
        product.checklist = dict(data.checklist)
        apply_label(product, data.label)
        product.notes = (data.notes or "").strip()


def _may_change(uow: UnitOfWork, product: Product) -> None:
    """A commune officer on a server changes only the products of their unit (services/access.py)."""
    require(uow.session, Action.PRODUCT, product.commune_id, record_label(product))

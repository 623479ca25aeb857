"""Producers (chủ thể): the households, cooperatives and companies behind the products."""

from __future__ import annotations

import builtins
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ocop_desktop.domain.codes import CodeError, normalize_tax_or_personal_id
from ocop_desktop.domain.enums import ProducerKind
from ocop_desktop.domain.language import Text
from ocop_desktop.domain.text import clean, fold, like_pattern
from ocop_desktop.domain.validation import FieldError, NotFoundError, StaleDataError, ValidationError
from ocop_desktop.persistence.models import Place, Producer
from ocop_desktop.persistence.uow import UnitOfWork, UowFactory
from ocop_desktop.services.record_versions import commit_or_refuse, stale_record

PHONE_DIGITS = (9, 11)


@dataclass(frozen=True)
class ProducerDTO:
    id: str
    name: str
    kind: str
    kind_label: str
    tax_code: str
    representative: str
    phone: str
    email: str
    address: str
    commune: str
    commune_id: str | None
    version: int = 1  # the stored record's version (migration 0017): what a form gives back to update()


@dataclass(frozen=True)
class ProducerChoice:
    """A producer as a picker lists it: enough to tell namesakes apart and to search by."""

    id: str
    name: str
    name_folded: str
    commune: str
    tax_code: str

    @property
    def label(self) -> str:
        return f"{self.name} — {self.commune}" if self.commune else self.name


@dataclass
class ProducerInput:
    name: str = ""
    kind: str | None = None
    tax_code: str = ""
    representative: str = ""
    phone: str = ""
    email: str = ""
    address: str = ""
    commune_id: str | None = None
    notes: str = ""


def to_dto(p: Producer) -> ProducerDTO:
    return ProducerDTO(
        id=p.id,
        name=p.name,
        kind=p.kind or "",
        kind_label=ProducerKind(p.kind).label if p.kind else "",
        tax_code=p.tax_code or "",
        representative=p.representative or "",
        phone=p.phone or "",
        email=p.email or "",
        address=p.address or "",
        commune=p.commune.name if p.commune else "",
        commune_id=p.commune_id,
        version=p.version,
    )


def _stale(session: Session, producer: Producer) -> StaleDataError:
    what = Text(f"Chủ thể «{producer.name}»", f"Producer «{producer.name}»")
    return stale_record(session, "producers", producer.id, what, producer.updated_at)


class ProducerService:
    def __init__(self, make_uow: UowFactory) -> None:
        self._uow = make_uow

    def list(self, search: str | None = None) -> list[ProducerDTO]:
        with self._uow() as uow:
            query = select(Producer).where(Producer.archived_at.is_(None))
            if search and fold(search):
                query = query.where(Producer.name_folded.like(like_pattern(search), escape="\\"))
            query = query.order_by(Producer.name_sort, Producer.id)
            return [to_dto(p) for p in uow.session.scalars(query).unique()]

    def choices(self, search: str = "", limit: int | None = None) -> builtins.list[ProducerChoice]:
        """Active producers for a picker, in Vietnamese order; a Core select of five columns,
        so even a national list of 8,000 producers loads at once."""
        with self._uow() as uow:
            query = (
                select(Producer.id, Producer.name, Producer.name_folded, Place.name, Producer.tax_code)
                .outerjoin(Place, Place.id == Producer.commune_id)
                .where(Producer.archived_at.is_(None))
            )
            if search and fold(search):
                query = query.where(Producer.name_folded.like(like_pattern(search), escape="\\"))
            query = query.order_by(Producer.name_sort, Producer.id).limit(limit)
            return [
                ProducerChoice(
                    id=pid, name=name, name_folded=folded or fold(name), commune=commune or "", tax_code=tax or ""
                )
                for pid, name, folded, commune, tax in uow.session.execute(query)
            ]

    def get(self, producer_id: str) -> ProducerDTO:
        with self._uow() as uow:
            return to_dto(self._stored(uow, producer_id))

    def create(self, data: ProducerInput) -> ProducerDTO:
        with self._uow() as uow:
            producer = Producer()
            self._apply(uow, producer, data)
            uow.session.add(producer)
            uow.commit()
            return to_dto(producer)

    def update(self, producer_id: str, data: ProducerInput, expected_version: int | None = None) -> ProducerDTO:
        """Save over the producer; ``expected_version`` is the version the form loaded: if the
        producer changed since, nothing is written and StaleDataError names who changed it."""
        with self._uow() as uow:
            producer = self._stored(uow, producer_id)
            if expected_version is not None and producer.version != expected_version:
                raise _stale(uow.session, producer)
            self._apply(uow, producer, data)
            commit_or_refuse(uow, lambda: _stale(uow.session, self._stored(uow, producer_id)))
            return to_dto(producer)

    @staticmethod
    def _stored(uow: UnitOfWork, producer_id: str) -> Producer:
        producer = uow.session.get(Producer, producer_id)
        if producer is None:
            raise NotFoundError(
                Text(f"Không tìm thấy chủ thể có mã {producer_id}.", f"No producer has the id {producer_id}.")
            )
        return producer

    @staticmethod
    def _apply(uow: UnitOfWork, producer: Producer, data: ProducerInput) -> None:
        errors: list[FieldError] = []
        name = clean(data.name) or ""
        if not name:
            errors.append(FieldError("name", Text("Chưa nhập tên chủ thể.", "The producer name is missing.")))
        elif len(name) > 300:
            errors.append(
                FieldError(
                    "name",
                    Text(
                        "Tên chủ thể dài quá 300 ký tự; hãy rút gọn.",
                        "The producer name is longer than 300 characters; please shorten it.",
                    ),
                )
            )
        if data.kind and data.kind not in {k.value for k in ProducerKind}:
            errors.append(
                FieldError(
                    "kind",
                    Text(f"Loại hình «{data.kind}» không hợp lệ.", f"«{data.kind}» is not a valid kind of producer."),
                )
            )
        tax, tax_kind = None, None
        if (data.tax_code or "").strip():
            try:
                tax_kind, tax = normalize_tax_or_personal_id(data.tax_code)
            except CodeError as exc:
                errors.append(FieldError("tax_code", str(exc)))
            else:
                # One business, one tax code: a second record would split its products in two.
                same = select(Producer.name).where(Producer.tax_code == tax, Producer.archived_at.is_(None))
                if producer.id is not None:
                    same = same.where(Producer.id != producer.id)
                holder = uow.session.scalar(same.limit(1))
                if holder is not None:
                    errors.append(
                        FieldError(
                            "tax_code",
                            Text(
                                f"Mã số {tax} đã thuộc chủ thể «{holder}»; hãy chọn chủ thể đó trong danh sách "
                                "thay vì tạo mới, hoặc kiểm tra lại mã số.",
                                f"The code {tax} already belongs to producer «{holder}»; choose that producer in the "
                                "list instead of creating a new one, or check the code.",
                            ),
                        )
                    )
        phone = "".join(ch for ch in data.phone or "" if ch.isdigit() or ch == "+")
        digits = len(phone.lstrip("+"))
        if phone and not PHONE_DIGITS[0] <= digits <= PHONE_DIGITS[1]:
            errors.append(
                FieldError(
                    "phone",
                    Text(
                        "Số điện thoại phải có 10 chữ số (ví dụ 0912 345 678); hãy kiểm tra lại.",
                        "A phone number has 10 digits (for example 0912 345 678); please check it.",
                    ),
                )
            )
        email = (data.email or "").strip()
        if email and ("@" not in email or "." not in email.rsplit("@", 1)[-1]):
            errors.append(
                FieldError(
                    "email",
                    Text(f"Địa chỉ thư điện tử «{email}» không hợp lệ.", f"«{email}» is not a valid e-mail address."),
                )
            )
        if data.commune_id and uow.session.get(Place, data.commune_id) is None:
            errors.append(
                FieldError(
                    "commune_id",
                    Text(
                        "Xã đã chọn không có trong danh mục địa bàn; hãy chọn lại.",
                        "The chosen commune is not in the list of places; please choose again.",
                    ),
                )
            )
        if errors:
            raise ValidationError(
                errors, record=Text(f"Chủ thể «{name or '(chưa có tên)'}»", f"Producer «{name or '(no name yet)'}»")
            )
        producer.name = name
        producer.kind = data.kind or None
        producer.tax_code = tax
        producer.tax_code_kind = tax_kind
        producer.representative = clean(data.representative) or None
        producer.phone = phone or None
        producer.email = email or None
        producer.address = clean(data.address) or None
        producer.commune_id = data.commune_id
        producer.notes = (data.notes or "").strip()

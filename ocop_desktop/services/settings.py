"""Office settings kept in the database: which unit this copy serves, who uses it."""

from __future__ import annotations

import getpass
from dataclasses import dataclass

from sqlalchemy import select

from ocop_desktop.domain.documents import COUNCIL_NAME, DEPARTMENT, OFFICE_DOCS, SignerBlock
from ocop_desktop.domain.language import Text
from ocop_desktop.domain.text import clean
from ocop_desktop.domain.validation import FieldError, ValidationError
from ocop_desktop.persistence.models import AppMeta, Place
from ocop_desktop.persistence.uow import UowFactory

KEYS = ("office_unit_id", "user_name", "user_title", "office_kind", "office_printed_name")


@dataclass(frozen=True)
class OfficeKind:
    """A kind of office; its signer blocks and header lines are in domain.documents.OFFICE_DOCS."""

    key: str
    label: str

    @property
    def _block(self) -> SignerBlock | None:
        # Set-up offers the kind's usual block; the document settings choose between head and deputy.
        return OFFICE_DOCS[self.key].usual_signer

    @property
    def authority(self) -> str:  # "TM. ..." line, empty when the head signs in the body's name
        return self._block.authority if self._block else ""

    @property
    def deputy(self) -> str:  # "KT. ..." line, for a deputy signing on behalf of the head
        return self._block.deputy if self._block else ""

    @property
    def title(self) -> str:  # the signer's title as the office kind names it
        return self._block.title if self._block else ""


OFFICE_KINDS = (
    OfficeKind("ubnd", "UBND xã/phường/đặc khu"),
    OfficeKind("so_nnmt", "Sở Nông nghiệp và Môi trường"),
    OfficeKind("chi_cuc", "Chi cục/phòng thuộc Sở"),
    OfficeKind("hoi_dong", "Hội đồng đánh giá OCOP cấp tỉnh"),
    OfficeKind("khac", "Khác"),
)
KIND_BY_KEY = {k.key: k for k in OFFICE_KINDS}


def printed_name(kind: str, unit_name: str, province_name: str) -> str:
    """The office's name as a document header prints it, guessed from its kind and unit
    (``province_name`` is kept for callers; the province is printed in the parent line).

    A department or council prints its province in the parent line above ("UBND TỈNH ĐIỆN BIÊN",
    Decree 30 appendix I, II.3), so its own name does not repeat it."""
    if kind == "ubnd" and unit_name:
        return f"ỦY BAN NHÂN DÂN {unit_name}".upper()
    if kind == "so_nnmt":
        return DEPARTMENT[-1].name.upper()
    if kind == "hoi_dong":
        return COUNCIL_NAME.upper()
    # A sub-department's own name is in no list (its department stands in the parent line): the
    # user types it; until then the header prints a dotted line to fill by hand.
    return ""


@dataclass(frozen=True)
class OfficeSettings:
    office_unit_id: str
    office_name: str
    user_name: str
    user_title: str
    office_kind: str = ""  # a key of OFFICE_KINDS, empty when never chosen
    printed_name: str = ""  # e.g. "ỦY BAN NHÂN DÂN XÃ MƯỜNG ẢNG"

    @property
    def complete(self) -> bool:
        return bool(self.office_unit_id and self.user_name)


def read_settings(make_uow: UowFactory) -> dict[str, str]:
    with make_uow() as uow:  # one query, not one a key (every document's header reads them)
        return dict(uow.session.execute(select(AppMeta.key, AppMeta.value).where(AppMeta.key.in_(KEYS))).all())


def office_settings(make_uow: UowFactory) -> OfficeSettings:
    values = read_settings(make_uow)
    unit_id = values.get("office_unit_id", "")
    with make_uow() as uow:
        place = uow.session.get(Place, unit_id) if unit_id else None
        office = place.name if place else ""
    return OfficeSettings(
        unit_id if place else "",
        office,
        values.get("user_name", ""),
        values.get("user_title", ""),
        values.get("office_kind", ""),
        values.get("office_printed_name", ""),
    )


def save_office_settings(
    make_uow: UowFactory,
    office_unit_id: str,
    user_name: str,
    user_title: str,
    office_kind: str | None = None,
    office_printed_name: str | None = None,
) -> OfficeSettings:
    """Validate and store the set-up answers; all problems are reported at once.

    ``office_kind`` and ``office_printed_name`` left as None keep what is stored."""
    errors: list[FieldError] = []
    name, title = clean(user_name) or "", clean(user_title) or ""
    printed = None if office_printed_name is None else clean(office_printed_name) or ""
    values = {"office_unit_id": office_unit_id, "user_name": name, "user_title": title}
    if office_kind is not None:
        if office_kind not in KIND_BY_KEY:
            kinds = ", ".join(k.label for k in OFFICE_KINDS)
            errors.append(
                FieldError(
                    "office_kind",
                    Text(
                        f"Loại cơ quan «{office_kind}» không có; hãy chọn một trong: {kinds}.",
                        f"There is no kind of office «{office_kind}»; choose one of: {kinds}.",
                    ),
                )
            )
        values["office_kind"] = office_kind
    if printed is not None:
        if len(printed) > 300:
            errors.append(
                FieldError(
                    "office_printed_name",
                    Text(
                        "Tên cơ quan in trên văn bản dài quá 300 ký tự; hãy viết gọn lại.",
                        "The office name printed on documents is longer than 300 characters; please shorten it.",
                    ),
                )
            )
        values["office_printed_name"] = printed
    with make_uow(action="settings") as uow:
        if not office_unit_id or uow.session.get(Place, office_unit_id) is None:
            errors.append(
                FieldError(
                    "office_unit_id",
                    Text(
                        "Chưa chọn Đơn vị: hãy chọn tỉnh, rồi đơn vị mà máy này phục vụ.",
                        "No unit is chosen: choose the province, then the unit this computer serves.",
                    ),
                )
            )
        if not name:
            errors.append(
                FieldError("user_name", Text("Chưa nhập Họ và tên người sử dụng.", "The user's full name is missing."))
            )
        elif len(name) > 200:
            errors.append(
                FieldError(
                    "user_name",
                    Text(
                        "Họ và tên dài quá 200 ký tự; hãy viết gọn lại.",
                        "The full name is longer than 200 characters; please shorten it.",
                    ),
                )
            )
        if len(title) > 200:
            errors.append(
                FieldError(
                    "user_title",
                    Text(
                        "Chức vụ dài quá 200 ký tự; hãy viết gọn lại.",
                        "The position is longer than 200 characters; please shorten it.",
                    ),
                )
            )
        if errors:
            raise ValidationError(errors, record=Text("Thiết lập đơn vị", "Office set-up"))
        for key, value in values.items():
            row = uow.session.get(AppMeta, key)
            if row is None:
                uow.session.add(AppMeta(key=key, value=value))
            else:
                row.value = value
        uow.commit()
    return office_settings(make_uow)


def current_actor(make_uow: UowFactory) -> str:
    """The name written in the audit log: the configured user, else the system login."""
    name = read_settings(make_uow).get("user_name")
    if name:
        return name
    try:
        return getpass.getuser()
    except Exception:  # no login name on some service accounts
        return "không rõ"

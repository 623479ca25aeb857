"""Office settings kept in the database: which unit this copy serves, who uses it."""

from __future__ import annotations

import getpass
from dataclasses import dataclass

from ocop_desktop.domain.text import clean
from ocop_desktop.domain.validation import FieldError, ValidationError
from ocop_desktop.persistence.models import AppMeta, Place
from ocop_desktop.persistence.uow import UowFactory

KEYS = ("office_unit_id", "user_name", "user_title")


@dataclass(frozen=True)
class OfficeSettings:
    office_unit_id: str
    office_name: str
    user_name: str
    user_title: str

    @property
    def complete(self) -> bool:
        return bool(self.office_unit_id and self.user_name)


def read_settings(make_uow: UowFactory) -> dict[str, str]:
    with make_uow() as uow:
        return {k: row.value for k in KEYS if (row := uow.session.get(AppMeta, k)) is not None}


def office_settings(make_uow: UowFactory) -> OfficeSettings:
    values = read_settings(make_uow)
    unit_id = values.get("office_unit_id", "")
    with make_uow() as uow:
        place = uow.session.get(Place, unit_id) if unit_id else None
        office = place.name if place else ""
    return OfficeSettings(unit_id if place else "", office, values.get("user_name", ""), values.get("user_title", ""))


def save_office_settings(make_uow: UowFactory, office_unit_id: str, user_name: str, user_title: str) -> OfficeSettings:
    """Validate and store the first-run answers; all problems are reported at once."""
    errors: list[FieldError] = []
    name, title = clean(user_name) or "", clean(user_title) or ""
    with make_uow(action="settings") as uow:
        if not office_unit_id or uow.session.get(Place, office_unit_id) is None:
            errors.append(FieldError("office_unit_id", "Hãy chọn đơn vị mà máy này phục vụ."))
        if not name:
            errors.append(FieldError("user_name", "Hãy nhập họ và tên người sử dụng."))
        elif len(name) > 200:
            errors.append(FieldError("user_name", "Họ và tên dài quá 200 ký tự."))
        if len(title) > 200:
            errors.append(FieldError("user_title", "Chức vụ dài quá 200 ký tự."))
        if errors:
            raise ValidationError(errors, record="Thiết lập đơn vị")
        for key, value in (("office_unit_id", office_unit_id), ("user_name", name), ("user_title", title)):
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

"""Office settings kept in the database: which unit this copy serves, who uses it."""

from __future__ import annotations

import getpass

from ocop_desktop.persistence.models import AppMeta
from ocop_desktop.persistence.uow import UowFactory

KEYS = ("office_unit_id", "user_name", "user_title")


def read_settings(make_uow: UowFactory) -> dict[str, str]:
    with make_uow() as uow:
        return {k: row.value for k in KEYS if (row := uow.session.get(AppMeta, k)) is not None}


def current_actor(make_uow: UowFactory) -> str:
    """The name written in the audit log: the configured user, else the system login."""
    name = read_settings(make_uow).get("user_name")
    if name:
        return name
    try:
        return getpass.getuser()
    except Exception:  # no login name on some service accounts
        return "không rõ"

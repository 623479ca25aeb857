"""A save refused because the record changed since it was loaded, naming who changed it and when.

The records people edit in forms carry a ``version`` (migrations 0017, 0022), the mapper's
version_id_col: a save is ``UPDATE … WHERE id = ? AND version = ?``. A service compares the version
the form loaded (the counter, or updated_at where the form keeps that) with the stored one before
writing; when two people passed that check at once (on a PostgreSQL server, before either
committed), the second's UPDATE matches no row and SQLAlchemy raises its own StaleDataError, which
commit_or_refuse turns into the same refusal. Either way the user gets the project's
StaleDataError, with the newest audit entry of the record: «Sản phẩm «Chè…» đã được Nguyễn Văn A
sửa lúc 09:14 ngày 03/12/2026, …».
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError as ConcurrentSave

from ocop_desktop.domain.language import Text
from ocop_desktop.domain.validation import StaleDataError, changed_when
from ocop_desktop.persistence.models import AuditEntry
from ocop_desktop.services.places import IN_CHUNK

if TYPE_CHECKING:
    from ocop_desktop.persistence.uow import UnitOfWork

ADVICE = Text(
    "Chưa lưu gì; hãy tải lại để xem bản mới nhất rồi sửa lại trên bản đó.",
    "Nothing was saved; reload to see the latest version, then make your change on it again.",
)


def last_change(session: Session, table: str, record_id: str) -> tuple[str, datetime] | None:
    """(who, when) of the newest audit entry about the record, None if the log has none."""
    row = session.execute(
        select(AuditEntry.actor, AuditEntry.at)
        .where(AuditEntry.entity == table, AuditEntry.entity_id == record_id)
        .order_by(AuditEntry.seq.desc())
        .limit(1)
    ).first()
    return (row[0] or "", row[1]) if row is not None else None


def last_changes(session: Session, table: str, record_ids: Collection[str]) -> dict[str, tuple[str, datetime]]:
    """last_change of several records of one table, a query per IN_CHUNK ids."""
    out: dict[str, tuple[str, datetime]] = {}
    ids = list(record_ids)
    for start in range(0, len(ids), IN_CHUNK):
        newest = (
            select(func.max(AuditEntry.seq))
            .where(AuditEntry.entity == table, AuditEntry.entity_id.in_(ids[start : start + IN_CHUNK]))
            .group_by(AuditEntry.entity_id)
        )
        for record_id, actor, at in session.execute(
            select(AuditEntry.entity_id, AuditEntry.actor, AuditEntry.at).where(AuditEntry.seq.in_(newest))
        ):
            out[record_id] = (actor or "", at)
    return out


def changed_by(who: str, at: datetime | None) -> Text:
    """«đã được Nguyễn Văn A sửa lúc 09:14 ngày 03/12/2026», or «đã được sửa ở nơi khác …» when the
    log names nobody."""
    when = changed_when(at)
    if who:
        return Text(f"đã được {who} sửa {when}", f"was changed by {who} {when.en}")
    return Text(f"đã được sửa ở nơi khác {when}", f"was changed elsewhere {when.en}")


OPENED_FORM = Text("sau khi bạn mở biểu mẫu này", "after you opened this form")


def stale_record(
    session: Session,
    table: str,
    record_id: str,
    what: Text,
    stamp: datetime | None = None,
    advice: Text = ADVICE,
    since: Text = OPENED_FORM,
) -> StaleDataError:
    """The refusal of a save over ``what`` («Sản phẩm «Chè…»», a Text) changed since it was loaded
    (``since``: «sau khi bạn mở biểu mẫu này»); ``stamp`` (the record's updated_at) is the time
    when the log names nobody."""
    change = last_change(session, table, record_id)
    changed = changed_by(*(change if change is not None else ("", stamp)))
    return StaleDataError([Text(f"{what} {changed}, {since}", f"{what.en} {changed.en}, {since.en}")], advice=advice)


def commit_or_refuse(uow: UnitOfWork, refusal: Callable[[], StaleDataError]) -> None:
    """Commit a save that passed the service's version check; if someone saved the record after it
    was read here (on a server, both passed the check at once), the UPDATE … WHERE version = ?
    matched nothing and nothing was written: rolled back and refused with ``refusal()``, called
    after the rollback so that it reads the record as the other person left it."""
    try:
        uow.commit()
    except ConcurrentSave:
        uow.rollback()
        raise refusal() from None

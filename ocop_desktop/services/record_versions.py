"""A save refused because the record changed since it was loaded, naming who changed it and when.

Products and producers carry a ``version`` (migration 0017), the mapper's version_id_col: a save
is ``UPDATE … WHERE id = ? AND version = ?``. A service compares the version the form loaded with
the stored one before writing; when two people passed that check at once (on a PostgreSQL server,
before either committed), the second's UPDATE matches no row and SQLAlchemy raises its own
StaleDataError. Either way the user gets the project's StaleDataError, with the newest audit
entry of the record: «Sản phẩm «Chè…» đã được Nguyễn Văn A sửa lúc 09:14 ngày 03/12/2026, …».
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from ocop_desktop.domain.language import Text
from ocop_desktop.domain.validation import StaleDataError, changed_when
from ocop_desktop.persistence.models import AuditEntry

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
    who, at = change if change is not None else ("", stamp)
    when = changed_when(at)
    if who:
        message = Text(
            f"{what} đã được {who} sửa {when}, {since}",
            f"{what.en} was changed by {who} {when.en}, {since.en}",
        )
    else:
        message = Text(
            f"{what} đã được sửa ở nơi khác {when}, {since}",
            f"{what.en} was changed elsewhere {when.en}, {since.en}",
        )
    return StaleDataError([message], advice=advice)

"""Validation results: every problem at once, per field, in Vietnamese."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime

# A FieldError.field that is a code key (``package_id``, ``row 3/notes``, ``products/<id>``), not a
# name for people: describe() leaves it out, as each message names its field by its label.
_INTERNAL_KEY = re.compile(r"[a-z][a-z0-9_]*|row \d+/[a-z0-9_]+|[a-z_]+/[0-9a-f-]+")


@dataclass(frozen=True)
class FieldError:
    field: str
    message: str

    def for_people(self) -> str:
        """The message, behind its field only when the field is named for people (a sheet and
        row), never behind an internal key: every message names its field by its label."""
        message = self.message.strip()
        return message if _INTERNAL_KEY.fullmatch(self.field) else f"{self.field}: {message}"


class ValidationError(ValueError):
    """Raised by services with all the problems of one record."""

    def __init__(self, errors: list[FieldError], record: str = "") -> None:
        self.errors = list(errors)
        self.record = record
        super().__init__(self.describe())

    def describe(self) -> str:
        """One sentence for people: the record, then each problem. A field named by an internal
        key (``package_id``, ``row 3/notes``) is left out, as every message names its field by
        its Vietnamese label; a field named for people (``Trang «Phiếu», dòng 2``) is kept."""
        head = f"{self.record}: " if self.record else ""
        body = "; ".join(p for p in (e.for_people().rstrip(".;") for e in self.errors) if p)
        return head + body + ("." if body and not body.endswith(("!", "?", "…")) else "")

    def by_field(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for e in self.errors:
            out.setdefault(e.field, []).append(e.message)
        return out


class NotFoundError(LookupError):
    """A record named by the user does not exist; the message says which."""


class StaleDataError(ValidationError):
    """A save refused because what it was based on changed since it was shown; nothing was written.

    ``changes`` lists in Vietnamese what changed, one item each ("Dòng «…» đã bị xóa ở nơi khác")."""

    ADVICE = "Chưa lưu gì; hãy tải lại để xem bản mới nhất rồi lưu lại."

    def __init__(self, changes: list[str], record: str = "", advice: str = ADVICE) -> None:
        self.changes = [c.rstrip(" .;") for c in changes]
        self.advice = advice
        super().__init__([FieldError("", c) for c in self.changes], record)

    def describe(self) -> str:
        head = f"{self.record}: dữ liệu đã thay đổi sau khi bạn mở. " if self.record else ""
        return f"{head}{'. '.join(self.changes)}. {self.advice}"


def changed_when(stamp: datetime | None, now: datetime | None = None) -> str:
    """When a record was changed, in the user's local time: "lúc 10:42" today, else with the date.

    ``stamp`` is naive UTC, like every timestamp in the database."""
    if stamp is None:
        return ""
    local = stamp.replace(tzinfo=UTC).astimezone()
    today = (now or datetime.now(UTC)).astimezone().date()
    clock = f"lúc {local:%H:%M}"
    return clock if local.date() == today else f"{clock} ngày {local:%d/%m/%Y}"

"""Validation results: every problem at once, per field, in Vietnamese (and English for an English window).

A message is a plain Vietnamese ``str`` or a ``domain.language.Text`` carrying its English too;
``describe()``, ``by_field()`` and ``str(error)`` give the window's language (Vietnamese unless the
GUI chose English), ``describe("vi")`` the Vietnamese whatever the window."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime

from ocop_desktop.domain.language import VIETNAMESE, Text, in_language

# A FieldError.field that is a code key (``package_id``, ``row 3/notes``, ``products/<id>``), not a
# name for people: describe() leaves it out, as each message names its field by its label.
_INTERNAL_KEY = re.compile(r"[a-z][a-z0-9_]*|row \d+/[a-z0-9_]+|[a-z_]+/[0-9a-f-]+")


@dataclass(frozen=True)
class FieldError:
    field: str
    message: str

    def for_people(self, language: str | None = None) -> str:
        """The message, behind its field only when the field is named for people (a sheet and
        row), never behind an internal key: every message names its field by its label."""
        message = in_language(self.message, language).strip()
        return message if _INTERNAL_KEY.fullmatch(self.field) else f"{in_language(self.field, language)}: {message}"


class ValidationError(ValueError):
    """Raised by services with all the problems of one record."""

    def __init__(self, errors: list[FieldError], record: str = "") -> None:
        self.errors = list(errors)
        self.record = record
        super().__init__(self.describe(VIETNAMESE))

    def __str__(self) -> str:
        return self.describe()

    def describe(self, language: str | None = None) -> str:
        """One sentence for people: the record, then each problem. A field named by an internal
        key (``package_id``, ``row 3/notes``) is left out, as every message names its field by
        its Vietnamese label; a field named for people (``Trang «Phiếu», dòng 2``) is kept."""
        head = f"{in_language(self.record, language)}: " if self.record else ""
        body = "; ".join(p for p in (e.for_people(language).rstrip(".;") for e in self.errors) if p)
        return head + body + ("." if body and not body.endswith(("!", "?", "…")) else "")

    def by_field(self, language: str | None = None) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for e in self.errors:
            out.setdefault(e.field, []).append(in_language(e.message, language))
        return out


class NotFoundError(LookupError):
    """A record named by the user does not exist; the message says which."""

    def __str__(self) -> str:
        return in_language(self.args[0]) if len(self.args) == 1 and isinstance(self.args[0], str) else super().__str__()


def text_of(error: BaseException, language: str | None = None) -> str:
    """What an exception of the core says to people, in ``language`` (default: the window's).

    A ValidationError is described with its record and problems; an error raised with one
    ``Text`` says its English in an English window; anything else is ``str(error)``."""
    if isinstance(error, ValidationError):
        return error.describe(language)
    if len(error.args) == 1 and isinstance(error.args[0], Text):
        return error.args[0].in_language(language)
    return str(error)


class StaleDataError(ValidationError):
    """A save refused because what it was based on changed since it was shown; nothing was written.

    ``changes`` lists in Vietnamese what changed, one item each ("Dòng «…» đã bị xóa ở nơi khác")."""

    ADVICE = Text(
        "Chưa lưu gì; hãy tải lại để xem bản mới nhất rồi lưu lại.",
        "Nothing was saved; reload to see the latest version, then save again.",
    )

    def __init__(self, changes: list[str], record: str = "", advice: str = ADVICE) -> None:
        self.changes = [_trimmed(c) for c in changes]
        self.advice = advice
        super().__init__([FieldError("", c) for c in self.changes], record)

    def describe(self, language: str | None = None) -> str:
        if self.record:
            record = in_language(self.record, language)
            head = in_language(
                Text(
                    f"{record}: dữ liệu đã thay đổi sau khi bạn mở. ",
                    f"{record}: the data changed after you opened it. ",
                ),
                language,
            )
        else:
            head = ""
        changes = ". ".join(in_language(c, language) for c in self.changes)
        return f"{head}{changes}. {in_language(self.advice, language)}"


def _trimmed(change: str) -> str:
    """The change without its closing punctuation, in both languages when it has two."""
    if isinstance(change, Text):
        return Text(change.rstrip(" .;"), change.en.rstrip(" .;"))
    return change.rstrip(" .;")


def changed_when(stamp: datetime | None, now: datetime | None = None) -> Text:
    """When a record was changed, in the user's local time: "lúc 10:42" ("at 10:42") today, else
    with the date.

    ``stamp`` is naive UTC, like every timestamp in the database."""
    if stamp is None:
        return Text("")
    local = stamp.replace(tzinfo=UTC).astimezone()
    today = (now or datetime.now(UTC)).astimezone().date()
    if local.date() == today:
        return Text(f"lúc {local:%H:%M}", f"at {local:%H:%M}")
    return Text(f"lúc {local:%H:%M} ngày {local:%d/%m/%Y}", f"at {local:%H:%M} on {local:%d/%m/%Y}")

"""A window table's columns and a form's field captions taken from the record schema, in the window's language."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from ocop_desktop.domain.language import display_language
from ocop_desktop.domain.schema import WINDOW, Field, Record
from ocop_desktop.gui.table_model import Column

T = TypeVar("T")


@dataclass(frozen=True)
class Shown(Generic[T]):
    """How the window shows one column's value, where the DTO attribute of the field's key is not it."""

    value: Callable[[T], Any] | None = None
    text: Callable[[T], str] | None = None
    tooltip: Callable[[T], str] | None = None
    align_right: bool | None = None  # None: numbers right, the rest left


def schema_columns(record: Record, shown: Mapping[str, Shown[T]] | None = None, view: str = WINDOW) -> list[Column[T]]:
    """The columns of ``record``'s ``view`` table (domain/schema); ``shown`` says how a column's
    value is taken or written when it is not the DTO attribute named by the field's key."""
    language = display_language()
    columns: list[Column[T]] = []
    for f in record.view(view):
        how: Shown[T] = (shown or {}).get(f.key) or Shown()
        columns.append(
            Column(
                header=f.label_in(language),
                value=how.value or (lambda row, key=f.key: getattr(row, key)),
                align_right=f.numeric if how.align_right is None else how.align_right,
                text=how.text,
                tooltip=how.tooltip,
            )
        )
    return columns


def caption(f: Field, shortcut: bool = True) -> str:
    """A form's label for field ``f``: «&Hạn nộp:», its first letter the keyboard shortcut
    (unless ``shortcut`` is False: «Hạn nộp:»)."""
    return f"{'&' if shortcut else ''}{f.label_in(display_language())}:"


def name_fields(record: Record, labels: Mapping[str, Any], shortcut: bool = False) -> None:
    """Set each form label of ``labels`` (field key -> QLabel) to its field's caption; with
    ``shortcut``, each gets a keyboard shortcut of its own (two fields starting «Đ» do not share
    Alt+Đ: the second takes the first letter of another word, or another letter)."""
    taken: set[str] = set()
    for key, label in labels.items():
        text = caption(record.column(key), shortcut=False)
        label.setText(with_shortcut(text, taken) if shortcut else text)


def with_shortcut(text: str, taken: set[str]) -> str:
    """``text`` with «&» before its first letter not in ``taken`` (word starts first), which is
    then taken; unchanged when every letter is."""
    starts = [i for i, ch in enumerate(text) if ch.isalpha() and (i == 0 or not text[i - 1].isalpha())]
    others = [i for i, ch in enumerate(text) if ch.isalpha() and i not in starts]
    for i in starts + others:
        letter = text[i].lower()
        if letter not in taken:
            taken.add(letter)
            return f"{text[:i]}&{text[i:]}"
    return text

"""The window's language for labels and messages from the core; official documents stay Vietnamese.

The core never asks Qt which language the window is in: the GUI calls
``set_display_language("en")`` once, when the user has chosen English, and the CLI never does,
so the terminal, the log file's Vietnamese-neutral text and every official document (PDF, Excel,
their file names) keep the Vietnamese ``label``/``str()`` they always had.

A message for people is a ``Text``: a ``str`` whose value is the Vietnamese sentence (so every
existing ``str``-handling path, the CLI and the logs keep working unchanged) and which carries
the English sentence beside it. ``in_language(text)`` picks the one for the window.
"""

from __future__ import annotations

VIETNAMESE = "vi"
ENGLISH = "en"
LANGUAGES = (VIETNAMESE, ENGLISH)

_display = VIETNAMESE


def set_display_language(language: str) -> None:
    """The language the window shows (``"vi"`` or ``"en"``); anything else means Vietnamese."""
    global _display
    _display = language if language in LANGUAGES else VIETNAMESE


def display_language() -> str:
    return _display


class Text(str):
    """A sentence for people: Vietnamese as the string itself, English in ``en``.

    Built where the message is written, both sentences side by side with the same values::

        Text(f"Hạng sao phải từ 1 đến {high}.", f"Stars must be from 1 to {high}.")
    """

    en: str

    def __new__(cls, vi: str, en: str | None = None) -> Text:
        text = super().__new__(cls, vi)
        text.en = vi if en is None else en
        return text

    def __reduce__(self) -> tuple[type[Text], tuple[str, str]]:  # pickling/copying keeps the English
        return Text, (str(self), self.en)

    def in_language(self, language: str | None = None) -> str:
        return self.en if (language or _display) == ENGLISH else str(self)


class Spoken:
    """For an exception raised with one ``Text``: ``str(error)`` in the window's language, so a
    window that shows ``str(exc)`` shows English when English was chosen (the CLI never chooses)."""

    args: tuple[object, ...]

    def __str__(self) -> str:
        if len(self.args) == 1 and isinstance(self.args[0], str):
            return in_language(self.args[0])
        return super().__str__()


def in_language(text: str, language: str | None = None) -> str:
    """``text`` in ``language`` (default: the window's): a ``Text``'s English when English is asked
    for, else the text as it is (a plain ``str`` has no English and is shown as written)."""
    return text.in_language(language) if isinstance(text, Text) else text


def english(text: str) -> str:
    """``text``'s English (a plain ``str`` as it is): for the English half of a ``Text`` built
    around another message, ``Text(f"Tệp {what} …", f"File {english(what)} …")``."""
    return in_language(text, ENGLISH)


def join(separator: str, parts: list[str], separator_en: str | None = None) -> Text:
    """Join messages keeping both languages: each part's English joins the English sentence."""
    sep_en = separator if separator_en is None else separator_en
    return Text(separator.join(parts), sep_en.join(in_language(p, ENGLISH) for p in parts))

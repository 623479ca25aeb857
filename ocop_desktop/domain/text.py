"""Vietnamese text helpers: Unicode normalisation, search folding and alphabet-aware sorting."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from ocop_desktop.domain.formatting import integer
from ocop_desktop.domain.language import Text
from ocop_desktop.domain.validation import FieldError, ValidationError

T = TypeVar("T")

# Invisible characters that arrive via copy-paste from web pages and Word files;
# they make two visually identical names compare unequal, so clean() drops them.
# ZWJ/ZWNJ are deliberately kept: they carry meaning in emoji and other scripts.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u2060\ufeff"), None)

# The 29 letters of the Vietnamese alphabet plus f, j, w, z in their Latin place.
_ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_LETTER_RANK = {ch: i for i, ch in enumerate(_ALPHABET)}

# Letter-forming marks (NFD): base letter + mark -> distinct Vietnamese letter.
_BREVE, _CIRCUMFLEX, _HORN = "\u0306", "\u0302", "\u031b"
_MODIFIED = {
    ("a", _BREVE): "ă",
    ("a", _CIRCUMFLEX): "â",
    ("e", _CIRCUMFLEX): "ê",
    ("o", _CIRCUMFLEX): "ô",
    ("o", _HORN): "ơ",
    ("u", _HORN): "ư",
}

# Tone marks in dictionary order: ngang < huyền < hỏi < ngã < sắc < nặng.
_TONE_RANK = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}

# Primary groups: separators < digits < letters < everything else.
_G_SEPARATOR, _G_DIGIT, _G_LETTER, _G_OTHER = 0, 1, 2, 3


# Characters that change how text is shown rather than what it says: C0/C1 controls (a terminal
# obeys ESC sequences; NUL truncates text in other programs) and the bidirectional embeddings,
# overrides, isolates and marks that make "gpj.exe" read "exe.jpg" in a report.
_BIDI = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_CONTROLS = "".join(chr(c) for c in (*range(0x20), *range(0x7F, 0xA0)))
_STRIP_MULTILINE = dict.fromkeys(map(ord, _BIDI + _CONTROLS.replace("\t", "").replace("\n", "")), None)
_STRIP_ONE_LINE = {**_STRIP_MULTILINE, ord("\t"): " ", ord("\n"): " "}


def strip_controls(s: str, multiline: bool = True) -> str:
    """``s`` without control and bidi-override characters. A multiline text keeps its line breaks
    (CRLF and CR become LF) and tabs; a one-line text gets a space for each."""
    if multiline:
        s = s.replace("\r\n", "\n").replace("\r", "\n")
        return s.translate(_STRIP_MULTILINE)
    return s.replace("\r\n", " ").replace("\r", " ").translate(_STRIP_ONE_LINE)


_ANY_CONTROL = re.compile(f"[{re.escape(_CONTROLS + _BIDI)}]")


def has_controls(s: str) -> bool:
    """Whether strip_controls(s) may change anything (cheap: most text has none)."""
    return _ANY_CONTROL.search(s) is not None


def for_terminal(value: object) -> str:
    """A value as one line of terminal output: no escape sequences, no bidi tricks, no line breaks."""
    return strip_controls(str(value), multiline=False)


def nfc(s: str | None) -> str | None:
    """Return *s* in NFC form (None passes through)."""
    if s is None:
        return None
    return unicodedata.normalize("NFC", s)


def clean(s: str | None) -> str | None:
    """NFC-normalise, strip and collapse every whitespace run (tabs, NBSP, …) to one space."""
    if s is None:
        return None
    s = strip_controls(unicodedata.normalize("NFC", s).translate(_INVISIBLE), multiline=False)
    # str.split() without arguments splits on all Unicode whitespace, NBSP included.
    return " ".join(s.split())


class _MarksDropped(dict[int, "int | None"]):
    """str.translate table: a combining mark -> None (dropped), any other character -> itself,
    filled as characters are first met (a name uses a few dozen), then looked up in C."""

    def __missing__(self, code: int) -> int | None:
        kept = None if unicodedata.combining(chr(code)) else code
        self[code] = kept
        return kept


_DROP_MARKS = _MarksDropped()


def fold(s: str | None) -> str:
    """Accent-, case- and spacing-insensitive search key: "Cà phê Đào" -> "ca phe dao"."""
    if not s:
        return ""
    decomposed = unicodedata.normalize("NFD", strip_controls(s.translate(_INVISIBLE), multiline=False))
    bare = decomposed.translate(_DROP_MARKS)  # every combining mark dropped, as a character filter would
    # đ/Đ have no decomposition, so the mark-stripping above leaves them alone.
    bare = bare.replace("đ", "d").replace("Đ", "d").casefold()
    return " ".join(bare.split())


SEARCH_MAX_CHARS = 200  # longer than any name; SQLite refuses LIKE patterns past 50.000 bytes


def like_pattern(text: str) -> str:
    """A LIKE pattern (ESCAPE '\\') finding the folded ``text`` anywhere in a folded column: the
    % and _ a user types are matched literally. A search text that long is refused."""
    if len(text) > SEARCH_MAX_CHARS:
        length = integer(len(text))
        raise ValidationError(
            [
                FieldError(
                    "search",
                    Text(
                        f"Nội dung tìm kiếm dài {length} ký tự, vượt giới hạn {SEARCH_MAX_CHARS} ký tự; "
                        "hãy gõ một phần của tên cần tìm.",
                        f"The search text is {length} characters long, beyond the limit of {SEARCH_MAX_CHARS} "
                        "characters; type part of the name you are looking for.",
                    ),
                )
            ]
        )
    return "%" + fold(text).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _clusters(s: str) -> list[tuple[str, list[str]]]:
    """Split an NFD string into (base character, following combining marks)."""
    out: list[tuple[str, list[str]]] = []
    for ch in s:
        if unicodedata.combining(ch) and out:
            out[-1][1].append(ch)
        else:
            # A mark with nothing before it is kept as its own (odd) base.
            out.append((ch, []))
    return out


def _lower1(ch: str) -> str:
    low = ch.lower()
    # Some characters (e.g. "İ") lower-case to two code points; keep them as-is.
    return low if len(low) == 1 else ch


def vn_sort_key(s: str | None) -> tuple[Any, ...]:
    """Collation key following the Vietnamese alphabet, identical on every platform.

    Pure Python on purpose: OS/ICU collation differs between Windows, macOS and
    Linux and usually treats ă/â/ơ as a/o, which is not how Vietnamese dictionaries
    and official lists are ordered.
    """
    if not s:
        return ((), (), ())
    text = unicodedata.normalize("NFD", clean(s) or "")
    primary: list[tuple[int, int]] = []
    secondary: list[tuple[int, tuple[int, ...]]] = []
    tertiary: list[int] = []
    for base, marks in _clusters(text):
        low = _lower1(base)
        tone = 0
        extra: list[int] = []
        letter = low
        for m in marks:
            modified = _MODIFIED.get((letter, m))
            if modified is not None:
                letter = modified
            elif m in _TONE_RANK and not tone:
                tone = _TONE_RANK[m]
            else:
                # Marks foreign to Vietnamese (ü, ç, …) rank after all tones.
                extra.append(ord(m))
        if letter in _LETTER_RANK:
            primary.append((_G_LETTER, _LETTER_RANK[letter]))
        elif base.isspace():
            primary.append((_G_SEPARATOR, 0))
        elif base.isdigit():
            primary.append((_G_DIGIT, ord(base)))
        elif unicodedata.category(base)[0] in "PSZC":
            primary.append((_G_SEPARATOR, ord(base)))
        else:
            primary.append((_G_OTHER, ord(low)))
        secondary.append((tone, tuple(extra)))
        tertiary.append(1 if base != low else 0)
    return (tuple(primary), tuple(secondary), tuple(tertiary))


def vn_sorted(items: Iterable[T], key: Callable[[T], Any] = lambda x: x) -> list[T]:
    """Return *items* sorted by the Vietnamese collation of ``key(item)``."""
    return sorted(items, key=lambda item: vn_sort_key(key(item)))


# vn_sort_string maps vn_sort_key onto code points whose order (and so UTF-8 byte order,
# SQLite's BINARY collation) is the same, so a stored, indexed column sorts in SQL.
_LEVEL_BREAK = "\x01"
_GROUP_BASE = {_G_SEPARATOR: 0x100, _G_DIGIT: 0x2000, _G_LETTER: 0x3000, _G_OTHER: 0xE000}


def _code_point(group: int, value: int) -> str:
    if group == _G_OTHER:
        # Past the surrogates; anything beyond the last code point is clamped.
        return chr(min(0xE000 + value, 0x10FFFF))
    limit = {_G_SEPARATOR: 0x1EFF, _G_DIGIT: 0x0FFF, _G_LETTER: 0x0FFF}[group]
    return chr(_GROUP_BASE[group] + min(value, limit))


def vn_sort_string(s: str | None) -> str:
    """A string that sorts by plain code-point comparison exactly as vn_sort_key does."""
    primary, secondary, tertiary = vn_sort_key(s)
    head = "".join(_code_point(g, v) for g, v in primary)
    tones = "".join(chr(0x21 + tone) for tone, _extra in secondary)
    cases = "".join(chr(0x21 + case) for case in tertiary)
    return head + _LEVEL_BREAK + tones + _LEVEL_BREAK + cases

"""Tab-separated blocks as spreadsheets put them on the clipboard, read and written."""

from __future__ import annotations

import csv
import io
import unicodedata


def parse_tsv(text: str) -> list[list[str]]:
    """Rows of cells from Excel/LibreOffice/Sheets clipboard text.

    Cells holding a tab, a line break or a quote arrive quoted ("a""b"); the block ends
    with one line break, which is not an extra empty row."""
    if not text:
        return []
    text = unicodedata.normalize("NFC", text)
    for ending in ("\r\n", "\n", "\r"):
        if text.endswith(ending):
            text = text[: -len(ending)]
            break
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter="\t", quotechar='"', strict=False))
    except csv.Error:  # e.g. a NUL byte: fall back to a plain split, quotes left as typed
        rows = [line.split("\t") for line in text.splitlines()]
    # An empty line is an empty row of the selection, not nothing.
    return [row if row else [""] for row in rows] or [[""]]


def to_tsv(rows: list[list[str]]) -> str:
    """The reverse, quoting cells the way spreadsheets do so they paste back intact."""

    def cell(value: str) -> str:
        if any(ch in value for ch in '\t\n\r"'):
            return '"' + value.replace('"', '""') + '"'
        return value

    return "".join("\t".join(cell(v) for v in row) + "\r\n" for row in rows)

"""Reading a PDF back as a reviewer does: pypdf's text, or poppler's pdftotext in one of its modes.

One helper for every test that reads a document's text (there were seven hand-written copies).
Everything returned is NFC, the form the tests' Vietnamese literals are written in.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest


def _words(text: str) -> str:
    """The text's words joined by single spaces: line breaks and layout gaps do not matter."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def pdf_text(path: Path | str) -> str:
    """Every page's text as pypdf extracts it, words joined by single spaces."""
    from pypdf import PdfReader

    return _words(" ".join(page.extract_text() for page in PdfReader(path).pages))


def pdftotext(path: Path | str, *options: str) -> str:
    """poppler's ``pdftotext OPTIONS PATH -`` output, NFC.

    poppler-utils is installed by .ci/run; on Windows it is usually absent, so the test is skipped
    there (with the reason shown by -ra) rather than failed. Elsewhere a missing pdftotext fails.
    """
    if sys.platform == "win32" and shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed on this Windows machine")
    done = subprocess.run(
        ["pdftotext", *options, str(path), "-"], capture_output=True, text=True, encoding="utf-8", check=True
    )
    return unicodedata.normalize("NFC", done.stdout)


def raw_text(path: Path | str) -> str:
    """``pdftotext -raw``: the text in the order it was drawn, words joined by single spaces."""
    return _words(pdftotext(path, "-raw"))


def layout_text(path: Path | str) -> str:
    """``pdftotext -layout``: columns kept apart as on the page; the gap a blank document number
    leaves ("Số:      /BC-UBND") read as one space."""
    return re.sub(r"Số:\s+/", "Số: /", pdftotext(path, "-layout"))

"""fold() drops combining marks through a memoised translate table: the same key as a per-character filter."""

from __future__ import annotations

import random
import unicodedata

from ocop_desktop.domain import text
from ocop_desktop.domain.text import fold


def by_filter(s: str) -> str:
    """fold() as first written: a Python filter over the decomposed characters."""
    if not s:
        return ""
    decomposed = unicodedata.normalize("NFD", text.strip_controls(s.translate(text._INVISIBLE), multiline=False))
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    bare = bare.replace("đ", "d").replace("Đ", "d").casefold()
    return " ".join(bare.split())


def test_fold_gives_the_same_key_as_a_character_filter():
    vietnamese = "àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđĐ"
    pool = [chr(c) for c in range(0x20, 0x2100)] + list(vietnamese + " \u0300\u0301\u0309\u0323\u200b\ufeff\u202e\t\n")
    rng = random.Random(16)
    for _ in range(5_000):
        s = "".join(rng.choice(pool) for _ in range(rng.randint(0, 30)))
        assert fold(s) == by_filter(s), repr(s)
    assert fold("Cà phê Đào  HỮU\u0301 ") == "ca phe dao huu"
    assert fold(unicodedata.normalize("NFD", "Chè Shan tuyết")) == "che shan tuyet"

"""Tests for Vietnamese normalisation, folding and collation."""

import random
import unicodedata

import pytest

from ocop_desktop.domain.text import clean, fold, nfc, vn_sort_key, vn_sorted


def nfd(s: str) -> str:
    return unicodedata.normalize("NFD", s)


def test_nfc_composes_decomposed_input():
    typed = nfd("Cà phê")
    assert typed != "Cà phê"  # the fixture really is decomposed
    assert nfc(typed) == "Cà phê"
    assert len(nfc(typed)) == 6


def test_nfc_none_passes_through():
    assert nfc(None) is None


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("  Hà   Nội ", "Hà Nội"),
        ("Hà\u00a0Nội", "Hà Nội"),
        ("Hà\t\n Nội", "Hà Nội"),
        (nfd(" Cà  phê "), "Cà phê"),
        ("Trà\u200b xanh", "Trà xanh"),
        ("   ", ""),
        ("", ""),
    ],
)
def test_clean(raw, expected):
    assert clean(raw) == expected


def test_clean_none():
    assert clean(None) is None


def test_fold_examples():
    assert fold("Cà phê bột Hà Chung") == "ca phe bot ha chung"
    assert "ca phe" in fold("Cà phê bột Hà Chung")
    assert fold("Đào") == "dao"
    assert fold("DAO") == fold("Đào")
    assert fold(None) == ""
    assert fold("  Mật\u00a0ong   RỪNG ") == "mat ong rung"


def test_fold_same_for_nfd_and_nfc():
    s = "Nước mắm Phú Quốc Ơn Ưng Ặc"
    assert fold(nfd(s)) == fold(s) == "nuoc mam phu quoc on ung ac"


def test_full_alphabet_order():
    alphabet = list("aăâbcdđeêfghijklmnoôơpqrstuưvwxyz")
    shuffled = alphabet[:]
    random.Random(7).shuffle(shuffled)
    assert vn_sorted(shuffled) == alphabet


def test_brief_letter_example():
    letters = ["đ", "d", "e", "ê", "a", "â", "ă", "b", "c"]
    assert sorted(letters, key=vn_sort_key) == ["a", "ă", "â", "b", "c", "d", "đ", "e", "ê"]


def test_tone_order():
    assert vn_sorted(["á", "à", "a", "ạ", "ả", "ã"]) == ["a", "à", "ả", "ã", "á", "ạ"]
    assert vn_sorted(["mạ", "má", "mã", "mả", "mà", "ma"]) == ["ma", "mà", "mả", "mã", "má", "mạ"]


def test_tone_is_secondary_to_letters():
    # The base letter decides first: "mà" < "mb" although "à" carries a tone.
    assert vn_sorted(["mb", "mà", "ma"]) == ["ma", "mà", "mb"]
    # Tones on the modified letters do not make ă sort with a.
    assert vn_sorted(["ắc", "ác", "ạc", "ặc"]) == ["ác", "ạc", "ắc", "ặc"]


def test_case_order_and_case_insensitive_primary():
    assert vn_sorted(["A", "a"]) == ["a", "A"]
    assert vn_sorted(["Đ", "đ", "D"]) == ["D", "đ", "Đ"]
    # Uppercase does not push a word after later letters.
    assert vn_sorted(["bình", "An", "Bình", "an"]) == ["an", "An", "bình", "Bình"]


def test_nfd_and_nfc_give_same_key():
    for word in ["Ẳng Nưa", "Đắk Lắk", "Thừa Thiên Huế", "ặ", "ớ", "Quảng Ngãi"]:
        assert vn_sort_key(nfd(word)) == vn_sort_key(word)


def test_named_examples():
    assert vn_sorted(["Em", "Đào", "Dũng"]) == ["Dũng", "Đào", "Em"]
    assert vn_sorted(["Bình", "Ẳng Nưa", "An"]) == ["An", "Ẳng Nưa", "Bình"]
    assert vn_sorted(["Ơn", "Ong", "Ông"]) == ["Ong", "Ông", "Ơn"]


def test_separators_before_digits_before_letters():
    assert vn_sorted(["ab", "a1", "a-b", "a b"]) == ["a b", "a-b", "a1", "ab"]
    assert vn_sorted(["b", "9", "a"]) == ["9", "a", "b"]
    # Shorter word first; a space inside sorts before any letter.
    assert vn_sorted(["Anh", "An Giang", "An"]) == ["An", "An Giang", "Anh"]


def test_other_scripts_after_letters():
    assert vn_sorted(["中", "z", "Ω", "ư"]) == ["ư", "z", "Ω", "中"]


def test_real_place_names():
    places = [
        "Yên Bái",
        "Ân Thi",
        "Đắk Nông",
        "Điện Biên",
        "Bắc Ninh",
        "Bà Rịa - Vũng Tàu",
        "Cà Mau",
        "Ấp Bắc",
        "Ô Môn",
        "Ơn Lý",
        "Uông Bí",
        "Ứng Hòa",
        "Hà Nội",
        "Hà Giang",
        "Hải Phòng",
        "Hạ Long",
        "An Giang",
        "Bạc Liêu",
        "Đà Nẵng",
        "Dầu Tiếng",
    ]
    expected = [
        "An Giang",
        "Ân Thi",
        "Ấp Bắc",
        "Bà Rịa - Vũng Tàu",
        "Bạc Liêu",
        "Bắc Ninh",
        "Cà Mau",
        "Dầu Tiếng",
        "Đà Nẵng",
        "Đắk Nông",
        "Điện Biên",
        "Hà Giang",
        "Hạ Long",
        "Hà Nội",
        "Hải Phòng",
        "Ô Môn",
        "Ơn Lý",
        "Uông Bí",
        "Ứng Hòa",
        "Yên Bái",
    ]
    assert vn_sorted(places) == expected
    assert vn_sorted([nfd(p) for p in places]) == [nfd(p) for p in expected]


def test_vn_sorted_with_key_and_none():
    rows = [{"ten": "Đào"}, {"ten": None}, {"ten": "Dũng"}]
    assert [r["ten"] for r in vn_sorted(rows, key=lambda r: r["ten"])] == [None, "Dũng", "Đào"]


def test_sort_string_orders_exactly_like_the_sort_key():
    import random

    from ocop_desktop.domain.text import vn_sort_string

    alphabet = "aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯàảãáạằẳẵắặầẩẫấậ 0123456789-.,"
    rng = random.Random(2024)
    words = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 8))) for _ in range(5000)]
    words += ["Đào", "Dũng", "Em", "Ẳng Nưa", "An", "Bình", "Ông", "Ong", "Ơn", "a", "à", "ả", "ã", "á", "ạ"]
    assert sorted(words, key=vn_sort_string) == sorted(words, key=vn_sort_key)
    # Plain code-point order of the strings is what SQLite's BINARY collation uses.
    assert vn_sort_string("Dũng") < vn_sort_string("Đào") < vn_sort_string("Em")


def test_control_and_bidi_characters_are_stripped():
    from ocop_desktop.domain.text import for_terminal, has_controls, strip_controls

    hostile = "Chè\u202eexe.gpj\u202c \x1b[31mđỏ\x1b[0m\x00\u2066x\u2069\u200f"
    assert strip_controls(hostile, multiline=False) == "Chèexe.gpj [31mđỏ[0mx"
    assert strip_controls("dòng 1\r\ndòng 2\rdòng 3\tcột\x9b", multiline=True) == "dòng 1\ndòng 2\ndòng 3\tcột"
    assert strip_controls("Tên\ncó\txuống dòng", multiline=False) == "Tên có xuống dòng"
    assert for_terminal("a\x1b]0;tiêu đề\x07b\nc") == "a]0;tiêu đềb c"
    assert not has_controls("Mật ong bạc hà Đồng Văn") and has_controls("x\u202e") and has_controls("\x9b")
    assert clean("  Chè\u202e  Shan\x1b ") == "Chè Shan"
    assert fold("Cà\u202e phê") == "ca phe"


def test_like_pattern_matches_wildcards_literally_and_refuses_a_huge_search():
    import pytest

    from ocop_desktop.domain.text import SEARCH_MAX_CHARS, like_pattern
    from ocop_desktop.domain.validation import ValidationError

    assert like_pattern("Rượu 100%_Ngô\\") == "%ruou 100\\%\\_ngo\\\\%"
    assert like_pattern("x" * SEARCH_MAX_CHARS)
    with pytest.raises(ValidationError) as info:
        like_pattern("x" * 50_001)
    assert str(info.value) == (
        "Nội dung tìm kiếm dài 50.001 ký tự, vượt giới hạn 200 ký tự; hãy gõ một phần của tên cần tìm."
    )

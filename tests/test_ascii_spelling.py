"""normalize.text's ascii_spelling (unidecode's spelling by one translation table) and any_word
(a list of words as one pattern): the same answers as what they replace, on texts built here."""

from __future__ import annotations

import regex as re
from unidecode import unidecode

from normalize.text import _LATIN_BLOCKS, any_word, ascii_spelling, fold


def test_every_character_of_the_latin_blocks_is_spelt_as_unidecode_spells_it() -> None:
    for start, end in _LATIN_BLOCKS:
        for code in range(start, end):
            assert ascii_spelling(chr(code)) == unidecode(chr(code)), hex(code)


def test_a_vietnamese_line_with_marks_and_punctuation() -> None:
    text = "Tiêu chí 1.1: Ban hành Kế hoạch CCHC – “đúng hạn”… Đơn vị tính: hồ sơ; ½ điểm"
    assert ascii_spelling(text) == unidecode(text)
    assert ascii_spelling(text).startswith('Tieu chi 1.1: Ban hanh Ke hoach CCHC - "dung han"... Don vi tinh: ho so')


def test_characters_of_other_blocks_are_left_to_unidecode() -> None:
    # Greek, CJK, a circled digit, a full-width letter and a private-use character beside toned vowels.
    text = "Κνωσός 北京 ① Ａ \ue000 Nguyễn Thị Ứng"
    assert ascii_spelling(text) == unidecode(text)
    assert ascii_spelling(text).endswith("Nguyen Thi Ung")


def test_fold_spells_without_marks() -> None:
    assert fold("  Đơn vị   Tính ") == "don vi tinh"
    assert fold("Don vi tinh") == "don vi tinh"


def one_by_one(words: tuple[str, ...], text: str) -> bool:
    return any(re.search(rf"(?<![a-z]){re.escape(w)}(?![a-z])", text) for w in words)


def test_any_word_finds_what_a_search_per_word_finds() -> None:
    words = ("th", "thuc hien", "ke hoach", "kh", "so tt", "tc.")
    texts = [
        "thuc hien",  # "th" fails before "u": the longer word is tried at the same place
        "ket qua thuc hienx",
        "ke hoach 2024",
        "khac",
        "kh",
        "so ttx so tt",
        "tc.1",
        "tcx",
        "",
        "muc th.",
    ]
    pattern = any_word(words)
    for text in texts:
        assert (pattern.search(text) is not None) == one_by_one(words, text), text
    assert [pattern.search(t) is not None for t in texts] == [
        True,
        False,
        True,
        False,
        True,
        True,
        True,
        False,
        False,
        True,
    ]


def test_any_word_with_word_edges() -> None:
    pattern = any_word(("ho so", "nguoi"), r"\b", r"\b")
    assert pattern.search("so ho so da giai quyet")
    assert not pattern.search("nguoinhan")

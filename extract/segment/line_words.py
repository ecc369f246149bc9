"""The words of a score table's line as a criterion name sees them (``line_rows`` groups lines into
rows with these): the stray letters and garbled tokens OCR leaves at a line's ends and around a
name (the STT and points cells' specks), whether a line opens a name (a capital, two words before
any number, no date), a line in capitals (a heading's wrapped last words), a date that ends the
name, and the text after each ruling bar OCR read."""

from __future__ import annotations

import regex as re

from extract.segment.line_cells import LineCells, garbled_cell, is_syllable_run
from extract.segment.line_common import BAR, LineTableSettings
from extract.segment.line_split import is_criterion_name, is_heading
from normalize.lazy_regex import lazy_compile


def words_only(tokens: list[tuple[str, str]]) -> list[tuple[str, str]]:
    return [t for t in tokens if t[1] != BAR]


def starts_name(tokens: list[tuple[str, str]]) -> bool:
    """A line's first word (specks, a stray letter and a garbled token skipped: the ruling line
    before the cell read as "i") opens with a capital letter, as a criterion name does."""
    word = next((raw for _, raw in unspecked(tokens) if re.search(r"\p{L}", raw)), "")
    letter = next((ch for ch in word if ch.isalpha()), "")
    return letter.isupper()


def opens_with_word(tokens: list[tuple[str, str]]) -> bool:
    """A line opens with words a name can start with: two words (a line above a centred code
    wraps a long name) before any number, the first a syllable the language model knows or an
    abbreviation ("UBND"); not a speck OCR made into letters before a date ("Dee ; 15/11/2014"
    is the row above's explanation going on)."""
    words = []
    for k, (_, raw) in enumerate(unspecked(tokens)):
        if _DATE_OR_REFERENCE.search(raw) and k < _NAME_MIN_WORDS:
            return False  # "UBND ngày 11/11/2013": an explanation's document going on, no name
        if re.search(r"\d", raw):
            break
        if re.search(r"\p{L}{2}", raw):
            words.append(re.sub(r"[^\p{L}]", "", raw))
    if len(words) < 2:
        return False
    return words[0].isupper() or is_syllable_run(words[0])


# A date or a document's number ("11/11/2013", "232/KH-UBND"): an explanation's, never a name's;
# a line holding one within its first words is no name's first line.
_DATE_OR_REFERENCE = lazy_compile(r"\d{1,2}/\d{1,2}/\d{2,4}|\d+/[\p{Lu}Đ]")
_NAME_MIN_WORDS = 3


def name_tokens(tokens: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """A row's name without the specks OCR made of the cells around it: before its first word,
    unreadable tokens of the STT cell ("M?c Mirc độ …", "lah Kế hoạch …", "E 2 Xây dựng …") when a
    capitalised word follows them; after its last word, those of the points cells ("… hành chính
    n1", "… trực thuộc ods"). A lettered item's label ("a)"), a roman numeral, a token of four
    characters or more ("UBND") or a syllable the language model knows (repaired) is no speck; a
    name keeps at least three words."""
    start, end = 0, len(tokens)
    for k in range(1, min(_SPECKS_BEFORE_NAME, end - _NAME_KEPT) + 1):
        if not _leading_speck(tokens[k - 1]):
            break
        if re.sub(r"^[^\p{L}]+", "", tokens[k][1])[:1].isupper():  # (past a bracket: "[Kếhoạch")
            start = k
    while end - start > _NAME_KEPT and _trailing_speck(tokens[end - 1]):
        end -= 1
    return tokens[start:end]


# At most this many specks before a name; no speck taken off a name this short.
_SPECKS_BEFORE_NAME = 2
_NAME_KEPT = 3
_ROMAN = lazy_compile(r"^[IVX]+[.)]?$")
_RULE_IN_TOKEN = lazy_compile(r"[—–_=~]{3,}")
_SHORT_WITH_DIGIT = lazy_compile(r"^[^\p{L}\p{N}]*(?=[^\d]*\d)[\p{L}\p{N}]{1,3}[^\p{L}\p{N}]*$")


def _leading_speck(token: tuple[str, str]) -> bool:
    """A token before a name that no reading makes a word of: a mark inside ("M?c"), a lone
    letter or digit, or a short run of letters that even repaired is no syllable ("lah")."""
    text, raw = token
    if _ROMAN.match(raw) or re.match(r"^\p{L}[.)]$", raw):
        return False
    if re.fullmatch(r"\p{L}{2}\.", raw):
        return True  # the STT cell's code read as letters ("Tị." for 1.1.): no name's word ends so
    if re.search(r"\p{L}[^\p{L}\p{N}]+\p{L}|[<>\[\]{}|~]", raw) and garbled_cell(token):
        return True
    letters = re.sub(r"[^\p{L}]", "", text)
    if not letters:
        return bool(re.fullmatch(r"\d{1,2}", text))  # a code's digit left over ("E 2")
    return len(text) <= 3 and (len(letters) == 1 or not is_syllable_run(letters))


def _trailing_speck(token: tuple[str, str]) -> bool:
    """A token after a name that even repaired is no word: a lone letter, a short run of letters
    that is no syllable ("ods"), a short token with a digit ("n1", "11")."""
    text = token[0]
    if _ROMAN.match(text) or text.endswith(")"):
        return False
    if _RULE_IN_TOKEN.search(text):
        return True  # a ruling line drawn through the cells ("E————————T¡"): no word
    letters = re.sub(r"[^\p{L}]", "", text)
    if _SHORT_WITH_DIGIT.match(text):
        return True
    return bool(letters) and len(text) <= 3 and (len(letters) == 1 or not is_syllable_run(letters))


def digit_speck(raw: str) -> bool:
    """A short token with a digit ("n1", "m1...", "11"): a figure's cell OCR garbled, no word."""
    return bool(_SHORT_WITH_DIGIT.match(raw))


def in_capitals(tokens: list[tuple[str, str]], settings: LineTableSettings) -> bool:
    """A line in capitals: a heading's, or its wrapped last word(s) ("CCHC" under "ĐÁNH GIÁ TÁC
    ĐỘNG CỦA"), which alone are too short to read as a heading."""
    letters = [ch for _, raw in tokens for ch in raw if ch.isalpha()]
    if is_heading(tokens, settings):
        return True
    return bool(tokens) and len(letters) >= 3 and all(ch.isupper() for ch in letters)


def before_date(tokens: list[tuple[str, str]]) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """A numbers line's text split before a date: no criterion name prints one, the explanation's
    document does ("… và báo 26/06/2014" where the explanation's "ngày" line ended above)."""
    k = next((k for k, (_, raw) in enumerate(tokens) if k and _DATE.search(raw)), len(tokens))
    return tokens[:k], tokens[k:]


_DATE = lazy_compile(r"^\W*\d{1,2}/\d{1,2}/\d{2,4}\W*$")


def speckish(raw: str) -> bool:
    """A token that is no word: two letters or fewer, or letters the language model does not
    know as a syllable ("8s", "Ls", "ars")."""
    letters = re.sub(r"[^\p{L}]", "", raw)
    return len(letters) <= 2 or not is_syllable_run(letters)


def bar_tails(cells: LineCells) -> list[list[tuple[str, str]]]:
    """A line's text, then its text after each ruling bar OCR read in it (bars left out)."""
    parts = [cells.text_tokens]
    bars = cells.split_tokens or []
    for k, token in enumerate(bars):
        if token[1] == BAR and k + 1 < len(bars):
            parts.append([t for t in bars[k + 1 :] if t[1] != BAR])
    return [p for p in parts if p]


def _stray(token: tuple[str, str]) -> bool:
    raw = token[1]
    return (len(raw) == 1 and raw.islower()) or garbled_cell(token)


def unspecked(tokens: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """A line's words without the stray letters and garbled tokens OCR leaves at its ends."""
    start, end = 0, len(tokens)
    while start < end and _stray(tokens[start]):
        start += 1
    while end > start and _stray(tokens[end - 1]):
        end -= 1
    return tokens[start:end]


def name_before_garbled_cells(tokens: list[tuple[str, str]], settings: LineTableSettings) -> list[tuple[str, str]]:
    """A catalogued criterion name too short to open a line by prefix ("Báo cáo CCHC"), then only
    tokens of no word, one of them a long run OCR made of the row's garbled cells ("BEf
    TtiSTiigifccirtricyppfif…"): the name; [] for none."""
    for k in range(len(tokens) - 1, 1, -1):
        rest = tokens[k:]
        if not all(speckish(raw) for _, raw in rest):
            break
        if any(len(raw) >= settings.garbled_run_chars for _, raw in rest) and is_criterion_name(tokens[:k], settings):
            return tokens[:k]
    return []

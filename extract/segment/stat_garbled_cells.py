"""Cells of an annex row's line that OCR garbled, still told for what they are: a code cell
misread into a digit and a letter ("2ã", "4T", "520)"), a unit a letter or two off ("Phan ae").

Read as words, a garbled code cell became the indicator's first word (every cell after it one
place off, the row's code lost) and a garbled unit opened a row of its own (every figure after it
one row down); handed over as what they are, the column repair reads the code and the row keeps
its unit."""

from __future__ import annotations

from rapidfuzz.distance import Levenshtein
from rapidfuzz.fuzz import ratio

from extract.segment.count_words import UNIT_KEYS
from normalize.criteria.annex_forms import indicator_wording
from normalize.lazy_regex import lazy_compile

# Specks OCR puts ahead of a code ("(2", "'4", "‘3.1", "“21") or after it ("9.2_"): its quote
# marks, single or double, straight or curly; a degree sign glued after it ("5°": a speck of the
# cell's edge, as beside a figure, "24°").
CODE_SPECKS = "|([{'‘’\"“”`_-—~*†°"
# An administrative acronym in capitals ("CCHC", "TTHC", "UBND-X"): no capitalised word of a row.
ACRONYM = lazy_compile(r"^[A-ZĐ]{2,}[\-/]?[A-ZĐ]*$")


# Counting units (the narrative counts' vocabulary) and money: a unit in lower case is still one.
# An annex also counts complaints in their own name ("Phản ánh"), which narrative counts call
# "PAKN" or name as the part's kind.
KNOWN_UNITS = frozenset(UNIT_KEYS) | frozenset({"trieu dong", "nghin dong", "ty dong", "dong", "%", "phan anh"})


def capitalised(token: str) -> bool:
    """Whether a word opens with a capital as an indicator or unit does: no acronym, no digit."""
    word = token.strip(",.;:()")
    return bool(word) and word[0].isupper() and not ACRONYM.match(word) and not any(c.isdigit() for c in word)


def garbled_code_alone(cells: list[str], min_wording: float) -> str | None:
    """The code a barred line's first cell holds when OCR misread it ("2ã" for 23, "4T" for 41,
    ": 41" with a speck before it), or None: a short token opening with a digit alone in its
    cell, then a cell of annex-form wording. Handed to the annex reader as the code cell, the column repair
    reads or infers it (``statistics._garbled_code``); taken as the indicator's first word, it
    shifted every cell after it (the indicator read as the unit) and the row lost its code."""
    token = cells[0].strip(CODE_SPECKS + ":;., ")
    if len(cells) < 3 or " " in token or not 0 < len(token) <= GARBLED_CODE_CHARS:
        return None
    # It opens with its digit: a capital first ("FS1_") is the grid's edge or a letter OCR
    # garbled, read the usual way.
    if not token[0].isdigit() or token.isdigit() and len(token) > 2:
        return None
    wording = indicator_wording(cells[1])
    return token if wording is not None and wording >= min_wording else None


# Characters a misread code cell has at most ("2ã", "4T", "3.1a"): a longer one is words.
GARBLED_CODE_CHARS = 3


def digits_garbled_code(tokens: list[str]) -> bool:
    """Whether a line opens with a code cell OCR garbled into digits and specks ("520)", "4ã"),
    no code the reader knows, then a capitalised word: a row's code and its indicator."""
    first = tokens[0].strip(CODE_SPECKS) if tokens else ""
    # (a number alone, "12", is a code the reader knows or a figure: not garbled)
    return (
        len(tokens) > 2
        and 0 < len(first) <= GARBLED_CODE_CHARS + 1
        and first[0].isdigit()
        and not first.isdigit()
        and capitalised(tokens[1])
    )


def garbled_unit(folded: str, units: set[str]) -> bool:
    """Whether a short cell is a unit the table prints elsewhere (or a known one) that OCR garbled
    by a letter or two ("Phan ae", "Phan anh il" for "Phản ánh"): read as an indicator, it opened
    a row of its own and every figure after it went one row down."""
    if not 0 < len(folded.split()) <= _UNIT_WORDS:
        return False
    return any(
        len(unit) >= _MIN_GARBLED_UNIT_CHARS and folded[:1] == unit[:1] and ratio(folded, unit) >= _GARBLED_UNIT_RATIO
        for unit in units | KNOWN_UNITS
    )


# A garbled unit: at most this many words, this like a unit (rapidfuzz ratio, folded) of at least
# this many characters ("phan anh", "nhiem vu"; "ho so" is too short to tell from a word).
_UNIT_WORDS = 3
_GARBLED_UNIT_RATIO = 80.0
_MIN_GARBLED_UNIT_CHARS = 6


def garbled_count_unit(folded: str, counted: frozenset[str]) -> bool:
    """Whether a one-word unit after a figure is a unit the language counts in (``counted``, folded
    keys) that OCR garbled by a letter or two, its first letter too ("TĐƯỜI", "EƯỜI" for "người"
    at a leader's end): the figure before it is read, the row doubted as its line's others are. A
    unit of five letters at least, two edits off at most and fewer than half its letters: the short
    units ("tin", "lop", "dot") are two edits from any short garble."""
    word = "".join(ch for ch in folded if ch.isalpha())
    if len(folded.split()) != 1 or len(word) < _MIN_GARBLED_COUNT_LETTERS - 1:
        return False
    return any(
        len(unit) >= _MIN_GARBLED_COUNT_LETTERS
        and " " not in unit
        and 2 * (edits := Levenshtein.distance(word, unit)) < len(unit)
        and edits <= _GARBLED_COUNT_EDITS
        for unit in counted
    )


# A count unit OCR garbled past ``garbled_unit``'s likeness (its first letter lost too): at most
# this many edits from a one-word unit of at least this many letters.
_GARBLED_COUNT_EDITS = 2
_MIN_GARBLED_COUNT_LETTERS = 5

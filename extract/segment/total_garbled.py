"""A totals line whose first figure OCR garbled past reading ("TONG DIEM [a0 [ 8": "10" read
"a0") prints one legible figure, which belongs to the second column, not the first. Read as
the first column's, it set the table's stated total of maximum points to the self total and
reported the commune's sum as wrong (held-out seed 2301, an `eng` dump at 150 dpi).

A garbled figure is a short token that mixes digits with letters or specks and reads as no
number (a unit after a figure, "85đ", reads as one and is no such token); it stands right before
the line's only legible figure, nothing but specks between. A label's word OCR read with a digit
for a marked vowel ("Tong s6 diem hs 100": "số") is no figure: a token whose digits read as
letters give a totals label's word stays a word. The first column's total is then unread
(None), never the second's."""

from __future__ import annotations

from dataclasses import dataclass

import regex as re

from normalize.numbers import parse_number
from normalize.text import fold

# Specks OCR reads for a cell's ruling beside its figure ("[a0", "a0|").
_SPECKS = "[]|()!:;.,'\"`~_-—"
_DIGIT = re.compile(r"\d")
_LETTER = re.compile(r"\p{L}")
# Digits OCR reads for the letters of a totals label ("s6" for "số", "di3m" for "điểm"), and the
# label's words they then spell (folded, no marks).
AS_LETTER = str.maketrans({"0": "o", "6": "o", "3": "e", "1": "i", "5": "s", "8": "e", "4": "a"})
_LABEL_WORDS = frozenset({"so", "diem", "tong", "cong", "toan", "bo", "ca"})


@dataclass(frozen=True)
class GarbledTotalSettings:
    # The longest token taken for one garbled figure (a total's figure prints at most "100,00").
    max_chars: int = 6


def garbled_figure(raw: str, settings: GarbledTotalSettings = GarbledTotalSettings()) -> bool:
    """``raw`` is a figure OCR garbled: digits mixed with letters, short, reading as no number."""
    token = raw.strip(_SPECKS)
    if not token or len(token) > settings.max_chars or parse_number(token, kind="score") is not None:
        return False
    if fold(token).lower().translate(AS_LETTER) in _LABEL_WORDS:
        return False  # a label's word with a digit for a vowel
    return bool(_DIGIT.search(token)) and bool(_LETTER.search(token))


def first_total_unread(raws: list[str], figures: list[str]) -> bool:
    """Whether a totals line's first figure is garbled before its one legible figure:
    ``raws`` the line's tokens in order, ``figures`` the figures read from them."""
    if len(figures) != 1:
        return False
    tokens = [raw for raw in raws if raw.strip(_SPECKS)]  # specks alone are the ruling's
    for before, raw in zip(tokens, tokens[1:]):
        if parse_number(before.strip(_SPECKS), kind="score") is not None:
            return False  # the legible figure comes first
        if raw.strip(_SPECKS) == figures[0]:
            return garbled_figure(before)  # right before the legible figure
    return False

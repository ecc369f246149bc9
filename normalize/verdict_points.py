"""A points cell that prints a verdict with its points: "Đạt (2)", "Không đạt (0)", "Đạt một phần
(1,5)", "Chưa đạt đầy đủ (13,5)", "Đạt: 2 điểm", "Đạt 2 điểm". The figure is the points; the verdict is the
commune's word for them, not part of the number. A verdict alone ("Đạt") carries no figure and is
read elsewhere (``extract.segment.deduction_points``), only where the row's maximum is known."""

from __future__ import annotations

import regex as re
from rapidfuzz.distance import Levenshtein

from normalize.lazy_regex import lazy_compile
from normalize.text import fold_words

# The verdict's words, then the figure in brackets or after a colon, the unit optional. The verdict
# holds no digit (a cell "1 (2)" is two figures, not a verdict with its points).
_VERDICT_WITH_FIGURE = lazy_compile(
    r"^\s*(?P<words>[^\d():]+?)\s*(?:\(\s*(?P<bracketed>\d[\d.,]*)\s*(?:(?i:điểm|diem)|đ)?\s*\)"
    r"|:\s*(?P<after>\d[\d.,]*)\s*(?:(?i:điểm|diem)|đ)?\.?"
    # (its colon lost, as OCR drops a speck: "Đạt 1,25 điểm"; the unit then says the figure is points)
    r"|\s(?P<unit_after>\d[\d.,]*)\s*(?i:điểm|diem)\.?)\s*$"
)
# Folded words a verdict opens or closes on: met, not met, partly met, done, not done.
_VERDICT_WORDS = ("dat", "hoan thanh")


# The unit's word as OCR garbles it, a letter lost or changed ("đểm", "diém", "điễm"): a word after
# the figure of three to five letters opening on d/đ that folds to within one edit of "diem".
_UNIT = "diem"
_UNIT_EDITS = 1
_UNIT_SHAPE = lazy_compile(r"(?<=\d\s{0,2})(?P<word>[dDđĐ][^\W\d_]{2,4})(?=\W*$|\W*\s)")


def _unit_mended(raw: str) -> str:
    """``raw`` with a garbled unit word after a figure written "điểm": the unit is what says a bare
    figure after a verdict ("Đạt 1 đểm") is its points."""

    def mend(found: re.Match[str]) -> str:
        word = found.group("word")
        near = Levenshtein.distance(fold_words(word).lower(), _UNIT) <= _UNIT_EDITS
        return "điểm" if near else word

    return _UNIT_SHAPE.sub(mend, raw)


def verdict_figure(raw: str) -> str | None:
    """The figure a verdict-with-points cell prints ("Đạt một phần (1,5)" → "1,5"), else None."""
    found = _VERDICT_WITH_FIGURE.match(_unit_mended(raw or ""))
    if not found:
        return None
    words = f" {fold_words(found.group('words'))} "
    if not any(f" {w} " in words for w in _VERDICT_WORDS):
        return None
    return found.group("bracketed") or found.group("after") or found.group("unit_after")

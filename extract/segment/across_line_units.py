"""The units' line of an annex turned over as an OCR dump prints it (``stat_across_lines``; issues
11, 16).

Each column's unit is bracketed under its label, "(Hồ sơ) (Hồ sơ) (%)", and OCR garbles the one
word differently in each column: "(HO sa)", "(H6 so)", "(Ho so)" (and the repair stage restores
marks on what it was given: "HỒ sử", "Hồ số"). A group's counts then seem to count different things,
and its sum and its share are neither weighed nor checked (``reconcile.ratios``: no fault is told
on units that may be misread), so a planted share fault went unflagged. A unit is mended to the
counting unit (``count_words.UNITS``) its letters are one edit from, a digit read for a look-alike
letter put back ("H6" → "Ho"), when exactly one unit is that near; it is then written as another
column of the line prints that unit, else as the unit's key. A unit no counting unit is near
("(%)", a word OCR spoilt past one edit) stays as printed."""

from __future__ import annotations

from extract.segment.count_words import UNITS
from normalize.text import fold
from normalize.units import one_edit

# Digits OCR reads for the letters of a unit's word.
_LOOKALIKE = str.maketrans({"6": "o", "0": "o", "1": "l", "5": "s", "8": "b"})
# A word shorter than this is one edit from too many units ("lut" is "luot", but "ban" is "bai").
_MIN_LETTERS = 4


def mended_units(units: list[str]) -> list[str]:
    """The units' line's bracketed units ("(HỒ sử)"), each mended as the module docstring says."""
    keys = [_nearest(_letters(u)) for u in units]
    printed: dict[str, str] = {}
    for u, k in zip(units, keys):
        if k is not None and _plain(u) == k:
            printed.setdefault(k, u)
    return [u if k is None or _plain(u) == k else printed.get(k, f"({k})") for u, k in zip(units, keys)]


def _plain(unit: str) -> str:
    """A bracketed unit folded: "(Hồ sơ)" → "ho so"."""
    return " ".join(fold(unit.strip("() ")).split())


def _letters(unit: str) -> str:
    """A bracketed unit folded, its look-alike digits read as letters: "(H6 số)" → "ho so"."""
    return _plain(unit).translate(_LOOKALIKE)


def _nearest(word: str) -> str | None:
    """The one counting unit at most one edit from ``word`` (itself when it is one), else None."""
    if word in UNITS:
        return word
    if len(word.replace(" ", "")) < _MIN_LETTERS:
        return None
    near = [key for key in UNITS if one_edit(word, key)]
    return near[0] if len(near) == 1 else None

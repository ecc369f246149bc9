"""A points cell that OCR read with a decimal mark its table never prints: the mark and the digit
after it are a speck and a rule, the figure the digits before them.

A table prints its fractions one way: "14,5", "13,5", "15,25" (a comma), or "71.2", "0.5" (a
point). A cell of it read "10.1" among commas is no fraction the commune typed: the dot is a
speck, the "1" a rule or a bar beside the cell (Tesseract's commonest guess for a stroke), and
the figure printed is "10" (seed 16001's D06 i6 dump, psm 3: "'10 10.1. 10", the self score 10
under a maximum of 10, told as the commune's score above its maximum). The whole part is offered
as one more reading of the cell (``misread.explain`` weighs it against the relation), only on
OCR'd text, and only where the table's other fractions, enough of them, all print the other
mark: a table printing both marks says nothing of which is a speck.
"""

from __future__ import annotations

from dataclasses import dataclass

from normalize.lazy_regex import lazy_compile
from schemas.records import ScoreRow

# The fields whose printed fractions say a table's decimal mark.
_FIELDS = ("max_points", "self_points", "appraised_points")
# A fraction as a cell prints it: digits, one mark, digits (a trailing speck allowed).
_FRACTION = lazy_compile(r"^\D{0,2}(?P<whole>\d{1,3})(?P<mark>[.,])(?P<part>\d{1,2})\D{0,2}$")


@dataclass(frozen=True)
class ForeignMarkSettings:
    # Fractions the rest of the table must print, all with the other mark, before a cell's mark
    # is taken for a speck: one or two may be a typing habit, this many are the table's way.
    min_fractions: int = 3
    # The digits after a foreign mark that a speck leaves: one digit (a rule read "1"); two
    # digits are a fraction's hundredths, printed.
    max_part_digits: int = 1


def _mark(raw: str | None) -> tuple[str, str, str] | None:
    m = _FRACTION.match((raw or "").strip())
    return (m["whole"], m["mark"], m["part"]) if m else None


def table_mark(rows: list[ScoreRow], skip: tuple[int, str], s: ForeignMarkSettings) -> str | None:
    """The decimal mark every fraction of a table prints but the cell ``skip`` (row, field), when
    at least ``s.min_fractions`` do and they agree; None otherwise."""
    marks = [
        found[1]
        for i, row in enumerate(rows)
        for f in _FIELDS
        if (i, f) != skip and (found := _mark(getattr(row, f"{f}_raw", None))) is not None
    ]
    return marks[0] if len(marks) >= s.min_fractions and len(set(marks)) == 1 else None


def foreign_mark_reading(
    rows: list[ScoreRow], i: int, f: str, ocr: bool, s: ForeignMarkSettings = ForeignMarkSettings()
) -> float | None:
    """The whole part of an OCR'd cell printing a fraction with the mark its table never uses
    ("10.1" among "14,5", "13,5": 10), or None."""
    if not ocr:
        return None
    found = _mark(getattr(rows[i], f"{f}_raw", None))
    if found is None or len(found[2]) > s.max_part_digits:
        return None
    mark = table_mark(rows, (i, f), s)
    return float(found[0]) if mark is not None and mark != found[1] else None


# A whole figure printed bare ("9", "11"): how a table writes the points it gives whole.
_BARE = lazy_compile(r"^\d{1,3}$")


def zero_decimal_reading(
    rows: list[ScoreRow], i: int, f: str, ocr: bool, s: ForeignMarkSettings = ForeignMarkSettings()
) -> float | None:
    """The half of an OCR'd score cell read "x,0" in a table printing its whole figures bare
    ("5,0" among "9", "11", "15": 5,5), or None. Points go in quarters, so a one-digit decimal a
    commune types is a "5"; a "0" there is no figure of a table that writes no whole figure with
    a decimal, but a glyph OCR took for another (seed 19001's D31 dump: "5,0" for 5,5 read a true
    total of self points as the commune's fault)."""
    if not ocr or f == "max_points":
        return None
    found = _mark(getattr(rows[i], f"{f}_raw", None))
    if found is None or found[2] != "0":
        return None
    others = [(k, g) for k in range(len(rows)) for g in _FIELDS if (k, g) != (i, f)]
    raws = [(getattr(rows[k], f"{g}_raw", None) or "").strip() for k, g in others]
    zeros = sum(1 for r in raws if (m := _mark(r)) is not None and set(m[2]) == {"0"})
    bare = sum(1 for r in raws if _BARE.match(r))
    return float(found[0]) + 0.5 if zeros == 0 and bare >= s.min_fractions else None

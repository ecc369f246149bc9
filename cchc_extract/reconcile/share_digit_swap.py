"""A percentage OCR read with one digit swapped for another ("56,57" read "96,57"), found by its
counts: a misreading to review, not the commune's fault.

``ratios`` tries a share's readings of the digits OCR confuses often (``ocr_digit_confusions``),
and only those: a confusion pair added for all cells would read too many figures back. A share
printed to two decimals is another matter: its counts make it to 0,01, and of the digits it
prints, one changed at one place lands on that figure by chance once in thousands of tries. So
when exactly one such reading makes the share of its pair, a digit of the share is what OCR lost
(its glyph smeared into another): the check is a ``misread`` with that reading, the figure goes
to review, and no fault is told of the commune. Whole percentages, and shares to one decimal,
are made by too many figures for this to pick one out."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from cchc_extract.reconcile.misread import Cell, share_holds

# Decimals a share must print for one digit changed to single out a reading.
_SURE_DECIMALS = 2


def digit_swaps(raw: str | None) -> list[float]:
    """Values of a printed figure with one of its digits changed to another ("96,57" → 56,57,
    86,57, 96,07 ...), its decimal mark as printed (a comma or a point)."""
    text = (raw or "").strip().rstrip("%").strip()
    if not text or not all(c.isdigit() or c in ".," for c in text) or sum(c in ".," for c in text) != 1:
        return []
    out: list[float] = []
    for at, char in enumerate(text):
        if not char.isdigit():
            continue
        for digit in "0123456789":
            if digit == char or (digit == "0" and at == 0):
                continue
            swapped = text[:at] + digit + text[at + 1 :]
            value = float(swapped.replace(",", "."))
            if value not in out:
                out.append(value)
    return out


def share_digit_swap(cells: Sequence[Cell], raw: str | None, decimals: int) -> list[tuple[Cell, float]]:
    """The one reading of a share's cell (``cells[0]``, its counts after it) with a digit changed
    that makes the share of its counts, to two printed decimals; none when no reading or more
    than one does."""
    if decimals != _SURE_DECIMALS or len(cells) != 3:
        return []
    share, *counts = cells
    made = [r for r in digit_swaps(raw) if share_holds(decimals, [r, *(c.value for c in counts)])]
    if len(made) != 1:
        return []
    return [(replace(share, readings=(*share.readings, made[0])), made[0])]

"""The sums a table by unit carries: a row per hamlet (or other unit of the commune) and the
commune's own row (``stat_across_units``). The commune's count is its units' counts added up, so
a column whose units all print a whole number that add up to the commune's figure vouches for that
figure, as a group's sum does for its total; a share or a column a unit left blank says nothing.
The units' rows are still not read as annex rows (``UNITS_ROWS_FLAG``): their sum is the evidence."""

from __future__ import annotations

# An annex row whose figure its units' figures add up to (``cchc_extract.reconcile.confidence``
# weighs it as a member of a relation that holds).
UNITS_SUM_FLAG = "units_sum_holds"


def summed_columns(units: list[list[str]], total: list[str], columns: list[int]) -> set[int]:
    """The ``columns`` whose figure in the commune's row (``total``, cells by column) every unit's
    row (``units``, likewise) prints a whole number under, and whose units' figures add up to it."""
    out = set()
    for c in columns:
        whole = whole_count(total[c] if c < len(total) else "")
        parts = [whole_count(row[c] if c < len(row) else "") for row in units]
        if units and whole is not None and all(p is not None for p in parts):
            if sum(p for p in parts if p is not None) == whole:
                out.add(c)
    return out


def whole_count(text: str) -> int | None:
    """A cell's count printed as bare digits, else None: a share ("85,71") or a cell OCR damaged
    ("1O") adds up to nothing, and a figure with a thousands mark is left alone (no guess)."""
    bare = text.strip()
    return int(bare) if bare.isascii() and bare.isdigit() else None

"""A points figure whose decimal comma OCR read as a space, no mark left: "0,75" printed "0 75".

On a dump's row line ("Tất cả báo cáo … 1 1 0 75") the comma is gone, so the figures are one more
than the table's points columns, and ``line_cells._split_decimal_cells`` (which joins only a pair
with a mark between, "14. 5") leaves them: "14 5" is two cells as likely as one. The row's own
arithmetic chooses here, not the look of the pair: read as cells one number later ("1 0 75") the
line scores 75 against a maximum of 1, which no row does, while the pair joined ("1 1 0,75") gives
every figure a cell and every score within its maximum. Only then is the joined reading the row's;
when the figures apart can be the row's cells, the pair stays apart (a sum or the criteria set
chooses later, ``later_raws``)."""

from __future__ import annotations

from dataclasses import dataclass

import regex as re

from extract.segment.line_common import JUNK, points_cell
from normalize.numbers import parse_number


@dataclass(frozen=True)
class UnmarkedSplitSettings:
    # The digits before the lost comma: a points figure's whole part, one or two digits.
    head: str = r"[1-9]?\d"
    # The digits after it: the fractions points are given in (halves and quarters).
    tails: tuple[str, ...] = ("5", "25", "75")
    # Tolerance of the "within its maximum" comparisons.
    tolerance: float = 1e-6


def _value(raw: str) -> float | None:
    parsed = parse_number(points_cell(raw, beside_points=True) or raw, kind="score")
    return parsed.value if parsed is not None else None


def _holds(cells: list[str], points: tuple[str, ...], s: UnmarkedSplitSettings) -> bool | None:
    """Whether a reading of the row's cells keeps every score within the row's maximum (None when a
    cell reads as no number)."""
    values = [_value(c) for c in cells]
    if any(v is None for v in values):
        return None
    top = values[points.index("max")]
    assert top is not None
    return all(v is not None and v <= top + s.tolerance for k, v in zip(points, values) if k != "max")


def _run_figures(tokens: list[tuple[str, str]], first: int) -> list[str]:
    """The figures from the run's start to the first token that is none (specks skipped); empty when
    a lone mark stands between them (a split the marked reading joins)."""
    figures: list[str] = []
    for _, raw in tokens[first:]:
        if raw in (".", ","):
            return []
        if JUNK.match(raw):
            continue
        if points_cell(raw, beside_points=True) is None:
            break
        figures.append(raw)
    return figures


def unmarked_split_cells(
    tokens: list[tuple[str, str]],
    first: int,
    points: tuple[str, ...],
    s: UnmarkedSplitSettings = UnmarkedSplitSettings(),
) -> tuple[str, ...]:
    """The row's cells when its line prints one figure more than its ``points`` columns, one pair of
    bare figures is a decimal whose comma OCR read as a space ("0 75"), and only that pair joined
    makes a reading the row can hold: the cells one number later put a score above the maximum.
    Empty otherwise."""
    n = len(points)
    if n < 2 or "max" not in points:
        return ()
    figures = _run_figures(tokens, first)
    if len(figures) != n + 1:
        return ()
    # (the cells one number later: the first figure a speck or the name's, the rest the row's)
    if _holds(figures[1:], points, s) is not False:
        return ()
    joined: list[list[str]] = []
    for k in range(n):
        head, tail = figures[k], figures[k + 1]
        if not (re.fullmatch(s.head, head) and tail in s.tails):
            continue
        cells = [*figures[:k], f"{head},{tail}", *figures[k + 2 :]]
        if _holds(cells, points, s):
            joined.append([points_cell(c, beside_points=True) or c for c in cells])
    return tuple(joined[0]) if len(joined) == 1 else ()

"""A points figure whose decimal comma OCR read as a space, no mark left: "0,75" printed "0 75".

On a dump's row line ("Tất cả báo cáo … 1 1 0 75") the comma is gone, so the figures are one more
than the table's points columns, and ``line_cells._split_decimal_cells`` (which joins only a pair
with a mark between, "14. 5") leaves them: "14 5" is two cells as likely as one. The row's own
arithmetic chooses here, not the look of the pair: read as cells one number later ("1 0 75") the
line scores 75 against a maximum of 1, which no row does, while the pair joined ("1 1 0,75") gives
every figure a cell and every score within its maximum. Only then is the joined reading the row's;
when the figures apart can be the row's cells, the pair stays apart (a sum or the criteria set
chooses later, ``later_raws``).

OCR splits a whole figure the same way, a space read inside it: "16" printed "1 6" ("Xây dựng …
1 6 15.5 15.5": a maximum of 1 and a self score of 6 before, 15,5 taken for the appraisal). When no
comma's pair can be joined, two single digits joined into one figure are the row's by the same
arithmetic: the only reading that gives every figure a cell and every score within its maximum."""

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
    # A whole figure split by a space: its first digit and its second ("1 6" for 16).
    whole_head: str = r"[1-9]"
    whole_tail: str = r"\d"
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
    for mark in (",", ""):  # (a comma lost first, as before; a whole figure split only when none is)
        if not mark and _holds(figures[:n], points, s) is not False:
            break  # (the figures as printed can be the row's: a whole figure split is no surer)
        joined = _joined_readings(figures, points, mark, s)
        if joined:
            return tuple(joined[0]) if len(joined) == 1 else ()
    return ()


def _joined_readings(
    figures: list[str], points: tuple[str, ...], mark: str, s: UnmarkedSplitSettings
) -> list[list[str]]:
    """The readings of ``figures`` with one pair joined by ``mark`` (a decimal comma OCR lost, or
    nothing: a whole figure split) that keep every score within the row's maximum."""
    joined: list[list[str]] = []
    for k in range(len(points)):
        head, tail = figures[k], figures[k + 1]
        if mark and not (re.fullmatch(s.head, head) and tail in s.tails):
            continue
        if not mark and not (re.fullmatch(s.whole_head, head) and re.fullmatch(s.whole_tail, tail)):
            continue
        cells = [*figures[:k], f"{head}{mark}{tail}", *figures[k + 2 :]]
        if _holds(cells, points, s):
            joined.append([points_cell(c, beside_points=True) or c for c in cells])
    return joined

"""Blank score cells that a sum says hold a figure.

On OCR'd text a sum of scores whose known parts fall short of the whole it states is left
undecided (``skipped``: a blank part may hold anything). A blank cell is what a printed grid
shows when the commune left it empty, so on a scan a blank is taken for the document's own — but
when its parent (or the table's total) states more than the parts read add up to, the blank
parts are where the rest must be: OCR lost their figures, or read them in a column we did not
take for the score (a scale of levels, one column per level, the score under the level reached).
Those blanks are lost cells, doubted as any lost cell is (``confidence``: ``missing``), not the
document's blanks at their row's confidence out of the queue. The whole keeps its own entry
(``unchecked``): the relation names the figure it could not check, which may be the misread one.
"""

from __future__ import annotations

from dataclasses import dataclass

from cchc_extract.reconcile.held import pointer_field
from cchc_extract.reconcile.hierarchy import children_of, resolve_parents
from extract.segment.points_none import not_scored
from schemas.records import Check, ExtractionResult, ScoreRow

# The sum checks of a score table over scores (a blank maximum is always a lost cell already).
_SCORE_SUMS = ("sum_self", "sum_appraised", "stated_total")
_SCORE_FIELDS = ("self_points", "appraised_points")


@dataclass(frozen=True)
class ShortSum:
    """A sum left undecided whose known parts fall short of its whole: the check's id, its
    table, the field, the rows whose blank cells of that field must hold the rest, and whether
    the maxima of those rows can (``covers``: self ≤ max with the sum closing)."""

    check_id: str
    table: int
    field: str
    rows: tuple[int, ...]
    covers: bool


def short_sums(result: ExtractionResult, checks: list[Check]) -> list[ShortSum]:
    """Every sum of scores left ``skipped`` with parts short of its whole, and its blank cells."""
    out = []
    for check in checks:
        if check.kind not in _SCORE_SUMS or check.status != "skipped" or check.field not in _SCORE_FIELDS:
            continue
        whole, parts_sum, tol = check.actual, check.expected, check.tolerance or 0.0
        if not isinstance(whole, (int, float)) or not isinstance(parts_sum, (int, float)) or whole - parts_sum <= tol:
            continue
        pointer, _ = pointer_field(check)
        parts = pointer.strip("/").split("/")
        if len(parts) < 2 or not parts[1].isdigit() or int(parts[1]) >= len(result.score_tables):
            continue
        ti = int(parts[1])
        rows = result.score_tables[ti].rows
        parents, _ = resolve_parents(rows)
        kids = children_of(parents)
        if len(parts) == 4:
            members = kids.get(int(parts[3]), [])
        else:  # the table's total: its top-level rows
            members = [i for i, p in enumerate(parents) if p is None]
        lost = {m: blank_cells(rows, kids, m, check.field) for m in members}
        blanks = [k for cells in lost.values() for k in cells]
        if not blanks:
            continue
        room = sum(rows[m].max_points or 0.0 for m, cells in lost.items() if cells)
        out.append(ShortSum(check.id, ti, check.field, tuple(blanks), whole - parts_sum <= room + tol))
    return out


def blank_cells(rows: list[ScoreRow], kids: dict[int, list[int]], i: int, field_: str) -> list[int]:
    """Row ``i`` and its descendants whose ``field_`` cell printed nothing (no figure, no mark)
    and stands for a part of the sum: scored criteria (a maximum read), not left out of the
    scoring; a group without its own figure, by its blank descendants (one whose children's
    figures make it is no blank part)."""
    row = rows[i]
    if getattr(row, field_) is not None or (getattr(row, f"{field_}_raw") or "").strip():
        return []
    if not_scored(row.flags, field_):
        return []
    children = kids.get(i, [])
    below = [k for c in children for k in blank_cells(rows, kids, c, field_)]
    if children and not below:
        return []  # a group its children's figures make: a known part of the sum
    return ([i] if row.max_points is not None else []) + below


def short_blanks(shorts: list[ShortSum]) -> set[tuple[int, int, str]]:
    """(table, row, field) of every blank cell a short sum says holds a figure."""
    return {(s.table, k, s.field) for s in shorts for k in s.rows}

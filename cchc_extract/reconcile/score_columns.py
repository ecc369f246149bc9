"""score_column: the column of a row's one score when its line printed two figures for three points
columns ("3 2,75" for 3 | 3 | 2,75, one figure lost). The reader puts the second figure in the self
column; it is the appraised score as often (the lost cell is then the self score). Only the sums
can tell: when the parent's appraised points hold with the figure and its self points do not, the
figure is the appraised score and the self score is the cell lost; otherwise it stays where it was
read, both cells in the queue as before (the blank one flagged missing). Run before the sums are
checked, so the checks see the cell taken."""

from __future__ import annotations

from cchc_extract.reconcile.core import _Ledger, _vn
from cchc_extract.reconcile.ocr_readings import record_repaired_cell
from cchc_extract.reconcile.score_cells import APPRAISED
from cchc_extract.reconcile.score_refs import _table_name
from cchc_extract.reconcile.suspects import relations_held
from extract.segment.max_in_name import stated_maximum
from schemas.records import ScoreRow, ScoreTable

_SELF = "self_points"
# The flags the segmenter gives a row whose appraised cell came out blank in a table that has the
# column (``score_tables._flag_missing_appraised``), and the one its self cell then takes.
_MISSING_APPRAISED = "missing_appraised"
_MISSING_SELF = "missing_self"
_MISSING_MAX = "missing_max"
# The flag of a maximum taken from the words of the row's name (``extract.segment.name_figures``).
_MAX_IN_NAME = "max_in_name"


def _one_score_beside_blank(row: ScoreRow) -> bool:
    """Whether a row read its maximum and one score, in the self column, its appraised cell lost."""
    return (
        row.max_points is not None
        and row.self_points is not None
        and row.appraised_points is None
        and _MISSING_APPRAISED in row.flags
    )


def place_lone_scores(
    ti: int, table: ScoreTable, tree: tuple[list[int | None], dict[int, list[int]]], ledger: _Ledger, tol: float
) -> None:
    """Move a row's one score from the self column to the appraised one when its parent's
    appraised points add up with it there (within ``tol``) and its self points do not
    (``relations_held``, over the table's ``tree`` of parents and children); the self cell is then
    the one lost, flagged missing. Each move is recorded as a repaired check."""
    rows = table.rows
    parents, kids = tree
    for i, row in enumerate(rows):
        value = row.self_points
        if value is None or not _one_score_beside_blank(row):
            continue
        as_appraised = relations_held(rows, i, APPRAISED, value, parents, kids, tol)
        as_self = relations_held(rows, i, _SELF, value, parents, kids, tol)
        if not as_appraised[0] or as_self[0] or not as_appraised[2]:
            continue  # no sum chooses the appraised column, or the self column holds as well
        row.appraised_points, row.appraised_points_raw = value, row.self_points_raw
        row.self_points, row.self_points_raw = None, None
        row.flags = [_MISSING_SELF if f == _MISSING_APPRAISED else f for f in row.flags]
        message = (
            f"{row.code}: the one score its line printed, {_vn(value)}, is the appraised points (its "
            "parent's appraised points add up with it, its self points do not): the self points are "
            "the cell not read"
        )
        record_repaired_cell(
            ledger, "score_column", (ti, i, _table_name(table, ti)), row, APPRAISED, (None, value), message
        )


def _one_figure_as_maximum(row: ScoreRow) -> bool:
    """Whether a row read one figure, in the maximum column, its score cells blank and its self
    cell flagged lost (the line printed one number where the table has two points columns)."""
    return (
        row.max_points is not None
        and row.self_points is None
        and row.appraised_points is None
        and _MISSING_SELF in row.flags
    )


def place_lone_maxima(
    ti: int, table: ScoreTable, tree: tuple[list[int | None], dict[int, list[int]]], ledger: _Ledger, tol: float
) -> None:
    """Move a row's one figure from the maximum column to the self one when the table's sums say it
    is the score: as the self points every sum it takes part in holds (one at least), as the
    maximum none does ("7.1 … trong 5" over 7.1.1 "3 3" and 7.1.2 "3 2": the maxima add up to 6,
    the scores to 5). A degraded dump loses the maximum's cell as often as the score's, and the
    line reader puts a lone figure first; the maximum is then the cell lost, flagged missing (the
    sums derive it after the checks), or the maximum the row's name states. Each move is recorded
    as a repaired check, so queued."""
    rows = table.rows
    parents, kids = tree
    for i, row in enumerate(rows):
        value = row.max_points
        if value is None or not _one_figure_as_maximum(row):
            continue
        as_self = relations_held(rows, i, _SELF, value, parents, kids, tol)
        as_max = relations_held(rows, i, "max_points", value, parents, kids, tol)
        if not as_self[1] or as_self[0] < as_self[1] or not as_max[1] or as_max[0]:
            continue  # some sum fails with it as the score, or one holds with it as the maximum
        # A heading that states its maximum ("… (tối đa 10 điểm, tự chấm 6" wrapped) gives it: the
        # field's sums are then checked against the maximum the document prints, its faults too.
        stated = stated_maximum(row.name or "")
        if stated is not None and stated + tol < value:
            continue  # (a score above the maximum stated: the figure is no score of this row)
        row.self_points, row.self_points_raw = value, row.max_points_raw
        row.max_points, row.max_points_raw = stated, None
        lost = _MAX_IN_NAME if stated is not None else _MISSING_MAX
        row.flags = [lost if f == _MISSING_SELF else f for f in row.flags]
        message = (
            f"{row.code}: the one figure its line printed, {_vn(value)}, is the self points (the sums "
            "hold with it as the score, not as the maximum): the maximum is the cell not read"
        )
        record_repaired_cell(
            ledger, "score_from_max", (ti, i, _table_name(table, ti)), row, _SELF, (None, value), message
        )

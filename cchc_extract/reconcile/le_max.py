"""The check that a row's self or appraised points are at most its maximum (``self_le_max``,
``appraised_le_max``), told only when it fails, with the cells a misreading or an unsure row puts in
doubt. Apart from the sums (``sums``) as a check of a kind of its own."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import partial

from cchc_extract.reconcile.core import _Ledger, _vn
from cchc_extract.reconcile.foreign_mark import foreign_mark_reading
from cchc_extract.reconcile.held import pointer_field
from cchc_extract.reconcile.misread import Cell, digit_confusions, explain, from_set, le_holds
from cchc_extract.reconcile.score_refs import _score_ref
from cchc_extract.reconcile.settings import ReconcileSettings
from cchc_extract.reconcile.sum_doubts import (
    figures_left_in_name,
    max_not_its_wordings,
    max_not_the_sets,
    max_under_children,
    unsure_members,
)
from schemas.records import Check, ScoreRow

# The check of each score column against its row's maximum (told only when it fails).
LE_MAX_KIND = {"self_points": "self_le_max", "appraised_points": "appraised_le_max"}
_SCORE_WORD = {"self_points": "self-assessed", "appraised_points": "appraised"}


def check_le_max(
    ti: int,
    i: int,
    row: ScoreRow,
    score: str,
    label: str,
    name: str,
    cell: Callable[[int, str], Cell],
    rows: list[ScoreRow],
    ledger: _Ledger,
    s: ReconcileSettings,
    ocr: bool,
    children: Sequence[int] = (),
) -> None:
    """The check that row i's ``score`` (self or appraised points) is at most its maximum, told
    only when it fails; ``children``: the row's sub-criteria (indices in ``rows``)."""
    value = getattr(row, score)
    if value is None or row.max_points is None or value <= row.max_points + s.points_tolerance:
        return
    scored = cell(i, score)
    if (whole := foreign_mark_reading(rows, i, score, ocr)) is not None and whole not in scored.readings:
        # "10.1" among a table's commas: a speck and a rule after the figure printed (``foreign_mark``)
        scored = replace(scored, readings=(*scored.readings, whole), read=(*scored.read, whole))
    most = cell(i, "max_points")
    if ocr and (
        more := [v for v in digit_confusions(row.max_points_raw, s.ocr_max_confusions) if v not in most.readings]
    ):
        # a maximum's own look-alike (``ReconcileSettings.ocr_max_confusions``: a faint "3" read
        # "2"), weighed against the score above it only: in a sum, or on a score, a count or a
        # share, it would excuse the commune's own faults
        most = replace(most, readings=(*most.readings, *more), read=(*most.read, *more))
    found = explain([scored, most], partial(le_holds, s.points_tolerance))
    ledger.check(
        LE_MAX_KIND[score],
        f"/score_tables/{ti}/rows/{i}",
        table=name,
        code=row.code,
        field_=score,
        expected=row.max_points,
        actual=value,
        tolerance=s.points_tolerance,
        status="mismatch",
        message=f"{label}: {_SCORE_WORD[score]} {_vn(value)} exceeds the maximum {_vn(row.max_points)}",
        rows=(_score_ref(ti, i, row, score, name),),
        misread=[(c.ref, r) for c, r in found],
        # a row the segmenter read unsurely (its code inferred, a cell lost, a cell read
        # unsurely) may hold numbers of another row or column: ours, as in a sum; so may an
        # OCR'd maximum that is not its criterion's in the set the table was matched to (a
        # score above the set's own maximum is the commune's: that one stays a mismatch); so may
        # an OCR'd maximum its own sub-criteria already exceed; so may the cells of a row whose
        # name ends in another line's figures (two printed rows read as one)
        doubted=unsure_members(ti, [i], rows, score, name, s, ocr)
        + unsure_members(ti, [i], rows, "max_points", name, s, ocr)
        + max_not_the_sets(ti, i, row, score, name, ocr)
        + max_not_its_wordings(ti, i, row, score, name, ocr)
        + max_under_children(ti, i, rows, children, name, s.points_tolerance, ocr)
        + figures_left_in_name(ti, i, row, score, name, ocr),
        stated_too=from_set(found),
        # in a table read wrong in bulk, the maximum is as likely the figure misread as the score
        in_bulk_too=(_score_ref(ti, i, row, "max_points", name),),
    )


def scores_over_max(checks: Sequence[Check]) -> set[tuple[str, str | None]]:
    """(row pointer, score field) of every score above its row's maximum that the check put down
    to a misreading (``misread``): the two cells disagree and one of them was misread. Where the
    readings found are the maximum's alone, the score still stands in a relation that fails: our
    readings of a cell are the likely slips, not all of them ("3" read "5" gives no reading of "5"
    under 3), so it is no more settled than the maximum is."""
    return {pointer_field(c) for c in checks if c.kind in LE_MAX_KIND.values() and c.status == "misread"}

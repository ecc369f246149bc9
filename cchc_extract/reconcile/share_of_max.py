"""The check that a score table's share column ("Tỷ lệ đạt (%)": the points a row scored over its
maximum, in per cent) says what its row's points make (``share_of_max``), told only when it fails.

The share is printed to a few decimals ("87,5"), so it holds when self / max rounds or cuts to it
there (``core._percent_matches``). Which score the column is the share of (self points, or the
appraised ones where a table prints both) is what most of its rows make; a column most of whose rows
make neither is some other per cent ("Tỷ lệ so với cùng kỳ") and is not checked at all.

Typed text prints what the commune wrote: a share its row's points do not make is the document's
(``mismatch``), unless the row was read unsurely. On OCR'd text it is evidence against our reading
(``misread``): the readings of the three cells that make it hold are queued as alternatives (the
share picks "2,5" for a self cell read "25" of a maximum 5 printed beside "50"), and when none does,
the cells go to review without one."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import partial

from cchc_extract.reconcile.core import _decimals, _Ledger, _percent_matches, _vn
from cchc_extract.reconcile.misread import Cell, explain, share_holds
from cchc_extract.reconcile.score_refs import _score_ref
from cchc_extract.reconcile.settings import ReconcileSettings
from cchc_extract.reconcile.share_readings import lost_mark_readings
from cchc_extract.reconcile.sum_doubts import unsure_members
from schemas.records import ScoreRow

SHARE_KIND = "share_of_max"
SHARE_FIELD = "share_percent"
# The score fields a share column may be the share of, the first one preferred on a tie.
_SCORES = ("self_points", "appraised_points")


def _holds(row: ScoreRow, score: str) -> bool | None:
    """Whether row's share is its ``score`` over its maximum to the share's printed decimals; None
    when one of the three is blank (or the maximum is nought)."""
    value, share = getattr(row, score), row.share_percent
    if value is None or share is None or not row.max_points:
        return None
    return _percent_matches(share, 100.0 * value / row.max_points, _decimals(share, row.share_percent_raw))


def share_basis(rows: list[ScoreRow], s: ReconcileSettings) -> str | None:
    """The score field the table's share column is the share of: the one most of the rows printing
    a share make (``ReconcileSettings.share_basis_rows``); None when there is no share column or it
    is the share of neither."""
    best: tuple[int, str] | None = None
    for score in _SCORES:
        verdicts = [h for h in (_holds(r, score) for r in rows) if h is not None]
        made = sum(verdicts)
        if verdicts and made >= s.share_basis_rows * len(verdicts) and (best is None or made > best[0]):
            best = (made, score)
    return best[1] if best else None


def _share_cell(ti: int, i: int, row: ScoreRow, name: str, ocr: bool) -> Cell:
    """The share's own cell: on OCR'd text its readings with a lost decimal mark put back ("875")."""
    ref = replace(_score_ref(ti, i, row, SHARE_FIELD, name), raw=row.share_percent_raw)
    readings = tuple(v for v, _ in lost_mark_readings(row.share_percent_raw)) if ocr else ()
    readings = tuple(r for r in readings if row.share_percent is None or abs(r - row.share_percent) > 1e-9)
    return Cell(ref, row.share_percent, readings, read=readings)


def check_share_of_max(
    ti: int,
    i: int,
    rows: list[ScoreRow],
    basis: str | None,
    labelled: tuple[str, str],
    cell: Callable[[int, str], Cell],
    ledger: _Ledger,
    s: ReconcileSettings,
    ocr: bool,
) -> None:
    """The check that row i's printed share is its ``basis`` score over its maximum, told only when
    it fails; ``labelled``: (the row's label, the table's name)."""
    row = rows[i]
    if basis is None or _holds(row, basis) is not False:
        return
    label, name = labelled
    share, value, top = row.share_percent, getattr(row, basis), row.max_points
    if share is None or value is None or not top:  # (never: _holds said False; for the types)
        return
    decimals = _decimals(share, row.share_percent_raw)
    made = round(100.0 * value / top, decimals)
    members = [_share_cell(ti, i, row, name, ocr), cell(i, basis), cell(i, "max_points")]
    found = explain(members, partial(share_holds, decimals))
    # On OCR'd text a share our reading does not make is against the reading, never the commune's
    # fault: with no reading found, its three cells go to review as doubted.
    doubted = unsure_members(ti, [i], rows, basis, name, s, ocr) + unsure_members(
        ti, [i], rows, "max_points", name, s, ocr
    )
    if ocr and not found:
        listed = {(d.item, d.field) for d in doubted}
        doubted += tuple(m.ref for m in members if (m.ref.item, m.ref.field) not in listed)
    ledger.check(
        SHARE_KIND,
        f"/score_tables/{ti}/rows/{i}",
        table=name,
        code=row.code,
        field_=SHARE_FIELD,
        expected=made,
        actual=share,
        tolerance=None,
        status="mismatch",
        message=f"{label}: the share printed {_vn(share)}% is not {_vn(value)} of {_vn(top)} ({_vn(made)}%)",
        rows=tuple(m.ref for m in members),
        misread=[(c.ref, r) for c, r in found],
        doubted=doubted,
    )

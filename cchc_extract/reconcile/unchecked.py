"""Relations of a score table left undecided because one of their figures was not read.

On OCR'd text a sum check is ``skipped`` when blank parts fall short of the whole, withheld as
``misread`` or ``incomplete`` when a member was read unsurely or rows are missing, and not made at
all when the figure the relation states (a parent's own points) was lost. None of these is the
commune's fault (never a ``mismatch``), but a fault of the commune may hide in each: the relation
is one a person must check against the page. So the figure the relation states — the row and
field it could not check, or the table's total — goes to the queue, unless it is there already
(one look per cell: the queue counts cells, not reasons).
"""

from __future__ import annotations

from dataclasses import replace

from cchc_extract.reconcile.core import _Ledger
from cchc_extract.reconcile.held import pointer_field
from cchc_extract.reconcile.hierarchy import children_of, resolve_parents
from cchc_extract.reconcile.misread import ocr_read
from cchc_extract.reconcile.score_cells import MISSING_FLAG
from cchc_extract.reconcile.score_refs import POINT_FIELDS, _score_ref, _table_name
from schemas.records import Check, ExtractionResult, ReviewItem, ScoreRow

# The sum checks of a score table, and the statuses that leave the relation undecided.
_SUM_KINDS = ("sum_children", "sum_self", "sum_appraised", "stated_total")
_UNDECIDED = ("skipped", "misread", "incomplete")


def flag_unchecked(result: ExtractionResult, ledger: _Ledger, ocr: bool) -> None:
    """Queue the figure of every score-table relation an unread or doubted operand left
    undecided, on OCR'd text (typed text prints what it has: a blank there is the document's)."""
    if not ocr:
        return
    queued = _queue_undecided(ledger, result, _UNDECIDED)
    for ti, table in enumerate(result.score_tables):
        rows = table.rows
        kids = children_of(resolve_parents(rows)[0])
        name = _table_name(table, ti)
        for i, row in enumerate(rows):
            for field_, why in _unmade(row, [rows[c] for c in kids.get(i, [])]):
                ref = _row_entry(_score_ref(ti, i, row, field_, name), queued)
                if (ref.item, ref.field) not in queued or ref.field is None:
                    queued.add((ref.item, ref.field))
                    ledger.flag(ref, f"not checked: {row.code or row.name[:40]}: {why}")


def flag_withheld_by_coverage(result: ExtractionResult) -> None:
    """After coverage has turned sum mismatches that unread parts may explain into ``incomplete``
    (``cchc_extract.coverage``), queue each such relation's own figure as ``flag_unchecked`` does:
    the mismatch had queued its suspects, not always the figure it states (a table's total)."""
    if not ocr_read(result):
        return
    ledger = _Ledger(checks=result.checks, review=result.review)
    _queue_undecided(ledger, result, ("incomplete",))
    result.review = ledger.review


def _queue_undecided(ledger: _Ledger, result: ExtractionResult, statuses: tuple[str, ...]) -> set:
    """Queue the figure each sum check of ``statuses`` left undecided states, once per cell; the
    cells queued, those already there included."""
    queued = {(r.item, r.field) for r in ledger.review}
    for check in ledger.checks:
        # a relation a reading explains that another sum explains too is decided (``corroborated``)
        undecided = check.status in statuses and not ledger.corroborated(check.id)
        ref = _undecided_ref(check, result) if undecided else None
        ref = None if ref is None else _row_entry(ref, queued)
        if ref is not None and ((ref.item, ref.field) not in queued or ref.field is None):
            queued.add((ref.item, ref.field))
            ledger.flag(ref, f"not checked: {check.message}")
    return queued


def _row_entry(ref: ReviewItem, queued: set) -> ReviewItem:
    """``ref``, or its row's one entry when the row is queued whole (``queue``: no figure of it
    read): the reason joins that entry, one look at the row's line."""
    return replace(ref, field=None, raw=None, value=None) if (ref.item, None) in queued else ref


def _unmade(row: ScoreRow, children: list[ScoreRow]) -> list[tuple[str, str]]:
    """(field, why) of each relation of a row no check was made of because a figure OCR lost
    (the segmenter's ``missing_*`` flag: a cell the line did not print as a number): the row's
    own figure with its sub-criteria read, its sub-criteria's figures all lost under its own, or
    its maximum lost beside a score (self ≤ max)."""
    out = []
    for field_ in POINT_FIELDS:
        own = getattr(row, field_)
        parts = [getattr(c, field_) for c in children]
        what = field_.replace("_", " ")
        if own is None and _lost(row, field_) and any(p is not None for p in parts):
            said = ", ".join("blank" if p is None else f"{p:g}" for p in parts)
            out.append(
                (field_, f"its own {what} was not read, so its sub-criteria's ({said}) cannot be checked against it")
            )
        elif own is not None and children and all(p is None and _lost(c, field_) for p, c in zip(parts, children)):
            out.append(
                (field_, f"its sub-criteria's {what} were not read, so its {own:g} cannot be checked against them")
            )
    scored = [f for f in ("self_points", "appraised_points") if getattr(row, f) is not None]
    if row.max_points is None and _lost(row, "max_points") and scored:
        out.append(("max_points", "its maximum was not read, so its scores cannot be checked against it"))
    return out


def _lost(row: ScoreRow, field_: str) -> bool:
    return MISSING_FLAG[field_] in row.flags


def _undecided_ref(check: Check, result: ExtractionResult) -> ReviewItem | None:
    """The figure a sum check left undecided states: its row's field, or the table's total."""
    if check.kind not in _SUM_KINDS or check.status not in _UNDECIDED or check.actual is None:
        return None
    pointer, _ = pointer_field(check)
    parts = pointer.strip("/").split("/")
    ti = int(parts[1])
    table = result.score_tables[ti]
    name = _table_name(table, ti)
    if len(parts) == 4:
        return _score_ref(ti, int(parts[3]), table.rows[int(parts[3])], check.field, name)
    return ReviewItem(item=pointer, field=check.field, table=name, code=None, value=check.actual)

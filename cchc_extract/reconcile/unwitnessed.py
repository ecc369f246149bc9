"""Top-level rows of a table total that nothing read witnesses, on OCR'd text.

A table's total is checked against its top-level rows. A top-level row's figure is witnessed when
its sub-criteria, read, add up to it (``suspects.confirmed_by_children``); else it stands alone.
Where the reading of its own block failed — some of its sub-criteria's figures lost while others
were read, or one read unsurely — the damage is the reading's, and the row's own figure came out
of the same damaged block: a total the top rows miss then says nothing sure of the commune. Such a
row is a doubted member of the total (the check is ``misread``, the cells queued), not its witness.
A block whose sub-criteria print no figure at all (points given only at the parent) is the table's
style, not damage, and leaves the row as it is.
"""

from __future__ import annotations

from cchc_extract.reconcile.score_refs import _score_ref
from cchc_extract.reconcile.settings import ReconcileSettings
from cchc_extract.reconcile.sum_doubts import unsure_members
from cchc_extract.reconcile.suspects import confirmed_by_children
from schemas.records import ReviewItem, ScoreRow


def unwitnessed_members(
    ti: int,
    top: list[int],
    rows: list[ScoreRow],
    field_: str,
    kin: tuple[dict[int, list[int]], float],
    name: str,
    s: ReconcileSettings,
    ocr: bool,
) -> tuple[ReviewItem, ...]:
    """The top-level rows (OCR'd text only) whose children neither confirm their ``field_`` nor were
    read whole: a figure lost beside figures read, or one read unsurely. ``kin``: each row's
    children, and the tolerance the total is checked to."""
    kids, tol = kin
    if not ocr:
        return ()
    return tuple(
        _score_ref(ti, k, rows[k], field_, name)
        for k in top
        if kids.get(k)
        and not confirmed_by_children(rows, k, field_, kids, tol)
        and _block_damaged(kids[k], rows, field_, ti, name, s)
    )


def _block_damaged(
    children: list[int], rows: list[ScoreRow], field_: str, ti: int, name: str, s: ReconcileSettings
) -> bool:
    read = [getattr(rows[c], field_) is not None for c in children]
    if not any(read):
        return False
    return not all(read) or bool(unsure_members(ti, children, rows, field_, name, s, True))

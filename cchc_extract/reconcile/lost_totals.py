"""A score table's totals row that was printed but not read: its stated total cannot be checked,
so it is ``skipped`` and the table is queued for a person to read the printed total against the
rows. Kept apart from the sums (``sums``): this check looks at where the segmenter told a lost
totals line, not at the numbers."""

from __future__ import annotations

from cchc_extract.reconcile.core import _Ledger
from cchc_extract.reconcile.sums import _table_name
from schemas.records import LOST_TOTAL_REASON, ExtractionResult, ReviewItem, ScoreRow, UnreadPart


def check_lost_totals(result: ExtractionResult, ledger: _Ledger) -> None:
    """A score table whose totals row was printed but not read (an unread part the segmenter told,
    ``LOST_TOTAL_REASON``, after the table's last row and before any other table's): its stated
    total is ``skipped``, and the table goes to the queue, where a person reads the printed total
    against the rows (a total the commune got wrong is found nowhere else)."""
    starts = sorted(_row_place(t.rows[0]) for t in result.score_tables if t.rows)
    lost = [p for p in result.unread if p.reason == LOST_TOTAL_REASON]
    for ti, table in enumerate(result.score_tables):
        if not table.rows or table.stated_total_max is not None or table.stated_total_self is not None:
            continue
        # (after the last row's first line: the segmenter tells a totals line that row took into
        # its own span, ``unread_rows._lost_total``)
        end = _row_place(table.rows[-1])
        following = [place for place in starts if place > end]
        part = next(
            (p for p in lost if end < _part_place(p) and (not following or _part_place(p) < following[0])), None
        )
        if part is None:
            continue
        name = _table_name(table, ti)
        message = f"table total: {LOST_TOTAL_REASON}"
        ledger.check(
            "stated_total",
            f"/score_tables/{ti}",
            table=name,
            code=None,
            field_=None,
            expected=None,
            actual=None,
            tolerance=None,
            status="skipped",
            message=message,
        )
        # The entry stands for the unread part too (``unread_review_items``): its page, its text.
        ref = ReviewItem(item=f"/score_tables/{ti}", table=name, page=part.page, raw=part.text_sample or None)
        ledger.flag(ref, message)


def _row_place(row: ScoreRow, last: bool = False) -> tuple[int, int]:
    """(page, line) of a row's first line, or of its last (``last``)."""
    src = row.source
    line = (src.line_end or src.line_start) if last else src.line_start
    return (src.page or 0, line or 0)


def _part_place(part: UnreadPart) -> tuple[int, int]:
    return (part.page or 0, part.line_start or 0)

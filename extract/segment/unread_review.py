"""The unread parts told in the review queue, each once: a part whose lines a table's lost totals
row already holds (the row read, withdrawn as unsure, then told as its table's totals) is not told
again, and a lost totals row reconcile already queued as its table's is asked once.

A district officer works down the queue: a region told twice is looked at twice, and of the two
entries the lost totals row's is the one that names its table."""

from __future__ import annotations

from schemas.records import LOST_TOTAL_REASON, ExtractionResult, ReviewItem, UnreadPart, reasons_of


def totals_told(known: list[UnreadPart], found: list[UnreadPart]) -> list[UnreadPart]:
    """The ``known`` parts (rows withdrawn as unsure) but those whose lines a totals row ``found``
    holds whole: a garbled totals line ("CÔ | 7 TỔNGBĐỂM | 1M | 85") read as a row and withdrawn
    is told once, as the table's totals row, which names its table in the queue."""
    totals = [p for p in found if p.reason == LOST_TOTAL_REASON]
    return [
        k
        for k in known
        if not any(
            t.page == k.page
            and k.page_end is None
            and t.line_start is not None
            and t.line_start <= (k.line_start or -1)
            and (k.line_end or k.line_start or -1) <= (t.line_end or t.line_start)
            for t in totals
        )
    ]


def unread_review_items(result: ExtractionResult) -> list[ReviewItem]:
    """One review item per unread part: a person looks at the page, since the machine read nothing
    there (confidence 0, so it sorts before every doubtful value); but a table's lost totals row
    that reconcile already put in the queue as its table's (``check_lost_totals``: one entry, on
    that page, with the line's text), asked once."""
    named = {(r.page, r.raw) for r in result.review if any(x.endswith(LOST_TOTAL_REASON) for x in reasons_of(r))}
    return [
        ReviewItem(
            item=f"/unread/{i}",
            field=None,
            table=part.kind,
            code=None,
            page=part.page,
            raw=part.text_sample or None,
            value=None,
            reason=f"not read: {part.reason}",
            confidence=0.0,
        )
        for i, part in enumerate(result.unread)
        if not (part.reason == LOST_TOTAL_REASON and (part.page, part.text_sample or None) in named)
    ]

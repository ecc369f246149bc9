"""The unread parts told in the review queue, each once: a part whose lines a table's lost totals
row already holds (the row read, withdrawn as unsure, then told as its table's totals) is not told
again, and a lost totals row reconcile already queued as its table's is asked once.

A district officer works down the queue: a region told twice is looked at twice, and of the two
entries the lost totals row's is the one that names its table."""

from __future__ import annotations

from extract.segment.stat_garbled_figures import garbled_figure_rows
from extract.segment.stat_unread import lost_figure_rows, lost_figure_said
from normalize.lazy_regex import lazy_compile
from schemas.records import LOST_TOTAL_REASON, ExtractionResult, ReviewItem, UnreadPart, reasons_of

# The review item of a score table as a whole (``reconcile.lost_totals``' entries).
_TABLE_ITEM = lazy_compile(r"/score_tables/\d+")
# How the queue says a part was not read (``review.model.classify`` tells it by these words).
UNREAD_PREFIX = "not read: "
# What a row's entry says of its figure OCR garbled (``stat_garbled_figures``).
GARBLED_SAID = "the printed figure could not be read (garbled by OCR)"


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
    that page, with the line's text), asked once, as are the rows lost at a table's end that its
    entry says (their text and reason in it); and an annex's figures the text lost, told on
    each row's own value (``lost_figure_rows``)."""
    said: dict[tuple[int | None, str | None], list[str]] = {}
    for r in result.review:
        if _TABLE_ITEM.fullmatch(r.item):
            said.setdefault((r.page, r.raw), []).extend(reasons_of(r))
    items: list[ReviewItem] = []
    for i, part in enumerate(result.unread):
        if any(part.reason in x for x in said.get((part.page, part.text_sample or None), [])):
            continue  # (a table's entry that says this part, its text and its reason: asked once)
        rows = lost_figure_rows(result.statistics, part)
        if rows is not None:
            items += [_lost_figure_item(result, ai, ri) for ai, ri in rows]
            continue
        rows = garbled_figure_rows(result.statistics, part)
        if rows is not None:  # (a figure OCR garbled, told on its row's value as a lost one is)
            items += [_lost_figure_item(result, ai, ri, GARBLED_SAID) for ai, ri in rows]
            continue
        items.append(
            ReviewItem(
                item=f"/unread/{i}",
                field=None,
                table=part.kind,
                code=None,
                page=part.page,
                raw=part.text_sample or None,
                value=None,
                reason=f"{UNREAD_PREFIX}{part.reason}",
                confidence=0.0,
            )
        )
    return items


def _lost_figure_item(result: ExtractionResult, ai: int, ri: int, said: str | None = None) -> ReviewItem:
    """A figure of an annex's row that the text lost, told on the row's own value: the cell a
    person fills in, which the queue doubts already (its blank's confidence), so one entry says
    both, not one for the annex's lost figures and one per row again."""
    annex = result.statistics[ai]
    row = annex.rows[ri]
    return ReviewItem(
        item=f"/statistics/{ai}/rows/{ri}",
        field="value",
        table=annex.annex,
        code=row.code,
        page=row.source.page,
        raw=row.value_raw or None,
        value=None,
        reason=f"{UNREAD_PREFIX}{said or lost_figure_said(annex, row)}",
        confidence=0.0,
    )

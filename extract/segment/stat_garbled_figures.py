"""Figures an OCR'd annex printed that OCR garbled past reading ("91,16" read "ói 1,16"): the row
is read, its value cell holds characters with a digit among them, and no number could be made of
them, so the value is blank. The row's own review entry doubted the blank already (its confidence),
but nothing said a figure was printed there and not read: the document came out as if read whole
(issue 16). One ``rows`` part per annex names them; in the queue it is told on each row's own value
(``garbled_figure_rows``), one entry per cell, not one more for the part.

Only where the document was read by OCR (the pipeline asks ``ocr_read``): a typed cell's words
("Không", "Đạt") are the commune's own, and a typed figure is no garbled one."""

from __future__ import annotations

import regex as re

from schemas.records import StatAnnex, StatRow, UnreadPart

# How such a part's reason opens (``garbled_figure_rows`` finds its rows by it).
GARBLED_REASON = "the printed figure"
# Cells quoted in the part's sample.
_SAMPLE_ROWS = 4


def garbled(row: StatRow) -> bool:
    """A value cell that printed characters with a digit but gave no number."""
    return row.value is None and "value_unparsed" in row.flags and re.search(r"\d", row.value_raw or "") is not None


def _opening(annex: StatAnnex, rows: int) -> str:
    return f"{GARBLED_REASON} of {rows} row(s) of the statistics annex “{annex.title or annex.annex}” "


def garbled_figures(annexes: list[StatAnnex]) -> list[UnreadPart]:
    """One part per annex naming its rows whose printed figure OCR garbled past reading."""
    parts: list[UnreadPart] = []
    for annex in annexes:
        lost = [r for r in annex.rows if garbled(r)]
        if not lost:
            continue
        said = ", ".join(f"{r.code or r.indicator[:30]} '{r.value_raw}'" for r in lost)
        parts.append(
            UnreadPart(
                page=lost[0].source.page,
                kind="rows",
                reason=f"{_opening(annex, len(lost))}could not be read (garbled by OCR): {said}",
                text_sample=" / ".join(f"{r.indicator[:60]}: {r.value_raw}" for r in lost[:_SAMPLE_ROWS]),
                page_end=lost[-1].source.page,
                line_start=lost[0].source.line_start,
                line_end=lost[-1].source.line_end,
            )
        )
    return parts


def garbled_figure_rows(annexes: list[StatAnnex], part: UnreadPart) -> list[tuple[int, int]] | None:
    """(annex, row) of each row a ``garbled_figures`` part names, or None when ``part`` is no such
    part or its annex no longer has those rows as it names them (then it is told as a whole)."""
    if not part.reason.startswith(GARBLED_REASON):
        return None
    for ai, annex in enumerate(annexes):
        lost = [ri for ri, r in enumerate(annex.rows) if garbled(r)]
        if lost and part.reason.startswith(_opening(annex, len(lost))):
            first = annex.rows[lost[0]].source
            if (first.page, first.line_start) == (part.page, part.line_start):
                return [(ai, ri) for ri in lost]
    return None

"""Lines printed among a table's rows that the reader placed in none of its cells.

A table rebuilt from a text layer's word positions takes its lines top to bottom; a line between
two of its rows that fits none of its columns (a note typed at the margin among a plan's tasks,
``extract.pdf_task_columns``) is left a line of its own. Inside the table's box, it is no
paragraph of the document either: it is a row, or part of one, the reader could not place, and
is told (a part of kind "rows"), never dropped. A table that took all its lines leaves none there."""

from __future__ import annotations

from collections.abc import Callable

from extract.model import Line, Page
from schemas.records import UnreadPart

# The tables whose lines the text-layer reader took from word positions (``Table.source``): a
# ruled grid's box holds its cells' words only, an OCR'd page's lines are Tesseract's own.
SPAN_SOURCES = ("pdf-text",)


def unread_in_table_span(page: Page, line_read: Callable[[Line, int], bool]) -> list[UnreadPart]:
    """A ``rows`` part per run of lines inside a rebuilt table's box that gave nothing."""
    parts = []
    for table in page.tables:
        if table.source not in SPAN_SOURCES or table.bbox is None:
            continue
        x0, top, x1, bottom = table.bbox
        inside = [
            ln
            for ln in page.lines
            if ln.bbox is not None
            and top < (ln.bbox[1] + ln.bbox[3]) / 2 < bottom
            and ln.bbox[0] < x1
            and ln.bbox[2] > x0
            and not line_read(ln, page.number)
        ]
        for run in _runs(inside):
            parts.append(
                UnreadPart(
                    page=page.number,
                    kind="rows",
                    reason=f"{len(run)} line(s) printed among the rows of a table rebuilt from word positions "
                    "fit none of its columns: a row, or part of one, not placed",
                    text_sample=" / ".join(ln.text for ln in run),
                    line_start=run[0].number,
                    line_end=run[-1].number,
                )
            )
    return parts


def _runs(lines: list[Line]) -> list[list[Line]]:
    """``lines`` in runs of consecutive line numbers."""
    runs: list[list[Line]] = []
    for ln in sorted(lines, key=lambda ln: ln.number):
        if runs and ln.number == runs[-1][-1].number + 1:
            runs[-1].append(ln)
        else:
            runs.append([ln])
    return runs

"""The columns of a borderless table a page ended with, carried to the next page.

A table's last row or two printed alone at the top of the next page are too few lines to show
their columns (the gutters between them) by themselves; read without the previous page's
columns they were lines, the row was lost and its parent's sums raised false alarms. The edges
are carried only to a page read the same way (a text layer's points are not a scan's pixels),
and to a scan's page in its own pixels when the sheet was scanned at another size
(``page_scale``).
"""

from __future__ import annotations

from dataclasses import dataclass

from extract.model import Page, Table
from extract.segment.page_scale import scaled_edges, size_factor
from extract.segment.tab_headers import task_header


@dataclass(frozen=True)
class CarriedColumns:
    """Column edges of a borderless table (``Table.col_edges``), the reader that made it and the
    size of the page it stood on."""

    edges: list[float]
    source: str
    width: float | None
    height: float | None
    # The table was a plan's task table (its header names task columns, or it went on from one): the
    # next page's lines open tasks in these columns (``pdf_task_columns``), a section's title whole.
    tasks: bool = False
    # ... with no code column (``TypedHeader.bulleted``): a line at the next page's margin is a task's
    # words (its first or its next), not a code's column holding no code.
    codeless: bool = False

    def on(self, width: float, height: float, source: str) -> list[float]:
        """The edges in the coordinates of a page of that size read by ``source``; none for a page
        read otherwise."""
        if source != self.source:
            return []
        return scaled_edges(self.edges, size_factor((self.width, self.height), (width, height)))


def carried_from(page: Page, before: CarriedColumns | None = None) -> CarriedColumns | None:
    """The columns to carry when ``page`` ends with a borderless table (one rebuilt from word
    positions, on a text layer or an OCR'd page); a task table's when its header names task columns,
    or it is the page's one table and went on from a task table ``before``."""
    last = page.blocks[-1] if page.blocks else None
    if not isinstance(last, Table) or last.source not in ("pdf-text", "ocr-text") or not last.col_edges:
        return None
    head = [c.text for c in sorted((c for c in last.cells if c.row == 0), key=lambda c: c.col)]
    alone = sum(isinstance(b, Table) for b in page.blocks) == 1
    header = task_header(head)
    went_on = bool(before and before.tasks and alone)
    tasks = header is not None or went_on
    codeless = header.bulleted if header is not None else bool(went_on and before and before.codeless)
    return CarriedColumns(list(last.col_edges), last.source, page.width, page.height, tasks, codeless)

"""A score grid's totals row printed apart from it: read, or told.

A totals row may stand outside the grid it totals: a one-row table of its own under it (typed
with its own column widths; on a scan, a totals row alone atop the last page, above the
signature, whose rules the grid finder found apart from the table's), or a line of text under
the grid ("Tổng số điểm: 17 12"). The grid then ends at its last criterion, its stated total
read nowhere, and the total a commune got wrong was checked by nothing, nor told: seed 8001's
scan whose totals row stood alone on page 3 (faults63). Here the blocks right under a score grid
that states no total are looked at, before the next table and the signature: a totals label
opening one, with as many figures as the grid has points columns, is the grid's totals row, its
figures the columns' in order; one with another number of figures (or none) is the totals row
printed and not read, told as ``LOST_TOTAL_REASON`` (the stated total is then unchecked, and
reconcile queues the table)."""

from __future__ import annotations

from dataclasses import dataclass, field

from extract.model import Line, Table
from extract.segment.joined import JoinedTable
from extract.segment.points_cells import points_cell
from extract.segment.score_grid_drafts import POINTS_KEYS, TOTAL_ROW, total_label
from extract.segment.table_end import is_signature
from normalize.numbers import parse_number
from normalize.text import fold
from schemas.records import LOST_TOTAL_REASON, UnreadPart


@dataclass(frozen=True)
class TotalApartSettings:
    # Blocks with text (lines, small tables) under a grid looked at for its totals row: a totals
    # row stands right under its grid; further down a "Tổng số …" is a sentence of the report's.
    blocks_after: int = 2
    # A table under the grid of at most this many rows may be its totals row apart (one row,
    # and a row its cells' wrapping split); a bigger one is a table of its own.
    table_rows: int = 2


@dataclass
class TotalApart:
    """The totals row found apart from a grid: its figures by points field key ("max", "self"),
    with each one's OCR confidence, or the unread part telling it printed and not read."""

    figures: dict[str, str] = field(default_factory=dict)
    confs: dict[str, float] = field(default_factory=dict)
    unread: list[UnreadPart] = field(default_factory=list)


def total_apart(
    blocks: list, joined: JoinedTable, columns: dict[str, int], settings: TotalApartSettings = TotalApartSettings()
) -> TotalApart:
    """The totals row of ``joined`` (a score grid whose rows state no total; ``columns``: its
    fields' columns) printed in the blocks right under it (``blocks``: the document's, in order)."""
    keys = sorted((k for k in POINTS_KEYS if k in columns), key=lambda k: columns[k])
    seen = 0
    if joined.block_end < 0:
        return TotalApart()  # (a table built from lines: the line readers look under it)
    for block in blocks[joined.block_end + 1 :]:
        if seen >= settings.blocks_after:
            break
        cells = _cells_of(block, settings)
        if cells is None:
            break  # a table of its own: no totals row of this grid's beyond it
        text = " ".join(text for text, _ in cells).strip()
        if not text:
            continue
        seen += 1
        folded = fold(text)
        if is_signature(folded):
            break
        label = next((t for t, _ in cells if t.strip()), "") if isinstance(block, Table) else text
        if not TOTAL_ROW.match(total_label(fold(label.strip()))):
            continue
        figures = [(figure, conf) for cell, conf in cells for figure in _figures(cell, whole=isinstance(block, Table))]
        if figures and len(figures) == len(keys):
            found = dict(zip(keys, figures))
            return TotalApart(
                figures={k: f for k, (f, _) in found.items()},
                confs={k: c for k, (_, c) in found.items() if c is not None},
            )
        if isinstance(block, Line):
            # (a sentence under the table stating one figure, "Tổng số điểm: 85", is the report's
            # own statement, read as such: no row whose cells were lost)
            continue
        told = UnreadPart(
            page=block.page,
            kind="rows",
            reason=LOST_TOTAL_REASON,
            text_sample=text,
            line_start=block.line_start,
            line_end=block.line_end,
        )
        return TotalApart(unread=[told])
    return TotalApart()


def _cells_of(block, settings: TotalApartSettings) -> list[tuple[str, float | None]] | None:
    """A block's texts, each with its OCR confidence: a line's words as one text, a small table's
    first row's cells one by one; None for a table too big to be a totals row."""
    if isinstance(block, Line):
        return [(block.raw or block.text, block.conf)]
    if isinstance(block, Table):
        if block.n_rows > settings.table_rows:
            return None
        first = sorted((c for c in block.cells if c.row == 0), key=lambda c: c.col)
        return [(c.raw or c.text, c.conf) for c in first]
    return []


def _figures(text: str, whole: bool) -> list[str]:
    """The points figures of a text: a table cell's one (``whole``: the cell as ``points_cell``
    reads it), a line's each token that reads as points after its label."""
    found = [points_cell(text)] if whole else [points_cell(token) for token in text.split()]
    return [f for f in found if f and parse_number(f, kind="score") is not None]

"""A table as the segmenters read it: its fragments across pages joined into rows of cell texts
(with each cell's box and OCR confidence), under its header rows (``table_join`` builds it)."""

from __future__ import annotations

from dataclasses import dataclass, field


def row_bbox(row: JoinedRow) -> list[float] | None:
    """The union of a row's cell boxes, when the format gave any."""
    boxes = [b for b in row.bboxes if b]
    if not boxes:
        return None
    return [min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes)]


def row_conf(row: JoinedRow) -> float | None:
    confs = [c for c in row.confs if c is not None]
    return min(confs) if confs else None


@dataclass
class JoinedRow:
    cells: list[str]
    bold: list[bool]
    page: int
    line_start: int
    line_end: int
    fragment: int  # index of the fragment (page piece) the row came from
    bboxes: list[tuple | None] = field(default_factory=list)
    confs: list[float | None] = field(default_factory=list)
    joined_across_break: bool = False
    realigned: bool = False  # cells moved back under their numbered columns (see realign_row)
    cut_by_page_edge: bool = False  # its page's part of the grid runs off the page (Table.cut_by_page_edge)
    # Each cell's printed lines as the format gave them (``Cell.lines``; empty where it gave none).
    lines: list[list[str]] = field(default_factory=list)
    # ... and where each of those lines stands down its cell (``Cell.line_places``).
    places: list[list[float]] = field(default_factory=list)
    # ... and each of those lines' OCR confidence (``Cell.line_confs``; empty where it gave none).
    line_confs: list[list[float | None]] = field(default_factory=list)
    # Each column's text of a cell merged down onto the row from a row above, None where the row has
    # a cell of its own (``merged_down.merged_above``): its own text there is "", the merge's is its.
    above: list[str | None] = field(default_factory=list)
    # The columns whose cell, as the grid gave it, holds a quarter's numeral read twice
    # (``Cell.strokes_agree``); a row whose cells were moved or joined keeps none of them.
    counted: frozenset[int] = frozenset()
    # The columns whose cell opens with a bullet the page's ink shows (``Cell.bullet``, OCR'd pages).
    bulleted: frozenset[int] = frozenset()


@dataclass
class JoinedTable:
    header: list[list[str]]
    rows: list[JoinedRow]
    pages: list[int]
    n_cols: int
    source: str
    line_start: int
    line_end: int
    block_index: int  # position of the first fragment among the document's blocks
    # For each column, the column whose header cell covers it: a header cell spanning several
    # grid columns (an indent column before the sub-criteria's names) owns them all.
    owners: list[int] = field(default_factory=list)
    # Column boundaries of the first fragment (Table.col_edges), for matching later fragments.
    col_edges: list[float] = field(default_factory=list)
    # The number each column's "(1) (2) (3)" row gave it, None where the table has no such row:
    # a legend under the grid ("cột (3): điểm tối đa") names the columns by these numbers.
    column_marks: list[int | None] = field(default_factory=list)
    # Position of the last fragment among the document's blocks (-1: not built from blocks): what
    # stands right under the table (its totals row printed apart, ``total_apart``) comes after it.
    block_end: int = -1

    def columns_of(self, col: int) -> list[int]:
        """The grid columns a header column spans: itself and the unlabeled columns it owns."""
        if not self.owners:
            return [col]
        return [c for c in range(self.n_cols) if self.owners[c] == col or c == col]

    def cell_text(self, row: JoinedRow, col: int) -> str:
        """A row's text under a header column: the union of the grid columns its header spans."""
        parts = [row.cells[c].strip() for c in self.columns_of(col) if c < len(row.cells)]
        return " ".join(p for p in parts if p)

    def cell_lines(self, row: JoinedRow, col: int) -> list[str]:
        """A row's printed lines under a header column, when the format gave them and they still
        hold the cell's words: the lines' words are taken from ``cell_text`` (the repaired
        reading), cut where the printed lines were cut. Empty when the column spans several grid
        columns with text, or the words no longer match one for one (a row joined or realigned)."""
        cols = [c for c in self.columns_of(col) if c < len(row.cells) and row.cells[c].strip()]
        if len(cols) != 1 or cols[0] >= len(row.lines):
            return []
        printed = [line.split() for line in row.lines[cols[0]]]
        words = row.cells[cols[0]].split()
        if not printed or sum(len(p) for p in printed) != len(words):
            return []
        lines, start = [], 0
        for p in printed:
            lines.append(" ".join(words[start : start + len(p)]))
            start += len(p)
        return [line for line in lines if line]

    @property
    def header_text(self) -> list[str]:
        """One label per column: the header rows' texts stacked."""
        labels = []
        for c in range(self.n_cols):
            parts = [h[c] for h in self.header if c < len(h) and h[c]]
            labels.append(" ".join(dict.fromkeys(parts)))
        return labels

"""A table printed across (``stat_across``) whose grid lost the ruling line between two
sub-columns of a two-level header: the header's lower cell then holds both labels with the
ruling read between them ("Đúng hạn | Quá hạn"), and the row's cell both figures ("342 | 9",
"342 9"), which read as one number (34219) under one label made of two. Each such cell is cut
back into the columns its labels name, when the figures it holds are as many as the labels:
the header says how many columns the cell spans, so two numbers there are two figures."""

from __future__ import annotations

from dataclasses import replace

import regex as re

from extract.segment.joined import JoinedRow, JoinedTable
from normalize.numbers import parse_number

# The ruling line between two cells, read by OCR inside one cell.
_RULING = re.compile(r"\s*[|¦]\s*")


def split_joined_columns(table: JoinedTable, ocr: bool) -> JoinedTable:
    """``table`` with each lower-header cell of several labels, over a body cell of as many
    figures, cut into one column per label (the upper header's cell spans them, so they are
    its sub-columns); ``table`` itself when no cell is so joined."""
    if len(table.header) != 2 or len(table.rows) != 1:
        return table
    cuts = {c: n for c, cell in enumerate(table.header[1]) if (n := _joined(cell, table.rows[0].cells, c, ocr)) > 1}
    if not cuts:
        return table
    header = [_cut_cells(h, cuts, labels=k == 1) for k, h in enumerate(table.header)]
    row = _cut_row(table.rows[0], cuts)
    owners = list(range(len(header[0])))
    return replace(table, header=header, rows=[row], n_cols=len(header[0]), owners=owners, col_edges=[])


def _labels(cell: str) -> list[str]:
    return [p for p in _RULING.split(cell.strip()) if p]


def _figures(cell: str) -> list[str]:
    """A body cell's parts: cut at a ruling read in it, else at its spaces."""
    text = cell.strip()
    return [p for p in (_RULING.split(text) if _RULING.search(text) else text.split()) if p]


def _joined(label_cell: str, body: list[str], col: int, ocr: bool) -> int:
    """How many columns a lower-header cell joins: its labels (two letters each at least), when
    the body cell under it holds exactly as many numbers; 1 otherwise."""
    labels = _labels(label_cell)
    if len(labels) < 2 or not all(re.search(r"\p{L}{2}", p) for p in labels) or col >= len(body):
        return 1
    figures = _figures(body[col])
    if len(figures) != len(labels) or any(parse_number(f, kind="auto", ocr=ocr) is None for f in figures):
        return 1
    return len(labels)


def _cut_cells(cells: list[str], cuts: dict[int, int], labels: bool) -> list[str]:
    """A header row with each joined cell cut: the lower row's labels one per column, the upper
    row's spanning label over the first of them and nothing over the rest (as a spanning cell reads)."""
    out: list[str] = []
    for c, cell in enumerate(cells):
        n = cuts.get(c, 1)
        parts = _labels(cell) if labels and n > 1 else [cell, *[""] * (n - 1)]
        out.extend(parts)
    return out


def _cut_row(row: JoinedRow, cuts: dict[int, int]) -> JoinedRow:
    """The body row with each joined cell's figures one per column, its box cut in equal widths."""
    cells: list[str] = []
    boxes: list[tuple | None] = []
    confs: list[float | None] = []
    bold: list[bool] = []
    for c, cell in enumerate(row.cells):
        n = cuts.get(c, 1)
        cells.extend(_figures(cell) if n > 1 else [cell])
        box = row.bboxes[c] if c < len(row.bboxes) else None
        boxes.extend(_cut_box(box, n))
        confs.extend([row.confs[c] if c < len(row.confs) else None] * n)
        bold.extend([row.bold[c] if c < len(row.bold) else False] * n)
    return replace(row, cells=cells, bboxes=boxes, confs=confs, bold=bold, lines=[])


def _cut_box(box: tuple | None, n: int) -> list[tuple | None]:
    if box is None or n == 1:
        return [box] * n
    x0, y0, x1, y1 = box
    step = (x1 - x0) / n
    return [(x0 + k * step, y0, x0 + (k + 1) * step, y1) for k in range(n)]

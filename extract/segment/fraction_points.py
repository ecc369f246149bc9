"""A score table whose points are written as fractions in one column ("9/10" under "Điểm đạt/Điểm
tối đa"): the column is cut in two, the scored figure and the maximum, before the table's columns
are named, so the table is read as any other. Without it the header names no maximum column and
the whole table went to ``unread`` (told, but none of its rows read)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from extract.segment.joined import JoinedRow, JoinedTable
from normalize.numbers import fraction_sides

# Of a column's filled cells, at least this many and this share are fractions.
MIN_FRACTIONS = 3
MIN_SHARE = 0.6

ColumnNamer = Callable[[list[str]], "dict[str, int] | None"]


def split_fraction_column(joined: JoinedTable, name_columns: ColumnNamer) -> JoinedTable:
    """The table with its fraction column cut in two, when one column's label names two points
    columns either side of a "/" (``name_columns`` is the score reader's own naming) and its cells
    are mostly fractions; else the table as it is. (The whole label names the maximum alone, so
    the column was taken for the maximum and no cell of it read as a figure.)"""
    for col, label in enumerate(joined.header_text):
        if "/" not in label:
            continue
        left, _, right = label.partition("/")
        named = name_columns([left.strip(), right.strip()])
        if named is None or {named.get("max"), named.get("self", named.get("appraised"))} != {0, 1}:
            continue
        filled = [row.cells[col].strip() for row in joined.rows if col < len(row.cells) and row.cells[col].strip()]
        fractions = sum(1 for text in filled if fraction_sides(text))
        if fractions < MIN_FRACTIONS or fractions < MIN_SHARE * len(filled):
            continue
        split = _cut(joined, col)
        if name_columns(split.header_text) is not None:
            return split
    return joined


def _cut(joined: JoinedTable, col: int) -> JoinedTable:
    """The table with column ``col`` cut into its two figures (header labels cut at their "/")."""

    def twice(values: list, at: int) -> list:
        return values[: at + 1] + values[at : at + 1] + values[at + 1 :] if at < len(values) else list(values)

    header = []
    for cells in joined.header:
        if col < len(cells) and "/" in cells[col]:
            left, _, right = cells[col].partition("/")
            header.append([*cells[:col], left.strip(), right.strip(), *cells[col + 1 :]])
        else:
            header.append(twice(list(cells), col))
    rows = [_cut_row(row, col, twice) for row in joined.rows]
    moved = [k if k <= col else k + 1 for k in range(joined.n_cols)]
    owners = [moved[o] for o in twice(joined.owners, col)] if joined.owners else []
    if owners:
        owners[col + 1] = col + 1  # the maximum's own column, not the figure's
    return replace(joined, header=header, rows=rows, n_cols=joined.n_cols + 1, owners=owners, col_edges=[])


def _cut_row(row: JoinedRow, col: int, twice: Callable[[list, int], list]) -> JoinedRow:
    if col >= len(row.cells):
        return row
    scored, top = fraction_sides(row.cells[col]) or (row.cells[col], "")
    cells = [*row.cells[:col], scored, top, *row.cells[col + 1 :]]
    return replace(
        row, cells=cells, bold=twice(row.bold, col), bboxes=twice(row.bboxes, col), confs=twice(row.confs, col)
    )

"""A score table whose points are written as two figures in one column, a fraction ("9/10" under
"Điểm đạt/Điểm tối đa") or the second in brackets ("3 (2,5)" under "Điểm tối đa (điểm tự chấm)",
"2,5 (3)" under "Điểm tự chấm (điểm tối đa)"): the column is cut in two, each figure under the part
of the label that names it, before the table's columns are named, so the table is read as any
other. The order of the pair is the label's alone. Without it the header names no maximum column
(or one whose cells read as no figure) and the whole table went to ``unread`` (told, but none of
its rows read)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import regex as re

from extract.segment.joined import JoinedRow, JoinedTable
from normalize.numbers import bracketed_sides, fraction_sides

# Of a column's filled cells, at least this many and this share are fractions.
MIN_FRACTIONS = 3
MIN_SHARE = 0.6

ColumnNamer = Callable[[list[str]], "dict[str, int] | None"]
CellSides = Callable[[str], "tuple[str, str] | None"]
# A label naming its second column in brackets: "Điểm tối đa (điểm tự chấm)".
_BRACKETED_LABEL = re.compile(r"^(?P<first>[^()]+?)\s*\((?P<second>[^()]+)\)\s*$")


def label_sides(label: str) -> tuple[str, str, CellSides] | None:
    """The two names a pair column's label gives, in the order its cells print the figures, and
    how its cells split: at a "/" (fractions), or a name and a bracketed name (bracketed pairs)."""
    if "/" in label:
        left, _, right = label.partition("/")
        return left.strip(), right.strip(), fraction_sides
    found = _BRACKETED_LABEL.match(label.strip())
    if found:
        return found["first"].strip(), found["second"].strip(), bracketed_sides
    return None


def split_fraction_column(joined: JoinedTable, name_columns: ColumnNamer) -> JoinedTable:
    """The table with its pair column cut in two, when one column's label names two points columns
    (either side of a "/", or one in brackets after the other; ``name_columns`` is the score
    reader's own naming) and its cells are mostly such pairs; else the table as it is. (The whole
    label names the maximum alone, so the column was taken for the maximum and no cell of it read
    as a figure.)"""
    for col, label in enumerate(joined.header_text):
        sides = label_sides(label)
        if sides is None:
            continue
        left, right, cell_sides = sides
        named = name_columns([left, right])
        if named is None or {named.get("max"), named.get("self", named.get("appraised"))} != {0, 1}:
            continue
        filled = [row.cells[col].strip() for row in joined.rows if col < len(row.cells) and row.cells[col].strip()]
        pairs = sum(1 for text in filled if cell_sides(text))
        if pairs < MIN_FRACTIONS or pairs < MIN_SHARE * len(filled):
            continue
        split = _cut(joined, col, cell_sides)
        if name_columns(split.header_text) is not None:
            return split
    return joined


def _cut(joined: JoinedTable, col: int, cell_sides: CellSides) -> JoinedTable:
    """The table with column ``col`` cut into its two figures (header labels cut as ``label_sides``)."""

    def twice(values: list, at: int) -> list:
        return values[: at + 1] + values[at : at + 1] + values[at + 1 :] if at < len(values) else list(values)

    header = []
    for cells in joined.header:
        sides = label_sides(cells[col]) if col < len(cells) else None
        if sides is not None:
            header.append([*cells[:col], sides[0], sides[1], *cells[col + 1 :]])
        else:
            header.append(twice(list(cells), col))
    rows = [_cut_row(row, col, twice, cell_sides) for row in joined.rows]
    moved = [k if k <= col else k + 1 for k in range(joined.n_cols)]
    owners = [moved[o] for o in twice(joined.owners, col)] if joined.owners else []
    if owners:
        owners[col + 1] = col + 1  # the maximum's own column, not the figure's
    return replace(joined, header=header, rows=rows, n_cols=joined.n_cols + 1, owners=owners, col_edges=[])


def _cut_row(row: JoinedRow, col: int, twice: Callable[[list, int], list], cell_sides: CellSides) -> JoinedRow:
    if col >= len(row.cells):
        return row
    first, second = cell_sides(row.cells[col]) or (row.cells[col], "")
    cells = [*row.cells[:col], first, second, *row.cells[col + 1 :]]
    return replace(
        row, cells=cells, bold=twice(row.bold, col), bboxes=twice(row.bboxes, col), confs=twice(row.confs, col)
    )

"""A score table's column of field points: each field's self points printed again in a last
column, one cell merged down over the field's rows ("Điểm lĩnh vực", "Tổng điểm lĩnh vực", "Cộng
điểm theo lĩnh vực"), as a spreadsheet's field subtotal prints beside its rows.

The column is a field's figure, not each row's: the grid gives a merged cell's text once, on the
row it starts on (the field's own row), and the rows under it read nothing of their own there. So:

- its label names a field ("lĩnh vực") and the points ("điểm"), never the criteria's names:
  matched against the name column's words ("Lĩnh vực, tiêu chí") it would take the names' place;
  its label is kept out of the points matcher and the column read as context, never left unread;
- where the row it starts on prints no self points of its own (a field whose row prints its
  maximum alone), the cell is that row's self points: the same figure the row would print,
  taken only when it fits under the row's maximum (a cell a scan's centred text set on a
  criterion's row beside it is no points of that criterion).

What a column is comes from its header words and the cells' own figures: no layout is named."""

from __future__ import annotations

from dataclasses import dataclass, replace

from extract.segment.joined import JoinedRow, JoinedTable
from normalize.lazy_regex import lazy_compile
from normalize.numbers import parse_number
from normalize.text import fold

# A field's points: "điểm" and "lĩnh vực" in one label, the names' words not ("Điểm lĩnh vực",
# "Tổng điểm lĩnh vực", "Cộng điểm theo lĩnh vực"; never "Lĩnh vực, tiêu chí").
_POINTS = lazy_compile(r"\bdiem\b")
_FIELD = lazy_compile(r"\blinh\s*vuc\b")
_NAMES = lazy_compile(r"\btieu\s*chi\b|\bnoi\s*dung\b")


@dataclass(frozen=True)
class FieldPointsColumn:
    """The header as the points matcher should read it (the field points' label blanked) and the
    field points' column, None when the header has none."""

    labels: list[str]
    column: int | None = None

    @property
    def context(self) -> frozenset[int]:
        return frozenset() if self.column is None else frozenset((self.column,))


def field_points_column(labels: list[str]) -> FieldPointsColumn:
    """The column whose label names a field's points, when exactly one does and it is not the
    first (a field's points stand beside its rows, never as their code)."""
    found = [
        c
        for c, label in enumerate(labels)
        if (f := " ".join(fold(label or "").split()))
        and _POINTS.search(f)
        and _FIELD.search(f)
        and not _NAMES.search(f)
    ]
    if len(found) != 1 or found[0] == 0:
        return FieldPointsColumn(list(labels))
    col = found[0]
    return FieldPointsColumn([("" if c == col else label) for c, label in enumerate(labels)], col)


def _figure(text: str) -> float | None:
    parsed = parse_number(text) if text and text.strip() else None
    return parsed.value if parsed is not None else None


def _own_cell(row: JoinedRow, col: int) -> str:
    """The row's own text in a grid column (a merge from above is not the row's)."""
    if col >= len(row.cells):
        return ""
    if row.above and col < len(row.above) and row.above[col] is not None:
        return ""
    return row.cells[col].strip()


def self_from_field_points(joined: JoinedTable, columns: dict[str, int], found: FieldPointsColumn) -> JoinedTable:
    """The table with each row's blank self points cell filled from the field points' cell that
    starts on it, when that figure fits under the row's printed maximum."""
    col, self_col, max_col = found.column, columns.get("self"), columns.get("max")
    if col is None or self_col is None or max_col is None:
        return joined
    self_cols = [c for c in joined.columns_of(self_col) if c < joined.n_cols]
    if not self_cols:
        return joined
    rows = []
    for row in joined.rows:
        figure = _figure(_own_cell(row, col))
        maximum = _figure(joined.cell_text(row, max_col))
        if (
            figure is None
            or joined.cell_text(row, self_col).strip()
            or maximum is None
            or figure > maximum
            or self_cols[0] >= len(row.cells)
        ):
            rows.append(row)
            continue
        cells = list(row.cells)
        cells[self_cols[0]] = row.cells[col].strip()
        rows.append(replace(row, cells=cells))
    return replace(joined, rows=rows)

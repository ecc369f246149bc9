"""Criterion and sub-criterion names in two columns side by side ("STT | Tiêu chí | Tiêu chí thành
phần | Điểm tối đa | …"): a field's or criterion's name in the first, a sub-criterion's in the
second, the first left blank beside it or merged down from its criterion (a merged cell's
continuation reads blank). The header names one of the two the name column; the rows whose name
stands in the other column read no name, and the table was not read at all.

So a row's name is taken from whichever of the two columns prints it. Only where the columns are
that: side by side, the other column mapped to no field, and never both printing a different name
in one row (two filled columns are two things, a name and its description, not one name in two
places), with at least one row named in the other column alone."""

from __future__ import annotations

from dataclasses import dataclass, replace

from extract.segment.joined import JoinedRow, JoinedTable
from normalize.lazy_regex import lazy_compile

# A name holds a letter; a cell of figures or marks is another column's.
_LETTER = lazy_compile(r"\p{L}")


@dataclass(frozen=True)
class SideNameSettings:
    # Rows named in the other column alone that make it the name's second place (one is enough:
    # a single sub-criterion under its criterion is a layout too).
    min_named_beside: int = 1


def _text(row: JoinedRow, col: int) -> str:
    return row.cells[col].strip() if col < len(row.cells) else ""


def side_name_column(
    joined: JoinedTable, columns: dict[str, int], settings: SideNameSettings = SideNameSettings()
) -> int | None:
    """The column beside the name column that holds the other level's names, else None."""
    name = columns.get("name")
    if name is None:
        return None
    taken = set(columns.values())
    for side in (name + 1, name - 1):
        if side < 0 or side >= joined.n_cols or side in taken or joined.owners and joined.owners[side] == name:
            continue
        beside = 0
        for row in joined.rows:
            own, other = _text(row, name), _text(row, side)
            if own and other and own != other:
                break  # (a name beside its description: two columns, not one name in two places)
            if other and not own:
                if not _LETTER.search(other):
                    break
                beside += 1
        else:
            if beside >= settings.min_named_beside:
                return side
    return None


def _moved(row: JoinedRow, name: int, side: int) -> JoinedRow:
    """The row with its name in the name column: the other column's where that one prints it (the
    finer level's), else its own."""
    other = _text(row, side)
    if not other:
        return row
    cells = list(row.cells)
    cells[name], cells[side] = other, ""
    lines = list(row.lines)
    if side < len(lines) and name < len(lines):
        lines[name], lines[side] = lines[side], []
    confs = list(row.line_confs)
    if side < len(confs) and name < len(confs):
        confs[name], confs[side] = confs[side], []
    return replace(row, cells=cells, lines=lines, line_confs=confs)


def names_side_by_side(
    joined: JoinedTable, columns: dict[str, int], settings: SideNameSettings = SideNameSettings()
) -> JoinedTable:
    """The table with each row's name in the name column, where names stand in two columns side by
    side; any other table as it is."""
    side = side_name_column(joined, columns, settings)
    if side is None:
        return joined
    return replace(joined, rows=[_moved(row, columns["name"], side) for row in joined.rows])

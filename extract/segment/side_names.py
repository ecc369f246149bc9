"""Criterion and sub-criterion names in two columns side by side ("STT | Tiêu chí | Tiêu chí thành
phần | Điểm tối đa | …"): a field's or criterion's name in the first, a sub-criterion's in the
second, the first left blank beside it or merged down from its criterion (a merged cell's
continuation reads blank), or printing the criterion's name again on each of its sub-criteria's
rows. The header names one of the two the name column; the rows whose name
stands in the other column read no name, and the table was not read at all.

So a row's name is taken from whichever of the two columns prints it. Only where the columns are
that: side by side, the other column mapped to no field, and never both printing a different name
in one row (two filled columns are two things, a name and its description, not one name in two
places; the criterion's name printed again beside each of its sub-criteria's is one name repeated,
not a description), with at least one row named in the other column alone or beside a repeat."""

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
        above = ("", "")  # each column's text on the last row that printed one
        for row in joined.rows:
            own, other = _text(row, name), _text(row, side)
            repeat = _repeat(own, other, above)
            if own and other and own != other and not repeat:
                break  # (a name beside its description: two columns, not one name in two places)
            if other and (not own or repeat):
                if not _LETTER.search(other):
                    break
                beside += 1
            above = (own or above[0], other or above[1])
        else:
            if beside >= settings.min_named_beside:
                return side
    return None


def _repeat(own: str, other: str, above: tuple[str, str]) -> str:
    """Which of a row's two names repeats the same column's text above it ("own", "other"), the
    coarser level's name printed again beside the finer one's; "" when neither does."""
    if own and other and own == above[0] and own != other:
        return "own"
    if own and other and other == above[1] and own != other:
        return "other"
    return ""


def _moved(row: JoinedRow, name: int, side: int, above: tuple[str, str]) -> JoinedRow:
    """The row with its name in the name column: the other column's where that one prints it (the
    finer level's: the name column blank, or repeating its criterion's name), else its own."""
    other = _text(row, side)
    if not other or _repeat(_text(row, name), other, above) == "other":
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
    rows, above, name = [], ("", ""), columns["name"]
    for row in joined.rows:
        rows.append(_moved(row, name, side, above))
        above = (_text(row, name) or above[0], _text(row, side) or above[1])
    return replace(joined, rows=rows)

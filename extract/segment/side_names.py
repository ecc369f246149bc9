"""Criterion and sub-criterion names in columns side by side, one column per level of the table
("STT | Lĩnh vực | Tiêu chí | Tiêu chí thành phần | Điểm tối đa | …"). The header names one of
them the name column; the rows whose name stands in another read no name, and the table was not
read at all. Two ways of printing such columns:

- a field's or criterion's name in the first, a sub-criterion's in the second, the first left
  blank beside it or merged down from its criterion (a merged cell's continuation reads blank);
- every row's whole path as a spreadsheet prints it: a criterion's row repeating its field's
  name in the first column beside its own in the second, a sub-criterion's repeating both, the
  repeated names bare or after their code ("1.1. Kế hoạch …").

Either way a row's own name is the one in its deepest filled column (the rightmost), and every
other name printed in the row is an ancestor's: the name an earlier row printed as its own in
that column. Only where the columns are that: side by side, the others mapped to no field, a
name holding a letter, and never a row printing two names that are not one name and its
ancestor's (two filled columns are then two things, a name and its description, not one name
in two places), with at least one row named outside the header's name column."""

from __future__ import annotations

from dataclasses import dataclass, replace

from extract.segment.grid_codes import split_code
from extract.segment.joined import JoinedRow, JoinedTable
from normalize.lazy_regex import lazy_compile
from normalize.text import fold

# A name holds a letter; a cell of figures or marks is another column's.
_LETTER = lazy_compile(r"\p{L}")


@dataclass(frozen=True)
class SideNameSettings:
    # Rows named outside the header's name column that make the columns one name's places (one is
    # enough: a single sub-criterion under its criterion is a layout too).
    min_named_beside: int = 1


def _text(row: JoinedRow, col: int) -> str:
    return row.cells[col].strip() if col < len(row.cells) else ""


def _bare(text: str) -> str:
    """A name as compared with its repeats: its code dropped ("1.1. Kế hoạch" is "Kế hoạch"),
    folded, its spaces made single (a cell wraps where another does not)."""
    return " ".join(fold(split_code(text)[1] or text).split())


def name_columns(joined: JoinedTable, columns: dict[str, int]) -> list[int]:
    """The header's name column with the free columns beside it, left to right: the columns a
    row's name may stand in (a mapped column is another field's; a merged continuation of the
    name's header cell is the name's own text, read with it)."""
    name = columns["name"]
    taken = set(columns.values())

    def free(col: int) -> bool:
        return 0 <= col < joined.n_cols and col not in taken and not (joined.owners and joined.owners[col] == name)

    left, right = name, name
    while free(left - 1):
        left -= 1
    while free(right + 1):
        right += 1
    return list(range(left, right + 1))


def _own_columns(joined: JoinedTable, group: list[int], name: int) -> list[int | None] | None:
    """Each row's own name column (None: a row with no name), or None when the columns are not one
    name's places: a row printing a name that is neither its own nor an ancestor's repeated, or a
    cell with no letter beside the name column."""
    last_own: dict[int, str] = {}  # the name each column last printed as a row's own
    owns: list[int | None] = []
    for row in joined.rows:
        filled = [c for c in group if _text(row, c)]
        if not filled:
            owns.append(None)
            continue
        own = filled[-1]
        own_name = _bare(_text(row, own))
        for col in filled:
            if col != name and not _LETTER.search(_text(row, col)):
                return None
            if col == own:
                continue
            printed = _bare(_text(row, col))
            if printed != own_name and printed != last_own.get(col):
                return None  # (a name beside its description: two columns, not one name in two places)
        last_own = {col: text for col, text in last_own.items() if col < own}
        last_own[own] = own_name
        owns.append(own)
    return owns


def _moved(row: JoinedRow, group: list[int], own: int | None, name: int) -> JoinedRow:
    """The row with its own name in the name column and the group's other cells blank."""
    if own is None:
        return row
    cells, lines = list(row.cells), list(row.lines)
    text, own_lines = cells[own], lines[own] if own < len(lines) else []
    for col in group:
        if col < len(cells):
            cells[col] = ""
        if col < len(lines):
            lines[col] = []
    cells[name] = text
    if name < len(lines):
        lines[name] = own_lines
    return replace(row, cells=cells, lines=lines)


def names_side_by_side(
    joined: JoinedTable, columns: dict[str, int], settings: SideNameSettings = SideNameSettings()
) -> JoinedTable:
    """The table with each row's own name in the name column, where names stand in columns side by
    side; any other table as it is."""
    if "name" not in columns:
        return joined
    name = columns["name"]
    for group in _groups(name_columns(joined, columns), name):
        owns = _own_columns(joined, group, name)
        if owns is not None and sum(own is not None and own != name for own in owns) >= settings.min_named_beside:
            return replace(
                joined, rows=[_moved(row, group, own, name) for row, own in zip(joined.rows, owns, strict=True)]
            )
    return joined


def _groups(free: list[int], name: int) -> list[list[int]]:
    """The column groups to try, widest first: all the free columns, those right of the name
    column, those left of it, then the one beside it on either side (a free column of another kind
    on one side leaves the names' columns on the other)."""
    at = free.index(name)
    candidates = [free, free[at:], free[: at + 1], free[at : at + 2], free[max(at - 1, 0) : at + 1]]
    return [g for i, g in enumerate(candidates) if len(g) >= 2 and g not in candidates[:i]]

"""Cells merged down over several rows of a grid (issue 16).

A plan's task table often prints a run's deadline and lead once, in a cell merged down over the
two or three tasks it holds, or a deadline over the whole section. Every format gives that cell
once, at its first row: a DOCX ``vMerge`` continuation, a PDF's one tall cell (the rows under it
have no cell of their own), a scan's grid with no rule between the rows in that column. The rows
under it read an empty cell; the merged cell's text is theirs too.

``merged_above`` records, per row, the text of a cell merged down onto it (the table model keeps
a merged cell once, ``Table.grid``); ``merged_down_values`` gives a task row those texts. A merged
cell a page break cut prints its text on the page before only: the rows of the new page read an
empty cell of their own (a PDF) or one merged over them with no text. Those take the value of the
task row above, and the guess is doubted (queued): it may be a blank the writer left. A blank
cell in a column the table fills everywhere else is doubted too (a merge lost, or left blank?),
never a silent "": in a grid, and in a task table read from an OCR dump's lines, where no rule
tells a merge and the row under one reads its words a column over (its task blank).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from extract.model import Cell
from extract.segment.task_doubt_settings import DOUBT
from schemas.records import TaskRow

# Fields a merged cell gives each row it covers. The keys (TT, criterion, task, activity) are not:
# a row under a merged key is a continuation or inherits its keys (``task_tables.task_rows``).
MERGEABLE_FIELDS = ("product", "deadline", "lead", "coordinator", "official", "budget")
# Fields whose blank in a column the table fills elsewhere is doubted: the mergeable ones, and the
# task (a dump keeps no rules: a merged cell missing from a row's line shifts its words a column
# over, and the task's column is the one left blank).
BLANK_DOUBTED_FIELDS = ("task", *MERGEABLE_FIELDS)
# A row's note that a field came from a cell merged down over it (what the grid says: no doubt).
MERGED_DOWN = "merged_down"


@dataclass(frozen=True)
class BlankCellSettings:
    # A column is one the table fills when at least this share of its task rows have a value...
    filled_share: float = 0.75
    # ...over at least this many rows (a short table's blank says little of its column).
    min_rows: int = 3


def merged_above(grid: Sequence[Sequence[Cell | None]], r: int) -> list[str | None]:
    """For each column of row ``r``, the text of the cell merged down onto it from a row above
    (its first column only: a cell merged across columns gives its text once), None where the
    row has a cell of its own there."""
    row = grid[r]
    return [cell.text if cell is not None and cell.row < r and cell.col == c else None for c, cell in enumerate(row)]


def _page_break_opening(field: str) -> str:
    return f"{DOUBT}{field} empty at the top of a page"


def page_break_doubt(field: str, value: str) -> str:
    carried_on = f"the cell merged over the rows above carried on (taken as {value!r})"
    return f"{_page_break_opening(field)}: {carried_on}, or left blank?"


def _guessed(row: TaskRow | None, field: str) -> bool:
    """Whether ``row``'s ``field`` is a page break's guess (``page_break_doubt``)."""
    return row is not None and any(f.startswith(_page_break_opening(field)) for f in row.flags)


def blank_doubt(field: str) -> str:
    return f"{DOUBT}{field} empty where the table's other tasks have one: a merged cell lost, or left blank?"


def merged_down_values(
    values: dict[str, str],
    above: Sequence[str | None],
    mapping: dict[str, int],
    previous: TaskRow | None,
    page_turned: bool,
) -> list[str]:
    """Fills ``values``' empty mergeable fields from the cells merged down over the row; returns
    the row's notes and doubts.

    The task row above holds the same merge (every row between the merge's first and this one
    is under it), and its value is the whole one where the merged cell's text is a piece: a cell
    a page break cut prints its first words on the page before, the rest (or nothing) over the
    row the join took for the cut row's rest (its text joined into the task row above). So the
    row above's value is taken when the merged text is part of it or empty; the merged text
    otherwise. Only an empty cell of its own at the top of a new page (a PDF draws a cut
    merge's rest as a cell of the first row) is a guess: the row above's value, doubted, and so
    is every row that takes the guess on down."""
    flags: list[str] = []
    for field in MERGEABLE_FIELDS:
        col = mapping.get(field)
        if col is None or values.get(field):
            continue
        merged = (above[col] if col < len(above) else None) or ""
        carried = getattr(previous, field, "") if previous is not None else ""
        if col < len(above) and above[col] is not None:
            value = carried if carried and merged.strip() in carried else merged.strip()
            if value:
                values[field] = value
                flags.append(
                    page_break_doubt(field, value) if value == carried and _guessed(previous, field) else MERGED_DOWN
                )
        elif carried and page_turned:
            values[field] = carried
            flags.append(page_break_doubt(field, carried))
    return list(dict.fromkeys(flags))


def doubt_blank_cells(rows: list[TaskRow], settings: BlankCellSettings = BlankCellSettings()) -> list[TaskRow]:
    """Rows whose mergeable field is empty in a column the table fills everywhere else get a doubt
    (queued): a merged cell the reader lost, or a blank the writer left, a person tells."""
    if len(rows) < settings.min_rows:
        return rows
    for field in BLANK_DOUBTED_FIELDS:
        filled = sum(bool(getattr(r, field)) for r in rows)
        if filled == len(rows) or filled < settings.filled_share * len(rows):
            continue
        for row in rows:
            if not getattr(row, field) and blank_doubt(field) not in row.flags:
                row.flags.append(blank_doubt(field))
    return rows

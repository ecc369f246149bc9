"""OCR's specks a task grid's cells carry that no other cell of their column explains: a bullet's
mark opening one cell of a column whose other cells open with their words ("- Thông báo" among
"Kế hoạch", "Báo cáo"; a list mark is a column's habit, printed before each item of every cell
that lists, so one mark alone before a single item is a speck where the cell's text starts).
A cell listing several items keeps its marks, and a column whose cells are marked keeps every
one (``task_tables`` takes a task's own bullet off as the table reads it)."""

from __future__ import annotations

from dataclasses import dataclass, replace

from normalize.text import after_bullet
from schemas.records import TaskRow, TaskTable


@dataclass(frozen=True)
class LoneMarkSettings:
    # The fields whose cells are weighed: a task's own bullet is taken off as its row is read.
    fields: tuple[str, ...] = ("product", "deadline", "lead", "coordinator")
    # Fewest other cells of the column, filled and opening with their words, for one mark to be
    # a speck: beside one or two cells a mark may be the table's habit that they did not follow.
    min_unmarked: int = 3


_SETTINGS = LoneMarkSettings()


def _single_item(text: str) -> str | None:
    """The words after a bullet opening ``text`` when no second bullet lists another item."""
    rest = after_bullet(text)
    return rest if rest is not None and after_bullet(rest) is None and " - " not in f" {rest}" else None


def lone_marks_dropped(table: TaskTable, settings: LoneMarkSettings = _SETTINGS) -> TaskTable:
    """The table with a lone list mark taken off the one cell of its column that opens with one
    (``LoneMarkSettings``); the table as it was where a column marks two cells or more."""
    rows: list[TaskRow] = list(table.rows)
    for f in settings.fields:
        cells = [getattr(r, f) or "" for r in rows]
        marked = [k for k, c in enumerate(cells) if after_bullet(c) is not None]
        unmarked = sum(1 for c in cells if c.strip() and after_bullet(c) is None)
        if len(marked) != 1 or unmarked < settings.min_unmarked:
            continue
        k = marked[0]
        rest = _single_item(cells[k])
        if rest:
            rows[k] = replace(rows[k])
            setattr(rows[k], f, rest)
    return replace(table, rows=rows)

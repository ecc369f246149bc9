"""Where a task starts in a task table with no code column and no bullet (issue 16, the plans work).

A plan's task table printed with no TT column marks a task's start by something other than a
number: a bullet before its words (``normalize.text.after_bullet``), or, with no bullet, the line
that fills the task's other columns (its lead, coordinator, deadline stand on the task's first
line; the task's words broken by hand go on under the task's column alone), or a bold first line
(the task's opening words in bold, the words after it in roman). The same marks hold for a table
typed at tab stops (DOCX, text), its PDF print (the columns only where the text stands) and a grid
typed line by line (one grid row per printed line): one rule for all of them, here.

A line that fills only some of the other columns (a lead unit too long for its column, broken by
hand, goes on under the lead beside the task's next words) is no new task: a task's first line
fills all of them but ``TaskStartSettings.unfilled`` at most."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class TaskStartSettings:
    # A codeless task's first line may leave this many of the columns after the task's blank (a
    # task with no coordinator, say); a line filling fewer is a task's or a unit's next line.
    unfilled: int = 1
    # And it fills this many at least (a table of the task's column alone has no such mark).
    min_filled: int = 1


def fills_task_columns(
    filled: Sequence[bool], text_col: int, settings: TaskStartSettings = TaskStartSettings()
) -> bool:
    """Whether a line (or a grid row) of a codeless task table whose columns are ``filled`` as given
    opens a task: words in the task's column, and the columns after it filled but
    ``settings.unfilled`` at most."""
    if text_col >= len(filled) or not filled[text_col]:
        return False
    others = [f for c, f in enumerate(filled) if c != text_col]
    n = sum(others)
    return n >= settings.min_filled and n >= len(others) - settings.unfilled


def opens_by_bold(bold: bool, before_bold: bool | None) -> bool:
    """Whether a codeless task's line opens a task by its bold alone: bold after a line in roman (a
    table all in bold tells nothing by it; ``before_bold`` None: no line before it in the table)."""
    return bold and before_bold is False


# The fields a codeless task's first line fills beside its words (a grid typed line by line).
BESIDE_TASK = ("product", "deadline", "lead", "coordinator")
# The columns that key a row (a number, a criterion): a table printing one is not codeless.
ROW_KEY_FIELDS = ("code", "criterion_code", "criterion", "objective")


def task_line_goes_on(values: dict[str, str], above: Sequence[str | None], mapping: dict[str, int]) -> bool:
    """Whether a grid row of a codeless task table (no code, no criterion column) is the task above's
    next printed line, the grid typed line by line: words in the task's column and nothing in the
    columns beside it, none of them a cell merged down over the row (a lead printed once for
    several tasks leaves their rows' own cells blank: each of those rows is a task)."""
    if any(f in mapping for f in ROW_KEY_FIELDS) or not (values.get("task") or values.get("activity")):
        return False
    beside = [mapping[f] for f in BESIDE_TASK if f in mapping]
    if not beside or any(values.get(f) for f in BESIDE_TASK):
        return False
    return all(col >= len(above) or above[col] is None for col in beside)


def opens_own_task(values: dict[str, str], above: dict[str, str], fields: Sequence[str]) -> bool:
    """Whether a numberless row opening a page is a task of its own, not the rest of the row above
    the page break cut: its task's words open on a capital letter, as a task does (a cut cell's
    rest goes on mid-sentence), and it fills every one of ``fields`` (the columns after the task:
    deadline, lead, …) the row above fills, at least one (a cut row's rest leaves blank the
    cells whose words fitted before the break). Seed 11162's P08 plan (typed PDF and its scan):
    "Sắp xếp, bố trí người hoạt động …" with its own deadline, lead and coordinator under a row
    filling the same three, both doubted as a row cut in two."""
    text = next((values[f].strip() for f in ("task", "activity") if (values.get(f) or "").strip()), "")
    if not text[:1].isupper():
        return False
    filled_above = [f for f in fields if (above.get(f) or "").strip()]
    return bool(filled_above) and all((values.get(f) or "").strip() for f in filled_above)

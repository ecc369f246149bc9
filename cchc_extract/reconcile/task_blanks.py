"""Task rows that print no deadline or no lead where the rest of their table prints one: the
cell was merged over several rows (printed once, in the first row of its run, and read into
that row alone) or lost. A plan's task has a deadline and a unit that leads it; a blank one
among filled ones is no value the document gives, so the row goes to review rather than out
with an empty field nobody is asked about.

Held-out layouts seed 2101 (N10, task grids whose deadline and lead cells span runs of rows,
typed and scanned): 82 and 12 such fields came out blank, every one wrong, none queued."""

from __future__ import annotations

from schemas.records import TaskRow, TaskTable

# The fields every task of a plan has, and the share of a table's rows that must print one before
# a row's blank is taken for a cell lost (a table that prints the field for a few rows only uses
# no such column). A cell merged over a run of three rows prints in a third of them: N10's runs
# of two and three rows printed the deadline in 3 of 7 rows, 5 of 13.
TASK_FIELDS = ("deadline", "lead")
PRINTED_SHARE = 0.3
PRINTED_MIN = 2

_SAID = {"deadline": "no deadline", "lead": "no lead unit"}


def blank_fields(table: TaskTable) -> dict[int, tuple[str, ...]]:
    """Row index → the fields of ``TASK_FIELDS`` the row leaves blank where the table's rows
    mostly print them."""
    rows = table.rows
    printed = {f: sum(1 for r in rows if getattr(r, f).strip()) for f in TASK_FIELDS}
    expected = [f for f, n in printed.items() if n >= PRINTED_MIN and n >= PRINTED_SHARE * len(rows)]
    out: dict[int, tuple[str, ...]] = {}
    for i, row in enumerate(rows):
        if not (row.task or row.activity).strip():
            continue  # no task read: nothing of a task's to miss (its own doubts queue it)
        # a merged cell prints in the first row of its run: some row above prints the field
        blank = tuple(f for f in expected if not getattr(row, f).strip() and _printed_above(rows, i, f))
        if blank:
            out[i] = blank
    return out


def _printed_above(rows: list[TaskRow], i: int, f: str) -> bool:
    return any(getattr(r, f).strip() for r in rows[:i])


def blank_reason(fields: tuple[str, ...]) -> str:
    said = " and ".join(_SAID[f] for f in fields)
    return f"{said} where the table's other rows print one: a cell merged over several rows, or lost"

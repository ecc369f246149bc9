"""A plan's task table with no TT column and no bullet (issue 16, the plans work): the tasks told
apart by nothing but a bold first line, or by the line whose lead, coordinator and deadline columns
are filled (the lines after it hold the rest of the task's words and nothing in the other columns).
Typed at tab stops (DOCX, and the PDF LibreOffice prints of it) or in a ruled grid typed line by
line (one grid row per printed line, as a typist fills a table with Enter). Made only when named
(make_corpus.NEW_LAYOUTS), ranked after P07, so the standing corpus stays as it was.

The variant goes by the instance: 1 at tab stops, each task's first line bold (its broken lines in
the same paragraph); 2 at tab stops, each printed line its own paragraph, only the first filled
beyond the task; 3 a grid typed line by line with the first line bold; 4 a grid typed line by line,
only the first line filled."""

from __future__ import annotations

import random
import textwrap
from dataclasses import replace

from corpusgen.common import Built, Instance
from corpusgen.document import Table
from corpusgen.grid import Cell, Grid, GridRow
from corpusgen.plan_families import _plan_meta, _year
from corpusgen.plan_layouts import CODELESS_COLUMNS, CODELESS_INDENT_CM, CODELESS_STOPS_CM, task_annex_plan
from corpusgen.plans import COORDINATORS, TASK_HEADERS, TaskRow, index_criteria, prose_targets, task_rows
from corpusgen.tab_rows import TabLine, TabRows, TabStop

TAB_LINE_CHARS = 40  # a task's words broken by hand before they reach the lead's column
GRID_LINE_CHARS = 44  # a task's words per grid row (the task's cell is about 9 cm wide at 10 pt)
GRID_WIDTHS_CM = {"task": 9.5, "lead": 4.2, "coordinator": 4.2, "deadline": 3.2, "product": 4.0}
VARIANTS = {1: "bold-tab-stops", 2: "filled-tab-stops", 3: "bold-grid-lines", 0: "filled-grid-lines"}


def printed_rows(rows: list[TaskRow]) -> list[TaskRow]:
    """The rows as a narrow coordinator column prints them: one coordinating unit each."""
    return [replace(r, coordinator=next(c for c in COORDINATORS if r.coordinator.startswith(c))) for r in rows]


def _section_title(r: TaskRow) -> str:
    return f"{r.section}. {r.section_title.upper()}"


def tab_rows_codeless(rng: random.Random, rows: list[TaskRow], bold_first: bool) -> TabRows:
    """At tab stops with no TT column and no bullet: a bold header, a bold "I. TITLE" line before each
    section. ``bold_first``: each task one paragraph whose first line alone is bold (its words broken
    by hand after it); else each printed line its own paragraph, the task's first alone filled in the
    lead, coordinator and deadline columns."""
    labels = [rng.choice(TASK_HEADERS[c]) for c in CODELESS_COLUMNS]
    lines = [TabLine("\t".join(labels), bold=True, leaders=False)]
    section = None
    for r in rows:
        if r.section != section:
            section = r.section
            lines.append(TabLine(_section_title(r), bold=True, leaders=False))
        first, *rest = textwrap.wrap(r.task, TAB_LINE_CHARS)
        opening = f"{first}\t{r.lead}\t{r.coordinator}\t{r.deadline}"
        if bold_first:
            lines.append(TabLine("\n".join([opening, *rest]), leaders=False, bold_first=True))
        else:
            lines += [TabLine(opening, leaders=False), *(TabLine(more, leaders=False) for more in rest)]
    stops = tuple(TabStop(CODELESS_STOPS_CM[c]) for c in CODELESS_COLUMNS[1:])
    return TabRows(stops, tuple(lines), indent_cm=0.0 if not bold_first else CODELESS_INDENT_CM, font_pt=11)


def grid_lines_codeless(rng: random.Random, rows: list[TaskRow], bold_first: bool) -> tuple[Grid, tuple[str, ...]]:
    """A ruled grid with no TT column typed line by line: each printed line of a task its own row, the
    first (bold when ``bold_first``) holding the task's lead, coordinator, deadline (and product)."""
    columns: tuple[str, ...] = ("task", "lead", "coordinator", "deadline")
    if rng.random() < 0.5:
        columns = ("task", "product", "lead", "coordinator", "deadline")
    out = [GridRow(tuple(Cell(rng.choice(TASK_HEADERS[c]), 1, None, True, "center") for c in columns), "header")]
    section = None
    for r in rows:
        if r.section != section:
            section = r.section
            out.append(GridRow((Cell(_section_title(r), len(columns), None, True),)))
        first, *rest = textwrap.wrap(r.task, GRID_LINE_CHARS)
        values = {"task": first, "product": r.product, "lead": r.lead, "coordinator": r.coordinator}
        values["deadline"] = r.deadline
        out.append(GridRow(tuple(Cell(values[c], 1, None, bold_first and c == "task") for c in columns)))
        out += [GridRow(tuple(Cell(more if c == "task" else "") for c in columns)) for more in rest]
    return Grid(tuple(GRID_WIDTHS_CM[c] for c in columns), tuple(out)), columns


def p08(inst: Instance) -> Built:
    """A yearly plan whose appendix prints codeless, bulletless tasks told apart by a bold first line
    or by the line whose other columns are filled (``VARIANTS``)."""
    rng = inst.rng("plan-codeless")
    year = _year(rng)
    meta = _plan_meta(inst, rng, year, (f"Cải cách hành chính năm {year}",))
    lines, targets = prose_targets(rng, [year], rng.randint(3, 5), multi=False)
    rows = printed_rows(task_rows(rng, year, index_criteria()))
    variant = VARIANTS[inst.index % 4]
    bold_first = variant.startswith("bold")
    block: Table | TabRows
    printed: tuple[str, ...] = CODELESS_COLUMNS
    if variant.endswith("tab-stops"):
        block = tab_rows_codeless(rng, rows, bold_first)
    else:
        grid, printed = grid_lines_codeless(rng, rows, bold_first)
        block = Table(grid, repeat_header=True, allow_break=True, font_pt=10)
    return task_annex_plan(meta, rng, year, (lines, targets), block, variant, (rows, printed))


PLAN_CODELESS_FAMILIES = {"P08_plan_codeless_tasks": p08}

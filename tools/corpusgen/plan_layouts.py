"""A plan's task table in the layouts no other family prints (issue 16, the plans work): the tasks
typed at tab stops with no table at all (DOCX, and the PDF LibreOffice prints of it, where the
columns are only where the text stands); a ruled table with no TT/STT column, the tasks told apart
only by the rows (or by a bullet opening each); and a ruled table whose header is wrapped by hand,
over two header rows ("Đơn vị" over "chủ trì"), inside a cell broken onto two lines, or under a
group label spanning "Chủ trì" and "Phối hợp". Made only when named (make_corpus.NEW_LAYOUTS), so
the standing corpus stays as it was.

The variant goes by the instance: 1 and 4 at tab stops (4 with its header typed over two lines),
2 at tab stops with no TT column (a bullet opens each task), 3 ruled with a header wrapped over two
rows, and each of 3 and 4 at odds with the grid with no TT column instead."""

from __future__ import annotations

import random
import textwrap
from dataclasses import replace

from corpusgen.common import Built, Instance, docx_pdf
from corpusgen.document import Table, Title
from corpusgen.grid import Cell, Grid, GridRow
from corpusgen.plan_families import _plan_meta, _year, plan_with_annex
from corpusgen.plans import COORDINATORS, TASK_HEADERS, TaskRow, index_criteria, prose_targets, task_grid, task_rows
from corpusgen.tab_rows import TabLine, TabRows, TabStop

# --- tasks at tab stops -----------------------------------------------------------------------------

# Where each column starts on a landscape page (cm from the margin): the task's column is the
# hanging indent, so a task broken by hand goes on under its own column.
TAB_COLUMNS = ("code", "task", "lead", "deadline")
TAB_STOPS_CM = {"task": 1.2, "lead": 12.0, "deadline": 19.0}
TASK_LINE_CHARS = 42  # a task's words broken by hand before they reach the lead's column
TAB_CODE_LABELS = ("TT", "STT")  # short enough for the code's column before the task's stop
# A header label typed over two lines (the typist's wrap), first line and second.
WRAPPED_LABELS = {
    "task": (("Nội dung", "nhiệm vụ"), ("Nội dung", "công việc"), ("Tên", "nhiệm vụ")),
    "lead": (("Đơn vị", "chủ trì"), ("Bộ phận", "chủ trì"), ("Đơn vị", "thực hiện")),
    "deadline": (("Thời gian", "hoàn thành"), ("Thời gian", "thực hiện"), ("Tiến độ", "thực hiện")),
    "coordinator": (("Đơn vị", "phối hợp"), ("Bộ phận", "phối hợp"), ("Cơ quan", "phối hợp")),
    "product": (("Kết quả,", "sản phẩm"), ("Sản phẩm", "đầu ra"), ("Hình thức", "sản phẩm")),
}


def _task_lines(r: TaskRow) -> str:
    """A task's row at tab stops: code, the task's first words, lead, deadline, then the rest of the
    task broken by hand (each piece starts at the hanging indent, under the task's column)."""
    first, *rest = textwrap.wrap(r.task, TASK_LINE_CHARS)
    return "\n".join([f"{r.code}\t{first}\t{r.lead}\t{r.deadline}", *rest])


def tab_task_rows(rng: random.Random, rows: list[TaskRow], wrapped: bool) -> TabRows:
    """The task table typed at tab stops: a bold header (on one line, or ``wrapped`` over two), a
    bold section line ("I⇥TITLE") before each section's tasks."""
    stops = tuple(TabStop(TAB_STOPS_CM[c]) for c in TAB_COLUMNS[1:])
    code_label = rng.choice(TAB_CODE_LABELS)
    if wrapped:
        pairs = [rng.choice(WRAPPED_LABELS[c]) for c in TAB_COLUMNS[1:]]
        header = (
            TabLine("\t".join([code_label, *(p[0] for p in pairs)]), bold=True, leaders=False),
            TabLine("\t".join(["", *(p[1] for p in pairs)]), bold=True, leaders=False),
        )
    else:
        labels = [rng.choice(TASK_HEADERS[c]) for c in TAB_COLUMNS[1:]]
        header = (TabLine("\t".join([code_label, *labels]), bold=True, leaders=False),)
    upper = rng.random() < 0.5
    lines: list[TabLine] = list(header)
    section = None
    for r in rows:
        if r.section != section:
            section = r.section
            title = r.section_title.upper() if upper else r.section_title
            lines.append(TabLine(f"{r.section}\t{title}", bold=True, leaders=False))
        lines.append(TabLine(_task_lines(r), leaders=False))
    return TabRows(stops, tuple(lines), indent_cm=TAB_STOPS_CM["task"], font_pt=12)


# The codeless table at tab stops: the task from the margin (a bullet opens each), its broken lines
# at the hanging indent after the bullet; one coordinating unit (the column is narrow).
CODELESS_COLUMNS = ("task", "lead", "coordinator", "deadline")
CODELESS_STOPS_CM = {"lead": 10.0, "coordinator": 16.0, "deadline": 20.5}
CODELESS_INDENT_CM = 0.5
CODELESS_LINE_CHARS = 40
BULLETS = ("- ", "+ ", "• ")


def codeless_tab_rows(rng: random.Random, rows: list[TaskRow]) -> tuple[TabRows, list[TaskRow]]:
    """The task table at tab stops with no TT column: a bullet opens each task, a bold line
    ("I. TITLE") each section. The rows as printed (one coordinator each) for the truth."""
    bullet = rng.choice(BULLETS)
    printed = [replace(r, coordinator=next(c for c in COORDINATORS if r.coordinator.startswith(c))) for r in rows]
    labels = [rng.choice(TASK_HEADERS[c]) for c in CODELESS_COLUMNS]
    lines = [TabLine("\t".join(labels), bold=True, leaders=False)]
    section = None
    for r in printed:
        if r.section != section:
            section = r.section
            lines.append(TabLine(f"{r.section}. {r.section_title}", bold=True, leaders=False))
        first, *rest = textwrap.wrap(r.task, CODELESS_LINE_CHARS)
        lines.append(TabLine("\n".join([f"{bullet}{first}\t{r.lead}\t{r.coordinator}\t{r.deadline}", *rest])))
    stops = tuple(TabStop(CODELESS_STOPS_CM[c]) for c in CODELESS_COLUMNS[1:])
    return TabRows(stops, tuple(lines), indent_cm=CODELESS_INDENT_CM, font_pt=11), printed


# --- ruled tables: no TT column, a header wrapped by hand ----------------------------------------


def _bulleted(rows: list[TaskRow], bullet: str) -> list[TaskRow]:
    return [replace(r, task=bullet + r.task) for r in rows]


def codeless_grid(rng: random.Random, rows: list[TaskRow]) -> tuple[Grid, tuple[str, ...]]:
    """The framework with no TT column: each section a merged "I. Title" row, each task a row whose
    task cell may open with a bullet (the only mark a task starts, besides the row's rule)."""
    columns = ("task", "lead", "coordinator", "deadline")
    if rng.random() < 0.5:
        columns = ("task", "product", "deadline", "lead", "coordinator")
    labels = {k: rng.choice(v) for k, v in TASK_HEADERS.items()}
    bullet = rng.choice(("", "- ", "+ "))
    return task_grid(_bulleted(rows, bullet), columns, labels, "merged"), columns


def _two_row_header(rng: random.Random, columns: tuple[str, ...]) -> tuple[GridRow, ...]:
    """Each label broken over two header rows, its first words above and the rest below."""
    code = rng.choice(TASK_HEADERS["code"])
    pairs = {c: rng.choice(WRAPPED_LABELS[c]) for c in columns if c != "code"}
    top = tuple(Cell(code if c == "code" else pairs[c][0], 1, None, True, "center") for c in columns)
    low = tuple(Cell("" if c == "code" else pairs[c][1], 1, None, True, "center") for c in columns)
    return GridRow(top, "header"), GridRow(low, "header")


def _broken_cell_header(rng: random.Random, columns: tuple[str, ...]) -> tuple[GridRow, ...]:
    """One header row whose labels are broken by hand inside their cells ("Đơn vị" ↵ "chủ trì")."""
    code = rng.choice(TASK_HEADERS["code"])
    cells = tuple(
        Cell(code if c == "code" else "\n".join(rng.choice(WRAPPED_LABELS[c])), 1, None, True, "center")
        for c in columns
    )
    return (GridRow(cells, "header"),)


GROUP_LABELS = ("Đơn vị thực hiện", "Phân công thực hiện", "Trách nhiệm thực hiện")


def _grouped_header(rng: random.Random, columns: tuple[str, ...]) -> tuple[GridRow, ...]:
    """A group label over "Chủ trì" and "Phối hợp"; the other labels merged down both rows."""
    labels = {k: rng.choice(v) for k, v in TASK_HEADERS.items()}
    top: list[Cell] = []
    low: list[Cell] = []
    for c in columns:
        if c == "lead":
            top.append(Cell(rng.choice(GROUP_LABELS), 2, None, True, "center"))
            low.append(Cell(rng.choice(("Chủ trì", "Đơn vị chủ trì")), 1, None, True, "center"))
        elif c == "coordinator":
            low.append(Cell(rng.choice(("Phối hợp", "Đơn vị phối hợp")), 1, None, True, "center"))
        else:
            top.append(Cell(labels[c], 1, "restart", True, "center"))
            low.append(Cell("", 1, "continue", True, "center"))
    return GridRow(tuple(top), "header"), GridRow(tuple(low), "header")


HEADER_WRAPS = {"two-rows": _two_row_header, "broken-cell": _broken_cell_header, "grouped": _grouped_header}


def wrapped_header_grid(rng: random.Random, rows: list[TaskRow]) -> tuple[Grid, str]:
    """The framework with a TT column whose header is wrapped by hand (one of ``HEADER_WRAPS``)."""
    columns = ("code", "task", "lead", "coordinator", "deadline", "product")
    wrap = rng.choice(tuple(HEADER_WRAPS))
    body = task_grid(rows, columns, {c: c for c in columns}, rng.choice(("code", "merged")))
    return Grid(body.widths_cm, HEADER_WRAPS[wrap](rng, columns) + body.rows[1:]), wrap


# --- the family ---------------------------------------------------------------------------------

VARIANTS = {1: "tab-stops", 2: "no-code-tab-stops", 3: "header-wrapped", 0: "tab-stops-wrapped"}


def _truth(rows: list[TaskRow], printed: tuple[str, ...]) -> list[dict]:
    """A task's truth holds only the columns the table prints (a column not printed is None)."""
    kept = {"section", *printed}
    return [{k: (v if k in kept else None) for k, v in r.truth().items()} for r in rows]


def p07(inst: Instance) -> Built:
    """A yearly plan whose appendix prints its tasks at tab stops, with no TT column, or under a
    header wrapped by hand (``VARIANTS``)."""
    rng = inst.rng("plan-layouts")
    year = _year(rng)
    meta = _plan_meta(inst, rng, year, (f"Cải cách hành chính năm {year}",))
    lines, targets = prose_targets(rng, [year], rng.randint(3, 5), multi=False)
    rows = task_rows(rng, year, index_criteria())
    variant = VARIANTS[inst.index % 4]
    if variant != VARIANTS[1] and variant != VARIANTS[2] and rng.random() < 0.4:
        variant = "no-code-column"
    block: Table | TabRows
    if variant == "no-code-tab-stops":
        block, rows = codeless_tab_rows(rng, rows)
        printed: tuple[str, ...] = CODELESS_COLUMNS
    elif variant.startswith("tab-stops"):
        block = tab_task_rows(rng, rows, wrapped=variant.endswith("wrapped"))
        printed = TAB_COLUMNS
    elif variant == "no-code-column":
        grid, printed = codeless_grid(rng, rows)
        block = Table(grid, repeat_header=True, allow_break=True, font_pt=10)
    else:
        grid, wrap = wrapped_header_grid(rng, rows)
        printed = ("code", "task", "lead", "coordinator", "deadline", "product")
        block = Table(grid, repeat_header=True, allow_break=True, font_pt=10)
        variant = f"{variant}-{wrap}"
    return task_annex_plan(meta, rng, year, (lines, targets), block, variant, (rows, printed))


def task_annex_plan(meta, rng: random.Random, year: int, aims: tuple, block, variant: str, tasks: tuple) -> Built:
    """The plan (its targets ``aims``: lines and truth) with its task table ``block`` in an appendix
    "NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM …"; the truth's tasks (``tasks``: rows and the columns printed)."""
    lines, targets = aims
    rows, printed = tasks
    annex = Title(
        "PHỤ LỤC",
        (f"NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM {year}",),
        f"(Kèm theo Kế hoạch số {meta.number} của UBND xã {meta.place.commune})",
    )
    doc = plan_with_annex(meta, rng, lines, annex, block)
    built = Built(docx_pdf(variant, doc), meta.truth(), commune=meta.place.commune)
    built.task_rows = _truth(rows, printed)
    built.targets = [t.truth() for t in targets]
    return built


PLAN_LAYOUT_FAMILIES = {"P07_plan_task_layouts": p07}

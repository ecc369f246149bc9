"""An eighteenth batch of held-out typed layouts (N74-N77): forms real commune documents print that
neither F01-F31 nor N01-N73 have. Made only when named (``make_corpus.NEW_LAYOUTS``), so no standing
figure moves; the held-out test of the round after N70-N73 were developed on.

- N74 a report whose statistics annex sets each result against the year's plan: "Kế hoạch năm |
  Thực hiện | Tỷ lệ % so với kế hoạch" (odd instances) or the result first, "Thực hiện | Kế hoạch |
  So sánh TH/KH (%)" (even): a ratio to a target, not to a whole;
- N75 a score table "TT | name | max | self" with no evidence column: each criterion's evidence
  ("Quyết định số 15/QĐ-UBND ngày 12/3/2025 …") a row of its own under it, one cell across the
  whole table after a label "Tài liệu kiểm chứng:" (odd instances), or across all but the code
  column, in brackets (even);
- N76 a yearly plan whose task table assigns the work in a matrix: one column per unit under a
  merged "Phân công thực hiện", "CT" in the lead's cell and "PH" in the coordinators' (odd
  instances) or the words "Chủ trì" / "Phối hợp" (even);
- N77 a yearly plan whose task table prices each task: "Kinh phí (triệu đồng) | Nguồn kinh phí"
  with sums and a total row, last (odd instances) or first, under the header (even).

The truth is the generator's rows as for every family (tools/CORPUS.md)."""

from __future__ import annotations

import random
from dataclasses import replace

from corpusgen.common import Built, Instance, docx_pdf, score_built, standard_blocks
from corpusgen.document import Document, Table
from corpusgen.grid import Cell, Grid, GridRow, ScoreLayout, as_printed, points, score_grid
from corpusgen.new_layouts import _labels
from corpusgen.new_layouts_i import BUDGET_WORDS, with_budget
from corpusgen.plan_families import plan_built, plan_with_tasks, yearly_plan_start
from corpusgen.plans import COORDINATORS, LEADS, TASK_HEADERS, TaskRow, index_criteria, task_grid, task_rows
from corpusgen.reports import StatRow, statistics
from corpusgen.scores import ScoreTable
from corpusgen.typed_annexes import ANNEX_LABELS, _annex_report, _built as annex_built
from corpusgen.typed_forms import _scored
from normalize.numbers import format_vn

# --- N74: each result set against the year's plan -----------------------------------------------------

# (plan, result, ratio) headers as annexes print them; "{year}" / "{period}" filled in.
PLAN_RATIO_HEADS = (
    ("Kế hoạch năm {year}", "Thực hiện {period}", "Tỷ lệ % so với kế hoạch"),
    ("Kế hoạch năm", "Thực hiện", "Tỷ lệ (%) so với KH"),
    ("Chỉ tiêu kế hoạch", "Kết quả thực hiện", "Tỷ lệ đạt so với kế hoạch (%)"),
)
RESULT_FIRST_HEADS = (
    ("Thực hiện {period}", "Kế hoạch năm {year}", "So sánh TH/KH (%)"),
    ("Kết quả thực hiện", "Kế hoạch", "Tỷ lệ TH/KH (%)"),
)


def planned(rng: random.Random, row: StatRow, whole: float | None) -> float | None:
    """The year's plan of a row: a target share for a ratio row; for a count a figure near its
    result (most often above it: a half year's result is below the year's plan); none for a heading
    and for a breakdown item of a count (``whole``: the value of the row it breaks down), whose plan
    the annex leaves to its count."""
    if row.value is None or whole is not None:
        return None
    if row.unit == "%":
        return float(rng.choice((100, 95, 90, 85)))
    value = int(row.value)
    return float(max(1, value + rng.randint(-max(1, value // 10), max(2, value // 2))))


def wholes(rows: list[StatRow]) -> list[float | None]:
    """For each row the value of the count it breaks down (its parent code's, or for an uncoded
    item the nearest coded row's above), None for a top row or a heading's child."""
    values = {r.code: r.value for r in rows if r.code is not None}
    out: list[float | None] = []
    above: float | None = None
    for r in rows:
        if r.code is None:
            out.append(above)
            continue
        parent = r.code.rpartition(".")[0]
        out.append(values.get(parent) if parent and r.unit != "%" else None)
        above = r.value
    return out


def against_plan(value: float | None, plan: float | None) -> str:
    """The result over the plan in per cent, as the annex prints it ("93,75"): blank with no plan."""
    if value is None or not plan:
        return ""
    return format_vn(round(100.0 * value / plan, 2))


def plan_ratio_grid(rows: list[StatRow], plans: list[float | None], heads: tuple[str, ...], result_first: bool) -> Grid:
    """STT | indicator | unit | plan | result | ratio | note (``result_first``: result | plan | ratio)."""
    out = [GridRow(tuple(Cell(h, 1, None, True, "center") for h in heads), "header")]
    for r, plan in zip(rows, plans):
        top = r.code is not None and "." not in r.code
        value = Cell("" if r.value is None else points(r.value), 1, None, top, "center")
        target = Cell("" if plan is None else points(plan), 1, None, False, "center")
        ratio = Cell(against_plan(r.value, plan), 1, None, False, "center")
        figures = (value, target) if result_first else (target, value)
        cells = (
            Cell(r.printed, 1, None, top, "center"),
            Cell(r.indicator, 1, None, top),
            Cell(r.unit, 1, None, False, "center"),
            *figures,
            ratio,
            Cell(r.note),
        )
        out.append(GridRow(cells))
    return Grid((1.1, 6.4, 1.7, 2.0, 2.0, 2.2, 1.6), tuple(out))


def annex_ratio_to_plan(inst: Instance) -> Built:
    """A report whose annex "STT | Nội dung | ĐVT | Kế hoạch năm | Thực hiện | Tỷ lệ % so với kế
    hoạch | Ghi chú" sets every result against the year's plan (odd instances), or prints the result
    first, "Thực hiện | Kế hoạch | So sánh TH/KH (%)" (even): a count's plan near its result (a
    breakdown item's blank: its count's plan stands for it), a ratio row's plan its target share,
    the last column the result over the plan in per cent (over 100 where the plan was passed).
    Breakdown items lettered (instances 1, 2) or numbered (3, 4). Truth: ``value`` the result (as
    F22's); the plan and the ratio to it are nothing; ``ratio`` faults as F12's (a ratio row's
    share of its whole)."""
    rng = inst.rng()
    rows, faults = statistics(rng, rng.randint(3, 5), letters=inst.index % 4 in (1, 2), fault=inst.faulty)
    plans = [planned(rng, r, w) for r, w in zip(rows, wholes(rows))]
    result_first = inst.index % 2 == 0
    words = rng.choice(RESULT_FIRST_HEADS if result_first else PLAN_RATIO_HEADS)
    head = rng.choice(ANNEX_LABELS)

    def grid_of(year: int, period: str) -> Grid:
        filled = tuple(w.format(year=year, period=period) for w in words)
        return plan_ratio_grid(rows, plans, (*head, *filled, "Ghi chú"), result_first)

    doc, title = _annex_report(inst, rng, grid_of)
    return annex_built(doc, title, rows, faults, "ratio-to-plan-" + ("result-first" if result_first else "plan-first"))


# --- N75: each criterion's evidence a row of its own under it -------------------------------------------

EVIDENCE_LABELS = ("Tài liệu kiểm chứng:", "Giải trình, tài liệu kiểm chứng:", "Căn cứ, tài liệu kiểm chứng:")


def evidence_rows_grid(grid: Grid, table: ScoreTable, across: bool, label: str) -> Grid:
    """The grid "code | name | max | self" with a row under each row that has an explanation: one
    cell across the table, "<label> <explanation>" (``across``), or a blank code cell and one cell
    across the rest, "(<explanation>)"."""
    rows = iter(table.rows)
    n = len(grid.widths_cm)
    out: list[GridRow] = []
    for g in grid.rows:
        out.append(g)
        if g.kind != "data":
            continue
        row = next(rows)
        if not row.explanation:
            continue
        if across:
            out.append(GridRow((Cell(f"{label} {row.explanation}", n),)))
        else:
            out.append(GridRow((Cell(""), Cell(f"({row.explanation})", n - 1))))
    return Grid(grid.widths_cm, tuple(out))


def evidence_rows(inst: Instance) -> Built:
    """A score table "TT | name | max | self" with no evidence column: under each criterion that has
    evidence, a row of its own, one cell across the whole table, "Tài liệu kiểm chứng: Quyết định số
    15/QĐ-UBND ngày 12/3/2025 …" (odd instances), or a blank code cell and one cell across the
    rest, "(Quyết định số …)" (even); a total row last or none. Truth: the rows as F01's, the
    evidence the row's ``explanation`` (without the label or the brackets); faults as F01's."""
    rng, year, meta, title, table = _scored(inst, (0.8, 1.0))
    across = inst.index % 2 == 1
    labels = _labels(rng)
    layout = ScoreLayout(
        ("code", "name", "max", "self"),
        labels,
        total=rng.choice(("last", "last", None)),
        total_label=rng.choice(("Tổng cộng", "Tổng số điểm", "TỔNG ĐIỂM")),
        widths_cm={"name": 9.6},
    )
    table = as_printed(table, layout)
    grid = evidence_rows_grid(score_grid(table, layout), table, across, rng.choice(EVIDENCE_LABELS))
    doc = Document(meta, standard_blocks(meta, title, Table(grid), rng, year))
    return score_built(meta, docx_pdf("evidence-rows-" + ("labelled" if across else "bracketed"), doc), table)


# --- N76: the work assigned in a matrix of units ---------------------------------------------------------

MATRIX_GROUPS = ("Phân công thực hiện", "Đơn vị thực hiện", "Trách nhiệm thực hiện")
MATRIX_MARKS = (("CT", "PH"), ("Chủ trì", "Phối hợp"))


def matrix_units(rng: random.Random) -> tuple[list[str], list[str]]:
    """The units the matrix has a column for: four that lead (and may coordinate), then two that
    only coordinate."""
    return rng.sample(LEADS, 4), rng.sample(COORDINATORS, 2)


def assigned(
    rng: random.Random, rows: list[TaskRow], leads: list[str], others: list[str]
) -> tuple[list[TaskRow], list[set[str]]]:
    """Each task's lead one of ``leads`` and its coordinators one or two of the other columns,
    named in the columns' order (as the matrix reads, left to right); and each task's set of
    coordinators (a unit's name may hold a comma: "Các thôn, tổ dân phố")."""
    units = leads + others
    out, sets = [], []
    for r in rows:
        lead = rng.choice(leads)
        helpers = set(rng.sample([u for u in units if u != lead], rng.randint(1, 2)))
        out.append(replace(r, lead=lead, coordinator=", ".join(u for u in units if u in helpers)))
        sets.append(helpers)
    return out, sets


def matrix_grid(
    base: Grid, rows: list[TaskRow], helpers: list[set[str]], units: list[str], group: str, marks: tuple[str, str]
) -> Grid:
    """The task grid "TT | task | product | deadline" widened by one column per unit under a merged
    ``group`` (a two-row header, the first four heads merged down): the lead's cell ``marks[0]``,
    each coordinator's ``marks[1]``, the others blank; a section row spans the units too."""
    n = len(units)
    head = base.rows[0].cells
    top = tuple(replace(c, vmerge="restart") for c in head) + (Cell(group, n, None, True, "center"),)
    bottom = tuple(Cell("", 1, "continue", True, "center") for _ in head) + tuple(
        Cell(u, 1, None, True, "center") for u in units
    )
    out = [GridRow(top, "header"), GridRow(bottom, "header")]
    tasks = iter(zip(rows, helpers))
    for g in base.rows[1:]:
        if len(g.cells) < len(head):  # a section row: its last cell spans the units as well
            out.append(replace(g, cells=g.cells[:-1] + (replace(g.cells[-1], span=g.cells[-1].span + n),)))
            continue
        r, theirs = next(tasks)
        cells = tuple(
            Cell(marks[0] if u == r.lead else marks[1] if u in theirs else "", 1, None, False, "center") for u in units
        )
        out.append(replace(g, cells=g.cells + cells))
    widths = (*base.widths_cm, *((1.9,) * n))
    scale = min(1.0, 25.0 / sum(widths))  # the grid still fits the landscape page
    return Grid(tuple(round(w * scale, 2) for w in widths), tuple(out))


def plan_unit_matrix(inst: Instance) -> Built:
    """A yearly plan (P01's frame) whose appendix task table has no lead or coordinator column but a
    matrix: "TT | task | product | deadline" then one column per unit (four that lead, two that only
    coordinate: "Văn phòng - Thống kê", "Các đoàn thể") under a merged "Phân công thực hiện" /
    "Đơn vị thực hiện", a two-row header; the lead's cell "CT", the coordinators' "PH" (odd
    instances), or "Chủ trì" / "Phối hợp" (even). Truth: the tasks as P01's, ``lead`` the unit marked
    to lead, ``coordinator`` the units marked to coordinate, in the columns' order, ", " between."""
    rng, year, meta, lines, targets = yearly_plan_start(inst)
    leads, others = matrix_units(rng)
    rows, helpers = assigned(rng, task_rows(rng, year, index_criteria()), leads, others)
    odd = inst.index % 2 == 1
    columns = ("code", "task", "product", "deadline")
    labels = {k: rng.choice(v) for k, v in TASK_HEADERS.items()}
    base = task_grid(rows, columns, labels, rng.choice(("code", "merged")), width_cm=13.6)
    grid = matrix_grid(base, rows, helpers, leads + others, rng.choice(MATRIX_GROUPS), MATRIX_MARKS[0 if odd else 1])
    doc = plan_with_tasks(meta, rng, lines, year, grid)
    return plan_built(docx_pdf("unit-matrix-" + ("letters" if odd else "words"), doc), meta, rows, targets)


# --- N77: each task priced, with a total row ------------------------------------------------------------

COST_HEADS = ("Kinh phí (triệu đồng)", "Dự kiến kinh phí (triệu đồng)", "Kinh phí thực hiện (triệu đồng)")
SOURCE_HEADS = ("Nguồn kinh phí", "Nguồn vốn")
COST_TOTALS = ("Tổng cộng", "Tổng kinh phí", "Cộng")


def costed(rng: random.Random) -> tuple[float | None, str]:
    """A task's cost in millions and its source: most tasks a sum ("15", "7,5") from the commune's
    budget; some none ("-"), done within the office's own budget."""
    if rng.random() < 0.25:
        return None, rng.choice(("Lồng ghép", "Không phát sinh", "Trong dự toán được giao"))
    return rng.choice((2, 3, 5, 7.5, 10, 12, 15, 20, 25, 30)), rng.choice(BUDGET_WORDS[:1] + ("Ngân sách xã",))


def with_total_row(grid: Grid, at: int, label: str, total: float, first: bool) -> Grid:
    """The task grid with a total row: ``label`` across the columns before the cost column ``at``,
    the total in it, the rest blank; after the header (``first``) or last."""
    n = len(grid.widths_cm)
    cells = (
        Cell(label, at, None, True, "center"),
        Cell(format_vn(total), 1, None, True, "center"),
        *(Cell("", 1, None, True) for _ in range(n - at - 1)),
    )
    row = GridRow(cells, "total")
    rows = list(grid.rows)
    rows.insert(1 if first else len(rows), row)
    return Grid(grid.widths_cm, tuple(rows))


def plan_budget_total(inst: Instance) -> Built:
    """A yearly plan (P01's frame) whose appendix task table prices each task in two columns after
    the product, "Kinh phí (triệu đồng) | Nguồn kinh phí" (sums "15", "7,5" or "-", a source "Ngân
    sách xã" / "Lồng ghép"), and adds them in a total row, "Tổng cộng" across the columns before
    the cost and the sum under it: the last row (odd instances) or the first, under the header
    (even). Truth: the tasks as P01's; the costs, sources and total are nothing."""
    rng, year, meta, lines, targets = yearly_plan_start(inst)
    rows = task_rows(rng, year, index_criteria())
    odd = inst.index % 2 == 1
    columns = ("code", "task", "product", "deadline", "lead", "coordinator")
    labels = {k: rng.choice(v) for k, v in TASK_HEADERS.items()}
    grid = task_grid(rows, columns, labels, rng.choice(("code", "merged")))
    costs = [costed(rng) for _ in rows]
    at = columns.index("product") + 1
    grid = with_budget(grid, at, rng.choice(SOURCE_HEADS), [s for _, s in costs])
    grid = with_budget(grid, at, rng.choice(COST_HEADS), ["-" if c is None else format_vn(c) for c, _ in costs])
    total = sum(c for c, _ in costs if c is not None)
    grid = with_total_row(grid, at, rng.choice(COST_TOTALS), total, first=not odd)
    doc = plan_with_tasks(meta, rng, lines, year, grid)
    return plan_built(docx_pdf("budget-total-" + ("last" if odd else "first"), doc), meta, rows, targets)


NEW_LAYOUT_FAMILIES_R = {
    "N74_annex_ratio_to_plan": annex_ratio_to_plan,
    "N75_evidence_rows": evidence_rows,
    "N76_plan_unit_matrix": plan_unit_matrix,
    "N77_plan_budget_total": plan_budget_total,
}

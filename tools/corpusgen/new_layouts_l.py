"""A twelfth batch of held-out typed layouts (N50-N53): forms real commune documents print that
neither F01-F31 nor N01-N49 have. Made only when named (``make_corpus.NEW_LAYOUTS``), so no standing
figure moves; the held-out test of the round after N46-N49 were developed on.

- N50 a report whose annex is N18's turned over: a row per hamlet and the commune's total row, a
  column per indicator (its code and words in the header, its unit in a row under it);
- N51 a score table with a column of the documents each leaf is scored on between the name and the
  points: "Kế hoạch số 12/KH-UBND ngày 15/01/2024" (odd instances) or the bare number and date on two
  lines, "12/KH-UBND" / "15/01/2024" (even): figures that are not points;
- N52 a score table numbered "A." (a part heading), "I.", "1.", "a)", the maximum and the self points
  in one cell: "3 (2,5)" under "Điểm tối đa (điểm tự chấm)" (odd) or "2,5 (3)" self first (even);
- N53 a yearly plan whose task table gives each task's deadline by quarters and its budget in one
  cell: "Quý II - III" over "Kinh phí: 15 triệu đồng" (odd) or "Quý I/2025 (15)" under "(triệu đồng)"
  in the header (even).

The truth is the generator's rows as for every family (tools/CORPUS.md)."""

from __future__ import annotations

import random
from dataclasses import replace

from corpusgen.common import Built, Instance, docx_pdf, score_built, standard_blocks
from corpusgen.document import Document, Table
from corpusgen.grid import Cell, Grid, GridRow, as_printed, points, printed_code, score_grid
from corpusgen.new_layouts_b import roman_fields
from corpusgen.new_layouts_c import by_period, with_true_counts
from corpusgen.new_layouts_d import HAMLETS, TOTAL_COLUMN, hamlet_figures
from corpusgen.new_layouts_h import quarter_deadline
from corpusgen.new_layouts_i import budget_cell
from corpusgen.people import random_date, short_date
from corpusgen.plan_families import plan_built, plan_with_tasks, yearly_plan_start
from corpusgen.plans import TASK_HEADERS, index_criteria, task_grid, task_rows
from corpusgen.reports import StatRow
from corpusgen.scores import ScoreTable
from corpusgen.typed_annexes import _annex_report, _built as annex_built
from corpusgen.typed_forms import _layout, _scored

# --- N50: an annex with a row per hamlet and a column per indicator -----------------------------------

UNIT_HEADS = ("Thôn, tổ dân phố", "Đơn vị", "Tên thôn, tổ dân phố")
UNIT_ROW_LABELS = ("ĐVT", "Đơn vị tính", "")
# One or two groups of indicators (with the two single ones: three or four tops): a column each for
# them and their items, 7-12 columns, fits a landscape page at 8 pt.
ACROSS_GROUPS = (1, 2)
ACROSS_WIDTH_CM = 25.0


def indicator_head(row: StatRow) -> str:
    """An indicator's column head: "1.1. Giải quyết đúng hạn", a lettered item "a) …"."""
    mark = row.printed if row.printed.endswith(")") else row.printed + "."
    return f"{mark} {row.indicator}"


def units_across_grid(
    rows: list[StatRow],
    figures: dict[str, list[str]],
    names: tuple[str, ...],
    labels: tuple[str, str, str],
    total_first: bool,
) -> Grid:
    """STT | the unit's name | a column per indicator; a second header row the indicators' units;
    a row per hamlet (its figures), the commune's total row (the truth's values) first or last."""
    total_label, unit_head, unit_row = labels
    # the units' row names itself under the unit's head ("ĐVT"), or the head is merged down over it
    top = [
        Cell("STT", 1, "restart", True, "center"),
        Cell(unit_head, 1, None if unit_row else "restart", True, "center"),
    ]
    top += [Cell(indicator_head(r), 1, None, True, "center") for r in rows]
    under = [
        Cell("", 1, "continue", True, "center"),
        Cell(unit_row, 1, None if unit_row else "continue", True, "center"),
    ]
    under += [Cell(f"({r.unit})" if r.unit else "", 1, None, False, "center") for r in rows]
    whole = [Cell("", 1, None, True, "center"), Cell(total_label, 1, None, True, "center")]
    whole += [Cell("" if r.value is None else points(r.value), 1, None, True, "center") for r in rows]
    body = []
    for k, name in enumerate(names):
        cells = [Cell(str(k + 1), 1, None, False, "center"), Cell(name, 1, None)]
        cells += [Cell(figures.get(r.code or "", [""] * len(names))[k], 1, None, False, "center") for r in rows]
        body.append(GridRow(tuple(cells)))
    total = GridRow(tuple(whole), "total")
    out = [GridRow(tuple(top), "header"), GridRow(tuple(under), "header")]
    out += [total, *body] if total_first else [*body, total]
    width = round((ACROSS_WIDTH_CM - 1.0 - 2.6) / len(rows), 2)
    return Grid((1.0, 2.6) + (width,) * len(rows), tuple(out))


def annex_units_across(inst: Instance) -> Built:
    """A report whose annex, landscape at 8 pt, gives a row per hamlet ("Thôn 1", "TDP 1", "Ấp 1";
    4-6 of them) and a column per indicator, headed "1. Tổng số hồ sơ …", "1.1. …" with its unit
    "(hồ sơ)" in a header row under it; the commune's row "Toàn xã" / "Tổng số" / "Tổng cộng" last
    (odd instances) or first, above the hamlets (even). A flow's hamlets sum to the commune's; a
    stock's hamlet cells are blank; a share prints each hamlet's own. Truth ``value``: the
    commune's row."""
    rng = inst.rng()
    rows, faults, true_rows = with_true_counts(inst, rng, ACROSS_GROUPS)
    total_first = inst.index % 2 == 0
    n = 4 + inst.index % 3
    names = tuple(HAMLETS[(inst.index - 1) % len(HAMLETS)].format(n=k) for k in range(1, n + 1))

    def grid_of(year: int, period: str) -> Grid:
        periods = by_period(true_rows, random.Random(f"{inst.name}/{inst.seed}/units"), n)
        labels = (rng.choice(TOTAL_COLUMN), rng.choice(UNIT_HEADS), rng.choice(UNIT_ROW_LABELS))
        return units_across_grid(rows, hamlet_figures(rows, periods, n), names, labels, total_first)

    doc, title = _annex_report(inst, rng, grid_of, lambda grid: Table(grid, font_pt=8))
    variant = "units-across-" + ("total-first" if total_first else "total-last")
    return annex_built(replace(doc, landscape=True), title, rows, faults, variant)


# --- N51: the documents a leaf is scored on, between its name and its points --------------------------

REFERENCE_HEADS = (
    "Văn bản, tài liệu kiểm chứng",
    "Số, ký hiệu, ngày ban hành văn bản",
    "Tài liệu kiểm chứng (số, ngày văn bản)",
)
CITED = (("KH", "Kế hoạch"), ("BC", "Báo cáo"), ("QĐ", "Quyết định"), ("TB", "Thông báo"))


def reference(rng: random.Random, year: int, bare: bool) -> str:
    """One document a leaf is scored on: "Kế hoạch số 12/KH-UBND ngày 15/01/2024", or bare, the
    number over the date ("12/KH-UBND" / "15/01/2024")."""
    code, word = rng.choice(CITED)
    number = f"{rng.randint(1, 320)}/{code}-UBND"
    date = short_date(random_date(rng, year, (1, 12)), rng)
    return f"{number}\n{date}" if bare else f"{word} số {number} ngày {date}"


def with_references(table: ScoreTable, rng: random.Random, year: int, bare: bool) -> ScoreTable:
    """The table whose leaves each cite one document (or two, "; " between; some none) as their
    explanation; a row made of others cites nothing."""
    parents = {r.parent for r in table.rows}
    out = []
    for r in table.rows:
        if r.code in parents or rng.random() < 0.12:
            out.append(replace(r, explanation=None, evidence=()))
            continue
        cited = [reference(rng, year, bare) for _ in range(1 if rng.random() < 0.75 else 2)]
        out.append(replace(r, explanation=("\n" if bare else "; ").join(cited), evidence=()))
    return replace(table, rows=tuple(out))


def reference_column(inst: Instance) -> Built:
    """A score table "STT | name | Văn bản, tài liệu kiểm chứng | max | self", the documents each
    leaf is scored on between its name and its points: a full citation "Kế hoạch số 12/KH-UBND
    ngày 15/01/2024" (odd instances), or the bare number over the date, "12/KH-UBND" / "15/01/2024"
    (even); a leaf citing two documents prints both. Truth: the rows as F01's, a leaf's
    ``explanation`` the cell's text (its lines joined by a space)."""
    rng, year, meta, title, table = _scored(inst, (0.7, 0.9))
    bare = inst.index % 2 == 0
    layout = _layout(rng, ("code", "name", "explanation", "max", "self"), widths_cm={"name": 6.6, "explanation": 4.4})
    layout = replace(layout, labels={**layout.labels, "explanation": rng.choice(REFERENCE_HEADS)})
    table = with_references(as_printed(table, layout), rng, year, bare)
    grid = score_grid(table, layout)
    truth = replace(table, rows=tuple(replace(r, explanation=_one_line(r.explanation)) for r in table.rows))
    doc = Document(meta, standard_blocks(meta, title, Table(grid, font_pt=11), rng, year))
    return score_built(meta, docx_pdf("references-" + ("bare" if bare else "cited"), doc), truth)


def _one_line(text: str | None) -> str | None:
    return None if text is None else " ".join(text.split("\n"))


# --- N52: "A." "I." "1." "a)" and the maximum and self points in one cell -----------------------------

PART_HEADINGS = ("A. CÁC TIÊU CHÍ ĐÁNH GIÁ", "A. TIÊU CHÍ TỰ ĐÁNH GIÁ, CHẤM ĐIỂM", "A. NỘI DUNG ĐÁNH GIÁ")
MAX_FIRST_HEADS = ("Điểm tối đa (điểm tự chấm)", "Điểm chuẩn (điểm tự đánh giá)")
SELF_FIRST_HEADS = ("Điểm tự chấm (điểm tối đa)", "Điểm đạt được (thang điểm)")


def bracketed(max_points: float | None, self_points: float | None, max_first: bool) -> str:
    """The two figures in one cell, the second in brackets: "3 (2,5)" maximum first, "2,5 (3)" self
    first; an unscored leaf a dash in its place ("3 (-)", "- (3)")."""
    scored = points(self_points) or "-"
    return f"{points(max_points)} ({scored})" if max_first else f"{scored} ({points(max_points)})"


def with_bracketed(grid: Grid, table: ScoreTable, label: str, heading: str, max_first: bool) -> Grid:
    """The grid "code | name | max | self | evidence" with max and self in one bracketed cell under
    ``label``, the codes as printed "I.", "1.", "a)", and a part row ``heading`` over the body."""
    body = iter(table.rows)
    out = []
    for g in grid.rows:
        code, name, _, _, note = g.cells
        if g.kind == "header":
            both = replace(g.cells[2], text=label)
        elif g.kind == "data":
            row = next(body)
            both = Cell(bracketed(row.max_points, row.self_points, max_first), 1, None, g.cells[2].bold, "center")
            code = replace(code, text=printed_code(row.code, "dot"))
        else:
            both = Cell(bracketed(table.total_max, table.total_self, max_first), 1, None, True, "center")
        out.append(replace(g, cells=(code, name, both, note)))
        if g.kind == "header":
            out.append(GridRow((Cell(heading, 4, None, True),)))
    widths = grid.widths_cm[:2] + (2.6,) + grid.widths_cm[4:]
    return Grid(widths, tuple(out))


def points_bracketed(inst: Instance) -> Built:
    """A score table numbered as many provinces' forms are: a part heading "A. CÁC TIÊU CHÍ ĐÁNH
    GIÁ" spanning the table (no points: the part is the whole table), the fields "I.", "II.", their
    criteria "1.", "2.", the sub-criteria "a)", "b)"; the maximum and the self points in one cell,
    "3 (2,5)" under "Điểm tối đa (điểm tự chấm)" (odd instances), or self first "2,5 (3)" under
    "Điểm tự chấm (điểm tối đa)" (even); the total likewise. Truth: the rows as N07's roman
    instances (codes "I", "1", "1.a", "II.1"); the part heading is no row."""
    rng, year, meta, title, table = _scored(inst, (0.7, 0.9), transform=roman_fields)
    max_first = inst.index % 2 == 1
    layout = _layout(rng, ("code", "name", "max", "self", "explanation"), widths_cm={"name": 7.4, "explanation": 3.8})
    table = as_printed(table, layout)
    table = replace(table, rows=tuple(replace(r, evidence=()) for r in table.rows))
    label = rng.choice(MAX_FIRST_HEADS if max_first else SELF_FIRST_HEADS)
    grid = with_bracketed(score_grid(table, layout), table, label, rng.choice(PART_HEADINGS), max_first)
    doc = Document(meta, standard_blocks(meta, title, Table(grid), rng, year))
    return score_built(meta, docx_pdf("bracketed-" + ("max-first" if max_first else "self-first"), doc), table)


# --- N53: a task's quarter and budget in one cell -----------------------------------------------------

WHEN_BUDGET_HEADS = ("Thời gian, kinh phí thực hiện", "Thời gian hoàn thành - Kinh phí")
WHEN_BUDGET_BRACKET_HEADS = ("Thời gian (kinh phí, triệu đồng)", "Tiến độ (kinh phí: triệu đồng)")


def when_and_budget(deadline: str, budget: str, bracket: bool) -> str:
    """One cell: the deadline over "Kinh phí: 15 triệu đồng" ("Kinh phí: Lồng ghép" for a source), or
    the budget in brackets after it, "Quý II - III (15)"."""
    if bracket:
        return f"{deadline} ({budget})"
    figure = budget[0].isdigit()
    return f"{deadline}\nKinh phí: {budget}" + (" triệu đồng" if figure else "")


def plan_quarter_budget(inst: Instance) -> Built:
    """A yearly plan whose appendix task table "TT | task | product | when and budget | lead |
    coordinator" gives each task's deadline by quarters (N37's: "Quý II - III", "Quý I/2025",
    "Hằng quý") and its budget in one cell: the deadline over "Kinh phí: 15 triệu đồng" or "Kinh phí:
    Ngân sách xã" (odd instances), or the budget in brackets after it, "Quý I/2025 (15)", the unit in
    the header "(kinh phí, triệu đồng)" (even). Truth: the tasks as P01's, a task's ``deadline`` as
    N37 prints it; the budget is nothing."""
    rng, year, meta, lines, targets = yearly_plan_start(inst)
    rows = [replace(r, deadline=quarter_deadline(rng, year)) for r in task_rows(rng, year, index_criteria())]
    bracket = inst.index % 2 == 0
    columns = ("code", "task", "product", "deadline", "lead", "coordinator")
    labels = {k: rng.choice(v) for k, v in TASK_HEADERS.items()}
    labels["deadline"] = rng.choice(WHEN_BUDGET_BRACKET_HEADS if bracket else WHEN_BUDGET_HEADS)
    printed = [replace(r, deadline=when_and_budget(r.deadline, budget_cell(rng, True), bracket)) for r in rows]
    grid = task_grid(printed, columns, labels, rng.choice(("code", "merged")))
    doc = plan_with_tasks(meta, rng, lines, year, grid)
    return plan_built(docx_pdf("quarter-budget-" + ("bracketed" if bracket else "lines"), doc), meta, rows, targets)


NEW_LAYOUT_FAMILIES_L = {
    "N50_annex_units_across": annex_units_across,
    "N51_reference_column": reference_column,
    "N52_points_bracketed": points_bracketed,
    "N53_plan_quarter_budget": plan_quarter_budget,
}

"""A tenth batch of held-out typed layouts (N42-N45): forms real commune documents print that
neither F01-F31 nor N01-N41 have. Made only when named (``make_corpus.NEW_LAYOUTS``), so no standing
figure moves; the held-out test of the round after N38-N41 were developed on.

- N42 a six-month report whose annex gives each indicator's figure month by month, "T1 … T6" or
  "Tháng 1 … Tháng 6", with the six months' figure last ("Cộng 6 tháng") or first;
- N43 a yearly plan whose targets sit in a table beside last year's result: "Kết quả năm 2024 |
  Chỉ tiêu năm 2025" (odd instances), or the target alone with last year's told in a note column;
- N44 a self-assessment whose self points are a verdict with the points in brackets, "Đạt (2)",
  "Không đạt (0)", "Đạt một phần (1,5)" (odd) or "Đạt: 2 điểm" (even), on the leaves;
- N45 a score table printed landscape with the names in two columns side by side, "Tiêu chí |
  Tiêu chí thành phần": a field across both, a criterion in the first (merged down over its
  sub-criteria in odd instances), a sub-criterion in the second.

The truth is the generator's rows as for every family (tools/CORPUS.md)."""

from __future__ import annotations

import random
from dataclasses import dataclass, replace

from corpusgen.common import Built, Instance, docx_pdf, score_built, standard_blocks
from corpusgen.document import Document, Header, Para, Signature, Table, Title
from corpusgen.grid import Cell, Grid, GridRow, as_printed, depth, points, score_grid
from corpusgen.new_layouts_c import by_period, quarter_grid, with_true_counts
from corpusgen.plan_families import _plan_meta, _purpose, _year, plan_built
from corpusgen.plans import INDICATORS, TARGET_CELL_WORDS, Target, _amount, _value
from corpusgen.reports import StatRow
from corpusgen.scores import Row, ScoreTable
from corpusgen.typed_annexes import ANNEX_LABELS, _annex_report
from corpusgen.typed_forms import _layout, _scored
from normalize.numbers import format_vn

# --- N42: a figure per month ------------------------------------------------------------------------

# The months' headers (odd instances, even) and the six months' figure's.
MONTH_LABELS = ("T{m}", "Tháng {m}")
HALF_TOTALS = ("Cộng 6 tháng", "Lũy kế 6 tháng", "Tổng 6 tháng", "Cộng")
SIX_MONTHS = ("6 tháng đầu năm {year}",)
# STT, indicator, unit, then seven figure columns: a share "78,46" fits a month's column at 9 pt.
MONTH_WIDTHS = (1.0, 4.2, 1.3) + (1.33,) * 7


@dataclass(frozen=True)
class MonthColumns:
    """An annex's month columns: their header ("T{m}", "Tháng {m}"), how many, and the name of the
    random source their figures are drawn by (a source of their own: no other draw moves)."""

    label: str
    count: int
    source: str


def month_grid(
    inst: Instance,
    rows: list[StatRow],
    true_rows: list[StatRow],
    head: tuple[str, ...],
    months: MonthColumns,
    whole: str,
    total_first: bool = False,
) -> Grid:
    """STT | indicator | unit | a figure a month | the whole period's (``whole``) under a merged
    "Kết quả thực hiện" (or the whole first, ``total_first``), the months split from the true
    counts (``by_period``)."""
    names = tuple(months.label.format(m=m) for m in range(1, months.count + 1))
    figures = by_period(true_rows, random.Random(f"{inst.name}/{inst.seed}/{months.source}"), months.count)
    return quarter_grid(rows, figures, head + names + (whole,), total_first)


def annex_months(inst: Instance) -> Built:
    """A six-month report whose annex prints each indicator's figure per month and for the six
    months: "T1 | T2 | … | T6 | Cộng 6 tháng" under a merged "Kết quả thực hiện" (odd instances),
    or "Cộng 6 tháng | Tháng 1 | … | Tháng 6", the whole first (even). A flow's months add up to
    the six months (a parent's months are its items' sums); a stock prints the same figure every
    month; a share its month's share (from the true counts). Truth ``value``: the six months'."""
    rng = inst.rng()
    rows, faults, true_rows = with_true_counts(inst, rng)
    odd = inst.index % 2 == 1
    head = ANNEX_LABELS[(inst.index - 1) % len(ANNEX_LABELS)]

    def grid_of(year: int, period: str) -> Grid:
        months = MonthColumns(MONTH_LABELS[0 if odd else 1], 6, "months")
        grid = month_grid(inst, rows, true_rows, head, months, rng.choice(HALF_TOTALS), total_first=not odd)
        return replace(grid, widths_cm=MONTH_WIDTHS)

    doc, title = _annex_report(inst, rng, grid_of, lambda grid: Table(grid, font_pt=9), SIX_MONTHS)
    built = Built(docx_pdf("months-" + ("total-last" if odd else "total-first"), doc), doc.meta.truth())
    built.commune = doc.meta.place.commune
    built.statistics = [{"annex": "1", "title": title, "rows": [r.truth() for r in rows]}]
    built.faults = faults
    return built


# --- N43: a plan's targets in a table beside last year's result --------------------------------------

TARGET_NAMES = ("Chỉ tiêu", "Nội dung chỉ tiêu", "Tên chỉ tiêu")
LAST_YEAR_HEADS = ("Kết quả năm {last}", "Thực hiện năm {last}", "Ước thực hiện năm {last}")
TARGET_HEADS = ("Chỉ tiêu năm {year}", "Kế hoạch năm {year}", "Mục tiêu năm {year}")
NOTE_HEADS = ("Ghi chú", "Ghi chú (kết quả năm trước)")


def last_year(rng: random.Random, target: Target) -> float:
    """Last year's result of an indicator, near its target (a share at most 100)."""
    step = rng.choice((-5.0, -3.0, -2.0, -1.0, 0.0, 1.0)) if target.unit == "%" else rng.choice((-1.0, 0.0, 1.0))
    value = max(0.0, target.value + step)
    return min(100.0, value) if target.unit == "%" else value


def target_rows(rng: random.Random, year: int, n: int) -> list[tuple[Target, float]]:
    """``n`` indicators' targets for ``year`` (a comparator as a cell prints it) and last year's result."""
    out = []
    for name, unit, (lo, hi), better in rng.sample(INDICATORS, n):
        cmp = rng.choice((">=", "=", ">") if better == "up" else ("<=", "=", "<"))
        value = _value(rng, lo, hi, unit)
        if cmp in (">", ">=") and value >= 100:  # "≥ 100" is no target a plan prints: "100"
            cmp = "="
        target = Target(name, cmp, value, None, unit, year)
        out.append((target, last_year(rng, target)))
    return out


def target_grid(rows: list[tuple[Target, float]], year: int, rng: random.Random, beside: bool) -> Grid:
    """ "TT | Chỉ tiêu | ĐVT | Kết quả năm 2024 | Chỉ tiêu năm 2025" (``beside``) or "TT | Chỉ tiêu |
    ĐVT | Chỉ tiêu năm 2025 | Ghi chú" with "Năm 2024 đạt 92%" in the note."""
    last = rng.choice(LAST_YEAR_HEADS).format(last=year - 1)
    aim = rng.choice(TARGET_HEADS).format(year=year)
    tail = (last, aim) if beside else (aim, rng.choice(NOTE_HEADS))
    head = ("TT", rng.choice(TARGET_NAMES), rng.choice(("Đơn vị tính", "ĐVT"))) + tail
    out = [GridRow(tuple(Cell(h, 1, None, True, "center") for h in head), "header")]
    for k, (t, before) in enumerate(rows, start=1):
        aimed = TARGET_CELL_WORDS[t.comparator] + format_vn(t.value)
        told = (format_vn(before), aimed) if beside else (aimed, f"Năm {year - 1} đạt {_amount(before, t.unit)}")
        cells = [Cell(str(k), 1, None, False, "center"), Cell(t.indicator), Cell(t.unit, 1, None, False, "center")]
        align = "center" if beside else "left"  # a note is words
        cells += [Cell(told[0], 1, None, False, "center"), Cell(told[1], 1, None, False, align)]
        out.append(GridRow(tuple(cells)))
    return Grid((1.0, 7.2, 1.8, 2.8, 3.2), tuple(out))


def plan_target_table(inst: Instance) -> Built:
    """A yearly plan whose targets are a table under "II. MỤC TIÊU": each indicator's unit, last
    year's result and this year's target ("≥ 95", "Trên 80", "100", "≤ 2") side by side (odd
    instances), or the target and a note telling last year's ("Năm 2024 đạt 92%") (even); its
    tasks in words. Truth ``targets``: this year's only (last year's result is no target)."""
    rng = inst.rng("plan")
    year = _year(rng)
    meta = _plan_meta(inst, rng, year, (f"Cải cách hành chính năm {year}",))
    beside = inst.index % 2 == 1
    rows = target_rows(rng, year, rng.randint(4, 6))
    lead = rng.choice(("Các chỉ tiêu cụ thể năm {year}:", "Phấn đấu đạt các chỉ tiêu chủ yếu sau:"))
    doc = Document(
        meta,
        (
            Header(rng.choice(("table", "stacked"))),
            Title("KẾ HOẠCH", meta.title_lines),
            *_purpose(),
            Para("II. MỤC TIÊU", bold=True),
            Para(lead.format(year=year)),
            Table(target_grid(rows, year, rng, beside), font_pt=10),
            Para("III. NHIỆM VỤ VÀ GIẢI PHÁP", bold=True),
            Para("Đẩy mạnh cải cách thủ tục hành chính, xây dựng chính quyền số, nâng cao chất lượng phục vụ."),
            Signature(rng.choice(("table", "paragraphs"))),
        ),
    )
    outputs = docx_pdf("targets-" + ("beside-last-year" if beside else "last-year-noted"), doc)
    return plan_built(outputs, meta, [], [t for t, _ in rows])


# --- N44: the self points as a verdict with the points in brackets -----------------------------------

PARTLY = ("Đạt một phần", "Đạt một phần", "Chưa đạt đầy đủ")


def verdict_points(row: Row, bracketed: bool, partly: str) -> str:
    """A leaf's self cell: "Đạt (2)" / "Không đạt (0)" / "Đạt một phần (1,5)" (``bracketed``) or
    "Đạt: 2 điểm" / "Không đạt: 0 điểm"; blank without self points."""
    if row.self_points is None:
        return ""
    full = row.max_points is not None and row.self_points >= row.max_points
    word = "Đạt" if full else "Không đạt" if row.self_points == 0 else partly
    return f"{word} ({points(row.self_points)})" if bracketed else f"{word}: {points(row.self_points)} điểm"


def with_verdicts(grid: Grid, table: ScoreTable, at: int, bracketed: bool, partly: str) -> Grid:
    """The grid with each leaf's self cell (column ``at``) its verdict and points; the fields, the
    criteria made of others and the total print their sums as figures."""
    parents = {r.parent for r in table.rows}
    body = iter(table.rows)
    out = []
    for g in grid.rows:
        if g.kind == "data":
            r = next(body)
            if r.code not in parents:
                cell = replace(g.cells[at], text=verdict_points(r, bracketed, partly), align="left")
                g = replace(g, cells=g.cells[:at] + (cell,) + g.cells[at + 1 :])
        out.append(g)
    return Grid(grid.widths_cm, tuple(out))


def verdict_with_points(inst: Instance) -> Built:
    """A score table "STT | name | max | self | evidence" whose leaves' self cells give the verdict
    and the points, "Đạt (2)", "Không đạt (0)", "Đạt một phần (1,5)" (odd instances) or "Đạt: 2
    điểm" (even); the self column headed "Kết quả tự đánh giá (điểm)" and the like. Truth: the
    points in the brackets (the verdict is nothing)."""
    rng, year, meta, title, table = _scored(inst, (0.7, 0.9, 1.0))
    columns = ("code", "name", "max", "self", "explanation")
    layout = _layout(rng, columns, widths_cm={"name": 6.4, "self": 2.8, "explanation": 3.4})
    table = as_printed(table, layout)
    table = replace(table, rows=tuple(replace(r, evidence=()) for r in table.rows))
    bracketed = inst.index % 2 == 1
    grid = with_verdicts(score_grid(table, layout), table, columns.index("self"), bracketed, rng.choice(PARTLY))
    doc = Document(meta, standard_blocks(meta, title, Table(grid), rng, year))
    return score_built(meta, docx_pdf("verdict-" + ("bracketed" if bracketed else "colon"), doc), table)


# --- N45: the names in two columns side by side, landscape ------------------------------------------

NAME_PAIRS = (
    ("Lĩnh vực, tiêu chí", "Tiêu chí thành phần"),
    ("Tiêu chí", "Tiêu chí thành phần"),
    ("Nội dung đánh giá", "Nội dung chi tiết"),
)


def name_cells(row: Row, level: int, name: Cell, merged: bool, under: bool) -> tuple[Cell, ...]:
    """A row's two name cells: a field across both; a criterion in the first (merged down when
    ``merged`` and it has sub-criteria, ``under`` says so); a sub-criterion in the second, the
    first blank or continuing the criterion's merge."""
    if level == 0:
        return (replace(name, span=2),)
    if level == 1:
        return (replace(name, vmerge="restart" if merged and under else None), Cell(""))
    return (Cell("", 1, "continue" if merged else None), name)


def side_by_side(grid: Grid, table: ScoreTable, labels: tuple[str, str], merged: bool) -> Grid:
    """The grid with the name column (column 1) split in two, "criterion | sub-criterion"."""
    by_code = {r.code: r for r in table.rows}
    parents = {r.parent for r in table.rows}
    body = iter(table.rows)
    out = []
    for g in grid.rows:
        if g.kind == "header":
            heads = tuple(replace(g.cells[1], text=label) for label in labels)
            cells = g.cells[:1] + heads + g.cells[2:]
        elif g.kind == "data":
            r = next(body)
            level = depth(r, by_code)
            cells = g.cells[:1] + name_cells(r, level, g.cells[1], merged, r.code in parents) + g.cells[2:]
        else:
            cells = g.cells[:1] + (replace(g.cells[1], span=g.cells[1].span + 1),) + g.cells[2:]
        out.append(replace(g, cells=cells))
    widths = grid.widths_cm[:1] + (6.0, 7.0) + grid.widths_cm[2:]
    return Grid(widths, tuple(out))


def names_side_by_side(inst: Instance) -> Built:
    """A score table printed on a landscape page, "STT | Tiêu chí | Tiêu chí thành phần | max |
    self | evidence": a field's name across both name columns, a criterion's in the first, its
    sub-criteria's in the second; the criterion's cell merged down beside its sub-criteria (odd
    instances) or theirs blank (even). Truth: the rows as F01's."""
    rng, year, meta, title, table = _scored(inst, (0.8, 1.0))
    layout = _layout(rng, ("code", "name", "max", "self", "explanation"), widths_cm={"explanation": 5.0})
    table = as_printed(table, layout)
    table = replace(table, rows=tuple(replace(r, evidence=()) for r in table.rows))
    merged = inst.index % 2 == 1
    grid = side_by_side(score_grid(table, layout), table, rng.choice(NAME_PAIRS), merged)
    doc = Document(meta, standard_blocks(meta, title, Table(grid), rng, year), landscape=True)
    return score_built(meta, docx_pdf("side-by-side-" + ("merged" if merged else "blank"), doc), table)


NEW_LAYOUT_FAMILIES_J = {
    "N42_annex_months": annex_months,
    "N43_plan_target_table": plan_target_table,
    "N44_verdict_with_points": verdict_with_points,
    "N45_names_side_by_side": names_side_by_side,
}

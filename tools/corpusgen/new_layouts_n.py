"""A fourteenth batch of held-out typed layouts (N58-N61): forms real commune documents print that
neither F01-F31 nor N01-N57 have. Made only when named (``make_corpus.NEW_LAYOUTS``), so no standing
figure moves; the held-out test of the round after N54-N57 were developed on.

- N58 a score table whose self points stand between two text-heavy columns: the commune's
  explanation before them and the evidence documents after them (the maximum before the
  explanation, odd instances; after it, beside the self points, even);
- N59 a score table on a landscape page printed in two halves side by side, each half "STT | name |
  max | self": the rows split at the field nearest the middle (odd) or at the middle row, a field
  going on at the top of the right half (even); the total closes the right half;
- N60 a report whose annex gives a figure per quarter, the whole period, and the same period last
  year with the period set against it ("Cùng kỳ năm trước | So sánh (%)");
- N61 a yearly plan whose task table gives each task a start and an end date ("Thời gian bắt đầu |
  Thời gian hoàn thành", exact dates, "trước ngày 30/6/2026") and a "Ghi chú" column last.

The truth is the generator's rows as for every family (tools/CORPUS.md)."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import replace

from corpusgen.common import Built, Instance, docx_pdf, score_built, standard_blocks
from corpusgen.document import Document, Table
from corpusgen.grid import Cell, Grid, GridRow, ScoreLayout, as_printed, points, score_grid
from corpusgen.new_layouts import TOTAL_LABELS, _labels
from corpusgen.new_layouts_c import HALF_LABELS, QUARTERS, YEAR_LABELS, by_period, quarter_grid, with_true_counts
from corpusgen.new_layouts_i import with_budget
from corpusgen.people import citation, short_date
from corpusgen.plan_families import plan_built, plan_with_tasks, yearly_plan_start
from corpusgen.plans import TASK_HEADERS, index_criteria, task_grid, task_rows
from corpusgen.reports import StatRow, _ratio
from corpusgen.scores import ScoreTable
from corpusgen.typed_annexes import ANNEX_LABELS, _annex_report, _built as annex_built
from corpusgen.typed_forms import _scored
from normalize.numbers import format_vn


def with_column(grid: Grid, at: int, label: str, texts: list[str], width_cm: float) -> Grid:
    """The grid with a column inserted at ``at``: ``label`` in the header (merged down over a
    two-row header), a text per data row in order, blank on any other row (a total)."""
    body = iter(texts)
    heads = [g for g in grid.rows if g.kind == "header"]
    out = []
    for g in grid.rows:
        if g.kind == "header":
            first = g is heads[0]
            vmerge = None if len(heads) == 1 else ("restart" if first else "continue")
            cell = Cell(label if first else "", 1, vmerge, True, "center")
        elif g.kind == "data":
            cell = Cell(next(body), 1, None, False)
        else:
            cell = Cell("", 1, None, True)
        out.append(replace(g, cells=g.cells[:at] + (cell,) + g.cells[at:]))
    return Grid(grid.widths_cm[:at] + (width_cm,) + grid.widths_cm[at:], tuple(out))


# --- N58: the self points between the explanation and the evidence --------------------------------------

EXPLAIN_HEADS = ("Giải trình, thuyết minh", "Thuyết minh kết quả thực hiện", "Giải trình của UBND xã")
EVIDENCE_HEADS = ("Tài liệu kiểm chứng", "Tài liệu kiểm chứng (số, ký hiệu, ngày văn bản)", "Văn bản kiểm chứng")
EVIDENCE_WIDTH_CM = 3.6


def evidence_cells(table: ScoreTable, rng: random.Random, year: int) -> list[str]:
    """Each row's evidence documents as the commune lists them: one or two cited documents for a
    scored leaf ("Kế hoạch số 12/KH-UBND ngày 05/01/2024"), one per line; a row made of others blank."""
    parents = {r.parent for r in table.rows}
    return [
        "" if r.code in parents else "\n".join(citation(rng, year) for _ in range(rng.choice((1, 1, 2))))
        for r in table.rows
    ]


def points_between_texts(inst: Instance) -> Built:
    """A score table "STT | name | max | explanation | self | evidence" (odd instances) or "STT |
    name | explanation | max | self | evidence" (even): the self points stand between two columns of
    text, the commune's explanation before them and the evidence documents after them. Truth: the
    rows as F01's, ``explanation`` the explanation column (the evidence is nothing)."""
    rng, year, meta, title, table = _scored(inst, (0.7, 0.9, 1.0))
    max_first = inst.index % 2 == 1
    columns = (
        ("code", "name", "max", "explanation", "self") if max_first else ("code", "name", "explanation", "max", "self")
    )
    labels = {**_labels(rng), "explanation": rng.choice(EXPLAIN_HEADS)}
    widths = {"name": 5.4, "explanation": 3.6, "max": 1.4, "self": 1.5}
    layout = ScoreLayout(
        columns, labels, widths, total=rng.choice(("last", "last", None)), total_label=rng.choice(TOTAL_LABELS)
    )
    table = as_printed(table, layout)
    evidence = evidence_cells(table, random.Random(f"{inst.name}/{inst.seed}/evidence"), year)
    grid = with_column(score_grid(table, layout), len(columns), rng.choice(EVIDENCE_HEADS), evidence, EVIDENCE_WIDTH_CM)
    doc = Document(meta, standard_blocks(meta, title, Table(grid, font_pt=10), rng, year))
    return score_built(meta, docx_pdf("between-texts-" + ("max-first" if max_first else "max-beside-self"), doc), table)


# --- N59: two halves side by side on a landscape page ---------------------------------------------------

HALF_WIDTHS_CM = {"code": 1.1, "name": 8.0, "max": 1.5, "self": 1.6}


def split_at(table: ScoreTable, at_field: bool) -> int:
    """Where the right half starts: the field whose first row is nearest the middle (the left half
    never empty), or the middle row itself; the right half holds the total as well."""
    middle = (len(table.rows) + 1) // 2
    if not at_field:
        return middle
    starts = [i for i, r in enumerate(table.rows) if r.parent is None and i > 0]
    return min(starts, key=lambda i: abs(i - middle)) if starts else middle


def halves_grid(grid: Grid, at: int) -> Grid:
    """A grid of four-column rows printed as two halves side by side: the header twice, the data
    rows before ``at`` on the left, the rest and the total on the right, the shorter half padded
    with blank cells."""
    heads = [g for g in grid.rows if g.kind == "header"]
    body = [g for g in grid.rows if g.kind == "data"]
    total = [g for g in grid.rows if g.kind == "total"]
    left, right = body[:at], body[at:] + total
    blank = GridRow(tuple(Cell("") for _ in grid.widths_cm))
    rows = [GridRow(h.cells + h.cells, "header") for h in heads]
    for k in range(max(len(left), len(right))):
        a = left[k] if k < len(left) else blank
        b = right[k] if k < len(right) else blank
        rows.append(GridRow(a.cells + b.cells, "data"))
    return Grid(grid.widths_cm + grid.widths_cm, tuple(rows))


def halves_side_by_side(inst: Instance) -> Built:
    """A score table on a landscape page printed in two halves side by side, each "STT | name |
    max | self", the header printed over both: the rows split at the field starting nearest the
    middle (odd instances) or at the middle row, a field going on at the top of the right half
    under no heading of its own (even); the total row closes the right half. Truth: the rows as
    F01's (the explanation is not printed)."""
    rng, year, meta, title, table = _scored(inst, (0.6, 0.7))
    at_field = inst.index % 2 == 1
    columns = ("code", "name", "max", "self")
    layout = ScoreLayout(
        columns, _labels(rng), HALF_WIDTHS_CM, total="last", total_label=rng.choice(TOTAL_LABELS), code_style="mixed"
    )
    table = as_printed(table, layout)
    table = replace(table, rows=tuple(replace(r, explanation=None, evidence=()) for r in table.rows))
    grid = halves_grid(score_grid(table, layout), split_at(table, at_field))
    doc = Document(meta, standard_blocks(meta, title, Table(grid, font_pt=10), rng, year), landscape=True)
    return score_built(meta, docx_pdf("halves-" + ("at-field" if at_field else "at-middle"), doc), table)


# --- N60: quarters, the whole period and the same period last year --------------------------------------

LAST_YEAR_HEADS = ("Cùng kỳ năm trước", "Cùng kỳ năm {last}", "Thực hiện cùng kỳ năm trước")
AGAINST_HEADS = ("So sánh (%)", "So với cùng kỳ (%)", "Tỷ lệ so với cùng kỳ (%)")


# The annex's widths: STT, indicator, unit, then the periods sharing what is left, last year and the
# comparison; 17 cm the portrait page's text width.
ANNEX_FIXED_CM = (1.1, 4.0, 1.5, 1.7, 1.8)
ANNEX_WIDTH_CM = 17.0


def last_year(rows: list[StatRow], rng: random.Random) -> dict[str, float]:
    """Each count's figure for the same period last year (within a fifth of this year's, a zero
    count's a few), a share's a few points off this year's; a heading none."""
    out = {}
    for r in rows:
        if r.value is None:
            continue
        if r.unit == "%":
            out[r.code or ""] = round(min(100.0, max(0.0, r.value + rng.uniform(-6.0, 4.0))), 2)
        else:
            out[r.code or ""] = float(max(1, round(r.value * rng.uniform(0.8, 1.2)) or rng.randint(1, 5)))
    return out


def against(value: float | None, before: float | None, unit: str) -> str:
    """This period's figure set against last year's, as a percentage ("108,33"); a share is set
    against in points of difference by no form, so it prints none, nor a row with no figure."""
    if value is None or before is None or unit == "%" or not before:
        return ""
    return format_vn(_ratio(value, before))


def annex_last_year(inst: Instance) -> Built:
    """A report whose annex prints each indicator per quarter ("Quý I | … | Cả năm" for a year,
    "Quý I | Quý II | 6 tháng" for six months), then the same period last year and the period set
    against it: "… | Cùng kỳ năm trước | So sánh (%)" (the quarters first, odd instances; the whole
    period first, even). Truth ``value``: the whole period's figure (the quarters, last year and
    the comparison are nothing); rows and ``ratio`` faults as F12's."""
    rng = inst.rng()
    rows, faults, true_rows = with_true_counts(inst, rng)
    total_first = inst.index % 2 == 0
    head = ANNEX_LABELS[(inst.index - 1) % len(ANNEX_LABELS)]
    before = last_year(true_rows, random.Random(f"{inst.name}/{inst.seed}/last-year"))
    labels = (rng.choice(LAST_YEAR_HEADS), rng.choice(AGAINST_HEADS))

    def grid_of(year: int, period: str) -> Grid:
        whole_year = period.startswith("năm")
        names = QUARTERS if whole_year else QUARTERS[:2]
        whole = rng.choice(YEAR_LABELS if whole_year else HALF_LABELS).format(year=year)
        periods = by_period(true_rows, random.Random(f"{inst.name}/{inst.seed}/quarters"), len(names))
        grid = quarter_grid(rows, periods, head + names + (whole,), total_first)
        end = len(grid.widths_cm)
        figures = [before.get(r.code or "") for r in rows]
        printed = ["" if v is None else points(v) for v in figures]
        grid = with_column(grid, end, labels[0].format(last=year - 1), printed, 1.7)
        compared = [against(r.value, v, r.unit) for r, v in zip(rows, figures)]
        grid = with_column(grid, end + 1, labels[1], compared, 1.6)
        # the grid fits the portrait page, a comparison's "111,57" on one line
        each = round((ANNEX_WIDTH_CM - sum(ANNEX_FIXED_CM)) / len(names + (whole,)), 2)
        widths = ANNEX_FIXED_CM[:3] + (each,) * (len(names) + 1) + ANNEX_FIXED_CM[3:]
        return Grid(widths, grid.rows)

    doc, title = _annex_report(inst, rng, grid_of)
    return annex_built(doc, title, rows, faults, "last-year-" + ("total-first" if total_first else "quarters-first"))


# --- N61: a start and an end date for each task, and a notes column ------------------------------------

START_HEADS = ("Thời gian bắt đầu", "Ngày bắt đầu", "Thời gian triển khai")
END_HEADS = ("Thời gian hoàn thành", "Ngày hoàn thành", "Hạn hoàn thành")
NOTE_HEADS = ("Ghi chú",)
NOTES = (
    "",
    "",
    "",
    "Lồng ghép với nhiệm vụ chuyên môn",
    "Theo hướng dẫn của UBND tỉnh",
    "Báo cáo kết quả về Văn phòng HĐND - UBND xã",
    "Thực hiện thường xuyên",
)


def task_dates(rng: random.Random, year: int, before_word: bool) -> tuple[str, str]:
    """A task's start and end as exact dates of the plan's year, the end after the start: "15/01/2026"
    and "30/6/2026" (each padded or not, as ``short_date`` types it), the end "Trước ngày 30/6/2026"
    (``before_word``) or the bare date."""
    start = dt.date(year, rng.randint(1, 9), rng.randint(1, 28))
    end = min(dt.date(year, 12, 31), start + dt.timedelta(days=rng.randint(20, 200)))
    end_text = short_date(end, rng)
    return short_date(start, rng), (f"Trước ngày {end_text}" if before_word else end_text)


def plan_start_end(inst: Instance) -> Built:
    """A yearly plan (P01's frame) whose appendix task table "TT | task | product | start | end |
    lead | coordinator | notes" gives each task a start date and an end date in two columns, "Thời
    gian bắt đầu | Thời gian hoàn thành", the end "Trước ngày 30/06/2026" (odd instances) or the bare
    date (even), and a "Ghi chú" column last, mostly blank. Truth: the tasks as P01's, ``deadline``
    the end date as printed (the start and the notes are nothing)."""
    rng, year, meta, lines, targets = yearly_plan_start(inst)
    before_word = inst.index % 2 == 1
    dates = random.Random(f"{inst.name}/{inst.seed}/dates")
    drawn = task_rows(rng, year, index_criteria())
    spans = [task_dates(dates, year, before_word) for _ in drawn]
    rows = [replace(r, deadline=end) for r, (_, end) in zip(drawn, spans)]
    columns = ("code", "task", "product", "deadline", "lead", "coordinator")
    labels = {k: rng.choice(v) for k, v in TASK_HEADERS.items()}
    labels["deadline"] = rng.choice(END_HEADS)
    grid = task_grid(rows, columns, labels, rng.choice(("code", "merged")))
    grid = with_budget(grid, columns.index("deadline"), rng.choice(START_HEADS), [start for start, _ in spans])
    grid = with_budget(grid, len(columns) + 1, NOTE_HEADS[0], [dates.choice(NOTES) for _ in rows])
    doc = plan_with_tasks(meta, rng, lines, year, grid)
    return plan_built(docx_pdf("start-end-" + ("before" if before_word else "dates"), doc), meta, rows, targets)


NEW_LAYOUT_FAMILIES_N = {
    "N58_points_between_texts": points_between_texts,
    "N59_halves_side_by_side": halves_side_by_side,
    "N60_annex_last_year": annex_last_year,
    "N61_plan_start_end": plan_start_end,
}

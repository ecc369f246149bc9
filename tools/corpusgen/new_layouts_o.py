"""A fifteenth batch of held-out typed layouts (N62-N65): forms real commune documents print that
neither F01-F31 nor N01-N61 have. Made only when named (``make_corpus.NEW_LAYOUTS``), so no standing
figure moves; the held-out test of the round after N58-N61 were developed on.

- N62 a score table whose field numeral stands in a column of its own, merged down over the
  field's rows, the criteria numbered "1, 2, 3" afresh under each field in the column beside it
  (the field's title in the name column, odd instances; spanning the number and the name, even);
- N63 a report whose statistics annex prints the unit column last, "STT | Nội dung | Kết quả |
  ĐVT", the figures bare (odd) or carrying their unit as well, "12 hồ sơ", "95,74%" (even);
- N64 a report whose statistics are a table turned over: the periods as rows ("Quý I", "Quý II",
  …, "Cả năm 2025") and the indicators as columns, the whole period last (odd) or first (even);
- N65 a yearly plan whose task table is grouped by the leading body: the body a heading row
  spanning the table ("I. Công chức Tư pháp - Hộ tịch"), its tasks under it with no lead column,
  numbered on across the table (odd) or afresh under each body, the numeral in the TT cell (even).

The truth is the generator's rows as for every family (tools/CORPUS.md)."""

from __future__ import annotations

import random
from dataclasses import replace

from corpusgen.common import Built, Instance, docx_pdf, score_built, standard_blocks
from corpusgen.document import Document, Table
from corpusgen.grid import Cell, Grid, GridRow, as_printed, points, score_grid
from corpusgen.new_layouts_b import roman_fields
from corpusgen.new_layouts_c import HALF_LABELS, QUARTERS, YEAR_LABELS, by_period, with_true_counts
from corpusgen.new_layouts_l import ACROSS_GROUPS, ACROSS_WIDTH_CM, indicator_head
from corpusgen.plan_families import plan_built, plan_with_tasks, yearly_plan_start
from corpusgen.plans import LEADS, TASK_HEADERS, TaskRow, index_criteria, task_rows
from corpusgen.reports import StatRow, statistics
from corpusgen.scores import ScoreTable
from corpusgen.typed_annexes import ANNEX_LABELS, _annex_report, _built as annex_built
from corpusgen.typed_forms import _layout, _scored

ROMANS = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")

# --- N62: the field's numeral in a column of its own, merged down over the field ------------------------

FIELD_HEADS = ("Lĩnh vực", "Phần", "Mục")
NUMBER_HEADS = ("TT", "STT", "Số TT")
FIELD_COLUMN_CM = 1.5  # "Lĩnh vực" wraps at its space, not inside a word


def top_of(table: ScoreTable) -> list[str]:
    """Each row's field: the code of the row at the top of its parents."""
    parent = {r.code: r.parent for r in table.rows}
    out = []
    for r in table.rows:
        code = r.code
        while parent.get(code) is not None:
            code = parent[code] or code
        out.append(code)
    return out


def field_column_grid(grid: Grid, table: ScoreTable, field_head: str, title_spans: bool) -> Grid:
    """The grid "code | name | points …" with a column before it holding each field's numeral,
    merged down over the field's rows; the field's own row prints no number in the code column (its
    title in the name column) or its title spanning the code and the name (``title_spans``); the
    total's label spans the three columns."""
    fields = iter(top_of(table))
    rows = iter(table.rows)
    out = []
    for g in grid.rows:
        code, name, *rest = g.cells
        if g.kind == "header":
            head = Cell(field_head, 1, code.vmerge, True, "center")
            out.append(replace(g, cells=(head, code, name, *rest)))
        elif g.kind == "data":
            row, field = next(rows), next(fields)
            if row.code == field:
                lead = Cell(code.text, 1, "restart", True, "center")
                own = (Cell(name.text, 2, None, True),) if title_spans else (replace(code, text=""), name)
                out.append(replace(g, cells=(lead, *own, *rest)))
            else:
                out.append(replace(g, cells=(Cell("", 1, "continue", False, "center"), code, name, *rest)))
        else:
            out.append(replace(g, cells=(replace(name, span=3), *rest)))
    return Grid((FIELD_COLUMN_CM, *grid.widths_cm), tuple(out))


def field_column(inst: Instance) -> Built:
    """A score table "Lĩnh vực | TT | name | max | self | explanation": each field's roman numeral
    in the first column, merged down over the field's rows, its criteria numbered "1, 2, 3" afresh
    in the column beside it ("1.1", "a)" below them); the field's own row prints its title in the
    name column with no number (odd instances) or spanning the number and the name (even). Truth:
    the rows as N07's roman instances (codes "I", "1", "1.a", "II.1")."""
    rng, year, meta, title, table = _scored(inst, (0.7, 0.9, 1.0), transform=roman_fields)
    title_spans = inst.index % 2 == 0
    layout = _layout(rng, ("code", "name", "max", "self", "explanation"), widths_cm={"name": 6.0, "code": 1.1})
    layout = replace(layout, labels={**layout.labels, "code": rng.choice(NUMBER_HEADS)}, code_style="plain")
    table = as_printed(table, layout)
    table = replace(table, rows=tuple(replace(r, evidence=()) for r in table.rows))
    grid = field_column_grid(score_grid(table, layout), table, rng.choice(FIELD_HEADS), title_spans)
    doc = Document(meta, standard_blocks(meta, title, Table(grid), rng, year))
    return score_built(
        meta, docx_pdf("field-column-" + ("title-spans" if title_spans else "title-in-name"), doc), table
    )


# --- N63: the unit column last, the figures carrying their unit ----------------------------------------

RESULT_HEADS = ("Kết quả", "Số liệu", "Kết quả thực hiện")


def with_unit(value: float | None, unit: str) -> str:
    """A figure as a form typed with its unit after it: "12 hồ sơ", a share "95,74%"; blank for a
    heading, the bare figure for a row with no unit."""
    if value is None:
        return ""
    if unit == "%":
        return points(value) + "%"
    return f"{points(value)} {unit.lower()}".strip()


def unit_last_grid(rows: list[StatRow], heads: tuple[str, str, str, str], carry: bool) -> Grid:
    """STT | indicator | figure | unit: the unit's column last; each figure bare or carrying its
    unit (``carry``)."""
    out = [GridRow(tuple(Cell(h, 1, None, True, "center") for h in heads), "header")]
    for r in rows:
        top = r.code is not None and "." not in r.code
        figure = with_unit(r.value, r.unit) if carry else ("" if r.value is None else points(r.value))
        cells = (
            Cell(r.printed, 1, None, top, "center"),
            Cell(r.indicator, 1, None, top),
            Cell(figure, 1, None, top, "center"),
            Cell(r.unit, 1, None, False, "center"),
        )
        out.append(GridRow(cells))
    return Grid((1.2, 9.4, 3.0, 2.2), tuple(out))


def annex_unit_last(inst: Instance) -> Built:
    """A report whose annex prints "STT | Nội dung | Kết quả | ĐVT", the unit's column last: the
    figures bare (odd instances) or carrying their unit too, "12 hồ sơ", "95,74%" (even). Truth
    ``value`` the figure, ``unit`` the unit column's; rows and ``ratio`` faults as F12's."""
    rng = inst.rng()
    rows, faults = statistics(rng, rng.randint(3, 5), letters=inst.index % 2 == 1, fault=inst.faulty)
    carry = inst.index % 2 == 0
    number, head, unit_head = ANNEX_LABELS[(inst.index - 1) % len(ANNEX_LABELS)]
    heads = (number, head, rng.choice(RESULT_HEADS), unit_head)

    def grid_of(year: int, period: str) -> Grid:
        return unit_last_grid(rows, heads, carry)

    doc, title = _annex_report(inst, rng, grid_of)
    return annex_built(doc, title, rows, faults, "unit-last-" + ("carried" if carry else "bare"))


# --- N64: the periods as rows, the indicators as columns -----------------------------------------------

PERIOD_HEADS = ("Thời gian", "Kỳ báo cáo", "Thời điểm")
UNIT_ROW_HEADS = ("ĐVT", "Đơn vị tính")


def period_cells(rows: list[StatRow], periods: dict[str, list[float | None]], k: int) -> list[str]:
    """Period ``k``'s figure under each indicator: a flow's part, a stock's figure as it stood, a
    share of that period's counts; blank for a heading or a share with no count."""
    out = []
    for r in rows:
        figures = periods.get(r.code or "")
        value = figures[k] if figures else None
        out.append("" if value is None else points(value))
    return out


def periods_as_rows_grid(
    rows: list[StatRow],
    periods: dict[str, list[float | None]],
    names: tuple[str, ...],
    whole: str,
    labels: tuple[str, str],
    whole_first: bool,
) -> Grid:
    """The period's head | a column per indicator ("1.1. …"), a header row of their units "(Hồ
    sơ)"; a row per part of the period, the whole period's row (the truth's values) last or first."""
    period_head, unit_head = labels
    top = [Cell(period_head, 1, None, True, "center")]
    top += [Cell(indicator_head(r), 1, None, True, "center") for r in rows]
    under = [Cell(unit_head, 1, None, True, "center")]
    under += [Cell(f"({r.unit})" if r.unit else "", 1, None, False, "center") for r in rows]
    body = [
        GridRow(
            (
                Cell(name, 1, None, False, "center"),
                *(Cell(v, 1, None, False, "center") for v in period_cells(rows, periods, k)),
            )
        )
        for k, name in enumerate(names)
    ]
    figures = ["" if r.value is None else points(r.value) for r in rows]
    total = GridRow(
        (Cell(whole, 1, None, True, "center"), *(Cell(v, 1, None, True, "center") for v in figures)), "total"
    )
    out = [GridRow(tuple(top), "header"), GridRow(tuple(under), "header")]
    out += [total, *body] if whole_first else [*body, total]
    width = round((ACROSS_WIDTH_CM - 2.6) / len(rows), 2)
    return Grid((2.6,) + (width,) * len(rows), tuple(out))


def annex_periods_as_rows(inst: Instance) -> Built:
    """A report whose annex, landscape at 8 pt, is turned over: a row per quarter ("Quý I" … "Quý
    IV" and "Cả năm 2025" for a year; "Quý I", "Quý II" and "6 tháng" for six months) and a column
    per indicator, "1. Tổng số hồ sơ …", "1.1. …", its unit "(Hồ sơ)" in a header row under it; the
    whole period's row last (odd instances) or first (even). A flow's quarters add up to the whole,
    a stock prints its figure each quarter, a share each quarter's own. Truth ``value``: the whole
    period's row; rows and ``ratio`` faults as F12's."""
    rng = inst.rng()
    rows, faults, true_rows = with_true_counts(inst, rng, ACROSS_GROUPS)
    whole_first = inst.index % 2 == 0
    labels = (rng.choice(PERIOD_HEADS), rng.choice(UNIT_ROW_HEADS))

    def grid_of(year: int, period: str) -> Grid:
        whole_year = period.startswith("năm")
        names = QUARTERS if whole_year else QUARTERS[:2]
        whole = rng.choice(YEAR_LABELS if whole_year else HALF_LABELS).format(year=year)
        periods = by_period(true_rows, random.Random(f"{inst.name}/{inst.seed}/periods"), len(names))
        return periods_as_rows_grid(rows, periods, names, whole, labels, whole_first)

    doc, title = _annex_report(inst, rng, grid_of, lambda grid: Table(grid, font_pt=8))
    variant = "periods-as-rows-" + ("whole-first" if whole_first else "whole-last")
    return annex_built(replace(doc, landscape=True), title, rows, faults, variant)


# --- N65: the tasks grouped under their leading body ---------------------------------------------------


def by_lead(rows: list[TaskRow], restart: bool) -> list[TaskRow]:
    """The tasks regrouped under their leading bodies, in the order each body first leads one: a
    body's section the next roman numeral and its title the body, the tasks numbered on across the
    table or afresh under each body (``restart``)."""
    leads = list(dict.fromkeys(r.lead for r in rows))
    out = []
    n = 0
    for k, lead in enumerate(leads):
        for j, r in enumerate((r for r in rows if r.lead == lead), start=1):
            n += 1
            out.append(replace(r, section=ROMANS[k], section_title=lead, code=str(j if restart else n)))
    return out


def lead_group_grid(rows: list[TaskRow], labels: dict[str, str], numeral_in_code: bool) -> Grid:
    """TT | task | product | deadline | coordinator, a heading row before each body's tasks: "I.
    Công an xã" in one cell across the table, or "I" in the TT cell and the body spanning the rest
    (``numeral_in_code``)."""
    columns = ("code", "task", "product", "deadline", "coordinator")
    widths = (1.0, 8.0, 4.2, 3.4, 4.6)
    out = [GridRow(tuple(Cell(labels[c], 1, None, True, "center") for c in columns), "header")]
    section = None
    for r in rows:
        if r.section != section:
            section = r.section
            heading: tuple[Cell, ...]
            if numeral_in_code:
                heading = (
                    Cell(r.section, 1, None, True, "center"),
                    Cell(r.section_title, len(columns) - 1, None, True),
                )
            else:
                heading = (Cell(f"{r.section}. {r.section_title}", len(columns), None, True),)
            out.append(GridRow(heading))
        values = (r.code, r.task, r.product, r.deadline, r.coordinator)
        out.append(
            GridRow(
                tuple(Cell(v, 1, None, False, "center" if c == "code" else "left") for c, v in zip(columns, values))
            )
        )
    return Grid(widths, tuple(out))


def plan_by_lead(inst: Instance) -> Built:
    """A yearly plan (P01's frame) whose appendix task table "TT | task | product | deadline |
    coordinator" groups the tasks under their leading body: a bold heading row "I. Công chức Tư pháp
    - Hộ tịch" spanning the table, the tasks numbered on across the table (odd instances), or
    the numeral in the TT cell and the body spanning the rest, the tasks numbered afresh under each
    body (even); no lead column. Truth: the tasks in print order, ``section`` the body's numeral,
    ``lead`` the body of the heading above, ``code`` as printed."""
    rng, year, meta, lines, targets = yearly_plan_start(inst)
    restart = inst.index % 2 == 0
    drawn = task_rows(rng, year, index_criteria())
    # a commune's plan assigns its tasks to a few bodies, each leading several
    pick = random.Random(f"{inst.name}/{inst.seed}/bodies")
    bodies = pick.sample(LEADS, pick.randint(3, 5))
    rows = by_lead([replace(r, lead=pick.choice(bodies), lead_note="") for r in drawn], restart)
    labels = {k: rng.choice(v) for k, v in TASK_HEADERS.items()}
    grid = lead_group_grid(rows, labels, restart)
    doc = plan_with_tasks(meta, rng, lines, year, grid)
    return plan_built(docx_pdf("by-lead-" + ("restart" if restart else "running"), doc), meta, rows, targets)


NEW_LAYOUT_FAMILIES_O = {
    "N62_field_column_merged": field_column,
    "N63_annex_unit_last": annex_unit_last,
    "N64_annex_periods_as_rows": annex_periods_as_rows,
    "N65_plan_by_lead": plan_by_lead,
}

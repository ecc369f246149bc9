"""A sixteenth batch of held-out typed layouts (N66-N69): forms real commune documents print that
neither F01-F31 nor N01-N65 have. Made only when named (``make_corpus.NEW_LAYOUTS``), so no standing
figure moves; the held-out test of the round after N62-N65 were developed on.

- N66 a score table with a last column holding each field's points, merged down over the field's
  rows ("Điểm lĩnh vực"), the field's own row printing its points as well (odd instances) or only
  its maximum, its self points in the merged cell alone (even);
- N67 a report whose statistics annex is printed in two panels side by side on a landscape page,
  "STT | Nội dung | ĐVT | Số liệu" twice in one header row, split at the top indicator nearest the
  middle (odd) or at the middle row (even);
- N68 a score table with two rounds of appraisal beside the self points, "Lần 1 | Lần 2 (sau giải
  trình)" under a merged "Điểm thẩm định" (odd) or the two appraising bodies' columns, "Phòng Nội
  vụ thẩm định | Hội đồng thẩm định" (even); the final round is the appraisal;
- N69 a yearly plan whose task table carries the field of each task in a column of its own, "I. Cải
  cách thể chế" in one cell merged down over the field's tasks, after the TT column with the tasks
  numbered on across the table (odd) or first, the tasks numbered afresh in each field (even).

The truth is the generator's rows as for every family (tools/CORPUS.md)."""

from __future__ import annotations

import random
from dataclasses import replace

from corpusgen.common import Built, Instance, docx_pdf, score_built, standard_blocks
from corpusgen.document import Document, Table
from corpusgen.grid import Cell, Grid, GridRow, ScoreLayout, as_printed, points, score_grid
from corpusgen.new_layouts import TOTAL_LABELS, _labels
from corpusgen.new_layouts_o import top_of
from corpusgen.plan_families import plan_built, plan_with_tasks, yearly_plan_start
from corpusgen.plans import TASK_HEADERS, TaskRow, index_criteria, task_rows
from corpusgen.reports import StatRow, statistics
from corpusgen.scores import ScoreTable
from corpusgen.typed_annexes import ANNEX_LABELS, _annex_report, _built as annex_built
from corpusgen.typed_forms import _layout, _scored

# --- N66: each field's points in a last column merged down over the field ----------------------------

FIELD_POINTS_HEADS = ("Điểm lĩnh vực", "Tổng điểm lĩnh vực", "Cộng điểm theo lĩnh vực")


def field_points_grid(grid: Grid, table: ScoreTable, head: str, self_merged_only: bool) -> Grid:
    """The grid "code | name | max | self | explanation" with a last column holding each field's
    self points in one cell merged down over the field's rows; the field's own row keeps its self
    points (or prints them in the merged cell alone: ``self_merged_only``); the total row's cell the
    total's self points."""
    tops = top_of(table)
    fields = iter(tops)
    rows = iter(table.rows)
    out = []
    for g in grid.rows:
        if g.kind == "header":
            out.append(replace(g, cells=(*g.cells, Cell(head, 1, None, True, "center"))))
        elif g.kind == "data":
            row, field = next(rows), next(fields)
            if row.code == field:
                cells = g.cells
                if self_merged_only:
                    cells = (*cells[:3], replace(cells[3], text=""), *cells[4:])
                # a field with no criteria printed is one cell, not merged
                merge = "restart" if tops.count(field) > 1 else None
                lead = Cell(points(row.self_points), 1, merge, True, "center")
                out.append(replace(g, cells=(*cells, lead)))
            else:
                out.append(replace(g, cells=(*g.cells, Cell("", 1, "continue", False, "center"))))
        else:
            out.append(replace(g, cells=(*g.cells, Cell(g.cells[3].text, 1, None, True, "center"))))
    return Grid((*grid.widths_cm, 2.0), tuple(out))


def field_points(inst: Instance) -> Built:
    """A score table "TT | name | max | self | explanation | Điểm lĩnh vực": each field's self points
    again in a last column, one cell merged down over the field's rows; the field's own row prints
    its maximum and self points as well (odd instances) or its maximum alone, its self points in the
    merged cell only (even). Truth: the rows as F01's (a field's self points the merged cell's)."""
    rng, year, meta, title, table = _scored(inst, (0.7, 0.9, 1.0))
    merged_only = inst.index % 2 == 0
    layout = _layout(rng, ("code", "name", "max", "self", "explanation"), widths_cm={"name": 6.0})
    table = as_printed(table, layout)
    grid = field_points_grid(score_grid(table, layout), table, rng.choice(FIELD_POINTS_HEADS), merged_only)
    doc = Document(meta, standard_blocks(meta, title, Table(grid), rng, year))
    variant = "field-points-" + ("merged-only" if merged_only else "repeated")
    return score_built(meta, docx_pdf(variant, doc), table)


# --- N67: the annex in two panels side by side -----------------------------------------------------------

VALUE_HEADS = ("Số liệu", "Kết quả", "Số lượng")


def split_at(rows: list[StatRow], at_top: bool) -> int:
    """Where the right panel starts: the top indicator nearest the middle (``at_top``, never the
    first row) or the middle row."""
    middle = (len(rows) + 1) // 2
    if not at_top:
        return middle
    tops = [i for i, r in enumerate(rows) if i > 0 and r.code is not None and "." not in r.code]
    return min(tops, key=lambda i: (abs(i - middle), i)) if tops else middle


def panel_cells(r: StatRow | None) -> tuple[Cell, ...]:
    """One panel's four cells of a row; blank where the panel has run out."""
    if r is None:
        return tuple(Cell("", 1, None, False, "center") for _ in range(4))
    top = r.code is not None and "." not in r.code
    value = "" if r.value is None else points(r.value)
    return (
        Cell(r.printed, 1, None, top, "center"),
        Cell(r.indicator, 1, None, top),
        Cell(r.unit, 1, None, False, "center"),
        Cell(value, 1, None, top, "center"),
    )


def two_panels_grid(rows: list[StatRow], heads: tuple[str, str, str, str], at_top: bool) -> Grid:
    """STT | indicator | unit | figure, twice in a row: the first rows on the left, the rest on the
    right beside them, the shorter panel padded with blank cells."""
    k = split_at(rows, at_top)
    left, right = rows[:k], rows[k:]
    header = tuple(Cell(h, 1, None, True, "center") for h in heads * 2)
    out = [GridRow(header, "header")]
    for i in range(max(len(left), len(right))):
        a = left[i] if i < len(left) else None
        b = right[i] if i < len(right) else None
        out.append(GridRow((*panel_cells(a), *panel_cells(b))))
    return Grid((1.0, 7.4, 1.7, 2.1) * 2, tuple(out))


def annex_two_panels(inst: Instance) -> Built:
    """A report whose annex, on a landscape page, prints its indicators in two panels side by side,
    "STT | Nội dung | ĐVT | Số liệu" twice in one header row: the first half on the left, the rest
    on the right from the top indicator nearest the middle (odd instances; a group never broken) or
    from the middle row (even; a group's items may go on at the top of the right panel). Truth
    ``value`` the figure beside each indicator; rows and ``ratio`` faults as F12's."""
    rng = inst.rng()
    rows, faults = statistics(rng, rng.randint(3, 5), letters=inst.index % 2 == 1, fault=inst.faulty)
    at_top = inst.index % 2 == 1
    number, head, unit_head = ANNEX_LABELS[(inst.index - 1) % len(ANNEX_LABELS)]
    heads = (number, head, unit_head, rng.choice(VALUE_HEADS))

    def grid_of(year: int, period: str) -> Grid:
        return two_panels_grid(rows, heads, at_top)

    doc, title = _annex_report(inst, rng, grid_of, lambda grid: Table(grid, font_pt=9))
    variant = "two-panels-" + ("at-group" if at_top else "at-middle")
    return annex_built(replace(doc, landscape=True), title, rows, faults, variant)


# --- N68: two rounds of appraisal ------------------------------------------------------------------------

ROUND_GROUPS = ("Điểm thẩm định", "Kết quả thẩm định", "Điểm thẩm định của huyện")
ROUND_HEADS = (("Lần 1", "Lần 2 (sau giải trình)"), ("Lần 1", "Lần 2"), ("Thẩm định lần 1", "Sau giải trình"))
BODY_HEADS = (
    ("Phòng Nội vụ thẩm định", "Hội đồng thẩm định"),
    ("Điểm Phòng Nội vụ đề xuất", "Điểm Hội đồng thẩm định"),
    ("Tổ thẩm định chấm", "Hội đồng thẩm định quyết định"),
)


def first_round(table: ScoreTable, rng: random.Random) -> dict[str, float | None]:
    """The first round's points: the final appraisal but about one leaf in four half a point lower
    (the commune's explanations won it back), their parents and the total lower by as much."""
    parents = {r.code: r.parent for r in table.rows}
    has_kids = {r.parent for r in table.rows}
    out: dict[str, float | None] = {r.code: r.appraised_points for r in table.rows}
    lost = 0.0
    for r in table.rows:
        if r.code in has_kids or r.appraised_points is None or r.appraised_points < 0.5 or rng.random() > 0.25:
            continue
        lost += 0.5
        code: str | None = r.code
        while code is not None:
            value = out[code]
            out[code] = None if value is None else round(value - 0.5, 2)
            code = parents[code]
    total = table.total_appraised
    out[""] = None if total is None else round(total - lost, 2)
    return out


def rounds_grid(grid: Grid, table: ScoreTable, first: dict[str, float | None], heads, group: str | None) -> Grid:
    """The grid "code | name | max | self | appraised | explanation" with the first round's cell
    before the appraisal's; its header the two heads under ``group`` (a two-row header, the other
    labels merged down) or the two heads alone."""
    rows = iter(table.rows)
    out: list[GridRow] = []
    for g in grid.rows:
        cells = g.cells
        if g.kind == "header":
            if group is None:
                heading = (*cells[:4], Cell(heads[0], 1, None, True, "center"), replace(cells[4], text=heads[1]))
                out.append(replace(g, cells=(*heading, cells[5])))
                continue
            top = [replace(c, vmerge="restart") for c in cells]
            bottom = [replace(c, text="", vmerge="continue") for c in cells]
            top[4:5] = [Cell(group, 2, None, True, "center")]
            bottom[4:5] = [Cell(h, 1, None, True, "center") for h in heads]
            out += [GridRow(tuple(top), "header"), GridRow(tuple(bottom), "header")]
            continue
        value = first[""] if g.kind == "total" else first[next(rows).code]
        cell = Cell(points(value), 1, None, g.kind == "total", "center")
        out.append(replace(g, cells=(*cells[:4], cell, *cells[4:])))
    return Grid((*grid.widths_cm[:4], grid.widths_cm[4], *grid.widths_cm[4:]), tuple(out))


def appraisal_rounds(inst: Instance) -> Built:
    """ "TT | name | max | self | first appraisal | final appraisal | note": the district's appraisal
    in two rounds beside the commune's self points, "Lần 1 | Lần 2 (sau giải trình)" under a
    merged "Điểm thẩm định" (odd instances) or the two appraising bodies' columns, "Phòng Nội vụ
    thẩm định | Hội đồng thẩm định" (even). The first round half a point lower on about one leaf in
    four, their parents and total as much. Truth: max, self and appraised points, the appraisal the
    final round (the last column of points); the first round is nothing."""
    rng, year, meta, title, table = _scored(inst, appraised=True)
    grouped = inst.index % 2 == 1
    labels = {
        **_labels(rng),
        "self": rng.choice(("Điểm tự chấm", "Điểm tự đánh giá", "Xã tự chấm")),
        "explanation": rng.choice(("Ghi chú", "Giải trình", "Lý do")),
    }
    layout = ScoreLayout(
        ("code", "name", "max", "self", "appraised", "explanation"),
        labels,
        widths_cm={"name": 6.0, "max": 1.5, "self": 1.6, "appraised": 1.8, "explanation": 2.4},
        total=rng.choice(("last", "last", None)),
        total_label=rng.choice(TOTAL_LABELS),
    )
    table = as_printed(table, layout)
    first = first_round(table, random.Random(f"{inst.name}/{inst.seed}/rounds"))
    heads = rng.choice(ROUND_HEADS if grouped else BODY_HEADS)
    grid = rounds_grid(score_grid(table, layout), table, first, heads, rng.choice(ROUND_GROUPS) if grouped else None)
    doc = Document(meta, standard_blocks(meta, title, Table(grid), rng, year))
    variant = "rounds-" + ("grouped" if grouped else "bodies")
    return score_built(meta, docx_pdf(variant, doc), table, appraised=True)


# --- N69: the field of each task in a column merged down -----------------------------------------------

FIELD_TASK_HEADS = ("Lĩnh vực", "Nội dung cải cách", "Lĩnh vực cải cách")


def numbered_in_fields(rows: list[TaskRow], restart: bool) -> list[TaskRow]:
    """The tasks numbered on across the table, or afresh in each field (``restart``)."""
    out, n, section = [], 0, None
    for r in rows:
        n = 1 if restart and r.section != section else n + 1
        section = r.section
        out.append(replace(r, code=str(n)))
    return out


def field_task_grid(rows: list[TaskRow], labels: dict[str, str], field_first: bool) -> Grid:
    """TT | field | task | product | deadline | lead | coordinator (or the field first): the field's
    "I. Title" in one cell merged down over its tasks, no heading rows."""
    columns = ("field", "code", "task", "product", "deadline", "lead", "coordinator")
    if not field_first:
        columns = ("code", "field", *columns[2:])
    widths = {"field": 3.2, "code": 1.0, "task": 7.0, "product": 3.6, "deadline": 2.8, "lead": 3.2, "coordinator": 3.2}
    out = [GridRow(tuple(Cell(labels[c], 1, None, True, "center") for c in columns), "header")]
    section = None
    for r in rows:
        values = {
            "code": r.code,
            "task": r.task,
            "product": r.product,
            "deadline": r.deadline,
            "lead": r.lead,
            "coordinator": r.coordinator,
        }
        cells = []
        for c in columns:
            if c == "field":
                starts = r.section != section
                text = f"{r.section}. {r.section_title}" if starts else ""
                cells.append(Cell(text, 1, "restart" if starts else "continue", True, "center"))
            else:
                cells.append(Cell(values[c], 1, None, False, "center" if c == "code" else "left"))
        section = r.section
        out.append(GridRow(tuple(cells)))
    return Grid(tuple(widths[c] for c in columns), tuple(out))


def plan_field_column(inst: Instance) -> Built:
    """A yearly plan (P01's frame) whose appendix task table "TT | Lĩnh vực | task | product |
    deadline | lead | coordinator" gives each task's field in a column of its own: "I. Cải cách thể
    chế" in one cell merged down over the field's tasks, no heading rows; the tasks numbered on
    across the table (odd instances), or the field's column first and the tasks numbered afresh in
    each field (even). Truth: the tasks in print order, ``section`` the merged cell's numeral,
    ``code`` as printed; ``criterion_code`` null; targets as P01's."""
    rng, year, meta, lines, targets = yearly_plan_start(inst)
    restart = inst.index % 2 == 0
    rows = numbered_in_fields([replace(r, lead_note="") for r in task_rows(rng, year, index_criteria())], restart)
    labels = {k: rng.choice(v) for k, v in TASK_HEADERS.items()}
    labels["field"] = rng.choice(FIELD_TASK_HEADS)
    grid = field_task_grid(rows, labels, restart)
    doc = plan_with_tasks(meta, rng, lines, year, grid)
    return plan_built(
        docx_pdf("field-column-" + ("first-restart" if restart else "after-running"), doc), meta, rows, targets
    )


NEW_LAYOUT_FAMILIES_P = {
    "N66_field_points_merged": field_points,
    "N67_annex_two_panels": annex_two_panels,
    "N68_appraisal_two_rounds": appraisal_rounds,
    "N69_plan_field_column": plan_field_column,
}

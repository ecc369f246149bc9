"""An eleventh batch of held-out typed layouts (N46-N49): forms real commune documents print that
neither F01-F31 nor N01-N45 have. Made only when named (``make_corpus.NEW_LAYOUTS``), so no standing
figure moves; the held-out test of the round after N42-N45 were developed on.

- N46 a yearly report whose annex, on a landscape page, gives each indicator's figure month by
  month, "T1 … T12" (odd instances) or "Tháng 1 … Tháng 12" (even), then the year's figure and a
  share column (an item's share of its count, or the year against the last);
- N47 a score table printing every row's whole path: the field's and the criterion's names
  repeated, text and no merged cell, on every row under them beside the row's own name;
- N48 a self-assessment scored by levels: "Hoàn thành tốt | Hoàn thành | Không hoàn thành" under a
  merged "Mức độ hoàn thành", a leaf's points in the cell of its level (odd instances), or an "x"
  there and the points in a column after (even);
- N49 a report whose figures sit in a two-column table "Nội dung | Kết quả" in its body, no code
  or unit column: the figure with its unit in the result cell (odd), or the unit in brackets after
  the indicator (even).

The truth is the generator's rows as for every family (tools/CORPUS.md)."""

from __future__ import annotations

import random
from dataclasses import replace

from corpusgen.common import Built, Instance, docx_pdf, score_built, standard_blocks
from corpusgen.document import Document, Table
from corpusgen.grid import Cell, Grid, GridRow, as_printed, depth, points, printed_code, score_grid
from corpusgen.new_layouts_c import STOCK_UNITS, with_true_counts
from corpusgen.new_layouts_i import body_figures_report, stat_lines
from corpusgen.new_layouts_j import MONTH_LABELS, MonthColumns, month_grid
from corpusgen.reports import StatRow
from corpusgen.scores import Row, ScoreTable
from corpusgen.typed_annexes import ANNEX_LABELS, _annex_report, _built as annex_built
from corpusgen.typed_forms import _layout, _scored
from normalize.numbers import format_vn

# --- N46: a figure per month for the year, landscape, a share column --------------------------------

YEAR_TOTALS = ("Cả năm", "Cộng cả năm", "Lũy kế năm {year}", "Tổng cộng")
# The share after the year's figure: an item's part of its count (odd instances) or the year's figure
# against last year's (even).
PART_SHARES = ("Tỷ lệ (%)", "Cơ cấu (%)", "Tỷ lệ so với tổng số (%)")
YEAR_SHARES = ("So với năm {last} (%)", "So sánh cùng kỳ (%)", "Tăng/giảm so với năm {last} (%)")
YEAR_ONLY = ("năm {year}",)
# STT, indicator, unit, twelve months, the year, the share: 24.3 cm, a landscape A4's text width.
TWELVE_WIDTHS = (1.1, 4.0, 1.3) + (1.25,) * 12 + (1.45, 1.45)


def part_share(row: StatRow, rows: list[StatRow]) -> str:
    """An item's share of its count in per cent ("78,46"): blank for a top indicator, a share, a
    stock, a heading or a count of 0."""
    if row.code is None or "." not in row.code or row.unit == "%" or row.unit in STOCK_UNITS or row.value is None:
        return ""
    whole = next((r for r in rows if r.code == row.code.rsplit(".", 1)[0]), None)
    if whole is None or not whole.value or whole.unit != row.unit:
        return ""
    return format_vn(round(100.0 * row.value / whole.value, 2))


def year_share(row: StatRow, rng: random.Random) -> str:
    """The year's figure against last year's in per cent ("112,5"): blank for a share or a heading."""
    if row.unit == "%" or row.value is None:
        return ""
    return format_vn(round(rng.uniform(80.0, 130.0), 1))


def with_last_column(grid: Grid, label: str, values: list[str]) -> Grid:
    """The grid with one column more, its label merged down a two-row header, one value a body row."""
    heads = [g for g in grid.rows if g.kind == "header"]
    body = iter(values)
    out = []
    for g in grid.rows:
        if g.kind == "header" and len(heads) == 1:
            cell = Cell(label, 1, None, True, "center")
        elif g.kind == "header":
            cell = Cell(label if g is heads[0] else "", 1, "restart" if g is heads[0] else "continue", True, "center")
        else:
            cell = Cell(next(body), 1, None, g.cells[0].bold, "center")
        out.append(replace(g, cells=g.cells + (cell,)))
    return Grid(grid.widths_cm + (1.0,), tuple(out))


def annex_twelve_months(inst: Instance) -> Built:
    """A yearly report whose annex, landscape, prints each indicator's figure per month, "T1 | … |
    T12" (odd instances) or "Tháng 1 | … | Tháng 12" (even), the year's figure after them under a
    merged "Kết quả thực hiện", and a share column last: an item's part of its count (odd) or the
    year against the last (even). A flow's months add up to the year, a stock prints the same figure
    every month, a share its month's share. Truth ``value``: the year's."""
    rng = inst.rng()
    rows, faults, true_rows = with_true_counts(inst, rng)
    odd = inst.index % 2 == 1
    head = ANNEX_LABELS[(inst.index - 1) % len(ANNEX_LABELS)]

    def grid_of(year: int, period: str) -> Grid:
        whole = rng.choice(YEAR_TOTALS).format(year=year)
        months = MonthColumns(MONTH_LABELS[0 if odd else 1], 12, "twelve")
        grid = month_grid(inst, rows, true_rows, head, months, whole)
        if odd:
            label, shares = rng.choice(PART_SHARES), [part_share(r, rows) for r in rows]
        else:
            label, shares = rng.choice(YEAR_SHARES).format(last=year - 1), [year_share(r, rng) for r in rows]
        return replace(with_last_column(grid, label, shares), widths_cm=TWELVE_WIDTHS)

    doc, title = _annex_report(inst, rng, grid_of, lambda grid: Table(grid, font_pt=8), YEAR_ONLY)
    variant = "twelve-months-" + ("part-share" if odd else "year-share")
    return annex_built(replace(doc, landscape=True), title, rows, faults, variant)


# --- N47: every row's path repeated, no merged cell ---------------------------------------------------

PATH_LABELS = (
    ("Lĩnh vực", "Tiêu chí", "Tiêu chí thành phần", "Nội dung chi tiết"),
    ("Lĩnh vực đánh giá", "Tiêu chí đánh giá", "Tiêu chí thành phần", "Nội dung"),
)


def path_cells(row: Row, by_code: dict[str, Row], width: int, coded: bool, bold: bool) -> tuple[Cell, ...]:
    """A row's ``width`` name cells: its ancestors' names (each "code name" when ``coded``) in the
    cells of their levels, its own in the cell of its level, blank after."""
    path = [row]
    while path[0].parent is not None:
        path.insert(0, by_code[path[0].parent])
    above = [f"{printed_code(r.code, 'dot')} {r.name}" if coded else r.name for r in path[:-1]]
    texts = above + [row.name] + [""] * (width - len(path))
    return tuple(Cell(t, 1, None, bold and k == len(path) - 1) for k, t in enumerate(texts))


def with_paths(grid: Grid, table: ScoreTable, labels: tuple[str, ...], coded: bool) -> Grid:
    """The grid with the name column (column 1) as one column per level, the path repeated."""
    by_code = {r.code: r for r in table.rows}
    width = max(2, 1 + max(depth(r, by_code) for r in table.rows))
    body = iter(table.rows)
    out = []
    for g in grid.rows:
        if g.kind == "header":
            names = tuple(replace(g.cells[1], text=label) for label in labels[:width])
        elif g.kind == "data":
            names = path_cells(next(body), by_code, width, coded, g.cells[1].bold)
        else:
            names = (replace(g.cells[1], span=g.cells[1].span + width - 1),)
        out.append(replace(g, cells=g.cells[:1] + names + g.cells[2:]))
    name_width = round(15.0 / width, 2)
    return Grid(grid.widths_cm[:1] + (name_width,) * width + grid.widths_cm[2:], tuple(out))


def names_repeated(inst: Instance) -> Built:
    """A score table on a landscape page printing every row's whole path, as a spreadsheet's rows
    do: "STT | Lĩnh vực | Tiêu chí | Tiêu chí thành phần | max | self | evidence", a criterion's
    row repeating its field's name, a sub-criterion's its field's and criterion's, no cell merged;
    the repeated names bare (odd instances) or after their code, "1.2. Kế hoạch CCHC" (even; a
    roman field's "I." as printed).
    Truth: the rows as F01's (a row's name its own)."""
    rng, year, meta, title, table = _scored(inst, (0.7, 0.9))
    layout = _layout(rng, ("code", "name", "max", "self", "explanation"), widths_cm={"explanation": 4.4})
    table = as_printed(table, layout)
    table = replace(table, rows=tuple(replace(r, evidence=()) for r in table.rows))
    coded = inst.index % 2 == 0
    grid = with_paths(score_grid(table, layout), table, rng.choice(PATH_LABELS), coded)
    doc = Document(meta, standard_blocks(meta, title, Table(grid, font_pt=10), rng, year), landscape=True)
    return score_built(meta, docx_pdf("paths-" + ("coded" if coded else "bare"), doc), table)


# --- N48: a leaf scored by its level's column ---------------------------------------------------------

LEVELS = (
    ("Hoàn thành tốt", "Hoàn thành", "Không hoàn thành"),
    ("Hoàn thành tốt", "Hoàn thành", "Chưa hoàn thành"),
    ("Tốt", "Đạt", "Chưa đạt"),
)
LEVEL_GROUPS = ("Mức độ hoàn thành", "Mức độ đánh giá", "Kết quả tự đánh giá")
TICKS = ("x", "X")


def level_of(row: Row) -> int | None:
    """A leaf's level: 0 full points, 2 none, 1 between; None unscored."""
    if row.self_points is None:
        return None
    if row.max_points is not None and row.self_points >= row.max_points:
        return 0
    return 2 if row.self_points == 0 else 1


def level_cells(row: Row | None, leaf: bool, ticked: str | None, bold: bool) -> tuple[Cell, ...]:
    """The three level cells of a body row: a leaf's points (or the tick ``ticked``) in its level's
    cell; a row made of others (or the total, ``row`` None) its sum across the three when no tick is
    printed, else nothing."""
    if not leaf:
        text = "" if ticked is not None or row is None else points(row.self_points)
        return (Cell(text, 3, None, bold, "center"),)
    level = level_of(row) if row is not None else None
    mark = ticked if ticked is not None else points(row.self_points if row is not None else None)
    return tuple(Cell(mark if k == level else "", 1, None, False, "center") for k in range(3))


def with_levels(grid: Grid, table: ScoreTable, at: int, levels: tuple[str, ...], group: str, tick: str | None) -> Grid:
    """The grid with three level columns in place of the self column (column ``at``, ``tick`` None),
    or before it (``tick`` the mark), under a merged ``group``; a one-row header made two."""
    parents = {r.parent for r in table.rows}
    body = iter(table.rows)
    (head,) = [g for g in grid.rows if g.kind == "header"]
    keep = 1 if tick is not None else 0  # the self column stays after the levels
    top = [replace(c, vmerge="restart") for c in head.cells]
    bottom = [replace(c, text="", vmerge="continue") for c in head.cells]
    top[at : at + 1] = [Cell(group, 3, None, True, "center")] + top[at : at + 1] * keep
    bottom[at : at + 1] = [Cell(x, 1, None, True, "center") for x in levels] + bottom[at : at + 1] * keep
    out = [GridRow(tuple(top), "header"), GridRow(tuple(bottom), "header")]
    for g in grid.rows:
        if g.kind == "header":
            continue
        row = next(body) if g.kind == "data" else None
        leaf = row is not None and row.code not in parents
        cells = level_cells(row, leaf, tick, g.cells[at].bold)
        if g.kind == "total" and tick is None:
            cells = (replace(g.cells[at], span=3),)
        out.append(replace(g, cells=g.cells[:at] + cells + g.cells[at : at + 1] * keep + g.cells[at + 1 :]))
    level_width = (1.8, 1.6, 1.8)
    widths = grid.widths_cm[:at] + level_width + grid.widths_cm[at : at + 1] * keep + grid.widths_cm[at + 1 :]
    return Grid(widths, tuple(out))


def level_columns(inst: Instance) -> Built:
    """A score table "STT | name | max | Hoàn thành tốt | Hoàn thành | Không hoàn thành | evidence",
    the levels under a merged "Mức độ hoàn thành": a leaf's self points in the cell of its level
    (full points: the first; none: the last; between: the middle), a row made of others and the
    total their sum across the three (odd instances); or an "x" in the level's cell and the self
    points in a column after the levels, a row made of others its sum there only (even). Truth:
    the points (the level is nothing); faults as F01's."""
    rng, year, meta, title, table = _scored(inst, (0.6, 0.8))
    columns = ("code", "name", "max", "self", "explanation")
    layout = _layout(rng, columns, widths_cm={"name": 6.0, "explanation": 3.2})
    table = as_printed(table, layout)
    table = replace(table, rows=tuple(replace(r, evidence=()) for r in table.rows))
    odd = inst.index % 2 == 1
    levels, group = rng.choice(LEVELS), rng.choice(LEVEL_GROUPS)
    tick = None if odd else rng.choice(TICKS)
    grid = with_levels(score_grid(table, layout), table, columns.index("self"), levels, group, tick)
    doc = Document(meta, standard_blocks(meta, title, Table(grid, font_pt=10), rng, year))
    return score_built(meta, docx_pdf("levels-" + ("points" if odd else "ticked"), doc), table)


# --- N49: the figures in a two-column "Nội dung | Kết quả" table --------------------------------------

COUNT_HEADS = (("Nội dung", "Kết quả"), ("Chỉ tiêu", "Kết quả thực hiện"), ("Nội dung", "Số liệu"))


def result_cell(row: StatRow, unit_in_name: bool) -> str:
    """A row's result: "238 hồ sơ", "96,22%" (the unit lower case after the figure) or the bare figure
    when the unit is in the name's brackets."""
    value = format_vn(row.value or 0.0)
    if unit_in_name:
        return value
    return value + "%" if row.unit == "%" else f"{value} {row.unit.lower()}"


def content_cell(row: StatRow, unit_in_name: bool) -> str:
    """A row's content: the top indicator numbered "1. …", an item "- …"; "(hồ sơ)" / "(%)" after
    it when ``unit_in_name``."""
    head = f"{row.code}. " if row.code is not None else "- "
    return head + row.indicator + (f" ({row.unit.lower()})" if unit_in_name else "")


def counts_grid(rows: list[StatRow], heads: tuple[str, str], unit_in_name: bool, result_of=None) -> Grid:
    """The two-column table: a header, then a row per indicator (the top ones bold). ``result_of(row,
    top)`` prints a row's result some other way (None: as ``result_cell``)."""
    out = [GridRow(tuple(Cell(h, 1, None, True, "center") for h in heads), "header")]
    for line in stat_lines(rows):
        for r in (line.top, *line.items):
            top = r is line.top
            result = None if result_of is None else result_of(r, line.top)
            cells = (
                Cell(content_cell(r, unit_in_name), 1, None, top),
                Cell(result_cell(r, unit_in_name) if result is None else result, 1, None, top, "center"),
            )
            out.append(GridRow(cells))
    return Grid((11.6, 4.2), tuple(out))


def counts_two_columns(inst: Instance) -> Built:
    """A six-month or yearly report whose figures are a two-column table "Nội dung | Kết quả" in
    its body under section I, no code, unit or note column: a top indicator numbered in its cell,
    "1. Tổng số hồ sơ TTHC tiếp nhận", its breakdown and share "- " rows under it; the result "238
    hồ sơ", "96,22%" (odd instances), or the bare figure with the unit in brackets after the
    indicator, "(hồ sơ)", "(%)" (even). Truth: the rows (annex "1"), the items' codes None."""
    unit_in_name = inst.index % 2 == 0
    return body_figures_report(
        inst,
        lambda rows, rng: [Table(counts_grid(rows, rng.choice(COUNT_HEADS), unit_in_name), font_pt=11)],
        lambda odd: "counts-" + ("unit-in-result" if odd else "unit-in-name"),
    )


NEW_LAYOUT_FAMILIES_K = {
    "N46_annex_twelve_months": annex_twelve_months,
    "N47_names_repeated": names_repeated,
    "N48_level_columns": level_columns,
    "N49_counts_two_columns": counts_two_columns,
}

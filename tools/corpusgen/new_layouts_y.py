"""A twenty-fifth batch of held-out typed layouts (N102-N105): forms real commune documents print that
neither F01-F31 nor N01-N101 have. Made only when named (``make_corpus.NEW_LAYOUTS``), so no standing
figure moves; the held-out test of the round after N98-N101 were developed on.

- N102 a score table with **no explanation column**: a leaf's self points and its explanation in
  **one cell**, "1,5 - Đã ban hành Kế hoạch số …" under "Điểm tự chấm, giải trình" (odd instances),
  or the points on the cell's first line and the explanation on the next (even);
- N103 a score table whose half and quarter points are written as **common fractions**: "1/2",
  "1 1/2", "1/4", "3/4" in the maximum, self and total cells (odd instances), or in the self points
  alone, the maxima with a decimal comma as the set prints them ("14,5" beside "13 1/2") (even);
- N104 a report whose statistics annex carries in its "Ghi chú" column **a remark holding a number
  on the rows**, "Tăng 3 so với cùng kỳ", "Giảm 2 so với cùng kỳ năm 2023", "Năm 2023: 41",
  "Đạt 95% kế hoạch": on every row with a figure (odd instances) or on some (even); the remarks'
  numbers are not values;
- N105 a score table whose names stand in **two columns, "Nội dung" and "Tiêu chí"**: a field's
  name in "Nội dung" in one cell **merged down** over the field's row and all its criteria (odd
  instances) or printed on the field's row alone, the cells below it blank (even); every criterion's
  and sub-criterion's name in "Tiêu chí"; the field's own row's "Tiêu chí" blank.

The truth is the generator's rows as for every family (tools/CORPUS.md)."""

from __future__ import annotations

import random
from dataclasses import replace

from corpusgen.common import Built, Instance, docx_pdf, score_built, standard_blocks
from corpusgen.document import Document, Table
from corpusgen.grid import Cell, Grid, GridRow, ScoreLayout, as_printed, depth, points, printed_code, score_grid
from corpusgen.new_layouts import TOTAL_LABELS, _labels, points_written
from corpusgen.reports import StatRow, statistics
from corpusgen.scores import ScoreTable
from corpusgen.typed_annexes import ANNEX_LABELS, _annex_report, _built as annex_built, annex_grid
from corpusgen.typed_forms import _scored

# --- N102: the self points and the explanation in one cell ----------------------------------------------

SELF_EXPLAINED = ("Điểm tự chấm, giải trình", "Điểm tự đánh giá và giải trình", "Kết quả tự chấm điểm")


def self_explained(points_text: str, explanation: str | None, on_lines: bool) -> str:
    """A leaf's self cell: its points, then its explanation after a dash (or on the next line)."""
    if not explanation:
        return points_text
    if not points_text:
        return explanation
    return f"{points_text}\n{explanation}" if on_lines else f"{points_text} - {explanation}"


def self_with_explanation(inst: Instance) -> Built:
    """A score table "STT | name | max | self and explanation": no explanation column, each leaf's
    self cell its points and its explanation, "1,5 - Đã ban hành Kế hoạch số 12/KH-UBND …" (odd
    instances) or on two lines (even); the fields' and the total's self cells their points alone.
    Truth: the rows as F01's (the explanation the text after the points); faults as F01's."""
    rng, year, meta, title, table = _scored(inst)
    on_lines = inst.index % 2 == 0
    labels = {**_labels(rng), "self": rng.choice(SELF_EXPLAINED)}
    layout = ScoreLayout(
        ("code", "name", "max", "self"),
        labels,
        widths_cm={"name": 7.4, "max": 1.7, "self": 6.4},
        total=rng.choice(("last", "last", "first", None)),
        total_label=rng.choice(TOTAL_LABELS),
    )
    table = as_printed(table, layout)
    grid = score_grid(table, layout)
    data = iter(table.rows)
    rows = []
    for g in grid.rows:
        if g.kind == "data":
            r = next(data)
            cells = list(g.cells)
            cells[3] = replace(cells[3], text=self_explained(cells[3].text, r.explanation, on_lines), align="left")
            g = replace(g, cells=tuple(cells))
        rows.append(g)
    grid = replace(grid, rows=tuple(rows))
    doc = Document(meta, standard_blocks(meta, title, Table(grid), rng, year))
    variant = "self-explained-" + ("lines" if on_lines else "dash")
    return score_built(meta, docx_pdf(variant, doc), table)


# --- N103: half and quarter points as common fractions --------------------------------------------------

FRACTIONS = {0.25: "1/4", 0.5: "1/2", 0.75: "3/4"}


def common_fraction(value: float | None) -> str:
    """Points as a common fraction where their part after the comma is a half or a quarter: "1/2",
    "1 1/2", "3/4"; any other figure as printed with a decimal comma."""
    if value is None:
        return ""
    whole = int(value)
    part = round(value - whole, 4)
    if part not in FRACTIONS:
        return points(value)
    return f"{whole} {FRACTIONS[part]}" if whole else FRACTIONS[part]


def points_fractions(inst: Instance) -> Built:
    """A score table "STT | name | max | self | evidence" whose halves and quarters are common
    fractions, "1/2", "1 1/2", "3/4", in the maximum and the self points (odd instances), or in the
    self points alone, the maxima as the set prints them with a decimal comma, "14,5" beside
    "13 1/2" (even); the total row too. Truth: the rows as F01's; faults as F01's."""
    rng, year, meta, title, table = _scored(inst)
    self_only = inst.index % 2 == 0
    layout = ScoreLayout(
        ("code", "name", "max", "self", "explanation"),
        _labels(rng),
        widths_cm={"name": 7.0, "explanation": 4.2, "max": 1.7, "self": 1.8},
        total=rng.choice(("last", "last", "first", None)),
        total_label=rng.choice(TOTAL_LABELS),
    )
    table = as_printed(table, layout)
    grid = score_grid(table, layout)
    # ``points_written`` rewrites the columns named "max" and "self": the maximum renamed keeps its comma
    written = replace(layout, columns=tuple("kept" if self_only and k == "max" else k for k in layout.columns))
    grid = points_written(grid, written, common_fraction)
    doc = Document(meta, standard_blocks(meta, title, Table(grid), rng, year))
    variant = "fractions-" + ("self-only" if self_only else "max-and-self")
    return score_built(meta, docx_pdf(variant, doc), table)


# --- N104: remarks holding numbers in the notes column -------------------------------------------------

COUNT_REMARKS = (
    "Tăng {d} so với cùng kỳ",
    "Giảm {d} so với cùng kỳ năm {last}",
    "Năm {last}: {prev}",
    "Đạt {p}% kế hoạch",
    "Cùng kỳ năm {last} là {prev}",
)
SHARE_REMARKS = ("Tăng {d}% so với cùng kỳ", "Năm {last}: {prev}%", "Chỉ tiêu tỉnh giao {p}%")


def remark(rng: random.Random, row: StatRow, year: int) -> str:
    """A remark with a figure of its own beside a row's value: a change against last year's same
    period, last year's figure, the plan reached; none beside a row without a value."""
    if row.value is None:
        return ""
    value = int(row.value)
    if row.unit == "%":
        prev = max(0, min(100, value - rng.randint(1, 10)))
        text = rng.choice(SHARE_REMARKS)
        return text.format(d=value - prev or 1, last=year - 1, prev=prev, p=rng.choice((80, 90, 95, 100)))
    change = rng.randint(1, max(2, value // 4))
    up = rng.random() < 0.5 and value > change
    prev = value - change if up else value + change
    text = rng.choice(COUNT_REMARKS[2:]) if rng.random() < 0.5 else COUNT_REMARKS[0 if up else 1]
    return text.format(d=change, last=year - 1, prev=max(0, prev), p=rng.choice((90, 95, 100, 105, 110)))


def annex_numbered_remarks(inst: Instance) -> Built:
    """A report whose statistics annex "STT | Nội dung | ĐVT | Kết quả | Ghi chú" carries a remark
    with a number in the notes ("Tăng 3 so với cùng kỳ", "Năm 2023: 41", "Đạt 95% kế hoạch") on
    every row with a value (odd instances) or on about half of them (even). Truth: the rows as
    F12's; the remarks nothing; faults as F12's."""
    rng = inst.rng()
    every = inst.index % 2 == 1
    rows, faults = statistics(rng, rng.randint(3, 5), letters=rng.random() < 0.5, fault=inst.faulty)
    labels = rng.choice(ANNEX_LABELS) + (rng.choice(("Kết quả", "Số liệu", "Kết quả thực hiện")), "Ghi chú")

    def grid_of(year: int, period: str) -> Grid:
        noted = [replace(r, note=remark(rng, r, year) if every or rng.random() < 0.5 else "") for r in rows]
        grid = annex_grid(noted, labels, None)
        return replace(grid, widths_cm=(1.2, 7.6, 1.8, 2.0, 4.2))

    doc, title = _annex_report(inst, rng, grid_of)
    return annex_built(doc, title, rows, faults, "numbered-remarks-" + ("every-row" if every else "some-rows"))


# --- N105: "Nội dung" and "Tiêu chí" columns, the field's name down the left ---------------------------

CONTENT_HEADS = (("Nội dung", "Tiêu chí"), ("Nội dung đánh giá", "Tiêu chí đánh giá"), ("Lĩnh vực", "Tiêu chí"))


def field_down_left_rows(table: ScoreTable, layout: ScoreLayout, merged: bool) -> list[GridRow]:
    """The data rows: code | field's name | criterion's name | max | self | evidence; the field's
    name on its own row, and down over its criteria in one merged cell (``merged``) or blank below."""
    by_code = {r.code: r for r in table.rows}
    out = []
    for r in table.rows:
        level = depth(r, by_code)
        top = level == 0
        field = Cell(r.name if top else "", 1, ("restart" if top else "continue") if merged else None, top)
        name = Cell("" if top else r.name, 1, None, top)
        figures = tuple(
            Cell(text, 1, None, top and key != "explanation", "left" if key == "explanation" else "center")
            for key, text in (
                ("max", points(r.max_points)),
                ("self", points(r.self_points)),
                ("explanation", r.explanation or ""),
            )
        )
        code = Cell(printed_code(r.code, layout.code_style), 1, None, top, "center")
        out.append(GridRow((code, field, name, *figures)))
    return out


def field_down_left(inst: Instance) -> Built:
    """A score table "STT | Nội dung | Tiêu chí | max | self | evidence" (landscape): a field's name
    in "Nội dung", in one cell merged down over its row and its criteria (odd instances) or on its
    own row alone, blank below (even); every criterion's and sub-criterion's name in "Tiêu chí", the
    field's row's "Tiêu chí" blank; the total's label across both name columns; written from the
    generator's commune set (``new_layouts.own_set``: several fields, each with criteria). Truth: the
    rows as F01's; faults as F01's."""
    rng, year, meta, title, table = _scored(inst)
    merged = inst.index % 2 == 1
    labels = _labels(rng)
    layout = ScoreLayout(
        ("code", "name", "max", "self", "explanation"),
        labels,
        total=rng.choice(("last", "last", "first", None)),
        total_label=rng.choice(TOTAL_LABELS),
    )
    table = as_printed(table, layout)
    heads = (labels["code"], *rng.choice(CONTENT_HEADS), labels["max"], labels["self"], labels["explanation"])
    header = GridRow(tuple(Cell(h, 1, None, True, "center") for h in heads), "header")
    total = GridRow(
        (
            Cell("", 1, None, True),
            Cell(layout.total_label, 2, None, True, "center"),
            Cell(points(table.total_max), 1, None, True, "center"),
            Cell(points(table.total_self), 1, None, True, "center"),
            Cell("", 1, None, True),
        ),
        "total",
    )
    body = field_down_left_rows(table, layout, merged)
    rows = [header, *([total] if layout.total == "first" else []), *body, *([total] if layout.total == "last" else [])]
    grid = Grid((1.2, 5.4, 8.6, 1.7, 1.8, 5.6), tuple(rows))
    doc = Document(meta, standard_blocks(meta, title, Table(grid), rng, year), landscape=True)
    variant = "field-down-left-" + ("merged" if merged else "once")
    return score_built(meta, docx_pdf(variant, doc), table)


NEW_LAYOUT_FAMILIES_Y = {
    "N102_self_with_explanation": self_with_explanation,
    "N103_points_fractions": points_fractions,
    "N104_annex_numbered_remarks": annex_numbered_remarks,
    "N105_field_down_left": field_down_left,
}

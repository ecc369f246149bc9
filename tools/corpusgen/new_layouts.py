"""New held-out typed layouts (N01-N05): forms real commune documents print that no family F01-F31
has, made only when named (``make_corpus.NEW_LAYOUTS``) so no standing figure moves. A rule written
on the other families meets them first here: they are the held-out test of the next round.

- N01 the evidence column ("Tài liệu kiểm chứng") printed between two points columns;
- N02 one table per field, each with its own header, the field's name in capitals;
- N03 points printed with their unit in the cell ("2 điểm", "1,5đ") and the deduction written out in
  the explanation ("trừ 0,5 điểm do …");
- N04 a spreadsheet printed to PDF: the unit and the title in merged rows inside the grid, a header
  of column numbers only (with the legend above the grid) or points with two decimals;
- N05 a statistics annex with two periods side by side (this period and the same period last year,
  a comparison column in some).

The truth is the generator's rows as for every family (tools/CORPUS.md)."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import replace

from corpusgen.common import (
    Built,
    Instance,
    docx_pdf,
    family_code,
    score_built,
    standard_blocks,
)
from corpusgen.commune_set import COMMUNE_SET
from corpusgen.document import Document, Para, Table
from corpusgen.grid import Cell, Grid, GridRow, ScoreLayout, as_printed, points, printed_code, score_grid
from corpusgen.reports import StatRow, statistics
from corpusgen.scores import Row, ScoreTable
from corpusgen.sets import CriteriaSet
from corpusgen.typed_annexes import ANNEX_LABELS, _annex_report
from corpusgen.typed_forms import _scored
from normalize.numbers import format_vn

LABELS = {
    "code": ("STT", "TT"),
    "name": ("Lĩnh vực/Tiêu chí/Tiêu chí thành phần", "Nội dung tiêu chí", "Tiêu chí đánh giá"),
    "max": ("Điểm tối đa", "Điểm chuẩn", "Thang điểm"),
    "self": ("Điểm tự chấm", "Điểm tự đánh giá", "Điểm UBND xã tự chấm"),
    "appraised": ("Điểm thẩm định", "Điểm Phòng Nội vụ thẩm định"),
    "explanation": ("Tài liệu kiểm chứng", "Tài liệu kiểm chứng (số, ký hiệu văn bản)", "Văn bản kiểm chứng"),
}
TOTAL_LABELS = ("Tổng cộng", "TỔNG ĐIỂM", "Tổng số điểm")


def _labels(rng: random.Random) -> dict:
    return {k: rng.choice(v) for k, v in LABELS.items()}


def evidence_between_points(inst: Instance) -> Built:
    """The evidence column between two points columns: "Điểm tối đa | Tài liệu kiểm chứng | Điểm tự
    chấm" (odd instances), or "Điểm tự chấm | Tài liệu kiểm chứng | Điểm thẩm định" (even: the
    appraised points last, as the district's appraisal form adds them)."""
    appraised = inst.index % 2 == 0
    rng, year, meta, title, table = _scored(inst, appraised=appraised)
    columns = (
        ("code", "name", "max", "self", "explanation", "appraised")
        if appraised
        else ("code", "name", "max", "explanation", "self")
    )
    layout = ScoreLayout(
        columns,
        _labels(rng),
        widths_cm={"name": 6.4, "explanation": 4.0, "max": 1.6, "self": 1.7, "appraised": 1.8},
        total=rng.choice(("last", "last", None)),
        total_label=rng.choice(TOTAL_LABELS),
    )
    table = as_printed(table, layout)
    doc = Document(meta, standard_blocks(meta, title, Table(score_grid(table, layout)), rng, year))
    variant = "evidence-before-appraised" if appraised else "evidence-between-max-self"
    return score_built(meta, docx_pdf(variant, doc), table, appraised=appraised)


def _upper_fields(table: ScoreTable) -> ScoreTable:
    """The top rows' names in capitals, as many communes print a field: the truth is what is printed."""
    rows = tuple(replace(r, name=r.name.upper()) if r.parent is None else r for r in table.rows)
    return replace(table, rows=rows)


def _subtree(rows: tuple[Row, ...], top: Row) -> list[Row]:
    """A top row and every row under it, in print order."""
    codes, out = {top.code}, [top]
    for r in rows:
        if r.parent in codes:
            codes.add(r.code)
            out.append(r)
    return out


def table_per_field(inst: Instance) -> Built:
    """One table per field, each under its own header: the field's row in capitals opening its table
    (odd instances), or the field as a heading above its table and a "Cộng" row closing it with the
    field's points (even). The grand total in a table of its own after the last field."""
    rng, year, meta, title, table = _scored(inst)
    table = _upper_fields(table)
    tops = [r for r in table.rows if r.parent is None]
    # a heading over each table wants criteria under the fields (a field-level set prints its rows)
    heading_style = inst.index % 2 == 0 and all(len(_subtree(table.rows, t)) > 1 for t in tops)
    labels = _labels(rng)
    labels["explanation"] = rng.choice(("Ghi chú", "Giải trình", "Tài liệu kiểm chứng"))
    total = rng.choice(("last", None))
    layout = ScoreLayout(("code", "name", "max", "self", "explanation"), labels, total=None)
    table = as_printed(table, replace(layout, total=total))
    blocks: list = []
    for top in tops:
        part = replace(table, rows=tuple(_subtree(table.rows, top)), total_max=None, total_self=None, faults=())
        grid = score_grid(part, layout)
        if heading_style:  # the field's row leaves the table for the heading and the closing "Cộng"
            blocks.append(Para(f"{printed_code(top.code, 'dot')} {top.name}", bold=True, align="left"))
            closing = GridRow(
                (
                    Cell("", 1, None, True),
                    Cell("Cộng", 1, None, True, "center"),
                    Cell(points(top.max_points), 1, None, True, "center"),
                    Cell(points(top.self_points), 1, None, True, "center"),
                    Cell(""),
                ),
                "total",
            )
            grid = Grid(grid.widths_cm, grid.rows[:1] + grid.rows[2:] + (closing,))
        blocks.append(Table(grid))
    if total:
        grand = GridRow(
            (
                Cell(rng.choice(TOTAL_LABELS).upper(), 2, None, True, "center"),
                Cell(points(table.total_max), 1, None, True, "center"),
                Cell(points(table.total_self), 1, None, True, "center"),
                Cell(""),
            ),
            "total",
        )
        blocks.append(Table(Grid(blocks[-1].grid.widths_cm, (grand,))))
    head = standard_blocks(meta, title, Table(Grid((1.0,), ())), rng, year)
    doc = Document(meta, head[:3] + tuple(blocks) + head[4:])
    return score_built(meta, docx_pdf("field-tables-" + ("headings" if heading_style else "rows"), doc), table)


UNIT_STYLES = ("{v} điểm", "{v}đ", "{v} đ", "{v} điểm")


def _with_unit(value: float | None, style: str, decimals: bool) -> str:
    if value is None:
        return ""
    text = format_vn(value)
    if decimals and "," not in text:  # one decimal where the value has none ("2,0 điểm")
        text += ",0"
    return style.format(v=text)


DEDUCTION_REASONS = (
    "chậm ban hành kế hoạch",
    "chậm gửi báo cáo định kỳ",
    "chưa hoàn thành {k}/{n} nhiệm vụ",
    "tỷ lệ hồ sơ trực tuyến chưa đạt chỉ tiêu",
    "{k} hồ sơ giải quyết quá hạn",
    "chưa công khai đầy đủ thủ tục hành chính",
)


def _deductions(table: ScoreTable, rng: random.Random) -> ScoreTable:
    """A leaf scored below its maximum says why in its explanation ("Trừ 0,5 điểm do …"): the
    deduction's number sits beside the points, not in a points column."""
    parents = {r.parent for r in table.rows}
    rows = []
    for r in table.rows:
        short = (
            r.code not in parents
            and r.self_points is not None
            and r.max_points is not None
            and r.self_points < r.max_points
        )
        if short:
            n = rng.randint(3, 12)
            reason = rng.choice(DEDUCTION_REASONS).format(k=rng.randint(1, n - 1), n=n)
            lost = format_vn(round(r.max_points - r.self_points, 4))
            note = rng.choice((f"Trừ {lost} điểm do {reason}", f"{reason.capitalize()}, trừ {lost} điểm"))
            r = replace(r, explanation=f"{r.explanation}; {note[0].lower()}{note[1:]}" if r.explanation else note)
        rows.append(r)
    return replace(table, rows=tuple(rows))


def points_with_units(inst: Instance) -> Built:
    """Points printed with their unit in the cell ("2 điểm", "1,5đ", "2,0 đ"; odd instances keep
    one decimal) and each deduction written out in the explanation ("Trừ 0,5 điểm do …")."""
    rng, year, meta, title, table = _scored(inst)
    table = _deductions(table, rng)
    style = UNIT_STYLES[(inst.index - 1) % len(UNIT_STYLES)]
    decimals = inst.index % 2 == 1
    layout = ScoreLayout(
        ("code", "name", "max", "self", "explanation"),
        {**_labels(rng), "explanation": rng.choice(("Giải trình", "Ghi chú", "Lý do trừ điểm"))},
        widths_cm={"name": 6.8, "max": 2.0, "self": 2.0, "explanation": 4.6},
        total=rng.choice(("last", "last", None)),
        total_label=rng.choice(TOTAL_LABELS),
    )
    table = as_printed(table, layout)
    grid = points_written(score_grid(table, layout), layout, lambda value: _with_unit(value, style, decimals))
    doc = Document(meta, standard_blocks(meta, title, Table(grid), rng, year))
    return score_built(meta, docx_pdf("points-with-units", doc), table)


def _parse(text: str) -> float | None:
    return float(text.replace(",", ".")) if text else None


def points_written(grid: Grid, layout: ScoreLayout, written: Callable[[float | None], str]) -> Grid:
    """The score grid with each maximum and self points cell of its data and total rows rewritten
    from the figure it holds: ``written(value)`` (a unit added, a decimal point for the comma)."""
    point_columns = [k for k, key in enumerate(layout.columns) if key in ("max", "self")]
    rows = []
    for g in grid.rows:
        if g.kind in ("data", "total"):
            cells = list(g.cells)
            for k in point_columns:
                cells[k] = replace(cells[k], text=written(_parse(cells[k].text)))
            g = replace(g, cells=tuple(cells))
        rows.append(g)
    return replace(grid, rows=tuple(rows))


# A sheet's own title rows (an export of the scoring workbook, not a report's title page).
SHEET_TITLES = (
    ("BẢNG TỰ ĐÁNH GIÁ, CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM {year}",),
    ("KẾT QUẢ TỰ CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH", "NĂM {year} CỦA UBND XÃ {COMMUNE}"),
    ("BIỂU TỰ ĐÁNH GIÁ CHỈ SỐ CCHC NĂM {year}",),
)
NUMBERED_LEGEND = {
    "code": "số thứ tự",
    "name": "lĩnh vực, tiêu chí, tiêu chí thành phần",
    "max": "điểm tối đa",
    "self": "điểm tự đánh giá",
    "explanation": "tài liệu kiểm chứng, giải trình",
}


def spreadsheet_print(inst: Instance) -> Built:
    """A spreadsheet printed to PDF: the commune and the title in merged rows inside the grid (no
    Decree 30 header, no number), then a header of column numbers only with the legend above the
    grid (odd instances) or named columns and points with two decimals (even), the sheet's
    signature as lines under it. Truth: the printed metadata (commune, title, date, signer)."""
    rng, year, meta, _title, table = _scored(inst)
    numbered = inst.index % 2 == 1
    columns = ("code", "name", "max", "self", "explanation")
    labels = {**_labels(rng), **({k: f"({i})" for i, k in enumerate(columns, start=1)} if numbered else {})}
    layout = ScoreLayout(
        columns,
        labels,
        widths_cm={"code": 1.2, "name": 8.4, "max": 1.8, "self": 1.8, "explanation": 4.4},
        total=rng.choice(("last", "first")),
        total_label=rng.choice(TOTAL_LABELS),
        code_style="plain",
    )
    table = as_printed(table, layout)
    grid = score_grid(table, layout)
    if not numbered:  # a number format of two decimals, as the sheet's cells are formatted
        grid = replace(grid, rows=tuple(_two_decimals(g, layout) for g in grid.rows))
    n = len(grid.widths_cm)
    sheet_title = tuple(line.format(year=year, COMMUNE=meta.place.commune.upper()) for line in rng.choice(SHEET_TITLES))
    top = [GridRow((Cell(f"UBND XÃ {meta.place.commune.upper()}", n, None, True, "left"),))]
    top += [GridRow((Cell(line, n, None, True, "center"),)) for line in sheet_title]
    grid = replace(grid, rows=tuple(top) + grid.rows)
    meta = replace(meta, title_lines=sheet_title)
    blocks: list = [Table(grid, repeat_header=False, font_pt=10)]
    if numbered:  # the sheet's note rows under the grid say what each numbered column holds
        legend = "; ".join(f"cột ({i}): {NUMBERED_LEGEND[k]}" for i, k in enumerate(columns, start=1))
        blocks.append(Para(f"Ghi chú: {legend}.", italic=True, align="left"))
    blocks += [
        Para(meta.place_date(), italic=True, align="right"),
        Para("CHỦ TỊCH", bold=True, align="right"),
        Para(meta.signer, bold=True, align="right"),
    ]
    doc = Document(meta, tuple(blocks), landscape=not numbered)
    printed = frozenset({"commune", "title", "issuer", "signer", "date"})
    variant = "sheet-numbered-header" if numbered else "sheet-two-decimals"
    built = score_built(meta, docx_pdf(variant, doc, printed), table)
    built.document = meta.truth(set(printed))
    return built


def _two_decimals(row: GridRow, layout: ScoreLayout) -> GridRow:
    if row.kind not in ("data", "total"):
        return row
    cells = list(row.cells)
    for k, key in enumerate(layout.columns):
        if key in ("max", "self") and cells[k].text:
            cells[k] = replace(cells[k], text=f"{_parse(cells[k].text):.2f}".replace(".", ","))
    return replace(row, cells=tuple(cells))


PERIOD_LABELS = (
    ("{period}", "Cùng kỳ năm {prior}"),
    ("Kỳ này", "Cùng kỳ năm trước"),
    ("Năm {year}", "Năm {prior}"),
    ("Thực hiện {period}", "Cùng kỳ {prior}"),
)
COMPARE_LABELS = ("So sánh (%)", "Tăng/giảm so với cùng kỳ (%)", "Tỷ lệ so với cùng kỳ (%)")


def _prior(rows: list[StatRow], rng: random.Random) -> list[float | None]:
    """The same period last year: counts scaled by one factor (rounded), shares a few points off."""
    factor = rng.uniform(0.7, 1.15)
    out: list[float | None] = []
    for r in rows:
        if r.value is None:
            out.append(None)
        elif r.unit == "%":
            out.append(round(max(0.0, min(100.0, r.value - rng.choice((-4.5, -2.0, 0.0, 3.25, 6.5)))), 2))
        else:
            out.append(float(round(r.value * factor)))
    return out


def annex_two_periods(inst: Instance) -> Built:
    """A statistics annex with this period and the same period last year side by side: this period
    first (odd instances) or last (even), a comparison column (this over last, in %) in instances
    1 and 2. Truth ``value``: this period's figure."""
    rng = inst.rng()
    rows, faults = statistics(rng, rng.randint(3, 5), letters=inst.index % 2 == 1, fault=inst.faulty)
    prior = _prior(rows, rng)
    current_first = inst.index % 2 == 1
    compare = inst.index <= 2
    now_label, then_label = PERIOD_LABELS[(inst.index - 1) % len(PERIOD_LABELS)]
    head = ANNEX_LABELS[(inst.index - 1) % len(ANNEX_LABELS)]
    compare_label = rng.choice(COMPARE_LABELS)

    def grid_of(year: int, period: str) -> Grid:
        words = {"period": period[0].upper() + period[1:], "year": year, "prior": year - 1}
        now, then = now_label.format(**words), then_label.format(**words)
        figures = (now, then) if current_first else (then, now)
        labels = head + figures + ((compare_label,) if compare else ()) + ("Ghi chú",)
        widths = (1.1, 7.0, 1.8, 2.2, 2.2) + ((2.0,) if compare else ()) + (1.8,)
        out = [GridRow(tuple(Cell(h, 1, None, True, "center") for h in labels), "header")]
        for r, before in zip(rows, prior):
            bold = r.code is not None and "." not in r.code
            pair = (points(r.value), points(before)) if current_first else (points(before), points(r.value))
            cells = [Cell(r.printed, 1, None, bold, "center"), Cell(r.indicator, 1, None, bold)]
            cells.append(Cell(r.unit, 1, None, False, "center"))
            cells += [Cell(text, 1, None, bold, "center") for text in pair]
            if compare:
                ratio = (
                    ""
                    if not before or r.value is None or r.unit == "%"
                    else format_vn(round(100 * r.value / before, 1))
                )
                cells.append(Cell(ratio, 1, None, False, "center"))
            cells.append(Cell(r.note))
            out.append(GridRow(tuple(cells)))
        return Grid(widths, tuple(out))

    doc, title = _annex_report(inst, rng, grid_of)
    built = Built(docx_pdf("two-periods", doc), doc.meta.truth(), commune=doc.meta.place.commune)
    built.statistics = [{"annex": "1", "title": title, "rows": [r.truth() for r in rows]}]
    built.faults = faults
    return built


def own_set(family: str, index: int) -> CriteriaSet | None:
    """The set an instance is written from when it is not the drawn one: the generator's commune set
    for every table printed field by field or summed by field apart (N02, N09: the catalogue has no
    set of several fields with criteria; N25 likewise, and N35, whose fields close with a subtotal;
    N62, whose field numeral is merged down over the field's criteria; N66, whose field's points are;
    N70, whose sub-criteria are lettered in their criterion's cell; N72, whose points stand by level;
    N82, whose fields made of criteria are headings across the table; N88, whose summary prints the
    fields across; N105, whose field's name stands down the left of its criteria's),
    or whose levels only bullets show (N23: a flat set shows none), and for instances 3-4 of the
    other score layouts (a set no reader's rule has seen)."""
    later = (
        *("N01", "N03", "N04", "N06", "N07", "N11", "N12", "N14", "N16", "N17", "N19", "N21", "N24", "N26", "N28"),
        *("N30", "N31", "N34", "N38", "N39", "N44", "N45", "N47", "N48", "N51", "N83"),
    )
    own = ("N02", "N09", "N23", "N25", "N35", "N62", "N66", "N70", "N72", "N82", "N88", "N105")
    if family_code(family) in own or (family_code(family) in later and index >= 3):
        return COMMUNE_SET
    return None


NEW_LAYOUT_FAMILIES = {
    "N01_evidence_between_points": evidence_between_points,
    "N02_table_per_field": table_per_field,
    "N03_points_with_units": points_with_units,
    "N04_spreadsheet_print": spreadsheet_print,
    "N05_annex_two_periods": annex_two_periods,
}

"""A fifth batch of held-out typed layouts (N21-N25): forms real commune documents print that neither
F01-F31 nor N01-N20 have. Made only when named (``make_corpus.NEW_LAYOUTS``), so no standing figure
moves; the held-out test of the round after N16-N20 were developed on.

- N21 the evidence column first ("Tài liệu kiểm chứng | STT | Nội dung | Thang điểm | Điểm đạt
  được"), under column words the usual forms do not use for the maximum and the self points;
- N22 a statistics annex whose figures run into thousands and print their thousands separator
  ("12.560 hồ sơ" a ward's yearly files), or, pasted from a spreadsheet kept in the English number
  format, a comma for the thousands and a point for the decimals ("12,560", "96.15");
- N23 a score table with no code column: the fields bold, the criteria and sub-criteria marked in
  the name cell by bullets ("- ", "+ ") or letters ("a) ");
- N24 a score table typed as lines aligned by tab stops, no table at all (a text PDF whose columns
  are only where the text stands), the names broken by hand, dot leaders in some;
- N25 a report whose score table prints the fields only, each field's criteria a table of their
  own in the annex under the field's heading.

The truth is the generator's rows as for every family (tools/CORPUS.md)."""

from __future__ import annotations

import random
import textwrap
from dataclasses import replace

from corpusgen.common import Built, Instance, docx_pdf, score_built, standard_blocks
from corpusgen.document import Document, PageBreak, Para, Table, Title
from corpusgen.grid import Grid, GridRow, ScoreLayout, as_printed, depth, points, printed_code, score_grid
from corpusgen.new_layouts import TOTAL_LABELS
from corpusgen.new_layouts_b import summary_grid
from corpusgen.reports import StatRow, statistics
from corpusgen.scores import ScoreTable, renumber
from corpusgen.tab_rows import TabLine, TabRows, TabStop
from corpusgen.typed_annexes import ANNEX_LABELS, _annex_report, _built as annex_built, annex_grid
from corpusgen.typed_forms import _scored

# --- N21: the evidence column first, under words the usual forms do not print ---------------------

EVIDENCE_FIRST = {
    "explanation": (
        "Tài liệu kiểm chứng",
        "Văn bản, tài liệu kiểm chứng",
        "Tài liệu kiểm chứng (số, ký hiệu, ngày ban hành)",
        "Hồ sơ minh chứng",
    ),
    "code": ("STT", "TT", "Số TT"),
    "name": ("Nội dung", "Nội dung tiêu chí", "Tiêu chí đánh giá", "Nội dung đánh giá, chấm điểm"),
    "max": ("Thang điểm", "Điểm quy định", "Điểm chuẩn", "Số điểm tối đa được chấm"),
    "self": ("Điểm đạt được", "Kết quả tự chấm", "Điểm do xã tự đánh giá", "Điểm UBND xã tự chấm"),
}


def evidence_first(inst: Instance) -> Built:
    """The evidence column printed before the criteria: "Tài liệu kiểm chứng | STT | Nội dung | Thang
    điểm | Điểm đạt được" (odd instances), or between the number and the name, "STT | Tài liệu kiểm
    chứng | Nội dung | …" (even), as forms that list the evidence a criterion asks for first print it;
    the maximum and self points under words such as "Thang điểm", "Điểm quy định", "Kết quả tự chấm",
    "Điểm do xã tự đánh giá". Truth: as every score table's, the evidence cell its ``explanation``."""
    rng, year, meta, title, table = _scored(inst)
    labels = {k: rng.choice(v) for k, v in EVIDENCE_FIRST.items()}
    first = inst.index % 2 == 1
    before = ("explanation", "code") if first else ("code", "explanation")
    columns = (*before, "name", "max", "self")
    layout = ScoreLayout(
        columns,
        labels,
        widths_cm={"explanation": 4.2, "code": 1.2, "name": 6.6, "max": 1.8, "self": 2.0},
        total=rng.choice(("last", "last", "first", None)),
        total_label=rng.choice(TOTAL_LABELS),
    )
    table = as_printed(table, layout)
    doc = Document(meta, standard_blocks(meta, title, Table(score_grid(table, layout)), rng, year))
    return score_built(meta, docx_pdf("evidence-first" if first else "evidence-after-number", doc), table)


# --- N22: figures into thousands, with their separator ----------------------------------------------

# Files a ward or a large commune receives in a year run into thousands; the other counts do not.
SCALED_UNITS = ("Hồ sơ",)
NUMBER_FORMATS = ("vi", "en")  # "12.560" / "96,15" (Vietnamese) and "12,560" / "96.15" (a sheet kept in English)


def grouped(value: float | None, style: str) -> str:
    """A figure as the annex prints it: thousands grouped by three ("12.560"), decimals after a comma
    ("96,15"), at most two of them; "en" swaps the two marks ("12,560", "96.15")."""
    if value is None:
        return ""
    whole, point = f"{value:,.2f}".rstrip("0").rstrip(".").partition(".")[::2]
    if style == "vi":
        whole = whole.replace(",", ".")
        return whole + ("," + point if point else "")
    return whole + ("." + point if point else "")


def scaled(rows: list[StatRow], factor: int) -> list[StatRow]:
    """The rows with every count of files (and its items) ``factor`` times larger: each group's
    counts scale together, so its items still add up to it and its ratio (printed as it was) holds."""
    return [replace(r, value=r.value * factor) if r.unit in SCALED_UNITS and r.value is not None else r for r in rows]


def annex_thousands(inst: Instance) -> Built:
    """A report and its statistics annex ("STT | Nội dung | ĐVT | Số liệu | Ghi chú") whose files run
    into thousands (a ward's year: 1.200-21.000 files) and print grouped by three: "12.560" with the
    decimals after a comma, "96,15" (odd instances), or with a comma for the thousands and a point
    for the decimals, "12,560" and "96.15", as a table pasted from a spreadsheet kept in the English
    number format (even). Truth ``value``: the figure; rows and ``ratio`` faults as F12's."""
    rng = inst.rng()
    rows, faults = statistics(rng, rng.randint(5, 6), letters=inst.index % 4 == 1, fault=inst.faulty)
    rows = scaled(rows, rng.randint(8, 30))
    style = NUMBER_FORMATS[(inst.index - 1) % 2]
    labels = ANNEX_LABELS[(inst.index - 1) % len(ANNEX_LABELS)] + (
        rng.choice(("Số liệu", "Kết quả", "Số lượng")),
        "Ghi chú",
    )

    def grid_of(year: int, period: str) -> Grid:
        grid = annex_grid(rows, labels, None)
        body = iter(rows)
        out = [g if g.kind == "header" else _figure(g, next(body), style) for g in grid.rows]
        return replace(grid, rows=tuple(out))

    doc, title = _annex_report(inst, rng, grid_of)
    return annex_built(doc, title, rows, faults, "thousands-" + ("dot" if style == "vi" else "comma"))


def _figure(g: GridRow, row: StatRow, style: str) -> GridRow:
    """The annex row with its figure (the fourth cell) printed grouped."""
    cell = replace(g.cells[3], text=grouped(row.value, style), align="right")
    return replace(g, cells=g.cells[:3] + (cell,) + g.cells[4:])


# --- N23: no code column, the hierarchy in bullets ------------------------------------------------

# The marks a level prints before its name (field, criterion, sub-criterion, deeper), by variant.
BULLETS = {"bullets": ("", "- ", "+ ", "* "), "letters": ("", "- ", "a) ", "+ ")}


def marked(name: str, level: int, code: str, style: str) -> str:
    """The name as the cell prints it: behind its level's mark; a lettered item ("1.1.a") behind its
    own letter ("c) ")."""
    last = code.rsplit(".", 1)[-1]
    if style == "letters" and last.isalpha() and level > 0:
        return f"{last}) {name}"
    marks = BULLETS[style]
    return marks[min(level, len(marks) - 1)] + name


def bulleted_names(inst: Instance) -> Built:
    """No code column: "Nội dung | Điểm tối đa | Điểm tự chấm | Ghi chú", each field a bold row of its
    name alone, its criteria "- …" and their sub-criteria "+ …" (odd instances), or the deepest level
    lettered "a) …", "b) …" under "- " criteria (even). Nothing prints a code, so the truth numbers
    the rows in order as the set's tree does (field 1, 2, …; criterion 1.1; sub-criterion 1.1.1, or
    1.1.a where it prints "a)"); ``name`` is the name without its mark."""
    style = "bullets" if inst.index % 2 == 1 else "letters"
    rng, year, meta, title, table = _scored(inst, transform=lambda c: renumber(c, letters=style == "letters"))
    labels = {
        "name": rng.choice(("Nội dung", "Lĩnh vực, tiêu chí đánh giá", "Nội dung đánh giá")),
        "max": rng.choice(("Điểm tối đa", "Điểm chuẩn")),
        "self": rng.choice(("Điểm tự chấm", "Điểm tự đánh giá")),
        "explanation": rng.choice(("Ghi chú", "Giải trình", "Tài liệu kiểm chứng")),
    }
    layout = ScoreLayout(
        ("name", "max", "self", "explanation"),
        labels,
        widths_cm={"name": 8.8, "max": 1.8, "self": 1.9, "explanation": 3.6},
        total=rng.choice(("last", "last", None)),
        total_label=rng.choice(TOTAL_LABELS),
    )
    table = as_printed(table, layout)
    grid = score_grid(table, layout)
    doc = _bulleted_doc(meta, title, table, grid, style, rng, year)
    return score_built(meta, docx_pdf("bulleted-" + style, doc), table)


def _bulleted_doc(meta, title: str, table: ScoreTable, grid: Grid, style: str, rng: random.Random, year: int):
    """The document whose grid's name cells carry their level's mark."""
    by_code = {r.code: r for r in table.rows}
    data = iter(table.rows)
    rows: list[GridRow] = []
    for g in grid.rows:
        if g.kind == "data":
            r = next(data)
            name = replace(g.cells[0], text=marked(g.cells[0].text, depth(r, by_code), r.code, style))
            g = replace(g, cells=(name,) + g.cells[1:])
        rows.append(g)
    return Document(meta, standard_blocks(meta, title, Table(replace(grid, rows=tuple(rows))), rng, year))


# --- N24: a score table typed as tab-aligned lines, no table at all ----------------------------------

TAB_LABELS = {
    "code": ("TT", "STT"),
    "name": ("Nội dung", "Tiêu chí đánh giá", "Lĩnh vực, tiêu chí"),
    "max": ("Điểm tối đa", "Tối đa", "Điểm chuẩn"),
    "self": ("Điểm tự chấm", "Tự chấm", "Điểm đạt"),
}
# What fits between the name's stop and the maximum's (10 cm at 12 pt), fewer in capitals.
NAME_CHARS = {False: 42, True: 32}


def tab_line(code: str, name: str, figures: tuple[str, str], dots: bool, bold: bool) -> TabLine:
    """One row: the code, the name broken by hand into lines of the name's column, the two figures
    at their stops: on the name's first line (odd instances), or after its last, where the dots run
    up to them (even)."""
    parts = textwrap.wrap(name, NAME_CHARS[name.isupper()]) or [""]
    points = "\t" + "\t".join(figures)
    text = (
        code + "\t" + ("\n".join(parts) + points if dots else parts[0] + points + "".join("\n" + p for p in parts[1:]))
    )
    return TabLine(text, bold)


def tab_aligned(inst: Instance) -> Built:
    """A score table typed as lines, no table: "1.1.1<tab>Ban hành kế hoạch …<tab>1<tab>1" under a
    bold header line "TT  Nội dung  Điểm tối đa  Điểm tự chấm"; a long name broken by hand onto
    lines under the name's column; the fields bold; the figures on the name's first line (odd
    instances) or after its last line, with a leader of dots up to the maximum (even); the total a
    bold line "Tổng cộng" or none. No ruling, no cell: the columns are only where the text stands.
    Truth as every score table's (no explanation: the layout prints none)."""
    rng, year, meta, title, table = _scored(inst)
    dots = inst.index % 2 == 0
    table = replace(table, rows=tuple(replace(r, explanation=None, evidence=()) for r in table.rows))
    table = as_printed(table, ScoreLayout(("code", "name", "max", "self"), total=rng.choice(("last", "last", None))))
    labels = {k: rng.choice(v) for k, v in TAB_LABELS.items()}
    stops = (TabStop(1.4), TabStop(12.8, "center", dots), TabStop(15.6, "center"))
    lines = [TabLine("\t".join(labels[k] for k in ("code", "name", "max", "self")), True, leaders=False)]
    by_code = {r.code: r for r in table.rows}
    for r in table.rows:
        level = depth(r, by_code)
        figures = (points(r.max_points), points(r.self_points))
        lines.append(tab_line(printed_code(r.code, "mixed"), r.name, figures, dots, level == 0))
    if table.total_max is not None:
        lines.append(
            TabLine("\t".join(("", rng.choice(TOTAL_LABELS), points(table.total_max), points(table.total_self))), True)
        )
    doc = Document(meta, standard_blocks(meta, title, TabRows(stops, tuple(lines), indent_cm=1.4), rng, year))
    return score_built(meta, docx_pdf("tab-aligned-" + ("dots" if dots else "plain"), doc), table)


# --- N25: the fields in the report, each field's criteria in a table of its own in the annex ----------

ANNEX_WORDS = {"BC": "Báo cáo", "KH": "Kế hoạch"}
FIELD_HEADINGS = ("Lĩnh vực {code}: {name}", "{code}. {upper}")


def field_criteria(table: ScoreTable, field: str) -> ScoreTable:
    """A field's criteria alone (its own row left out: its points are the summary's), the top ones
    standing first; with the field's points as the table's total (the "Cộng" row where printed)."""
    by_code = {r.code: r for r in table.rows}
    rows, inside = [], {field}
    for r in table.rows:
        if r.parent in inside:
            inside.add(r.code)
            rows.append(replace(r, parent=None) if r.parent == field else r)
    top = by_code[field]
    return replace(table, rows=tuple(rows), total_max=top.max_points, total_self=top.self_points, total_appraised=None)


def fields_then_details(inst: Instance) -> Built:
    """A report whose score table prints **the fields only** ("STT | Lĩnh vực | Điểm tối đa | Điểm tự
    đánh giá", a row per field and the total), the criteria nowhere beside them: each field's
    criteria are a table of their own in the annex, under the field's heading ("Lĩnh vực 1: …" with
    no sum row, odd instances; "1. CÔNG TÁC …" with a "Cộng" row repeating the field's points, even).
    Truth: one table; a field's points are the summary's row, the stated totals its total row; a
    ``parent_*_sum`` fault on a field shows only between the report's table and the annex's."""
    rng, year, meta, title, table = _scored(inst, keeps=(0.8, 1.0))
    sums = inst.index % 2 == 0
    labels = {
        "code": rng.choice(("STT", "TT")),
        "name": rng.choice(("Tiêu chí, tiêu chí thành phần", "Nội dung tiêu chí", "Tiêu chí")),
        "max": rng.choice(("Điểm tối đa", "Điểm chuẩn")),
        "self": rng.choice(("Điểm tự đánh giá", "Điểm tự chấm")),
        "explanation": rng.choice(("Tài liệu kiểm chứng", "Giải trình", "Ghi chú")),
    }
    summary = summary_grid(table, labels, rng.choice(TOTAL_LABELS))
    layout = ScoreLayout(
        ("code", "name", "max", "self", "explanation"),
        labels,
        total="last" if sums else None,
        total_label=rng.choice(("Cộng", "Cộng lĩnh vực")),
    )
    details: list = []
    for top in (r for r in table.rows if r.parent is None):
        heading = FIELD_HEADINGS[sums].format(code=top.code, name=top.name, upper=top.name.upper())
        details += [
            Para(heading, bold=True, align="left"),
            Table(score_grid(field_criteria(table, top.code), layout), repeat_header=False),
        ]
    word = ANNEX_WORDS.get(meta.kind or "", "Báo cáo")
    annex = Title(
        "Phụ lục",
        (
            rng.choice(
                ("KẾT QUẢ TỰ ĐÁNH GIÁ, CHẤM ĐIỂM CHI TIẾT CÁC TIÊU CHÍ", "BẢNG CHẤM ĐIỂM CHI TIẾT THEO LĨNH VỰC")
            ),
        ),
        f"(Kèm theo {word} số {meta.number} ngày {meta.date.strftime('%d/%m/%Y')} của UBND xã {meta.place.commune})",
    )
    head = standard_blocks(meta, title, Table(summary), rng, year)
    body = (
        Para(
            rng.choice(("Kết quả tự đánh giá theo từng lĩnh vực như sau:", "Tổng hợp điểm tự đánh giá các lĩnh vực:"))
        ),
        head[3],
        Para("(Chi tiết các tiêu chí tại Phụ lục kèm theo)", italic=True),
    )
    doc = Document(meta, head[:3] + body + head[4:] + (PageBreak(), annex, *details))
    return score_built(meta, docx_pdf("fields-then-details-" + ("sums" if sums else "headings"), doc), table)


NEW_LAYOUT_FAMILIES_E = {
    "N21_evidence_first": evidence_first,
    "N22_annex_thousands": annex_thousands,
    "N23_bulleted_names": bulleted_names,
    "N24_tab_aligned": tab_aligned,
    "N25_fields_then_details": fields_then_details,
}

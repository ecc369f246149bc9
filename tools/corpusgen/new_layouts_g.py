"""A seventh batch of held-out typed layouts (N30-N33): forms real commune documents print that
neither F01-F31 nor N01-N29 have. Made only when named (``make_corpus.NEW_LAYOUTS``), so no standing
figure moves; the held-out test of the round after N26-N29 were developed on.

- N30 a score table whose maximum is printed as the scale it is scored on: "0 - 2", "0 ÷ 1,5",
  "0 - 0,5 - 1" (a range or the steps), or in words, "Tối đa 2; không đạt 0";
- N31 a score table pasted from a spreadsheet: the criteria of a field in one row, their codes,
  names and points one a line in the same cells (the line breaks the sheet's cells held);
- N32 a yearly plan whose targets are bullets under each reform area ("1.1. Mục tiêu"), the share
  first ("100% hồ sơ … được giải quyết trước và đúng hạn"), each with its deadline;
- N33 a wide statistics annex (plan and results, landscape) printed page by page: the header again
  on every page and a "Trang 2/3" line at the foot of each.

The truth is the generator's rows as for every family (tools/CORPUS.md)."""

from __future__ import annotations

import random
from dataclasses import dataclass, replace

from corpusgen.common import Built, Instance, docx_pdf, make_meta, score_built, standard_blocks
from corpusgen.document import Document, Header, Landscape, PageBreak, Para, Signature, Table, Title
from corpusgen.grid import Cell, Grid, GridRow, ScoreLayout, as_printed, points, printed_code, score_grid
from corpusgen.new_layouts import TOTAL_LABELS
from corpusgen.plans import Target
from corpusgen.reports import statistics
from corpusgen.scores import Row
from corpusgen.typed_annexes import (
    ANNEX_LABELS,
    PLAN_ACTUAL,
    _annex_report,
    _built as annex_built,
    _plan_of,
    annex_grid,
)
from corpusgen.typed_forms import _scored
from normalize.numbers import format_vn

# --- N30: the maximum printed as a scale ----------------------------------------------------------

SCALE_LABELS = {
    "code": ("STT", "TT"),
    "name": ("Tiêu chí đánh giá", "Lĩnh vực, tiêu chí, tiêu chí thành phần", "Nội dung tiêu chí"),
    "max": ("Thang điểm", "Khung điểm", "Thang điểm đánh giá"),
    "self": ("Điểm tự đánh giá", "Điểm tự chấm", "Điểm đạt được"),
    "explanation": ("Tài liệu kiểm chứng", "Ghi chú", "Giải trình"),
}
# A range from nothing to the maximum, as scoring guides print it.
RANGES = ("0 - {m}", "0-{m}", "0 ÷ {m}", "0 – {m}")
# The same in words: full points and none.
WORDED = ("Tối đa {m}; không đạt 0", "Tối đa: {m}\nKhông đạt: 0", "Đạt: {m}\nKhông đạt: 0")


def scale_text(max_points: float, style: str, stepped: bool) -> str:
    """A leaf's maximum as the scale it is scored on: a range "0 - 2" (``style`` a RANGES pattern),
    its steps "0 - 0,5 - 1" where the criterion can be half met (``stepped``: a range pattern whose
    dash repeats), or words ("Tối đa 2; không đạt 0"). The top is always the maximum."""
    top = points(max_points)
    if stepped and style in RANGES and "÷" not in style:  # steps are dashed, never a range sign
        middle = points(round(max_points / 2, 2))
        dash = style.replace("{m}", "").replace("0", "", 1)
        return f"0{dash}{middle}{dash}{top}"
    return style.format(m=top)


def max_as_scale(inst: Instance) -> Built:
    """A score table whose maximum column ("Thang điểm", "Khung điểm") prints each criterion scored
    on its own as a scale: a range "0 - 2" (odd instances; the steps "0 - 0,5 - 1" on some leaves
    worth 1 or more), or words "Tối đa 2; không đạt 0" / "Tối đa: 2" over "Không đạt: 0" (even); a
    field or criterion made of others prints its sum as a plain figure, as does the total. Truth:
    ``max_points`` the top of the scale."""
    rng, year, meta, title, table = _scored(inst)
    ranged = inst.index % 2 == 1
    style = rng.choice(RANGES if ranged else WORDED)
    labels = {k: rng.choice(v) for k, v in SCALE_LABELS.items()}
    layout = ScoreLayout(
        ("code", "name", "max", "self", "explanation"),
        labels,
        widths_cm={"name": 7.0, "max": 2.6, "self": 1.8, "explanation": 3.8},
        total=rng.choice(("last", "last", None)),
        total_label=rng.choice(TOTAL_LABELS),
    )
    table = as_printed(table, layout)
    parents = {r.parent for r in table.rows}
    grid = score_grid(table, layout)
    rows = iter(table.rows)
    at = layout.columns.index("max")

    def scaled(g: GridRow) -> GridRow:
        row = next(rows)
        if row.code in parents or row.max_points is None:
            return g
        stepped = ranged and row.max_points >= 1 and rng.random() < 0.3
        cell = replace(g.cells[at], text=scale_text(row.max_points, style, stepped))
        return replace(g, cells=g.cells[:at] + (cell,) + g.cells[at + 1 :])

    grid = replace(grid, rows=tuple(scaled(g) if g.kind == "data" else g for g in grid.rows))
    doc = Document(meta, standard_blocks(meta, title, Table(grid), rng, year))
    return score_built(meta, docx_pdf("scale-" + ("range" if ranged else "words"), doc), table)


# --- N31: criteria pasted from a spreadsheet, several in one row ---------------------------------

PASTED_LABELS = {
    "code": ("STT", "TT", "Mã"),
    "name": ("Nội dung tiêu chí", "Tiêu chí, tiêu chí thành phần", "Tên tiêu chí"),
    "max": ("Điểm tối đa", "Điểm chuẩn"),
    "self": ("Tự chấm", "Điểm tự chấm", "Điểm tự đánh giá"),
    "explanation": ("Ghi chú", "Giải trình"),
}


def runs_of_leaves(rows: tuple[Row, ...]) -> list[list[Row]]:
    """The rows in order, consecutive leaves of one parent gathered in a run (a row with children,
    or a leaf alone under its parent, is a run of one)."""
    parents = {r.parent for r in rows}
    runs: list[list[Row]] = []
    for r in rows:
        last = runs[-1] if runs else None
        leaf = r.code not in parents
        if leaf and last and last[-1].code not in parents and last[-1].parent == r.parent:
            last.append(r)
        else:
            runs.append([r])
    return runs


def pasted_row(run: list[Row], columns: tuple[str, ...], code_in_name: bool, bold: bool) -> GridRow:
    """One grid row holding a run of criteria: each cell its criteria's values one a line, in order
    (a blank value an empty line, as the sheet's cell held it)."""
    codes = [printed_code(r.code, "plain") for r in run]
    values = {
        "code": codes,
        "name": [f"{c}. {r.name}" if code_in_name else r.name for c, r in zip(codes, run)],
        "max": [points(r.max_points) for r in run],
        "self": [points(r.self_points) for r in run],
        "explanation": [r.explanation or "" for r in run],
    }
    align = {"name": "left", "explanation": "left"}
    return GridRow(tuple(Cell("\n".join(values[k]), 1, None, bold, align.get(k, "center")) for k in columns))


def pasted_cells(inst: Instance) -> Built:
    """A score table pasted from a spreadsheet where the criteria of a field had been typed into one
    row: the codes "1.1", "1.2", "1.3" one a line in one cell, their names one a line in the next,
    their maxima and self points one a line in theirs (a field, and a criterion with sub-criteria,
    keeps a row of its own, bold); a code column (odd instances) or the codes before the names
    ("1.1. Ban hành …", no code column, even). A name longer than its column wraps in the PDF, so
    the lines of the cells beside it no longer face it. Truth: one row per criterion, as printed."""
    rng, year, meta, title, table = _scored(inst, (0.7, 1.0))
    code_column = inst.index % 2 == 1
    columns = ("code", "name", "max", "self", "explanation") if code_column else ("name", "max", "self", "explanation")
    labels = {k: rng.choice(v) for k, v in PASTED_LABELS.items()}
    layout = ScoreLayout(
        columns,
        labels,
        widths_cm={"code": 1.4, "name": 8.2, "max": 1.6, "self": 1.6, "explanation": 3.6},
        total=rng.choice(("last", None)),
        total_label=rng.choice(TOTAL_LABELS),
    )
    table = as_printed(table, layout)
    base = score_grid(table, layout)
    parents = {r.parent for r in table.rows}
    body = tuple(
        pasted_row(run, columns, not code_column, run[0].code in parents) for run in runs_of_leaves(table.rows)
    )
    rows = tuple(g for g in base.rows if g.kind == "header") + body + tuple(g for g in base.rows if g.kind == "total")
    doc = Document(meta, standard_blocks(meta, title, Table(replace(base, rows=rows)), rng, year))
    return score_built(meta, docx_pdf("pasted-" + ("code-column" if code_column else "codes-in-names"), doc), table)


# --- N32: a plan's targets bulleted under each reform area, with their deadlines -------------------


@dataclass(frozen=True)
class AreaTarget:
    """What a plan sets for one reform area: the subject the share or amount is of, its unit, the
    range drawn from, and whether more is better."""

    subject: str
    unit: str
    low: int
    high: int
    up: bool = True


AREAS = (
    (
        "Cải cách thể chế",
        (
            AreaTarget(
                "văn bản quy phạm pháp luật của xã được ban hành đúng thẩm quyền, trình tự, thủ tục", "%", 100, 100
            ),
            AreaTarget("văn bản quy phạm pháp luật của xã được rà soát, hệ thống hóa theo quy định", "%", 90, 100),
        ),
    ),
    (
        "Cải cách thủ tục hành chính",
        (
            AreaTarget("hồ sơ thủ tục hành chính được giải quyết trước và đúng hạn", "%", 95, 100),
            AreaTarget("thủ tục hành chính đủ điều kiện được cung cấp dịch vụ công trực tuyến toàn trình", "%", 60, 90),
            AreaTarget("hồ sơ thủ tục hành chính được số hóa kết quả giải quyết", "%", 70, 95),
            AreaTarget("hồ sơ thủ tục hành chính giải quyết quá hạn", "%", 1, 3, up=False),
        ),
    ),
    (
        "Cải cách tổ chức bộ máy",
        (AreaTarget("cán bộ, công chức được bố trí đúng vị trí việc làm được phê duyệt", "%", 95, 100),),
    ),
    (
        "Cải cách chế độ công vụ",
        (
            AreaTarget("cán bộ, công chức cấp xã đạt chuẩn theo quy định", "%", 90, 100),
            AreaTarget("cán bộ, công chức được bồi dưỡng kiến thức, kỹ năng về cải cách hành chính", "%", 80, 100),
        ),
    ),
    (
        "Cải cách tài chính công",
        (AreaTarget("Thu ngân sách nhà nước trên địa bàn", "tỷ đồng", 8, 25),),
    ),
    (
        "Xây dựng và phát triển Chính quyền điện tử, Chính quyền số",
        (
            AreaTarget("văn bản đi, đến được trao đổi dưới dạng điện tử (trừ văn bản mật)", "%", 90, 100),
            AreaTarget("hồ sơ công việc được xử lý trên môi trường mạng", "%", 60, 90),
            AreaTarget("phí, lệ phí thủ tục hành chính được thanh toán trực tuyến", "%", 30, 70),
        ),
    ),
)
# The words before a share, by comparator ("" a plain figure); what a plan says of a share that
# should fall ("không quá 2%").
SHARE_WORDS = (("", "="), ("trên ", ">"), ("ít nhất ", ">="), ("tối thiểu ", ">="))
FALL_WORDS = (("không quá ", "<="), ("dưới ", "<"))
OPENERS = ("", "", "Phấn đấu ", "Bảo đảm ")  # what may open a share-first bullet
AREA_TASKS = (
    "Tổ chức triển khai đầy đủ, kịp thời các văn bản chỉ đạo của cấp trên về lĩnh vực này.",
    "Thường xuyên kiểm tra, đôn đốc việc thực hiện; kịp thời tháo gỡ khó khăn, vướng mắc phát sinh.",
    "Tuyên truyền, phổ biến đến cán bộ, công chức và Nhân dân trên địa bàn xã.",
)


def deadline_words(rng: random.Random, year: int) -> str:
    """A target's deadline as plans close the bullet: a day and month ("trước ngày 30/6/2025"), a
    quarter, or the whole year; its figures are no part of the target."""
    day, month = rng.choice(((30, 6), (30, 9), (15, 12), (31, 12), (30, 11), (31, 3)))
    quarter = rng.choice(("II", "III", "IV"))
    return rng.choice(
        (
            f", hoàn thành trước ngày {day}/{month}/{year}",
            f"; thời gian hoàn thành: trước ngày {day:02d}/{month:02d}/{year}",
            f", hoàn thành trong Quý {quarter}/{year}",
            f" (thực hiện trước ngày {day}/{month}/{year})",
            f", thực hiện thường xuyên trong năm {year}",
        )
    )


def area_target(rng: random.Random, spec: AreaTarget, year: int) -> tuple[str, Target]:
    """One bullet: the share first ("trên 80% hồ sơ …"), or an amount after its subject ("Thu ngân
    sách … đạt 12,5 tỷ đồng"), then its deadline."""
    if spec.unit != "%":
        value = round(rng.randint(spec.low * 2, spec.high * 2) / 2, 1)
        text = f"{spec.subject} đạt {format_vn(value)} {spec.unit}"
        return text + deadline_words(rng, year) + ".", Target(spec.subject, "=", value, None, spec.unit, year)
    words, cmp = rng.choice(SHARE_WORDS if spec.up else FALL_WORDS)
    value = float(
        rng.randrange(spec.low, spec.high + 1, 5) if spec.high - spec.low >= 5 else rng.randint(spec.low, spec.high)
    )
    if value >= 100:  # all of them: no plan writes "trên" or "ít nhất" before 100%
        words, cmp = "", "="
    lead = rng.choice(OPENERS) if spec.up else ""
    text = f"{lead}{words}{format_vn(value)}% {spec.subject}"
    text = text[0].upper() + text[1:]
    return text + deadline_words(rng, year) + ".", Target(spec.subject, cmp, value, None, spec.unit, year)


def plan_area_targets(inst: Instance) -> Built:
    """A yearly plan as communes wrote theirs after the 2025 merger: "II. NỘI DUNG, MỤC TIÊU,
    NHIỆM VỤ CỤ THỂ", then each reform area ("1. Cải cách thể chế") with "1.1. Mục tiêu" (odd
    instances) or "a) Mục tiêu" (even) and its targets as bullets "- " / "+ ", the share first
    ("100% hồ sơ thủ tục hành chính được giải quyết trước và đúng hạn, hoàn thành trước ngày
    30/6/2025."), then "1.2. Nhiệm vụ" with tasks in words (no lead, product or deadline: no task
    rows). Truth ``targets``: the subject as printed its ``indicator``, the comparator the words
    before the figure, the plan's year (a deadline's day and month are no target)."""
    rng = inst.rng("plan")
    year = rng.choice((2024, 2025, 2026))
    meta = make_meta(inst, rng, "KH", (f"Cải cách hành chính năm {year}",), year)
    numbered = inst.index % 2 == 1
    bullet = rng.choice(("- ", "+ "))
    areas = [a for a in AREAS if rng.random() < 0.8] or list(AREAS[:2])
    blocks: list = [
        Header(rng.choice(("table", "stacked"))),
        Title("KẾ HOẠCH", meta.title_lines),
        Para("I. MỤC ĐÍCH, YÊU CẦU", bold=True),
        Para(
            "Tạo chuyển biến mạnh mẽ về kỷ luật, kỷ cương, trách nhiệm của cán bộ, công chức; góp phần cải "
            "thiện và nâng cao Chỉ số cải cách hành chính của xã."
        ),
        Para("II. NỘI DUNG, MỤC TIÊU, NHIỆM VỤ CỤ THỂ", bold=True),
    ]
    targets: list[Target] = []
    for k, (area, specs) in enumerate(areas, start=1):
        blocks.append(Para(f"{k}. {area}", bold=True))
        blocks.append(Para(f"{k}.1. Mục tiêu" if numbered else "a) Mục tiêu", italic=True))
        for spec in rng.sample(specs, rng.randint(1, len(specs))):
            text, target = area_target(rng, spec, year)
            blocks.append(Para(bullet + text))
            targets.append(target)
        blocks.append(Para(f"{k}.2. Nhiệm vụ" if numbered else "b) Nhiệm vụ", italic=True))
        blocks.extend(Para(bullet + t) for t in rng.sample(AREA_TASKS, 2))
    blocks += [
        Para("III. TỔ CHỨC THỰC HIỆN", bold=True),
        Para("Các bộ phận chuyên môn căn cứ Kế hoạch này triển khai thực hiện, báo cáo kết quả về UBND xã."),
        Signature(rng.choice(("table", "paragraphs"))),
    ]
    built = Built(
        docx_pdf("area-targets-" + ("numbered" if numbered else "lettered"), Document(meta, tuple(blocks))),
        meta.truth(),
        commune=meta.place.commune,
    )
    built.targets = [t.truth() for t in targets]
    return built


# --- N33: a wide annex printed page by page ---------------------------------------------------------

PAGE_MARKS = ("Trang {k}/{n}", "Trang {k} / {n}", "- {k}/{n} -")


def paged(grid: Grid, cuts: list[int]) -> list[Grid]:
    """The grid cut before each body row in ``cuts``: every part with the header again."""
    header = tuple(g for g in grid.rows if g.kind == "header")
    body = tuple(g for g in grid.rows if g.kind != "header")
    bounds = [0, *cuts, len(body)]
    return [replace(grid, rows=header + body[a:b]) for a, b in zip(bounds, bounds[1:])]


def with_mark_row(grid: Grid, text: str) -> Grid:
    """The grid closed by a row of one cell across it holding the page's mark (as a sheet's footer
    pasted with its rows)."""
    mark = GridRow((Cell(text, len(grid.widths_cm), None, False, "right"),), "total")
    return replace(grid, rows=grid.rows + (mark,))


def annex_paged(inst: Instance) -> Built:
    """A report whose annex is a wide table (landscape: "STT | Chỉ tiêu | ĐVT | Kế hoạch | Thực hiện
    | Ghi chú", F22's plan beside the results) printed page by page as a spreadsheet prints it: cut
    into two or three parts at forced page breaks, each part with the header again, and a page mark
    "Trang 2/3" at the foot of each: a last row across the table (odd instances) or a line under it
    (even). Truth: one table, as if printed whole; the plan a note, the marks nothing."""
    rng = inst.rng()
    rows, faults = statistics(rng, rng.randint(5, 6), letters=inst.index % 2 == 0, fault=inst.faulty)
    plans = [_plan_of(rng, r) for r in rows]
    plan_label, actual_label = PLAN_ACTUAL[(inst.index - 1) % len(PLAN_ACTUAL)]
    head = ANNEX_LABELS[(inst.index - 1) % len(ANNEX_LABELS)]
    parts = 3 if len(rows) >= 18 else 2
    step = len(rows) // parts
    cuts = [step * k + rng.randint(-1, 1) for k in range(1, parts)]
    pattern = rng.choice(PAGE_MARKS)
    in_table = inst.index % 2 == 1

    def grid_of(year: int, period: str) -> Grid:
        words = (plan_label.format(year=year), actual_label.format(period=period))
        grid = annex_grid(rows, head + words + ("Ghi chú",), plans)
        return replace(grid, widths_cm=(1.4, 11.0, 2.4, 3.0, 3.0, 4.0))

    pages: list = []

    def block(grid: Grid) -> Table:
        # the first part is the annex's table; the others follow it, each on a page of its own
        for k, part in enumerate(paged(grid, cuts), start=1):
            mark = pattern.format(k=k, n=parts)
            pages.append(
                (Table(with_mark_row(part, mark)),)
                if in_table
                else (Table(part), Para(mark, italic=True, align="right"))
            )
        return pages[0][0]

    doc, title = _annex_report(inst, rng, grid_of, block)
    first = len(doc.blocks) - 1  # the report ends in its annex's title and table
    rest = tuple(b for page in pages[1:] for b in (PageBreak(), *page))
    # the annex on landscape pages: a section of its own after the report's signature
    blocks = doc.blocks[: first - 2] + (Landscape(),) + doc.blocks[first - 1 : first] + pages[0] + rest
    doc = replace(doc, blocks=blocks)
    return annex_built(doc, title, rows, faults, "paged-" + ("mark-row" if in_table else "mark-line"))


NEW_LAYOUT_FAMILIES_G = {
    "N30_max_as_scale": max_as_scale,
    "N31_pasted_cells": pasted_cells,
    "N32_plan_area_targets": plan_area_targets,
    "N33_annex_paged": annex_paged,
}

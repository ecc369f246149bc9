"""A seventeenth batch of held-out typed layouts (N70-N73): forms real commune documents print that
neither F01-F31 nor N01-N69 have. Made only when named (``make_corpus.NEW_LAYOUTS``), so no standing
figure moves; the held-out test of the round after N66-N69 were developed on.

- N70 a self-assessment whose criteria carry their sub-items lettered "a)", "b)" inside the
  criterion's name cell, one line each, and the points of the criterion and of each sub-item on
  lines of one cell ("3" / "1" / "2"; odd instances) or each sub-item's points after its letter
  ("3" / "a) 1" / "b) 2"; even);
- N71 a report whose statistics annex is numbered three levels deep, "1." / "1.1." / "1.1.1." (odd
  instances) or "1" / "1.1" / "1.1.1" (even), with no unit column: the unit in brackets after the
  indicator, "Số hồ sơ tiếp nhận (hồ sơ)";
- N72 a score table whose self points stand in a staircase, one column per level under a merged
  "Điểm tự chấm": "Lĩnh vực | Tiêu chí | Tiêu chí thành phần", each row's points in its level's
  column (odd instances), or the maximum split by level as well (even);
- N73 a yearly plan whose task products are counted: a "Số lượng" column with figures ("04",
  "12") after the product (odd instances), or the count written in the product's cell, "04 Báo
  cáo", "100% hồ sơ được số hóa" (even).

The truth is the generator's rows as for every family (tools/CORPUS.md)."""

from __future__ import annotations

import random
from dataclasses import replace

from corpusgen.common import Built, Instance, docx_pdf, score_built, standard_blocks
from corpusgen.document import Document, Table
from corpusgen.grid import Cell, Grid, GridRow, ScoreLayout, as_printed, points, score_grid
from corpusgen.new_layouts import TOTAL_LABELS, _labels
from corpusgen.new_layouts_i import with_budget
from corpusgen.plan_families import plan_built, plan_with_tasks, yearly_plan_start
from corpusgen.plans import TASK_HEADERS, TaskRow, index_criteria, task_grid, task_rows
from corpusgen.reports import StatRow, statistics
from corpusgen.scores import ScoreTable, renumber
from corpusgen.typed_annexes import _annex_report, _built as annex_built
from corpusgen.typed_forms import _layout, _scored

# --- N70: sub-items lettered inside the criterion's cell ------------------------------------------------


def is_item(code: str) -> bool:
    """A lettered sub-item's code ("1.1.a")."""
    return code.split(".")[-1].isalpha()


def items_in_cell_grid(grid: Grid, table: ScoreTable, lettered_points: bool) -> Grid:
    """The grid "code | name | max | self | explanation" with every lettered sub-item folded into its
    criterion's row: its "a) name" a line of the criterion's name cell, its points a line of the
    criterion's points cells ("1", or "a) 1" with ``lettered_points``), its explanation, if any, a
    line "a) …" of the explanation cell; the sub-items' own rows dropped."""
    kids: dict[str, list] = {}
    for r in table.rows:
        if is_item(r.code) and r.parent is not None:
            kids.setdefault(r.parent, []).append(r)
    rows = iter(table.rows)
    out: list[GridRow] = []
    for g in grid.rows:
        if g.kind != "data":
            out.append(g)
            continue
        row = next(rows)
        if is_item(row.code):
            continue
        items = kids.get(row.code, [])
        if not items:
            out.append(g)
            continue
        cells = list(g.cells)
        letters = [f"{r.code.split('.')[-1]})" for r in items]
        cells[1] = replace(
            cells[1], text="\n".join([cells[1].text, *(f"{a} {r.name}" for a, r in zip(letters, items))])
        )
        for at, value in ((2, "max_points"), (3, "self_points")):
            lines = [points(getattr(r, value)) for r in items]
            if lettered_points:
                lines = [f"{a} {x}" if x else a for a, x in zip(letters, lines)]
            cells[at] = replace(cells[at], text="\n".join([cells[at].text, *lines]))
        notes = [f"{a} {r.explanation}" for a, r in zip(letters, items) if r.explanation]
        if notes:
            cells[4] = replace(cells[4], text="\n".join(x for x in (cells[4].text, *notes) if x))
        out.append(replace(g, cells=tuple(cells)))
    return Grid(grid.widths_cm, tuple(out))


def items_in_cell(inst: Instance) -> Built:
    """A self-assessment "TT | name | max | self | note" whose criteria print their sub-items
    inside their own row: the name cell "1.1. criterion" then "a) …", "b) …" one line each; the
    maximum and self cells the criterion's points then each sub-item's on lines of their own
    (odd instances) or each sub-item's after its letter, "a) 1" (even). Written from the
    generator's commune set (criteria with sub-criteria), its deepest level lettered. Truth: the
    rows as F01's, a sub-item's code "1.1.a" (its letter under its criterion) and its name without
    the letter; faults as F01's."""
    rng, year, meta, title, table = _scored(inst, (0.8, 1.0), transform=lambda c: renumber(c, letters=True))
    lettered = inst.index % 2 == 0
    layout = _layout(rng, ("code", "name", "max", "self", "explanation"), widths_cm={"name": 7.2, "explanation": 3.6})
    table = as_printed(table, layout)
    grid = items_in_cell_grid(score_grid(table, layout), table, lettered)
    doc = Document(meta, standard_blocks(meta, title, Table(grid), rng, year))
    return score_built(meta, docx_pdf("items-in-cell-" + ("lettered-points" if lettered else "lines"), doc), table)


# --- N71: an annex three levels deep, the unit in the indicator's brackets -----------------------------

THREE_LEVEL_HEADS = (
    ("STT", "Nội dung", "Số liệu"),
    ("TT", "Chỉ tiêu", "Kết quả"),
    ("STT", "Nội dung chỉ tiêu", "Số lượng"),
)


def in_brackets(unit: str) -> str:
    """A unit as it reads in brackets after an indicator: lower case ("hồ sơ"), an abbreviation as
    it is ("TTHC")."""
    return unit[0].lower() + unit[1:] if unit[1:2].islower() else unit


def three_levels(rows: list[StatRow], dots: bool) -> list[StatRow]:
    """The rows numbered three levels deep: a lettered item "2.1.a" becomes "2.1.1"; every code
    printed with a closing dot (``dots``) or none; the unit in brackets after the indicator."""
    out = []
    for r in rows:
        code = r.code
        if code is not None and is_item(code):
            stem, _, letter = code.rpartition(".")
            code = f"{stem}.{'abcdefghijklmn'.index(letter) + 1}"
        name = f"{r.indicator} ({in_brackets(r.unit)})" if r.unit else r.indicator
        printed = "" if code is None else code + ("." if dots else "")
        out.append(replace(r, code=code, printed=printed, indicator=name))
    return out


def three_level_grid(rows: list[StatRow], heads: tuple[str, str, str]) -> Grid:
    """STT | indicator (unit) | figure | note: no unit column; the top indicators bold."""
    out = [GridRow(tuple(Cell(h, 1, None, True, "center") for h in (*heads, "Ghi chú")), "header")]
    for r in rows:
        top = r.code is not None and "." not in r.code
        value = "" if r.value is None else points(r.value)
        cells = (
            Cell(r.printed, 1, None, top, "left"),
            Cell(r.indicator, 1, None, top),
            Cell(value, 1, None, top, "center"),
            Cell(r.note),
        )
        out.append(GridRow(cells))
    return Grid((1.4, 9.6, 2.4, 2.6), tuple(out))


def annex_three_levels(inst: Instance) -> Built:
    """A report whose annex "STT | Nội dung | Số liệu | Ghi chú" numbers its indicators three
    levels deep, "2." / "2.1." / "2.1.1." (odd instances) or "2" / "2.1" / "2.1.1" (even): each
    group's count "2.1" broken down into "2.1.1", "2.1.2", its ratio "2.2"; no unit column, the
    unit in brackets after the indicator ("Tổng số hồ sơ tiếp nhận (hồ sơ)", "Tỷ lệ … (%)").
    Truth: ``code`` "2.1.1", ``indicator`` as printed with its brackets (as F28's), ``unit`` the
    generator's; ``ratio`` faults as F12's."""
    rng = inst.rng()
    rows, faults = statistics(rng, rng.randint(3, 4), letters=True, fault=inst.faulty, min_items=2)
    dots = inst.index % 2 == 1
    rows = three_levels(rows, dots)
    heads = rng.choice(THREE_LEVEL_HEADS)

    def grid_of(year: int, period: str) -> Grid:
        return three_level_grid(rows, heads)

    doc, title = _annex_report(inst, rng, grid_of)
    return annex_built(doc, title, rows, faults, "three-levels-" + ("dotted" if dots else "plain"))


# --- N72: the points in a staircase, one column per level ------------------------------------------------

LEVEL_HEADS = (
    ("Lĩnh vực", "Tiêu chí", "Tiêu chí thành phần"),
    ("Lĩnh vực", "Tiêu chí", "Tiêu chí con"),
    ("Cấp 1", "Cấp 2", "Cấp 3"),
)
SELF_GROUPS = ("Điểm tự chấm", "Điểm tự đánh giá", "Xã tự chấm điểm")
MAX_GROUPS = ("Điểm tối đa", "Điểm chuẩn", "Thang điểm")


def level_of(code: str, parents: dict[str, str | None]) -> int:
    level, parent = 0, parents[code]
    while parent is not None:
        level, parent = level + 1, parents[parent]
    return level


def staircase(value: str, level: int, n: int, bold: bool) -> tuple[Cell, ...]:
    """``n`` cells, ``value`` in the ``level``-th (the deepest when the tree is deeper still)."""
    at = min(level, n - 1)
    return tuple(Cell(value if i == at else "", 1, None, bold, "center") for i in range(n))


def staircase_grid(
    table: ScoreTable, labels: dict, heads: tuple[str, ...], groups: tuple[str, str], both: bool, total: str | None
) -> Grid:
    """ "TT | name | max | self by level | note" under a two-row header: the self points (and, with
    ``both``, the maximum) split into one column per level of the tree under a merged group label,
    each row's points in its own level's column; a total row, if any, in the fields' column."""
    parents = {r.code: r.parent for r in table.rows}
    n = len(heads)
    top = [Cell(labels["code"], 1, "restart", True, "center"), Cell(labels["name"], 1, "restart", True, "center")]
    bottom = [Cell("", 1, "continue", True, "center"), Cell("", 1, "continue", True, "center")]
    if both:
        top.append(Cell(groups[0], n, None, True, "center"))
        bottom += [Cell(h, 1, None, True, "center") for h in heads]
    else:
        top.append(Cell(labels["max"], 1, "restart", True, "center"))
        bottom.append(Cell("", 1, "continue", True, "center"))
    top.append(Cell(groups[1], n, None, True, "center"))
    bottom += [Cell(h, 1, None, True, "center") for h in heads]
    top.append(Cell(labels["explanation"], 1, "restart", True, "center"))
    bottom.append(Cell("", 1, "continue", True, "center"))
    out = [GridRow(tuple(top), "header"), GridRow(tuple(bottom), "header")]
    for r in table.rows:
        level = level_of(r.code, parents)
        bold = level == 0
        cells = [Cell(r.code, 1, None, bold, "center"), Cell(r.name, 1, None, bold)]
        if both:
            cells += staircase(points(r.max_points), level, n, bold)
        else:
            cells.append(Cell(points(r.max_points), 1, None, bold, "center"))
        cells += staircase(points(r.self_points), level, n, bold)
        cells.append(Cell(r.explanation or ""))
        out.append(GridRow(tuple(cells)))
    if total is not None and table.total_max is not None:
        label = Cell(total, 1, None, True, "center")
        cells = [Cell("", 1, None, True), label]
        if both:
            cells += staircase(points(table.total_max), 0, n, True)
        else:
            cells.append(Cell(points(table.total_max), 1, None, True, "center"))
        cells += [*staircase(points(table.total_self), 0, n, True), Cell("")]
        out.append(GridRow(tuple(cells), "total"))
    # a code "1.1.1" on one line; the landscape page (both) gives the name and the note more room
    widths = (1.3, 7.0 if both else 5.8, *((1.3,) * n if both else (1.5,)), *((1.3,) * n), 3.0 if both else 2.6)
    return Grid(widths, tuple(out))


def self_by_level(inst: Instance) -> Built:
    """A score table whose self points stand in a staircase, as a spreadsheet that sums each level
    in its own column prints them: "TT | name | Điểm tối đa | Điểm tự chấm (Lĩnh vực | Tiêu chí |
    Tiêu chí thành phần) | Ghi chú" (odd instances), or the maximum split by level as well under a
    merged "Điểm tối đa" (even); each row's points in its level's column, the others blank; a
    total row (in the fields' column) or none. Written from the generator's commune set (three
    levels). Truth: the rows as F01's; faults as F01's."""
    rng, year, meta, title, table = _scored(inst, (0.7, 0.9, 1.0))
    both = inst.index % 2 == 0
    total = rng.choice(("last", "last", None))
    table = as_printed(table, ScoreLayout(("code", "name", "max", "self"), total=total))
    labels = _labels(rng)
    groups = (rng.choice(MAX_GROUPS), rng.choice(SELF_GROUPS))
    total_label = rng.choice(TOTAL_LABELS) if total else None
    grid = staircase_grid(table, labels, rng.choice(LEVEL_HEADS), groups, both, total_label)
    doc = replace(Document(meta, standard_blocks(meta, title, Table(grid, font_pt=10), rng, year)), landscape=both)
    return score_built(meta, docx_pdf("self-by-level-" + ("max-too" if both else "self-only"), doc), table)


# --- N73: the task's products counted --------------------------------------------------------------------

COUNT_HEADS = ("Số lượng", "Số lượng sản phẩm", "Số lượng (sản phẩm)")
COUNTED = {
    "Kế hoạch": (1, 1),
    "Báo cáo": (2, 12),
    "Quyết định": (1, 3),
    "Thông báo": (1, 4),
    "Biên bản kiểm tra": (2, 6),
    "Văn bản chỉ đạo": (1, 5),
    "Danh mục công bố": (1, 2),
    "Hồ sơ lưu trữ": (20, 150),
    "Kết quả giải quyết": (50, 400),
    "Trang thông tin được cập nhật": (4, 24),
}
SHARE_PRODUCTS = ("hồ sơ được số hóa", "TTHC được công khai", "hồ sơ giải quyết đúng hạn")


def counted(rng: random.Random, product: str) -> str:
    """How many of ``product`` the task makes, two digits as plans print them ("04")."""
    lo, hi = COUNTED.get(product, (1, 4))
    return f"{rng.randint(lo, hi):02d}"


def counted_product(rng: random.Random, product: str) -> str:
    """The product with its count in the cell, "04 Báo cáo", or now and then a share, "100% hồ sơ
    được số hóa"."""
    if rng.random() < 0.2:
        return f"{rng.choice((90, 95, 100))}% {rng.choice(SHARE_PRODUCTS)}"
    return f"{counted(rng, product)} {product[0].lower()}{product[1:]}"


def plan_counted_products(inst: Instance) -> Built:
    """A yearly plan (P01's frame) whose appendix task table counts each task's products: "TT |
    task | product | Số lượng | deadline | lead | coordinator" with figures ("01", "04", "12") in
    the count column (odd instances), or the count written in the product's cell, "04 báo cáo",
    now and then a share, "100% hồ sơ được số hóa" (even). Truth: the tasks as P01's, ``product``
    as printed (the count in it, even); the count column is nothing."""
    rng, year, meta, lines, targets = yearly_plan_start(inst)
    rows: list[TaskRow] = task_rows(rng, year, index_criteria())
    odd = inst.index % 2 == 1
    columns = ("code", "task", "product", "deadline", "lead", "coordinator")
    labels = {k: rng.choice(v) for k, v in TASK_HEADERS.items()}
    if not odd:
        rows = [replace(r, product=counted_product(rng, r.product)) for r in rows]
    grid = task_grid(rows, columns, labels, rng.choice(("code", "merged")))
    if odd:
        grid = with_budget(
            grid, columns.index("product") + 1, rng.choice(COUNT_HEADS), [counted(rng, r.product) for r in rows]
        )
    doc = plan_with_tasks(meta, rng, lines, year, grid)
    return plan_built(docx_pdf("counted-" + ("column" if odd else "in-product"), doc), meta, rows, targets)


NEW_LAYOUT_FAMILIES_Q = {
    "N70_subitems_in_cell": items_in_cell,
    "N71_annex_three_levels": annex_three_levels,
    "N72_self_by_level": self_by_level,
    "N73_plan_counted_products": plan_counted_products,
}

"""A second batch of held-out typed layouts (N06-N10): forms real commune documents print that neither
F01-F31 nor N01-N05 (``new_layouts.py``) have. Made only when named (``make_corpus.NEW_LAYOUTS``), so
no standing figure moves; the held-out test of the round after N01-N05 were developed on.

- N06 a verdict per criterion beside its points: "Đạt" / "Không đạt" in a column of its own, or an
  "x" under "Đạt" or "Không đạt" in two columns under a merged "Kết quả tự đánh giá";
- N07 the codes in three columns, one per level ("I" | "1" | "a", or "1" | "1.1" | "1.1.1"), and three
  points columns under a merged "Điểm số" ("Điểm chuẩn | Điểm tự đánh giá | Điểm thẩm định"), the
  note far right;
- N08 a report's statistics as a two-column key-value table: "1. Tổng số … | 104 thủ tục";
- N09 a score table whose field rows print no points (only criteria are scored), the fields' points
  and the total in a summary table of their own;
- N10 a plan's task table whose deadline and lead cells are merged over several tasks.

The truth is the generator's rows as for every family (tools/CORPUS.md)."""

from __future__ import annotations

import random
from dataclasses import replace

from corpusgen.common import Built, Instance, docx_pdf, score_built, standard_blocks
from corpusgen.document import Document, Para, Table, Title
from corpusgen.grid import Cell, Grid, GridRow, ScoreLayout, as_printed, depth, points, score_grid
from corpusgen.new_layouts import TOTAL_LABELS, _labels
from corpusgen.plan_families import _plan_meta, _truth_rows, _year, plan_with_annex
from corpusgen.plans import TASK_HEADERS, TASK_WIDTHS, TaskRow, index_criteria, prose_targets, task_rows
from corpusgen.reports import StatRow, statistics
from corpusgen.scores import Criterion, Row, ScoreTable, children_of
from corpusgen.typed_annexes import _annex_report
from corpusgen.typed_forms import _scored

ROMANS = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")
LETTERS = "abcdefghijklmn"


def _head(label: str, span: int = 1, two_rows: bool = True) -> tuple[Cell, Cell]:
    """A header label merged down over the header's two rows (``two_rows``), or on its one row."""
    if not two_rows:
        return Cell(label, span, None, True, "center"), Cell()
    return Cell(label, span, "restart", True, "center"), Cell("", span, "continue", True, "center")


def header_rows(spec: list[tuple[str, tuple[str, ...], int]]) -> tuple[GridRow, ...]:
    """The header of (label, sub-labels, span) groups: a group with sub-labels prints its label over
    them (two rows, the other labels merged down over both); none with sub-labels: one row."""
    two = any(subs for _, subs, _ in spec)
    top: list[Cell] = []
    bottom: list[Cell] = []
    for label, subs, span in spec:
        if subs:
            top.append(Cell(label, len(subs), None, True, "center"))
            bottom += [Cell(s, 1, None, True, "center") for s in subs]
        else:
            upper, lower = _head(label, span, two)
            top.append(upper)
            bottom.append(lower)
    if not two:
        return (GridRow(tuple(top), "header"),)
    return GridRow(tuple(top), "header"), GridRow(tuple(bottom), "header")


def _body(grid: Grid) -> tuple[GridRow, ...]:
    return tuple(g for g in grid.rows if g.kind not in ("header", "numbers"))


def _leaves(table: ScoreTable) -> set[str]:
    parents = {r.parent for r in table.rows}
    return {r.code for r in table.rows if r.code not in parents}


# --- N06: a verdict per criterion beside its points ------------------------------------------------

VERDICT_LABELS = ("Kết quả tự đánh giá (Đạt/Không đạt)", "Đánh giá (Đạt/Không đạt)", "Tự đánh giá")
VERDICT_GROUPS = ("Kết quả tự đánh giá", "Tự đánh giá", "Mức độ đạt được")


def verdict(row: Row) -> str:
    """A criterion at its full points "Đạt", below them "Không đạt"; none for a blank score."""
    if row.self_points is None or row.max_points is None:
        return ""
    return "Đạt" if row.self_points >= row.max_points else "Không đạt"


def pass_fail_points(inst: Instance) -> Built:
    """Each criterion's verdict beside its points: "Đạt" / "Không đạt" in a column after the name
    (odd instances), or an "x" under "Đạt" or "Không đạt", two columns under a merged "Kết quả tự
    đánh giá" before the explanation (even). Fields print no verdict. Truth: the points."""
    rng, year, meta, title, table = _scored(inst)
    ticks = inst.index % 2 == 0
    labels = {**_labels(rng), "explanation": rng.choice(("Ghi chú", "Giải trình", "Tài liệu kiểm chứng"))}
    layout = ScoreLayout(
        ("code", "name", "max", "self", "explanation"),
        labels,
        widths_cm={"name": 6.2, "explanation": 3.6},
        total=rng.choice(("last", "last", None)),
        total_label=rng.choice(TOTAL_LABELS),
    )
    table = as_printed(table, layout)
    leaves = _leaves(table)
    data = iter(table.rows)
    rows: list[GridRow] = []
    for g in _body(score_grid(table, layout)):
        row = next(data) if g.kind == "data" else None
        said = verdict(row) if row is not None and row.code in leaves else ""
        if ticks:
            marks = (Cell("x" if said == "Đạt" else "", 1, None, False, "center"),)
            marks += (Cell("x" if said == "Không đạt" else "", 1, None, False, "center"),)
            rows.append(replace(g, cells=g.cells[:4] + marks + g.cells[4:]))
        else:
            rows.append(replace(g, cells=g.cells[:2] + (Cell(said, 1, None, False, "center"),) + g.cells[2:]))
    keys = [labels["code"], labels["name"], labels["max"], labels["self"], labels["explanation"]]
    if ticks:
        spec = [(k, (), 1) for k in keys[:4]] + [(rng.choice(VERDICT_GROUPS), ("Đạt", "Không đạt"), 1)]
        spec.append((keys[4], (), 1))
        widths = (1.2, 5.9, 1.6, 1.7, 1.3, 1.8, 3.6)
    else:
        spec = [(k, (), 1) for k in keys[:2]] + [(rng.choice(VERDICT_LABELS), (), 1)]
        spec += [(k, (), 1) for k in keys[2:]]
        widths = (1.2, 6.0, 2.4, 1.6, 1.7, 3.4)
    grid = Grid(widths, header_rows(spec) + tuple(rows))
    doc = Document(meta, standard_blocks(meta, title, Table(grid), rng, year))
    return score_built(meta, docx_pdf("verdict-ticks" if ticks else "verdict-column", doc), table)


# --- N07: a code column per level, three points columns under "Điểm số" ----------------------------


def roman_fields(criteria: list[Criterion]) -> list[Criterion]:
    """Fields numbered I, II, …, their criteria 1, 2 … (normalised "1" under part I, "II.1" under the
    others, as tools/CORPUS.md writes a part's sections) and the third level a, b (``<parent>.a``)."""
    kids = children_of(criteria)
    new: dict[str, str] = {}

    def visit(c: Criterion, code: str, level: int) -> None:
        new[c.code] = code
        for i, k in enumerate(kids.get(c.code, []), start=1):
            if level == 0:
                child = str(i) if code == "I" else f"{code}.{i}"
            elif level == 1:
                child = f"{code}.{LETTERS[i - 1]}"
            else:
                child = f"{code}.{i}"
            visit(k, child, level + 1)

    for n, top in enumerate(kids.get(None, [])):
        visit(top, ROMANS[n], 0)
    return [replace(c, code=new[c.code], parent=new.get(c.parent) if c.parent else None) for c in criteria]


def level_codes(row: Row, level: int, full: bool) -> tuple[str, str, str]:
    """The three code cells of a row: its code (or, not ``full``, its last part) in its level's column."""
    code = row.code if full else row.code.split(".")[-1]
    cells = ["", "", ""]
    cells[min(level, 2)] = code
    return cells[0], cells[1], cells[2]


LEVEL_WORDS = (("LV", "TC", "TCTP"), ("Lĩnh vực", "Tiêu chí", "Tiêu chí thành phần"))
NOTE_LABELS = ("Ghi chú", "Giải trình, tài liệu kiểm chứng", "Ghi chú (tài liệu kiểm chứng)")


def level_code_columns(inst: Instance) -> Built:
    """The codes in three columns, one per level: "I" | "1" | "a" under one "TT" merged over the three
    (odd instances; the fields renumbered in roman), or the full codes "1" | "1.1" | "1.1.1" under
    "Mã số" spanning "LV | TC | TCTP" (even); the points in three columns under a merged "Điểm số"
    ("Điểm chuẩn | Điểm tự đánh giá | Điểm thẩm định", truth ``appraised_points``), the note last."""
    roman = inst.index % 2 == 1
    rng, year, meta, title, table = _scored(inst, appraised=True, transform=roman_fields if roman else None)
    point_labels = ("Điểm chuẩn", rng.choice(("Điểm tự đánh giá", "Điểm tự chấm")), "Điểm thẩm định")
    layout = ScoreLayout(
        ("code", "name", "max", "self", "appraised", "explanation"),
        _labels(rng),
        total=rng.choice(("last", "first", None)),
        total_label=rng.choice(TOTAL_LABELS),
        code_style="plain",
    )
    table = as_printed(table, layout)
    by_code = {r.code: r for r in table.rows}
    data = iter(table.rows)
    rows: list[GridRow] = []
    for g in _body(score_grid(table, layout)):
        if g.kind == "data":
            row = next(data)
            level = depth(row, by_code)
            codes = tuple(Cell(c, 1, None, level == 0, "center") for c in level_codes(row, level, not roman))
            rows.append(replace(g, cells=codes + g.cells[1:]))
        else:  # the total row: its label over the code columns and the name
            label = replace(g.cells[1], span=4)
            rows.append(replace(g, cells=(label,) + g.cells[2:]))
    name_label = rng.choice(("Nội dung", "Lĩnh vực, tiêu chí, tiêu chí thành phần", "Nội dung đánh giá"))
    codes_spec = [("TT", (), 3)] if roman else [(rng.choice(("Mã số", "Ký hiệu")), rng.choice(LEVEL_WORDS), 1)]
    spec = codes_spec + [(name_label, (), 1), ("Điểm số", point_labels, 1), (rng.choice(NOTE_LABELS), (), 1)]
    widths = (1.0, 1.2, 1.5, 5.3, 1.6, 1.7, 1.7, 3.2) if not roman else (1.2, 0.8, 0.8, 6.1, 1.6, 1.7, 1.7, 3.4)
    grid = Grid(widths, header_rows(spec) + tuple(rows))
    doc = Document(meta, standard_blocks(meta, title, Table(grid), rng, year))
    return score_built(meta, docx_pdf("level-codes-" + ("roman" if roman else "full"), doc), table, appraised=True)


# --- N08: a report's statistics as a key-value table -----------------------------------------------

KEY_VALUE_LABELS = (("Nội dung", "Kết quả"), ("Chỉ tiêu", "Số liệu"), ("Nội dung thống kê", "Kết quả thực hiện"))


def key_of(row: StatRow, colon: bool) -> str:
    """The key cell: the code as printed ("1.", "1.1.", "a)") before the indicator."""
    mark = row.printed if row.printed.endswith(")") else row.printed + "."
    return f"{mark} {row.indicator}" + (":" if colon and row.value is not None else "")


def value_of(row: StatRow) -> str:
    """The value cell with its unit in words: "104 thủ tục", "95,5%"; a heading none."""
    if row.value is None:
        return ""
    if row.unit == "%":
        return f"{points(row.value)}%"
    return f"{points(row.value)} {row.unit.lower()}".strip()


def key_value_statistics(inst: Instance) -> Built:
    """A report whose statistics are a two-column table of key and value: the code and indicator in
    the key cell, the figure with its unit in words in the value cell; a header row "Nội dung |
    Kết quả" (odd instances) or none, keys ending in a colon and a)/b) items (even)."""
    rng = inst.rng()
    plain = inst.index % 2 == 1
    rows, faults = statistics(rng, rng.randint(3, 5), letters=not plain, fault=inst.faulty)
    labels = rng.choice(KEY_VALUE_LABELS)

    def grid_of(year: int, period: str) -> Grid:
        out = [GridRow(tuple(Cell(h, 1, None, True, "center") for h in labels), "header")] if plain else []
        for r in rows:
            top = r.code is not None and "." not in r.code
            out.append(GridRow((Cell(key_of(r, not plain), 1, None, top), Cell(value_of(r), 1, None, top, "right"))))
        return Grid((11.5, 4.5), tuple(out))

    doc, title = _annex_report(inst, rng, grid_of)
    built = Built(
        docx_pdf("key-value-" + ("header" if plain else "colon"), doc),
        doc.meta.truth(),
        commune=doc.meta.place.commune,
    )
    built.statistics = [{"annex": "1", "title": title, "rows": [r.truth() for r in rows]}]
    built.faults = faults
    return built


# --- N09: field rows without points, a summary table of the fields --------------------------------

SUMMARY_HEADINGS = (
    "TỔNG HỢP KẾT QUẢ TỰ ĐÁNH GIÁ THEO LĨNH VỰC",
    "Bảng tổng hợp điểm theo lĩnh vực",
    "KẾT QUẢ TỔNG HỢP",
)
DETAIL_HEADINGS = ("CHI TIẾT ĐIỂM TỰ ĐÁNH GIÁ TỪNG TIÊU CHÍ", "Bảng chấm điểm chi tiết", "KẾT QUẢ CHẤM ĐIỂM CHI TIẾT")


def summary_grid(table: ScoreTable, labels: dict, total_label: str) -> Grid:
    """STT | field | max | self, a row per field, the total last."""
    header = GridRow(
        tuple(Cell(h, 1, None, True, "center") for h in (labels["code"], "Lĩnh vực", labels["max"], labels["self"])),
        "header",
    )
    out = [header]
    for r in table.rows:
        if r.parent is None:
            out.append(
                GridRow(
                    (
                        Cell(r.code, 1, None, False, "center"),
                        Cell(r.name),
                        Cell(points(r.max_points), 1, None, False, "center"),
                        Cell(points(r.self_points), 1, None, False, "center"),
                    )
                )
            )
    total = (Cell(total_label, 2, None, True, "center"), Cell(points(table.total_max), 1, None, True, "center"))
    out.append(GridRow(total + (Cell(points(table.total_self), 1, None, True, "center"),), "total"))
    return Grid((1.2, 9.0, 2.2, 2.4), tuple(out))


def blank_fields(grid: Grid, table: ScoreTable, point_columns: tuple[int, ...]) -> Grid:
    """The detail grid with the field rows' points cells left empty (their points are summed apart)."""
    data = iter(table.rows)
    rows = []
    for g in grid.rows:
        if g.kind == "data" and next(data).parent is None:
            cells = tuple(replace(c, text="") if k in point_columns else c for k, c in enumerate(g.cells))
            g = replace(g, cells=cells)
        rows.append(g)
    return replace(grid, rows=tuple(rows))


def fields_summed_apart(inst: Instance) -> Built:
    """A detail table whose field rows print their name but no points (only criteria are scored), and
    a summary table of the fields' points and the total: after the detail (odd instances) or before
    it (even). Truth: a field's points are the summary's; the stated totals the summary's total row."""
    rng, year, meta, title, table = _scored(inst, keeps=(0.8, 1.0))
    labels = {**_labels(rng), "explanation": rng.choice(("Ghi chú", "Giải trình", "Tài liệu kiểm chứng"))}
    layout = ScoreLayout(("code", "name", "max", "self", "explanation"), labels, total=None)
    detail = blank_fields(score_grid(table, layout), table, (2, 3))
    summary = summary_grid(table, labels, rng.choice(TOTAL_LABELS))
    parts = [(rng.choice(DETAIL_HEADINGS), detail), (rng.choice(SUMMARY_HEADINGS), summary)]
    if inst.index % 2 == 0:  # the summary first
        parts.reverse()
    blocks = tuple(
        block
        for k, (heading, grid) in enumerate(parts, start=1)
        for block in (Para(f"{k}. {heading}", bold=True, align="left"), Table(grid))
    )
    head = standard_blocks(meta, title, Table(Grid((1.0,), ())), rng, year)
    doc = Document(meta, head[:3] + blocks + head[4:])
    variant = "summary-after" if inst.index % 2 == 1 else "summary-before"
    return score_built(meta, docx_pdf(variant, doc), table)


# --- N10: a task table whose deadline and lead are merged over several tasks -----------------------


def shared_runs(rows: list[TaskRow], rng: random.Random, whole_section: tuple[str, ...]) -> list[list[TaskRow]]:
    """The tasks in runs that share ``whole_section``'s fields over their whole section and the others
    over two or three tasks in a row (a run never crosses a section): every task of a run takes its
    first task's deadline and lead, as the merged cell prints them once for all."""
    runs: list[list[TaskRow]] = []
    for section in dict.fromkeys(r.section for r in rows):
        tasks = [r for r in rows if r.section == section]
        shared = {k: getattr(tasks[0], k) for k in whole_section}
        k = 0
        while k < len(tasks):
            n = min(rng.choice((1, 2, 2, 3)), len(tasks) - k)
            first = replace(tasks[k], **shared)
            runs.append([replace(t, deadline=first.deadline, lead=first.lead) for t in tasks[k : k + n]])
            k += n
    return runs


def merged_task_grid(
    runs: list[list[TaskRow]], columns: tuple[str, ...], labels: dict[str, str], whole_section: tuple[str, ...]
) -> Grid:
    """The task grid, sections as a numeral and a title row; a run's deadline and lead printed once, in
    a cell merged down over its tasks (``whole_section``'s fields over the section's tasks)."""
    out = [GridRow(tuple(Cell(labels[c], 1, None, True, "center") for c in columns), "header")]
    section = None
    rows = [(r, k, len(run)) for run in runs for k, r in enumerate(run)]
    for r, k, n in rows:
        if r.section != section:
            section = r.section
            title = r.section_title.upper()
            out.append(GridRow((Cell(r.section, 1, None, True, "center"), Cell(title, len(columns) - 1, None, True))))
        in_section = [x for x, _, _ in rows if x.section == r.section]
        at = in_section.index(r)
        cells = []
        for c in columns:
            if c in ("deadline", "lead"):
                first, count = (at == 0, len(in_section)) if c in whole_section else (k == 0, n)
                if count > 1:
                    text = getattr(r, c) if first else ""
                    cells.append(Cell(text, 1, "restart" if first else "continue", False, "center"))
                    continue
            cells.append(Cell(getattr(r, c), 1, None, False, "center" if c == "code" else "left"))
        out.append(GridRow(tuple(cells)))
    widths = [TASK_WIDTHS.get(c, 2.8) for c in columns]
    scale = min(1.0, 25.0 / sum(widths))
    return Grid(tuple(round(w * scale, 2) for w in widths), tuple(out))


def task_merged_cells(inst: Instance) -> Built:
    """A yearly plan whose appendix task table prints a run of tasks' shared deadline and lead once, in
    cells merged down over the run: both over the same runs of two or three tasks (odd instances),
    or the deadline over the whole section and the lead over runs (even). Truth: every task carries
    the merged cell's deadline and lead."""
    rng = inst.rng("plan")
    year = _year(rng)
    meta = _plan_meta(inst, rng, year, (f"Thực hiện công tác cải cách hành chính năm {year}",))
    lines, targets = prose_targets(rng, [year], rng.randint(3, 4), multi=False)
    whole_section = ("deadline",) if inst.index % 2 == 0 else ()
    runs = shared_runs(task_rows(rng, year, index_criteria()), rng, whole_section)
    columns = ("code", "task", "product", "deadline", "lead", "coordinator")
    if rng.random() < 0.5:
        columns = ("code", "task", "lead", "coordinator", "deadline", "product")
    labels = {k: rng.choice(v) for k, v in TASK_HEADERS.items()}
    grid = merged_task_grid(runs, columns, labels, whole_section)
    annex = Title(
        "PHỤ LỤC",
        (f"DANH MỤC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM {year}",),
        f"(Kèm theo Kế hoạch số {meta.number} của UBND xã {meta.place.commune})",
    )
    table = Table(grid, repeat_header=True, allow_break=True, font_pt=10)
    line = "Các nhiệm vụ, thời gian hoàn thành và bộ phận chủ trì tại Phụ lục kèm theo Kế hoạch này."
    doc = plan_with_annex(meta, rng, lines, annex, table, tasks_line=line)
    variant = "merged-section-deadline" if whole_section else "merged-runs"
    built = Built(docx_pdf(variant, doc), meta.truth(), commune=meta.place.commune)
    built.task_rows = _truth_rows([r for run in runs for r in run], has_code_column=False)
    built.targets = [t.truth() for t in targets]
    return built


NEW_LAYOUT_FAMILIES_B = {
    "N06_pass_fail_points": pass_fail_points,
    "N07_level_code_columns": level_code_columns,
    "N08_key_value_statistics": key_value_statistics,
    "N09_fields_summed_apart": fields_summed_apart,
    "N10_task_merged_cells": task_merged_cells,
}

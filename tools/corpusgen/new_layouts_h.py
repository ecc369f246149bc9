"""An eighth batch of held-out typed layouts (N34-N37): forms real commune documents print that
neither F01-F31 nor N01-N33 have. Made only when named (``make_corpus.NEW_LAYOUTS``), so no standing
figure moves; the held-out test of the round after N30-N33 were developed on.

- N34 a score table where criteria that did not arise in the year are "Không chấm": the word in the
  self cell (or the cell blank and the word in the note), the maximum still printed, and a line
  under the table giving the maximum with them counted out;
- N35 a score table whose fields print no points on their own row: each field is closed by a
  subtotal row, "Cộng" / "Cộng lĩnh vực 1", after its last criterion, as a spreadsheet sums a group;
- N36 a statistics annex comparing the period with last year's: "Cùng kỳ năm trước | Kỳ này |
  Tăng (+), giảm (-) | Tỷ lệ (%)", the difference signed ("+12", "-3") and the change in per cent;
- N37 a yearly plan whose task table gives deadlines by quarters ("Quý I, II", "Quý II - III",
  "Thường xuyên") and the lead and coordinating units in one cell ("Chủ trì: …" over "Phối hợp: …").

The truth is the generator's rows as for every family (tools/CORPUS.md)."""

from __future__ import annotations

import random
from dataclasses import replace

from corpusgen.common import Built, Instance, docx_pdf, score_built, standard_blocks
from corpusgen.document import Document, Para, Table
from corpusgen.grid import Cell, Grid, GridRow, ScoreLayout, as_printed, points, printed_code, score_grid
from corpusgen.new_layouts import TOTAL_LABELS, _labels, _prior
from corpusgen.plan_families import _truth_rows, plan_with_tasks, yearly_plan_start
from corpusgen.plans import TASK_HEADERS, TaskRow, index_criteria, task_grid, task_rows
from corpusgen.reports import StatRow, statistics
from corpusgen.scores import Row, ScoreTable, children_of, r2
from corpusgen.typed_annexes import ANNEX_LABELS, _annex_report, _built as annex_built
from corpusgen.typed_forms import _scored
from normalize.numbers import format_vn

# --- N34: criteria not scored, counted out of the maximum -----------------------------------------

# Why a criterion is not scored, as the note column says it ("{year}" the year assessed).
NOT_SCORED_NOTES = (
    "Không phát sinh trong năm {year}",
    "Không phát sinh, không chấm điểm",
    "Không áp dụng đối với xã",
    "Trong năm không phát sinh",
)
NOT_SCORED_WORDS = ("Không chấm", "Không chấm điểm", "KCĐ")  # what the self cell holds (odd instances)
# The line under the table: the maximum with the criteria not scored counted out.
COUNTED_OUT = (
    "Ghi chú: Các tiêu chí không phát sinh không chấm điểm, điểm tối đa của các tiêu chí này được trừ "
    "khỏi tổng điểm. Tổng điểm tối đa sau khi trừ: {left} điểm.",
    "* Tiêu chí không chấm điểm (không phát sinh): {out} điểm; tổng điểm chuẩn tính lại là {left} điểm.",
)


def not_scored(table: ScoreTable, rng: random.Random, n: int) -> tuple[ScoreTable, tuple[str, ...]]:
    """The table with ``n`` leaves (each under another parent, none a planted fault's leaf) left
    unscored: their self points None, and every row above them (and the stated total) less what
    they had, so the sums still hold as before (a planted sum fault is off by as much as it was)."""
    kids = children_of(table.rows)
    faulty = {f.code for f in table.faults if f.kind == "self_gt_max"}
    leaves = [r for r in table.rows if not kids.get(r.code) and r.self_points is not None and r.code not in faulty]
    leaves = [r for r in leaves if r.parent is not None] or leaves
    rng.shuffle(leaves)
    picked: list[Row] = []
    for r in leaves:
        if len(picked) < n and all(p.parent != r.parent for p in picked):
            picked.append(r)
    by_code = {r.code: r for r in table.rows}
    less: dict[str, float] = {}
    for leaf in picked:
        parent = leaf.parent
        while parent is not None:
            less[parent] = less.get(parent, 0.0) + (leaf.self_points or 0.0)
            parent = by_code[parent].parent
    codes = {r.code for r in picked}

    def mended(r: Row) -> Row:
        if r.code in codes:
            return replace(r, self_points=None)
        if r.code in less and r.self_points is not None:
            return replace(r, self_points=r2(r.self_points - less[r.code]))
        return r

    gone = sum(r.self_points or 0.0 for r in picked)
    total_self = None if table.total_self is None else r2(table.total_self - gone)
    out = replace(table, rows=tuple(mended(r) for r in table.rows), total_self=total_self)
    return out, tuple(r.code for r in table.rows if r.code in codes)


def criteria_not_scored(inst: Instance) -> Built:
    """A score table where two or three criteria that did not arise are not scored: their maximum
    printed, their self cell "Không chấm" / "Không chấm điểm" / "KCĐ" with the reason in the note
    (odd instances), or their self cell blank and "Không phát sinh, không chấm điểm" in the note
    (even); a line under the table gives the maximum with them counted out. Truth: their
    ``self_points`` None, the note their ``explanation``; the stated total as the total row prints it."""
    rng, year, meta, title, table = _scored(inst, (0.8, 1.0))
    word_in_cell = inst.index % 2 == 1
    layout = ScoreLayout(
        ("code", "name", "max", "self", "explanation"),
        _labels(rng),
        widths_cm={"name": 7.2, "explanation": 4.0},
        total=rng.choice(("last", "last", None)),
        total_label=rng.choice(TOTAL_LABELS),
    )
    table, codes = not_scored(as_printed(table, layout), rng, rng.randint(2, 3))
    note = rng.choice(NOT_SCORED_NOTES if word_in_cell else NOT_SCORED_NOTES[1:])
    word = rng.choice(NOT_SCORED_WORDS)
    rows = tuple(replace(r, explanation=note.format(year=year)) if r.code in codes else r for r in table.rows)
    table = replace(table, rows=rows)
    grid = score_grid(table, layout)
    at = layout.columns.index("self")
    body = iter(table.rows)

    def worded(g: GridRow) -> GridRow:
        row = next(body)
        if not word_in_cell or row.code not in codes:
            return g
        return replace(g, cells=g.cells[:at] + (replace(g.cells[at], text=word),) + g.cells[at + 1 :])

    grid = replace(grid, rows=tuple(worded(g) if g.kind == "data" else g for g in grid.rows))
    counted_out = sum(r.max_points for r in table.rows if r.code in codes)
    full = sum(r.max_points for r in table.rows if r.parent is None)
    line = rng.choice(COUNTED_OUT).format(out=points(r2(counted_out)), left=points(r2(full - counted_out)))
    blocks = standard_blocks(meta, title, Table(grid), rng, year)
    at_table = next(k for k, b in enumerate(blocks) if isinstance(b, Table))
    blocks = blocks[: at_table + 1] + (Para(line, italic=True),) + blocks[at_table + 1 :]
    doc = Document(meta, blocks)
    return score_built(meta, docx_pdf("not-scored-" + ("word" if word_in_cell else "note"), doc), table)


# --- N35: each field closed by a subtotal row ------------------------------------------------------

SUBTOTAL_LABELS = ("Cộng", "Cộng lĩnh vực {code}", "Cộng mục {code}", "Cộng ({code})")


def subtotal_row(field: Row, columns: tuple[str, ...], label: str) -> GridRow:
    """The row closing a field: its label in the name cell, the field's maximum and self points."""
    values = {"name": label, "max": points(field.max_points), "self": points(field.self_points)}
    align = {"name": "left"}
    return GridRow(tuple(Cell(values.get(k, ""), 1, None, True, align.get(k, "center")) for k in columns))


def field_subtotals(inst: Instance) -> Built:
    """A score table whose field rows print their code and name only (the points cells blank) and
    each field is closed by a bold subtotal row after its last criterion: "Cộng" (odd instances) or
    "Cộng lĩnh vực 1" / "Cộng mục 1" / "Cộng (1)" (even) with the field's maximum and self points;
    the total row last where there is one. Truth: the field's points are those its subtotal prints."""
    rng, year, meta, title, table = _scored(inst, (0.7, 1.0))
    columns = ("code", "name", "max", "self", "explanation")
    layout = ScoreLayout(
        columns,
        _labels(rng),
        widths_cm={"name": 7.4, "explanation": 4.0},
        total=rng.choice(("last", "last", None)),
        total_label=rng.choice(TOTAL_LABELS),
    )
    table = as_printed(table, layout)
    pattern = SUBTOTAL_LABELS[0] if inst.index % 2 == 1 else rng.choice(SUBTOTAL_LABELS[1:])
    grid = score_grid(table, layout)
    points_at = [columns.index(k) for k in ("max", "self")]
    by_code = {r.code: r for r in table.rows}
    rows: list[GridRow] = []
    field: Row | None = None

    def close(f: Row | None) -> None:
        if f is not None:
            label = pattern.format(code=printed_code(f.code, "plain"))
            rows.append(subtotal_row(f, columns, label))

    body = iter(table.rows)
    for g in grid.rows:
        if g.kind != "data":
            if g.kind == "total":
                close(field)
                field = None
            rows.append(g)
            continue
        row = next(body)
        if row.parent is None:
            close(field)
            field = by_code[row.code]
            cells = tuple(replace(c, text="") if k in points_at else c for k, c in enumerate(g.cells))
            g = replace(g, cells=cells)
        rows.append(g)
    close(field)
    doc = Document(meta, standard_blocks(meta, title, Table(replace(grid, rows=tuple(rows))), rng, year))
    return score_built(meta, docx_pdf("subtotals-" + ("cong" if inst.index % 2 == 1 else "cong-field"), doc), table)


# --- N36: the period against last year's, the change signed -----------------------------------------

BEFORE_NOW = (
    ("Cùng kỳ năm trước", "Kỳ này"),
    ("Cùng kỳ năm {prior}", "{period}"),
    ("Năm {prior}", "Năm {year}"),
    ("Kỳ trước", "Kỳ báo cáo"),
)
CHANGE_LABELS = ("Tăng (+), giảm (-)", "Tăng (+)/giảm (-)", "Chênh lệch (+/-)")
SHARE_LABELS = ("Tỷ lệ so với cùng kỳ (%)", "So sánh (%)", "Tỷ lệ tăng, giảm (%)")


def signed(value: float) -> str:
    """A difference as the column prints it: "+12", "-3,5", and "0" when nothing moved."""
    if abs(value) < 1e-9:
        return "0"
    return ("+" if value > 0 else "-") + format_vn(abs(value))


def change_cells(row: StatRow, before: float | None, as_change: bool) -> tuple[str, str]:
    """The difference (this less last, in points for a share) and the per cent column: this over
    last ("112,5") or the change ("+12,5%", even instances); blank where either is missing, and
    the per cent blank on a share or over a nought."""
    if row.value is None or before is None:
        return "", ""
    diff = signed(r2(row.value - before) or 0.0)
    if row.unit == "%" or not before:
        return diff, ""
    if as_change:
        return diff, signed(round(100 * (row.value - before) / before, 1)) + "%"
    return diff, format_vn(round(100 * row.value / before, 1))


def annex_change_signed(inst: Instance) -> Built:
    """A report whose annex sets the period beside the same period last year, last year first:
    "STT | Nội dung | ĐVT | Cùng kỳ năm trước | Kỳ này | Tăng (+), giảm (-) | Tỷ lệ so với cùng kỳ
    (%) | Ghi chú"; the difference signed, "+12" / "-3" / "0" (in points for a share), the per
    cent this over last, "112,5" (odd instances), or the change, "+12,5%" (even). Truth ``value``:
    this period's figure; the rest nothing."""
    rng = inst.rng()
    rows, faults = statistics(rng, rng.randint(4, 6), letters=inst.index % 2 == 0, fault=inst.faulty)
    prior = _prior(rows, rng)
    before_label, now_label = BEFORE_NOW[(inst.index - 1) % len(BEFORE_NOW)]
    head = ANNEX_LABELS[(inst.index - 1) % len(ANNEX_LABELS)]
    change_label, share_label = rng.choice(CHANGE_LABELS), rng.choice(SHARE_LABELS)
    as_change = inst.index % 2 == 0

    def grid_of(year: int, period: str) -> Grid:
        words = {"period": period[0].upper() + period[1:], "year": year, "prior": year - 1}
        labels = (*head, before_label.format(**words), now_label.format(**words), change_label, share_label, "Ghi chú")
        out = [GridRow(tuple(Cell(h, 1, None, True, "center") for h in labels), "header")]
        for r, before in zip(rows, prior):
            bold = r.code is not None and "." not in r.code
            cells = [Cell(r.printed, 1, None, bold, "center"), Cell(r.indicator, 1, None, bold)]
            cells.append(Cell(r.unit, 1, None, False, "center"))
            cells += [Cell(points(v), 1, None, bold, "center") for v in (before, r.value)]
            cells += [Cell(text, 1, None, False, "center") for text in change_cells(r, before, as_change)]
            cells.append(Cell(r.note))
            out.append(GridRow(tuple(cells)))
        return Grid((1.1, 5.7, 1.5, 2.0, 2.0, 2.0, 2.0, 1.7), tuple(out))

    doc, title = _annex_report(inst, rng, grid_of)
    return annex_built(doc, title, rows, faults, "change-" + ("share-of-last" if not as_change else "change-percent"))


# --- N37: deadlines by quarters, lead and coordinators in one cell ----------------------------------


def quarter_deadline(rng: random.Random, year: int) -> str:
    """A task's deadline as plans give it by quarters, or all year round (printed as the truth)."""
    return rng.choice(
        (
            "Quý I, II",
            "Quý II, III",
            "Quý I, II, III, IV",
            "Quý II - III",
            f"Quý III - IV/{year}",
            f"Quý I/{year}",
            f"Quý IV năm {year}",
            "Thường xuyên",
            "Hằng quý",
            "Thường xuyên, hằng quý",
            "Tháng 6 và tháng 12",
            f"Cả năm {year}",
        )
    )


UNITS_LABELS = ("Đơn vị chủ trì, phối hợp", "Chủ trì, phối hợp", "Cơ quan chủ trì/phối hợp")


def units_cell(r: TaskRow, labelled: bool) -> str:
    """The lead and the coordinators in one cell: "Chủ trì: …" over "Phối hợp: …" (``labelled``), or
    the lead over the coordinators in brackets, "(Phối hợp: …)"."""
    if labelled:
        return f"Chủ trì: {r.lead}\nPhối hợp: {r.coordinator}"
    return f"{r.lead}\n(Phối hợp: {r.coordinator})"


def plan_quarters_units(inst: Instance) -> Built:
    """A yearly plan whose appendix task table gives each task's deadline by quarters, "Quý I, II",
    "Quý II - III", "Quý III - IV/2025", or all year round, "Thường xuyên", "Hằng quý", and the
    lead and coordinating units in one cell headed "Đơn vị chủ trì, phối hợp": "Chủ trì: …" over
    "Phối hợp: …" (odd instances) or the lead over "(Phối hợp: …)" (even). Truth: each task's
    deadline as printed, its lead and coordinators apart."""
    rng, year, meta, lines, targets = yearly_plan_start(inst)
    rows = [replace(r, deadline=quarter_deadline(rng, year)) for r in task_rows(rng, year, index_criteria())]
    labelled = inst.index % 2 == 1
    columns = ("code", "task", "product", "deadline", "lead")
    if rng.random() < 0.5:
        columns = ("code", "task", "lead", "deadline", "product")
    labels = {k: rng.choice(v) for k, v in TASK_HEADERS.items()}
    labels["lead"] = rng.choice(UNITS_LABELS)
    printed = [replace(r, lead=units_cell(r, labelled)) for r in rows]
    grid = task_grid(printed, columns, labels, rng.choice(("code", "merged")))
    doc = plan_with_tasks(meta, rng, lines, year, grid)
    built = Built(
        docx_pdf("quarters-" + ("units-labelled" if labelled else "units-bracketed"), doc),
        meta.truth(),
        commune=meta.place.commune,
    )
    built.task_rows = _truth_rows(rows, has_code_column=False)
    built.targets = [t.truth() for t in targets]
    return built


NEW_LAYOUT_FAMILIES_H = {
    "N34_criteria_not_scored": criteria_not_scored,
    "N35_field_subtotals": field_subtotals,
    "N36_annex_change_signed": annex_change_signed,
    "N37_plan_quarters_units": plan_quarters_units,
}

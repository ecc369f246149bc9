"""A third batch of held-out typed layouts (N11-N15): forms real commune documents print that neither
F01-F31 nor N01-N10 (``new_layouts.py``, ``new_layouts_b.py``) have. Made only when named
(``make_corpus.NEW_LAYOUTS``), so no standing figure moves; the held-out test of the round after
N06-N10 were developed on.

- N11 a landscape score table broken at a forced page break and continued on the next page: under
  "(tiếp theo)" with its header printed again, or under a row of the columns' numbers "1 2 3 4 5"
  only (the first part printing the same row under its header);
- N12 a deductions column "Điểm trừ" (self = max − deduction) with the reason for each deduction,
  the self points printed beside it or not at all;
- N13 a statistics annex with a figure per quarter ("Quý I | Quý II | Quý III | Quý IV | Cả năm");
- N14 yes/no criteria scored by a verdict in place of their points ("Đạt" = full marks, "Không đạt"
  = none), the other criteria by their points;
- N15 a report whose statistics are a table in its body, between paragraphs that give counts and
  their breakdowns in sentences (no annex).

The truth is the generator's rows as for every family (tools/CORPUS.md)."""

from __future__ import annotations

import itertools
import random
from dataclasses import replace

from corpusgen.common import Built, Instance, docx_pdf, evaluation_year, intro, make_meta, score_built, standard_blocks
from corpusgen.document import Document, Header, PageBreak, Para, Signature, Table, Title
from corpusgen.grid import Cell, Grid, GridRow, ScoreLayout, as_printed, points, score_grid, stat_grid
from corpusgen.new_layouts import DEDUCTION_REASONS, TOTAL_LABELS, _labels
from corpusgen.new_layouts_b import _leaves, header_rows
from corpusgen.reports import StatRow, _ratio, _split, narrative, statistics
from corpusgen.scores import Fault, Row, ScoreTable, r2
from corpusgen.typed_annexes import ANNEX_LABELS, TITLES, _annex_report
from corpusgen.typed_forms import _scored

# --- N11: a score table continued over a forced page break -----------------------------------------

CONTINUED = ("(tiếp theo)", "(Tiếp theo)", "Biểu tự đánh giá, chấm điểm (tiếp theo)")


def numbers_row(n: int) -> GridRow:
    """The columns' numbers "1 2 3 …" (no brackets), as a form prints them under its header and,
    at a continuation, in place of it."""
    return GridRow(tuple(Cell(str(i), 1, None, False, "center") for i in range(1, n + 1)), "numbers")


def continued_parts(grid: Grid, at: int, numbers_only: bool) -> tuple[Grid, Grid]:
    """The grid cut before body row ``at``: the first part keeps the header (and, ``numbers_only``,
    a numbers row under it); the second starts with the header printed again or with the numbers
    row alone."""
    header = tuple(g for g in grid.rows if g.kind == "header")
    body = tuple(g for g in grid.rows if g.kind != "header")
    numbers = (numbers_row(len(grid.widths_cm)),) if numbers_only else ()
    first = replace(grid, rows=header + numbers + body[:at])
    second = replace(grid, rows=(numbers if numbers_only else header) + body[at:])
    return first, second


def table_continued(inst: Instance) -> Built:
    """A landscape score table broken at a forced page break where the first page ends (often
    inside a field): the rest on the next page under "(tiếp theo)" with the header printed again
    (odd instances), or under a row of the columns' numbers "1 2 3 4 5" alone, the first part
    printing it under its header (even). Truth: one table, as if printed whole."""
    appraised = inst.index in (2, 3)  # the district's appraisal column in two instances of four
    rng, year, meta, title, table = _scored(inst, appraised=appraised)
    numbers_only = inst.index % 2 == 0
    columns = ("code", "name", "max", "self") + (("appraised",) if appraised else ()) + ("explanation",)
    labels = {**_labels(rng), "explanation": rng.choice(("Tài liệu kiểm chứng", "Giải trình", "Ghi chú"))}
    layout = ScoreLayout(
        columns,
        labels,
        widths_cm={"name": 9.5, "explanation": 6.5, "max": 2.0, "self": 2.2, "appraised": 2.2},
        total=rng.choice(("last", "last", None)),
        total_label=rng.choice(TOTAL_LABELS),
    )
    table = as_printed(table, layout)
    grid = score_grid(table, layout)
    n_body = sum(1 for g in grid.rows if g.kind != "header")
    # the break where the first page ends (after the heading block, 5-8 rows fit), wherever that falls
    first, second = continued_parts(grid, max(2, min(n_body - 2, rng.randint(5, 8))), numbers_only)
    cont = () if numbers_only else (Para(rng.choice(CONTINUED), italic=True, align=rng.choice(("left", "center"))),)
    parts = (Table(first), PageBreak(), *cont, Table(second))
    head = standard_blocks(meta, title, Table(first), rng, year)
    doc = Document(meta, head[:3] + parts + head[4:], landscape=True)
    variant = "continued-numbers-row" if numbers_only else "continued-header-again"
    return score_built(meta, docx_pdf(variant, doc), table, appraised=appraised)


# --- N12: a deductions column, self = max − deduction ----------------------------------------------

DEDUCTION_LABELS = ("Điểm trừ", "Số điểm bị trừ", "Điểm bị trừ")
REASON_LABELS = ("Lý do trừ điểm", "Nguyên nhân trừ điểm", "Lý do trừ điểm (nếu có)")
EARNED_LABELS = ("Điểm đạt", "Điểm tự đánh giá", "Điểm còn lại")


def deduction(max_points: float | None, self_points: float | None) -> str:
    """The printed deduction: the maximum less the self points ("0" at full marks; blank unscored)."""
    if max_points is None or self_points is None:
        return ""
    return points(r2(max_points - self_points))


def with_reasons(table: ScoreTable, rng: random.Random) -> ScoreTable:
    """Each leaf scored below its maximum gives the reason for its deduction (no number: the points
    are in the deduction column); a leaf at full marks and every parent none."""
    leaves = _leaves(table)
    rows = []
    for r in table.rows:
        short = r.code in leaves and r.self_points is not None and r.max_points is not None
        short = short and r.self_points < r.max_points
        reason = None
        if short:
            n = rng.randint(3, 12)
            text = rng.choice(DEDUCTION_REASONS).format(k=rng.randint(1, n - 1), n=n)
            reason = text[0].upper() + text[1:]
        rows.append(replace(r, explanation=reason))
    return replace(table, rows=tuple(rows))


def deduction_points(inst: Instance) -> Built:
    """ "Điểm tối đa | Điểm trừ | Điểm đạt | Lý do trừ điểm" (odd instances), or "Điểm chuẩn | Điểm
    trừ | Lý do trừ điểm" with no self column (even: the self points are the maximum less the
    deduction, as the deduction-based forms score). Truth: the self points either way."""
    rng, year, meta, title, table = _scored(inst)
    table = with_reasons(table, rng)
    earned = inst.index % 2 == 1
    labels = {**_labels(rng), "explanation": rng.choice(REASON_LABELS), "self": rng.choice(EARNED_LABELS)}
    if not earned:
        labels["max"] = rng.choice(("Điểm chuẩn", "Điểm tối đa"))
    layout = ScoreLayout(
        ("code", "name", "max", "self", "explanation"),
        labels,
        total=rng.choice(("last", "last", None)),
        total_label=rng.choice(TOTAL_LABELS),
    )
    table = as_printed(table, layout)
    data = iter(table.rows)
    rows: list[GridRow] = []
    for g in score_grid(table, layout).rows:
        if g.kind == "header":
            said = Cell(rng.choice(DEDUCTION_LABELS), 1, None, True, "center")
        elif g.kind == "total":
            said = Cell(deduction(table.total_max, table.total_self), 1, None, True, "center")
        else:
            row = next(data)
            said = Cell(deduction(row.max_points, row.self_points), 1, None, g.cells[2].bold, "center")
        cells = g.cells[:3] + (said,) + (g.cells[3:] if earned else g.cells[4:])
        rows.append(replace(g, cells=cells))
    widths = (1.2, 6.4, 1.7, 1.6, 1.7, 3.4) if earned else (1.2, 7.4, 1.8, 1.7, 4.0)
    doc = Document(meta, standard_blocks(meta, title, Table(Grid(widths, tuple(rows))), rng, year))
    return score_built(meta, docx_pdf("deduction-and-points" if earned else "deduction-only", doc), table)


# --- N13: a statistics annex with a figure per quarter ---------------------------------------------

# Counts of what the commune has (procedures, staff, the plan's tasks) are not summed over the
# quarters: each quarter prints the figure at its end, unchanged over the year here.
STOCK_UNITS = ("Thủ tục", "Người", "Nhiệm vụ")
YEAR_LABELS = ("Cả năm", "Cả năm {year}", "Lũy kế cả năm", "Tổng cộng")
HALF_LABELS = ("6 tháng", "Cộng 6 tháng", "Lũy kế 6 tháng")
QUARTERS = ("Quý I", "Quý II", "Quý III", "Quý IV")


def _parent(code: str) -> str:
    return code.rsplit(".", 1)[0]


def counted(rows: list[StatRow], ratio: StatRow) -> tuple[StatRow, tuple[StatRow, ...]] | None:
    """The count a ratio row is over and the parts it counts (the ratio's parent and some of its
    sibling counts, or a sibling count and some of its items), found by its value."""
    assert ratio.code is not None
    counts = [r for r in rows if r.code is not None and r.unit != "%" and r.value is not None]
    parent = _parent(ratio.code)
    siblings = [r for r in counts if _parent(r.code or "") == parent and r.code != parent]
    options = [(r, siblings) for r in counts if r.code == parent]
    options += [(s, [r for r in counts if _parent(r.code or "") == s.code]) for s in siblings]
    for whole, parts in options:
        for k in range(1, len(parts) + 1):
            for combo in itertools.combinations(parts, k):
                if whole.value and abs(_ratio(sum(p.value or 0.0 for p in combo), whole.value) - ratio.value) < 0.006:
                    return whole, combo
    return None


def by_period(rows: list[StatRow], rng: random.Random, n: int) -> dict[str, list[float | None]]:
    """Each row's ``n`` period figures: a flow's leaf count split over the periods, a parent the
    sum of its items' figures; a stock the same figure each period; a ratio from its period's counts
    (none when that count is 0); a heading none."""
    out: dict[str, list[float | None]] = {}
    coded = [r for r in rows if r.code is not None]
    for r in sorted(coded, key=lambda r: -len((r.code or "").split("."))):  # items before their count
        code = r.code or ""
        items = [out[k.code or ""] for k in coded if k.unit != "%" and _parent(k.code or "") == code and k.code != code]
        if r.value is None or r.unit == "%":
            continue
        if r.unit in STOCK_UNITS:
            out[code] = [r.value] * n
        elif items:
            out[code] = [sum(x or 0.0 for x in col) for col in zip(*items)]
        else:
            parts = _split(rng, int(r.value), n)
            rng.shuffle(parts)
            out[code] = [float(p) for p in parts]
    for r in coded:
        if r.unit == "%":
            found = counted(rows, r)
            if found is None:
                out[r.code or ""] = [None] * n
                continue
            whole, parts = found
            figures = [(out[whole.code or ""][k], sum(out[p.code or ""][k] or 0.0 for p in parts)) for k in range(n)]
            out[r.code or ""] = [_ratio(part, w) if w else None for w, part in figures]
    return out


def with_true_counts(
    inst: Instance, rng: random.Random, groups: tuple[int, int] = (3, 5)
) -> tuple[list[StatRow], list[Fault], list[StatRow]]:
    """An annex's rows and planted faults, and the same draws without the fault: the shares of a
    part of the period (a quarter, a month) come from the true counts. ``groups``: how many groups
    of indicators (``reports.statistics``), at least and at most."""
    state = rng.getstate()
    rows, faults = statistics(rng, rng.randint(*groups), letters=inst.index % 2 == 1, fault=inst.faulty)
    rng.setstate(state)
    true_rows, _ = statistics(rng, rng.randint(*groups), letters=inst.index % 2 == 1, fault=False)
    return rows, faults, true_rows


def quarter_grid(
    rows: list[StatRow], periods: dict[str, list[float | None]], labels: tuple[str, ...], total_first: bool
) -> Grid:
    """STT | indicator | unit | the periods | the whole period (or the whole period first), under a
    merged "Kết quả thực hiện" when the total is last."""
    head, names, total = labels[:3], labels[3:-1], labels[-1]
    figures = (total,) + names if total_first else names + (total,)
    spec = [(h, (), 1) for h in head]
    spec += [(h, (), 1) for h in figures] if total_first else [("Kết quả thực hiện", figures, 1)]
    out = list(header_rows(spec))
    for r in rows:
        top = r.code is not None and "." not in r.code
        each = [points(v) if v is not None else "" for v in periods.get(r.code or "", [None] * len(names))]
        whole = "" if r.value is None else points(r.value)
        values = [whole] + each if total_first else each + [whole]
        cells = [Cell(r.printed, 1, None, top, "center"), Cell(r.indicator, 1, None, top), Cell(r.unit, 1, None)]
        cells += [Cell(v, 1, None, top, "center") for v in values]
        out.append(GridRow(tuple(cells)))
    width = (15.8 - 1.2 - 1.5 - 5.1) / len(figures)
    return Grid((1.2, 5.1, 1.5) + (round(width, 2),) * len(figures), tuple(out))


def annex_quarters(inst: Instance) -> Built:
    """A report whose annex prints each indicator's figure per quarter and for the whole period:
    "Quý I | Quý II | Quý III | Quý IV | Cả năm" for a year, "Quý I | Quý II | 6 tháng" for six
    months; the whole period last under a merged "Kết quả thực hiện" (odd instances) or first (even).
    Truth ``value``: the whole period's figure."""
    rng = inst.rng()
    rows, faults, true_rows = with_true_counts(inst, rng)
    total_first = inst.index % 2 == 0
    head = ANNEX_LABELS[(inst.index - 1) % len(ANNEX_LABELS)]

    def grid_of(year: int, period: str) -> Grid:
        names = QUARTERS if period.startswith("năm") else QUARTERS[:2]
        whole = rng.choice(YEAR_LABELS if period.startswith("năm") else HALF_LABELS).format(year=year)
        periods = by_period(true_rows, random.Random(f"{inst.name}/{inst.seed}/quarters"), len(names))
        return quarter_grid(rows, periods, head + names + (whole,), total_first)

    doc, title = _annex_report(inst, rng, grid_of)
    built = Built(docx_pdf("quarters-" + ("total-first" if total_first else "total-last"), doc), doc.meta.truth())
    built.commune = doc.meta.place.commune
    built.statistics = [{"annex": "1", "title": title, "rows": [r.truth() for r in rows]}]
    built.faults = faults
    return built


# --- N14: yes/no criteria scored by a verdict in place of their points ------------------------------

VERDICTS = (("Đạt", "Không đạt"), ("Đạt", "Chưa đạt"))
VERDICT_NOTE = (
    "Ghi chú: Đối với tiêu chí đánh giá {yes}/{no}: {yes} được tính điểm tối đa của tiêu chí; "
    "{no} không được tính điểm."
)


def yes_no_leaves(table: ScoreTable, rng: random.Random) -> set[str]:
    """The leaves scored all or nothing that print a verdict (most of them; at least one)."""
    whole = [
        r.code
        for r in table.rows
        if r.code in _leaves(table)
        and r.self_points is not None
        and r.max_points
        and (abs(r.self_points - r.max_points) < 1e-6 or r.self_points == 0)
    ]
    chosen = {c for c in whole if rng.random() < 0.6}
    return chosen or set(whole[:1])


def verdict_cell(row: Row, words: tuple[str, str]) -> str:
    return words[0] if row.self_points and row.max_points and row.self_points >= row.max_points else words[1]


def verdict_for_points(inst: Instance) -> Built:
    """The self points of yes/no criteria printed as a verdict, "Đạt" (full marks) or "Không đạt" (no
    points), the others' as numbers; parents and the total as numbers. Even instances word it
    "Đạt" / "Chưa đạt" and explain the rule in a note under the table. Truth: the points the
    verdict stands for (self = max for "Đạt", 0 for "Không đạt" / "Chưa đạt")."""
    rng, year, meta, title, table = _scored(inst)
    words = VERDICTS[(inst.index - 1) % 2]
    labels = {**_labels(rng), "explanation": rng.choice(("Tài liệu kiểm chứng", "Giải trình", "Ghi chú"))}
    layout = ScoreLayout(
        ("code", "name", "max", "self", "explanation"),
        labels,
        widths_cm={"name": 6.6, "explanation": 3.6, "self": 2.2},
        total=rng.choice(("last", "last", None)),
        total_label=rng.choice(TOTAL_LABELS),
    )
    table = as_printed(table, layout)
    said = yes_no_leaves(table, rng)
    data = iter(table.rows)
    rows: list[GridRow] = []
    for g in score_grid(table, layout).rows:
        row = next(data) if g.kind == "data" else None
        if row is not None and row.code in said:
            g = replace(
                g, cells=g.cells[:3] + (Cell(verdict_cell(row, words), 1, None, False, "center"),) + g.cells[4:]
            )
        rows.append(g)
    grid = replace(score_grid(table, layout), rows=tuple(rows))
    blocks = standard_blocks(meta, title, Table(grid), rng, year)
    if inst.index % 2 == 0:
        note = Para(VERDICT_NOTE.format(yes=words[0], no=words[1]), italic=True)
        blocks = blocks[:4] + (note,) + blocks[4:]
    variant = "verdict-" + ("dat-khong-dat" if words[1] == "Không đạt" else "dat-chua-dat-note")
    return score_built(meta, docx_pdf(variant, Document(meta, blocks)), table)


# --- N15: a report's statistics as a table in its body ----------------------------------------------

# What the sentences of ``reports.narrative`` count (procedures, files, feedback, inspections,
# campaigns, directives): the table leaves these out, so the body does not give one figure twice.
TOLD_UNITS = ("Thủ tục", "Hồ sơ", "Phản ánh", "Cuộc", "Lượt", "Văn bản")
BODY_LABELS = (
    ("STT", "Nội dung", "ĐVT", "Kết quả", "Ghi chú"),
    ("TT", "Chỉ tiêu", "Đơn vị tính", "Số liệu", "Ghi chú"),
)
TABLE_LEADS = ("Kết quả cụ thể như sau:", "Số liệu cụ thể:", "Một số chỉ tiêu chủ yếu đạt được như sau:")


def untold(rows: list[StatRow], faults: list[Fault]) -> tuple[list[StatRow], list[Fault]]:
    """The rows less the groups the sentences tell of (by unit), the top codes renumbered 1, 2, …,
    and the faults of the rows kept (under their new codes)."""
    groups: list[list[StatRow]] = []
    for r in rows:
        if r.code is not None and "." not in r.code:
            groups.append([])
        groups[-1].append(r)
    kept = [g for g in groups if not any(r.unit in TOLD_UNITS for r in g)]
    out: list[StatRow] = []
    codes: dict[str, str] = {}
    for n, group in enumerate(kept, start=1):
        old = group[0].code or ""
        for r in group:
            code = None if r.code is None else str(n) + (r.code or "")[len(old) :]
            printed = r.printed if r.printed.endswith(")") else code or r.printed
            codes[r.code or ""] = code or ""
            out.append(replace(r, code=code, printed=printed))
    moved = [
        replace(f, code=codes[f.code], note=f.note.replace(f.code, codes[f.code], 1))
        for f in faults
        if f.code is not None and f.code in codes
    ]
    return out, moved


def body_statistics(inst: Instance) -> Built:
    """A six-month or yearly report whose statistics are a table in its body, under a lead line in
    section I, with counts and their breakdowns told in sentences before it (odd instances) or after
    it, breakdowns as a)/b) items (even); no annex. Truth: the table's rows (as annex "1": the
    report's one statistics table) and the sentences' counts; one fault kind or the other in a
    faulty instance."""
    rng = inst.rng()
    year = evaluation_year(inst, rng)
    period = rng.choice((f"6 tháng đầu năm {year}", f"năm {year}"))
    lines = tuple(x.replace("{period}", period) for x in rng.choice(TITLES))
    meta = make_meta(inst, rng, "BC", lines, year)
    in_table = inst.faulty and rng.random() < 0.5
    rows, faults = untold(*statistics(rng, rng.randint(5, 6), inst.index % 2 == 0, in_table, min_items=2))
    paras, counts, told = narrative(rng, period, inst.faulty and not in_table)
    labels = BODY_LABELS[(inst.index - 1) % len(BODY_LABELS)]
    table = Table(stat_grid(rows, labels, (1.2, 8.6, 2.0, 2.0, 2.2)))
    told_paras = [Para(p) for p in paras]
    table_part = [Para(rng.choice(TABLE_LEADS)), table]
    results = told_paras + table_part if inst.index % 2 == 1 else table_part + told_paras
    body = (
        Header(rng.choice(("table", "stacked"))),
        Title("BÁO CÁO", meta.title_lines),
        intro(meta, rng, year, f"kết quả thực hiện công tác cải cách hành chính {period}"),
        Para("I. KẾT QUẢ THỰC HIỆN CÔNG TÁC CẢI CÁCH HÀNH CHÍNH", bold=True),
        *results,
        Para("II. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI", bold=True),
        Para("Tiếp tục nâng cao chất lượng giải quyết thủ tục hành chính, đẩy mạnh dịch vụ công trực tuyến."),
        Signature(rng.choice(("table", "paragraphs"))),
    )
    doc = Document(meta, body)
    variant = "table-after-sentences" if inst.index % 2 == 1 else "table-before-sentences"
    built = Built(docx_pdf(variant, doc), meta.truth(), commune=meta.place.commune)
    annex_title = "Số liệu kết quả thực hiện công tác cải cách hành chính " + period
    built.statistics = [{"annex": "1", "title": annex_title, "rows": [r.truth() for r in rows]}]
    built.counts = [c.truth() for c in counts]
    built.faults = faults + told
    return built


NEW_LAYOUT_FAMILIES_C = {
    "N11_table_continued": table_continued,
    "N12_deduction_points": deduction_points,
    "N13_annex_quarters": annex_quarters,
    "N14_verdict_for_points": verdict_for_points,
    "N15_body_statistics": body_statistics,
}

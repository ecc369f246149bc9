"""A twenty-second batch of held-out typed layouts (N90-N93): forms real commune documents print that
neither F01-F31 nor N01-N89 have. Made only when named (``make_corpus.NEW_LAYOUTS``), so no standing
figure moves; the held-out test of the round after N86-N89 were developed on.

- N90 a score table continued over a page break with carry lines, as ledgers print them: "Cộng
  chuyển trang" under the first part (the fields printed so far, their maximum and self points
  summed) and "Trang trước chuyển sang" with the same figures under the header printed again on the
  next page (odd instances), or the carry-in line alone on the next page (even);
- N91 a score table whose self points are split in sub-columns under a merged "Điểm tự chấm":
  "Tổng số | Trong đó: điểm thưởng" (odd instances, the bonus a part of the points) or the parts
  first and their sum last, "Điểm đạt | Điểm thưởng | Cộng" (even);
- N92 a yearly report whose annex pairs the plan and the result per half year and for the year:
  "6 tháng đầu năm | 6 tháng cuối năm | Cả năm", each merged over "Kế hoạch | Thực hiện" (odd
  instances), or the year's pair first (even);
- N93 a report whose annex prints a unit once for the rows that share it: the unit cell merged
  down over the run (odd instances) or "nt" ("như trên", as above) in the run's later cells (even).

The truth is the generator's rows as for every family (tools/CORPUS.md)."""

from __future__ import annotations

import random
from dataclasses import replace

from corpusgen.common import Built, Instance, docx_pdf, score_built, standard_blocks
from corpusgen.document import Document, PageBreak, Table
from corpusgen.grid import Cell, Grid, GridRow, ScoreLayout, as_printed, points, score_grid
from corpusgen.new_layouts import TOTAL_LABELS, _labels
from corpusgen.new_layouts_b import header_rows
from corpusgen.new_layouts_c import STOCK_UNITS, by_period, continued_parts, with_true_counts
from corpusgen.new_layouts_r import planned, wholes
from corpusgen.new_layouts_u import with_column
from corpusgen.reports import StatRow
from corpusgen.scores import ScoreTable, children_of, r2
from corpusgen.typed_annexes import ANNEX_LABELS, _annex_report, _built as annex_built
from corpusgen.typed_forms import _scored

# --- N90: carry lines at a page break ---------------------------------------------------------------------

CARRY_OUT = ("Cộng chuyển trang", "Cộng chuyển sang trang sau", "Cộng trang")
CARRY_IN = ("Trang trước chuyển sang", "Số trang trước chuyển sang", "Cộng trang trước chuyển sang")


def plain_score_layout(rng: random.Random) -> ScoreLayout:
    """The five columns of a commune's score table (code, name, maximum, self points, explanation)
    under labels the commune chose, the total row last or none: the form the layouts that cut or
    carry a table print."""
    return ScoreLayout(
        ("code", "name", "max", "self", "explanation"),
        _labels(rng),
        widths_cm={"name": 7.0, "explanation": 3.6},
        total=rng.choice(("last", "last", None)),
        total_label=rng.choice(TOTAL_LABELS),
    )


def carried(rows) -> tuple[float | None, float | None]:
    """The maximum and self points of the fields among ``rows`` summed (the self points blank where
    a field's are)."""
    tops = [r for r in rows if r.parent is None]
    most = r2(sum(r.max_points or 0.0 for r in tops))
    if any(r.self_points is None for r in tops):
        return most, None
    return most, r2(sum(r.self_points or 0.0 for r in tops))


def carry_row(layout: ScoreLayout, label: str, sums: tuple[float | None, float | None]) -> GridRow:
    """A carry line: its label in the name's cell, the sums in the points columns, bold."""
    text = {"name": label, "max": points(sums[0]), "self": points(sums[1])}
    return GridRow(
        tuple(Cell(text.get(k, ""), 1, None, True, "left" if k == "name" else "center") for k in layout.columns),
        "total",
    )


def carry_lines(inst: Instance) -> Built:
    """A score table broken at a forced page break (5-8 rows on the first page): "Cộng chuyển trang"
    closes the first part with the maximum and self points of the fields printed on it, and
    "Trang trước chuyển sang" repeats them under the header printed again (odd instances), or the
    carry-in line alone opens the second part (even). Truth: one table, as if printed whole; the
    carry lines are nothing; faults as F01's (the carry sums the printed points)."""
    rng, year, meta, title, table = _scored(inst)
    both = inst.index % 2 == 1
    layout = plain_score_layout(rng)
    table = as_printed(table, layout)
    grid = score_grid(table, layout)
    at = max(2, min(len(table.rows) - 2, rng.randint(5, 8)))
    first, second = continued_parts(grid, at, False)
    sums = carried(table.rows[:at])
    header = tuple(g for g in second.rows if g.kind == "header")
    rest = tuple(g for g in second.rows if g.kind != "header")
    second = replace(second, rows=(*header, carry_row(layout, rng.choice(CARRY_IN), sums), *rest))
    if both:
        first = replace(first, rows=(*first.rows, carry_row(layout, rng.choice(CARRY_OUT), sums)))
    head = standard_blocks(meta, title, Table(first), rng, year)
    doc = Document(meta, (*head[:3], Table(first), PageBreak(), Table(second), *head[4:]))
    return score_built(meta, docx_pdf("carry-lines-" + ("out-and-in" if both else "in-only"), doc), table)


# --- N91: the self points split in sub-columns ------------------------------------------------------------

SELF_GROUPS = ("Điểm tự chấm", "Điểm tự đánh giá")
BONUS_HEADS = ("Trong đó: điểm thưởng", "Trong đó điểm thưởng", "Trong đó: điểm cộng")
PART_HEADS = (("Điểm đạt", "Điểm thưởng", "Cộng"), ("Điểm theo tiêu chí", "Điểm cộng", "Tổng"))


def bonuses(table: ScoreTable, rng: random.Random) -> dict[str, float]:
    """Each row's bonus within its self points: a quarter or half point of a few leaves scored at
    least one point (a part of them, as a criterion's bonus for an initiative is), a row made of
    others its children's sum; none elsewhere."""
    kids = children_of(table.rows)
    out: dict[str, float] = {}
    for r in reversed(table.rows):  # children before their parent
        if kids.get(r.code):
            out[r.code] = r2(sum(out[k.code] for k in kids[r.code])) or 0.0
        elif (r.self_points or 0.0) >= 1 and rng.random() < 0.35:
            out[r.code] = rng.choice((0.25, 0.5, 0.5))
        else:
            out[r.code] = 0.0
    return out


def self_split(inst: Instance) -> Built:
    """A score table whose self points stand under a merged "Điểm tự chấm" split in sub-columns:
    "Tổng số | Trong đó: điểm thưởng" (odd instances: the bonus a part of the total beside it), or
    "Điểm đạt | Điểm thưởng | Cộng" (even: the points less the bonus, the bonus, their sum); a
    bonus "0" or blank where there is none. Truth: the rows as F01's, ``self_points`` the total
    (Tổng số / Cộng); the parts are nothing; faults as F01's (on the total)."""
    rng, year, meta, title, table = _scored(inst)
    parts_first = inst.index % 2 == 0
    labels = _labels(rng)
    layout = ScoreLayout(
        ("code", "name", "max", "self", "explanation"),
        labels,
        widths_cm={"name": 6.0, "explanation": 3.0},
        total=rng.choice(("last", "last", "first", None)),
        total_label=rng.choice(TOTAL_LABELS),
    )
    table = as_printed(table, layout)
    bonus = bonuses(table, rng)
    zero = rng.choice(("0", ""))
    extra = [points(bonus[r.code]) if bonus[r.code] else zero for r in table.rows]
    tops = [r for r in table.rows if r.parent is None]
    total_bonus = r2(sum(bonus[r.code] for r in tops)) or 0.0
    grid = score_grid(table, layout)
    group = rng.choice(SELF_GROUPS)
    if parts_first:
        base = [points(None if r.self_points is None else r2(r.self_points - bonus[r.code])) for r in table.rows]
        total_base = points(None if table.total_self is None else r2(table.total_self - total_bonus))
        grid = with_column(grid, 3, 1.6, "", extra, points(total_bonus))
        grid = with_column(grid, 3, 1.6, "", base, total_base)
        subs = rng.choice(PART_HEADS)
    else:
        grid = with_column(grid, 4, 1.8, "", extra, points(total_bonus))
        subs = ("Tổng số", rng.choice(BONUS_HEADS))
    spec = [(labels["code"], (), 1), (labels["name"], (), 1), (labels["max"], (), 1), (group, subs, 1)]
    spec.append((labels["explanation"], (), 1))
    body = tuple(g for g in grid.rows if g.kind != "header")
    doc_grid = Grid(grid.widths_cm, (*header_rows(spec), *body))
    doc = Document(meta, standard_blocks(meta, title, Table(doc_grid), rng, year))
    return score_built(meta, docx_pdf("self-split-" + ("parts-first" if parts_first else "bonus-within"), doc), table)


# --- N92: the plan and the result per half year -----------------------------------------------------------

HALVES = ("6 tháng đầu năm", "6 tháng cuối năm")
WHOLE_HEADS = ("Cả năm", "Cả năm {year}", "Tổng cộng năm {year}")
PAIR_HEADS = (("Kế hoạch", "Thực hiện"), ("KH", "TH"), ("Chỉ tiêu", "Kết quả"))


def split_plan(rng: random.Random, row: StatRow, plan: float | None) -> tuple[float | None, float | None]:
    """A year's plan over its two halves: a count's split near the middle, a stock's or a share's the
    same in both."""
    if plan is None:
        return None, None
    if row.unit == "%" or row.unit in STOCK_UNITS:
        return plan, plan
    first = float(round(plan * rng.uniform(0.4, 0.6)))
    return first, plan - first


def half_plan_grid(
    rows: list[StatRow], cells: list[list[str]], labels: tuple[str, ...], groups: tuple[str, ...], pair: tuple
) -> Grid:
    """STT | indicator | unit | a "Kế hoạch | Thực hiện" pair under each of ``groups``."""
    spec = [(h, (), 1) for h in labels] + [(g, pair, 1) for g in groups]
    out = list(header_rows(spec))
    for r, figures in zip(rows, cells):
        top = r.code is not None and "." not in r.code
        row = [Cell(r.printed, 1, None, top, "center"), Cell(r.indicator, 1, None, top), Cell(r.unit, 1, None)]
        row += [Cell(v, 1, None, top, "center") for v in figures]
        out.append(GridRow(tuple(row)))
    return Grid((1.0, 5.4, 1.5, *(1.5 for _ in range(2 * len(groups)))), tuple(out))


def annex_half_plans(inst: Instance) -> Built:
    """A yearly report whose annex pairs each indicator's plan and result per half year and for the
    year: "6 tháng đầu năm | 6 tháng cuối năm | Cả năm", each merged over "Kế hoạch | Thực hiện"
    (odd instances), or the year's pair first (even); a count's plan split over the halves, a
    stock's and a share's the same in each; a breakdown item's plan blank. Truth ``value``: the
    year's result (as N74's); the plans and the halves are nothing; faults as F12's (on the
    year's figures; the halves' shares from the true counts)."""
    rng = inst.rng()
    rows, faults, true_rows = with_true_counts(inst, rng)
    plans = [planned(rng, r, w) for r, w in zip(rows, wholes(rows))]
    halves_of = [split_plan(rng, r, p) for r, p in zip(rows, plans)]
    year_first = inst.index % 2 == 0
    head = ANNEX_LABELS[(inst.index - 1) % len(ANNEX_LABELS)]
    pair = rng.choice(PAIR_HEADS)
    whole_head = rng.choice(WHOLE_HEADS)
    each = by_period(true_rows, random.Random(f"{inst.name}/{inst.seed}/halves"), 2)

    def grid_of(year: int, period: str) -> Grid:
        cells = []
        for r, plan, half in zip(rows, plans, halves_of):
            done = each.get(r.code or "", [None, None])
            pairs = [(points(half[k]), points(done[k])) for k in (0, 1)]
            whole = (points(plan), points(r.value))
            ordered = [whole, *pairs] if year_first else [*pairs, whole]
            cells.append([v for p in ordered for v in p])
        names = (whole_head.format(year=year), *HALVES)
        groups = names if year_first else (*HALVES, names[0])
        return half_plan_grid(rows, cells, head, groups, pair)

    doc, title = _annex_report(inst, rng, grid_of, periods=("năm {year}",))
    return annex_built(doc, title, rows, faults, "half-plans-" + ("year-first" if year_first else "halves-first"))


# --- N93: a unit printed once for its run ----------------------------------------------------------------

DITTO = ("nt", "-nt-", "Nt")
UNITED_HEADS = (("Kết quả", "Ghi chú"), ("Số liệu", "Ghi chú"), ("Kết quả thực hiện", "Ghi chú"))


def unit_cells(rows: list[StatRow], merged: bool, ditto: str) -> list[Cell]:
    """Each row's unit cell: the first of a run of rows with the same unit prints it; the others are
    merged into it (``merged``) or print ``ditto``."""
    out = []
    for k, r in enumerate(rows):
        same = k > 0 and bool(r.unit) and rows[k - 1].unit == r.unit
        starts = bool(r.unit) and k + 1 < len(rows) and rows[k + 1].unit == r.unit
        if merged:
            vmerge = "continue" if same else ("restart" if starts else None)
            out.append(Cell("" if same else r.unit, 1, vmerge, False, "center"))
        else:
            out.append(Cell(ditto if same else r.unit, 1, None, False, "center"))
    return out


def annex_unit_once(inst: Instance) -> Built:
    """A report whose annex "STT | Nội dung | ĐVT | Kết quả | Ghi chú" prints a unit once for the
    rows in a row that share it: the unit cell merged down over them (odd instances), or "nt" in
    the later ones (even). Truth: ``statistics`` as F12's, each row's ``unit`` its own (the
    run's); faults as F12's."""
    rng = inst.rng()
    rows, faults, _ = with_true_counts(inst, rng)
    merged = inst.index % 2 == 1
    head = ANNEX_LABELS[(inst.index - 1) % len(ANNEX_LABELS)] + rng.choice(UNITED_HEADS)
    units = unit_cells(rows, merged, rng.choice(DITTO))

    def grid_of(year: int, period: str) -> Grid:
        out = [GridRow(tuple(Cell(h, 1, None, True, "center") for h in head), "header")]
        for r, unit in zip(rows, units):
            top = r.code is not None and "." not in r.code
            cells = (
                Cell(r.printed, 1, None, top, "center"),
                Cell(r.indicator, 1, None, top),
                unit,
                Cell("" if r.value is None else points(r.value), 1, None, top, "center"),
                Cell(r.note),
            )
            out.append(GridRow(cells))
        return Grid((1.2, 7.5, 1.8, 2.4, 2.6), tuple(out))

    doc, title = _annex_report(inst, rng, grid_of)
    return annex_built(doc, title, rows, faults, "unit-once-" + ("merged" if merged else "ditto"))


NEW_LAYOUT_FAMILIES_V = {
    "N90_carry_lines": carry_lines,
    "N91_self_split": self_split,
    "N92_annex_half_plans": annex_half_plans,
    "N93_annex_unit_once": annex_unit_once,
}

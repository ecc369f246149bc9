"""A twenty-first batch of held-out typed layouts (N86-N89): forms real commune documents print that
neither F01-F31 nor N01-N85 have. Made only when named (``make_corpus.NEW_LAYOUTS``), so no standing
figure moves; the held-out test of the round after N82-N85 were developed on.

- N86 a score table comparing the year with the last: "max | Điểm tự chấm năm 2023 | Điểm tự chấm
  năm 2024 | Tăng (+), giảm (-) | evidence" (odd instances) or this year's points first and last
  year's after them, no change column (even);
- N87 a score table with a count column among the points, "Số lượng văn bản, sản phẩm", the number
  of documents or products each criterion's work made, after the maximum (odd instances) or after
  the name, before the maximum (even);
- N88 a summary of the self-assessment with the fields across: a header "Nội dung | I. Công tác chỉ
  đạo … | II. … | Tổng cộng", the rows "Điểm tối đa" and "Điểm tự chấm" (odd instances), and a
  share row "Tỷ lệ đạt (%)" under them (even);
- N89 a report whose annex prints the last quarter and the figure since the start of the year, "Quý
  III | Lũy kế 9 tháng" under a merged "Kết quả thực hiện" (odd instances) or the cumulative figure
  first, "Lũy kế từ đầu năm | Thực hiện quý III" (even).

The truth is the generator's rows as for every family (tools/CORPUS.md)."""

from __future__ import annotations

import random
from dataclasses import replace

from corpusgen.common import Built, Instance, docx_pdf, score_built, standard_blocks
from corpusgen.document import Document, Table
from corpusgen.grid import Cell, Grid, GridRow, ScoreLayout, as_printed, points, printed_code, score_grid
from corpusgen.new_layouts import TOTAL_LABELS, _labels
from corpusgen.new_layouts_b import header_rows
from corpusgen.new_layouts_c import QUARTERS, by_period, with_true_counts
from corpusgen.reports import StatRow, _ratio
from corpusgen.scores import Fault, ScoreTable, children_of, r2
from corpusgen.typed_annexes import ANNEX_LABELS, _annex_report, _built as annex_built
from corpusgen.typed_forms import _scored
from normalize.numbers import format_vn

# --- shared: a column put into a score grid -----------------------------------------------------------


def with_column(grid: Grid, at: int, width: float, header: str, values: list[str], total: str) -> Grid:
    """The grid with one more column before grid column ``at``: ``header`` on the header row, the
    data rows' ``values`` in order, ``total`` on the total row (bold, as the total's other cells)."""
    data = iter(values)
    rows = []
    for g in grid.rows:
        if g.kind == "header":
            cell = Cell(header, 1, None, True, "center")
        elif g.kind == "total":
            cell = Cell(total, 1, None, True, "center")
        else:
            bold = g.cells[0].bold
            cell = Cell(next(data), 1, None, bold, "center")
        rows.append(replace(g, cells=(*g.cells[:at], cell, *g.cells[at:])))
    widths = (*grid.widths_cm[:at], width, *grid.widths_cm[at:])
    return Grid(widths, tuple(rows))


# --- N86: last year's self points beside this year's ------------------------------------------------------


def last_year(table: ScoreTable, rng: random.Random) -> dict[str, float]:
    """Each row's points the year before: a leaf's full, half, three quarters or (scored on two points
    at most) none of its maximum, in quarter points; a row made of others its children's sum."""
    kids = children_of(table.rows)
    out: dict[str, float] = {}
    for r in reversed(table.rows):  # children before their parent
        if kids.get(r.code):
            out[r.code] = r2(sum(out[k.code] for k in kids[r.code])) or 0.0
        else:
            share = rng.choice((1.0, 1.0, 1.0, 0.75, 0.5, 0.0 if (r.max_points or 0.0) <= 2 else 0.5))
            out[r.code] = round((r.max_points or 0.0) * share * 4) / 4
    return out


def change(now: float | None, before: float | None) -> str:
    """This year's points less last year's, signed: "+1,5", "-0,5", "0"; blank where either is."""
    if now is None or before is None:
        return ""
    delta = round(now - before, 4)
    return ("+" if delta > 0 else "") + format_vn(delta)


def self_last_year(inst: Instance) -> Built:
    """A score table comparing the year's self points with the year before's: "STT | name | max |
    Điểm tự chấm năm 2023 | Điểm tự chấm năm 2024 | Tăng (+), giảm (-) | evidence" (odd instances),
    or this year's points first and last year's after them, no change column (even). Truth: the rows
    as F01's (``self_points`` this year's); last year's points and the change are nothing; faults as
    F01's (on this year's points)."""
    rng, year, meta, title, table = _scored(inst)
    before_first = inst.index % 2 == 1
    labels = _labels(rng)
    labels["self"] = f"{labels['self']} năm {year}"
    layout = ScoreLayout(
        ("code", "name", "max", "self", "explanation"),
        labels,
        widths_cm={"name": 5.2 if before_first else 6.2, "explanation": 3.0 if before_first else 3.5},
        total=rng.choice(("last", "last", None)),
        total_label=rng.choice(TOTAL_LABELS),
    )
    table = as_printed(table, layout)
    before = last_year(table, rng)
    tops = [r for r in table.rows if r.parent is None]
    before_total = r2(sum(before[r.code] for r in tops))
    past = [points(before[r.code]) for r in table.rows]
    total_past = points(before_total) if table.total_max is not None else ""
    past_head = rng.choice(("Điểm tự chấm năm {y}", "Kết quả năm {y}", "Điểm đạt năm {y}")).format(y=year - 1)
    grid = score_grid(table, layout)
    if before_first:
        deltas = [change(r.self_points, before[r.code]) for r in table.rows]
        total_delta = change(table.total_self, before_total) if table.total_max is not None else ""
        grid = with_column(grid, 4, 1.5, rng.choice(("Tăng (+), giảm (-)", "Tăng/giảm")), deltas, total_delta)
        grid = with_column(grid, 3, 1.8, past_head, past, total_past)
    else:
        grid = with_column(grid, 4, 1.8, past_head, past, total_past)
    doc = Document(meta, standard_blocks(meta, title, Table(grid), rng, year))
    variant = "self-last-year-" + ("before-change" if before_first else "after")
    return score_built(meta, docx_pdf(variant, doc), table)


# --- N87: a count column among the points -----------------------------------------------------------------

COUNT_HEADS = ("Số lượng văn bản, sản phẩm", "Số lượng (văn bản, hồ sơ)", "Kết quả thực hiện (số lượng)")


def counts_beside_points(inst: Instance) -> Built:
    """A score table with a column counting what each leaf's work made (documents, reports,
    sessions), "Số lượng văn bản, sản phẩm", after the maximum (odd instances) or after the name,
    before the maximum (even); a row made of others and the total leave it blank, as do some
    leaves; small counts with a leading zero. Truth: the rows as F01's; the counts are nothing;
    faults as F01's."""
    rng, year, meta, title, table = _scored(inst)
    after_max = inst.index % 2 == 1
    layout = ScoreLayout(
        ("code", "name", "max", "self", "explanation"),
        _labels(rng),
        widths_cm={"name": 6.2, "explanation": 3.3},
        total=rng.choice(("last", "last", "first", None)),
        total_label=rng.choice(TOTAL_LABELS),
    )
    table = as_printed(table, layout)
    made_of = {r.parent for r in table.rows}
    counts = []
    for r in table.rows:
        n = rng.randint(1, 45)
        counts.append("" if r.code in made_of or rng.random() < 0.25 else (f"{n:02d}" if n < 10 else str(n)))
    grid = with_column(score_grid(table, layout), 3 if after_max else 2, 1.8, rng.choice(COUNT_HEADS), counts, "")
    doc = Document(meta, standard_blocks(meta, title, Table(grid), rng, year))
    variant = "counts-beside-points-" + ("after-max" if after_max else "before-max")
    return score_built(meta, docx_pdf(variant, doc), table)


# --- N88: the fields across a summary ---------------------------------------------------------------------

SUMMARY_HEADS = ("Nội dung", "Kết quả", "Tiêu chí")
SHARE_ROWS = ("Tỷ lệ đạt (%)", "Tỷ lệ điểm đạt được (%)")


def field_summary(table: ScoreTable, inst: Instance, rng: random.Random) -> ScoreTable:
    """The table's fields alone with their total: the faults the fields show (a field scored over
    its maximum, a total off the fields' sum); a faulty instance whose faults lay below the fields
    gets a total off their sum instead (``total_sum``)."""
    fields = tuple(r for r in table.rows if r.parent is None)
    codes = {r.code for r in fields}
    faults = [f for f in table.faults if f.kind == "total_sum" or (f.kind == "self_gt_max" and f.code in codes)]
    total_max = table.total_max if table.total_max is not None else r2(sum(r.max_points or 0.0 for r in fields))
    total_self = table.total_self
    if inst.faulty and not faults:
        true = r2(sum(r.max_points or 0.0 for r in fields)) or 0.0
        total_max = r2(true + rng.choice((-1.0, 1.0, 2.0)))
        faults.append(
            Fault("total_sum", "score", None, "max_points", f"total max {total_max:g} but the top rows add to {true:g}")
        )
    return ScoreTable(fields, total_max, total_self, None, tuple(faults))


def summary_grid(table: ScoreTable, labels: dict, head: str, total_label: str, share_row: str | None) -> Grid:
    """ "head | each field's code and name | the total" over the rows maximum and self points (and the
    share of the maximum each reached, ``share_row``)."""
    fields = table.rows
    out = [
        GridRow(
            (
                Cell(head, 1, None, True, "center"),
                *(Cell(f"{printed_code(r.code, 'mixed')} {r.name}", 1, None, True, "center") for r in fields),
                Cell(total_label, 1, None, True, "center"),
            ),
            "header",
        )
    ]
    lines = [
        (labels["max"], [points(r.max_points) for r in fields], points(table.total_max)),
        (labels["self"], [points(r.self_points) for r in fields], points(table.total_self)),
    ]
    if share_row:
        shares = [
            format_vn(_ratio(r.self_points, r.max_points)) if r.self_points is not None and r.max_points else ""
            for r in fields
        ]
        whole = table.total_self is not None and table.total_max
        lines.append((share_row, shares, format_vn(_ratio(table.total_self, table.total_max)) if whole else ""))
    for label, values, total in lines:
        cells = (
            Cell(label, 1, None, True),
            *(Cell(v, 1, None, False, "center") for v in values),
            Cell(total, 1, None, True, "center"),
        )
        out.append(GridRow(cells))
    wide = 24.0 if len(fields) > 5 else 16.4
    each = round((wide - 3.0) / (len(fields) + 1), 2)
    return Grid((3.0, *(each for _ in range(len(fields) + 1))), tuple(out))


def fields_across(inst: Instance) -> Built:
    """A summary of the self-assessment with the fields across: "Nội dung | I. Công tác chỉ đạo … |
    II. … | Tổng cộng" over the rows "Điểm tối đa" and "Điểm tự chấm" (odd instances) and a share
    row "Tỷ lệ đạt (%)" under them (even); landscape with more than five fields. Truth: the fields
    alone (parent none, as a field-only set's), their total; faults the summary shows (``total_sum``,
    a field's ``self_gt_max``)."""
    rng, year, meta, title, table = _scored(inst)
    table = field_summary(table, inst, rng)
    share = rng.choice(SHARE_ROWS) if inst.index % 2 == 0 else None
    grid = summary_grid(table, _labels(rng), rng.choice(SUMMARY_HEADS), rng.choice(TOTAL_LABELS), share)
    doc = Document(meta, standard_blocks(meta, title, Table(grid), rng, year), landscape=len(table.rows) > 5)
    variant = "fields-across-" + ("share-row" if share else "two-rows")
    return score_built(meta, docx_pdf(variant, doc), table)


# --- N89: the last quarter and the year so far -------------------------------------------------------------

CUMULATIVE_PERIODS = ("6 tháng đầu năm {year}", "9 tháng đầu năm {year}", "năm {year}")


def quarters_in(period: str) -> int:
    """How many quarters a report's period covers (six months two, nine three, the year four)."""
    return 4 if period.startswith("năm") else int(period.split()[0]) // 3


def cumulative_grid(
    rows: list[StatRow], current: dict[str, float | None], labels: tuple[str, ...], cumulative_first: bool
) -> Grid:
    """STT | indicator | unit | the last quarter | the year so far (or the year so far first), under
    a merged "Kết quả thực hiện" when the quarter comes first."""
    head, quarter, whole = labels[:3], labels[3], labels[4]
    spec = [(h, (), 1) for h in head]
    if cumulative_first:
        spec += [(whole, (), 1), (quarter, (), 1)]
    else:
        spec += [("Kết quả thực hiện", (quarter, whole), 1)]
    out = list(header_rows(spec))
    for r in rows:
        top = r.code is not None and "." not in r.code
        now = current.get(r.code or "")
        values = ["" if now is None else points(now), "" if r.value is None else points(r.value)]
        if cumulative_first:
            values.reverse()
        cells = [Cell(r.printed, 1, None, top, "center"), Cell(r.indicator, 1, None, top), Cell(r.unit, 1, None)]
        cells += [Cell(v, 1, None, top, "center") for v in values]
        out.append(GridRow(tuple(cells)))
    return Grid((1.2, 7.4, 1.8, 2.8, 2.8), tuple(out))


def annex_quarter_cumulative(inst: Instance) -> Built:
    """A six-month, nine-month or yearly report whose annex prints each indicator's last quarter and
    its figure since the start of the year: "Quý III | Lũy kế 9 tháng" under a merged "Kết quả thực
    hiện" (odd instances), or "Lũy kế từ đầu năm | Thực hiện quý III" (even). Truth ``value``: the
    figure since the start of the year (the report's period, as N13's whole); the quarter's
    figures are nothing; faults as F13's annex (on the cumulative figures)."""
    rng = inst.rng()
    rows, faults, true_rows = with_true_counts(inst, rng)
    cumulative_first = inst.index % 2 == 0
    head = ANNEX_LABELS[(inst.index - 1) % len(ANNEX_LABELS)]

    def grid_of(year: int, period: str) -> Grid:
        n = quarters_in(period)
        quarter = QUARTERS[n - 1]
        if cumulative_first:
            names = (f"Thực hiện q{quarter[1:]}", "Lũy kế từ đầu năm")
        else:
            months = "cả năm" if n == 4 else f"{3 * n} tháng"
            names = (f"{quarter} năm {year}", rng.choice((f"Lũy kế {months}", f"Lũy kế {months} năm {year}")))
        each = by_period(true_rows, random.Random(f"{inst.name}/{inst.seed}/cumulative"), n)
        last = {code: figures[-1] for code, figures in each.items()}
        return cumulative_grid(rows, last, head + names, cumulative_first)

    doc, title = _annex_report(inst, rng, grid_of, periods=CUMULATIVE_PERIODS)
    variant = "quarter-cumulative-" + ("cumulative-first" if cumulative_first else "quarter-first")
    return annex_built(doc, title, rows, faults, variant)


NEW_LAYOUT_FAMILIES_U = {
    "N86_self_last_year": self_last_year,
    "N87_counts_beside_points": counts_beside_points,
    "N88_fields_across": fields_across,
    "N89_annex_quarter_cumulative": annex_quarter_cumulative,
}

"""A fourth batch of held-out typed layouts (N16-N20): forms real commune documents print that
neither F01-F31 nor N01-N15 have. Made only when named (``make_corpus.NEW_LAYOUTS``), so no standing
figure moves; the held-out test of the round after N11-N15 were developed on.

- N16 each criterion's maximum written in its name cell ("Ban hành kế hoạch CCHC (2 điểm)"), with no
  maximum column, as many self-assessment tables of the provincial index print it;
- N17 the appraisal beside the self points with the difference between them ("Điểm tự chấm | Điểm
  thẩm định | Chênh lệch"), as the district's appraisal minutes print it;
- N18 a statistics annex with a column per hamlet and the commune's total ("Thôn 1 | … | Toàn xã");
- N19 the self points of two years side by side ("Năm 2023 | Năm 2024 | Tăng (+), giảm (-)"), as a
  plan to raise the index prints the last results beside this year's;
- N20 a statistics annex continued on the next page with no header there: the page opens on a line
  "Phụ lục 1 (tiếp theo)" and then straight on the next row.

The truth is the generator's rows as for every family (tools/CORPUS.md)."""

from __future__ import annotations

import random
from dataclasses import replace

from corpusgen.common import Built, Instance, docx_pdf, score_built, standard_blocks
from corpusgen.document import Document, PageBreak, Para, Table
from corpusgen.grid import Cell, Grid, GridRow, ScoreLayout, as_printed, points, score_grid, stat_grid
from corpusgen.new_layouts import TOTAL_LABELS, _labels
from corpusgen.new_layouts_b import _leaves, header_rows
from corpusgen.new_layouts_c import STOCK_UNITS, by_period, counted
from corpusgen.reports import StatRow, statistics
from corpusgen.scores import ScoreTable, _leaf_self, r2
from corpusgen.typed_annexes import ANNEX_LABELS, _annex_report, _built as annex_built
from corpusgen.typed_forms import _scored

# --- N16: the maximum in the name cell --------------------------------------------------------------

MAX_IN_NAME = ("{name} ({max} điểm)", "{name} (tối đa {max} điểm)")


def with_max(name: str, max_points: float | None, pattern: str) -> str:
    """The name as printed with its maximum after it (unchanged where the row has none)."""
    return name if max_points is None else pattern.format(name=name, max=points(max_points))


def max_in_name(inst: Instance) -> Built:
    """No maximum column: each row's maximum is written after its name, "(2 điểm)" (odd instances)
    or "(tối đa 2 điểm)" (even), on fields, criteria and the total alike; the self points and the
    evidence in their own columns. Truth: the maximum as written in the name, the name without it."""
    rng, year, meta, title, table = _scored(inst)
    pattern = MAX_IN_NAME[(inst.index - 1) % 2]
    labels = {**_labels(rng), "explanation": rng.choice(("Tài liệu kiểm chứng", "Giải trình", "Ghi chú"))}
    labels["name"] = rng.choice(("Tiêu chí, tiêu chí thành phần", "Nội dung đánh giá", "Lĩnh vực, tiêu chí"))
    layout = ScoreLayout(
        ("code", "name", "self", "explanation"),
        labels,
        widths_cm={"name": 8.6, "self": 2.4, "explanation": 4.0},
        total=rng.choice(("last", "last", None)),
        total_label=rng.choice(TOTAL_LABELS),
    )
    table = as_printed(table, layout)
    data = iter(table.rows)
    rows: list[GridRow] = []
    for g in score_grid(table, layout).rows:
        if g.kind == "data":
            row = next(data)
            named = replace(g.cells[1], text=with_max(g.cells[1].text, row.max_points, pattern))
            g = replace(g, cells=g.cells[:1] + (named,) + g.cells[2:])
        elif g.kind == "total":  # the total's maximum follows its label, in the name column
            named = replace(g.cells[1], text=with_max(g.cells[1].text, table.total_max, pattern))
            g = replace(g, cells=g.cells[:1] + (named,) + g.cells[2:])
        rows.append(g)
    grid = replace(score_grid(table, layout), rows=tuple(rows))
    doc = Document(meta, standard_blocks(meta, title, Table(grid), rng, year))
    variant = "max-in-name-" + ("toi-da" if "tối đa" in pattern else "bare")
    return score_built(meta, docx_pdf(variant, doc), table)


# --- N17: the appraisal and the difference --------------------------------------------------------

DIFFERENCE_LABELS = ("Chênh lệch", "Chênh lệch (+/-)", "Tăng (+), giảm (-)")


def difference(self_points: float | None, appraised: float | None, blank_zero: bool) -> str:
    """The appraised points less the self points, signed ("-0,5", "+1"); "0" or blank where equal."""
    if self_points is None or appraised is None:
        return ""
    d = r2(appraised - self_points)
    if d == 0:
        return "" if blank_zero else "0"
    return ("+" if d > 0 else "-") + points(abs(d))


def appraisal_difference(inst: Instance) -> Built:
    """ "Điểm tối đa | Điểm tự chấm | Điểm thẩm định | Chênh lệch | Ghi chú": the district's appraisal
    beside the commune's self points and their difference, signed, "0" where they agree (odd
    instances), or blank where they agree and the points under a merged "Số điểm" (even). Truth: max,
    self and appraised points; the difference is theirs."""
    rng, year, meta, title, table = _scored(inst, appraised=True)
    blank_zero = inst.index % 2 == 0
    labels = {
        **_labels(rng),
        "self": rng.choice(("Điểm tự chấm", "Điểm tự đánh giá", "Xã tự chấm")),
        "appraised": rng.choice(("Điểm thẩm định", "Huyện thẩm định", "Điểm thẩm định của Phòng Nội vụ")),
        "explanation": rng.choice(("Ghi chú", "Lý do chênh lệch", "Giải trình")),
    }
    layout = ScoreLayout(
        ("code", "name", "max", "self", "appraised", "explanation"),
        labels,
        widths_cm={"name": 6.0, "max": 1.6, "self": 1.7, "appraised": 1.9, "explanation": 2.6},
        group_label="Số điểm" if blank_zero else None,
        total=rng.choice(("last", "last", "first")),
        total_label=rng.choice(TOTAL_LABELS),
    )
    table = as_printed(table, layout)
    grid = score_grid(table, layout)
    label = rng.choice(DIFFERENCE_LABELS)
    data = iter(table.rows)
    headers = [g for g in grid.rows if g.kind == "header"]
    rows: list[GridRow] = []
    for g in grid.rows:
        at = _after_points(g, blank_zero)
        if g.kind == "header":
            # merged down over a two-row header, as the other non-grouped labels are
            top = g is headers[0]
            vmerge = None if len(headers) == 1 else ("restart" if top else "continue")
            cell = Cell(label if top else "", 1, vmerge, True, "center")
        elif g.kind == "numbers":
            cell = Cell("", 1, None, False, "center")
        else:
            self_points, appraised = (
                (table.total_self, table.total_appraised) if g.kind == "total" else _pair(next(data))
            )
            cell = Cell(difference(self_points, appraised, blank_zero), 1, None, g.kind == "total", "center")
        rows.append(replace(g, cells=g.cells[:at] + (cell,) + g.cells[at:]))
    widths = grid.widths_cm[:5] + (1.8,) + grid.widths_cm[5:]
    doc = Document(meta, standard_blocks(meta, title, Table(Grid(widths, tuple(rows))), rng, year))
    variant = "difference-blank-zero" if blank_zero else "difference-signed"
    return score_built(meta, docx_pdf(variant, doc), table, appraised=True)


def _pair(row) -> tuple[float | None, float | None]:
    return row.self_points, row.appraised_points


def _after_points(g: GridRow, grouped: bool) -> int:
    """Where the difference cell goes in a printed row: after the three points cells (code, name,
    three points); in a grouped header's top row, after the one cell over them."""
    return 3 if grouped and g.kind == "header" and g.cells[2].span > 1 else 5


# --- N18: a statistics annex with a column per hamlet --------------------------------------------

HAMLETS = ("Thôn {n}", "TDP {n}", "Ấp {n}")
UNITS_LABEL = ("Chia ra", "Chia theo thôn, tổ dân phố", "Trong đó")
TOTAL_COLUMN = ("Toàn xã", "Tổng số", "Tổng cộng")


def hamlet_figures(rows: list[StatRow], periods: dict[str, list[float | None]], n: int) -> dict[str, list[str]]:
    """Each row's printed figures per hamlet: a flow's split, its ratio; a stock (what the commune
    holds: procedures, staff, the plan's tasks) is the commune's, so its hamlet cells are blank, and
    so are those of a ratio of a stock."""
    out: dict[str, list[str]] = {}
    for r in rows:
        figures = periods.get(r.code or "", [None] * n)
        found = counted(rows, r) if r.unit == "%" and r.code is not None else None
        blank = r.unit in STOCK_UNITS or r.value is None or (found is not None and found[0].unit in STOCK_UNITS)
        out[r.code or ""] = ["" if blank or v is None else points(v) for v in figures]
    return out


def hamlet_grid(rows: list[StatRow], figures: dict[str, list[str]], labels: tuple[str, ...], total_first: bool) -> Grid:
    """STT | indicator | unit | the total and the hamlets under a merged label (or the hamlets,
    then the total)."""
    head, names, split, total = labels[:3], labels[3:-2], labels[-2], labels[-1]
    spec = [(h, (), 1) for h in head]
    spec += [(total, (), 1), (split, names, 1)] if total_first else [(split, names, 1), (total, (), 1)]
    out = list(header_rows(spec))
    for r in rows:
        top = r.code is not None and "." not in r.code
        each = figures.get(r.code or "", [""] * len(names))
        whole = "" if r.value is None else points(r.value)
        values = [whole, *each] if total_first else [*each, whole]
        cells = [Cell(r.printed, 1, None, top, "center"), Cell(r.indicator, 1, None, top), Cell(r.unit, 1, None)]
        cells += [Cell(v, 1, None, top, "center") for v in values]
        out.append(GridRow(tuple(cells)))
    width = round((15.8 - 1.2 - 1.5 - 4.4) / (len(names) + 1), 2)
    return Grid((1.2, 4.4, 1.5) + (width,) * (len(names) + 1), tuple(out))


def annex_hamlets(inst: Instance) -> Built:
    """A report whose annex prints each indicator's figure per hamlet (4-5 "Thôn 1 | Thôn 2 | …")
    under a merged "Chia ra" and the commune's total: last (odd instances) or first, right after
    the unit (even). A flow's hamlets sum to the total; a stock's hamlet cells are blank; a ratio
    prints each hamlet's own. Truth ``value``: the total column."""
    rng = inst.rng()
    state = rng.getstate()
    rows, faults = statistics(rng, rng.randint(3, 5), letters=inst.index % 2 == 1, fault=inst.faulty)
    rng.setstate(state)  # the same draws without the fault: the hamlets' figures come from the true counts
    true_rows, _ = statistics(rng, rng.randint(3, 5), letters=inst.index % 2 == 1, fault=False)
    total_first = inst.index % 2 == 0
    head = ANNEX_LABELS[(inst.index - 1) % len(ANNEX_LABELS)]
    n = 4 + inst.index % 2  # a sixth column would wrap "81,78" in a portrait annex
    names = tuple(HAMLETS[(inst.index - 1) % len(HAMLETS)].format(n=k) for k in range(1, n + 1))

    def grid_of(year: int, period: str) -> Grid:
        periods = by_period(true_rows, random.Random(f"{inst.name}/{inst.seed}/hamlets"), n)
        labels = head + names + (rng.choice(UNITS_LABEL), rng.choice(TOTAL_COLUMN))
        return hamlet_grid(rows, hamlet_figures(rows, periods, n), labels, total_first)

    doc, title = _annex_report(inst, rng, grid_of)
    return annex_built(doc, title, rows, faults, "hamlets-" + ("total-first" if total_first else "total-last"))


# --- N19: two years' self points side by side --------------------------------------------------------

TWO_YEAR_LABELS = (("Năm {prior}", "Năm {year}"), ("Điểm tự đánh giá năm {prior}", "Điểm tự đánh giá năm {year}"))
CHANGE_LABELS = ("Tăng (+), giảm (-)", "So sánh", "Chênh lệch")


def prior_year(table: ScoreTable, rng: random.Random) -> tuple[dict[str, float | None], float | None]:
    """Last year's self points of the same criteria: a leaf drawn as this year's are (blank where this
    year's is), a parent the sum of its children; and their total."""
    leaves = _leaves(table)
    out: dict[str, float | None] = {}
    for r in reversed(table.rows):  # children are listed after their parent
        if r.code in leaves:
            drawn = None if r.self_points is None or r.max_points is None else _leaf_self(rng, r.max_points)
            # a whole field scored nothing last year is no plan's starting point: three quarters instead
            low = drawn == 0 and r.max_points and r.max_points > 3
            out[r.code] = r2(round(r.max_points * 3) / 4) if low and r.max_points else drawn  # in quarter points
        else:
            got = [out[k.code] for k in table.rows if k.parent == r.code and out.get(k.code) is not None]
            out[r.code] = r2(sum(v for v in got if v is not None)) if got else None
    codes = {r.code for r in table.rows}
    tops = [out[r.code] for r in table.rows if r.parent not in codes and out[r.code] is not None]
    return out, (r2(sum(v for v in tops if v is not None)) if tops else None)


def two_years(inst: Instance) -> Built:
    """ "Điểm tối đa | Năm 2023 | Năm 2024 | Tăng (+), giảm (-) | Ghi chú": last year's self points and
    this year's, last year first (odd instances) or this year first (even, the three points columns
    under a merged "Điểm tự đánh giá" when the labels are bare years), and this year's less last
    year's, signed. Truth: this year's points are the self points; last year's are not in the truth."""
    rng, year, meta, title, table = _scored(inst)
    prior, prior_total = prior_year(table, random.Random(f"{inst.name}/{inst.seed}/prior"))
    this_first = inst.index % 2 == 0
    words = TWO_YEAR_LABELS[(inst.index - 1) % len(TWO_YEAR_LABELS)]
    before, now = (w.format(prior=year - 1, year=year) for w in words)
    grouped = this_first and words[0].startswith("Năm")
    labels = {**_labels(rng), "appraised": before, "self": now, "explanation": rng.choice(("Ghi chú", "Nguyên nhân"))}
    layout = ScoreLayout(
        ("code", "name", "max") + (("self", "appraised") if this_first else ("appraised", "self")) + ("explanation",),
        labels,
        widths_cm={"name": 6.0, "max": 1.6, "self": 1.9, "appraised": 1.9, "explanation": 2.4},
        group_label=rng.choice(("Điểm tự đánh giá", "Số điểm")) if grouped else None,
        total=rng.choice(("last", "last", "first")),
        total_label=rng.choice(TOTAL_LABELS),
    )
    table = as_printed(table, layout)
    # last year's points stand in the appraised slot of the printed rows only: the truth leaves them out
    shown = replace(
        table,
        rows=tuple(replace(r, appraised_points=prior[r.code]) for r in table.rows),
        total_appraised=prior_total,
    )
    grid = score_grid(shown, layout)
    label = rng.choice(CHANGE_LABELS)
    headers = [g for g in grid.rows if g.kind == "header"]
    data = iter(shown.rows)
    rows: list[GridRow] = []
    for g in grid.rows:
        if g.kind == "header":
            top = g is headers[0]
            vmerge = None if len(headers) == 1 else ("restart" if top else "continue")
            cell = Cell(label if top else "", 1, vmerge, True, "center")
        else:
            pair = (shown.total_appraised, shown.total_self) if g.kind == "total" else _pair(next(data))[::-1]
            cell = Cell(difference(*pair, blank_zero=False), 1, None, g.kind == "total", "center")
        rows.append(
            replace(g, cells=g.cells[: _after_points(g, grouped)] + (cell,) + g.cells[_after_points(g, grouped) :])
        )
    widths = grid.widths_cm[:5] + (1.8,) + grid.widths_cm[5:]
    doc = Document(meta, standard_blocks(meta, title, Table(Grid(widths, tuple(rows))), rng, year))
    return score_built(meta, docx_pdf("two-years-" + ("this-first" if this_first else "last-first"), doc), table)


# --- N20: an annex continued with no header on its next page --------------------------------------

ANNEX_CONTINUED = ("Phụ lục {n} (tiếp theo)", "(Tiếp theo Phụ lục {n})", "Phụ lục {n} - tiếp theo")
STAT_LABELS = (
    ("STT", "Nội dung", "ĐVT", "Số liệu", "Ghi chú"),
    ("TT", "Chỉ tiêu", "Đơn vị tính", "Kết quả", "Ghi chú"),
)


def headerless_rest(grid: Grid, at: int) -> tuple[Grid, Grid]:
    """The grid cut before body row ``at``: the first part with its header, the rest with none."""
    header = tuple(g for g in grid.rows if g.kind == "header")
    body = tuple(g for g in grid.rows if g.kind != "header")
    return replace(grid, rows=header + body[:at]), replace(grid, rows=body[at:])


def annex_continued(inst: Instance) -> Built:
    """A report and its statistics annex broken at a forced page break inside a group (after 8-12
    rows): the next page opens on a running line "Phụ lục 1 (tiếp theo)" (italic, left or centre)
    and then straight on the next row, a table with no header and no column numbers, as a typist
    continues an annex. Truth: one table, as if printed whole."""
    rng = inst.rng()
    rows, faults = statistics(rng, rng.randint(5, 6), letters=inst.index % 2 == 1, fault=inst.faulty)
    labels = STAT_LABELS[(inst.index - 1) % len(STAT_LABELS)]
    grid = stat_grid(rows, labels, (1.2, 8.2, 2.0, 2.2, 2.2))
    at = max(2, min(len(rows) - 2, rng.randint(8, 12)))
    first, rest = headerless_rest(grid, at)
    marker = Para(rng.choice(ANNEX_CONTINUED).format(n=1), italic=True, align=rng.choice(("left", "center")))
    doc, title = _annex_report(inst, rng, lambda year, period: first)
    # the annex's table is the last block: the rest follows it on a page of its own
    doc = replace(doc, blocks=doc.blocks + (PageBreak(), marker, Table(rest)))
    return annex_built(doc, title, rows, faults, "annex-continued-headerless")


NEW_LAYOUT_FAMILIES_D = {
    "N16_max_in_name": max_in_name,
    "N17_appraisal_difference": appraisal_difference,
    "N18_annex_hamlets": annex_hamlets,
    "N19_two_years": two_years,
    "N20_annex_continued": annex_continued,
}

"""A nineteenth batch of held-out typed layouts (N78-N81): forms real commune documents print that
neither F01-F31 nor N01-N77 have. Made only when named (``make_corpus.NEW_LAYOUTS``), so no standing
figure moves; the held-out test of the round after N74-N77 were developed on.

- N78 a score table whose appraisal stands before the self points: "Điểm tối đa | Điểm thẩm định |
  Điểm tự chấm | evidence" (odd instances), or the maximum last, "Điểm thẩm định | Điểm tự chấm |
  Điểm tối đa" (even): the district's appraisal form, its own column first;
- N79 a score table printed from a spreadsheet kept in an English locale: every points figure
  written with a decimal point, "1.5", "0.25", "14.5" (odd instances) or two decimals always,
  "2.00", "1.50" (even), beside codes "1.1", "1.2" that look the same;
- N80 a report whose statistics annex gives each breakdown item's share of its count in a column
  of its own: "STT | Nội dung | ĐVT | Số liệu | Tỷ lệ (%) | Ghi chú", the items' shares only (odd
  instances) or the count's "100" as well (even);
- N81 a report whose statistics annex prints a label row between each count and its items,
  "Trong đó:" / "Chia ra:" / "Bao gồm:" in the indicator's cell (odd instances) or in one cell
  across the indicator, unit, figure and note (even): a row with no code and no figure.

The truth is the generator's rows as for every family (tools/CORPUS.md)."""

from __future__ import annotations

from dataclasses import replace

from corpusgen.common import Built, Instance, docx_pdf, score_built, standard_blocks
from corpusgen.document import Document, Table
from corpusgen.grid import Cell, Grid, GridRow, ScoreLayout, as_printed, score_grid
from corpusgen.new_layouts import TOTAL_LABELS, _labels, points_written
from corpusgen.new_layouts_r import against_plan, wholes
from corpusgen.reports import StatRow, statistics
from corpusgen.typed_annexes import ANNEX_LABELS, _annex_report, _built as annex_built, annex_grid
from corpusgen.typed_forms import _scored

# --- N78: the appraisal before the self points --------------------------------------------------------

APPRAISED_HEADS = ("Điểm thẩm định", "Điểm Phòng Nội vụ thẩm định", "Điểm thẩm định của Hội đồng")


def appraised_first(inst: Instance) -> Built:
    """A score table with the appraisal beside the self points in the order the appraising body
    prints its own form, its column first: "TT | name | Điểm tối đa | Điểm thẩm định | Điểm tự chấm |
    evidence" (odd instances), or the maximum last, "TT | name | Điểm thẩm định | Điểm tự chấm |
    Điểm tối đa" with no evidence column (even); a total row last or none. Truth: the rows as F11's
    (``appraised_points`` the appraisal column's); faults as F01's."""
    rng, year, meta, title, table = _scored(inst, appraised=True)
    max_last = inst.index % 2 == 0
    columns = (
        ("code", "name", "appraised", "self", "max")
        if max_last
        else ("code", "name", "max", "appraised", "self", "explanation")
    )
    layout = ScoreLayout(
        columns,
        {**_labels(rng), "appraised": rng.choice(APPRAISED_HEADS)},
        total=rng.choice(("last", "last", None)),
        total_label=rng.choice(TOTAL_LABELS),
        widths_cm={"name": 8.4 if max_last else 6.2},
    )
    table = as_printed(table, layout)
    doc = Document(meta, standard_blocks(meta, title, Table(score_grid(table, layout)), rng, year))
    variant = "appraised-first-" + ("max-last" if max_last else "max-first")
    return score_built(meta, docx_pdf(variant, doc), table, appraised=True)


# --- N79: points with a decimal point -------------------------------------------------------------------


def dotted(value: float | None, two_places: bool) -> str:
    """A figure as a spreadsheet in an English locale prints it: "1.5", "14.5", "2" (or, with
    ``two_places``, its number format "0.00": "2.00", "1.50"); blank for none."""
    if value is None:
        return ""
    return f"{value:.2f}" if two_places else f"{round(value, 4):g}"


def points_decimal_point(inst: Instance) -> Built:
    """A score table "TT | name | max | self | evidence" whose points are written with a decimal
    point, not the Vietnamese comma: "1.5", "0.25", "14.5" and whole points bare (odd instances), or
    every figure to two decimals, "2.00", "1.50" (even), the total row too; the codes beside them
    "1.1", "1.2" as the set prints them. Truth: the rows as F01's; faults as F01's."""
    rng, year, meta, title, table = _scored(inst)
    two_places = inst.index % 2 == 0
    layout = ScoreLayout(
        ("code", "name", "max", "self", "explanation"),
        _labels(rng),
        total=rng.choice(("last", "last", None)),
        total_label=rng.choice(TOTAL_LABELS),
        widths_cm={"name": 7.0},
    )
    table = as_printed(table, layout)
    grid = points_written(score_grid(table, layout), layout, lambda value: dotted(value, two_places))
    doc = Document(meta, standard_blocks(meta, title, Table(grid), rng, year))
    return score_built(meta, docx_pdf("decimal-point-" + ("two-places" if two_places else "bare"), doc), table)


# --- N80: each item's share of its count in a column ----------------------------------------------------

VALUE_HEADS = ("Số liệu", "Số lượng", "Kết quả")
SHARE_HEADS = ("Tỷ lệ (%)", "Tỷ lệ so với tổng số (%)", "Tỷ trọng (%)")


def shares(rows: list[StatRow], whole_too: bool) -> list[str]:
    """Each row's share column: a breakdown item's value over its count's in per cent ("93,75"),
    the count's own "100" where ``whole_too`` and it has items, else blank (headings, singles, ratio
    rows: a ratio row's share is its figure)."""
    parts = wholes(rows)
    counted = {r.code.rpartition(".")[0] for r, w in zip(rows, parts) if w is not None and r.code is not None}
    out = []
    for r, whole in zip(rows, parts):
        if whole is not None:
            out.append(against_plan(r.value, whole))
        elif whole_too and r.code in counted and r.value:
            out.append("100")
        else:
            out.append("")
    return out


def share_grid(rows: list[StatRow], labels: tuple[str, ...], column: list[str]) -> Grid:
    """STT | indicator | unit | value | share | note."""
    base = annex_grid(rows, labels[:4] + labels[5:], None)
    out = [replace(base.rows[0], cells=tuple(Cell(h, 1, None, True, "center") for h in labels))]
    for g, share in zip(base.rows[1:], column):
        out.append(replace(g, cells=(*g.cells[:4], Cell(share, 1, None, False, "center"), g.cells[4])))
    return Grid((1.2, 7.8, 1.8, 2.0, 2.2, 1.9), tuple(out))


def annex_share_column(inst: Instance) -> Built:
    """A report whose annex "STT | Nội dung | ĐVT | Số liệu | Tỷ lệ (%) | Ghi chú" gives each
    breakdown item's share of its count in a column after the figures ("Tỷ lệ so với tổng số (%)",
    "Tỷ trọng (%)"): the items' shares only (odd instances) or the count's "100" too (even); a
    ratio row's share stays its figure, the share column blank. Breakdown items lettered (instances
    1, 2) or numbered (3, 4). Truth: the rows as F12's (``value`` the figure column's); the shares
    are nothing; ``ratio`` faults as F12's."""
    rng = inst.rng()
    rows, faults = statistics(rng, rng.randint(3, 5), letters=inst.index % 4 in (1, 2), fault=inst.faulty)
    whole_too = inst.index % 2 == 0
    labels = (*rng.choice(ANNEX_LABELS), rng.choice(VALUE_HEADS), rng.choice(SHARE_HEADS), "Ghi chú")
    column = shares(rows, whole_too)
    doc, title = _annex_report(inst, rng, lambda year, period: share_grid(rows, labels, column))
    return annex_built(doc, title, rows, faults, "share-column-" + ("with-whole" if whole_too else "items"))


# --- N81: a label row between a count and its items ------------------------------------------------------

LABEL_ROWS = ("Trong đó:", "Chia ra:", "Bao gồm:")


def broken_down(rows: list[StatRow]) -> set[int]:
    """The indices of the counts that have items: a row with a figure whose code is the parent of
    the next row's, that next row a count too (a ratio row is no item)."""
    out = set()
    for k, (r, nxt) in enumerate(zip(rows, rows[1:])):
        parent = (nxt.code or "").rpartition(".")[0]
        if r.value is not None and r.unit != "%" and nxt.unit != "%" and parent and parent == r.code:
            out.add(k)
    return out


def label_row(label: str, across: bool) -> GridRow:
    """A row with no code and no figure: ``label`` in the indicator's cell (the others blank), or
    one cell across the indicator, unit, figure and note (``across``)."""
    if across:
        return GridRow((Cell(""), Cell(label, 4)))
    return GridRow((Cell(""), Cell(label), Cell(""), Cell(""), Cell("")))


def annex_label_rows(inst: Instance) -> Built:
    """A report whose annex "STT | Nội dung | ĐVT | Số liệu | Ghi chú" prints a row "Trong đó:"
    ("Chia ra:", "Bao gồm:") between each count and its items: the label in the indicator's cell
    (odd instances) or in one cell across the indicator, unit, figure and note (even); a row with
    no code and no figure. Breakdown items lettered (instances 1, 2) or numbered (3, 4). Truth: the
    rows as F12's, the label rows nothing; ``ratio`` faults as F12's."""
    rng = inst.rng()
    rows, faults = statistics(rng, rng.randint(3, 5), letters=inst.index % 4 in (1, 2), fault=inst.faulty)
    across = inst.index % 2 == 0
    labels = (*rng.choice(ANNEX_LABELS), rng.choice(VALUE_HEADS), "Ghi chú")
    label = rng.choice(LABEL_ROWS)
    counts = broken_down(rows)

    def grid_of(year: int, period: str) -> Grid:
        base = annex_grid(rows, labels, None)
        out = [base.rows[0]]
        for k, g in enumerate(base.rows[1:]):
            out.append(g)
            if k in counts:
                out.append(label_row(label, across))
        return Grid(base.widths_cm, tuple(out))

    doc, title = _annex_report(inst, rng, grid_of)
    return annex_built(doc, title, rows, faults, "label-rows-" + ("across" if across else "in-cell"))


NEW_LAYOUT_FAMILIES_S = {
    "N78_appraised_first": appraised_first,
    "N79_points_decimal_point": points_decimal_point,
    "N80_annex_share_column": annex_share_column,
    "N81_annex_label_rows": annex_label_rows,
}

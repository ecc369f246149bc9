"""A field's points printed again beside its row, read as lines of text (an OCR dump).

A score table may print each field's self points a second time in a last column, one cell merged
down over the field's rows ("Điểm lĩnh vực", "Tổng điểm lĩnh vực"): a spreadsheet's field subtotal.
The grid reader knows the column by its label (``field_points_column``). On a dump the label's
words are OCR's to garble ("Diém linh vc"), and the figure stands on the field's own line only,
after its maximum and self points: "1. Cong tac chi dao … 12 9,25 9,25". Read by position it is a
third points figure, the appraisal's; every criterion under the field then prints none, and a
whole appraisal column is told lost ("figures not read: 1.2 appraised points, …") on a table read
whole.

What the figures say is enough: under a header that names no appraisal, when the only rows that
print a third figure are rows with rows of their own under them (fields, criteria with
sub-criteria) and each such figure is the row's self points again, the figure is the parent's
subtotal repeated, not an appraisal: it is dropped. An appraisal column, named or not, scores the
criteria too. A parent whose self points OCR misread ("8 5,9 5,5" for 5,5 5,5) still prints its
subtotal: a third figure that is not the self points read but is what the row's children's self
points add up to is the subtotal too (the arithmetic the table carries says which of the two the
misreading is), as long as most such rows repeat their self points plainly."""

from __future__ import annotations

from dataclasses import dataclass, replace

from extract.segment.row_draft import LineTable, RowDraft
from normalize.numbers import parse_number


@dataclass(frozen=True)
class FieldPointsLinesSettings:
    # Rows that must repeat their self points so before the third figure is taken for the
    # subtotal (one row alike by chance is no column).
    min_rows: int = 2
    # Rows whose third figure differs from the self points read but equals their children's self
    # points added up (a parent's self points misread): at most this share of the rows printing a
    # third figure, so a column of appraisals that happen to add up is never taken for subtotals.
    max_summed_share: float = 0.34


def _value(raw: str | None) -> float | None:
    parsed = parse_number(raw or "", kind="auto", ocr=True)
    return None if parsed is None else parsed.value


def _has_children(row: RowDraft, codes: list[str]) -> bool:
    code = (row.code or "").rstrip(".")
    return bool(code) and any(c.startswith(code + ".") for c in codes)


def subtotals_dropped(table: LineTable, settings: FieldPointsLinesSettings = FieldPointsLinesSettings()) -> LineTable:
    """The table with its parents' repeated self points taken out of the appraisal, when that is
    all its third figures are (the table as it was otherwise)."""
    if "appraised" in table.header_points:
        return table
    third = [r for r in table.rows if r.appraised_raw is not None]
    if len(third) < settings.min_rows:
        return table
    codes = [(r.code or "").rstrip(".") for r in table.rows]
    summed = 0
    for row in third:
        self_points = _value(row.self_raw)
        if not _has_children(row, codes) or self_points is None:
            return table
        figure = _value(row.appraised_raw)
        if figure == self_points:
            continue
        children = _children_self(row, table.rows)
        if figure is None or children is None or abs(figure - children) > 1e-6:
            return table
        summed += 1
    if summed > settings.max_summed_share * len(third):
        return table
    return replace(table, rows=[_without_third(r) if r.appraised_raw is not None else r for r in table.rows])


def _children_self(parent: RowDraft, rows: list[RowDraft]) -> float | None:
    """The self points of the parent's direct children added up, when every child read one."""
    code = (parent.code or "").rstrip(".")
    depth = code.count(".") + 1
    children = [r for r in rows if (r.code or "").rstrip(".").startswith(code + ".")]
    children = [r for r in children if (r.code or "").rstrip(".").count(".") == depth]
    values = [_value(r.self_raw) for r in children]
    if not values or any(v is None for v in values):
        return None
    return round(sum(v for v in values if v is not None), 2)


def _without_third(row: RowDraft) -> RowDraft:
    confs = {k: c for k, c in row.number_confs.items() if k != "appraised"}
    return replace(row, appraised_raw=None, number_confs=confs)

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
criteria too."""

from __future__ import annotations

from dataclasses import dataclass, replace

from extract.segment.row_draft import LineTable, RowDraft
from normalize.numbers import parse_number


@dataclass(frozen=True)
class FieldPointsLinesSettings:
    # Rows that must repeat their self points so before the third figure is taken for the
    # subtotal (one row alike by chance is no column).
    min_rows: int = 2


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
    for row in third:
        self_points = _value(row.self_raw)
        if not _has_children(row, codes) or self_points is None or _value(row.appraised_raw) != self_points:
            return table
    return replace(table, rows=[_without_third(r) if r.appraised_raw is not None else r for r in table.rows])


def _without_third(row: RowDraft) -> RowDraft:
    confs = {k: c for k, c in row.number_confs.items() if k != "appraised"}
    return replace(row, appraised_raw=None, number_confs=confs)

"""Two rounds of appraisal, read as lines of text (an OCR dump): the final round is the points.

A score table may print the appraisers' points twice, "Điểm thẩm định: Lần 1 | Lần 2 (sau giải
trình)", their first points and their points after the commune's explanations. The grid reader
moves the appraisal to the later column by the header's words (``appraisal_rounds``). On a dump
the rounds' labels are OCR's to garble ("Lani | Lan2"), and a row's line prints four figures:
"1.2 | Bao cao CCHC 2 1,25 0,25 0,75". The line reader takes three points cells (maximum, self,
appraisal), so the first round stood as the appraisal and the final round opened the
explanation.

What the rows print is enough: under a header naming the appraisal, when most rows read with an
appraisal open their explanation with one more points figure (a quarter point's multiple no
larger than the row's maximum), the table prints a later round beside the first: that figure is
the row's appraisal, the first round is set aside."""

from __future__ import annotations

from dataclasses import dataclass, replace

from extract.segment.row_draft import LineTable, RowDraft
from normalize.numbers import parse_number


@dataclass(frozen=True)
class RoundLinesSettings:
    # Rows read with an appraisal the table needs before its rows can say a column is a round.
    min_rows: int = 3
    # Share of them whose explanation opens with a points figure.
    min_share: float = 0.5
    # Points are printed in steps of this (a quarter point).
    step: float = 0.25


def _points(raw: str | None, settings: RoundLinesSettings) -> float | None:
    parsed = parse_number(raw or "", kind="auto", ocr=True)
    if parsed is None or parsed.value < 0:
        return None
    steps = parsed.value / settings.step
    return parsed.value if abs(steps - round(steps)) < 1e-9 else None


def _later_round(row: RowDraft, settings: RoundLinesSettings) -> str | None:
    """The points figure opening the row's explanation, when it can be a round of its appraisal."""
    if not row.explanation:
        return None
    raw = row.explanation[0][0]
    value = _points(raw, settings)
    if value is None:
        return None
    most = _points(row.max_raw, settings)
    return raw if most is None or value <= most else None


def final_rounds(table: LineTable, settings: RoundLinesSettings = RoundLinesSettings()) -> LineTable:
    """The table with each row's appraisal at its final round, when its rows print a later one
    (the table as it was otherwise)."""
    if "appraised" not in table.header_points:
        return table
    appraised = [r for r in table.rows if r.appraised_raw is not None]
    later = [r for r in appraised if _later_round(r, settings) is not None]
    if len(appraised) < settings.min_rows or len(later) < settings.min_share * len(appraised):
        return table
    return replace(table, rows=[_at_final(r, settings) for r in table.rows])


def _at_final(row: RowDraft, settings: RoundLinesSettings) -> RowDraft:
    final = _later_round(row, settings) if row.appraised_raw is not None else None
    if final is None:
        return row
    confs = {k: c for k, c in row.number_confs.items() if k != "appraised"}
    return replace(row, appraised_raw=final, explanation=row.explanation[1:], number_confs=confs)

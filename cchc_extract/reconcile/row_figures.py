"""The other figures an OCR'd annex row printed beside the one taken for its value: each is a
reading of that value, for the column the reader chose may be the wrong one.

A statistics line read from OCR'd text keeps, in its note, what followed the figure it took:
"3 | Tổng số hồ sơ … | Hồ sơ 308 240 77,92" (plan, result, result against plan) read 308 with
"240 77,92" left over. When a relation fails on that figure and holds with one of its row's
own figures, the failure is the column we took, not the commune's arithmetic: a figure the
page prints on that very row, not a guess, and the likelier story by far than a commune whose
total happens to disagree by exactly another figure of its row. The row still goes to review
with the reading offered, so a real fault stays in the queue."""

from __future__ import annotations

from dataclasses import dataclass

from normalize.numbers import parse_number
from schemas.records import StatRow


@dataclass(frozen=True)
class RowFigureSettings:
    # A note of more figures than this is no row's other columns (a list of dates, a phone
    # number, a run of codes): its figures are not offered.
    most_figures: int = 3


def row_figures(row: StatRow, s: RowFigureSettings = RowFigureSettings()) -> tuple[float, ...]:
    """The whole numbers an OCR'd count row printed in its note besides its value, when the note
    is nothing but figures (a word in it makes it a remark, whose numbers are no column of the
    row: "đạt 99,25 %", "tăng 12"). Decimals are left: a count's other column holding one is a
    share or a ratio to plan, never the count."""
    tokens = row.note.split()
    if not tokens or len(tokens) > s.most_figures or row.value is None:
        return ()
    if any(parse_number(t) is None for t in tokens):
        return ()
    values = (float(t) for t in tokens if t.isdigit())  # "77,92" beside it is a decimal: no count
    return tuple(dict.fromkeys(v for v in values if v != row.value))

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

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from extract.segment.stat_values import parse_stat_value
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


def _last_printed(row: StatRow, ocr: bool) -> float | None:
    """The figure a row prints last (its note's last token, or its value when the note is empty):
    None when that token is no figure (OCR garbled it: which figure it was is not known)."""
    tokens = row.note.split()
    if not tokens:
        return row.value
    value, _, _ = parse_stat_value(tokens[-1].strip(".,:;|)(_"), row.unit, ocr=ocr)
    return value


def last_column_readings(
    rows: Sequence[StatRow],
    members: Sequence[int],
    holds: Callable[[list[float | None]], bool],
    ocr: bool,
) -> dict[int, float]:
    """{member: the figure its row prints last} of a relation's members (row indices, in the
    order ``holds`` takes their values) when, read so all together, the relation holds and fails
    as read; empty otherwise. An annex printing a plan beside each result, per period ("6 tháng
    đầu năm | 6 tháng cuối năm | Cả năm", each "Chỉ tiêu | Kết quả"), ends every row with the whole
    period's result, but the line reader takes a row's first figure: the plan's ("3.1 104 114 …
    104 114", "3.2 90 61,4 … 90 61,4"), so a share weighed on plans fails against the commune
    (seed 20251's D31 dump: 90% against 70/104, where the last column's 70/114 = 61,4% holds).
    The column is the annex's, not a figure's: the members move together, as in
    ``unseen_periods``, and a member printing one figure keeps it. Only OCR'd rows: a typed
    annex's columns are read by their labels."""
    if not ocr:
        return {}
    last = {k: _last_printed(rows[k], ocr) for k in members}
    moved = {k: v for k, v in last.items() if v is not None and v != rows[k].value}
    if not moved or any(v is None for v in last.values()):
        return {}
    return moved if holds([last[k] for k in members]) else {}

"""A table printed across whose body is a row per part of the period and the whole period's row:
"Kỳ báo cáo | 1. Số văn bản … | 2.1. … " over "Quý I | …", "Quý II | …" and "6 tháng | …" (or
"Cả năm 2025", "Lũy kế", "Cộng 6 tháng"; first or last). An annex turned over: the indicators
are the columns, the periods the rows.

The same split of a period ``stat_period_parts`` reads across a header ("Quý I | Quý II | 6
tháng"), printed down: the report is about the whole period, so the whole's row holds the annex's
figures, and each part's figure stays in the row's note ("Quý I: 21; Quý II: 27"), nothing
printed dropped. Read only when every row is a part or the whole, the whole named once."""

from __future__ import annotations

from dataclasses import dataclass

import regex as re

from extract.segment.joined import JoinedRow
from extract.segment.stat_across_units import row_label
from extract.segment.stat_period_parts import is_part_label, part_columns, whole_period_column


@dataclass(frozen=True)
class PeriodRows:
    whole: JoinedRow  # the whole period's row: the figures read
    label_col: int  # the column of the rows' period labels
    parts: list[JoinedRow]  # the parts' rows, in print order (their figures noted)


def whole_period_row(body: list[JoinedRow]) -> PeriodRows | None:
    """The whole period's row of a body whose rows each open with a period's label in the same
    column, at least two parts and the one whole; None for any other body."""
    labels: list[str] = []
    cols: set[int] = set()
    for row in body:
        first = row_label(row)  # (after the row's number: "1 | T1 | …")
        if first is None or not (re.search(r"\p{L}{2}", first[1]) or is_part_label(first[1])):  # ("T1")
            return None
        cols.add(first[0])
        labels.append(first[1])
    if len(cols) != 1:
        return None
    parts = part_columns(labels)
    whole = whole_period_column(labels)
    if whole is None or len(parts) < 2 or len(parts) + 1 != len(body):
        return None
    return PeriodRows(body[whole], cols.pop(), [body[k] for k in parts])


def parts_note(periods: PeriodRows, col: int | None) -> str:
    """The parts' figures of one column as a note ("Quý I: 21; Quý II: 27"), "" when none prints."""
    if col is None:
        return ""
    return "; ".join(
        f"{row.cells[periods.label_col].strip()}: {row.cells[col].strip()}"
        for row in periods.parts
        if col < len(row.cells) and row.cells[col].strip()
    )

"""An OCR'd annex that prints two periods' figures on each row under a header naming neither
(``PERIODS_UNSEEN_FLAG``, set by ``extract/segment/stat_line_compare``): which column the value
was taken from is the doubt, and a sum that holds does not settle it. A breakdown adds up in last
year's column as it does in this year's, so rows all read from the wrong period still make every
total and share hold (seed 12001's D17 dump: last year's 27 = 26 + 1 taken for 26 = 25 + 1, seven
values at 0.915, silent). The doubt is the annex's, not only the flagged rows': a row whose change
OCR garbled shows no two periods by itself, yet stands in the same columns as its neighbours.

A row escapes it where the other period's figure, the first of its note, is its own value (a
change of nought: either column gives the same figure)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from extract.segment.stat_line_compare import PERIODS_UNSEEN_FLAG
from extract.segment.stat_values import parse_stat_value
from schemas.records import StatAnnex, StatRow


@dataclass(frozen=True)
class UnseenPeriodSettings:
    # Rows flagged as showing two periods under a header naming neither before the whole annex is
    # taken to print two periods: one such row may be a row's figures agreeing by chance with a
    # difference ("17 | 24 | 7"); two say the annex's columns do.
    min_flagged_rows: int = 2
    # How far the note's first figure may be from the value and still be the same figure.
    tolerance: float = 0.0051


def _other_period(row: StatRow, ocr: bool) -> float | None:
    """The figure the note prints first (the other period's, on such an annex), or None when its
    first token is no figure (OCR garbled it: which figure it was is not known)."""
    tokens = row.note.split()
    if not tokens:
        return None
    value, _, _ = parse_stat_value(tokens[0].strip(".,:;|)(_"), row.unit, ocr=ocr)
    return value


def column_doubted(annex: StatAnnex, ocr: bool, settings: UnseenPeriodSettings = UnseenPeriodSettings()) -> set[int]:
    """Indices of the annex's rows whose value may be the other period's figure: every row with a
    value and a note, in an annex where at least ``min_flagged_rows`` rows show two periods under a
    header naming neither, unless the note's first figure is the value itself."""
    return _column_doubted(annex.rows, ocr, settings)


def _column_doubted(rows: Sequence[StatRow], ocr: bool, settings: UnseenPeriodSettings) -> set[int]:
    flagged = sum(PERIODS_UNSEEN_FLAG in row.flags for row in rows)
    if not ocr or flagged < settings.min_flagged_rows:
        return set()
    doubted = set()
    for ri, row in enumerate(rows):
        if row.value is None or not row.note.strip():
            continue
        other = _other_period(row, ocr)
        if other is None or abs(other - row.value) > settings.tolerance:
            doubted.add(ri)
    return doubted


def other_period_readings(
    rows: Sequence[StatRow],
    members: Sequence[int],
    holds: Callable[[list[float | None]], bool],
    ocr: bool,
    settings: UnseenPeriodSettings = UnseenPeriodSettings(),
) -> dict[int, float]:
    """{member: its other period's figure} of a relation's members (row indices, in the order
    ``holds`` takes their values) whose column is doubted, when, read so all together, the
    relation holds; empty otherwise. The period is the annex's column, not a figure's: one member
    read in the other period alone mixes two years, so they move together (seed 18001's D17
    dump: "5.3 88,22 %", the same in both years, weighed against last year's 359/407 read as its
    counts, a false fault, where this year's 322/365 make it)."""
    doubted = _column_doubted(rows, ocr, settings)
    others = {k: v for k in members if k in doubted and (v := _other_period(rows[k], ocr)) is not None}
    if not others:
        return {}
    return others if holds([others.get(k, rows[k].value) for k in members]) else {}

"""Other readings of a score table's stated total on OCR'd text: its decimal mark lost or a digit
confused, characters of a faint figure lost, a score total above the total of maxima, a total OCR
read unsurely. Each makes the total, not the commune, the doubt (``sums`` asks them)."""

from __future__ import annotations

from cchc_extract.reconcile.misread import ocr_digit_readings
from cchc_extract.reconcile.settings import ReconcileSettings
from normalize.numbers import format_vn, lost_decimal_readings
from schemas.records import ReviewItem, ScoreTable


def lost_characters_reading(
    stated: float, expected: float | None, confidence: float | None, s: ReconcileSettings
) -> tuple[float, ...]:
    """The rows' sum as a reading of a stated total OCR read unsurely (word confidence under
    ``s.unsure_total_ocr``) when the characters read are the sum's with some lost: "5" read at
    0.53 for a printed "7,5" its rows make. OCR dropping characters of a faint word is a
    misreading the characters themselves show, so the total alone goes to review with the sum as
    its other reading (not the total and a top row besides: one doubt, one entry). A total read
    surely, or whose characters are no part of the sum's, keeps every suspect."""
    if confidence is None or confidence >= s.unsure_total_ocr or expected is None:
        return ()
    read, whole = format_vn(stated), format_vn(expected)
    if len(read) >= len(whole) or not _subsequence(read, whole):
        return ()
    return (expected,)


def _subsequence(part: str, whole: str) -> bool:
    """Whether ``part``'s characters appear in ``whole`` in their order (others between)."""
    rest = iter(whole)
    return all(ch in rest for ch in part)


def total_above_max(
    ti: int, table: ScoreTable, field_: str, stated: float, expected: float | None, name: str, s: ReconcileSettings
) -> list[tuple[ReviewItem, float]]:
    """The table's stated total of a score (self, appraised) with the reading its rows give
    (``expected``), when the stated figure exceeds the stated total of the maxima and the rows'
    does not: no commune scores above the whole, so on OCR'd text the total row's figure was read
    wrong ("7,5" read "13."), and the relation it breaks is a misreading, not the commune's fault
    (typed, the figure is what the commune printed: its fault)."""
    top = table.stated_total_max
    if field_ == "max_points" or top is None or expected is None or stated <= top + s.points_tolerance:
        return []
    if expected > top + s.points_tolerance:
        return []
    return [(ReviewItem(item=f"/score_tables/{ti}", field=field_, table=name, code=None, value=stated), expected)]


def stated_readings(stated: float, upper: float | None, s: ReconcileSettings) -> tuple[float, ...]:
    """Other readings of a table's stated total on OCR'd text: its decimal mark lost ("525" for
    52,5; at most ``upper``, the stated maximum, for a score), one digit confused, or, below zero,
    without the sign a dash or a rule before it was read for (points are never negative, as for a
    row's cell: "Tổng số điểm -10 8,25 7,5")."""
    printed = format_vn(stated)
    found = [-stated] if stated < 0 else []
    found += lost_decimal_readings(printed, upper=upper) if float(stated).is_integer() else []
    found += ocr_digit_readings(printed, s, "score")
    return tuple(r for r in dict.fromkeys(found) if abs(r - stated) > 1e-9)


def total_unsure(
    ti: int, table: ScoreTable, field_: str, stated: float, name: str, s: ReconcileSettings
) -> tuple[ReviewItem, ...]:
    """The table's stated total of ``field_``, when OCR read its figure unsurely (its word
    confidence under ``s.unsure_total_ocr``: "5" read at 0.53 for a printed 7,5): the total
    disagreeing with its rows is then a reading to review, not the commune's fault."""
    conf = table.stated_total_confidence.get(field_)
    if conf is None or conf >= s.unsure_total_ocr:
        return ()
    return (ReviewItem(item=f"/score_tables/{ti}", field=field_, table=name, code=None, value=stated, confidence=conf),)

"""The total a table prints after adding its bonus and taking its penalty ("Tổng điểm sau khi cộng,
trừ") checked against its parts: the stated sum of the criteria, the bonus and the penalty
(``extract.segment.score_adjustments``). A province's arithmetic on top of the criteria: a wrong
adjusted total on a typed page is the commune's mismatch; on a scan it may be our misreading, so it
goes to review as one."""

from __future__ import annotations

from cchc_extract.reconcile.core import _Ledger
from cchc_extract.reconcile.score_refs import _table_name
from extract.segment.score_adjustments import ADJUSTED, BONUS, PENALTY
from schemas.records import ExtractionResult, ReviewItem

KIND = "adjusted_total"


def check_adjusted_totals(result: ExtractionResult, ledger: _Ledger, tolerance: float, ocr: bool) -> None:
    """adjusted = stated sum + bonus − penalty, for each table printing the adjusted total, its
    sum and a bonus or a penalty (one of them not printed adds or takes nothing)."""
    for ti, table in enumerate(result.score_tables):
        points = {a.kind: a.points for a in table.adjustments if a.points is not None}
        adjusted, stated = points.get(ADJUSTED), table.stated_total_self
        if adjusted is None or stated is None or not ({BONUS, PENALTY} & set(points)):
            continue
        bonus, penalty = points.get(BONUS, 0.0), points.get(PENALTY, 0.0)
        expected = round(stated + bonus - penalty, 4)
        holds = abs(expected - adjusted) <= tolerance
        status = "ok" if holds else ("misread" if ocr else "mismatch")
        name = _table_name(table, ti)
        message = (
            f"adjusted total {adjusted:g} against the stated sum {stated:g} + bonus {bonus:g} - penalty {penalty:g}"
            f" = {expected:g}"
        )
        item = f"/score_tables/{ti}/adjustments"
        ledger.check(
            KIND,
            item,
            table=name,
            code=None,
            field_="self_points",
            expected=expected,
            actual=adjusted,
            tolerance=tolerance,
            status=status,
            message=message,
        )
        if not holds:
            ledger.flag(ReviewItem(item=item, field="self_points", table=name, value=adjusted), message)

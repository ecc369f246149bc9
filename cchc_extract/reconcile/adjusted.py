"""The total a table prints after adding its bonus and taking its penalty ("Tổng điểm sau khi cộng,
trừ") checked against its parts: the stated sum of the criteria, the bonus and the penalty
(``extract.segment.score_adjustments``). A province's arithmetic on top of the criteria: a wrong
adjusted total on a typed page is the commune's mismatch; on a scan it may be our misreading, so it
goes to review as one."""

from __future__ import annotations

from cchc_extract.reconcile.core import _Ledger
from cchc_extract.reconcile.score_refs import _table_name
from extract.segment.points_none import not_scored
from extract.segment.score_adjustments import ADJUSTED, BONUS, COUNTED_OUT, PENALTY
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
        message = (
            f"adjusted total {adjusted:g} against the stated sum {stated:g} + bonus {bonus:g} - penalty {penalty:g}"
            f" = {expected:g}"
        )
        _checked(ledger, KIND, ti, _table_name(table, ti), "self_points", (expected, adjusted, tolerance), ocr, message)


COUNTED_OUT_KIND = "counted_out_max"


def check_counted_out(result: ExtractionResult, ledger: _Ledger, tolerance: float, ocr: bool) -> None:
    """The maximum a table states with its criteria not scored counted out ("Tổng điểm tối đa sau
    khi trừ: 57,5 điểm") against the full maximum (its top-level rows', else the total row's) less
    the maxima of the criteria whose self cell says they were not scored."""
    for ti, table in enumerate(result.score_tables):
        stated = next((a.points for a in table.adjustments if a.kind == COUNTED_OUT and a.points is not None), None)
        # (the criteria's own sum first: a total row that disagrees with it is the total check's fault)
        top = [r.max_points for r in table.rows if r.parent is None]
        full = sum(p for p in top if p is not None) if top and None not in top else table.stated_total_max
        if stated is None or full is None:
            continue
        out = [r for r in table.rows if not_scored(r.flags, "self_points") and r.max_points is not None]
        expected = round(full - sum(r.max_points or 0.0 for r in out), 4)
        message = (
            f"maximum counted out {stated:g} against the full maximum {full:g} less the criteria not scored"
            f" ({', '.join(r.code or r.name[:20] for r in out) or 'none read'}) = {expected:g}"
        )
        figures = (expected, stated, tolerance)
        _checked(ledger, COUNTED_OUT_KIND, ti, _table_name(table, ti), "max_points", figures, ocr, message)


def _checked(
    ledger: _Ledger,
    kind: str,
    ti: int,
    name: str,
    field_: str,
    figures: tuple[float, float, float],
    ocr: bool,
    message: str,
) -> None:
    """One check on a table's adjustments (``figures``: expected, stated, tolerance), a mismatch
    also put to review (on OCR'd text as a possible misreading)."""
    expected, stated, tolerance = figures
    holds = abs(expected - stated) <= tolerance
    item = f"/score_tables/{ti}/adjustments"
    ledger.check(
        kind,
        item,
        table=name,
        code=None,
        field_=field_,
        expected=expected,
        actual=stated,
        tolerance=tolerance,
        status="ok" if holds else ("misread" if ocr else "mismatch"),
        message=message,
    )
    if not holds:
        ledger.flag(ReviewItem(item=item, field=field_, table=name, value=stated), message)

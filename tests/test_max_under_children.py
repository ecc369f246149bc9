"""A self score above an OCR'd maximum that the row's own sub-criteria already exceed (issue 14):
the dump read ": 2" for a printed 12 (field 1, self 10,25, sub-criteria of 2 and 2,5 read, the
rest lost). The maximum is refuted by its children's sum, so the failed ``self_le_max`` is our
misreading (queued), not the commune's over-scoring; a real over-score stays a mismatch."""

from cchc_extract.reconcile.core import _Ledger
from cchc_extract.reconcile.settings import ReconcileSettings
from cchc_extract.reconcile.sums import _check_score_table
from schemas.records import ScoreRow, ScoreTable


def _rows(field_max: float, field_self: float) -> list[ScoreRow]:
    return [
        ScoreRow(code="1", max_points=field_max, self_points=field_self, max_points_raw=f"{field_max:g}"),
        ScoreRow(code="1.1", max_points=2.0, self_points=2.0),
        ScoreRow(code="1.2", max_points=2.5, self_points=2.0),
        ScoreRow(code="1.3", confidence=0.5, flags=["missing_max", "missing_self"]),
    ]


def _le_max(rows: list[ScoreRow], ocr: bool) -> str:
    ledger = _Ledger(clean_fault=ocr)
    _check_score_table(0, ScoreTable(rows=rows), ledger, ReconcileSettings(), ocr=ocr)
    (check,) = [c for c in ledger.checks if c.kind == "self_le_max"]
    return check.status


def test_an_ocr_maximum_below_its_sub_criteria_is_ours():
    assert _le_max(_rows(2.0, 10.25), ocr=True) == "misread"


def test_typed_or_a_real_over_score_stays_the_communes():
    assert _le_max(_rows(2.0, 10.25), ocr=False) == "mismatch"
    # the maximum agrees with what its sub-criteria allow; the self score is over it
    assert _le_max(_rows(4.5, 5.0), ocr=True) == "mismatch"

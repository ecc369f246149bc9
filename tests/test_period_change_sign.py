"""A difference with last year whose minus OCR did not read (cchc_extract/reconcile/period_change.py,
``sign_lost``): "-7" printed, "7" read. On OCR'd text the difference holds as the fall it is, and the
row is not doubted for it; typed text prints its signs, so there it stays a mismatch. Notes as the
annex reader writes them from seed 7191's N36 scan (S21)."""

from __future__ import annotations

from cchc_extract.reconcile.period_change import Figure, _found, comparison_parts, sign_lost
from cchc_extract.reconcile.settings import ReconcileSettings
from schemas.records import StatRow


def _row(value: float, note: str) -> StatRow:
    return StatRow(code="2", indicator="Tổng số thủ tục hành chính", unit="Thủ tục", value=value, note=note)


def test_an_unsigned_fall_of_the_same_size_lost_its_minus():
    assert sign_lost(Figure(7.0, "7", False), -7.0, 0.5)
    assert sign_lost(Figure(4.5, "4,5", False), -4.5, 0.05)
    # a rise, a printed sign, or another size: no sign was lost
    assert not sign_lost(Figure(7.0, "7", False), 7.0, 0.5)
    assert not sign_lost(Figure(7.0, "+7", True), -7.0, 0.5)
    assert not sign_lost(Figure(3.0, "3", False), -43.0, 0.5)


def test_the_difference_holds_on_ocr_text_only():
    row = _row(131.0, "Năm 2023: 138; Chênh lệch (+/-): 7; So sánh (%): 94,9")
    told, _ = comparison_parts(row.note)
    (difference, percent) = _found(row, told, ReconcileSettings(), ocr=True)
    assert difference.ok and "minus sign not read" in difference.message
    assert percent.ok
    (typed, _) = _found(row, told, ReconcileSettings())
    assert not typed.ok
    # 48 against 91 says a fall of 43, not 3: the figure, not the sign, is wrong
    row = _row(48.0, "Năm 2023: 91; Chênh lệch (+/-): 3; So sánh (%): 94,1")
    told, _ = comparison_parts(row.note)
    assert not _found(row, told, ReconcileSettings(), ocr=True)[0].ok

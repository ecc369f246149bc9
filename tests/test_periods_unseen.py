"""An OCR'd annex whose header lost the labels of its two periods ("Nam Nam" for "Năm 2022 | Năm
2023") is read as one period's, the first figure taken. A row whose figures are two periods' and
their difference ("17 | 24 | 7") shows the value may be the other period's: it is doubted
(``stat_line_compare.PERIODS_UNSEEN_FLAG``), not left sure and silent (seed 9001's D17 dump: last
year's 17 read for 24, twice, at 0.995)."""

from __future__ import annotations

from extract.segment.stat_line_compare import PERIODS_UNSEEN_FLAG, changes_checked
from schemas.records import StatRow

HEADER = "1 S¥ N6i dung chi tiéu DVT Nam Nam _ | Tang (+), | Sosanh Ghi"


def _row(value: float, raw: str, note: str) -> StatRow:
    return StatRow(
        code="6",
        indicator="Số cán bộ, công chức cấp xã",
        unit="Người",
        value=value,
        value_raw=raw,
        note=note,
        confidence=1.0,
    )


def test_two_periods_and_their_difference_under_a_header_naming_none_doubt_the_value():
    rows = changes_checked([_row(17, "17", "24_- 7) aaa"), _row(17, "17", "23+ +6) iss")], HEADER, ocr=True)
    assert all(PERIODS_UNSEEN_FLAG in r.flags and r.confidence == 0.5 for r in rows)


def test_figures_that_are_no_two_periods_leave_the_value_as_read():
    rows = [
        _row(17, "17", "24 3"),  # 24 less 17 is not 3
        _row(17, "17", "17 0 100"),  # both periods one figure: either reading is 17
        _row(17, "17", "Đạt"),
        _row(4, "4", "0 4 0 0 0 0"),  # a row of months: 4 is 4 from 0 by chance
        _row(1, "1", "0 1"),  # (the other figure 0: any value is its difference from it)
    ]
    assert changes_checked(rows, HEADER, ocr=True) == rows
    # Typed text prints its header's labels: nothing to doubt there.
    assert changes_checked([_row(17, "17", "24 7")], HEADER, ocr=False)[0].flags == []

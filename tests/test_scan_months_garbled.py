"""A scanned annex by month ("Kết quả thực hiện" over "T1 | T2 | … | T12 | Cả năm") whose month
labels Tesseract garbled past counting ("1 | 2 | TA | 4 | T5 | T6 | 7 | T8 | ra | 1 | 1 | 12 | Cả
năm"): the row still names months outright beside the whole year's label, its other cells scraps, so
it is the header's (``stat_period_parts.counts_months``), and the year's column holds each row's
figure. On 488dbd93 the row was read as the table's first body row: the months were no header, the
first month's figures were taken for the year's (seed 12131's S24 scan of N46: 10 of 24 right)."""

from __future__ import annotations

from pathlib import Path

import pytest

from cchc_extract.pipeline import convert_file
from extract.segment.stat_period_parts import counts_months

DATA = Path(__file__).parent / "data" / "scans66"


def test_months_garbled_past_counting_still_head_the_table():
    # two readings Tesseract gave of the same row (the PDF page, and the page saved as a JPEG)
    assert counts_months(["", "", "", "1", "2", "TA", "4", "T5", "T6", "7", "T8", "ra", "1", "1", "12", "Cả năm", ""])
    assert counts_months(["", "", "", "1", "2", "TA", "4", "T5", "T6", "7", "8", "Tọa", "1", "1", "12", "Cả năm", ""])
    # a row of the body names a code, a name and figures, never two months
    body = ["3", "Số phản ánh, kiến nghị", "Phản ánh", "1", "3", "5", "1", "2", "2", "1", "1", "1", "1", "1", "1", "20"]
    assert not counts_months(body)
    # one month named is no header of months, nor two months without the whole's label
    assert not counts_months(["", "T5", "7", "8", "Cả năm"])
    assert not counts_months(["", "T5", "T6", "7", "8", ""])
    # a name among the cells: no header
    assert not counts_months(["", "T5", "T6", "Số hồ sơ tiếp nhận", "Cả năm"])


@pytest.mark.needs_tesseract
def test_a_scanned_annex_by_month_reads_the_years_column():
    result = convert_file(DATA / "s12131-s24-i1-n46-twelve-months-page2-top.jpg", "page2")
    (annex,) = result.statistics
    # the generator's truth (s24-i1-n46-i1-twelve-months-part-share.pdf.truth.json), the rows the crop holds
    truth = {"1": 6, "2": 12, "2.1": 10, "2.2": 2, "2.3": 78.33, "3": 20, "3.1": 16, "3.2": 4, "3.3": 80}
    assert {r.code: r.value for r in annex.rows} == truth

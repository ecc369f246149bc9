"""A scanned annex by month ("Kết quả thực hiện" over "T1 | … | T12 | Lũy kế năm 2024") whose months
lost their "T" and whose running total's word Tesseract garbled ("Lẫy kế năm 2024", "Lẫãy kế",
"Lñy kế": the "ũ" of "Lũy" read as another letter): the column right beside twelve counted months
names their year, so it is the whole period's (``stat_period_parts._whole_beside_months``), the
numbers' row is the header's, and each row's figure is the year's, not January's.

On fc109027 (held-out seed 14001's S24 scan of N46, page 2) no whole was found: the months' row was
read as an item "1" (its figure 1), the real item 1 pushed under "1.1", and the first month's
figures taken for the year's (2 for 178, 1 for 164, 1 for 14, 50 for 92,13, 0 for 4): 8 of 14
right. The labels below are the rows Tesseract gave of that page: the PDF page itself, and the
page saved again as a PDF of its image (JPEG quality 50, and cut below the title at quality 40);
the same page cut apart reads "Lũy" right, so no crop of it holds the failure."""

from __future__ import annotations

import pytest

from extract.segment.stat_period_parts import bare_month_columns, counts_months, whole_period_column

_MONTHS = [str(m) for m in range(1, 13)]


@pytest.mark.parametrize("whole", ["Lẫy kế năm 2024", "Lẫãy kế năm 2024", "Lñy kế năm 2024", "Lũy kế năm 2024"])
def test_the_column_naming_the_months_year_is_the_whole(whole):
    months_row = ["", "", "", *_MONTHS, whole, ""]
    assert bare_month_columns(months_row) == list(range(3, 15))
    assert whole_period_column(months_row) == 15
    # the months' row is the table's header, not an item "1"
    assert counts_months(months_row)


def test_the_body_rows_of_that_scan_stay_rows():
    # rows Tesseract read from the same page (generator's truth: item 2 = 178 for the year, 2.3 =
    # 92,13%; s24-i1-n46-i1-twelve-months-part-share.pdf.truth.json)
    row2 = ["2", "'Tổng số hồ sơ TTHC tiếp nhân trong kỳ", "Hồ sơ"]
    row2 += ["2", "5", "6", "2", "5", "11", "7", "7", "27", "6", "76", "24", "178", ""]
    row23 = ["23", "Tỷ lệ hồ sơ tiếp nhận trực tuyến", ""]
    row23 += [
        "50",
        "80",
        "83,33",
        "50",
        "80",
        "90,91",
        "85,71",
        "85,71",
        "96,3",
        "66,67",
        "97,37",
        "95,83",
        "92,13",
        "",
    ]
    assert not counts_months(row2)
    assert not counts_months(row23)


def test_a_year_is_no_whole_where_the_months_do_not_count():
    # a share's column naming the year is none, and a year beside no run of months says nothing
    assert whole_period_column(["", "", "", *_MONTHS, "Tỷ lệ (%) năm 2024", ""]) is None
    assert whole_period_column(["STT", "Nội dung", "Năm 2023", "Năm 2024"]) is None
    # two columns beside the run both naming a year: no guess
    assert bare_month_columns(["", "", "Năm 2024", *_MONTHS, "Năm 2024"]) == []

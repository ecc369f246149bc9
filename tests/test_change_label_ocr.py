"""A header comparing two periods whose change label OCR specked or wrapped (seed 18001's D17 dump
d17-i3, lines 30-32: "Nam -_Nam Tang So-sanh" over "2023 2024 (+)/giam (%)"): the label still says
two periods are compared, the years' order which is this period's (``stat_periods.this_period_first``),
so each row's value is this year's figure, not last year's the line reader took first. Headers and
rows as the dump prints them; the values the generator's truth file's."""

from __future__ import annotations

import pytest

from extract.segment.stat_line_compare import CHANGE_DISAGREES_FLAG, changes_checked, this_period_cells
from extract.segment.stat_periods import this_period_first
from schemas.records import StatRow

# (lines 30-32 as the line reader joins them)
SPECKED = "ST Noi dung chi tiéu DVT. Nam -_Nam Tang So-sanh Ghi Aw 2023 2024 (+)/giam (%) © cha (-) i"


@pytest.mark.parametrize(
    "header",
    [
        SPECKED,
        "Nam -_Nam Tang So_sanh Ghi 2023 2024",  # (the speck between the words alone)
        "Nam Nam Tang Ghi 2023 2024 (+)/giam",  # (the sign's bracket before the wrapped word alone)
    ],
)
def test_a_specked_or_wrapped_change_label_names_two_periods(header):
    assert this_period_first(header) is False  # (2023 before 2024: this period printed second)


@pytest.mark.parametrize(
    ("value", "note", "want"),
    [
        ("18", "16 -2 88,9", "16"),  # line 33, row 1: truth 16
        ("518", "465 -53 89,8", "465"),  # line 34, row 2: truth 465
        ("117", "105 -12 89,7", "105"),  # line 40, row 3: truth 105
    ],
)
def test_this_years_figure_is_the_value(value, note, want):
    assert this_period_cells(value, note, this_period_first(SPECKED))[0] == want


def test_a_row_short_of_a_figure_that_agrees_with_neither_reading_is_doubted():
    """Row 2.3, line 37 "Ho so 20. 18 5) 90": last year's 20 read into the unit, so the change's 5 was
    taken for this year's figure (truth 18): 5 is neither 90% of 18 nor 90 from it, so it is doubted;
    the same row read right (18 beside 20 and 90%) is not."""
    misplaced = StatRow(code="2.3", unit="Hồ sơ 20.", value=5.0, value_raw="5)", note="18 90")
    right = StatRow(code="2.3", unit="Hồ sơ", value=18.0, value_raw="18", note="20 90")
    for header in (SPECKED, "STT Nội dung ĐVT Năm 2023 Năm 2024 Tăng (+), giảm (-) So sánh (%)"):
        flagged = [CHANGE_DISAGREES_FLAG in r.flags for r in changes_checked([misplaced, right], header, ocr=True)]
        assert flagged == [True, False]

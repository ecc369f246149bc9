"""A header comparing two periods whose change label OCR specked or wrapped (seed 18001's D17 dump
d17-i3, lines 30-32: "Nam -_Nam Tang So-sanh" over "2023 2024 (+)/giam (%)"): the label still says
two periods are compared, the years' order which is this period's (``stat_periods.this_period_first``),
so each row's value is this year's figure, not last year's the line reader took first. Headers and
rows as the dump prints them; the values the generator's truth file's."""

from __future__ import annotations

import pytest

from extract.segment.stat_line_compare import this_period_cells
from extract.segment.stat_periods import this_period_first

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

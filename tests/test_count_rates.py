"""A rate printed with a "trong đó" breakdown tells whether the list names the whole: a "trong đó"
list may name only some parts (parts short of the total are then no fault), but a rate the writer
worked out of the parts ("đạt 71,43%" = 10 of 10 + 4) says the parts are the whole, so a total
above their sum is the commune's inconsistency. Sentences in the style of six-month reports, own
wording, fictional figures; the expected status is the arithmetic of each sentence."""

import pytest

from test_counts_heldout import observe


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # 10 / (10 + 4) = 71,43%, while 10 / 18 = 55,56%: the parts are the whole, 18 is wrong.
        (
            "Tiếp nhận 18 phản ánh, kiến nghị của người dân, trong đó đã xử lý 10 phản ánh, đang xử lý 04 "
            "phản ánh (đạt 71,43%).",
            [(18, [10, 4], "mismatch")],
        ),
        # The same sentence consistent: 10 / 14.
        (
            "Tiếp nhận 14 phản ánh, kiến nghị của người dân, trong đó đã xử lý 10 phản ánh, đang xử lý 04 "
            "phản ánh (đạt 71,43%).",
            [(14, [10, 4], "ok")],
        ),
        # The rate is 10 of the total 20: the list names only some parts (the rest not yet handled).
        (
            "Tiếp nhận 20 phản ánh, kiến nghị của người dân, trong đó đã xử lý 10 phản ánh, đang xử lý 04 "
            "phản ánh (đạt 50%).",
            [(20, [10, 4], "skipped")],
        ),
        # No rate: a "trong đó" list short of its total stays unchecked.
        (
            "Tiếp nhận 18 phản ánh, kiến nghị của người dân, trong đó đã xử lý 10 phản ánh, đang xử lý 04 phản ánh.",
            [(18, [10, 4], "skipped")],
        ),
    ],
)
def test_rate_over_the_parts(sentence, expected):
    assert observe(sentence) == expected

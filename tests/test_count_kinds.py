"""Counts whose unit is printed elsewhere than right after the number (``count_kinds``), and the
"trong số đó / trong số này" opener. Own wording in the style of commune reports, fictional figures;
the expected status is the arithmetic of each sentence."""

import pytest

from test_counts_heldout import observe


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # the kinds listed before the bracket of their figures; the figure after the bracket is no part
        (
            "Toàn xã hiện có 24 cán bộ, công chức (11 cán bộ, 13 công chức), trong số này 11 người có trình độ "
            "đại học trở lên.",
            [(24, [11, 13], "ok")],
        ),
        (
            "Toàn xã hiện có 26 cán bộ, công chức (11 cán bộ, 13 công chức), trong số này 11 người có trình độ "
            "đại học trở lên.",
            [(26, [11, 13], "mismatch")],
        ),
        (
            "Đơn vị có 30 cán bộ, công chức và người hoạt động không chuyên trách (8 cán bộ, 12 công chức, "
            "10 người hoạt động không chuyên trách).",
            [(30, [8, 12, 10], "ok")],
        ),
        # a bracket whose figures name other things is no breakdown of the kinds listed
        ("Xã có 24 cán bộ, công chức (đạt chuẩn 20 người, chưa đạt 4 người).", []),
        # "trong số đó" names some parts: short of the total it is no fault, above it it is one
        (
            "UBND xã tiếp nhận 26 phản ánh, kiến nghị của người dân, trong số đó có 20 phản ánh đã được xử lý "
            "xong, 4 phản ánh đang xem xét, xử lý.",
            [(26, [20, 4], "skipped")],
        ),
        (
            "UBND xã tiếp nhận 22 phản ánh, kiến nghị, trong số đó có 20 phản ánh đã được xử lý xong, "
            "4 phản ánh đang xem xét, xử lý.",
            [(22, [20, 4], "mismatch")],
        ),
        # the unit named in the figure's heading
        (
            "Số hồ sơ đã giải quyết: 1.250 (hồ sơ giải quyết đúng hạn là 1.200 hồ sơ, quá hạn là 40 hồ sơ).",
            [(1250, [1200, 40], "mismatch")],
        ),
        (
            "Tổng số hồ sơ tiếp nhận là 1.240, trong đó trực tuyến 1.000 hồ sơ, trực tiếp 240 hồ sơ.",
            [(1240, [1000, 240], "ok")],
        ),
        # the breakdown opens the next sentence ("… là 1.500 bộ. Trong đó, …")
        (
            "Tổng số hồ sơ của toàn xã trong kỳ là 1.500 bộ. Trong đó, số hồ sơ mới tiếp nhận là 1.420 bộ; "
            "số hồ sơ kỳ trước chuyển sang là 80 bộ.",
            [(1500, [1420, 80], "ok")],
        ),
        # a count between the total and the next sentence's opener: no breakdown across the stop
        ("Xã có 1.500 hộ dân, 12 thôn. Trong đó, 300 hộ nghèo.", []),
    ],
)
def test_count_whose_unit_is_printed_apart(sentence, expected):
    assert observe(sentence) == expected

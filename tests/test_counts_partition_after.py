"""Issue 14 item 1: a total whose parts follow its comma with no opener ("trong đó", "gồm"), each
labelled by one partition of it, is a breakdown. The shape is a published report's (Lâm Đồng's
quarter I 2020 one-stop figures, the province level: "đã giải quyết … hồ sơ, đúng và trước hạn …
hồ sơ, đạt tỷ lệ …%; quá hạn còn … hồ sơ, chiếm tỷ lệ …%"; baolamdong.vn/doi-song/202003/
tren-7600-ho-so-bi-qua-han-trong-quy-i-2993657), written here in its structure with other figures:
it was not read at all, so a slip in it went unflagged. Labels of no one partition ("hồ sơ đến hạn
giải quyết" beside "trả trước và đúng hạn" and "quá hạn": Vĩnh Phúc's monthly figures,
vinhphuc.gov.vn ItemID=3105) are a list of other counts, never a breakdown to fault."""

from __future__ import annotations

from benchmarks.narrative_real import observe_counts
from extract.segment.count_words import partition_labels

_SHAPE = (
    "Quý I, UBND xã đã tiếp nhận 575 hồ sơ; đã giải quyết 560 hồ sơ, đúng và trước hạn {on_time} hồ sơ,"
    " đạt tỷ lệ 98,57%; quá hạn còn 8 hồ sơ, chiếm tỷ lệ 1,43%."
)


def test_parts_after_the_totals_comma_labelled_by_one_partition_break_it_down():
    assert observe_counts(_SHAPE.format(on_time=552)) == [(560.0, [552.0, 8.0], "ok")]


def test_a_slip_in_that_shape_is_the_communes_fault():
    assert observe_counts(_SHAPE.format(on_time=550)) == [(560.0, [550.0, 8.0], "mismatch")]


def test_figures_of_no_one_partition_after_a_total_are_no_breakdown():
    sentence = (
        "Trong tháng, UBND xã đã tiếp nhận mới 1.630 hồ sơ, hồ sơ trả trước và đúng hạn là 1.255 hồ sơ"
        " (đạt 96,54%), hồ sơ đến hạn giải quyết 1.300 hồ sơ, hồ sơ quá hạn giải quyết nhưng chưa có kết"
        " quả 45 hồ sơ chiếm 3,46 %."
    )
    assert all(status != "mismatch" for *_x, status in observe_counts(sentence))
    assert partition_labels(["đúng và trước hạn", "quá hạn còn"])
    assert not partition_labels(["trả trước và đúng hạn", "đến hạn giải quyết", "quá hạn"])

"""An annex whose value cell prints its unit too before the unit column ("21 lượt | Lượt": N63's
"unit last, carried"), as a real Tesseract 5 dump gives it (``annex69/d14001-n63-unit-last-
carried-psm3.txt``: the D24 dump of seed 14001, ``vie``, ``--psm 3``, degraded). The line cutter
took the unit column for the unit and, no figure after it, told every figure lost; the number
the row's own unit follows is the figure. The values asserted are the generator's truth."""

from __future__ import annotations

from annex69_data import DATA, truth_values
from cchc_extract.pipeline import convert_file, result_to_json
from extract.segment.stat_unit_echo import figure_before_echoed_unit

DUMP = DATA / "d14001-n63-unit-last-carried-psm3.txt"


def test_the_figure_before_the_rows_own_unit_is_read():
    truth = truth_values(DUMP, "indicator")
    (annex,) = result_to_json(convert_file(DUMP))["statistics"]

    def read(indicator: str) -> float | None:
        return next(r["value"] for r in annex["rows"] if r["indicator"].startswith(indicator))

    # "1 | Số cuộc tuyên truyền CCHC 21 lượt Lượt", "3.1 | Giải quyết trước hạn |_ 279hồsơ Hồ sơ"
    # (glued), "… trực tuyến |_ 417hồ sơ - Ƒ . Hồ sơ" (specks after), "… 2n _~15 văn bản Văn bản"
    for indicator in (
        "Số cuộc tuyên truyền CCHC",
        "Số cán bộ, công chức chưa đạt chuẩn",
        "Số hồ sơ TTHC đã giải quyết",
        "Giải quyết trước hạn",
        "Số hồ sơ tiếp nhận trực tuyến",
        "Số TTHC cung cấp dịch vụ công trực tuyến một phần",
    ):
        assert read(indicator) == truth[indicator], indicator
    assert truth["Số cuộc tuyên truyền CCHC"] == 21.0 and truth["Giải quyết trước hạn"] == 279.0


def test_a_number_followed_by_other_words_or_half_a_unit_stays_the_indicators():
    assert figure_before_echoed_unit("Số cuộc tuyên truyền CCHC 21 lượt", "Lượt") == ("Số cuộc tuyên truyền CCHC", "21")
    assert figure_before_echoed_unit("Giải quyết trước hạn 279hồsơ", "Hồ sơ") == ("Giải quyết trước hạn", "279")
    # a deadline's days are the indicator's wording, not its figure in another unit
    assert figure_before_echoed_unit("Số hồ sơ giải quyết trong 3 ngày", "Hồ sơ") is None
    # "444hồs" for 449 hồ sơ: half the unit read, the figure stays told lost
    assert figure_before_echoed_unit("Tổng số hồ sơ TTHC tiếp nhận trong kỳ 444hồs Ù", "Hỗ SƠ") is None
    assert figure_before_echoed_unit("Tỷ lệ hồ sơ 92,87", "%") is None

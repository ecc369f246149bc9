"""A scale item's closing punctuation after its points is no part of it: the list's ";" or a
full stop, and on a scan a speck read as one ("1 .", "0 điểm."). Cell texts as a 150-dpi scan's
OCR printed them (seeds 801, 901, 1052: S03 and S07); a decimal comma stays."""

from __future__ import annotations

from extract.segment.scale_lines import scale_line_text, split_scale, unbulleted_scale


def test_a_speck_after_a_bulleted_items_points_is_dropped():
    name, items = split_scale(
        "Cải cách tổ chức bộ máy hành chính - Hoàn thành 100% kế hoạch: 11 điểm. "
        "- Hoàn thành từ 80% đến dưới 100% kế hoạch: 5,5 điểm - Hoàn thành dưới 80% kế hoạch: 0 điểm."
    )
    assert name == "Cải cách tổ chức bộ máy hành chính"
    assert items == [
        "Hoàn thành 100% kế hoạch: 11 điểm",
        "Hoàn thành từ 80% đến dưới 100% kế hoạch: 5,5 điểm",
        "Hoàn thành dưới 80% kế hoạch: 0 điểm",
    ]
    _, items = split_scale("Xác định đầy đủ nhiệm vụ - Có bố trí kinh phí: 1 . - Không bố trí kinh phí: 0;")
    assert items == ["Có bố trí kinh phí: 1", "Không bố trí kinh phí: 0"]


def test_an_ocr_scale_line_and_an_unbulleted_item_lose_their_closing_speck_not_their_decimals():
    assert scale_line_text("- Đạt yêu cầu: 1.") == "Đạt yêu cầu: 1"
    assert scale_line_text("+ Hoàn thành từ 80% đến dưới 100%: 1,5") == "Hoàn thành từ 80% đến dưới 100%: 1,5"
    assert unbulleted_scale(
        ["Ban hành kế hoạch CCHC năm", "Ban hành đúng thời hạn: 1 điểm.", "Ban hành chậm: 0,5 điểm"]
    ) == (
        "Ban hành kế hoạch CCHC năm",
        ["Ban hành đúng thời hạn: 1 điểm", "Ban hành chậm: 0,5 điểm"],
    )

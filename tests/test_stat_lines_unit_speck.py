"""A report's numbered statistics lines (``extract/segment/body_stat_lines.py``) read from a scan
whose paper put a speck between a figure and its unit: "99-hồ sơ" is 99 hồ sơ."""

from __future__ import annotations

from extract.model import IngestedDocument, Line, Page
from extract.segment.body_stat_lines import body_stat_lines

# The lines as Tesseract read them from a real scan (spent seed 10001, S22 instance 3: the scan of
# N40's statistics printed inline, one page): item 3's part "giải quyết đúng hạn: 99-hồ sơ".
LINES = [
    "Một số chỉ tiêu chủ yếu đạt được trong kỳ:",
    "1. Số cuộc kiểm tra CCHC đã thực hiện: 3 cuộc.",
    "2. Tổng số thủ tục hành chính thuộc thẩm quyền giải quyết của UBND xã: 137 thủ tục",
    "(trong đó: số TTHC cung cấp dịch vụ công trực tuyến toàn trình: 89 thủ tục; số TTHC cung",
    "cấp dịch vụ công trực tuyến một phần: 47 thủ tục; số TTHC chỉ cung cấp thông tin: 1 thủ",
    "tục; tỷ lệ TTHC cung cấp dịch vụ công trực tuyến toàn trình đạt 64,96%).",
    "3. Số hồ sơ TTHC đã giải quyết: 251 hồ sơ (trong đó: giải quyết trước hạn: 143 hồ sơ; giải",
    "quyết đúng hạn: 99-hồ sơ; giải quyết quá hạn: 9 hồ sơ; tỷ lệ hồ sơ giải quyết trước hạn và",
    "đúng hạn đạt 96,41%).",
    "4. Số nhiệm vụ trong Kế hoạch CCHC năm: 18 nhiệm vụ (trong đó: số nhiệm vụ đã hoàn",
    "thành: 18 nhiệm vụ; số nhiệm vụ chưa hoàn thành: 0 nhiệm vụ; tỷ lệ hoàn thành Kế hoạch",
    "CCHC năm đạt 92,75%).",
    "II. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI",
]


def test_a_dash_between_a_figure_and_its_unit_is_a_speck():
    doc = IngestedDocument(
        path="x.pdf",
        format="pdf",
        pages=[Page(1, [Line(text=t, page=1, number=10 + i) for i, t in enumerate(LINES)], method="ocr")],
    )
    (annex,) = body_stat_lines(doc).annexes
    rows = [(r.indicator, r.value, r.unit) for r in annex.rows]
    # the generator's truth for item 3 and its parts (the parts print no code)
    for indicator, value in [
        ("Số hồ sơ TTHC đã giải quyết", 251.0),
        ("Giải quyết trước hạn", 143.0),
        ("Giải quyết đúng hạn", 99.0),
        ("Giải quyết quá hạn", 9.0),
        ("Tỷ lệ hồ sơ giải quyết trước hạn và đúng hạn", 96.41),
    ]:
        assert any(i.lstrip("- ").lower() == indicator.lower() and v == value for i, v, _ in rows), indicator
    assert next(u for i, v, u in rows if v == 99.0) == "hồ sơ"
    assert len(rows) == 1 + 5 + 5 + 4  # items 1 to 4 and their parts

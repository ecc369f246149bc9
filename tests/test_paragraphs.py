"""Printed lines of a layout page joined into paragraphs (extract/segment/paragraphs.py)."""

from extract.model import IngestedDocument, Line, Page
from extract.segment.paragraphs import reading_lines


def _page(*texts: str, gap: float = 8.0) -> IngestedDocument:
    """OCR'd lines 40 high, ``gap`` apart (a 150-dpi scan's blur leaves little space between them)."""
    lines, top = [], 100.0
    for k, text in enumerate(texts, start=1):
        lines.append(Line(text=text, page=1, number=k, bbox=(100.0, top, 2000.0, top + 40.0)))
        top += 40.0 + gap
    return IngestedDocument(path="scan.pdf", format="pdf", pages=[Page(number=1, blocks=lines, method="ocr")])


def test_a_numbered_heading_in_capitals_ends_where_its_text_starts():
    # A 3°-askew 150-dpi scan (S05 extreme, seed 120): "II. CHỈ TIÊU CỤ THỂ |" had taken the
    # targets under it into one paragraph, and no target was found under the heading.
    doc = _page("II. CHỈ TIÊU CỤ THỂ |", "Tỷ lệ hồ sơ được xử lý trên môi trường mạng đạt 63%.", "Tỷ lệ văn bản")
    assert [ln.text for ln in reading_lines(doc)] == [
        "II. CHỈ TIÊU CỤ THỂ |",
        "Tỷ lệ hồ sơ được xử lý trên môi trường mạng đạt 63%. Tỷ lệ văn bản",
    ]
    # a heading's title wrapped onto a second line in capitals stays one heading
    doc = _page("II. NHIỆM VỤ, GIẢI PHÁP KHẮC PHỤC CÁC TIÊU CHÍ", "BỊ TRỪ ĐIỂM")
    assert [ln.text for ln in reading_lines(doc)] == ["II. NHIỆM VỤ, GIẢI PHÁP KHẮC PHỤC CÁC TIÊU CHÍ BỊ TRỪ ĐIỂM"]

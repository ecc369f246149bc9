"""A scanned plan's target sentences that gave no target are told unread (extract/segment/unread_targets.py),
never dropped; targets read, typed plans, tasks and reports' results are not told."""

from __future__ import annotations

import pytest
from PIL import Image, ImageDraw, ImageFont

from extract.model import IngestedDocument, Line, Page
from extract.segment.targets import find_targets
from extract.segment.unread_targets import unread_targets

# A plan's lines as OCR reads a scan of it; its objectives heading "I. MỤC TIÊU" spoilt ("L MỤC TLÊU").
PLAN = [
    "KẾ HOẠCH Cải cách hành chính năm 2025",
    "{heading}",
    "- Tỷ lệ hồ sơ thủ tục hành chính được giải quyết đúng hạn đạt 98%.",
    "- 100% thủ tục hành chính được công khai đầy đủ tại Bộ phận Một cửa.",
    "- Có tối thiểu 02 sáng kiến cải cách hành chính được công nhận.",
    "II. NHIỆM VỤ CỤ THỂ",
    "1. Số hóa 100% hồ sơ, kết quả giải quyết thủ tục hành chính (chủ trì: Văn phòng).",
]


def _doc(lines: list[str], conf: float | None = 0.9) -> IngestedDocument:
    page = Page(number=1, blocks=[Line(text, 1, k + 1, conf=conf) for k, text in enumerate(lines)], method="ocr")
    return IngestedDocument(path="x.pdf", format="pdf", pages=[page])


def _told(doc: IngestedDocument):
    sources = {(t.source.page, t.source.line_start) for t in find_targets(doc)}
    return unread_targets(doc, lambda line, page: (page, line.number) in sources)


def test_a_plan_whose_objectives_heading_ocr_spoilt_tells_its_target_lines():
    doc = _doc([t.format(heading="L MỤC TLÊU") for t in PLAN])
    assert find_targets(doc) == []  # the heading unrecognised: the targets are lost to the reader
    parts = _told(doc)
    assert len(parts) == 1
    part = parts[0]
    assert (part.kind, part.page, part.line_start, part.line_end) == ("rows", 1, 3, 5)
    assert part.reason.startswith("3 line(s) of the plan state a target's figure")
    assert "đạt 98%" in part.text_sample and "tối thiểu 02" in part.text_sample
    assert "Số hóa" not in part.text_sample  # a task's share under "NHIỆM VỤ" is no target


def test_targets_read_are_not_told():
    doc = _doc([t.format(heading="I. MỤC TIÊU") for t in PLAN])
    assert len(find_targets(doc)) == 3
    assert _told(doc) == []


def test_a_typed_plan_tells_nothing():
    # typed text prints its headings as typed: a sentence that gave no target there was none
    assert _told(_doc([t.format(heading="L MỤC TLÊU") for t in PLAN], conf=None)) == []


def test_a_report_and_past_results_tell_nothing():
    report = ["BÁO CÁO Kết quả cải cách hành chính năm 2025", *PLAN[2:5]]
    assert _told(_doc(report)) == []
    results = [PLAN[0], "I. KẾT QUẢ THỰC HIỆN NĂM TRƯỚC", *PLAN[2:5]]
    assert _told(_doc(results)) == []


def test_points_stated_are_no_target():
    lines = [PLAN[0], "L MỤC TLÊU", "- Chỉ số cải cách hành chính đạt tối thiểu 85/100 điểm.", "- Đạt 90% điểm tối đa."]
    assert _told(_doc(lines)) == []


FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"
SCAN = [
    "KẾ HOẠCH",
    "Cải cách hành chính năm 2025",
    "",
    "I. MỤC TIÊU",
    "- Tỷ lệ hồ sơ thủ tục hành chính giải quyết đúng hạn đạt 98%.",
    "- 100% thủ tục hành chính được công khai tại Bộ phận Một cửa.",
    "II. NHIỆM VỤ CỤ THỂ",
    "1. Rà soát, đơn giản hóa thủ tục hành chính.",
]


@pytest.mark.needs_tesseract
def test_a_scan_whose_objectives_heading_a_stain_covers_tells_its_targets(tmp_path):
    import cchc_extract

    image = Image.new("L", (2480, 200 + 110 * len(SCAN)), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(FONT, 40)
    for k, text in enumerate(SCAN):
        y = 100 + 110 * k
        draw.text((200, y), text, font=font, fill=0)
        if text == "I. MỤC TIÊU":
            draw.rectangle((190, y + 5, 520, y + 40), fill=0)  # a stain across the heading
    path = tmp_path / "plan.png"
    image.save(path)
    result = cchc_extract.convert(str(path))
    assert result.extraction.targets == []  # the heading lost, no target is read
    assert len(result.unread) == 1
    part = result.unread[0]
    assert part.kind == "rows" and part.reason.startswith("2 line(s) of the plan state a target's figure")
    assert "đạt 98%" in part.text_sample and "100% thủ tục" in part.text_sample
    assert [(r.item, r.field) for r in result.review] == [("/unread/0", None)]

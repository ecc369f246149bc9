"""A plan part's heading whose numeral OCR misread behind a speck (seed 18001's S21 instance 4, a
scanned N37 plan: "- I.MỤC TIÊU" for "II. MỤC TIÊU", then "- HL NHIỆM VỤ VÀ GIẢI PHÁP" for "III.").
Before, the dash kept the line from reading as a heading, so the four targets under it (the
generator's truth: "không dưới 03 sáng kiến", "75%", "tối thiểu 03 cuộc", "22 tỷ đồng") were told
unread and none was read. The line is the heading its title names; a title naming no plan part
("- UBND HUYỆN") and a signature's "TL CHỦ TỊCH" stay as they are."""

from __future__ import annotations

from extract.model import Line
from extract.segment.narrative import NarrativeSettings
from extract.segment.target_headings import heading_parted


def _parted(text: str) -> list[str]:
    return [line.text for line in heading_parted(Line(text=text, page=1, number=8), NarrativeSettings())]


def test_a_part_heading_behind_a_speck_is_a_heading():
    assert _parted("- I.MỤC TIÊU") == ["I. MỤC TIÊU"]
    assert _parted("- HL NHIỆM VỤ VÀ GIẢI PHÁP") == ["I. NHIỆM VỤ VÀ GIẢI PHÁP"]
    assert _parted("ILMỤC TIÊU _") == ["I. MỤC TIÊU"]


def test_capitals_naming_no_plan_part_stay():
    for text in ("TL CHỦ TỊCH", "- UBND HUYỆN", "HĐND XÃ"):
        assert _parted(text) == [text]

"""A scanned plan's range target whose floor OCR read with a letter for a digit (seed 14001's S25
scan of P07, instance 1: "phấn đấu đạt từ 86 - 96%" read "từ 8G - 96%"). No figure read the "8G",
so the target came out as the ceiling alone (96, no comparator) and the line was told as unread.
A range's ends of digits and look-alike letters (at least one digit each) that read as a rising
range of shares are put back in digits (``target_signs.range_digits``). The lines are Tesseract's
on that page (the truth the generator's: the five targets of 2024, the last "≥ 86, up to 96 %")."""

from __future__ import annotations

from extract.model import IngestedDocument, Line, Page
from extract.segment.target_signs import range_digits
from extract.segment.targets import find_targets
from extract.segment.unread_targets import unread_targets

READ = [
    (4, "KẾ HOẠCH Cải cách hành chính năm 2024"),
    (6, "I. MỤC ĐÍCH, YÊU CẦU"),
    (9, "I. MỤC TIÊU"),
    (10, "+ Số sáng kiến, giải pháp cải cách hành chính được công nhận đạt 01 sáng kiến."),
    (11, "+ Tỷ lệ hồ sơ thủ tục hành chính được giải quyết trước và đúng hạn đạt 98%."),
    (12, "+ Tỷ lệ hồ sơ công việc được xử lý trên môi trường mạng đạt 64%."),
    (13, "+ Tỷ lệ phản ánh, kiến nghị quá hạn xử lý phấn đấu đạt 4%."),
    (14, "+ Mức độ hài lòng của người dân, tổ chức đối với sự phục vụ của UBND xã phấn đấu đạt từ 8G - 96%."),
    (16, "II. NHIỆM VỤ VÀ GIẢI PHÁP"),
]
# (comparator, value, value_max, unit) of the truth's five targets, all of 2024
TRUTH = {
    ("=", 1.0, None, "sáng kiến"),
    ("=", 98.0, None, "%"),
    ("=", 64.0, None, "%"),
    ("=", 4.0, None, "%"),
    (">=", 86.0, 96.0, "%"),
}


def _doc() -> IngestedDocument:
    lines = [Line(text=t, page=1, number=n, conf=0.92) for n, t in READ]
    return IngestedDocument(path="x.pdf", format="pdf", pages=[Page(1, lines, method="ocr")])


def test_a_range_floor_ocr_read_with_a_letter():
    targets = find_targets(_doc(), default_year=2024)
    assert {(t.comparator, t.value, t.value_max, t.unit) for t in targets} == TRUTH
    assert {t.year for t in targets} == {2024}
    # read whole: nothing told as unread
    assert unread_targets(_doc(), lambda line, page: True, targets=targets) == []


def test_only_a_rising_share_range_is_mended():
    assert range_digits("đạt từ 8G - 96%") == "đạt từ 86 - 96%"
    assert range_digits("đạt từ 9G - 86%") == "đạt từ 9G - 86%"  # 96 over 86: not a range
    assert range_digits("đạt từ Gb - 96%") == "đạt từ Gb - 96%"  # no digit: no figure
    assert range_digits("đạt từ 80 - 9O%") == "đạt từ 80 - 90%"

"""A scanned plan's objectives heading whose numeral OCR glued to its title (seed 12001's S21 scan
of N37, instance 4: "II. MỤC TIÊU" read "ILMỤC TIÊU _", the numeral's stop read as an "L"). The
heading went unread, so the targets under it stated with no target word of their own ("đạt trên
02 cuộc", "đạt dưới 3%") were lost (told as unread since, not read): two of the plan's four. A
numeral's look-alikes glued to a title that names a plan's part is that part's heading
(``target_headings._lone_part_heading``). The lines are Tesseract's on that page; the truth the generator's."""

from __future__ import annotations

from extract.model import IngestedDocument, Line, Page
from extract.segment.targets import find_targets

READ = [
    "I. MỤC ĐÍCH, YÊU CẦU",
    "Triển khai đồng bộ, có hiệu quả các nhiệm vụ cải cách hành chính; xác định rõ nhiệm vụ,",
    "thời gian hoàn thành và trách nhiệm của từng bộ phận, cá nhân trong.tổ chức thực hiện.",
    "ILMỤC TIÊU _",
    "Số cuộc kiểm tra công tác cải cách hành chính đạt trên 02 cuộc.",
    "Tỷ lệ phản ánh, kiến nghị quá hạn xử lý đạt dưới 3%.",
    "Tỷ lệ hồ sơ công việc được xử lý trên môi trường mạng phấn đấu đạt ít nhất 75%.",
    "Tỷ lệ hồ sơ thủ tục hành chính giải quyết quá hạn đạt dưới 2%.",
    "II, NHIỆM VỤ VÀ GIẢI PHÁP",
    "Các nhiệm vụ cụ thể, thời gian và đơn vị thực hiện tại Phụ lục kèm theo Kế hoạch này.",
]
# (comparator, value, unit) of the truth's four targets, all of 2026
TRUTH = {(">", 2.0, "cuộc"), ("<", 3.0, "%"), (">=", 75.0, "%"), ("<", 2.0, "%")}


def test_an_objectives_heading_whose_numeral_ocr_glued_to_it():
    lines = [Line(text=t, page=1, number=k + 8, conf=0.9) for k, t in enumerate(READ)]
    doc = IngestedDocument(path="x.pdf", format="pdf", pages=[Page(1, lines, method="ocr")])
    targets = find_targets(doc, default_year=2026)
    assert {(t.comparator, t.value, t.unit) for t in targets} == TRUTH
    assert {t.year for t in targets} == {2026}

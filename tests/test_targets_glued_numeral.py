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


# Seed 17001's S12 scan of P05, instance 10 (a plan of 2024 after its decision): "I. MỤC TIÊU" read
# "- LMỤC TIÊU |", its numeral glued to the title and a rule's speck after it, the reading joining
# it to the paragraph under it (``target_headings._glued_joined_heading``): three of the four
# targets, stated with no target word of their own, were lost untold. Tesseract's lines on page 2
# (a page 2415 × 3414 px) with their boxes.
READ_JOINED = [
    ("'KẾ HOẠCH", (1038, 232, 1364, 295)),
    ("Cải cách hành chính năm 2024", (865, 317, 1555, 369)),
    ("(Ban hành kèm theo Quyết định số 271/QĐ-UBND)", (706, 384, 1711, 431)),
    ("- LMỤC TIÊU |", (193, 505, 670, 569)),
    ("Tỷ lệ hồ sơ thủ tục hành chính được giải quyết trước và đúng hạn đạt không dưới 95%.", (232, 599, 2063, 654)),
    ("Tỷ lệ hồ sơ giải quyết thủ tục hành chính được số hóa đạt không dưới 74%.", (231, 673, 1816, 748)),
    ("Tỷ lệ văn bản trao đổi giữa các cơ quan dưới dạng điện tử đạt 100%.", (231, 751, 1674, 822)),
    ("Tỷ lệ cán bộ, công chức đạt chuẩn theo quy định phấn đấu đạt tối thiếu 95%.", (232, 857, 1846, 908)),
    ("II. NHIỆM VỤ CỤ THỂ", (232, 934, 783, 998)),
    ("1. Cải cách thể chế", (235, 1027, 653, 1068)),
]
# (indicator, comparator, value) of the truth's four targets, all of 2024, in per cent
TRUTH_JOINED = {
    ("Tỷ lệ hồ sơ thủ tục hành chính được giải quyết trước và đúng hạn", ">=", 95.0),
    ("Tỷ lệ hồ sơ giải quyết thủ tục hành chính được số hóa", ">=", 74.0),
    ("Tỷ lệ văn bản trao đổi giữa các cơ quan dưới dạng điện tử", "=", 100.0),
    ("Tỷ lệ cán bộ, công chức đạt chuẩn theo quy định", ">=", 95.0),
}


def test_an_objectives_heading_glued_and_joined_to_its_paragraph():
    lines = [Line(text=t, page=2, number=k + 20, bbox=box, conf=0.9) for k, (t, box) in enumerate(READ_JOINED)]
    doc = IngestedDocument(path="x.pdf", format="pdf", pages=[Page(2, lines, method="ocr")])
    targets = find_targets(doc, default_year=2024)
    assert {(t.indicator, t.comparator, t.value) for t in targets} == TRUTH_JOINED
    assert {(t.unit, t.year) for t in targets} == {("%", 2024)}

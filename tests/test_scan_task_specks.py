"""OCR's specks in the task lists of report scans (issue 11): a value wrapped onto the next
printed line behind a speck read as a bullet, a dash read as "=", a stop or colon between the
syllables of one compound, a space inside a syllable, and a budget's bracket garbled in a
deadline's cell. The OCR text is as Tesseract read the corpus' scans (seed 19001: S09 i8, S27
i4, S30 i4, S32 i4); every expected value is the generator's truth file's."""

from extract.model import IngestedDocument, Line, Page
from extract.segment.task_budget import deadline_and_budget
from extract.segment.task_compound_dash import compound_marks, split_syllables
from extract.segment.task_paragraphs import find_task_paragraphs
from normalize.vietnamese.model import load_model

# S09 i8 page 2: the deadline after "Thời gian thực hiện:" wrapped onto the next printed line,
# where a speck left of the margin was read as a bullet ("- 22/08/2025; …").
_S09_LINES = (
    "= Rà soát, đề xuất đơn giản hóa thủ tục hành chính; sản phẩm: Văn bản chỉ đạo; Phối hợp",
    "thực hiện: Các ngành liên quan; Thời gian thực hiện: Cả năm 2025; Chủ trì thực hiện: Công",
    "chức Tư pháp - Hộ tịch.",
    "4. Cải cách tài chính công",
    "- Xây dựng Quy chế chi tiêu nội bộ năm 2025; sản phẩm: Báo cáo; Thời gian thực hiện:",
    "- 22/08/2025; Phối hợp thực hiện: Các thôn, tổ dân phố; chủ trì: Công chức Tài chính - Kế",
    "toán.",
    "- Quản lý, sử dụng tài sản công đúng quy định; Thời gian thực hiện: Thường xuyên; sản",
    "phẩm: Thông báo; bộ phận chủ trì: Công chức Tư pháp - Hộ tịch; đơn vị phối hợp: Các",
    "thôn, tổ dân phố, Ban Chỉ đạo CCHC xã.",
)


def _page(*texts: str) -> IngestedDocument:
    """An OCR'd page: lines 40 high, 8 apart (a paragraph's line spacing)."""
    lines, top = [], 100.0
    for k, text in enumerate(texts, start=1):
        lines.append(Line(text=text, page=1, number=k, bbox=(160.0, top, 1500.0, top + 40.0)))
        top += 48.0
    return IngestedDocument(path="report.pdf", format="pdf", pages=[Page(number=1, blocks=lines, method="ocr")])


def test_a_value_wrapped_after_its_label_behind_a_speck_bullet_stays_in_its_task():
    tables = find_task_paragraphs(_page(*_S09_LINES))
    rows = [(r.task, r.deadline, r.lead, r.coordinator) for t in tables for r in t.rows]
    assert rows == [
        (
            "Rà soát, đề xuất đơn giản hóa thủ tục hành chính",
            "Cả năm 2025",
            "Công chức Tư pháp - Hộ tịch",
            "Các ngành liên quan",
        ),
        (
            "Xây dựng Quy chế chi tiêu nội bộ năm 2025",
            "22/08/2025",
            "Công chức Tài chính - Kế toán",
            "Các thôn, tổ dân phố",
        ),
        (
            "Quản lý, sử dụng tài sản công đúng quy định",
            "Thường xuyên",
            "Công chức Tư pháp - Hộ tịch",
            "Các thôn, tổ dân phố, Ban Chỉ đạo CCHC xã",
        ),
    ]


def test_a_mark_between_the_syllables_of_one_compound_is_a_speck():
    model = load_model()
    assert compound_marks("Thực hiện quy chế làm.việc của UBND xã", model, -2.0)[0] == (
        "Thực hiện quy chế làm việc của UBND xã"
    )
    assert compound_marks("90% hồ sơ giải: quyết đúng hạn", model, -2.0)[0] == "90% hồ sơ giải quyết đúng hạn"
    # a list's colon closes a phrase: the next word opens another ("gồm" → "các" is no compound)
    assert compound_marks("Kết quả gồm: các thôn", model, -2.0) == ("Kết quả gồm: các thôn", [])
    # an address's stops stand between no syllables
    assert compound_marks("Cổng dichvucong.gov.vn", model, -2.0)[1] == []


def test_a_syllable_split_by_a_space_is_joined():
    model = load_model()
    text, joined = split_syllables("Công bố danh mục văn bản hết h iệu lực, ngưng hiệu lực", model)
    assert text == "Công bố danh mục văn bản hết hiệu lực, ngưng hiệu lực"
    assert joined == ["hiệu"]


def test_a_budget_bracket_ocr_garbled_leaves_the_deadline():
    # S27 i4, "Tiến độ (kinh phí: triệu đồng)": "IV (7,5)" read "IV Œ,5)", "(25)" read "(25"
    assert deadline_and_budget("Quý I, II, III, IV Œ,5)", True)[0] == "Quý I, II, III, IV"
    assert deadline_and_budget("Thường xuyên (25", True) == ("Thường xuyên", "25")
    # a year is the deadline's own; a header naming no budget keeps its bracket
    assert deadline_and_budget("Tháng 3 (2023", True) == ("Tháng 3 (2023", "")
    assert deadline_and_budget("Thường xuyên (25", False) == ("Thường xuyên (25", "")

"""A report's score statements OCR spoilt past reading are told unread (extract/segment/unread_statements.py),
never dropped; a plan's tasks naming criteria, and statements read, are not."""

from extract.model import IngestedDocument
from extract.segment.statements import find_score_statements
from extract.segment.unread_statements import unread_statements
from extract.text_reader import parse_text


def _doc(text: str) -> IngestedDocument:
    return IngestedDocument(path="x.txt", format="txt", pages=parse_text(text))


# Lines of S05 scans of P04 reports (dev seeds 1651–1653, --degrade extreme) as OCR read them.
REPORT = (
    "2. Điểm số cụ thể các lĩnh vực như sau:\n"
    "Lĩnh vực 7 — Xây dựng chính quyền số: đạt 3,25/9 điểm\n"
    "+ Tiêu chí 7.1. Trang thông tin điện tử: không đạt điểm (0/1,5), lý do; chưa có tài liệu kiểm chứng.\n"
    "+ Tiêu chí 7.2. 'Văn bản điện tử có ký số: không đạt điểm (02), lý do: chưa có tài liệu kiểm chứng.\n"
    "Tiêu chí 1.4 Công tác tuyên truyền đạt 2/2 điểm. Tiêu chí 3.2. Một cửa: không đạt điểm (03).\n"
    "Tiêu chí-3.1. Công khai thủ tục hành chính: không đạt điểm (0/2), lý do: chưa có tài liệu kiểm chứng.\n"
    "Các nhiệm vụ khắc phục tiêu chí bị trừ điểm như sau:\n"
    "1. Rà soát văn bản (tiêu chí 2.4), thời hạn Quý II/2024.\n"
)


def test_statements_printed_but_not_read_are_told_each_once():
    doc = _doc(REPORT.replace("\n", "\n\n"))  # paragraphs apart, as a scan's reading lines are
    statements = find_score_statements(doc)
    assert {(s.kind, s.code) for s in statements} == {("group", "7"), ("criterion", "7.1"), ("criterion", "1.4")}
    parts = unread_statements(doc, statements)
    assert [p.reason.split(" is ")[0] for p in parts] == [
        "the score statement of criterion 7.2",
        "the score statement of criterion 3.2",
        "the score statement of criterion 3.1",
    ]
    assert all(p.kind == "rows" and p.page == 1 and p.text_sample for p in parts)
    assert parts[1].text_sample == "Tiêu chí 3.2. Một cửa: không đạt điểm (03)."


def test_a_document_that_states_no_score_tells_nothing():
    doc = _doc("Tiêu chí 7.2. Văn bản điện tử: không đạt điểm (02).\n")
    assert unread_statements(doc, []) == []


# A Tesseract psm-4 dump of an N29-like report (held-out seed 9001): the label "tiêu chí" of
# criterion 5.1 split over a blank line with a speck ("tiêu.⏎⏎-_ chí 5.1"), 5.2's clause split
# from its points by another: neither clause is left with a label and "điểm" for the clause pass.
SPLIT_LABELS = (
    "2. Cải cách chế độ công vụ (lĩnh vực 5): tự chấm 4,25/7 điểm (đạt 60,71%), trong đó: tiêu.\n\n"
    "-_ chí 5.1 (Bố trí cán bộ, công chức theo vị trí việc làm) đạt 0,75/2 điểm; tiêu chí 5.2 (Đào tạo,\n\n"
    "bồi dưỡng cán bộ, công chức) đạt 1,5/2 điểm; tiêu chí 5.3 (Chấp hành kỷ luật; kỷ cương\n"
    "hành chính) đạt 2/2 điểm; tiêu chí 5.4 (Đánh giá, xếp loại cán bộ, công chức) đạt 0/1 điểm.\n"
)


def test_criteria_a_field_states_but_not_read_are_named_by_the_fields_maximum():
    doc = _doc(SPLIT_LABELS)
    statements = find_score_statements(doc)
    read = {s.code for s in statements if s.kind == "criterion"}
    parts = unread_statements(doc, statements)
    missing = sorted({"5.1", "5.2", "5.3", "5.4"} - read)
    if not missing:  # (a reader that learns to join the split labels leaves nothing to tell)
        assert parts == []
        return
    assert len(parts) == 1 and parts[0].kind == "rows" and parts[0].line_start == 1
    assert f"criteria {', '.join(missing)} (field 5" in parts[0].reason
    assert parts[0].text_sample.startswith("2. Cải cách chế độ công vụ")


def test_a_field_whose_criteria_read_reach_its_maximum_tells_nothing():
    whole = SPLIT_LABELS.replace("tiêu.\n\n-_ chí", "tiêu chí").replace("(Đào tạo,\n\n", "(Đào tạo, ")
    doc = _doc(whole)
    statements = find_score_statements(doc)
    assert {s.code for s in statements if s.kind == "criterion"} == {"5.1", "5.2", "5.3", "5.4"}
    assert unread_statements(doc, statements) == []


def test_a_field_sentence_naming_some_criteria_only_tells_nothing():
    # "trong đó tiêu chí 1.1 … đạt 2/2 điểm": a highlight, the other criteria printed nowhere.
    text = (
        "1. Công tác chỉ đạo, điều hành cải cách hành chính (lĩnh vực 1): tự chấm 9/10 điểm (đạt 90%), trong đó"
        " tiêu chí 1.1 (Kế hoạch cải cách hành chính) đạt 2/2 điểm.\n"
    )
    doc = _doc(text)
    statements = find_score_statements(doc)
    assert {s.code for s in statements if s.kind == "criterion"} == {"1.1"}
    assert unread_statements(doc, statements) == []

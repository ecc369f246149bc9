"""A field's scores stated in one sentence are read by the sentence's structure
(extract/segment/field_sentences.py): the field's own score before "trong đó", each criterion's
clause its own, percentages no score, a clause that cannot be placed told; the field = sum of its
criteria check flags a field printed off its criteria."""

from pathlib import Path

from cchc_extract.pipeline import convert_file
from extract.model import IngestedDocument
from extract.segment.statements import find_score_statements
from extract.segment.unread_statements import unread_statements
from extract.text_reader import parse_text


def _doc(text: str) -> IngestedDocument:
    return IngestedDocument(path="x.txt", format="txt", pages=parse_text(text))


def _read(text: str) -> list[tuple[str, str | None, float | None, float | None]]:
    return [(s.kind, s.code, s.points, s.max_points) for s in find_score_statements(_doc(text))]


# A Tesseract dump of such a report: hard-wrapped, blank lines between the printed lines, a speck
# before an item number, OCR's semicolon for a decimal comma.
DUMP = (
    "Cụ thể từng lĩnh vực như sau:\n\n"
    "1. Công tác chỉ đạo, điều hành cải cách hành chính (lĩnh vực 1): tự chấm 6,25/10 điểm (đạt\n\n"
    "62,5%), trong đó: tiêu chí 1.1 (Kế hoạch cải cách hành chính) đạt 0,5/2 điểm; tiêu chí 1.2\n\n"
    "(Thực hiện chế độ báo cáo định kỳ) đạt 0;25/1 điểm; tiêu chí 1.3 (Công tác kiểm tra) đạt 3/7\n"
    "điểm.\n\n"
    "__2. Cải cách tài chính công (lĩnh vực 6): tự chấm 2,75/4 điểm (đạt 68,75%), trong đó: tiêu\n"
    "chí 6.1 (Quy chế chi tiêu nội bộ) đạt 1/1 điểm; tiêu chí 6.2 (Công khai ngân sách) đạt\n"
    "0,25/1,5 . điểm; tiêu chí 6.3 (Quản lý tài sản công) đạt 1,5/1,5 điểm.\n"
)


def test_a_field_sentence_with_its_criteria_is_read_by_its_parts():
    assert _read(DUMP) == [
        ("group", "1", 6.25, 10.0),
        ("criterion", "1.1", 0.5, 2.0),
        ("criterion", "1.2", 0.25, 1.0),
        ("criterion", "1.3", 3.0, 7.0),
        ("group", "6", 2.75, 4.0),
        ("criterion", "6.1", 1.0, 1.0),
        ("criterion", "6.2", 0.25, 1.5),
        ("criterion", "6.3", 1.5, 1.5),
    ]
    statements = find_score_statements(_doc(DUMP))
    assert {s.group for s in statements if s.kind == "criterion"} == {"1", "6"}
    assert statements[1].name == "Kế hoạch cải cách hành chính"


def test_fields_labelled_after_their_name_and_percentages_are_no_score():
    text = (
        "- Công tác chỉ đạo, điều hành cải cách hành chính (lĩnh vực 1): tự chấm được 6/10 điểm, đạt tỷ lệ 60%.\n"
        "- Cải cách thủ tục hành chính (lĩnh vực 3): tự chấm được 9,75/14 điểm, đạt tỷ lệ 69,64%.\n"
        "Lĩnh vực 5 (Cải cách chế độ công vụ): tự chấm 6/7 điểm, đạt 85,71%.\n"
    )
    assert _read(text) == [("group", "1", 6.0, 10.0), ("group", "3", 9.75, 14.0), ("group", "5", 6.0, 7.0)]


def test_a_standing_field_statement_keeps_its_reason():
    statements = find_score_statements(_doc("Lĩnh vực 3 – Cải cách TTHC: đạt 12/14 điểm, lý do: chưa số hóa hồ sơ.\n"))
    assert [(s.code, s.points, s.max_points, s.reason) for s in statements] == [("3", 12.0, 14.0, "chưa số hóa hồ sơ")]


def test_a_clause_that_cannot_be_placed_is_told():
    text = (
        "1. Cải cách thủ tục hành chính (lĩnh vực 3): tự chấm 3/5 điểm (đạt 60%), trong đó: tiêu chí 3.1 (Công\n"
        "khai) đạt 1/2 điểm; tiêu chí 3.2 (Một cửa) đạt a2 điểm; tiêu chl 3,3 (Số hóa) đạt 0/1 điểm.\n"
    )
    doc = _doc(text)
    statements = find_score_statements(doc)
    assert [(s.kind, s.code) for s in statements] == [("group", "3"), ("criterion", "3.1")]
    told = [p.reason.split(" is ")[0] for p in unread_statements(doc, statements)]
    assert "the score statement of criterion 3.2" in told
    assert "a clause of a field's score statement" in told


def test_a_field_printed_off_its_criteria_is_flagged(tmp_path: Path):
    path = tmp_path / "bao-cao.txt"
    path.write_text(DUMP.replace("6,25/10", "7,25/10"), encoding="utf-8")
    checks = {(c.code, c.field, c.status) for c in convert_file(path).checks if c.kind == "group_statement"}
    assert ("1", "points", "mismatch") in checks
    assert ("1", "max_points", "ok") in checks
    assert ("6", "points", "ok") in checks


def test_a_semicolon_inside_a_criterions_name_does_not_end_its_clause():
    # "(Chấp hành kỷ luật; kỷ cương hành chính)": the name's own semicolon, its ")" before any
    # other; the clause ends at the semicolon after its score.
    text = (
        "2. Cải cách chế độ công vụ (lĩnh vực 5): tự chấm 3/4 điểm, trong đó: tiêu chí 5.3 (Chấp hành kỷ luật;"
        " kỷ cương\nhành chính) đạt 2/2 điểm; tiêu chí 5.4 (Đánh giá, xếp loại cán bộ) đạt 1/2 điểm.\n"
    )
    assert _read(text) == [("group", "5", 3.0, 4.0), ("criterion", "5.3", 2.0, 2.0), ("criterion", "5.4", 1.0, 2.0)]

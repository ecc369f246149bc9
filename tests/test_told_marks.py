"""Issue 16, nothing lost silently: marks OCR reads for a statement's bullet or its stop, a target's
range wrapped onto the next printed line, a signer's name under the signature block and the rows the
criteria set's order recovered after a tail was told (extract/segment/statements.py,
unread_statements.py, targets.py, unread_lost_total.py, unread_tail.py, name_figures.py)."""

from dataclasses import replace

from cchc_extract.pipeline import convert_file, result_to_json
from extract.model import IngestedDocument
from extract.segment.name_figures import figure_in_name
from extract.segment.statements import find_score_statements
from extract.segment.targets import find_targets
from extract.segment.unread_statements import unread_statements
from extract.segment.unread_tail import TAIL_MARK, tail_now_rows
from extract.text_reader import parse_text
from schemas.records import ScoreRow, ScoreTable, SourceRef, UnreadPart


def _doc(text: str) -> IngestedDocument:
    return IngestedDocument(path="x.txt", format="txt", pages=parse_text(text))


# Lines of S05 scans of P04 reports (spent seeds 1701 and 1801) as OCR read them: a dash bullet
# read "~", a sentence's stop read "," with the next paragraph joined to it.
REPORT = (
    "Lĩnh vực 7 Xây dựng chính quyền số: đạt 4,5/9 điểm\n\n"
    "- Tiêu chí 7.1 - Trang thông tin điện tử: 0,5/1,5 điểm.\n\n"
    "~ Tiêu chí 7.2. Văn bản điện tử có ký số: không đạt điểm (0/2), lý do: chưa có tài liệu kiểm chứng.\n\n"
    "Tiêu chí 4.3 Bố trí người hoạt động không chuyên trách đạt 1,5/1,5 điểm n (đạt điểm tối đa), "
    "Lĩnh vực 5 — Cải cách chế độ công vụ: đạt 4,75/7 điểm\n"
)


def test_statements_after_ocr_marks_are_read():
    statements = find_score_statements(_doc(REPORT))
    read = {(s.kind, s.code): (s.points, s.max_points) for s in statements}
    assert read[("criterion", "7.2")] == (0.0, 2.0)
    assert read[("group", "5")] == (4.75, 7.0)
    assert read[("criterion", "4.3")] == (1.5, 1.5)
    assert "Lĩnh vực 5" not in next(s.reason for s in statements if s.code == "4.3")


def test_statements_after_ocr_marks_not_read_are_told():
    # the scores spoilt past reading ("(02)", "4,75/7" lost): each statement is told, not dropped
    spoilt = REPORT.replace("(0/2)", "(02)").replace("đạt 4,75/7 điểm", "đạt 4 điểm 75")
    doc = _doc(spoilt)
    statements = find_score_statements(doc)
    told = [p.reason.split(" is ")[0] for p in unread_statements(doc, statements)]
    assert told == ["the score statement of criterion 7.2", "the score statement of field 5"]


def test_a_target_range_wrapped_onto_the_next_line_is_read_whole():
    # spent seed 1801, P02 OCR text dump: the range printed on the line under its indicator
    text = (
        "KẾ HOẠCH\nCải cách hành chính năm 2025\n\nII. CHỈ TIÊU CỤ THỂ\n\n"
        "Mức độ hài lòng của người dân, tổ chức đối với sự phục vụ của UBND xã phấn đấu đạt từ\n"
        "87 - 92%.\n\n"
        "Tỷ lệ hồ sơ thủ tục hành chính giải quyết quá hạn đạt không quá 2%.\n"
    )
    targets = find_targets(_doc(text), default_year=2025)
    first = targets[0]
    assert first.indicator.startswith("Mức độ hài lòng của người dân")
    assert (first.value, first.value_max, first.comparator) == (87.0, 92.0, ">=")
    assert len(targets) == 2


def test_a_tail_part_whose_lines_are_rows_now_goes():
    row = ScoreRow(code="8", name="Tác động", source=SourceRef(page=1, line_start=18, line_end=18))
    tables = [ScoreTable(rows=[row])]
    tail = UnreadPart(
        page=1,
        kind="rows",
        reason=f"1 lines after row 7 {TAIL_MARK} name criteria but gave no row: their codes and points were not read",
        line_start=18,
        line_end=18,
    )
    assert tail_now_rows(tail, tables)
    assert not tail_now_rows(replace(tail, line_start=19, line_end=19), tables)
    two = replace(tail, reason=tail.reason.replace("1 lines", "2 lines"), line_end=19)
    assert not tail_now_rows(two, tables)  # one of its two lines opened no row


def test_a_maximum_printed_without_its_comma_before_specks_is_the_names():
    row = ScoreRow(
        code="8",
        name="Tác động của CCHC đến người dân",
        name_raw="8. Tác động của CCHC đến người dân, tổ chức và phát triển kinh 155... :",
        max_points=15.5,
        flags=["max_from_criteria_set:bnv-tinh_2948"],
    )
    assert figure_in_name(row) == "155"
    assert figure_in_name(replace(row, name_raw="Tác động kinh 155.5 :")) is None


# An OCR text dump of a score table printing no totals row, its signer named Tổng (spent seed 1701,
# F30: "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH / (Đã ký) / Tổng Khắc Đạt" under the table).
SIGNED_BY_TONG = """UBND XA AN BINH CONG HOA XA HOI CHU NGHIA VIET NAM
BANG TU DANH GIA, CHAM DIEM CHi SO CAI CACH HANH CHiNH NAM 2023 CUA UBND XA AN BINH
TT Noi dung danh gia Diem toi da Diem tu cham
1. Cong tac chi dao, dieu hanh cai cach hanh chinh 10 9,75
2. Xay dung va to chuc thuc hien van ban quy pham phap luat tai tinh 10 9
3. Cai cach thu tuc hanh chinh 14,5 14
KT. CHU TICH
PHO CHU TICH
Tong Khac Dat
"""


def test_a_signer_named_tong_under_the_signature_is_no_lost_totals_row(tmp_path):
    path = tmp_path / "dump.txt"
    path.write_text(SIGNED_BY_TONG, encoding="utf-8")
    out = result_to_json(convert_file(path))
    assert [r["code"] for r in out["score_tables"][0]["rows"]] == ["1", "2", "3"]
    assert not [u for u in out["unread"] if "total row" in u["reason"]]

"""A criterion's name run over onto a line of its own that opens "Ủy ban nhân dân xã" is no signature
block: the table reads on past it (dumprows70).

The dump is Tesseract's text of a generated bulleted score table (seed 15001, D14 i3): "- Ứng dụng
công nghệ thông tin trong hoạt động của" over "Ủy ban nhân dân xã". The line was taken for the
signature block's "ỦY BAN NHÂN DÂN" and ended the table: the eleven rows after it (7.1.1 to 8.4 of
the truth) were lost, and nothing told."""

from pathlib import Path

from cchc_extract.pipeline import convert_file, result_to_json
from extract.segment.table_end import is_signature
from normalize.text import fold

DUMP = Path(__file__).parent / "data" / "dump_council_wrap" / "bulleted-s15001-d14-i3.txt"


def _rows() -> list[dict]:
    return result_to_json(convert_file(DUMP))["score_tables"][0]["rows"]


def _row(rows: list[dict], words: str) -> dict:
    return next(r for r in rows if fold(words) in fold(r.get("name") or ""))


def test_rows_after_the_wrapped_council_are_read() -> None:
    rows = _rows()
    # The truth's 7.2.1, 7.2.2 and 8.3 (generator's truth: 4 | 4, 4 | 4, 5 | 5).
    assert (_row(rows, "hồ sơ nộp trực tuyến")["max_points"], _row(rows, "hồ sơ nộp trực tuyến")["self_points"]) == (
        4.0,
        4.0,
    )
    second = _row(rows, "trực tuyến nghĩa vụ tài chính")
    assert (second["max_points"], second["self_points"]) == (4.0, 4.0)
    satisfied = _row(rows, "hài lòng về công chức")
    assert (satisfied["max_points"], satisfied["self_points"]) == (5.0, 5.0)
    # The truth's 8.4: its self score 4.75 (its maximum's cell OCR lost: "ey").
    assert _row(rows, "về kết quả giải quyết công việc")["self_points"] == 4.75


def test_the_council_in_capitals_still_opens_the_signature() -> None:
    for printed in ("ỦY BAN NHÂN DÂN", "Uy BAN NHAN DAN", "_UY BAN NHAN DAN ©", "TM. ỦY BAN NHÂN DÂN"):
        assert is_signature(fold(printed), printed)
    assert not is_signature(fold("Uy ban nhan dan xa"), "Uy ban nhan dan xa")
    assert is_signature(fold("Uy ban nhan dan xa"))  # (folded alone, as the callers without the line)


def test_a_syllable_whose_o_circumflex_ocr_read_as_6_is_no_cell() -> None:
    # "- Kiém tra céng tac cai cach hanh chinh tai cdc b6 2 2" (the truth's 1.4: 2 | 2) and "Xay
    # dung va nang'cao chat lhegug doi ngii can b6, 10 g)" (the truth's 5: maximum 10): "b6" is
    # "bộ", no points cell; read as one it took the maximum's place (6 | 2, 6 | 10).
    rows = _rows()
    check = _row(rows, "Kiểm tra công tác cải cách hành chính")
    assert (check["max_points"], check["self_points"]) == (2.0, 2.0)
    assert _row(rows, "đội ngũ")["max_points"] == 10.0


def test_a_row_whose_first_line_is_the_explanation_above_keeps_its_bullet() -> None:
    # ": 16/QĐ-UBND ngày" (the explanation of the row above run over) opened the "- Kiểm tra …"
    # row: read for a mark it had none, the row became a field and every field after it one off.
    # The truth's fields: "Xây dựng và tổ chức thực hiện văn bản …" 2, "Cải cách thủ tục hành
    # chính" 3; the criterion 1.4 under field 1.
    rows = _rows()
    assert _row(rows, "Kiểm tra công tác cải cách hành chính")["code"].startswith("1.")
    assert _row(rows, "Xây dựng và tổ")["code"] == "2"
    assert _row(rows, "Cải cách thủ tục")["code"] == "3"


def test_a_bulleted_line_opens_a_row_of_its_own() -> None:
    # "+ Mtrc do hoan thanh ké hoach … B 125" (its figures garbled) over "- Thc hién ché dé bao cdo
    # … 2 2": the second line's figures filled the first row and the truth's 1.2 (2 | 2) was lost;
    # "| - Sw hai long vé tha tuc hanh chinh es G2" went into the row above's explanation, the
    # truth's 8.2 lost. A bulleted table's line opening with a bullet and a capital opens a row.
    rows = _rows()
    report = _row(rows, "báo cáo cải cách hành chính định")
    assert (report["code"], report["max_points"], report["self_points"]) == ("1.2", 2.0, 2.0)
    assert _row(rows, "Mức độ hoàn thành")["max_points"] is None  # (its "2 1,25" OCR garbled: lost, not 2)
    assert _row(rows, "hài lòng về thủ tục hành chính")["code"] == "8.2"

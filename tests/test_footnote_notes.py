"""A score table's explanations printed as footnotes (``extract/segment/footnote_notes.py``): a DOCX
written here, marks after the names ("…năm(1)", "… [2]"), the notes listed under the table."""

from pathlib import Path

import docx

from cchc_extract.pipeline import convert_file, result_to_json
from extract.model import Line
from extract.segment.footnote_notes import notes_after
from tests.score_dumps import read_score_dump

HEADER = ["STT", "Lĩnh vực, tiêu chí", "Điểm tối đa", "Điểm tự đánh giá"]
ROWS = [
    ["1.", "Công tác chỉ đạo, điều hành cải cách hành chính", "6", "4"],
    ["1.1", "Ban hành kế hoạch cải cách hành chính năm(1)", "2", "2"],
    ["1.2", "Mức độ thực hiện kế hoạch cải cách hành chính [2]", "2", "1"],
    ["1.3", "Kiểm tra công tác cải cách hành chính", "2", "1"],
    ["2.", "Cải cách thủ tục hành chính (3)", "4", "4"],  # no note (3): a name's own words
    ["", "Tổng điểm", "10", "8"],
]
NOTES = [
    "* Ghi chú:",
    "(1) Kế hoạch số 12/KH-UBND ngày 10/01/2024",
    "(2) Chưa hoàn thành 3/13 nhiệm vụ theo kế hoạch",
]


def _report(path: Path, rows: list[list[str]], notes: list[str]) -> Path:
    """A report DOCX: its title, the score table of ``rows`` under ``HEADER``, then ``notes``."""
    document = docx.Document()
    document.add_paragraph("BÁO CÁO")
    document.add_paragraph("Kết quả tự đánh giá, chấm điểm chỉ số cải cách hành chính năm 2024")
    table = document.add_table(rows=1 + len(rows), cols=len(HEADER))
    for r, cells in enumerate([HEADER, *rows]):
        for c, text in enumerate(cells):
            table.cell(r, c).text = text
    for text in notes + ["Nơi nhận:", "- Lưu: VT."]:
        document.add_paragraph(text)
    document.save(path)
    return path


def test_marks_leave_the_names_and_notes_are_the_explanations(tmp_path: Path):
    path = _report(tmp_path / "tu-cham.docx", ROWS, NOTES)
    out = result_to_json(convert_file(path, path.name))
    rows = [(r["code"], r["name"], r["explanation"]) for t in out["score_tables"] for r in t["rows"]]
    assert rows[:4] == [
        ("1", "Công tác chỉ đạo, điều hành cải cách hành chính", ""),
        ("1.1", "Ban hành kế hoạch cải cách hành chính năm", "Kế hoạch số 12/KH-UBND ngày 10/01/2024"),
        ("1.2", "Mức độ thực hiện kế hoạch cải cách hành chính", "Chưa hoàn thành 3/13 nhiệm vụ theo kế hoạch"),
        ("1.3", "Kiểm tra công tác cải cách hành chính", ""),
    ]
    assert rows[4][0] == "2" and rows[4][2] == ""  # (3) has no note: nothing taken for its explanation
    # The notes are the rows' explanations: no narrative count ("3/13 nhiệm vụ"), nothing unread.
    assert out["counts"] == []
    assert out["unread"] == []


def test_a_note_wrapped_over_lines_is_joined_and_ends_at_the_recipients():
    lines = [
        Line(text=t, page=1, number=n)
        for n, t in enumerate(
            ["Ghi chú:", "(1) Kế hoạch số 12/KH-UBND ngày", "10/01/2024", "[2] Không phát sinh", "Nơi nhận:"], 1
        )
    ]
    notes = notes_after(lines, 0)
    assert notes.text == {"1": "Kế hoạch số 12/KH-UBND ngày 10/01/2024", "2": "Không phát sinh"}
    assert [ln.number for ln in notes.lines] == [1, 2, 3, 4]


def test_typed_names_with_footnote_marks_are_not_taken_for_ocr(tmp_path: Path):
    # A held-out N38 DOCX (seed 5001): every field's name closed by its mark, "… hành chính(1)", and
    # one field printed with no self score (the province scores it). The glued marks had the names
    # judged OCR's damage, so the typed blank was told as a figure OCR lost: a read-whole document
    # listing an unread part. A typed blank is what the document prints.
    fields = ["Công tác chỉ đạo, điều hành cải cách hành chính", "Cải cách thủ tục hành chính"]
    fields += ["Cải cách tổ chức bộ máy hành chính", "Tác động của cải cách hành chính đến người dân"]
    rows = [[f"{k}", f"{name}({k})", "10", "8" if k < 4 else ""] for k, name in enumerate(fields, start=1)]
    notes = ["* Ghi chú:"] + [f"({k}) Báo cáo số {k}/BC-UBND ngày 10/01/2024" for k in range(1, 5)]
    path = _report(tmp_path / "danh-dau.docx", rows, notes)
    out = result_to_json(convert_file(path, path.name))
    assert out["source"]["read_by_ocr"] is False
    assert [r["self_points"] for t in out["score_tables"] for r in t["rows"]] == [8, 8, 8, None]
    assert out["unread"] == []


def test_the_notes_under_a_dumps_table_end_it_and_explain_its_rows(tmp_path):
    # An OCR text dump (as Tesseract's Latin-only model left one, dev seed 6222, N38): the notes'
    # numbers "(2)" print as plainly as a row's code, so the line reader ends the table at "* Ghi
    # chu:" and the notes are the marked rows' explanations, not rows 2, 3 of their own.
    text = "\n".join(
        [
            "BAO CAO",
            "Ket qua tu danh gia, cham diem chi so cai cach hanh chinh nam 2024",
            "STT | Linh vuc, tieu chi | Diem toi da | Diem tu danh gia",
            "1. | Cong tac chi dao, dieu hanh cai cach hanh chinh | 6 | 4",
            "1.1 | Ban hanh ke hoach cai cach hanh chinh nam(1) | 2 | 2",
            "1.2 | Muc do thuc hien ke hoach cai cach hanh chinh(2) | 2 | 1",
            "1.3 | Kiem tra cong tac cai cach hanh chinh | 2 | 1",
            "* Ghi chu:",
            "(1) Ke hoach so 12/KH-UBND ngay 10/01/2024",
            "(2) Thong bao so 55/TB-UBND ngay 17/07/2024",
            "Noi nhan: TM. UY BAN NHAN DAN",
        ]
    )
    out, by_code = read_score_dump(tmp_path, text)
    rows = {code: row for code, (_, row) in by_code.items()}
    assert len(out["score_tables"]) == 1
    assert list(rows) == ["1", "1.1", "1.2", "1.3"]
    assert "12/KH-UBND" in rows["1.1"]["explanation"] and "55/TB-UBND" in rows["1.2"]["explanation"]
    assert not rows["1.1"]["name"].endswith("(1)")


def test_notes_a_line_reader_set_aside_as_a_table_are_read_not_unread():
    """Seed 9001's S22 scan: the two notes under its grid, "(1) Báo cáo số 2331/BC-UBND ngày
    13/2/2023", were set aside by the line reader as a table of rows "(1)", "(2)" whose figures do
    not read as points, and told unread, though they were read as the rows' explanations. A table
    with a row on a line that is no note line stays owed."""
    from extract.segment.footnote_notes import read_as_notes
    from schemas.records import ScoreRow, ScoreTable, SourceRef

    notes = [
        Line("* Ghi chú:", 1, 17),
        Line("(1) Báo cáo số 2331/BC-UBND ngày 13/2/2023", 1, 18),
        Line("(2) Công văn số 219/CV-UBND ngày 21/12/2023", 1, 19),
    ]
    read = notes_after(notes, 0)
    assert read.text == {"1": "Báo cáo số 2331/BC-UBND ngày 13/2/2023", "2": "Công văn số 219/CV-UBND ngày 21/12/2023"}

    def aside(*lines: int) -> ScoreTable:
        return ScoreTable(
            rows=[
                ScoreRow(code=f"({k})", name="số", source=SourceRef(page=1, line_start=n, line_end=n))
                for k, n in enumerate(lines, 1)
            ]
        )

    assert read_as_notes(aside(18, 19), read.lines)
    assert not read_as_notes(aside(18, 19, 20), read.lines)  # (line 20 is no note)
    assert not read_as_notes(aside(18, 19), [])
    assert not read_as_notes(ScoreTable(rows=[]), read.lines)

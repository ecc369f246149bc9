"""A score table with no evidence column printing each criterion's evidence on the last lines of
its name cell (``extract.segment.evidence_rows.evidence_in_names``): "Văn bản kiểm chứng: …",
"Ghi chú: …" or "(Quyết định số …)" under the name is the row's explanation, the lines above it its
name. Cells as seed 19341's documents of the corpus generator print them (a score table with its
evidence in the name cell, instances 1 and 2: names and explanations checked against their truth)."""

from __future__ import annotations

from pathlib import Path

import cchc_extract
from extract.segment.evidence_rows import evidence_in_names
from extract.segment.joined import JoinedRow, JoinedTable
from layout_docs import CLOSE, SCORE_REPORT_HEAD, plain_docx


def _named(result) -> list[tuple]:
    return [(r["code"], r["name"], r["explanation"] or None) for t in result.data["score_tables"] for r in t["rows"]]


def test_a_labelled_evidence_under_the_name_is_the_explanation(tmp_path: Path):
    rows = [
        ("TT", "Tiêu chí đánh giá", "Điểm tối đa", "Điểm tự đánh giá"),
        ("1.", "Kế hoạch CCHC năm", "4", "2,25"),
        ("1.1", "Ban hành kế hoạch CCHC năm\nGhi chú: Thực hiện đầy đủ, đúng quy định", "1", "0,75"),
        (
            "1.2",
            "Xác định đầy đủ các nhiệm vụ CCHC trên các lĩnh vực theo kế hoạch năm của UBND tỉnh và bố trí "
            "kinh phí thực hiện\nVăn bản kiểm chứng: Quyết định số 169/QĐ-UBND ngày 21/5/2013",
            "1",
            "0,5",
        ),
        ("1.3", "Kiểm tra công tác CCHC\nVăn bản kiểm chứng: Công văn số 28/CV-UBND ngày 07/06/2013", "2", "1"),
        ("", "TỔNG ĐIỂM", "4", "2,25"),
    ]
    result = cchc_extract.convert(plain_docx(tmp_path / "labelled.docx", SCORE_REPORT_HEAD, rows, CLOSE))
    assert _named(result) == [
        ("1", "Kế hoạch CCHC năm", None),
        ("1.1", "Ban hành kế hoạch CCHC năm", "Thực hiện đầy đủ, đúng quy định"),
        (
            "1.2",
            "Xác định đầy đủ các nhiệm vụ CCHC trên các lĩnh vực theo kế hoạch năm của UBND tỉnh và bố trí "
            "kinh phí thực hiện",
            "Quyết định số 169/QĐ-UBND ngày 21/5/2013",
        ),
        ("1.3", "Kiểm tra công tác CCHC", "Công văn số 28/CV-UBND ngày 07/06/2013"),
    ]


_BRACKETED = [
    ("STT", "Lĩnh vực/Tiêu chí/Tiêu chí thành phần", "Điểm tối đa", "Điểm tự chấm"),
    ("1.", "Công tác chỉ đạo, điều hành cải cách hành chính", "10", "10"),
    ("2.", "Xây dựng và tổ chức thực hiện văn bản quy phạm pháp luật tại tỉnh\n(Đạt yêu cầu theo hướng dẫn)",
     "10", "10"),
    ("3.", "Cải cách tổ chức bộ máy hành chính\n(Tỷ lệ đạt 84%)", "11", "9,5"),
    ("4.", "Xây dựng và nâng cao chất lượng đội ngũ công chức, viên chức\n(Quyết định số 287/QĐ-UBND ngày 11/02/2024)",
     "16", "0"),
    ("", "Tổng cộng", "47", "29,5"),
]  # fmt: skip


def test_bracketed_evidence_lines_under_the_names_are_the_explanations(tmp_path: Path):
    result = cchc_extract.convert(plain_docx(tmp_path / "bracketed.docx", SCORE_REPORT_HEAD, _BRACKETED, CLOSE))
    assert _named(result) == [
        ("1", "Công tác chỉ đạo, điều hành cải cách hành chính", None),
        ("2", "Xây dựng và tổ chức thực hiện văn bản quy phạm pháp luật tại tỉnh", "Đạt yêu cầu theo hướng dẫn"),
        ("3", "Cải cách tổ chức bộ máy hành chính", "Tỷ lệ đạt 84%"),
        (
            "4",
            "Xây dựng và nâng cao chất lượng đội ngũ công chức, viên chức",
            "Quyết định số 287/QĐ-UBND ngày 11/02/2024",
        ),
    ]


def test_one_name_wrapped_before_a_bracket_keeps_it(tmp_path: Path):
    """One criterion whose name's last line is a bracketed remark, citing no document, among names
    with none: a name printed on two lines, not the table's way of writing evidence."""
    rows = [_BRACKETED[0], _BRACKETED[1], _BRACKETED[2], ("3.", "Cải cách tổ chức bộ máy hành chính", "11", "9,5"),
            ("", "Tổng cộng", "31", "29,5")]  # fmt: skip
    result = cchc_extract.convert(plain_docx(tmp_path / "one-bracket.docx", SCORE_REPORT_HEAD, rows, CLOSE))
    names = [n for _c, n, _e in _named(result)]
    assert names[1] == "Xây dựng và tổ chức thực hiện văn bản quy phạm pháp luật tại tỉnh (Đạt yêu cầu theo hướng dẫn)"


def test_a_name_s_last_word_wrapped_above_the_label_stays_the_name_s():
    """A PDF's name cell as pdfplumber gives its lines (seed 19342's first labelled document,
    criterion 5: name and evidence as its truth): "chức", wrapped alone, opens no evidence."""
    name = "Xây dựng và nâng cao chất lượng đội ngũ công chức, viên chức"
    lines = [
        "Xây dựng và nâng cao chất lượng đội ngũ công chức, viên",
        "chức",
        "Tài liệu kiểm chứng: Thông báo số 274/TB-UBND ngày",
        "26/04/2024",
    ]
    row = JoinedRow(
        ["5.", " ".join(lines), "16", "15,75"], [False] * 4, 1, 0, 0, 0, lines=[["5."], lines, ["16"], ["15,75"]]
    )
    header = [["STT", "Tiêu chí", "Điểm tối đa", "Điểm tự chấm"]]
    table = JoinedTable(header, [row], pages=[1], n_cols=4, source="pdf", line_start=0, line_end=0, block_index=0)
    wide, columns = evidence_in_names(table, {"code": 0, "name": 1, "max": 2, "self": 3})
    (read,) = wide.rows
    assert (read.cells[columns["name"]], read.cells[columns["explanation"]]) == (
        name,
        "Thông báo số 274/TB-UBND ngày 26/04/2024",
    )

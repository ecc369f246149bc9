"""A score table printed as two tables on one page, each part under its own heading ("I. Mục 1
đến mục 4", "II. Mục 5 đến mục 8"), the second opening on the header again
(``extract/segment/headless_piece.py``, ``table_join``). Before, the second part was a table of its
own, and its total row, the whole table's ("Tổng số điểm | 100 | 95,5"), was checked against the
second part's rows alone: two false "table total" mismatches on a document without a fault.

The rows are those of a generated document (tools/make_corpus.py --seed 20341, family N98,
instance 3: its DOCX, the names shortened); the expected values are its truth file's (codes 1-8,
total 100 / 95.5, no planted fault)."""

from __future__ import annotations

from pathlib import Path

import docx

from cchc_extract.pipeline import convert_file
from extract.base import ingest
from extract.segment.table_join import join_tables

HEADER = ("TT", "Tiêu chí đánh giá", "Thang điểm", "Điểm tự chấm", "Tài liệu kiểm chứng")
PART_ONE = (
    ("1.", "Công tác chỉ đạo, điều hành cải cách hành chính", "10", "9"),
    ("2.", "Xây dựng và tổ chức thực hiện văn bản quy phạm pháp luật", "10", "9,5"),
    ("3.", "Cải cách thủ tục hành chính", "14,5", "14,5"),
    ("4.", "Cải cách tổ chức bộ máy hành chính", "11", "9,5"),
)
PART_TWO = (
    ("5.", "Xây dựng và nâng cao chất lượng đội ngũ cán bộ, công chức", "16", "14,5"),
    ("6.", "Cải cách tài chính công", "7", "7"),
    ("7.", "Hiện đại hóa hành chính", "16", "16"),
    ("8.", "Tác động của cải cách hành chính đến người dân, tổ chức", "15,5", "15,5"),
    ("", "Tổng số điểm", "100", "95,5"),
)


def _two_parts(path: Path) -> Path:
    doc = docx.Document()
    for text in (
        "ỦY BAN NHÂN DÂN XÃ HÒA HÀ",
        "Số: 267/BC-UBND",
        "Hòa Hà, ngày 4 tháng 11 năm 2024",
        "BÁO CÁO",
        "Kết quả tự đánh giá, chấm điểm chỉ số cải cách hành chính năm 2024",
    ):
        doc.add_paragraph(text)
    for heading, rows in (("I. Mục 1 đến mục 4", PART_ONE), ("II. Mục 5 đến mục 8", PART_TWO)):
        doc.add_paragraph().add_run(heading).bold = True
        table = doc.add_table(rows=1 + len(rows), cols=len(HEADER))
        table.style = "Table Grid"
        for cell, text in zip(table.rows[0].cells, HEADER):
            cell.text = text
        for row, values in zip(table.rows[1:], rows):
            for cell, text in zip(row.cells, values):
                cell.text = text
    doc.add_paragraph("TM. ỦY BAN NHÂN DÂN")
    doc.save(path)
    return path


def test_the_second_part_under_the_header_again_goes_on_the_first(tmp_path):
    tables = join_tables(ingest(_two_parts(tmp_path / "two-parts.docx")))
    grids = [t for t in tables if t.header and t.header[0][0] == "TT"]
    assert len(grids) == 1
    assert [r.cells[0] for r in grids[0].rows] == ["1.", "2.", "3.", "4.", "5.", "6.", "7.", "8.", ""]


def test_the_whole_tables_total_is_checked_against_the_whole_table(tmp_path):
    result = convert_file(_two_parts(tmp_path / "two-parts.docx"))
    (table,) = result.score_tables
    assert [(r.code, r.max_points, r.self_points) for r in table.rows if r.level == 1] == [
        ("1", 10, 9),
        ("2", 10, 9.5),
        ("3", 14.5, 14.5),
        ("4", 11, 9.5),
        ("5", 16, 14.5),
        ("6", 7, 7),
        ("7", 16, 16),
        ("8", 15.5, 15.5),
    ]
    assert not [c.message for c in result.checks if c.status in ("mismatch", "misread")]

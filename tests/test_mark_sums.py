"""A code-less score table whose levels are its names' marks, scanned: a criterion whose bullet OCR
lost reads as a field of its own (``marked_levels``), and its field's maxima then miss their sum by
exactly what it carries. The maxima put it back under its field (``extract/segment/mark_sums.py``),
on OCR'd text only; a typed table's marks are as printed. The scan test prints the row with no
bullet at all (what OCR leaves of a lost one) and reads the page with real Tesseract."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from docx import Document

from cchc_extract.pipeline import convert_file
from extract.segment.mark_sums import releveled
from extract.segment.marked_levels import codes_from_marks
from layout_docs import scanned_page, to_pdf

# Field 2 (10 points): 3 + 3 + 4. Its second criterion prints no bullet.
ROWS = [
    ("Công tác chỉ đạo, điều hành cải cách hành chính", "6", "5"),
    ("- Kế hoạch cải cách hành chính năm", "3", "3"),
    ("- Báo cáo cải cách hành chính định kỳ", "3", "2"),
    ("Xây dựng đội ngũ cán bộ, công chức", "10", "8"),
    ("- Bố trí cán bộ, công chức theo vị trí việc làm", "3", "3"),
    ("Đào tạo, bồi dưỡng cán bộ, công chức", "3", "3"),
    ("- Chấp hành kỷ luật, kỷ cương hành chính", "4", "2"),
    ("Cải cách tài chính công", "5", "5"),
    ("- Thực hiện dự toán thu, chi ngân sách xã", "3", "3"),
    ("- Công khai tài chính, ngân sách theo quy định", "2", "2"),
]
CODES = ["1", "1.1", "1.2", "2", "2.1", "2.2", "2.3", "3", "3.1", "3.2"]


def _never(_name: str) -> bool:
    return False


def test_a_row_that_lost_its_bullet_goes_back_under_the_field_its_maxima_complete():
    names = [n for n, _, _ in ROWS]
    maxima = [float(m) for _, m, _ in ROWS]
    read = codes_from_marks(names, [False] * len(names), _never, ocr_maxima=maxima)
    assert read is not None
    assert [code for code, _ in read] == CODES


def test_typed_marks_stay_as_printed():
    names = [n for n, _, _ in ROWS]
    read = codes_from_marks(names, [False] * len(names), _never)
    assert read is not None
    assert [code for code, _ in read][3:8] == ["2", "2.1", "3", "3.1", "4"]


def test_a_field_that_heads_its_own_criteria_rightly_is_not_moved():
    # field 1 short by 2 (a commune's fault, or a lost row), but field 2's own rows add up to it
    levels = releveled([1, 2, 1, 2, 2], [True] * 5, [6.0, 4.0, 5.0, 3.0, 2.0])
    assert levels == [1, 2, 1, 2, 2]
    # a positively marked field (bold, capitals) is never moved, whatever the sums
    levels = releveled([1, 2, 1, 2], [True, False, False, False], [6.0, 3.0, 3.0, 4.0])
    assert levels == [1, 2, 1, 2]
    # nor when a maximum under the field was not read
    levels = releveled([1, 2, 1, 2], [True] * 4, [10.0, None, 3.0, 4.0])
    assert levels == [1, 2, 1, 2]


def _write_docx(path: Path) -> Path:
    document = Document()
    document.add_paragraph("ỦY BAN NHÂN DÂN XÃ TÂN HƯNG")
    document.add_paragraph("BẢNG TỰ ĐÁNH GIÁ, CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2025")
    table = document.add_table(rows=1, cols=3)
    table.style = "Table Grid"
    for cell, label in zip(table.rows[0].cells, ["Nội dung", "Điểm tối đa", "Điểm tự đánh giá"]):
        cell.text = label
    for name, most, own in ROWS:
        cells = table.add_row().cells
        cells[0].text, cells[1].text, cells[2].text = name, most, own
    cells = table.add_row().cells
    cells[0].text, cells[1].text, cells[2].text = "Tổng cộng", "21", "18"
    document.save(str(path))
    return path


@pytest.mark.needs_libreoffice
@pytest.mark.needs_tesseract
def test_a_scanned_table_whose_criterion_shows_no_bullet_keeps_its_fields_sums(tmp_path):
    pdf = to_pdf(_write_docx(tmp_path / "khong-ma.docx"))
    assert pdf is not None and shutil.which("pdftoppm")
    result = convert_file(scanned_page(pdf, tmp_path / "scan"))
    assert not result.errors, result.errors
    rows = [r for t in result.score_tables for r in t.rows]
    assert [r.code for r in rows] == CODES
    assert [(r.max_points, r.self_points) for r in rows] == [(float(m), float(s)) for _, m, s in ROWS]
    assert not [c for c in result.checks if c.status == "mismatch"]

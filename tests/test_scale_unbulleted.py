"""A scoring scale printed under a criterion's name without bullets, one item a line ("Ban hành
đúng thời hạn: 1 điểm" / "Ban hành chậm: 0,5 điểm"): the name cell's printed lines (DOCX
paragraphs, a PDF cell's visual lines, a scan's OCR lines) tell the scale from the name. The
documents are written here (fictional commune), printed to PDF by LibreOffice and scanned by
pdftoppm + Tesseract; the expected rows are what the test wrote."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from docx import Document

from cchc_extract.pipeline import convert_file
from extract.segment.scale_lines import unbulleted_scale
from layout_docs import scanned_page, to_pdf


@pytest.mark.parametrize(
    "lines, expected",
    [
        # One item a line under a one-line name.
        (
            ["Ban hành kế hoạch CCHC năm", "Ban hành đúng thời hạn: 1 điểm", "Ban hành chậm: 0,5 điểm"],
            ("Ban hành kế hoạch CCHC năm", ["Ban hành đúng thời hạn: 1 điểm", "Ban hành chậm: 0,5 điểm"]),
        ),
        # A name wrapped onto a line of its own that opens with a capital (an acronym): the items
        # are the lines from the first one that opens an item after which all lines are items.
        (
            ["Ban hành kế hoạch", "CCHC năm 2025", "Ban hành đúng hạn: 1 điểm", "Chậm: 0 điểm"],
            ("Ban hành kế hoạch CCHC năm 2025", ["Ban hành đúng hạn: 1 điểm", "Chậm: 0 điểm"]),
        ),
        # An item wrapped in small letters, and the points' word wrapped alone.
        (
            ["Mức độ hoàn thành", "Hoàn thành từ 80% đến", "dưới 100%: 1", "Dưới 80%: 0,5", "điểm"],
            ("Mức độ hoàn thành", ["Hoàn thành từ 80% đến dưới 100%: 1", "Dưới 80%: 0,5 điểm"]),
        ),
        # A name line opening with a capital ("I, quí III"), and an item whose points wrap alone.
        (
            [
                "Tất cả báo cáo gửi đúng thời gian (báo cáo quí",
                "I, quí III, báo cáo năm)",
                "Đủ và đúng hạn: 1",
                "Không đủ báo cáo hoặc không đúng thời gian quy định:",
                "0",
            ],
            (
                "Tất cả báo cáo gửi đúng thời gian (báo cáo quí I, quí III, báo cáo năm)",
                ["Đủ và đúng hạn: 1", "Không đủ báo cáo hoặc không đúng thời gian quy định: 0"],
            ),
        ),
        # A name wrapped in small letters, no scale.
        (["Công khai thủ tục hành chính", "đầy đủ, kịp thời"], None),
        # One line ending in points is the name's own wording, not a scale.
        (["Tổ chức đối thoại", "Có tổ chức: 1 điểm"], None),
        # The name itself ends in points: it is no name over a scale.
        (["Tỷ lệ đạt 100%: 2 điểm", "Dưới 100%: 1 điểm", "Không đạt: 0 điểm"], None),
        # A bulleted scale is read by ``split_scale``.
        (["Ban hành kế hoạch", "- Đúng hạn: 1 điểm", "- Chậm: 0 điểm"], None),
        # A last line that ends in no points: not a scale.
        (["Ban hành kế hoạch", "Đúng hạn: 1 điểm", "Chậm: 0 điểm", "Ghi chú thêm"], None),
    ],
)
def test_unbulleted_scale(lines, expected):
    assert unbulleted_scale(lines) == expected


# The score table written: code, name lines, maximum, self-assessed points, explanation.
ROWS = [
    ("1", ["Công tác chỉ đạo, điều hành cải cách hành chính"], "3", "2,5", ""),
    (
        "1.1",
        [
            "Ban hành kế hoạch CCHC năm",
            "Ban hành đúng thời hạn: 1 điểm",
            "Ban hành chậm: 0,5 điểm",
            "Không ban hành: 0 điểm",
        ],
        "1",
        "1",
        "Kế hoạch số 12/KH-UBND",
    ),
    (
        "1.2",
        [
            "Mức độ hoàn thành kế hoạch",
            "Hoàn thành 100% kế hoạch: 2",
            "Hoàn thành từ 80% đến dưới 100%: 1",
            "Dưới 80%: 0",
        ],
        "2",
        "1,5",
        "",
    ),
    ("2", ["Cải cách thủ tục hành chính"], "2", "2", ""),
    ("2.1", ["Công khai thủ tục hành chính đầy đủ, kịp thời"], "2", "2", ""),
]
EXPECTED = [
    ("1", "Công tác chỉ đạo, điều hành cải cách hành chính", []),
    (
        "1.1",
        "Ban hành kế hoạch CCHC năm",
        ["Ban hành đúng thời hạn: 1 điểm", "Ban hành chậm: 0,5 điểm", "Không ban hành: 0 điểm"],
    ),
    (
        "1.2",
        "Mức độ hoàn thành kế hoạch",
        ["Hoàn thành 100% kế hoạch: 2", "Hoàn thành từ 80% đến dưới 100%: 1", "Dưới 80%: 0"],
    ),
    ("2", "Cải cách thủ tục hành chính", []),
    ("2.1", "Công khai thủ tục hành chính đầy đủ, kịp thời", []),
]
POINTS = [(3.0, 2.5), (1.0, 1.0), (2.0, 1.5), (2.0, 2.0), (2.0, 2.0)]


def write_docx(path: Path) -> Path:
    document = Document()
    document.add_paragraph("ỦY BAN NHÂN DÂN XÃ TÂN HƯNG")
    document.add_paragraph("BẢNG TỰ ĐÁNH GIÁ, CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2025")
    table = document.add_table(rows=1, cols=5)
    table.style = "Table Grid"
    for cell, label in zip(
        table.rows[0].cells, ["STT", "Lĩnh vực/Tiêu chí", "Điểm tối đa", "Điểm tự đánh giá", "Giải trình"]
    ):
        cell.text = label
    for code, lines, most, own, note in ROWS:
        cells = table.add_row().cells
        cells[0].text = code
        cells[1].text = lines[0]
        for line in lines[1:]:
            cells[1].add_paragraph(line)  # a paragraph a line, no bullet
        cells[2].text, cells[3].text, cells[4].text = most, own, note
    document.save(str(path))
    return path


def score_rows(path: Path):
    result = convert_file(path)
    assert not result.errors, result.errors
    assert len(result.score_tables) == 1
    return result.score_tables[0].rows


def assert_names_and_scales(rows) -> None:
    assert [(r.code, r.name, r.scale) for r in rows] == EXPECTED


def test_docx_paragraphs_under_the_name(tmp_path):
    rows = score_rows(write_docx(tmp_path / "thang-diem.docx"))
    assert_names_and_scales(rows)
    assert [(r.max_points, r.self_points) for r in rows] == POINTS


@pytest.mark.needs_libreoffice
def test_pdf_cell_lines_under_the_name(tmp_path):
    pdf = to_pdf(write_docx(tmp_path / "thang-diem.docx"))
    assert pdf is not None
    rows = score_rows(pdf)
    assert_names_and_scales(rows)
    assert [(r.max_points, r.self_points) for r in rows] == POINTS


@pytest.mark.needs_libreoffice
@pytest.mark.needs_tesseract
def test_scanned_cell_lines_under_the_name(tmp_path):
    pdf = to_pdf(write_docx(tmp_path / "thang-diem.docx"))
    assert pdf is not None and shutil.which("pdftoppm")
    rows = score_rows(scanned_page(pdf, tmp_path / "scan"))
    # The names and scales as printed (OCR reads this clean 300-dpi page's words right); the
    # figures are left to the OCR tests.
    assert [(r.code, r.name, r.scale) for r in rows][1:3] == EXPECTED[1:3]

"""A công văn's metadata (extract/official_letter.py): "Số: 120/UBND-VP" has no kind code and the
"V/v" subject is the title. Before, such a letter came out with no number, no kind and no title.
Written as a real DOCX (the header as paragraphs, and as Decree 30's borderless two-column table)
and as the PDF LibreOffice makes of the table one."""

from pathlib import Path

import docx
import pytest

from cchc_extract.pipeline import convert_file, result_to_json
from layout_docs import plain_docx, to_pdf

LEFT = ("ỦY BAN NHÂN DÂN", "XÃ AN BÌNH", "Số: 120/UBND-VP", "V/v báo cáo kết quả cải cách hành chính", "quý I năm 2024")
RIGHT = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "An Bình, ngày 20 tháng 3 năm 2024")
BODY = (
    "Kính gửi: Phòng Nội vụ huyện Tân Lạc",
    "Thực hiện Công văn số 35/PNV ngày 10/3/2024 của Phòng Nội vụ, UBND xã báo cáo như sau:",
)
CLOSE = ("Nơi nhận:", "- Như trên;", "- Lưu: VT.", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Trần Văn Bình")
EXPECTED = {
    "number": "120/UBND-VP",
    "kind": "CV",
    "date": "2024-03-20",
    "commune": "An Bình",
    "signer": "Trần Văn Bình",
    "title": "báo cáo kết quả cải cách hành chính quý I năm 2024",
}


def _as_table(path: Path) -> Path:
    doc = docx.Document()
    header = doc.add_table(rows=1, cols=2)  # borderless: no table style
    for cell, lines in zip(header.rows[0].cells, (LEFT, RIGHT)):
        cell.paragraphs[0].text = lines[0]
        for text in lines[1:]:
            cell.add_paragraph(text)
    for text in BODY + CLOSE:
        doc.add_paragraph(text)
    doc.save(str(path))
    return path


def _meta(path: Path) -> dict:
    document = result_to_json(convert_file(path))["document"]
    return {key: document.get(key) for key in EXPECTED}


def test_a_letter_typed_as_paragraphs(tmp_path):
    path = plain_docx(tmp_path / "cv.docx", LEFT[:3] + RIGHT + LEFT[3:] + BODY, [], CLOSE)
    assert _meta(path) == EXPECTED


@pytest.mark.parametrize("fmt", ["docx", pytest.param("pdf", marks=pytest.mark.needs_libreoffice)])
def test_a_letter_with_the_decree_30_header_table(tmp_path, fmt):
    path = _as_table(tmp_path / "cv-table.docx")
    if fmt == "pdf":
        path = to_pdf(path)
        assert path is not None
    assert _meta(path) == EXPECTED


def test_a_citation_of_a_letter_in_the_body_is_no_number(tmp_path):
    """A plan whose header has no number line cites a letter in its body: not its own number."""
    head = (
        "ỦY BAN NHÂN DÂN XÃ AN BÌNH",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "KẾ HOẠCH",
        "Cải cách hành chính năm 2024",
    )
    body = ("Căn cứ Công văn Số: 35/UBND-VP ngày 10/3/2024 của UBND huyện;", "V/v triển khai nhiệm vụ")
    result = result_to_json(convert_file(plain_docx(tmp_path / "kh.docx", head + body, [], CLOSE)))
    assert result["document"]["number"] is None and result["document"]["kind"] == "KH"

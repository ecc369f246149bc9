"""A typed PDF whose last page holds only the signer's name (the signature block run over): that
page is read from its text layer, not by OCR, so the document stays typed — its cells are not
doubted as OCR's readings and the commune's own sum fault is reported as a mismatch, not a misread."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_BREAK

from cchc_extract.pipeline import convert_file, result_to_json
from extract.base import IngestOptions
from extract.pdf_reader import short_typed_page
from tests.layout_docs import CLOSE, SCORE_REPORT_HEAD, plain_docx, to_pdf

ROWS = [
    ("STT", "Nội dung", "Điểm tối đa", "Điểm tự chấm"),
    ("1", "Công tác chỉ đạo, điều hành cải cách hành chính", "6", "5"),  # 4 + 2 = 6, printed 5
    ("1.1", "Ban hành kế hoạch cải cách hành chính năm", "3", "4"),
    ("1.2", "Thực hiện chế độ báo cáo định kỳ", "3", "2"),
    ("2", "Cải cách thủ tục hành chính", "4", "4"),
    ("2.1", "Công khai thủ tục hành chính", "2", "2"),
    ("2.2", "Tiếp nhận, giải quyết hồ sơ đúng hạn", "2", "2"),
]


def _report(path: Path) -> Path:
    plain_docx(path, SCORE_REPORT_HEAD, ROWS, CLOSE)
    doc = docx.Document(str(path))
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    doc.add_paragraph("Nguyễn Văn An")  # the signer's name alone on the last page
    doc.save(str(path))
    return path


@pytest.fixture(scope="module")
def pdf(tmp_path_factory) -> Path:
    made = to_pdf(_report(tmp_path_factory.mktemp("short") / "report.docx"))
    if made is None:
        pytest.skip("LibreOffice is not installed")
    return made


def test_the_signers_page_is_read_from_its_text_layer(pdf: Path) -> None:
    import pdfplumber

    with pdfplumber.open(pdf) as doc:
        last = doc.pages[-1]
        assert len(doc.pages) == 2 and 0 < len(last.chars) < IngestOptions().min_text_chars
        assert short_typed_page(last, IngestOptions())
    result = convert_file(pdf)
    assert result.source.method == "pdf-text" and result.source.read_by_ocr is False
    data = result_to_json(result)
    assert data["document"]["signer"] == "Nguyễn Văn An"
    assert data["unread"] == []
    # the typed cells are the commune's: its wrong parent sum is its fault, not our misreading
    statuses = {(c.get("code"), c.get("field")): c["status"] for c in data["checks"] if c.get("code") == "1"}
    assert "mismatch" in statuses.values() and "misread" not in statuses.values()


def test_a_page_covered_by_a_picture_is_not_typed(pdf: Path) -> None:
    class Page:  # a scan's page: one picture over it and a scanner's few characters of text
        width, height = 600.0, 800.0
        chars = [{"text": t} for t in "Page 2"]
        curves: list = []
        images = [{"x0": 10.0, "x1": 590.0, "top": 10.0, "bottom": 790.0}]

    assert not short_typed_page(Page(), IngestOptions())
    Page.images = []
    assert short_typed_page(Page(), IngestOptions())
    Page.curves = [{}] * 200  # text drawn as outlines, a page number in real text
    assert not short_typed_page(Page(), IngestOptions())

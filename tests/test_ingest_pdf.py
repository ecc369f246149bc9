"""The PDF reader on LibreOffice renderings (text layer, ruled and unruled tables) and on an
image-only scan (per-page OCR fallback, real Tesseract)."""

from pathlib import Path

import pytest

from extract.base import IngestError, ingest
from extract.pdf_reader import has_text_layer

RENDERINGS = Path(__file__).resolve().parents[1] / "samples" / "renderings"
BAD = Path(__file__).resolve().parent / "data" / "bad"


@pytest.fixture(scope="module")
def score_pdf():
    return ingest(RENDERINGS / "score_table.pdf")


def test_ruled_table_matches_the_docx_it_was_made_from(score_pdf):
    assert score_pdf.format == "pdf" and score_pdf.method == "pdf-text"
    tables = list(score_pdf.tables())
    assert [t.source for t in tables] == ["pdf-lines", "pdf-lines"]  # one table, split over two pages
    assert [t.n_cols for t in tables] == [5, 5]
    docx_rows = next(ingest(RENDERINGS / "score_table.docx").tables()).text_rows()
    pdf_rows = tables[0].text_rows() + tables[1].text_rows()
    assert pdf_rows == docx_rows
    header = {(c.row, c.col): c for c in tables[0].cells}
    assert header[(0, 2)].text == "Điểm" and header[(0, 2)].col_span == 2
    assert header[(0, 0)].row_span == 2 and header[(1, 3)].text == "Tự đánh giá"
    assert all(c.bbox is not None for c in tables[0].cells)


def test_bold_from_font_name_and_words_not_duplicated(score_pdf):
    table = next(score_pdf.tables())
    cells = {(c.row, c.col): c for c in table.cells}
    rows = table.text_rows()
    section = next(i for i, r in enumerate(rows) if r[0] == "1.")
    leaf = next(i for i, r in enumerate(rows) if r[0] == "1.1.1")
    assert cells[(section, 1)].bold and not cells[(leaf, 1)].bold
    page1 = score_pdf.pages[0]
    assert page1.lines[0].text == "ỦY BAN NHÂN DÂN XÃ" and page1.lines[0].bold
    # words inside the table are in its cells, not in lines
    assert not any("Kế hoạch CCHC năm" in ln.text for ln in page1.lines)
    tops = [b.bbox[1] for b in page1.blocks]
    assert tops == sorted(tops)


def test_unruled_table_from_text_alignment():
    doc = ingest(RENDERINGS / "task_list_unruled.pdf")
    table = next(doc.tables())
    assert table.source == "pdf-text" and table.n_cols == 5 and table.n_rows >= 10
    assert table.text_rows()[0] == ["1", "1.1.1", "Hoàn thành trước ngày 12/01/2023", "Văn phòng- Thống kê",
                                    "Hồ Thị Kim Chi"]
    assert doc.pages[0].lines[0].text == "PHỤ LỤC: PHÂN CÔNG NHIỆM VỤ"


def test_narrative_page_gives_no_false_table():
    doc = ingest(RENDERINGS / "stats_annex.pdf")
    assert not doc.pages[0].tables
    assert any("đạt 78,94%" in ln.text for ln in doc.pages[0].lines)
    assert [t.source for t in doc.tables()] == ["pdf-lines"]


def test_text_layer_quality_gate():
    def chars(text):
        return [{"text": ch} for ch in text]

    assert has_text_layer(chars("Kế hoạch cải cách hành chính năm 2024"), 20, 0.6)
    assert not has_text_layer(chars("Kế hoạch"), 20, 0.6)  # too little: a scan with a stray caption
    assert not has_text_layer([{"text": "(cid:12)"}] * 40 + chars("abc"), 20, 0.6)  # broken font map
    assert not has_text_layer(chars("\ue000\ue001\ue002" * 10), 20, 0.6)  # private-use garbage


def test_scanned_pdf_pages_are_ocred():
    doc = ingest(RENDERINGS / "score_table_scan.pdf")
    assert doc.method == "ocr" and [p.method for p in doc.pages] == ["ocr", "ocr"]
    tables = list(doc.tables())
    assert tables and all(t.source == "ocr-lines" for t in tables)
    assert tables[0].n_cols == 5
    text = doc.text()
    assert "CẢI CÁCH HÀNH CHÍNH" in text or "CẢI CÁCH" in " ".join(c.text for t in tables for c in t.cells)


@pytest.mark.parametrize("name, message", [
    ("encrypted.pdf", "^encrypted PDF: password required$"),
    ("truncated.pdf", "^corrupt PDF: "),
])
def test_bad_pdfs_are_one_line_errors(name, message):
    with pytest.raises(IngestError, match=message) as info:
        ingest(BAD / name)
    assert "\n" not in str(info.value)


def test_each_page_decides_text_layer_or_ocr():
    doc = ingest(RENDERINGS / "mixed_text_and_scan.pdf")
    assert [p.method for p in doc.pages] == ["pdf-text", "ocr"] and doc.method == "mixed"
    assert doc.pages[0].tables[0].source == "pdf-text"
    scan_table = doc.pages[1].tables[0]
    assert scan_table.source == "ocr-lines" and scan_table.n_cols == 5
    assert any(r[3] == "78,94%" for r in scan_table.text_rows())
    # numbering runs on across the pages
    assert doc.pages[1].blocks[0].number > doc.pages[0].tables[0].line_end or \
        getattr(doc.pages[1].blocks[0], "line_start", 0) > doc.pages[0].tables[0].line_end

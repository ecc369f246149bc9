"""The PDF reader on LibreOffice renderings (text layer, ruled and unruled tables) and on an
image-only scan (per-page OCR fallback, real Tesseract)."""

import json
from pathlib import Path

import pytest

from extract.base import IngestError, ingest
from extract.pdf_reader import has_text_layer

ROOT = Path(__file__).resolve().parents[1]
RENDERINGS = ROOT / "samples" / "renderings"
BAD = Path(__file__).resolve().parent / "data" / "bad"


@pytest.fixture(scope="module")
def score_pdf():
    return ingest(RENDERINGS / "score_table.pdf")


def test_ruled_table_matches_the_docx_it_was_made_from(score_pdf):
    assert score_pdf.format == "pdf" and score_pdf.method == "pdf-text"
    from extract.segment.table_join import join_tables

    tables = list(score_pdf.tables())
    # one table over every page, its two header rows repeated on each (w:tblHeader)
    assert len(tables) == len(score_pdf.pages) >= 4
    assert all(t.source == "pdf-lines" and t.n_cols == 5 for t in tables)
    assert all(t.text_rows()[1][2:4] == ["Tối đa", "Tự đánh giá"] for t in tables)
    # a row the page break cut in two: its continuation starts a page with a blank code cell
    assert any(t.text_rows()[2][0] == "" for t in tables[1:])
    docx_rows = next(ingest(RENDERINGS / "score_table.docx").tables()).text_rows()
    (joined,) = join_tables(score_pdf)  # headers dropped, split rows merged
    assert joined.header == docx_rows[:2]
    assert [r.cells for r in joined.rows] == docx_rows[2:]
    assert joined.rows[-1].cells[1:4] == ["Tổng", "100", ""]
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
    rows = table.text_rows()
    assert rows[0] == ["TT", "TC", "Thời gian hoàn thành", "Bộ phận chủ trì", "Công chức cung cấp tài liệu kiểm chứng"]
    assert all(c.bold for c in table.cells if c.row == 0) and not any(c.bold for c in table.cells if c.row == 1)
    reference = json.loads(
        (ROOT / "golden" / "reference" / "renderings" / "task_list_unruled.pdf.reference.json").read_text("utf-8")
    )["task_tables"][0]["rows"]
    assert [(r[0], r[1], r[3]) for r in rows[1:]] == [(r["code"], r["criterion_code"], r["lead"]) for r in reference]
    assert rows[1] == ["1", "1.1.1", "Hoàn thành trước ngày 12/01/2023", "Văn phòng- Thống kê", "Hồ Thị Kim Chi"]
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


@pytest.mark.needs_tesseract
def test_scanned_pdf_pages_are_ocred_at_their_own_resolution():
    from extract.segment.table_join import join_tables

    doc = ingest(RENDERINGS / "score_table_scan.pdf")
    assert doc.method == "ocr" and len(doc.pages) >= 4 and all(p.method == "ocr" for p in doc.pages)
    # each page is one 200 dpi bilevel image: OCR'd as it is, not re-rendered at ocr_dpi
    assert all(p.dpi == 200 and p.width == 1654 for p in doc.pages)
    tables = list(doc.tables())
    assert len(tables) == len(doc.pages) and all(t.source == "ocr-lines" and t.n_cols == 5 for t in tables)
    (joined,) = join_tables(doc)
    reference = json.loads(
        (ROOT / "golden" / "reference" / "renderings" / "score_table_scan.pdf.reference.json").read_text("utf-8")
    )["score_tables"][0]["rows"]
    fmt = lambda v: "" if v is None else f"{v:g}"  # noqa: E731
    expected = [(r["code_printed"], fmt(r["max_points"]), fmt(r["self_points"])) for r in reference]
    got = [(r.cells[0], r.cells[2], r.cells[3]) for r in joined.rows]
    assert len(got) == len(expected) + 1  # and the "Tổng" row
    assert sum(g == e for g, e in zip(got, expected)) >= 0.75 * len(expected)  # measured 84 of 105


def test_embedded_scan_only_for_a_page_that_is_one_image():
    import pypdfium2 as pdfium
    from PIL import ImageStat

    from extract.pdf_page_image import embedded_scan

    for name, expect in (("mixed_text_and_scan.pdf", [None, 300]), ("score_table.pdf", [None])):
        pdf = pdfium.PdfDocument(str(RENDERINGS / name))
        try:
            found = [embedded_scan(pdf[i]) for i in range(len(expect))]
            assert [f and f[1] for f in found] == expect
            if found[-1]:
                image, dpi = found[-1]
                assert image.mode == "L" and image.size == (2481, 3508)
                # the raw bitmap reads as printed: mostly white paper (Group 4 BlackIs1 handled)
                assert ImageStat.Stat(image.resize((100, 140))).mean[0] > 200
        finally:
            pdf.close()


@pytest.mark.parametrize(
    "name, message",
    [
        ("encrypted.pdf", "^encrypted PDF: password required$"),
        ("truncated.pdf", "^could not open PDF: "),
    ],
)
def test_bad_pdfs_are_one_line_errors(name, message):
    with pytest.raises(IngestError, match=message) as info:
        ingest(BAD / name)
    assert "\n" not in str(info.value)


@pytest.mark.needs_tesseract
def test_each_page_decides_text_layer_or_ocr():
    doc = ingest(RENDERINGS / "mixed_text_and_scan.pdf")
    assert [p.method for p in doc.pages] == ["pdf-text", "ocr"] and doc.method == "mixed"
    assert doc.pages[0].tables[0].source == "pdf-text"
    scan_table = doc.pages[1].tables[0]
    assert scan_table.source == "ocr-lines" and scan_table.n_cols == 5
    assert any(r[3] == "78,94%" for r in scan_table.text_rows())
    # numbering runs on across the pages
    assert (
        doc.pages[1].blocks[0].number > doc.pages[0].tables[0].line_end
        or getattr(doc.pages[1].blocks[0], "line_start", 0) > doc.pages[0].tables[0].line_end
    )

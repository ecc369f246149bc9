"""A "searchable" scan: a scanned page with another program's invisible OCR text over it is read by
our OCR, not from that layer (extract.pdf_ocr_layer). The PDF is the one Tesseract's own ``pdf``
output writes (the image plus invisible text), from a real scan of a score table; the rows are
checked against the golden of the same image (golden/renderings/score_table_scan.png.json, whose
12 rows match the page: codes 7 … 7.2.2, maxima and self points)."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from cchc_extract.pipeline import convert_file, result_to_json

ROOT = Path(__file__).resolve().parents[1]
SCAN = ROOT / "samples" / "renderings" / "score_table_scan.png"
GOLDEN = ROOT / "golden" / "renderings" / "score_table_scan.png.json"


def _rows(result: dict) -> list[tuple]:
    return [(r["code"], r["max_points"], r["self_points"]) for t in result["score_tables"] for r in t["rows"]]


@pytest.fixture(scope="module")
def searchable_scan(tmp_path_factory) -> Path:
    """The scan as Tesseract's searchable PDF, its text layer read by the Latin-only ``eng`` model
    (as many scanners' software does): diacritics lost or swapped in the layer."""
    if shutil.which("tesseract") is None:
        pytest.skip("tesseract is not installed (tesseract-ocr)")
    out = tmp_path_factory.mktemp("searchable") / "scan"
    subprocess.run(["tesseract", str(SCAN), str(out), "-l", "eng", "pdf"], check=True, capture_output=True)
    return out.with_suffix(".pdf")


@pytest.mark.needs_tesseract
def test_a_scan_with_an_ocr_text_layer_is_read_by_our_ocr(searchable_scan):
    import pdfplumber

    with pdfplumber.open(searchable_scan) as pdf:  # the layer is there, and garbled for Vietnamese
        layer = pdf.pages[0].extract_text()
    assert "7.1.1" in layer and "Ứng dụng CNTT trong hoạt động của cơ quan" not in layer
    result = result_to_json(convert_file(searchable_scan))
    assert _rows(result) == _rows(json.loads(GOLDEN.read_text("utf-8")))
    names = [r["name"] for t in result["score_tables"] for r in t["rows"]]
    assert names[2].startswith("Ban hành Kế hoạch ứng dụng CNTT trong hoạt động của cơ quan")
    assert any("OCR text on it; read by our own OCR" in e["message"] for e in result["errors"])
    assert not result["unread"]


@pytest.mark.needs_tesseract
def test_only_a_scan_under_invisible_text_counts_as_one(searchable_scan):
    import pypdfium2 as pdfium

    from extract.pdf_ocr_layer import is_scan_with_ocr_layer

    for path, expect in (
        (searchable_scan, [True]),
        (ROOT / "samples" / "renderings" / "score_table.pdf", [False]),  # typed: visible text, no image
        (ROOT / "samples" / "renderings" / "mixed_text_and_scan.pdf", [False, False]),  # a bare scan: no text
    ):
        pdf = pdfium.PdfDocument(str(path))
        try:
            assert [is_scan_with_ocr_layer(pdf[i]) for i in range(len(expect))] == expect
        finally:
            pdf.close()

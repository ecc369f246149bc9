"""Two things a held-out scan (corpus seed 12001, S27: the scan of an N50 annex printed across,
a row per hamlet and the commune's total row) showed.

A blank page the scanner fed between the report and the annex: OCR finds no word on it, and the
page is bare paper (dust only), so it is told as a blank page for certain, not as a page OCR
could not read. ``blank_scan_page.jpg`` is that page, halved (141 dpi), JPEG.

The annex's row of units under its indicators, as Tesseract read it: "(%)" came out "®)". That
one cell made the row no row of units, and the whole annex was told unread (8 rows × 14 columns).
The header cells below are copied from that OCR output; the units are the truth file's."""

from __future__ import annotations

from pathlib import Path

from PIL import Image

from extract.image_prep import greyscale
from extract.ocr_image import bare_paper
from extract.ocr_settings import OcrSettings
from extract.segment.stat_across_units import unit_row_apart

DATA = Path(__file__).parent / "data"

LABELS = [
    ". STT",
    "Tên thôn, tổ dân phố",
    "1. Số văn bản chỉ đạo, điều hành CCHC đã ban hành",
    "2 Công khai thủ tực hành chính",
    "2.1. Tổng số thủ tục hành chính thuộc thẩm quyền giải quyết của UBND xã",
    "a) Số TTHC cung cấp dịch vụ công trực tuyến toàn trình",
    "b) Số TTHC cung cấp dịch vụ công trực tuyến một phần",
    "c) Số TTHC chỉ cung cấp thông tin",
    "2.2. Tỷ lệ TTHC cung cấp dịch vụ công trực tuyến toàn trình",
    "3. Số cán bộ, công chức cấp xã",
    "3.1. Số cán bộ, công chức đạt chuẩn",
    "3.2. Số cán bộ, công chức chưa đạt chuẩn",
    "3.3. Tỷ lệ cán bộ, công chức đạt chuẩn",
    "4. Số sáng kiến, giải pháp CCHC được công nhận",
]
UNITS_READ = [
    "",
    "Đơn vị tính",
    "(Văn bản)",
    "",
    "(Thủ tục)",
    "(Thủ tục)",
    "(Thủ tục)",
    "(Thủ tục)",
    "(%)",
    "(Người)",
    "(Người)",
    "(Người)",
    "®)",
    "(Sáng kiến)",
]


def test_a_scanned_blank_page_is_bare_paper():
    assert bare_paper(greyscale(Image.open(DATA / "blank_scan_page.jpg")), OcrSettings())


def test_a_photographed_page_of_print_is_not_bare_paper():
    assert not bare_paper(greyscale(Image.open(DATA / "photo_shaded_corner.jpg")), OcrSettings())


def test_a_row_of_units_with_one_unit_garbled_is_still_the_units_row():
    header, units = unit_row_apart([LABELS, UNITS_READ])
    assert header == [LABELS]
    assert units == {
        2: "Văn bản",
        4: "Thủ tục",
        5: "Thủ tục",
        6: "Thủ tục",
        7: "Thủ tục",
        8: "%",
        9: "Người",
        10: "Người",
        11: "Người",
        13: "Sáng kiến",
    }

"""A scanned annex printed as lines with dot leaders ("3.1. Số hồ sơ TTHC đã giải quyết ....... 3.128
hồ sơ"): the leaders are erased before Tesseract reads the page, which then puts the figures in a
block of their own, and ``ocr_lines.side_by_side`` joins each figure's line to its name's. It took
a figure's line for a row's only when it opened with a points figure ("16", "96,74"): a figure in
thousands ("3.128", "1.581") stayed a line apart, sorted before or after its name by the page's
slope, and the rows took each other's figures. On c104f28b "a) Giải quyết trước hạn" read 1.445
(b's) and b's figure was derived from the sum (seed 12001's S19 scan of N27)."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.image_reader import ImageReader
from extract.model import Line
from extract.ocr_lines import opens_a_figure

DATA = Path(__file__).parent / "data" / "scans67"

# The generator's truth (s19-i2-n27-i2-stat-lines-unit-after.pdf.truth.json): rows of the crop, their
# figures as the page prints them.
TRUTH = [
    ("Số văn bản chỉ đạo, điều hành CCHC đã ban hành", "16"),
    ("Số hồ sơ TTHC đã giải quyết", "3.128"),
    ("Giải quyết trước hạn", "1.581"),
    ("Giải quyết đúng hạn", "1.445"),
    ("Giải quyết quá hạn", "102"),
    ("Số phản ánh, kiến nghị đã xử lý", "12"),
]


def test_a_line_opening_with_a_figure_in_thousands_is_a_rows_figure():
    assert opens_a_figure("3.128")
    assert opens_a_figure("10.523")
    assert opens_a_figure("1,581")
    assert opens_a_figure("96,74")
    assert opens_a_figure("5")
    # a date, a code or a word is no row's figure
    assert not opens_a_figure("26/01/2024")
    assert not opens_a_figure("1.1.2")
    assert not opens_a_figure("CHỦ")
    assert not opens_a_figure("1.5810")


@pytest.mark.needs_tesseract
def test_leader_lines_keep_their_figures_in_thousands():
    doc = ImageReader().read(DATA / "s12001-s19-i2-n27-leader-figures-page2.jpg")
    lines = [b.text for page in doc.pages for b in page.blocks if isinstance(b, Line)]
    for name, figure in TRUTH:
        (line,) = [text for text in lines if name in text]
        # the figure on its name's line, right after it (the leader erased between)
        assert line.split(name, 1)[1].split()[0] == figure, line
    # and no line of a figure alone is left over
    assert not [text for text in lines if text[:1].isdigit() and "hồ sơ" in text and len(text.split()) <= 3]

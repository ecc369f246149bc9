"""A decimal comma Tesseract dropped twice: a bold "2,5" read "25" on the page and "25" again when the
cell is read with digits and the comma only. The ink between the digits still shows the comma
(``ocr_commas.comma_place``), so it is put back where it stands ("2" "," "5": "2,5") when the
reading has one character per digit glyph, and the value stays doubtful (capped at the retry's
0.65, in the review queue). On fc109027 the second reading the same left "25" (held-out seed
14001's S18 scan of N25: 1.3's and 1.5's maxima 25 for 2,5, against a field of 10)."""

from __future__ import annotations

from pathlib import Path

import pytest

from cchc_extract.pipeline import convert_file
from extract.ocr_commas import comma_place, placed_comma
from extract.ocr_settings import OcrSettings

DATA = Path(__file__).parent / "data" / "scans69"


def test_the_comma_goes_where_its_ink_stands():
    # glyph boxes (left, top, right, bottom) of that scan's bold "2,5" (237 dpi): the comma's tail
    # 4 px under the digits' baseline
    settings = OcrSettings()
    assert comma_place([(0, 0, 14, 22), (15, 17, 22, 26), (23, 1, 37, 22)], settings) == (1, 2)
    assert comma_place([(0, 0, 14, 22), (16, 0, 30, 22), (31, 17, 38, 26), (39, 1, 53, 22)], settings) == (2, 3)
    assert comma_place([(0, 1, 12, 25), (16, 0, 31, 25)], settings) is None  # a whole "25"
    assert placed_comma("25", 1, 2) == "2,5"
    assert placed_comma("125", 2, 3) == "12,5"
    # a reading with more or fewer characters than the ink has digits: the place would be a guess
    assert placed_comma("25", 1, 3) is None
    assert placed_comma("2", 1, 1) is None
    assert placed_comma("2,5", 1, 2) is None


@pytest.mark.needs_tesseract
def test_a_comma_read_twice_as_nothing_is_put_back_and_doubted():
    """The top of page 2 of that scan (its embedded image cut to the first field's criteria, saved
    again as a PDF at JPEG quality 40, 237 dpi as scanned): fc109027 read 1.3's maximum 25."""
    result = convert_file(DATA / "s14001-s18-i5-n25-details-page2-top.pdf")
    rows = {r.code: r for t in result.score_tables for r in t.rows}
    # the generator's truth (s18-i5-n25-i5-fields-then-details-headings.pdf.truth.json)
    truth = {"1.1": (3, 3), "1.1.1": (1, 1), "1.1.2": (2, 2), "1.2": (2, 2), "1.3": (2.5, 2.5), "1.4": (2, 2)}
    truth |= {"1.5": (2.5, 2.5)}
    assert {code: (r.max_points, r.self_points) for code, r in rows.items() if code in truth} == truth
    assert "unsure_max_points:0.65" in rows["1.3"].flags
    assert rows["1.3"].value_confidence["max_points"] < 0.8

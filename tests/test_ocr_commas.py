"""A decimal comma Tesseract dropped from a scanned points cell ("2,5" read "25" in a bold row),
seen in the ink between the digits and read again with digits and the comma
(``extract/ocr_commas.py``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from cchc_extract.pipeline import convert_file
from extract.ocr_commas import comma_between
from extract.ocr_settings import OcrSettings

DATA = Path(__file__).parent / "data" / "scans_commas"


def test_a_small_low_glyph_between_two_digits_is_a_comma():
    """Glyph boxes (left, top, right, bottom) as a 228-dpi scan prints "2,5" (digits 30 px high, the
    comma 11 px under the baseline's line and past it), "25" and "25" with a speck of dust low
    between the digits."""
    settings = OcrSettings()
    two_five = [(0, 0, 18, 30), (21, 24, 27, 36), (30, 0, 48, 30)]
    assert comma_between(two_five, settings)
    assert not comma_between([(0, 0, 18, 30), (20, 0, 38, 30)], settings)
    speck = [(0, 0, 18, 30), (19, 27, 21, 29), (22, 0, 40, 30)]
    assert not comma_between(speck, settings)
    # a mark high between the digits (a quote, a rule's stub) is no comma
    assert not comma_between([(0, 0, 18, 30), (21, 0, 27, 10), (30, 0, 48, 30)], settings)


@pytest.mark.needs_tesseract
def test_a_bold_rows_lost_comma_is_read_again_and_doubted():
    """The first field's table of a real scan (dev seed 10201, S18 instance 5: the scan of N25, its
    page 2 down to the table's foot, 228 dpi as scanned). Tesseract read the bold rows' "2,5" as
    "25": 1.3's maximum and self points and 1.5's maximum came out 25, the self points with no
    flag (main 707ccdb3). Each is read 2.5 now, and doubted (read a second time, 0.65)."""
    result = convert_file(DATA / "s10201-s18-i5-n25-bold-comma.jpg")
    rows = {r.code: r for t in result.score_tables for r in t.rows}
    truth = {
        "1.1": (3, 3),
        "1.1.1": (1, 1),
        "1.1.2": (2, 2),
        "1.2": (2, 2),
        "1.3": (2.5, 2.5),
        "1.4": (2, 1.5),
        "1.5": (2.5, 1),
    }
    assert {code: (r.max_points, r.self_points) for code, r in rows.items()} == truth
    assert "unsure_max_points:0.65" in rows["1.3"].flags and "unsure_self_points:0.65" in rows["1.3"].flags
    assert "unsure_max_points:0.65" in rows["1.5"].flags
    assert not [r for r in rows.values() if r.code in ("1.1", "1.2", "1.4") and "number_unsure" in r.flags]

"""A digit Tesseract dropped from a points cell ("5,75" read "5,5", sure of it, 0.83) in a column that
prints no whole number: a field summary's self points ("10,5", "6,5", "17,25", "6,25", "4,5", "5,75").
``ocr_cells.glyphs_lost`` measures a reading's box against the type's em, taken from the column's
whole numbers; with none, the table's other points columns give it (a row's figures share one type
size: the maxima "12", "8", "18"), so the cell's box, a glyph wider than "5,5" sets, is read again
(dev seed 15101's S18 scan of N25, page 1; on fc109027 it stayed 5,5 and undoubted)."""

from __future__ import annotations

from pathlib import Path

import pytest

from cchc_extract.pipeline import convert_file

DATA = Path(__file__).parent / "data" / "scans69"


@pytest.mark.needs_tesseract
def test_a_digit_lost_in_a_column_of_decimals_is_read_again():
    """The field summary of that scan's page 1 (its embedded image cut round the table, saved again
    as a PDF at JPEG quality 50, 242 dpi as scanned)."""
    result = convert_file(DATA / "s15101-s18-i5-n25-fields-page1.pdf")
    rows = {r.code: r for t in result.score_tables for r in t.rows}
    # the generator's truth (s18-i5-n25-i5-fields-then-details-headings.pdf.truth.json)
    truth = {"1": (12, 10.5), "2": (8, 6.5), "3": (18, 17.25), "4": (7, 6.25), "5": (10, 4.5), "6": (7, 5.75)}
    assert {code: (r.max_points, r.self_points) for code, r in rows.items()} == truth
    # read a second time: doubted by its cell, not its row's maximum
    assert "unsure_self_points:0.65" in rows["6"].flags

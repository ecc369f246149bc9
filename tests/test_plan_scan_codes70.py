"""A task grid's criterion codes read with a comma for their dot (seed 16281, S12 instance 9: a P01
plan's landscape task appendix, signed, sealed and scanned): "4,1" and "7,1" where the page prints
4.1 and 7.1 (the generator's truth), a speck under the dot. No criterion code prints a comma and a
codes column holds no figures: the dot is put back (``task_columns.ocr_code``). The cells are
Tesseract's readings on that page."""

from __future__ import annotations

from extract.segment.task_columns import ocr_code


def test_a_code_whose_dot_ocr_read_as_a_comma():
    assert ocr_code("4,1") == "4.1"
    assert ocr_code("7,1") == "7.1"
    assert ocr_code("3,2.1") == "3.2.1"


def test_codes_as_printed_and_no_codes_stay():
    assert [ocr_code(t) for t in ("4.1", "7.1.2", "Z1")] == ["4.1", "7.1.2", "7.1"]
    # a figure with a decimal comma of three digits, a word: no code, left as read
    assert ocr_code("4,125") == "4,125"
    assert ocr_code("Xã") == "Xã"

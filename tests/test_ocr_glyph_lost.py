"""A number whose ink is a glyph wider than its reading (``extract.ocr_cells.glyphs_lost``).

Seed 8001's S18 scan (held out; the mend was found reading it): "3,75" in a 300-dpi score table was
read "3,5" at Tesseract confidence 0.74, above the re-read threshold, so it was held sure and its
parent's sum (7,25 = 3,5 + 3,75) was reported as the commune's fault. Its word box was the width of
"3,75": digits are set on one width (half an em), so the box says a glyph is missing. The cell is
read again with digits only; a second reading the same stays doubtful."""

from __future__ import annotations

from extract.model import Word
from extract.ocr_cells import glyphs_lost
from extract.ocr_settings import OcrSettings

# 300 dpi, 13 pt Times: an em is about 54 px, a digit 37 px high and 27 px of advance.
EM = 54.0
DIGIT_H = 0.68 * EM


def _word(text: str, x0: float, top: float, advance_em: float) -> Word:
    tail = 0.15 * EM if "," in text else 0.0  # a comma's tail below the line
    width = (advance_em - 0.1) * EM
    return Word(text=text, bbox=(x0, top, x0 + width, top + DIGIT_H + tail), conf=0.9)


def _column(readings: list[tuple[str, float]]):
    cells, by_cell, texts = [], {}, {}
    for r, (text, advance_em) in enumerate(readings):
        box = (600.0, 100.0 + 60 * r, 800.0, 150.0 + 60 * r)
        cells.append((box, r, 2, 1, 1))
        by_cell[box] = [_word(text, 650.0, box[1] + 5, advance_em)]
        texts[box] = text
    return cells, by_cell, texts


def test_a_reading_a_digit_short_of_its_ink_is_found_and_no_other():
    # (text read, the advance of what the page prints, in ems: 0,5 a digit, 0,25 a comma)
    readings = [("8", 0.5), ("7,25", 1.75), ("3,5", 1.25), ("3,5", 1.75), ("11", 1.0), ("1", 0.5), ("4", 0.5)]
    cells, by_cell, texts = _column(readings)
    lost = glyphs_lost(cells, {2}, by_cell, texts, OcrSettings())
    assert [cell[1] for cell in cells if cell[0] in lost] == [3]  # the "3,5" printed "3,75"


def test_a_column_too_short_to_know_its_digits_is_left_alone():
    cells, by_cell, texts = _column([("3,5", 1.75), ("2", 0.5)])
    assert glyphs_lost(cells, {2}, by_cell, texts, OcrSettings()) == set()

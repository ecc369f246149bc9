"""A plan's bold section numeral "II" alone in its TT column, read unsure by the re-reading of lone
ink ("Hi" at 0.26, under ``OcrSettings.free_min_conf``) and dropped: its heading's title joined the
task above it and the tasks under it took section I (seed 16281, S25 instance 1: a P07 plan typed
at tab stops, scanned at 300 dpi; the generator's truth puts tasks 4-6 under section "II"). Its ink
is two serifed stems and nothing else: the numeral is kept as the I's its stems count
(``extract.ocr_free_numerals``). The crop is the scan's TT column from "1" to "4", as the PDF
holds it (its JPEG decoded)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PIL import Image

from extract.model import Word
from extract.ocr_free_numerals import stroke_numeral
from extract.ocr_image import otsu_threshold

DATA = Path(__file__).parent / "data" / "plan_section_numeral_column.png"


def _ink() -> np.ndarray:
    arr = np.array(Image.open(DATA).convert("L"))
    return arr < otsu_threshold(arr)


def test_serifed_stems_read_unsure_are_the_section_numeral():
    ink = _ink()
    # Tesseract's readings of the numeral's box (the page's re-reading gave "Hi" at 0.26).
    for read in ("Hi", "lI", "H"):
        assert stroke_numeral(Word(read, (40, 440, 75, 473), 0.26), ink) == "II"


def test_an_arabic_one_and_a_digit_stay_unread():
    ink = _ink()
    # The "1" of task 1 (its flag on the left of the stem's top) and the "4" of task 4.
    assert stroke_numeral(Word("l", (47, 17, 68, 54), 0.2), ink) is None
    assert stroke_numeral(Word("1", (49, 19, 66, 52), 0.2), ink) is None
    assert stroke_numeral(Word("Hi", (38, 515, 62, 547), 0.2), ink) is None


def test_a_plain_band_is_no_numeral():
    # A shadow or a page's edge: one full-height stroke with no serifs.
    ink = np.zeros((60, 40), dtype=bool)
    ink[10:50, 18:23] = True
    assert stroke_numeral(Word("l", (10, 8, 30, 52), 0.2), ink) is None

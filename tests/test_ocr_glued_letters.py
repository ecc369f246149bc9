"""A letter Tesseract glued to a figure where the page prints none ("46 hồ sơ" read "46G hồ sơ",
"36 thủ tục" read "36G thủ tục"): the word's box holds a glyph per digit and none for the letter, so
the letter is dropped and the figure kept, doubtful (``extract.ocr_glued_letters``). On fc109027 the
annex's value came out blank (S30 scans of N63, row 5.2: held-out seed 14001, 36; dev seed 15101, 46,
the generator's truth in s30-i2-n63-i2-unit-last-carried.pdf.truth.json).

The ink is the pages' own, cut round the word from the deskewed page the reader OCR'd (its ink mask,
30 px each side), and the words are what Tesseract read there (text, box, confidence). The pages
read again as smaller PDFs read the figures right, so no crop of them holds the failure end to end."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from extract.model import Word
from extract.ocr_glued_letters import letters_without_ink

DATA = Path(__file__).parent / "data" / "scans69"


def _ink(name: str) -> np.ndarray:
    return np.array(Image.open(DATA / name).convert("L")) < 128


@pytest.mark.parametrize(
    ("name", "text", "box", "conf", "figure"),
    [
        # the crops start 30 px left of and above the word's box on the page
        ("s15101-s30-i2-46G-ink.png", "46G", (30, 30, 65, 56), 0.82, "46"),
        ("s14001-s30-i2-36G-ink.png", "36G", (30, 30, 62, 55), 0.72, "36"),
    ],
)
def test_a_letter_no_glyph_prints_is_dropped(name, text, box, conf, figure):
    word = Word(text=text, bbox=box, conf=conf)
    letters_without_ink([word], _ink(name))
    assert word.text == figure
    assert word.conf is not None and word.conf <= 0.65


def test_a_letter_with_ink_of_its_own_stays():
    # the same ink read as three figures and a letter: a glyph short of the reading's digits
    ink = _ink("s15101-s30-i2-46G-ink.png")
    word = Word(text="466G", bbox=(30, 30, 65, 56), conf=0.82)
    letters_without_ink([word], ink)
    assert word.text == "466G"
    # a box holding the digits and the letter "h" after them ("46 h" read as one word "46h")
    wider = Word(text="46h", bbox=(30, 30, 95, 56), conf=0.9)
    letters_without_ink([wider], ink)
    assert wider.text == "46h"
    # no letter: nothing to do
    plain = Word(text="46", bbox=(30, 30, 65, 56), conf=0.9)
    letters_without_ink([plain], ink)
    assert (plain.text, plain.conf) == ("46", 0.9)

"""A letter Tesseract appended to a figure where the page prints none: "46 hồ sơ" read "46G hồ sơ",
"36 thủ tục" read "36G thủ tục" (a "6" before a word, on scans of two seeds), sure of it (0.82).
The figure then reads as no number and an annex's value is lost.

The ink says what is printed: in the word's box stand as many glyphs of a digit's height as the
reading has digits, and none for the letter. Such a letter is dropped and the figure kept,
doubtful (``retry_max_conf``: read once, mended by its ink), so it goes to the review queue. A
letter with ink of its own ("5A", "4A.") stays."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from extract.model import Word
from extract.ocr_pairs import glyphs, word_ink
from normalize.lazy_regex import lazy_re_compile

# Digits and one letter glued after them, nothing else ("46G"; not "46G," nor "4,6G").
_GLUED = lazy_re_compile(r"^(\d{1,4})([^\W\d_])$")


@dataclass(frozen=True)
class GluedLetterSettings:
    # A glyph counts as a digit when at least this share of the word's tallest glyph high (specks
    # and a comma are not; a capital letter would be).
    digit_share: float = 0.6
    # The confidence a mended figure keeps at most: read by no second reading, it stays doubtful.
    max_conf: float = 0.65


def letters_without_ink(
    words: list[Word], ink: np.ndarray, settings: GluedLetterSettings = GluedLetterSettings()
) -> None:
    """Words reading digits and a letter whose box holds a glyph per digit and no more lose the
    letter, in place, their confidence capped (``ink``: the page's ink, in the words' pixel
    coordinates)."""
    for w in words:
        found = _GLUED.match(w.text)
        if not found or w.bbox is None:
            continue
        crop = word_ink(w, ink)
        if not crop.size:
            continue
        boxes = glyphs(crop)
        if not boxes:
            continue
        height = max(b[3] - b[1] for b in boxes)
        digits = [b for b in boxes if b[3] - b[1] >= settings.digit_share * height]
        if len(digits) == len(found.group(1)):
            w.text = found.group(1)
            w.conf = min(w.conf if w.conf is not None else 0.0, settings.max_conf)

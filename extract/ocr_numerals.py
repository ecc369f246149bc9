"""A quarter's Roman numeral on a scan, counted by its stems. Plans date tasks "Quý III/2025", and in
a serif face the three I's' serifs touch: Tesseract reads the run as one glyph of two strokes ("II",
sure of it), and the deadline is a quarter off with nothing to doubt it (the same crop re-read alone,
larger, reads "II" again). The stems do not touch: across the middle of the word each I is one
narrow full-height run of ink, and the "/" or the year after the numeral is none. A numeral read as
a run of I's after "Quý" is rewritten with as many I's as the page shows stems; one Tesseract read
as many one-stroke glyphs as the stems ("II", "11") is marked (``Word.strokes_agree``): its
count was read twice. The two readings disagreeing (the ink shows three stems where Tesseract read
"II", or two where it read "III"), the numeral is rewritten to the ink's count but neither reading
is a witness of the other: a stem broken by blur ends the ink's count early as surely as joined
serifs end Tesseract's, so a count kept under three is left no surer than
``NumeralSettings.disputed_conf`` (a run of three is held as printed downstream:
``task_doubts.longest_run_as_printed``), and the row goes to review."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from extract.model import Word, bbox_of
from normalize.lazy_regex import lazy_compile

# A run of strokes opening the word after "Quý" up to its "/" or its end ("II/2025;", "III", "II."),
# as OCR may spell it: "1", "l" or "|" for an I, "H" for two whose serifs joined ("IIH1/2025" for III).
# Not before a comma: "1,5" is a figure (a points cell after a name ending in "quy").
_STROKE_RUN = lazy_compile(r"^([IlH|1]{1,4})(?=$|[/.;:)\-])")
# Glyphs of one stroke each, as Tesseract reads an I of a numeral.
_ONE_STROKE = lazy_compile(r"[Il|1]+")


@dataclass(frozen=True)
class NumeralSettings:
    # The band of the word's box looked at, as shares of its height from the top: below the
    # serifs' top and above the baseline serifs (and a ";" descender's share of the box).
    band_top: float = 0.25
    band_bottom: float = 0.65
    # A stem column is inked over at least this share of the band.
    stem_fill: float = 0.9
    # A stem is at most this many box heights wide (an I's: about 0.1; a "V" or a digit's bowl
    # across the band is not inked all the way down, a block of ink is wider).
    stem_max_width: float = 0.3
    # The most a numeral's confidence is held at when the ink's count of its stems and Tesseract's
    # glyphs disagree and the count kept is one or two: under the strokes' sure confidence
    # (``TaskDoubtSettings.stroke_sure_conf``, 0.8), so the quarter is queued, not held sure by the
    # confidence Tesseract gave to another count.
    disputed_conf: float = 0.5


def count_quarter_stems(words: list[Word], ink: np.ndarray, settings: NumeralSettings = NumeralSettings()) -> None:
    """Words after "Quý" read as a run of I's get as many I's as their stems, in place (``ink``:
    the page's ink, in the words' pixel coordinates). A count of none, or of more than three, is
    no numeral's and leaves the reading."""
    for before, w in zip(words, words[1:]):
        run = _STROKE_RUN.match(w.text)
        # "Quý" with its marks: "quy" of "quy định", "quy chế" ends many a criterion's name
        if run is None or w.bbox is None or before.text.strip(" .,:").lower() != "quý":
            continue
        stems = leading_stems(w, ink, settings)
        if 1 <= stems <= 3 and "I" * stems != run.group(1):
            w.text = "I" * stems + w.text[run.end(1) :]
            if stems != strokes_read(run.group(1)) and stems < 3 and w.conf is not None:
                w.conf = min(w.conf, settings.disputed_conf)
        # Read as a run of one-stroke glyphs ("II", "11", "l|") as many as the stems: Tesseract's
        # count and the ink's agree, a second reading of the count ("H" is two strokes joined or
        # one with a speck: its count is a guess, not marked).
        glyphs = run.group(1)
        w.strokes_agree = 1 <= stems <= 3 and len(glyphs) == stems and _ONE_STROKE.fullmatch(glyphs) is not None


def strokes_read(glyphs: str) -> int:
    """How many strokes Tesseract's glyphs of a numeral stand for: an "H" two (joined by its bar),
    every other glyph of the run one."""
    return sum(2 if g == "H" else 1 for g in glyphs)


def leading_stems(w: Word, ink: np.ndarray, settings: NumeralSettings = NumeralSettings()) -> int:
    """How many stems open the word: narrow groups of columns inked down the whole middle band of
    its box, counted over the runs of ink across the band (an "H" is one run of two stems joined by
    its bar); the first run with no stem, or one too wide (a "/", a "2", a "V"), ends the count."""
    x0, y0, x1, y1 = (int(round(v)) for v in bbox_of(w))
    height = y1 - y0
    if height <= 0 or x1 <= x0:
        return 0
    top, bottom = y0 + int(settings.band_top * height), y0 + int(settings.band_bottom * height)
    band = ink[max(0, top) : max(0, bottom), max(0, x0) : min(ink.shape[1], x1)]
    if band.size == 0:
        return 0
    fill = np.asarray(band.mean(axis=0))
    inked = np.flatnonzero(fill > 0)
    runs = np.split(inked, np.flatnonzero(np.diff(inked) > 1) + 1) if inked.size else []
    stems = 0
    for cols in runs:
        full = cols[fill[cols] >= settings.stem_fill]
        groups = np.split(full, np.flatnonzero(np.diff(full) > 1) + 1) if full.size else []
        if not groups or any(len(g) > settings.stem_max_width * height for g in groups):
            break
        stems += len(groups)
    return stems

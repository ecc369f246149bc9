"""A Roman numeral of strokes that the re-reading of lone ink (``ocr_free``) reads unsure: a plan's
bold section numeral "II" standing alone in its TT column, whose serifs touch, reads "Hi" or "lI" at
a confidence under ``OcrSettings.free_min_conf`` and was dropped as a shadow's letter would be. Its
section heading's title then joined the task above it as that task's wrapped line, and every task
under it took the section before (issue 16: a section heading read as a task, told by nothing).

The ink says what Tesseract could not: across the middle of the box the token is nothing but
narrow full-height stems (``ocr_numerals.leading_stems``), one to three of them; its top carries
serifs (the ink across its top is wider than across its middle: a shadow or a page's edge is one
plain band) balanced about the stems (no "1", whose flag sticks out on the left,
``ocr_codes._balanced_top``'s measure). Such a token is the numeral of as many I's as its stems,
kept at the confidence Tesseract gave it."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from extract.model import Word, bbox_of
from extract.ocr_numerals import NumeralSettings, leading_stems
from normalize.lazy_regex import lazy_compile

# A reading made of glyphs a stroke or two stand for ("Hi", "lI", "1|", "H"), a full stop at most.
_STROKE_GLYPHS = lazy_compile(r"([IlHhi|1!]{1,4})(\.?)")


@dataclass(frozen=True)
class StrokeNumeralSettings:
    # The band of the box whose ink width is the serifs' (top share of its height), and the
    # middle band whose ink is the stems' (``NumeralSettings.band_top`` to ``band_bottom``).
    serif_band: float = 0.15
    # The serifs' band must be inked over this many times the middle band's inked columns (a bold
    # serif "II" on a 300-dpi scan: about 2; a plain stroke: 1).
    serif_widening: float = 1.4
    # Ink right of the stems' axis in the top band at least this share of the ink left of it
    # (``OcrSettings.roman_top_balance``'s measure: "I" 0.86, "1" 0.20-0.25).
    top_balance: float = 0.5
    stems: NumeralSettings = NumeralSettings()


def stroke_numeral(word: Word, ink: np.ndarray, s: StrokeNumeralSettings = StrokeNumeralSettings()) -> str | None:
    """The Roman numeral ("I", "II", "III", a full stop kept) the ink of ``word`` shows, or None
    when its reading is no run of stroke glyphs or its ink is more than serifed stems."""
    m = _STROKE_GLYPHS.fullmatch(word.text.strip())
    if m is None or word.bbox is None:
        return None
    stems = leading_stems(word, ink, s.stems)
    if not 1 <= stems <= 3 or stems != _inked_runs_stems(word, ink, s.stems):
        return None
    if not _serifed_and_balanced(word, ink, s):
        return None
    return "I" * stems + m.group(2)


def _box(word: Word, ink: np.ndarray) -> np.ndarray:
    x0, y0, x1, y1 = (int(round(v)) for v in bbox_of(word))
    return ink[max(0, y0) : max(0, y1), max(0, x0) : min(ink.shape[1], x1)]


def _inked_runs_stems(word: Word, ink: np.ndarray, s: NumeralSettings) -> int:
    """Stems over every run of ink across the middle band (``leading_stems`` stops at the first
    run holding none; here a run holding none counts as many stems as none, so the two counts
    agree only when the whole token is stems)."""
    box = _box(word, ink)
    height = box.shape[0]
    band = box[int(s.band_top * height) : int(s.band_bottom * height)]
    if band.size == 0:
        return -1
    fill = band.mean(axis=0)
    inked = np.flatnonzero(fill > 0)
    runs = np.split(inked, np.flatnonzero(np.diff(inked) > 1) + 1) if inked.size else []
    total = 0
    for cols in runs:
        full = cols[fill[cols] >= s.stem_fill]
        if full.size == 0:
            return -1
        total += len(np.split(full, np.flatnonzero(np.diff(full) > 1) + 1))
    return total


def _serifed_and_balanced(word: Word, ink: np.ndarray, s: StrokeNumeralSettings) -> bool:
    """Whether the token's top is wider than its middle (serifs) and sits evenly about the stems'
    axis (no flag of a "1" on the left)."""
    box = _box(word, ink)
    ys, xs = np.nonzero(box)
    if ys.size == 0:
        return False
    top, bottom = ys.min(), ys.max() + 1
    h = bottom - top
    upper = xs[ys < top + max(1, int(s.serif_band * h))]
    middle = xs[(ys >= top + int(s.stems.band_top * h)) & (ys < top + int(s.stems.band_bottom * h))]
    if upper.size == 0 or middle.size == 0:
        return False
    if len(np.unique(upper)) < s.serif_widening * len(np.unique(middle)):
        return False
    axis = float(middle.mean())
    left = float((axis - upper[upper < axis]).sum())
    right = float((upper[upper > axis] - axis).sum())
    return right >= s.top_balance * left

"""The signs "≥" and "≤" on a scan. Tesseract's models read them as ">" and "<" (they know no
"≥"): a plan's target "≥ 4" came out "> 4", "at least 4" taken for "more than 4", and nothing
doubted it. The two are told apart by their glyph: "≥" is a ">" with a bar of its own under it.
Each word opening with ">" or "<" has its first glyph looked at on the page, and the sign is
rewritten in place when a flat bar lies under the chevron."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from extract.model import Word, bbox_of

_WITH_BAR = {">": "≥", "<": "≤"}


@dataclass(frozen=True)
class InequalitySettings:
    # Paper looked at under the word's box, in word heights: Tesseract's box may stop at the
    # chevron and leave the bar out.
    below: float = 0.5
    # The bar: its ink rows at most this share of the glyph's height (a flat stroke), its ink
    # columns at least this share of the chevron's width (a "_" speck under a ">" is no bar).
    bar_max_height: float = 0.3
    bar_min_width: float = 0.6
    # …right under the chevron (at most this share of its height between them) and no wider than it
    # by more than this share of its width each side: a rule or an underline under the word is
    # further down, or runs on under the next glyphs.
    bar_max_gap: float = 0.5
    bar_overhang: float = 0.25
    # A run of inked columns this many word heights wide is a glyph (a chevron: about 0.4).
    min_glyph_width: float = 0.15
    # The chevron: the glyph's upper part, at least this share of its height.
    chevron_min_height: float = 0.45


def signs_with_bars(words: list[Word], ink: np.ndarray, settings: InequalitySettings = InequalitySettings()) -> None:
    """Words opening with ">" or "<" whose first glyph has a bar under it get "≥" or "≤"
    instead, in place (``ink``: the page's ink, in the words' pixel coordinates)."""
    for w in words:
        sign = w.text[:1]
        if sign not in _WITH_BAR or w.bbox is None:
            continue
        if has_bar(first_glyph(w, ink, settings), settings):
            w.text = _WITH_BAR[sign] + w.text[1:]


def first_glyph(w: Word, ink: np.ndarray, settings: InequalitySettings) -> np.ndarray:
    """The ink of a word's first glyph: its first run of inked columns at least ``min_glyph_width``
    word heights wide (a thinner run before it is a speck or a rule's remains, not a glyph), from
    the box's top down to ``below`` word heights under it."""
    x0, y0, x1, y1 = (int(round(v)) for v in bbox_of(w))
    height = y1 - y0
    y1 = min(ink.shape[0], y1 + int(settings.below * height))
    box = ink[max(0, y0) : y1, max(0, x0) : min(ink.shape[1], x1)]
    if box.size == 0:
        return box
    inked = np.flatnonzero(np.asarray(box.any(axis=0)))
    runs = np.split(inked, np.flatnonzero(np.diff(inked) > 1) + 1) if inked.size else []
    run = next((r for r in runs if len(r) >= settings.min_glyph_width * height), None)
    return box[:, :0] if run is None else box[:, run[0] : run[-1] + 1]


def has_bar(glyph: np.ndarray, settings: InequalitySettings) -> bool:
    """Whether a glyph is a chevron over a flat bar: its rows of ink fall in two runs apart, the
    upper one (the chevron) most of its height, the lower one thin, close under it and about as
    wide."""
    if glyph.size == 0:
        return False
    rows = np.flatnonzero(glyph.any(axis=1))
    if rows.size == 0:
        return False
    runs = np.split(rows, np.flatnonzero(np.diff(rows) > 1) + 1)
    if len(runs) < 2:
        return False
    chevron, bar = runs[0], runs[-1]
    if bar[-1] >= glyph.shape[0] - 1:
        return False  # cut by the edge of what is looked at: a letter of the line below, not a bar
    height = rows[-1] - rows[0] + 1
    if len(chevron) < settings.chevron_min_height * height or len(bar) > settings.bar_max_height * height:
        return False
    if bar[0] - chevron[-1] - 1 > settings.bar_max_gap * len(chevron):
        return False
    chevron_cols = np.flatnonzero(glyph[chevron].any(axis=0))
    bar_cols = np.flatnonzero(glyph[bar].any(axis=0))
    chevron_width = chevron_cols[-1] - chevron_cols[0] + 1
    overhang = settings.bar_overhang * chevron_width
    return (
        bar_cols[-1] - bar_cols[0] + 1 >= settings.bar_min_width * chevron_width
        and bar_cols[0] >= chevron_cols[0] - overhang
        and bar_cols[-1] <= chevron_cols[-1] + overhang
    )

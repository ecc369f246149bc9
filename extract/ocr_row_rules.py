"""Column rules of a table piece too short for any of its vertical lines to pass as a ruling line.

A table whose last row or two run onto the next page (a totals row alone at the top of the last
page, over the signature) is a frame of two or three rows: its vertical rules are shorter than
``OcrSettings.min_rule_cm``, so only its horizontal rules are found, no grid is formed, and the
row's label and figures are read as loose text beside the ruling lines (the totals row lost, the
commune's total never checked). Between two long horizontal rules that no vertical rule crosses,
a thin stroke inked from one to the other at both ends of the rules is the frame's side, and such
strokes between them are its column rules: a letter neither starts on one ruling line and ends on
the next, nor stands at both ends of a row."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class RowRuleSettings:
    # Share of the stretch between the two horizontal rules a stroke must ink (a scan breaks a
    # line here and there; a letter in the row is far shorter than the row).
    inked_share: float = 0.9
    # A column rule is thin: a run of inked columns wider than this (cm) is a filled shape (a
    # seal, a picture), not a line.
    max_width_cm: float = 0.12
    # Two horizontal rules nearer than this (cm) bound no row (a doubled line, a thick rule).
    min_row_cm: float = 0.25
    # The rules bound one row only when each spans this share of the other's extent.
    min_overlap: float = 0.9


def ruled_lines(h_rules: list, tol: float) -> list:
    """Horizontal rules, one per ruled line (the longest of the runs within ``tol``), top to bottom."""
    lines: list = []
    for rule in sorted(h_rules, key=lambda r: r.pos):
        if lines and rule.pos - lines[-1].pos <= tol:
            if rule.end - rule.start > lines[-1].end - lines[-1].start:
                lines[-1] = rule
            continue
        lines.append(rule)
    return lines


def _row_bands(h_rules: list, tol: float, settings: RowRuleSettings) -> list[tuple[float, float, int, int]]:
    """Neighbouring horizontal rules (the longest of each line's runs) spanning the same stretch:
    ``(top, bottom, x0, x1)`` of each row they bound."""
    lines = ruled_lines(h_rules, tol)
    bands = []
    for upper, lower in zip(lines, lines[1:]):
        x0, x1 = max(upper.start, lower.start), min(upper.end, lower.end)
        shorter = min(upper.end - upper.start, lower.end - lower.start)
        if shorter > 0 and x1 - x0 >= settings.min_overlap * max(upper.end - upper.start, lower.end - lower.start):
            bands.append((upper, lower, x0, x1))
    return [(u.hi + 1, lo.lo, x0, x1) for u, lo, x0, x1 in bands if lo.lo - u.hi > 1]


def _crossed(v_rules: list, top: float, bottom: float, x0: int, x1: int) -> bool:
    return any(r.start <= bottom and r.end >= top and x0 - 1 <= r.pos <= x1 + 1 for r in v_rules)


def thin_strokes(inked: np.ndarray, share: float, max_width: int) -> list[tuple[int, int]]:
    """Runs ``(lo, hi)`` of columns inked over ``share`` of the band, no wider than ``max_width``."""
    full = np.concatenate(([False], inked.mean(axis=0) >= share, [False]))
    edges = np.flatnonzero(np.diff(full.astype(np.int8)))
    runs = [(int(a), int(b) - 1) for a, b in zip(edges[::2], edges[1::2])]
    return [(a, b) for a, b in runs if b - a + 1 <= max_width]


def widened(ink: np.ndarray) -> np.ndarray:
    """The ink one column wider each way: a line drifting by a pixel across a row, after
    deskewing, stays one column."""
    wide = ink.copy()
    wide[:, 1:] |= ink[:, :-1]
    wide[:, :-1] |= ink[:, 1:]
    return wide


def row_rules(ink: np.ndarray, h_rules: list, v_rules: list, dpi: int, tol: float, settings: RowRuleSettings) -> list:
    """Vertical rules (``extract.ocr_grid.Rule``) of the rows no vertical rule crosses, where both
    ends of the row are closed by a stroke from rule to rule (the frame's sides); [] elsewhere."""
    # (imported here: the OCR settings hold this module's settings, and the grid module the settings)
    from extract.ocr_grid import Rule

    height, width = ink.shape
    wide = widened(ink)
    max_width = max(2, round(settings.max_width_cm / 2.54 * dpi))
    min_row = settings.min_row_cm / 2.54 * dpi
    found = []
    for top, bottom, x0, x1 in _row_bands(h_rules, tol, settings):
        if bottom - top < min_row or _crossed(v_rules, top, bottom, x0, x1):
            continue
        lo, hi = max(0, x0 - round(tol)), min(width, x1 + round(tol) + 1)
        band = wide[max(0, round(top)) : min(height, round(bottom)), lo:hi]
        strokes = [(a + lo, b + lo) for a, b in thin_strokes(band, settings.inked_share, max_width)]
        if len(strokes) < 2 or strokes[0][0] > x0 + tol or strokes[-1][1] < x1 - tol:
            continue  # (no frame closing the row at both ends: ink of a line of text, not a table)
        found += [Rule(pos=(a + b) / 2, start=round(top), end=round(bottom), lo=a, hi=b) for a, b in strokes]
    return found

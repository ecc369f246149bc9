"""Column rules that split a merged header's columns in a table too short for them to pass as lines.

A statistics table laid across the page ("Số hồ sơ mới tiếp nhận | … | Đã giải quyết | Đang giải
quyết") with one merged header over two sub-columns ("Đúng hạn | Quá hạn") and one row of figures
has its sub-columns' rule only two rows high: shorter than ``OcrSettings.min_rule_cm``, it is taken
for a letter's stroke, the two sub-columns become one cell, and their two figures one number
("534 10" read as 53410). A thin stroke inked from one horizontal ruling line to the next, that
goes on at the same place through that line into the row below, inside a grid (a long vertical
rule on either side), is such a rule: a letter neither starts on a ruling line and ends on the
next nor crosses a ruling line into the row below."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from extract.ocr_row_rules import ruled_lines, thin_strokes, widened


@dataclass(frozen=True)
class SubRuleSettings:
    # Share of a row's height the stroke must ink (a scan breaks a line here and there; a letter
    # in the row is far shorter than the row).
    inked_share: float = 0.9
    # A column rule is thin: a run of inked columns wider than this (cm) is a filled shape.
    max_width_cm: float = 0.12
    # Two horizontal rules nearer than this (cm) bound no row (a doubled line, a thick rule).
    min_row_cm: float = 0.25
    # Rows the stroke must cross one after the other (one row alone is what a tall letter or a
    # cell's bar can fill; a stroke through a ruling line into the next row is a rule).
    min_rows: int = 2


@dataclass(frozen=True)
class _Stroke:
    x: float
    lo: int
    hi: int
    top: int
    bottom: int
    below: int  # index of the horizontal line closing the row at the bottom


def _beside_rules(v_rules: list, x: float, top: int, bottom: int, tol: float) -> bool:
    """A long vertical rule crossing the whole row on each side of ``x`` (the stroke is inside a
    grid) and no rule at all at ``x`` itself: a keystoned photo's column rule runs aslant, found
    as one rule over the band of columns it crosses, and its stretch in a row is that rule, not a
    new one."""
    if any(r.lo - tol <= x <= r.hi + tol for r in v_rules):
        return False  # (a rule found there, of any length: a column's own, or a slanted one's band)
    crossing = [r for r in v_rules if r.start <= top + tol and r.end >= bottom - tol]
    return any(r.pos < x - tol for r in crossing) and any(r.pos > x + tol for r in crossing)


def sub_column_rules(
    ink: np.ndarray, h_rules: list, v_rules: list, dpi: int, tol: float, settings: SubRuleSettings
) -> list:
    """Vertical rules (``extract.ocr_grid.Rule``) crossing ``settings.min_rows`` rows or more of a
    grid one after the other where no rule was found; [] elsewhere."""
    # (imported here: the OCR settings hold this module's settings, and the grid module the settings)
    from extract.ocr_grid import Rule

    height, width = ink.shape
    wide = widened(ink)
    max_width = max(2, round(settings.max_width_cm / 2.54 * dpi))
    min_row = settings.min_row_cm / 2.54 * dpi
    lines = ruled_lines(h_rules, tol)
    strokes: list[_Stroke] = []
    for k, (upper, lower) in enumerate(zip(lines, lines[1:])):
        top, bottom = upper.hi + 1, lower.lo
        x0, x1 = max(upper.start, lower.start), min(upper.end, lower.end)
        if bottom - top < min_row or x1 - x0 < 2 * max_width:
            continue
        band = wide[max(0, top) : min(height, bottom), max(0, x0) : min(width, x1)]
        for a, b in thin_strokes(band, settings.inked_share, max_width):
            x = x0 + (a + b) / 2
            if _beside_rules(v_rules, x, top, bottom, tol):
                strokes.append(_Stroke(x=x, lo=x0 + a, hi=x0 + b, top=top, bottom=bottom, below=k + 1))
    found = []
    for chain in _chains(strokes, tol):
        if len(chain) >= settings.min_rows:
            found.append(
                Rule(
                    pos=sum(s.x for s in chain) / len(chain),
                    start=chain[0].top,
                    end=chain[-1].bottom,
                    lo=min(s.lo for s in chain),
                    hi=max(s.hi for s in chain),
                )
            )
    return found


def _chains(strokes: list[_Stroke], tol: float) -> list[list[_Stroke]]:
    """Strokes of rows one under the other (the lower row opening at the line the upper closes
    at) at the same place, as runs from the top."""
    chains: list[list[_Stroke]] = []
    for stroke in sorted(strokes, key=lambda s: (s.below, s.x)):
        for chain in chains:
            last = chain[-1]
            if last.below == stroke.below - 1 and abs(last.x - stroke.x) <= tol:
                chain.append(stroke)
                break
        else:
            chains.append([stroke])
    return chains

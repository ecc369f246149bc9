"""A maximum printed as the scale a criterion is scored on: "0 - 2", "0-2", "0 ÷ 2", "0 – 0,5 – 1"
(its steps), "Tối đa 2; không đạt 0", "Tối đa: 2" over "Không đạt: 0", "Đạt: 2" over "Không đạt: 0".
Scoring guides head such a column "Thang điểm" / "Khung điểm". The maximum is the top of the scale;
the 0 and the steps below it are no separate numbers (the row keeps the cell as printed in its raw
text, so the steps are not lost). Any other cell is no scale: the caller reads it as it is."""

from __future__ import annotations

from dataclasses import dataclass

import regex as re

from normalize.lazy_regex import lazy_compile

# A figure of a scale: points, decimal comma or point ("0,5", "1.25"), never a thousands group.
_FIGURE = r"\d{1,3}(?:[.,]\d{1,2})?"
# The signs between a scale's steps: hyphen, en and em dash, minus, and the range sign "÷" (which
# OCR reads off a scan as "+": "0+2"; a maximum's cell prints no sum).
_STEP_SIGN = r"[-‐‑–—−÷+]"
# "0 - 2", "0-1,25-2,5", "0 ÷ 2 điểm": steps joined by a sign, the points' unit after the last.
# (OCR reads a long dash off a scan as two: "0—-5-—10")
_STEPPED = lazy_compile(rf"^\s*({_FIGURE}(?:\s*{_STEP_SIGN}{{1,3}}\s*{_FIGURE})+)\s*(?:(?i:điểm)|đ)?\.?\s*$")
# One worded step, "Tối đa 2", "Không đạt: 0", "Đạt: 2 điểm": words (no digit), an optional colon,
# the figure, the unit; steps parted by a semicolon, a line of their own ("Tối đa: 2" over "Không
# đạt: 0"), or only a space where the cell's lines were joined.
_WORDED_STEP = lazy_compile(rf"([^\W\d_][^\d:;]*?)\s*:?\s*({_FIGURE})(?!\d)\s*(?:(?i:điểm)|đ)?\.?[\s;]*")
# Words that alone say their figure is the top ("Tối đa 2" printed without the step for nothing).
_TOP_WORDS = ("tối đa",)


@dataclass(frozen=True)
class PointsScale:
    """A scale cell read: ``top`` the maximum's figure as printed ("2", "2,5"), ``steps`` every
    figure from the lowest, as printed."""

    top: str
    steps: tuple[str, ...]


def _value(figure: str) -> float:
    return float(figure.replace(",", "."))


def _ascending(figures: list[str]) -> bool:
    values = [_value(f) for f in figures]
    return all(a < b for a, b in zip(values, values[1:]))


def stepped_scale(text: str) -> PointsScale | None:
    """A dashed scale: its figures from 0 upward, each above the last ("1 - 2" with no 0 could be a
    span of codes or pages, and "2 - 1" a difference: neither is a scale)."""
    m = _STEPPED.match(text)
    if not m:
        return None
    figures = re.split(rf"\s*{_STEP_SIGN}{{1,3}}\s*", m.group(1))
    if _value(figures[0]) != 0 or not _ascending(figures):
        return None
    return PointsScale(top=figures[-1], steps=tuple(figures))


def _worded(text: str) -> PointsScale | None:
    """Worded steps, each "words figure": two or more of them, one worth nothing ("không đạt 0"), or
    one said to be the top ("Tối đa 2"); the top is the largest figure."""
    text = text.strip()
    steps, at = [], 0
    while at < len(text) and (m := _WORDED_STEP.match(text, at)):
        steps.append(m)
        at = m.end()
    if not steps or at < len(text):
        return None
    figures = [m.group(2) for m in steps]
    said_top = any(m.group(1).strip().lower() in _TOP_WORDS for m in steps)
    if len(steps) == 1 and not said_top:
        return None
    if len(steps) > 1 and min(_value(f) for f in figures) != 0 and not said_top:
        return None
    ordered = sorted(figures, key=_value)
    return PointsScale(top=ordered[-1], steps=tuple(ordered))


def points_scale(text: str | None) -> PointsScale | None:
    """The scale a maximum's cell prints, or None for a cell that is no scale (a plain figure, a
    fraction, words without figures)."""
    if not text or not any(ch.isdigit() for ch in text):
        return None
    return stepped_scale(text) or _worded(text)

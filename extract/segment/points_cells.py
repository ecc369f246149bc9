"""A score table's points cells read as figures, typed or OCR'd: the one points token among a
cell's specks, its number (a unit, a glued letter, a misread comma around it), the stated totals
(on a scan, a lost comma read back by what the top-level rows add up to) and the range of readings
a comma-less OCR'd maximum allows. Apart from ``score_tables`` (which finds and maps the tables)
so that the numbers' reading is one small idea of its own."""

from __future__ import annotations

import regex as re

from extract.segment.line_common import glued_digits, misread_comma
from extract.segment.score_lines import is_score_token
from extract.segment.score_readings import points_readings
from normalize.lazy_regex import lazy_compile
from normalize.numbers import common_fraction, glued_fraction, parse_number, points_figure
from normalize.points_rate import rated_figure
from normalize.points_scale import points_scale
from schemas.records import ScoreRow


def points_cell(text: str) -> str | None:
    """A points cell's number. OCR leaves specks read as letters beside it ("1 h"): when the
    cell holds exactly one points-shaped token among such noise, that token is the value."""
    if not text:
        return None
    tokens = text.split()
    points = [t for t in tokens if is_score_token(t)]
    if len(tokens) > 1 and len(points) == 1 and all(len(t) <= 2 for t in tokens if t not in points):
        return points[0]
    return text


# A self cell that holds the points and then the explanation, in a table with no explanation
# column: "1,5 - Đã ban hành Kế hoạch số 12/KH-UBND", "1 1/2: Hoàn thành", or the points on the
# cell's first line and the words on the next. The figure (a unit after it is the figure's), a
# dash, colon or comma between, then the words.
_POINTS_THEN_WORDS = lazy_compile(
    r"^\s*(?P<figure>(?:\d{1,3}\s+)?\d\s*[/⁄∕]\s*\d|\d{1,3}(?:[.,]\d{1,2})?)"
    r"(?:\s*(?i:điểm|diem|đ)\b\.?)?\s*[-–—:;,]?\s+(?P<words>\S.*)$",
    flags=re.DOTALL,  # the explanation's next lines with it
)
# Letters the words must hold: a speck or two OCR left beside the figure ("1 h") is no explanation.
MIN_EXPLANATION_LETTERS = 3


def points_then_words(text: str, ocr: bool) -> tuple[str, str] | None:
    """A self cell's figure and the explanation written after it ("1,5 - Đã ban hành …" →
    ("1,5", "Đã ban hành …")); None for a cell read whole as points ("1,5 điểm", "Đạt (2)",
    "7 1/2"), for words alone, and for a figure with a speck beside it."""
    if not text or read_points(text, ocr) is not None:
        return None
    m = _POINTS_THEN_WORDS.match(text)
    if not m or read_points(m["figure"], ocr) is None:
        return None
    words = m["words"].strip()
    if sum(ch.isalpha() for ch in words) < MIN_EXPLANATION_LETTERS:
        return None
    return m["figure"], words


def read_points(raw: str | None, ocr: bool) -> float | None:
    """A points cell's value; None for a cell that prints none (a mark, a blank, words)."""
    if ocr and raw and raw.rstrip().endswith("%") and not rated_figure(raw):
        return None  # (no points cell prints a percent: "55%" is a garbled cell OCR kept, not 55)
    if ocr and raw:
        raw = glued_digits(raw) or raw  # a letter OCR glued to the cell's digits ("8V")
    figure = points_figure(raw) if raw else ""
    fraction = common_fraction(figure)
    if fraction is None and ocr:
        # "91/2": the space before the fraction lost on a scan (read plainly, 45,5: no points cell)
        fraction = glued_fraction(figure)
    if fraction is not None:
        return fraction  # "7 1/2": halves and quarters as a common fraction
    parsed = parse_number(figure, kind="score", ocr=ocr) if figure else None
    if parsed is None and ocr and (comma := misread_comma(figure)):
        parsed = parse_number(comma, kind="score")  # "2/0đ": the comma beside the unit misread
    return parsed.value if parsed else None


def read_max_points(raw: str | None, ocr: bool) -> float | None:
    """A maximum's cell: a plain figure, or the scale it is scored on ("0 - 2", "0 – 0,5 – 1",
    "Tối đa 2; không đạt 0", under "Thang điểm"), whose top is the maximum (the 0 and the steps
    below it are no maximum; the row's raw text keeps them)."""
    scale = points_scale(raw)
    return read_points(scale.top if scale else raw, ocr)


def parse_total(raw: tuple, ocr: bool, rows: list[ScoreRow] | None = None) -> tuple[float | None, float | None]:
    return stated_total(raw[0], ocr, rows or [], "max_points"), stated_total(raw[1], ocr, rows or [], "self_points")


def stated_total(raw: str | None, ocr: bool, rows: list[ScoreRow], field: str) -> float | None:
    """A stated total; on a scan, one whose comma OCR lost ("75" for 7,5) is the reading its
    top-level rows add up to, as a row's comma-less points are read by their sums."""
    value = read_points(raw, ocr)
    top = [getattr(r, field) for r in rows if r.parent is None]
    if not ocr or value is None or not top or any(v is None for v in top):
        return value
    total = sum(top)
    if abs(value - total) <= 0.01:
        return value
    return next((v for v in points_readings(raw) if abs(v - total) <= 0.01), value)


def max_range(raw: str | None, value: float | None, ocr: bool) -> tuple[float, float] | None:
    """The lowest and highest reading of a row's max points (on OCR'd text a comma-less cell
    reads several ways, ``points_readings``); None when the row prints none, or prints letters
    OCR may have made of anything ("Ss" read 55 from a garbled line): no evidence of its size. A
    scale ("0 - 2") is read by its top, as ``read_max_points`` reads it."""
    scale = points_scale(raw)
    raw = scale.top if scale else raw
    if ocr and raw and any(ch.isalpha() for ch in raw):
        return None
    values = [v for v in [value, *(points_readings(raw) if ocr else [])] if v is not None]
    return (min(values), max(values)) if values else None

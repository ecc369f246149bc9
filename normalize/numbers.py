"""Vietnamese numbers: decimal comma, thousands dot, percents, and OCR'd digits.

Vietnamese writes "2,5" for 2.5 and "1.250" for 1250, but score tables typed by communes often
use the English "2.5", and OCR drops separators ("35" for 3.5). So parsing takes a hint about
what kind of quantity a cell holds and returns every plausible reading, flagged when more than
one survives.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import regex as re

from normalize.lazy_regex import lazy_compile
from normalize.points_rate import rated_figure
from normalize.text import SPACE_RUN
from normalize.verdict_points import verdict_figure

_THOUSANDS_GAP = lazy_compile(r"(?<=\d)\s+(?=\d{3}\b)")
# A points cell printed with its unit ("2,5 điểm", "1,5đ", "2,0 đ."): the figure and the unit. The
# abbreviation only in small letters: a capital glued to a figure ("37D") is OCR's look-alike of a
# digit (D for 0), read by the OCR readings, not a unit.
_POINTS_UNIT = lazy_compile(r"^\s*(\d[\d.,/:;]*)\s*(?:(?i:điểm|diem)|đ|d)\.?\s*$")


def points_figure(raw: str) -> str:
    """A points cell's figure without the unit printed after it ("1,5 điểm" → "1,5"): the unit is
    the commune's wording, not a letter OCR read into the figure; a verdict with its points
    ("Đạt (2)", "Đạt một phần: 1,5 điểm") or the points with the rate that scored them ("1,5
    (75%)", ``normalize.points_rate``) is its figure. Any other cell as it is."""
    unit = _POINTS_UNIT.match(raw or "")
    if unit:
        return unit.group(1)
    return verdict_figure(raw or "") or rated_figure(raw or "") or raw


# Characters OCR puts in place of digits inside a numeric cell.
_OCR_DIGITS = str.maketrans(
    {
        "O": "0",
        "o": "0",
        "D": "0",
        "Q": "0",
        "l": "1",
        "I": "1",
        "|": "1",
        "i": "1",
        "S": "5",
        "s": "5",
        "B": "8",
        "Z": "2",
        "z": "2",
        "g": "9",
    }
)
# Digits OCR takes for one another (alike in shape in Vietnamese scans), as (printed, read)
# pairs: the checks' misreadings (``ReconcileSettings.ocr_digit_confusions``) and the criteria
# set's look-alike maxima (``MatchSettings.glyph_lookalikes``) start from the one list.
OCR_DIGIT_CONFUSIONS: tuple[tuple[str, str], ...] = (
    ("1", "7"),
    ("7", "1"),
    ("3", "8"),
    ("8", "3"),
    ("5", "6"),
    ("6", "5"),
    ("6", "8"),
    ("8", "6"),
    ("0", "8"),
    ("8", "0"),
    # a speck inside a "0" closes a tail on it: "10" read "19" at word confidence 0.86
    ("0", "9"),
    ("9", "0"),
)
_NUMBER = lazy_compile(r"^[+-]?\d[\d.,\s]*$")
NUMBER_IN_TEXT = lazy_compile(r"(?<![\w.,])[+-]?\d+(?:[.,]\d+)*(?:\s?%)?(?![\w])")


@dataclass(frozen=True)
class ParsedNumber:
    value: float
    raw: str
    percent: bool = False
    ambiguous: bool = False
    # Other values the same characters could mean, most plausible first.
    alternatives: tuple[float, ...] = field(default_factory=tuple)


# A points cell written as a fraction, "9/10", "13,5 / 14", "0/2": a figure over a figure; either
# side may be a blank's mark ("-/3", "14,5/-": a score not given yet), and the slash may be the one
# OCR writes on a scan, the fraction slash "⁄" ("11⁄11") or the division slash "∕". The one pattern
# of the grid reader (``extract.segment.fraction_points``), the dump reader (``line_fractions``),
# the scan cell re-reader (``extract.ocr_codes``) and the legibility benchmark.
_FIGURE = r"\d{1,3}(?:[.,]\d{1,2})?"
FRACTION_BLANKS = "-–—…"
FRACTION_CELL = lazy_compile(rf"^\s*({_FIGURE}|[{FRACTION_BLANKS}])\s*[/⁄∕]\s*({_FIGURE}|[{FRACTION_BLANKS}])\s*$")


# Halves and quarters written as a common fraction, as a typewriter school writes points: "1/2",
# "3/4", "7 1/2", or the one glyph "½", "7¾". A proper fraction over 2 or 4 alone: "9/10" or "1/3"
# is a score over its maximum (``FRACTION_CELL``), never one figure.
COMMON_DENOMINATORS = (2, 4)
_COMMON_FRACTION = lazy_compile(r"^\s*(?:(\d{1,3})\s+)?(\d)\s*[/⁄∕]\s*(\d)\s*$")
_FRACTION_GLYPHS = {"½": 0.5, "¼": 0.25, "¾": 0.75}
_GLYPH_FRACTION = lazy_compile(r"^\s*(\d{1,3})?\s*([½¼¾])\s*$")


def common_fraction(text: str) -> float | None:
    """A points figure written as a common fraction ("7 1/2" → 7.5, "3/4" → 0.75, "½" → 0.5);
    None for any other text, and for a fraction that is no half or quarter ("9/10", "2/2")."""
    glyph = _GLYPH_FRACTION.match(text or "")
    if glyph:
        return float(glyph.group(1) or 0) + _FRACTION_GLYPHS[glyph.group(2)]
    m = _COMMON_FRACTION.match(text or "")
    if not m:
        return None
    whole, numerator, denominator = int(m.group(1) or 0), int(m.group(2)), int(m.group(3))
    if denominator not in COMMON_DENOMINATORS or not 0 < numerator < denominator:
        return None
    return whole + numerator / denominator


# A half or quarter whose space OCR lost, the whole's digits glued to the numerator ("91/2" for
# "9 1/2", "141/2" for "14 1/2"): read so only where a table prints its points as common fractions
# (``extract.segment.line_common_fractions``); "91/2" read plainly is 45,5, no points cell.
_GLUED_FRACTION = lazy_compile(r"^([1-9]\d?)(1(?=[/⁄∕][24]$)|3(?=[/⁄∕]4$))[/⁄∕]([24])$")
# The same with the slash lost too ("914" for "9 1/4", "1012" for "10 1/2"): one more reading of a
# comma-less cell, for the row's maximum and the sums to choose (``score_readings``).
_SLASHLESS_FRACTION = lazy_compile(r"^([1-9]\d?)?(1(?=[24]$)|3(?=4$))([24])$")


def glued_fraction(text: str) -> float | None:
    """A half or quarter printed with the space before its fraction lost ("91/2" → 9.5, "33/4" →
    3.75); None for any other text ("9/10", "13/2", "7/671", a date)."""
    m = _GLUED_FRACTION.match((text or "").strip())
    return int(m.group(1)) + int(m.group(2)) / int(m.group(3)) if m else None


def slashless_fraction(text: str) -> float | None:
    """The half or quarter a comma-less cell's digits may be with the fraction's space and slash
    lost ("914" → 9.25, "1012" → 10.5, "12" → 0.5); None for digits that end in no half or quarter."""
    m = _SLASHLESS_FRACTION.match((text or "").strip())
    return int(m.group(1) or 0) + int(m.group(2)) / int(m.group(3)) if m else None


# A cell of figures only: digits with their separators and percent signs ("5", "1,5", "1.250",
# "20 %"), at least one digit; with signs, any mark that is no letter too (brackets, bars, slashes,
# dashes: "(5)", "1/2", "| 12 |"), as OCR and a column-number row print them.
_FIGURES_ONLY = lazy_compile(r"[\d.,%\s]*\d[\d.,%\s]*")
_FIGURES_WITH_SIGNS = lazy_compile(r"[^\p{L}]*\d[^\p{L}]*")


def figures_only(cell: str, signs: bool = False) -> bool:
    """Whether a cell holds figures and no words: the one test of the table joiner, the cut-row
    reader and the account of what was not read. A cell of separators alone (".", "%") holds no
    figure. ``signs``: marks other than separators pass too (no letter, a digit)."""
    pattern = _FIGURES_WITH_SIGNS if signs else _FIGURES_ONLY
    return pattern.fullmatch(cell.strip()) is not None


def fraction_sides(text: str) -> tuple[str, str] | None:
    """The two sides of a fraction cell (scored, maximum), a blank's mark as ""; None for any other
    text and for a cell both of whose sides are blank."""
    return _paired_sides(FRACTION_CELL, text)


# Two points in one cell, the second in brackets: "3 (2,5)", "2,5 (3)", an unscored side a blank's
# mark, "3 (-)" / "- (3)"; which is the maximum only the column's label says ("Điểm tối đa (điểm tự
# chấm)"), as a fraction's "/" does (``extract.segment.fraction_points``).
BRACKETED_PAIR_CELL = lazy_compile(
    rf"^\s*({_FIGURE}|[{FRACTION_BLANKS}])\s*\(\s*({_FIGURE}|[{FRACTION_BLANKS}])\s*\)\s*$"
)


def bracketed_sides(text: str) -> tuple[str, str] | None:
    """The figure before the brackets and the one in them, a blank's mark as ""; None for any other
    text and for a cell both of whose sides are blank."""
    return _paired_sides(BRACKETED_PAIR_CELL, text)


def _paired_sides(pattern, text: str) -> tuple[str, str] | None:
    """The two figures ``pattern``'s groups take of a cell, a blank's mark as ""; None when it does
    not match or both sides are blank."""
    m = pattern.match(text)
    if not m or (m.group(1) in FRACTION_BLANKS and m.group(2) in FRACTION_BLANKS):
        return None
    first, second = ("" if side in FRACTION_BLANKS else side for side in m.groups())
    return first, second


def parse_number(raw: str | None, kind: str = "auto", ocr: bool = False) -> ParsedNumber | None:
    """Parse one numeric cell or token; None when it is not a number (blank stays None, never 0).

    ``kind``: ``score`` (points, small decimals: "2.5" and "2,5" both 2.5; "81.186" a decimal),
    ``count`` / ``money`` (whole numbers: "1.250" is 1250), or ``auto`` (decide from the shape,
    flag what stays ambiguous). ``ocr`` also maps look-alike letters to digits ("O" → 0)."""
    if raw is None:
        return None
    text = raw.strip().replace("\u00a0", " ")
    if not text:
        return None
    percent = text.endswith("%")
    text = text.rstrip("%").strip()
    if ocr:
        text = text.translate(_OCR_DIGITS)
    text = _THOUSANDS_GAP.sub(".", text)  # "1 250" thousands gap
    if not _NUMBER.match(text):
        return None
    text = SPACE_RUN.sub("", text).rstrip(".,")
    if not text:
        return None
    sign = -1.0 if text.startswith("-") else 1.0
    text = text.lstrip("+-")
    dots, commas = text.count("."), text.count(",")
    ambiguous = False
    alternatives: list[float] = []
    if dots and commas:
        # The later separator is the decimal one: "1.250,5" / "1,250.5".
        dec = "," if text.rfind(",") > text.rfind(".") else "."
        thou = "." if dec == "," else ","
        value = float(text.replace(thou, "").replace(dec, "."))
    elif dots > 1 or commas > 1:
        sep = "." if dots > 1 else ","
        groups = text.split(sep)
        if not all(len(g) == 3 for g in groups[1:]):
            return None
        value = float("".join(groups))
    elif dots == 1 or commas == 1:
        sep = "." if dots else ","
        whole, frac = text.split(sep)
        decimal_value = float(f"{whole or '0'}.{frac}")
        thousands_value = float(whole + frac)
        looks_thousands = len(frac) == 3 and whole not in ("", "0")
        if kind == "score":
            value = decimal_value
        elif kind in ("count", "money"):
            value = thousands_value if looks_thousands else decimal_value
            if not looks_thousands and kind == "count":
                ambiguous = True
        elif looks_thousands:
            # "1.250" / "1,250": Vietnamese thousands or a 3-decimal number? Dot: thousands
            # (the Vietnamese convention); comma: decimal (Vietnamese decimal comma).
            value = thousands_value if sep == "." else decimal_value
            alternatives.append(decimal_value if sep == "." else thousands_value)
            ambiguous = True
        else:
            value = decimal_value
    else:
        value = float(text)
    value *= sign
    if not math.isfinite(value):  # 400 digits overflow to inf: no number we can store
        return None
    return ParsedNumber(
        value=value,
        raw=raw.strip(),
        percent=percent,
        ambiguous=ambiguous,
        alternatives=tuple(a * sign for a in alternatives),
    )


def lost_decimal_readings(raw: str, upper: float | None = None) -> list[float]:
    """Readings of a separator-less OCR'd number with its decimal point put back: "35" → 3.5,
    0.35; "075" → 0.75. Only values up to ``upper`` (e.g. the row's max points) are kept. A points
    unit after the digits ("95đ": "9,5 đ" whose comma OCR lost beside the unit) is no digit of it."""
    raw = points_figure(raw or "")
    digits = re.sub(r"\D", "", raw or "")
    if len(digits) < 2 or not re.fullmatch(r"[\d\s]+", (raw or "").strip()):
        return []
    out = []
    for k in range(1, len(digits)):
        value = float(f"{digits[:k]}.{digits[k:]}")
        if (upper is None or value <= upper + 1e-9) and value not in out:
            out.append(value)
    return out


def format_vn(value: float | None, decimals: int = 2) -> str:
    """A number the Vietnamese way (decimal comma), trailing zeros dropped."""
    if value is None:
        return ""
    text = f"{value:.{decimals}f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")

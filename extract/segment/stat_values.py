"""An annex figure read by the kind of number its unit implies: "%" and scaled money ("Triệu
đồng") the Vietnamese way with a decimal comma (a lone three-digit group after the separator taken
as thousands for money and flagged), counts as whole numbers; on OCR'd text a speck before a whole
number is dust and a leading zero a doubt. The annex readers (``statistics``, ``stat_across``,
``stat_lines``) all read their figures here, one way."""

from __future__ import annotations

import regex as re

from extract.segment.stat_key_value import figure_and_unit
from normalize.lazy_regex import lazy_compile
from normalize.numbers import parse_number
from normalize.text import fold

# The flag of an OCR'd figure printed with a leading zero before another digit (doubted).
LEADING_ZERO = "leading_zero"
# The flag of an OCR'd figure printed with no digit at all, every one a letter OCR puts for a
# digit ("ii" read 11, "lO" read 10): its shape alone says it is a figure, so it is doubted.
FIGURE_FROM_LETTERS = "figure_from_letters"
# The readings an annex row's figure is doubted for (its confidence held at the ambiguous one's).
# The flag of an OCR'd figure read after a word of letters in its own cell ("Mãi 1" printed 421):
# what OCR left of a garbled cell, its first digits read as letters, so the figure is doubted.
FIGURE_BESIDE_LETTERS = "figure_beside_letters"
DOUBTED_READINGS = ("ambiguous_separator", LEADING_ZERO, FIGURE_FROM_LETTERS, FIGURE_BESIDE_LETTERS)
# A figure cell of a word of letters and a figure (the word what OCR made of the cell's first digits).
_LETTERS_THEN_FIGURE = lazy_compile(r"([^\W\d_]{3,})\s+(\d\S*)")
# A count's cell read as a fraction ("96,2" where a whole number of files stands).
FRACTIONAL_COUNT = "fractional_count"
# The flag of a percentage read over 100 (no share is: a decimal mark lost, "96,43" read 9643).
PERCENT_OVER_100 = "percent_over_100"
# A speck OCR put before a whole number (".2"): dust, not a decimal point.
_OCR_LEADING_SPECK = lazy_compile(r"^[.,'‘’`:;·]+\s*(?=\d)")
# A speck before a figure that no number prints, whatever its kind: an underscore, a tilde, a brace,
# a square bracket or a bar OCR read from dust on the cell's rule ("_619", "{0", "[100"); a minus
# sign, a round bracket or a decimal mark is no such speck.
_OCR_DUST = lazy_compile(r"^[_~{\[|]+\s*(?=\d)")
# The same after a figure: a dash, an underscore, a tilde, a brace, a square bracket or a bar OCR
# read from the cell's right rule or its dust ("141-", "26_", "29]"). A statistics figure prints no
# sign, and none ends in one.
_OCR_TRAILING_DUST = lazy_compile(r"(?<=\d)\s*[-–—_~}\]|]+$")
# A whole part opening with a 0 and another digit ("00,72", "07"): no figure a report prints (a
# decimal under one writes one 0, "0,72"); on OCR'd text a digit was misread or a speck read as 0.
_LEADING_ZERO = lazy_compile(r"^\s*0\d")


def number_kind(unit: str, indicator: str = "") -> str:
    """The kind of number a unit implies, for ``parse_number``."""
    u = fold(unit)
    if "%" in unit or u.startswith("ty le") or (not u and fold(indicator).startswith("ty le")):
        return "percent"
    if any(w in u.split() for w in ("trieu", "ty", "nghin", "ngan")):
        return "scaled_money"
    if "dong" in u.split():
        return "money"
    if u:
        return "count"
    return "auto"


def without_own_unit(text: str, unit: str) -> str:
    """The figure of a cell that prints it with its row's unit after it ("565 hồ sơ" in a row whose
    unit column says "Hồ sơ"), the unit dropped; the text unchanged otherwise. Only the row's own
    unit is dropped: other words after a figure are no unit the table names, and stay unread."""
    figure, words = figure_and_unit(text)
    if not words or fold(words).split() != fold(unit).split():
        return text
    return figure


def without_dust(text: str, ocr: bool) -> str:
    """A figure cell's text without the dust a scan left before its digits ("_619" → "619") or
    after them ("141-" → "141"); the text as it is when it was not OCR'd."""
    return _OCR_TRAILING_DUST.sub("", _OCR_DUST.sub("", text.strip())) if ocr else text


def parse_stat_value(
    raw: str, unit: str, indicator: str = "", ocr: bool = False
) -> tuple[float | None, list[str], float | None]:
    """(value, flags, alternative) for one figure cell, read by its unit's kind. ``ocr``: the
    cell was OCR'd, so look-alike letters are digits and a speck before a whole number (".2")
    is dust, not a decimal point (Vietnamese never writes a decimal without its leading 0)."""
    text = without_dust((raw or "").strip(), ocr)
    if not text:
        return None, [], None
    text = without_own_unit(text, unit)
    if ocr and (m := _LETTERS_THEN_FIGURE.fullmatch(text)) is not None:
        read, said, other = parse_stat_value(m.group(2), unit, indicator, ocr)
        return read, [*said, FIGURE_BESIDE_LETTERS] if read is not None else said, other
    kind = number_kind(unit, indicator)
    if ocr and kind in ("count", "money"):
        text = _OCR_LEADING_SPECK.sub("", text)
    flags: list[str] = []
    alternative = None
    if kind in ("percent", "scaled_money"):
        # One separator before exactly three digits: "3,887 Triệu đồng" reads 3887 (a thousands
        # group: amounts in millions are not given to the thousand đồng) or, by the strict
        # decimal-comma convention, 3.887. Thousands for money, decimal for percents; flagged.
        parsed = parse_number(text, kind="auto", ocr=ocr)
        if parsed is not None:
            m = re.fullmatch(r"\s*(\d+)[.,](\d{3})\s*%?\s*", text)
            if m:
                decimal_value, thousands_value = float(f"{m.group(1)}.{m.group(2)}"), float(m.group(1) + m.group(2))
                money = kind == "scaled_money"
                value, alternative = (thousands_value, decimal_value) if money else (decimal_value, thousands_value)
                flags.append("ambiguous_separator")
                return value, flags, alternative
    else:
        parsed = parse_number(
            text, kind="count" if kind == "count" else ("money" if kind == "money" else "auto"), ocr=ocr
        )
    if parsed is None:
        return None, ["value_unparsed"], None
    if parsed.ambiguous:
        flags.append("ambiguous_separator")
        alternative = parsed.alternatives[0] if parsed.alternatives else None
    if kind == "percent" and parsed.value > 100:
        flags.append(PERCENT_OVER_100)
    if kind == "count" and parsed.value != int(parsed.value):
        flags.append(FRACTIONAL_COUNT)
    if ocr and _LEADING_ZERO.match(text):
        flags.append(LEADING_ZERO)
    if ocr and not any(c.isdigit() for c in text):
        flags.append(FIGURE_FROM_LETTERS)
    return parsed.value, flags, alternative

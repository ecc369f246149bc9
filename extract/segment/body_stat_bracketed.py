"""A report's two-column figures table ("Nội dung | Kết quả") as an OCR dump leaves it: each row a
line "2. Số cán bộ, công chức cấp xã (người) vớ 18", the unit in brackets after the indicator and
the figure alone at the line's end, OCR's specks of the grid between them ("] 16", "_ : Ị : 88,89 -").

The line's grammar places the figure: the indicator and its bracketed unit, then the result column,
whose one figure is the last number on the line. A figure with a letter speck between it and the
unit ("vớ 18", "Me, 108") or glued to a speck ("10)") may be a speck's digit read for it, so it is
read unsure (the review queue weighs it); a line whose result is specks only gives no figure and is
told by the reader (``body_stat_lines``)."""

from __future__ import annotations

import regex as re

from normalize.lazy_regex import lazy_compile

# "indicator (unit) … figure …": the unit a word or three in brackets (the closing one OCR may
# lose at the line's end, "(hồ sơ"), then the result cell.
_BRACKETED = lazy_compile(
    r"^(?P<ind>.*?\p{L}.*?)\s*\(\s*(?P<unit>%|\p{L}[\p{L} ]{0,24}?)\s*(?:\)|%\)|$)(?P<rest>.*)$", re.S
)
SPECKED_FIGURE_FLAG = "figure_among_specks"
_NUMBER = lazy_compile(r"\d[\d.,]*\d|\d")
# Marks only: a speck of the grid's lines ("]", "|", "_", ":", "-"), no letter or digit.
_MARKS = lazy_compile(r"^[^\w]*$")


def bracketed_result(text: str) -> tuple[str, str, str, bool] | None:
    """(indicator, figure, unit, unsure) of "indicator (unit) … figure", the figure the last number
    of the result cell; None when the line is not so (no bracketed unit, or no figure after it)."""
    m = _BRACKETED.match(text.strip())
    if m is None:
        return None
    rest = m["rest"]
    numbers = list(_NUMBER.finditer(rest))
    if not numbers:
        # (the result cell specks only, "(hồ sơ) - s. Bi. |": the row is there, its figure lost — read
        # so, to be told, where the line ends within a bracket's reach of the unit)
        return _indicator(m["ind"]), "", m["unit"].strip(), True
    last = numbers[-1]
    before, after = rest[: last.start()], rest[last.end() :]
    figure = last[0].rstrip(".,")
    # (two numbers in the result cell, "2 S00": which is the figure is not known; a letter glued to
    # the figure, "n22", "2c,", "7B0U": a garbled figure. The row is there, its indicator and unit
    # legible: read with its figure lost, to be told, as a cell of specks is; not the whole line
    # told unread, which took the items under a numbered row with it)
    if len(numbers) > 1 or not figure or after[:1].isalnum() or before[-1:].isalnum():
        return _indicator(m["ind"]), "", m["unit"].strip(), True
    unsure = not (_MARKS.match(before) and _MARKS.match(after.split()[0] if after.split() else ""))
    return _indicator(m["ind"]), figure, m["unit"].strip(), unsure


def _indicator(text: str) -> str:
    indicator = text.strip(" .:-_|")
    return indicator[:1].upper() + indicator[1:]


# An indicator stated with a colon whose unit stands bracketed before it: "Giải quyết trước hạn (hồ sơ)".
_UNIT_BRACKETED = lazy_compile(r"^(?P<ind>.*\S)\s*\(\s*(?P<unit>%|\p{L}[\p{L} ]{0,24}?)\s*\)$", re.S)
# A wrapped row's first line ending on its result ("… giải quyết của Ả 102 |"): the indicator's words,
# at most one speck, the figure, marks.
_FIGURE_ENDS_LINE = lazy_compile(r"^(?P<ind>.*\p{L})\s+(?:\S{1,2}\s+)?(?P<fig>\d[\d.,]*\d|\d)[^\w]*$", re.S)


def unit_from_indicator(indicator: str, unit: str) -> tuple[str, str]:
    """(indicator, unit) with a unit printed in brackets after the indicator taken out of it."""
    m = _UNIT_BRACKETED.match(indicator) if not unit else None
    return (m["ind"], m["unit"].strip()) if m is not None else (indicator, unit)


def wrapped_result(lines: list[str]) -> tuple[str, str, str, bool] | None:
    """``bracketed_result`` of a row whose indicator wrapped onto the next line after the result
    cell's figure printed on the first ("… của Ả 102 |" / "UBND xã (thủ tục) ni"): read unsure."""
    if len(lines) < 2:
        return None
    m = _FIGURE_ENDS_LINE.match(lines[0].strip())
    if m is None:
        return None
    read = bracketed_result(" ".join([m["ind"], *lines[1:], m["fig"]]))
    return (*read[:3], True) if read is not None else None

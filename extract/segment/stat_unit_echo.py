"""A statistics row whose figure cell prints its unit too ("21 lượt", "413 hồ sơ") before a unit
column that names it again ("… CCHC | 21 lượt | Lượt"): an annex form that carries the unit in
the value cell and keeps the unit column after it.

The line cutter (``stat_line_cells``) takes the last capitalised unit as the unit's cell and,
finding no figure after it, reads the row's figure as lost: the figure and its unit words stay at
the end of the indicator ("Số cuộc tuyên truyền CCHC 21 lượt"). The row itself says which number
is its figure: the one the row's own unit follows, word for word (OCR's glued "413hồsơ" spells
"Hồ sơ" without its space). A number followed by other words ("trong 3 ngày" before "Hồ sơ") is
the indicator's wording and stays there; so does one whose unit words OCR garbled ("444hồs"
before "Hồ sơ"): its figure stays told lost rather than read from half a unit.
"""

from __future__ import annotations

from normalize.lazy_regex import lazy_compile
from normalize.text import fold

# A figure as a value cell prints it, then the letters OCR glued to it ("413hồsơ", "21"), with the
# grid's specks before it ("_~15", "[100").
_FIGURE_THEN_LETTERS = lazy_compile(r"[\[\]|_~—‘’'`(]*(\d{1,3}(?:[.,]\d{3})*(?:,\d+)?|\d+)(\p{L}*)")
# Tokens after the unit words that are the grid's specks ("Ƒ", ".", "-"): short, no digit.
_SPECK_CHARS = 2
_MAX_SPECKS = 2
# Words a unit has at most ("Hồ sơ", "Sáng kiến", "Triệu đồng").
_MAX_UNIT_WORDS = 3


def _key(text: str) -> str:
    """A unit's letters, accent-free, lower case, without spaces: "Hồ sơ" and "hồsơ" read alike."""
    return "".join(c for c in fold(text) if c.isalpha())


def _speck(token: str) -> bool:
    return len(token) <= _SPECK_CHARS and not any(c.isdigit() for c in token)


def figure_before_echoed_unit(indicator: str, unit: str) -> tuple[str, str] | None:
    """(indicator, figure) when an indicator read with no figure ends with a number and then the
    row's own unit again ("Số cuộc tuyên truyền CCHC 21 lượt" under the unit "Lượt"), at most a
    couple of the grid's specks after it; None otherwise."""
    target = _key(unit)
    if len(target) < 2:  # ("%" has no letters to match: a share's figure is read as a figure)
        return None
    tokens = indicator.split()
    for specks in range(_MAX_SPECKS + 1):
        end = len(tokens) - specks
        if end < 2 or not all(_speck(t) for t in tokens[end:]):
            break
        for n in range(1, _MAX_UNIT_WORDS + 1):
            at = end - n
            if at < 1:
                break
            m = _FIGURE_THEN_LETTERS.fullmatch(tokens[at])
            if m is None:
                continue
            if _key(m.group(2) + "".join(tokens[at + 1 : end])) == target:
                return " ".join(tokens[:at]), m.group(1)
    return None


def echoed_unit_figure(cells: tuple[str, str, str, str, str]) -> tuple[str, str, str, str, str]:
    """A row's cells (code, indicator, unit, figure, note) with its figure taken from the end of
    the indicator where the row read no figure and the indicator ends with a number and the row's
    unit (``figure_before_echoed_unit``); the cells as they were otherwise."""
    code, indicator, unit, value, note = cells
    if value or not unit:
        return cells
    found = figure_before_echoed_unit(indicator, unit)
    if found is None:
        return cells
    return code, found[0], unit, found[1], note


# A share's figure as its cell prints it, with its sign ("86,21%", "100%"), the grid's specks before it.
_SHARE = lazy_compile(r"[\[\]|_~—‘’'`(]*(\d{1,3}(?:,\d{1,2})?)%")
# A lone digit where the unit cell's "%" stands: OCR reads the sign as a digit ("%" as "5").
_SIGN_AS_DIGIT = lazy_compile(r"\d")


def echoed_share(cells: tuple[str, str, str, str, str]) -> tuple[str, str, str, str, str]:
    """A share row's cells (code, indicator, unit, figure, note) with its figure taken from the end
    of the indicator where the figure cell printed it with its sign before the unit cell's "%"
    ("Tỷ lệ … 98,61% | %": the line cutter read the unit and no figure; "Tỷ lệ … 86,21% | 5": the
    unit cell's sign read as a lone digit, taken for the figure); the cells as they were otherwise."""
    code, indicator, unit, value, note = cells
    tokens = indicator.split()
    m = _SHARE.fullmatch(tokens[-1]) if len(tokens) > 1 else None
    if m is None:
        return cells
    if (not value and unit == "%") or (not unit and _SIGN_AS_DIGIT.fullmatch(value)):
        return code, " ".join(tokens[:-1]), "%", m.group(1), note
    return cells

"""A report's two-column table of results, "Nội dung | Kết quả", as OCR prints it: a line per row,
the indicator and its result cell side by side, no colon between them ("2. Tổng số hồ sơ TTHC tiếp
nhận trong kỳ 594 hồ sơ", "- Số hồ sơ tiếp nhận trực tuyến 579/594 hồ sơ (97,47%)").

Where the colon is missing, the table's header line above the list ("Nội dung | Kết quả") says the
line's last figure, with the unit words after it, is the result cell: the body line reader
(``body_stat_lines``) reads such lines only under such a header (a numbered line of prose, "1. Tổ
chức 5 cuộc họp", stays the narrative's). A result cell printing a part over its whole ("579/594
hồ sơ (97,47%)", ``stat_part_whole``) is read wherever a list line ends in one: the cell is handed
whole to the annex reader, which takes the part as the figure and notes the whole and the share.

OCR's specks in the result cell (the grid's bars, "__(89,29%)", "j++}") are left out of it; an
indicator's trailing specks likewise. A list under such a header whose lines end in figures and
which could not be read is told whole by the caller, never dropped."""

from __future__ import annotations

from dataclasses import dataclass

from extract.model import Line
from extract.segment.stat_key_value import figure_and_unit
from extract.segment.stat_line_cells import _INDICATOR, _VALUE
from extract.segment.stat_part_whole import part_over_whole
from normalize.criteria.annex_forms import lookalike_words
from normalize.lazy_regex import lazy_compile
from normalize.text import fold


@dataclass(frozen=True)
class ResultColumnSettings:
    # Lines with words above a list's first line its header may stand on (an OCR dump's blank
    # lines are not counted): the header is the line just over the table's first row.
    header_reach: int = 2
    # Words a header of the two labels has at most ("Nội dung | Kết quả", "Chỉ tiêu | Số liệu");
    # more is a sentence that happens to name them.
    header_words: int = 6
    # Lines of a list ending in a part over its whole that make it a results table with no header
    # (OCR garbled it past reading): a cell "36/38 nhiệm vụ (94,74%)" is a result column's, and two
    # such are no chance of prose.
    min_part_whole_lines: int = 2
    # Words of letters a results row whose cell OCR lost keeps of its indicator at least to be read
    # as a row with its figure lost ("1. Số cuộc tuyên truyền CCHC oe"); fewer is a scrap, told.
    lost_cell_words: int = 3


# Marks OCR leaves in a result cell where the grid's bars and ink specks were: a token holding one
# is a speck unless a figure stands in it once they are stripped ("__(89,29%)").
_SPECK_MARKS = "|_=~{}[]*+<>^#@"
# A part over its whole in points ("tự chấm 7/8 điểm") is a score statement (``statements``), no result.
_POINTS_UNITS = frozenset({"diem"})
# The last part over its whole of a line: "… 579/594 hồ sơ (97,47%)".
_PART_WHOLE_AT = lazy_compile(r"(?<![\d.,/])\d[\d.]*\s*/\s*\d")
# The last figure of a line and the words after it: "… trong kỳ 594 hồ sơ", "… trực tuyến | 97,47%".
# (a figure glued to a letter before it, "e986 hose", is OCR's garble of the cell, no figure)
_FIGURE_AT = lazy_compile(r"(?<![\d.,/\p{L}])\d[\d.,]*\s*%?[^\d]*$")
# What an indicator's end holds that is no word of it: the bar between the cells, a colon or a speck.
_INDICATOR_END = " \t|:;,._=~{}[]-"


def result_header(text: str, settings: ResultColumnSettings = ResultColumnSettings()) -> bool:
    """Whether a line is a results table's header: a few words naming the indicator's column and
    the figure's ("Nội dung ] Kết quả"), as printed or with OCR's digits for letters read back."""
    words = [w for w in text.split() if any(c.isalnum() for c in w)]
    if not words or len(words) > settings.header_words:
        return False
    folded = lookalike_words(text)
    return any(w in folded for w in _INDICATOR) and any(w in folded for w in _VALUE)


def headed_by_results(lines: list[Line], first: Line, settings: ResultColumnSettings = ResultColumnSettings()) -> bool:
    """Whether a list whose first line is ``first`` stands under a results table's header."""
    at = next((k for k, ln in enumerate(lines) if ln is first), None)
    if at is None:
        return False
    above = [ln for ln in lines[:at] if any(c.isalnum() for c in ln.text)][-settings.header_reach :]
    return any(result_header(ln.text, settings) for ln in above)


def results_listed(texts: list[str], settings: ResultColumnSettings = ResultColumnSettings()) -> bool:
    """Whether a list's lines are a results table's by their cells alone: ``min_part_whole_lines``
    of them end in a part over its whole."""
    return sum(1 for t in texts if part_whole_cell(t) is not None) >= settings.min_part_whole_lines


def glued_rows(text: str) -> tuple[str, str] | None:
    """(the first row's text, the second's result cell) of an entry OCR glued from two rows, the
    second's words lost: "3. Số hồ sơ … đã giải quyết 226 hồ sơ 195/226 hồ sơ (86,28%": the text
    before the part over its whole itself ends in a result cell, so the part is no cell of it."""
    at = _last_part_whole(text)
    if at is None or part_whole_cell(text) is None:
        return None
    before = text[:at]
    return (before, text[at:].strip()) if result_cell(before) is not None else None


def _cell_text(cell: str) -> str:
    """A result cell without OCR's specks: tokens of marks alone or letters among marks ("j++}")
    dropped, a figure's marks around it stripped ("__(89,29%)" → "(89,29%)")."""
    kept = []
    for token in cell.split():
        if not any(c in _SPECK_MARKS for c in token):
            if any(c.isalnum() for c in token) or "%" in token:
                kept.append(token)
            continue
        bare = token.strip(_SPECK_MARKS)
        if any(c.isdigit() for c in bare) and not any(c in _SPECK_MARKS for c in bare):
            kept.append(bare)
    return " ".join(kept)


def _indicator(text: str) -> str | None:
    """The indicator before a result cell, its trailing specks off; None when it has no word."""
    indicator = text.rstrip(_INDICATOR_END).strip()
    return indicator if sum(c.isalpha() for c in indicator) >= 2 else None


def _last_part_whole(text: str) -> int | None:
    """Where a line's last part over its whole opens (one in the indicator is the indicator's)."""
    starts = [m.start() for m in _PART_WHOLE_AT.finditer(text)]
    return starts[-1] if starts else None


def part_whole_cell(text: str) -> tuple[str, str] | None:
    """(indicator, result cell) of a line ending in a part over its whole ("… đã hoàn thành : 25/28
    nhiệm vụ | | = __(89,29%)" → "25/28 nhiệm vụ (89,29%)"); None when it does not end in one."""
    at = _last_part_whole(text)
    if at is None:
        return None
    cell = _cell_text(text[at:])
    indicator = _indicator(text[:at])
    over = part_over_whole(cell)
    if indicator is None or over is None or fold(over.unit) in _POINTS_UNITS:
        return None
    return indicator, cell


def result_cell(text: str) -> tuple[str, str, str] | None:
    """(indicator, figure, unit) of a line whose last figure, the unit's words or a per cent sign
    after it, is its result cell ("… tiếp nhận trong kỳ 594 hồ sơ"); None when it ends otherwise
    (a figure with no unit, or words past a unit's)."""
    m = _FIGURE_AT.search(text)
    if m is None:
        return None
    figure, unit = figure_and_unit(_cell_text(m.group(0)))
    indicator = _indicator(text[: m.start()])
    if indicator is None or not unit:
        return None
    if unit == "%":
        figure = figure.rstrip("%").strip()
    return indicator, figure, unit


# A list line ending in a figure, its unit or per cent sign after it, OCR's specks around.
_ENDS_IN_FIGURE = lazy_compile(r"\d[\d.,/]*\s*%?\)?(?:\s+[^\W\d]+){0,4}[\W_]*$")


def ends_in_figure(text: str) -> bool:
    """Whether a list line ends in a figure (and its unit): a row of a results table's lines."""
    return _ENDS_IN_FIGURE.search(text) is not None


def lost_result(text: str, settings: ResultColumnSettings = ResultColumnSettings()) -> str | None:
    """The indicator of a results table's row whose result cell OCR lost: the line holds no figure
    standing alone, only the indicator's words and after them specks or a garbled cell ("1. Số cuộc
    tuyên truyền CCHC oe", "6. Số hồ sơ TTHC đã giải quyết ưu e986 hose |"); None when the line
    prints a figure (a cell to read, not lost) or too few words to name a row. The words are kept up
    to the first token after the opening one that holds a digit or a mark, a short speck before it
    dropped (the opening word may hold OCR's digit for a letter: "S6", "$6" for "Số")."""
    tokens = text.split()
    if any(_NUMBER_TOKEN.match(t) for t in tokens[1:]):
        return None
    kept = tokens[:1]
    for token in tokens[1:]:
        if not token.rstrip(",;.").isalpha():
            break
        kept.append(token)
    if len(kept) > 1 and len(kept[-1].rstrip(",;.")) <= 2:
        kept.pop()  # (one speck OCR read as a short word: "… CCHC oe", "… đã thực hiện có")
    if sum(1 for t in kept if t.isalpha()) < settings.lost_cell_words:
        return None
    return _indicator(" ".join(kept))


# A token that is a figure, OCR's marks of the grid around it: "15", "(20%", "__(89,29%)", "108".
_NUMBER_TOKEN = lazy_compile(r"^[\W_]*\d[\d.,/]*%?[\W_]*$")

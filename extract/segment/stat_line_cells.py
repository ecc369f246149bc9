"""Cutting one line of a statistics annex into its cells: code, indicator, unit, figure, note.

How a line is cut, from the right, without a list of the generator's units:
- ruling lines OCR read as bars ("2.1 | Số … | Phản ánh | 17 |") cut the cells where a row has
  enough of them;
- otherwise the figure is the number that follows the unit, and the unit is what separates the
  indicator from the figure: "%", a counting or money unit, a run of capitalised words the
  indicator does not start with ("… tổ chức tiếp Phản ánh 19": Vietnamese continues a phrase in
  lower case), or a phrase that stands before the figure in other rows of the same table.
The header words of the annex form and OCR's specks around codes and figures are named here too:
the table finder (``stat_lines``) and the cutter read a line with the same vocabulary."""

from __future__ import annotations

from typing import TYPE_CHECKING

import regex as re

from extract.model import Line
from extract.segment.stat_cells import CODE, FIGURE, NUMBER, TEXT, UNIT, WRAP, Cell
from extract.segment.stat_garbled_cells import (
    ACRONYM as _ACRONYM,
    CODE_SPECKS as _CODE_SPECKS,
    KNOWN_UNITS as _KNOWN_UNITS,
    capitalised as _capitalised,
    digits_garbled_code,
    garbled_code_alone,
    garbled_unit,
)
from extract.segment.stat_item_letters import opens_with_lone_letter
from extract.segment.stat_line_figures import (
    _EDGE_MARKS,
    _FIGURE_SPECKS,
    _NUMBER,
    _PERCENT_SPECKED,
    _SPECK_CHARS,
    _figure_at,
    _is_figure,
    _unit_alone,
    _unit_of_lost_figure,
    _unspecked_figure,
    _without_specks_after_unit,
    garbled_before_figure,
)
from extract.segment.stat_unit_echo import echoed_share, echoed_unit_figure
from extract.segment.stat_units_after import figure_then_unit
from extract.segment.statistics import normalise_code
from normalize.codes import letter_item
from normalize.criteria.annex_forms import indicator_wording, opens_indicator, prints_form_word
from normalize.lazy_regex import lazy_compile
from normalize.text import fold

if TYPE_CHECKING:  # the settings live with the table finder that passes them down
    from extract.segment.stat_lines import StatLineSettings


# Header words per column concept (accent-free): the indicator, the unit, the figure.
_INDICATOR = ("noi dung", "chi tieu", "ten chi tieu")
_UNIT = ("don vi tinh", "dvt", "don vi do", "don vi")
_VALUE = ("so lieu", "ket qua", "gia tri", "thuc hien", "so luong")
_CODE = ("stt", "tt")
_BAR = lazy_compile(r"\s*[|¦]\s*")
# A lone code whose dot OCR read as a colon or semicolon ("5:3,", "4;2"): a figure never prints one.
_COLON_CODE = lazy_compile(r"\d{1,2}(?:[.:;]\d{1,2})*[:;]\d{1,2}[.,:;]?")
# A code closed by a run of dots ("5.1..."): the closing dot and the specks OCR read beside it.
_DOTTED_CODE = lazy_compile(r"\d{1,2}(?:\.\d{1,2})*\.{2,}")
# A code opening a row's line whose dot OCR read as a comma ("2,3."): a figure never opens the line
# of its row, and a decimal figure ends with no dot.
_COMMA_CODE = lazy_compile(r"\d{1,2},\d{1,2}\.")
_MIN_ACRONYM_LETTERS = 4
# A run of dashes or tildes inside a cell, or a mark no indicator prints ("~", "@", "«"): a ruling
# line or a leader OCR read as text, after which the cell's words are the smeared unit and figure
# ("Số phản ánh ———~i", "Số cán bộ, công chức cấp xãSS~*wSCN@SYSksT"). An "@" inside a word
# ("SonhigmvutrongK@hogchCCHCnam"), or a "«" opening one ("Số «uậc kiểm tra"), is a letter OCR
# misread, the cell's words going on after it, and so is one ending a word ("Ty 1@ hoàn thành":
# "lệ"). Tesseract's English model reads a leader as capital S's ("GiảiquyếtquáhạnSS~—SCS",
# "Số cán bộ —SPhảnánh"): no Vietnamese word doubles a capital S, nor opens a word with one after a
# dash (the cell's words after a dash go on as words do, "—Số").
_RULE_RUN = lazy_compile(r"\s*(?:[—–~-]{2,}|~|[«»](?!\w)|(?<!\w)@(?!\w)|[—–-]?S[Ss]|[—–-]S(?!\p{Ll})).*$")


def _has_word(folded: str, phrase: str) -> bool:
    return re.search(rf"(?<![a-z]){re.escape(phrase)}(?![a-z])", folded) is not None


def _words(text: str) -> list[str]:
    """A line's words without the specks standing alone ("[ 1 | …": the grid's corner)."""
    return [t for t in _BAR.sub(" ", text).split() if t.strip(_CODE_SPECKS)]


def _code_token(tokens: list[str]) -> str | None:
    """The code a line starts with ("2.1", "9.2_", "(2", "a)", "II"), as printed, or None."""
    if not tokens:
        return None
    # A dot before the code is a speck too ("-.1__"): no code starts with one.
    token = tokens[0].strip(_CODE_SPECKS).lstrip(".").strip(_CODE_SPECKS)
    if not token:
        return None
    if _DOTTED_CODE.fullmatch(token):
        token = token.rstrip(".")  # "5.1... Số hồ sơ": the code's closing dot run on by OCR's specks
    if letter_item(token):
        return token  # "—b)_": the item without OCR's specks, which the annex reader knows
    if letter_item(tokens[0]):
        return tokens[0]
    if normalise_code(token) is not None and (any(c.isdigit() for c in token) or len(token) <= 4):
        return token
    if _COMMA_CODE.fullmatch(token) and len(tokens) > 1 and _capitalised(tokens[1].strip(_CODE_SPECKS)):
        return token.replace(",", ".")  # "2,3. | Số TTHC …": a code whose dot OCR read as a comma
    if _COLON_CODE.fullmatch(token) and len(tokens) > 1 and _capitalised(tokens[1].strip(_CODE_SPECKS)):
        return re.sub(r"[:;]", ".", token).rstrip(".")  # "2:4 | Tỷ lệ …": its dot read as a colon
    if len(token) == 1 and letter_item(f"{token})") and len(tokens) > 1 and tokens[1].startswith(("[", "|")):
        return f"{token})"  # "—o [Số TTHC …": an item whose mark OCR read as the cell's bracket
    if opens_with_lone_letter([token, *(t.strip(_CODE_SPECKS) for t in tokens[1:2])]) and _NUMBER.match(tokens[-1]):
        # "b Số TTHC … Thủ tục 53": a bare letter, an item where the letters run as items do
        # (``_drafts``); only on a line ending in its figure's digits, as a wrapped line opening
        # with a speck read as a letter is no row ("u UND mavens | Te", "a Fe ce": its "ce"
        # repaired into the figure word "có")
        return token
    return None


def _line_cells(text: str) -> list[str]:
    """The cells a sparse-text line holds, without the ruling line OCR read beside them ("| nhận":
    an indicator's wrapped words): one cell, or a code and the indicator it opens when OCR kept
    the two together ("1 |Số cuộc tuyên truyền CCHC", "2.1 Số hồ sơ …": the code cell stands
    leftmost, its indicator capitalised; a figure never comes before the words of its row)."""
    words = _words(text)
    if len(words) == 1 and _COLON_CODE.fullmatch(words[0]):
        return [re.sub(r"[:;]", ".", words[0]).rstrip(".,:;")]  # "5:3,": a code whose dot OCR read as a colon
    code = _code_token(words[:1])
    if code is not None and len(words) > 1 and _capitalised(words[1].lstrip(_CODE_SPECKS)):
        rest = _BAR.sub(" ", text.strip()).split(maxsplit=1)[1].strip().lstrip(_CODE_SPECKS).strip()
        return [code, rest]
    return [" ".join(words) if words else text.strip()]


def _cell_kind(text: str, units: set[str]) -> str:
    """A cell line's kind (``stat_cells``): a lone code, number or figure, a unit, text."""
    tokens = text.split()
    if len(tokens) == 1:
        token = tokens[0].strip(_CODE_SPECKS) or tokens[0]
        if re.fullmatch(r"\d{1,2}(?:\.\d{1,2})*\.?", token):
            return NUMBER
        if re.fullmatch(r"\d\)", token):
            return CODE  # "8)": an item's letter misread, which the column repair reads
        if _is_figure(token):
            return FIGURE
        if letter_item(token) or (normalise_code(token) is not None and not token.isdigit()):
            return CODE
    folded = fold(text).strip(" ,.;:")
    if folded in units or folded in _KNOWN_UNITS or garbled_unit(folded, units):
        return UNIT
    words = [w.strip(",.;:()") for w in text.split()]
    if words and all(_ACRONYM.match(w) and len(w) >= _MIN_ACRONYM_LETTERS for w in words):
        # "CCHC", "TTHC": an indicator's wrapped last word; no indicator opens with one (shorter
        # capitals alone, "DL", "SL", are a code or figure OCR garbled)
        return WRAP
    return WRAP if text.strip()[:1].islower() else TEXT


def _cell_units(body: list[Line], settings: StatLineSettings, at_least: int = 2) -> set[str]:
    """Short capitalised cells printed several times: the table's units ("Hồ sơ", "Người")."""
    seen: dict[str, int] = {}
    for line in body:
        words = line.text.split()
        if 0 < len(words) <= settings.max_unit_words and _capitalised(words[0]):
            key = fold(line.text).strip(" ,.;:")
            seen[key] = seen.get(key, 0) + 1
    return {k for k, n in seen.items() if n >= at_least}


def _header_cell(text: str) -> bool:
    """A header label printed alone ("Nội dung", "ĐVT", "tính") or the form's caption."""
    folded = fold(text).strip(" ,.;:()")
    if text.strip().startswith("("):
        return True
    labels = _CODE + _INDICATOR + _UNIT + _VALUE + ("ghi chu", "tinh", "ghi chi")
    return len(folded.split()) <= 3 and any(_has_word(folded, w) for w in labels)


def _looks_prose(text: str) -> bool:
    """A sentence, not an indicator's wrapped words: it ends with a full stop or a colon."""
    return text.rstrip().endswith((".", ":", ";")) and len(text.split()) > 6


def _cells(text: str, units: set[str], settings: StatLineSettings) -> tuple[str, str, str, str, str] | None:
    """(code, indicator, unit, figure, note) of a row's line, or None when it is not one."""
    cells = _line_row_cells(text, units, settings)
    # (a figure cell printing its unit before the unit's own cell, "21 lượt | Lượt": stat_unit_echo)
    # (… and a share's, "86,21% | %", its sign read as a digit or not: stat_unit_echo)
    return _bar_read_as_one(echoed_share(echoed_unit_figure(cells))) if cells is not None else None


def _bar_read_as_one(cells: tuple[str, str, str, str, str]) -> tuple[str, str, str, str, str]:
    """The row's cells with a ruling line OCR read as the digit 1 before the figure ("Hồ sơ 1 —.
    359 h", "… 1 87,19 1 :") given back: a lone "1" read as the figure, the note opening with a
    figure of its own, which is the row's (an annex's notes column holds words, not a count). So
    is any lone digit a speck of the degraded grid left before a figure of two digits or more
    ("Nguoi 7 20", "Phananh | 4 22": ``--psm 4`` of degraded pages) after the
    row's unit, unless that figure is strokes only ("11": a ruling line beside a one-digit figure)."""
    code, indicator, unit, value, note = cells
    words = note.split()
    while words and not any(c.isalnum() for c in words[0]):
        words = words[1:]  # the ruling line's specks ("—.")
    if not _LONE_DIGIT.fullmatch(value) or not words:
        return cells
    if sum(1 for w in words if _is_figure(w)) >= _PARTS_AFTER:
        return cells  # (a figure per month or quarter: the lone digit is the first part's)
    figure = words[0].strip(_FIGURE_SPECKS + _EDGE_MARKS)
    if not (figure and _NUMBER.match(figure)) or _is_one(figure):
        return cells
    if value != "1" and (not unit or sum(c.isdigit() for c in figure) < 2 or not figure.strip("1.,%")):
        return cells  # (a speck's digit stands between the row's unit and its figure)
    return code, indicator, unit, figure, " ".join(words[1:])


# A figure cell of one digit alone: a speck of the grid where a figure follows it in the next cell.
_LONE_DIGIT = lazy_compile(r"\d")
# Figures after a row's first from which the row prints a period's parts (a figure per month or
# quarter, "9 27 14 1 …"): a lone digit before them is the first part, not a speck of the grid.
_PARTS_AFTER = 3


def _is_one(figure: str) -> bool:
    return figure.rstrip("%") == "1"


def _line_row_cells(text: str, units: set[str], settings: StatLineSettings) -> tuple[str, str, str, str, str] | None:
    """``_cells`` as the line's tokens and bars cut it."""
    if len(_BAR.findall(text)) >= settings.min_bars:
        barred = _barred_cells(text, settings)
        if barred is not None:
            return barred
    tokens = _words(text)
    if not tokens:
        return None
    code = _code_token(tokens)
    rest = tokens[1:] if code is not None else tokens
    kept = _without_specks_after_unit(rest, units, settings)
    garbled = garbled_before_figure(rest, kept, settings)
    rest = _unspecked_figure(kept, units, settings)
    if settings.units_after_figures and (after := figure_then_unit(rest, settings.max_unit_words + 1)):
        return code or "", *after, ""  # "… cấp xã 19 người" (stat_units_after)
    figure = _figure_at(rest, units, settings)
    if figure is None:
        if len(rest) > settings.max_indicator_words:
            return None
        if code is None and digits_garbled_code(rest):
            # "520) Số cán bộ … Người ƒ": a code cell OCR garbled past reading ("5.2 |"), handed to
            # the column repair as the code cell (``statistics._garbled_code``), not the indicator's.
            code, rest = rest[0].strip(_CODE_SPECKS), rest[1:]
        at = _unit_of_lost_figure(rest, units, settings)
        if at is not None and (code is not None or _opens_row(rest[0]) or _garbled_code_then_capital(rest)):
            # "3.3 Số TTHC chỉ cung cấp thông tin Thủ tục b": the figure lost, the unit read; a
            # row opening in capitals with its code lost too ("Số sáng kiến … E Sáng kiến"), or
            # with its code garbled into capitals ("ĐT '|ISỹ phản ánh … Phản ánh lưu Z]").
            return code or "", " ".join(rest[: at[0]]), " ".join(rest[at[0] : at[1]]), "", ""
        if code is None:
            return None
        unit = _unit_alone(rest, units, settings)
        if unit is not None:  # "6 Cuộc lhc": the code, the unit, the figure smeared; the words below
            return code, "", unit, "", ""
        return code, _RULE_RUN.sub("", " ".join(rest)) or " ".join(rest), "", "", ""
    unit_start, value_at = figure
    indicator = " ".join(rest[:unit_start])
    unit = " ".join(rest[unit_start:value_at])
    note = " ".join(rest[value_at + 1 :])
    if not indicator or unit_start > settings.max_indicator_words or _prose_note(rest[value_at + 1 :], settings):
        return None
    value = rest[value_at]
    bare = value.strip(_FIGURE_SPECKS + _EDGE_MARKS)
    cell = bare if bare and _NUMBER.match(bare) else value
    if garbled is not None and garbled[1] == value:
        # the word OCR made of the figure's cell kept before it: the figure is doubted
        # (``stat_values.FIGURE_BESIDE_LETTERS``), not taken as printed
        cell = f"{garbled[0]} {cell}"
    return code or "", indicator, unit, cell, note


def _prose_note(tokens: list[str], settings: StatLineSettings) -> bool:
    """Whether what follows a row's first figure is too long to be its note: more words than a
    note holds, or more figures than a period's parts, its whole and a column beside it ("1 1 2 …
    23 88,46": twelve months, the year, a share; a month-by-month annex is no paragraph)."""
    words = sum(1 for t in tokens if not _is_figure(t))
    return words > settings.max_note_words or len(tokens) - words > settings.max_note_figures


def _edge_speck_cell(cells: list[str], settings: StatLineSettings) -> bool:
    """Whether a barred line's first cell is the grid's left edge read as a speck ("` | 2 | Số
    nhiệm vụ … | 30 |"): nothing but specks, then a code, then an indicator of annex-form wording.
    The wording guards degraded tables, where a speck cell before a lone number is as often a
    garbled row's figure as its code."""
    if len(cells) < 4 or any(c.isalnum() for c in cells[0]) or _code_token(cells[1].split()) is None:
        return False
    if cells[2][:1].isalpha() and not _is_figure(cells[2]) and any(_figure_cell(c) for c in cells[3:]):
        # "- — | 34 |SØhðsơ… | 5 | 4": words, then a figure of their own after the number — the
        # number opens the row (its code); a garbled row's figure is its last number, not its first.
        return True
    wording = indicator_wording(cells[2])
    return wording is not None and wording >= settings.min_indicator_wording


def _figure_cell(cell: str) -> str | None:
    """The figure a barred cell holds, or None: a number alone once the grid's specks are off it,
    or a number and after it only specks of a letter or a mark each ("29 «", "2 S": the cell's
    right ruling line OCR read as a letter beside the figure)."""
    bare = cell.strip(_FIGURE_SPECKS)
    if _is_figure(bare):
        return bare
    words = bare.split()
    if len(words) < 2 or not _is_figure(words[0].strip(_FIGURE_SPECKS)):
        return None
    if all(len(w) <= _SPECK_CHARS and sum(c.isalnum() for c in w) <= 1 for w in words[1:]):
        return words[0].strip(_FIGURE_SPECKS)
    return None


# Characters of a speck OCR left beside a figure in its cell ("S", "«", "}.").
def _barred_cells(text: str, settings: StatLineSettings) -> tuple[str, str, str, str, str] | None:
    """Cells cut at the bars OCR read for ruling lines: code | indicator | unit | figure | note."""
    cells = [c.strip() for c in _BAR.split(text.strip().strip("|").strip())]
    if len(cells) < 3:
        return None
    if _edge_speck_cell(cells, settings):
        cells = cells[1:]
    # A speck standing alone before the code ("[ 2.1 | …": the grid's corner read as a bracket).
    words = cells[0].split()
    while len(words) > 1 and not words[0].strip(_CODE_SPECKS):
        words = words[1:]
    cells[0] = " ".join(words)
    code = _code_token(cells[0].split()) if cells else None
    garbled = garbled_code_alone(cells, settings.min_indicator_wording) if code is None else None
    if garbled is not None:  # "| 2ã |§6TTHC… | Thụ | 4 |", "[ 4T |Số cán bộ …": the code cell, misread
        code, cells = garbled, cells[1:]
    elif code is not None and cells[0].split()[0] == cells[0]:
        cells = cells[1:]
    elif code is not None:  # "2.1 Số …" with no bar after the code
        rest = cells[0][len(cells[0].split()[0]) :].strip()
        # "a) _| Số TTHC …": the code cell's specks before its bar are no cell of the row.
        cells = [rest, *cells[1:]] if rest.strip(_CODE_SPECKS + " ") else cells[1:]
    cells = [c.strip(_FIGURE_SPECKS) if _is_figure(c.strip(_FIGURE_SPECKS)) else c for c in cells]
    figures = [k for k, c in enumerate(cells) if _is_figure(c)]
    specked = [k for k, c in enumerate(cells) if k >= 2 and _figure_cell(c) is not None]
    if not figures and specked:  # "| ~Phananh | 2 S|": the figure with its cell's edge beside it
        cells[specked[0]] = _figure_cell(cells[specked[0]]) or ""
        figures = [specked[0]]
    last = max((k for k, c in enumerate(cells) if c), default=0)
    if not figures and last > 0 and _is_figure(cells[last].strip(_EDGE_MARKS)):
        # The row's last cell, a number with a mark beside it ("| PhảnHH | 7.", "| 19- |"): its
        # figure, the mark the page's (a statistics figure has no sign).
        cells[last] = cells[last].strip(_EDGE_MARKS)
        figures = [last]
    if not figures and last >= 1 and (parted := _bracket_bar(cells[last])) is not None:
        # "| Singin [3 |", "| -Nhigmvy [20 |": the bar between the unit and the figure OCR read
        # as a bracket glued to the figure (``--psm 6`` reads the grid's bars as "[" as often as "|").
        cells[last : last + 1] = list(parted)
        figures = [last + 1]
    if not figures and code is not None:
        return _cells_of_lost_figure(code, cells, settings)
    if not figures or figures[0] == 0:
        return None
    at = figures[0]
    if at == 1 and _PERCENT_SPECKED.fullmatch(cells[at]) and at + 1 < len(cells) and _is_figure(cells[at + 1]):
        # "Tỷ lệ … | 1% | 89,23 |": the unit cell's "%" with a speck of its ruling line read as a
        # digit, the figure in the next cell (a ratio's figure is no note's).
        cells = [cells[0], "%", *cells[at + 1 :]]
        at = 2
    words = " ".join(cells[: max(1, at - 1)]).lstrip(_CODE_SPECKS + "[]").strip()
    indicator = _RULE_RUN.sub("", words) or words
    unit = cells[at - 1] if at >= 2 else ""
    return code or "", indicator, unit, cells[at], " ".join(cells[at + 1 :])


# A unit cell ending in a figure behind a bracket: the bar before the figure's cell read as "[".
_BRACKET_BAR = lazy_compile(r"(\S.*?)\s*\[\s*(\d{1,3}(?:[.,]\d{3})*(?:,\d+)?%?)\]?")


def _bracket_bar(cell: str) -> tuple[str, str] | None:
    """(unit, figure) of a cell OCR ran over the bar between them, read as a bracket, or None."""
    m = _BRACKET_BAR.fullmatch(cell.strip())
    if m is None or not _is_figure(m.group(2)) or any(ch.isdigit() for ch in m.group(1)):
        return None
    return m.group(1), m.group(2)


def _cells_of_lost_figure(
    code: str, cells: list[str], settings: StatLineSettings
) -> tuple[str, str, str, str, str] | None:
    """A coded barred line whose figure OCR garbled ("—3.2_ | Số hồ sơ … | Hồsơ | ma J"): the bars
    still cut its cells, so the indicator is the first cell's words, the unit the next cell when
    it reads as one (a capitalised word or two, "%"), the rest the smeared figure's, told lost.
    None when the cells after the code are no indicator and unit (a line of words: cut by tokens),
    or when a cell after the indicator holds a digit ("Văn bản [12": the figure is there, glued to
    a speck, and the line's tokens read it)."""
    if len(cells) < 3 or not any(c.isalpha() for c in cells[0]) or any(ch.isdigit() for ch in "".join(cells[1:])):
        return None
    unit = cells[1]
    words = unit.split()
    if not (unit == "%" or (0 < len(words) <= settings.max_unit_words and _capitalised(words[0]))):
        unit = ""
    indicator = _RULE_RUN.sub("", cells[0]) or cells[0]
    return code, indicator.lstrip(_CODE_SPECKS + "[]").strip(), unit, "", ""


# A unit cell's "%" with one speck read as a digit beside it ("1%", "%1").
def _opens_row(token: str) -> bool:
    """Whether a word can open a row's indicator: capitalised, or an indicator's first word with
    OCR's digit look-alikes ("S6" for "Số", which ``_capitalised`` refuses for its digit)."""
    return _capitalised(token) or (token[:1].isupper() and opens_indicator(token))


def _garbled_code_then_capital(tokens: list[str]) -> bool:
    """Whether a line opens with a code OCR garbled into a capital or two ("ĐT", "K)") and then a
    capitalised word: a row's code cell and its indicator, not wrapped words. So does one garbled
    into a few small letters no form prints ("uel Tỷ lệ … %"), when the word after it opens an
    indicator as the forms' do: wrapped words go on in lower case, or with a form's word."""
    first = tokens[0].strip(_CODE_SPECKS + ")(")
    if len(tokens) <= 2 or not 0 < len(first) <= 3 or not first.isalpha():
        return False
    if first.isupper():
        return len(first) <= 2 and _capitalised(tokens[1])
    return first.islower() and not prints_form_word(first) and _opens_row(tokens[1]) and opens_indicator(tokens[1])


def _repeated_units(lines: list[Line], at_least: int = 2) -> set[str]:
    """Phrases (1–3 words, accent-free) standing right before a line's last figure in several
    lines, after different words: the table's own units, whatever their case ("phản ánh" after
    "tiếp" and after "xử lý" is the unit column; "xử lý phản ánh", always after "xử", is not)."""
    left: dict[str, set[str]] = {}
    for line in lines[:200]:
        tokens = _BAR.sub(" ", line.text).split()
        at = [k for k, t in enumerate(tokens) if _is_figure(t)]
        if not at or at[-1] < 2:
            continue
        before = [fold(t).strip(",.;:") for t in tokens[: at[-1]]]
        for n in (1, 2, 3):
            if len(before) > n:
                left.setdefault(" ".join(before[-n:]), set()).add(before[-n - 1])
    return {p for p, words in left.items() if len(words) >= at_least and not any(ch.isdigit() for ch in p)}


def _specks_for_indicator(indicator: str, settings: StatLineSettings) -> bool:
    """Whether an OCR'd row's indicator is specks and stray letters, no indicator: no letter at
    all, or less than ``min_indicator_wording`` of its letter trigrams are annex-form wording
    (``indicator_wording``). Plain Vietnamese keeps most (a commune's own indicator, "Số hộ nghèo
    được hỗ trợ", 0.75); a garbled known one keeps the forms' letters ("Sốnhiệm vụtrongKếhoạhCCHCnmm",
    0.72); specks keep few ("5+ 5S cung 7 ng pc ap", 0.36). Word checks do not tell them apart: the
    text repair has made the specks syllables ("cũng nó óc áp"). A word too short for a trigram
    ("xã") is no evidence."""
    if not any(c.isalpha() for c in indicator):
        return True
    letters = indicator_wording(indicator)
    return letters is not None and letters < settings.min_indicator_wording


def without_speck_cells(cells: list[Cell], settings: StatLineSettings) -> list[Cell]:
    """The cells printed one per line (``--psm 11``) less the text cells that are specks of a
    smeared cell ("cal", "al", "D2"): no indicator's wording and no wrapped word of one. Taken as
    text, a speck opens a row of its own that takes the unit and figure read before the real
    indicator, and the column repair gives it a code, moving the codes of the rows after it."""
    return [
        c
        for c in cells
        if c.kind not in (TEXT, WRAP) or not (_specks_for_indicator(c.text, settings) or stray_letters(c.text))
    ]


def stray_letters(text: str) -> bool:
    """Whether a line with no code and no figure is a few letters OCR left of a smeared row ("ea",
    "ee", "a"), not words wrapped from the row above: too short for the trigram evidence of
    ``_specks_for_indicator``, and no word of it is a word the annex forms print (a wrapped "xã",
    "lý" or "nhận" is)."""
    return any(c.isalpha() for c in text) and indicator_wording(text) is None and not prints_form_word(text)


# A code cell OCR garbled past reading, then the cell's right edge read as a bracket or a bar, and
# the indicator: "Sử [Sond soTTAC …", "0) [Gisiquyé …", "0 |Giaiquyét …"; the grid's corner read
# as a bracket or bar before it ("[ 4ã_ [Tỷ lệ …").
_GARBLED_CODE_CELL = lazy_compile(r"^(?:[\[|(]\s+)?[~\-—_'‘`\"]*(\w{1,2}\)?)_*\s*[\[|]\s*(?P<indicator>\w.*)$")


def _garbled_code_cell(text: str, settings: StatLineSettings) -> tuple[str, list[str]] | None:
    """(code token, [indicator]) of a line that opens with a garbled code cell and its edge, or
    None. The token is kept for the column repair when it has a code's digit or an item's bracket
    ("0)", "9"), else dropped ("Sử": letters the repair cannot read, not the indicator's). The
    indicator must open with a capital and a word of ``min_garbled_row_letters`` letters or annex-form
    wording (OCR glues a smeared row's words: "Gisiquyédinghan"), so that specks after a bar or
    wrapped words are not taken for a row."""
    m = _GARBLED_CODE_CELL.match(text.strip())
    if m is None:
        return None
    indicator = _RULE_RUN.sub("", m.group("indicator")).strip(" |[]")
    if not indicator[:1].isupper():
        return None
    first = indicator.split()[0]
    if sum(c.isalpha() for c in first) < settings.min_garbled_row_letters and _specks_for_indicator(
        indicator, settings
    ):
        return None
    token = m.group(1)
    return (token if any(c.isdigit() for c in token) or token.endswith(")") else ""), [indicator]

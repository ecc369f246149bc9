"""The rows of a statistics annex printed one row per line, cut from its lines under its header
(or its title, OCR having lost the header): each line's cells (``stat_line_cells``), the words a
row wraps onto the next lines, a code OCR set on a line of its own, a row whose code cell OCR
garbled or whose code and figure it lost; the rows then handed on as the annex reader's table
(``stat_lines`` decides whether the table is read, and how)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

import regex as re

from extract.model import Line
from extract.segment.joined import JoinedRow, JoinedTable
from extract.segment.running_lines import after_page_mark, is_page_mark_line, is_running_line
from extract.segment.stat_edge_roman import without_roman_edge
from extract.segment.stat_figure_above import figure_for_next_row
from extract.segment.stat_line_cells import (
    _CODE_SPECKS,
    _cells,
    _garbled_code_cell,
    _header_cell,
    _is_figure,
    _looks_prose,
    _repeated_units,
    _specks_for_indicator,
    _words,
    stray_letters,
)
from extract.segment.stat_line_compare import this_period_cells
from extract.segment.stat_line_header import _header_span, is_statistics_header
from extract.segment.stat_periods import this_period_first
from extract.segment.stat_plan_column import plan_first, result_after_plan
from extract.segment.stat_share_headings import heading_after_share
from extract.segment.stat_speck_opening import behind_speck
from extract.segment.stat_units_after import units_follow_figures
from extract.segment.stat_wrap_speck import wrap_with_speck
from extract.segment.statistics import normalise_code
from normalize.codes import item_letter, item_place, letter_item, parse_code, successors
from normalize.criteria.annex_forms import indicator_wording, opens_indicator
from normalize.lazy_regex import lazy_compile

if TYPE_CHECKING:  # the settings live with the table finder that passes them down
    from extract.segment.stat_lines import StatLineSettings

# Lines that close an annex: the next annex, the addressees, a signature block.
_STOP = lazy_compile(r"^\s*(?:ph[uụ]\s*l[uụ]c|bi[eể]u\s*(?:m[aẫ]u|s[oố])|n[oơ]i\s*nh[aậ]n|tm\.|kt\.)", re.I)
# The grid's left ruling line read as a capital stuck to a row's code ("P21 | Số …", "F 1 | …",
# "P31 [Số …", "F-33 | Tỷ lệ …", "Ễ 2.3 | …", "L_2:4 | …"): a capital (Vietnamese ones too; a
# dash or underscore of the edge after it), a code (its dot read as a colon), then the bar or
# bracket of the cell's right edge.
_EDGE_SPECK = lazy_compile(r"^[\[|(]?\s*\p{Lu}[\s\-_]?(?=\d{1,2}(?:[.,:]\d{1,2})*\.?[\s_]*[|\[])")
# ... or to a lettered item ("Fa) | Số TTHC … | 99 |", "Fb) _| …"), taken so only where the line
# then reads a figure: a capital and a letter before a bar are as often a garbled code cell.
_EDGE_SPECK_ITEM = lazy_compile(r"^[\[|(]?\s*[A-Z]\s?(?=[a-zđ€©]\)[\s_]*[|\[])")
# The code cell's right ruling line read as a bracket glued to the code and the indicator
# ("53_[Tỷ lệ …", "~7_[Số sáng kiến …"): the code and the indicator are two words.
_GLUED_CODE = lazy_compile(r"^([~\-—_'‘`\"]*\d{1,2}(?:[.,]\d{1,2}){0,2}\.?)_*(?=\[\w)")


def _indicator_code_lost(text: str, settings: StatLineSettings) -> bool:
    """Whether a line with no code and no figure is a row whose code and figure OCR lost, not
    words wrapped from the row above: a capital opening annex indicators open with ("Tỷ lệ …",
    "Số …"), then enough words of annex-form wording (": Tỷ lệ cán bộ, công chức đạt chuẩn ,")."""
    words = behind_speck(_words(text.strip(_CODE_SPECKS + ":;., ")))  # ("ES Tổng số …": the code cell's speck)
    if len(words) < settings.min_lost_code_words or not words[0][:1].isupper() or not opens_indicator(words[0]):
        return False
    letters = indicator_wording(" ".join(words))
    return letters is not None and letters >= settings.min_indicator_wording


def _heading(above: _RowLines, text: str, settings: StatLineSettings) -> bool:
    """Whether a line with no code and no figure is the next group's heading under a share
    (``stat_share_headings``), not the share's wrapped words."""
    words = _words(text.strip(_CODE_SPECKS + ":;., "))
    indicator = " ".join(above.indicator)
    return heading_after_share(
        indicator, above.unit, above.value, words, settings.min_heading_words, settings.min_indicator_wording
    )


def _items_in_order(item: str, rows: list[_RowLines], lines: list[Line], k: int) -> bool:
    """Whether a lettered item read behind the grid's edge on a line that gives no figure ("Fa) |
    Gidiquyét… | ST": the row's figure smeared) stands in a column of items: the row above is the
    item before it, or the next line printing anything opens with the item after it, behind the
    edge or not ("Fb) | …"). Two letters in their order are the form's items, not a garbled code
    cell; taken for one, the rows were coded 4.1.1, 4.1.2 (no such rows) and 4.1.a, b lost."""
    letter = _item_letter(item)
    if letter is None or not rows:
        return False
    place = item_place(letter)
    if letter_item(rows[-1].code) == item_letter(place - 1):
        return True
    after = next((ln.text.strip() for ln in lines[k + 1 :] if ln.text.strip()), "")
    return _item_letter(_EDGE_SPECK_ITEM.sub("", after, count=1)) == item_letter(place + 1) and _numbering_resumes(
        rows[-1].code, lines[k + 1 : k + 1 + _ITEMS_SPAN]
    )


def _numbering_resumes(code: str, lines: list[Line]) -> bool:
    """Whether the first numbered line after a run of items is the next sibling of the row the
    items follow ("21" … a), b), c) … "22"): the items are that row's breakdown. Numbering that
    resumes elsewhere ("22" … "4") lost the row the items belong to, and they are told lost."""
    base = normalise_code(code)
    if base is None:
        return False
    sibling = _LAST_NUMBER.sub(lambda m: str(int(m.group(1)) + 1), base, count=1)
    for line in lines:
        words = _without_edge_speck(line.text.strip()).split()
        opened = normalise_code(words[0].strip("[|(_")) if words else None
        if opened is not None:  # (OCR drops a code's dot: "21" for 2.1, beside "2.2")
            return opened.replace(".", "") == sibling.replace(".", "")
    return False


# the lines a run of items and their smeared wraps spans before the numbering resumes
_ITEMS_SPAN = 8
_LAST_NUMBER = lazy_compile(r"(\d+)$")


def _item_letter(text: str) -> str | None:
    """The letter of the lettered item a line opens with, before its cell's bar ("b) | …")."""
    m = _ITEM_TOKEN.match(text)
    return letter_item(m.group(1)) if m else None


_ITEM_TOKEN = lazy_compile(r"^[\[|(]?\s*([a-zđ€©]\))[\s_]*[|\[]")


def _without_edge_speck(text: str) -> str:
    """A row's line without the capital OCR read for the grid's left edge before its code, when
    the code stands alone in its cell ("P21 | …" → "21 | …"), its code apart from a bracket glued
    to it ("53_[Tỷ lệ" → "53 [Tỷ lệ"); any other line as it is."""
    text = _GLUED_CODE.sub(r"\1 ", text, count=1)
    roman_edge = without_roman_edge(text)  # ("L 2.2 | …": the edge, though "L" is a Roman numeral)
    if roman_edge is not None:
        return roman_edge
    if normalise_code(text.split()[0] if text.split() else "") is not None:
        return text
    return _EDGE_SPECK.sub("", text, count=1)


@dataclass
class _RowLines:
    code: str
    indicator: list[str]
    unit: str
    value: str
    note: str
    page: int
    first: int
    last: int


def _table(
    lines: list[Line], head: int, start: int, settings: StatLineSettings, min_figures: int | None = None
) -> tuple[JoinedTable | None, int]:
    """The rows under a header from line ``start``; the index after the table's last line.
    ``min_figures``: rows that must give a figure (``settings.min_rows`` unless said)."""
    units = _repeated_units(lines[start:])
    rows: list[_RowLines] = []
    prose = 0
    smeared = False  # the line before was specks between rows: a row OCR smeared whole
    held: tuple[str, str] | None = None  # (unit, figure) the line above set for this line's row
    k = start
    header = " ".join(ln.text for ln in lines[head:start])
    # (a table read without its header: the line above its rows may be a header the finder did not
    # take for one, "Nội dung | Kết quả", naming no unit)
    labels = header or (lines[start - 1].text if start > 0 else "")
    if units_follow_figures(labels, lines[start:], settings.max_unit_words + 1):
        settings = replace(settings, units_after_figures=True)  # "19 người": the unit after the figure
    # (the plan's and the result's labels, wrapped over the header's two lines: "Chỉ tiêu kế" /
    # "hoạch", read above a table found without its header)
    labels_above = header or " ".join(ln.text for ln in lines[max(0, start - _LABEL_LINES) : start])
    plan_before_result = plan_first(labels_above)
    periods_read = labels_above  # the header's lines and those under it before the first row
    while k < len(lines):
        line = lines[k]
        text = line.text.strip()
        if not text:
            k += 1
            continue
        if rows and (is_running_line(text) or is_page_mark_line(text)):
            # "Phụ lục 1 (tiếp theo)" over the next page's rows, "Trang 2/3" under a page's: the
            # page's layout, the table goes on
            k += 1
            continue
        text = after_page_mark(text) if rows else text  # ("Trang 1/3STT Nội dung …": the next page's header glued on)
        if rows and is_statistics_header(text):
            resumed = _after_repeated_header(lines, k, rows, settings)
            if resumed is not None:
                k = resumed
                continue
        if _STOP.match(text) or (rows and is_statistics_header(text)):
            break
        text = _without_edge_speck(text)
        item = _EDGE_SPECK_ITEM.sub("", text, count=1)
        if item != text and ((_cells(item, units, settings) or ("",) * 5)[3] or _items_in_order(item, rows, lines, k)):
            text = item
        if not rows:  # (the labels' rest, "T 2022 2023 | giảm (-)": the periods' years, stat_line_compare)
            periods_read += " " + text
        if not rows and _header_rest(text):
            k += 1
            continue
        cells = _cells(text, units, settings)
        if not rows and (cells is None or not cells[0]) and _header_tail(text, k - start, settings):
            header += " " + text  # (a label wrapped over short lines: "Thực hiện 6" / "tháng" / "đầu năm")
            k += 1
            continue
        if cells is not None and held is not None and cells[0] and not cells[3]:
            cells = (cells[0], cells[1], cells[2] or held[0], held[1], cells[4])  # its figure, on the line above
        held = None
        if cells is not None and rows:
            held = figure_for_next_row(cells, rows[-1].value, _next_cells(lines, k, units, settings))
            if held is not None:
                k += 1
                continue
        if cells is not None:
            code, indicator, unit, value, note = cells
            # (the plan's label may wrap onto the lines under the header: "Chỉtiêu | Kết quả" /
            # "kế hoạch | thực hiện", read with those lines)
            if plan_before_result or plan_first(periods_read):
                value, note = result_after_plan(value, note)
            # (two periods side by side: this period's figure, stat_line_compare)
            elif (this_first := this_period_first(periods_read)) is not None:
                value, note = this_period_cells(value, note, this_first)
            if not code and rows and _awaits_indicator(rows[-1]) and (indicator or unit or value):
                # "4.1" / "Số nhiệm vụ đã hoàn thành Nhiệm vụ 37": OCR set the code cell on a line
                # of its own; the row's other cells are the next line's.
                above = rows[-1]
                above.indicator, above.value, above.note = [indicator], value, note
                above.unit = unit or above.unit
                above.last = line.number
                prose = 0
            elif not code and rows and not value and not unit and not _empty_cells_ruled(text, settings):
                cells = None  # no code and no figure: wrapped text
            elif not code and rows and wrap_with_speck(rows[-1].value, indicator, unit, value):
                cells = None  # wrapped text, a speck after it read as a figure
            else:
                rows.append(_RowLines(code, [indicator], unit, value, note, line.page, line.number, line.number))
                prose = 0
        if cells is None:
            words = text.split()
            garbled = _garbled_code_cell(text, settings) if rows and settings.keep_garbled_code_rows else None
            if garbled is not None:
                # "Sử [Số hồ sơ TTHC đã giải quyết ———SS~": a row whose code cell OCR garbled (its
                # edge still read as a bracket) and whose unit and figure it smeared: the row is
                # kept, its code read or inferred by the column repair and its figure told lost.
                rows.append(_RowLines(*garbled, "", "", "", line.page, line.number, line.number))
                prose = 0
            elif rows and (_specks_for_indicator(text, settings) or stray_letters(text)):
                smeared = True  # specks between rows (a garbled line): no words of the row above, no prose
                k += 1
                continue
            elif rows and _awaits_indicator(rows[-1]) and _indicator_code_lost(text, settings):
                rows[-1].indicator, rows[-1].last = [text.strip(_CODE_SPECKS + ":;., ")], line.number
                prose = 0
            elif (
                rows
                and not _label_below(rows[-1])
                and (
                    _indicator_code_lost(text, settings)
                    or _empty_cells_ruled(text, settings)
                    or _heading(rows[-1], text, settings)
                )
            ):
                rows.append(
                    _RowLines("", [text.strip(_CODE_SPECKS + ":;., ")], "", "", "", line.page, line.number, line.number)
                )
                prose = 0
            elif rows and len(words) <= settings.max_wrap_words and not _looks_prose(text):
                # Words wrapped under a smeared row are that row's, lost with it: the row above
                # ends before the specks (its lines reach over both, so they are told).
                if not smeared:
                    rows[-1].indicator.append(text)
                rows[-1].last = line.number
                k += 1
                continue
            else:
                prose += 1
                if prose > settings.max_prose_lines:
                    break
        smeared = False
        k += 1
    return _joined_table(rows, lines[head].number, settings, min_figures), k


def _after_repeated_header(lines: list[Line], k: int, rows: list[_RowLines], settings: StatLineSettings) -> int | None:
    """The line a table goes on from when a header at line ``k`` is its own printed again at the
    top of the next page (a paged annex): the first row under it carries the numbering of the rows
    above on ("3.3" … header … "3.4"; judged on the last few, one of whose codes OCR may have
    misread, "9.3" for 5.3); None when it is another table's header (its numbering starts afresh).
    The header's first labels OCR set apart, read as the row above's wrapped words ("Nội dung chỉ
    tiêu"), are taken off that row."""
    span = _header_span(lines, k, settings)
    end = span[1] if span is not None else k + 1  # (a header line with specks past the header's length)
    above = [c for c in (parse_code(normalise_code(r.code) if r.code else None) for r in rows[-_CARRIED_ROWS:]) if c]
    if not above:
        return None
    start = end
    while start < len(lines) and start - end < settings.header_tail_lines:
        text = _without_edge_speck(lines[start].text.strip())
        words = text.split()
        first = parse_code(normalise_code(words[0].strip(_CODE_SPECKS + "[|(_")) if words else None)
        if first is not None:
            if not any(first in successors(code) for code in above):
                return None
            _labels_off(rows[-1], lines, k, settings)
            return start
        worded = " ".join(w for w in words if sum(ch.isalnum() for ch in w) > _SPECK_LETTERS)
        if worded and not _header_tail(worded, start - end, settings):
            return None  # (a line of words under the header: no row carrying the numbering on)
        start += 1  # (a label's wrapped words: "hoạch | hiện", specks and all)
    return None


def _labels_off(row: _RowLines, lines: list[Line], k: int, settings: StatLineSettings) -> None:
    """The repeated header's first lines above line ``k`` taken off the row they were read into as
    its wrapped words: a line from which a header runs over line ``k`` ("Nội dung chỉ tiêu" over
    "STT | ĐVT | …"), a label alone, or the page's mark."""
    j = k - 1
    while j >= 0 and len(row.indicator) > 1:
        text = lines[j].text.strip()
        if not text:
            j -= 1
            continue
        if text != row.indicator[-1].strip():
            return
        span = _header_span(lines, j, settings)
        if not (_header_rest(text) or is_page_mark_line(text) or (span is not None and span[1] > k)):
            return
        row.indicator.pop()
        j -= 1


# letters of a word OCR made of the grid's specks ("é", "ưu", "3") under a repeated header's labels
_SPECK_LETTERS = 2
# the lines above a table found without its header that may hold its labels (a two-line header)
_LABEL_LINES = 2
# the rows above a repeated header whose numbering the first row under it may carry on
_CARRIED_ROWS = 3


def _label_below(row: _RowLines) -> bool:
    """Whether a row read so far printed its figure with no label (a unit's word at most: "Văn |
    bản | 13"): the label OCR set on the line below it ("Ï Số văn bản chỉ đạo …") is its own, kept
    as its wrapped words, not a row of its own with its code lost."""
    return bool(row.value) and len(" ".join(row.indicator).split()) <= 1


def _next_cells(
    lines: list[Line], k: int, units: set[str], settings: StatLineSettings
) -> tuple[str, str, str, str, str] | None:
    """The cells of the first line after line ``k`` that prints anything."""
    after = next((ln.text.strip() for ln in lines[k + 1 :] if ln.text.strip()), "")
    return _cells(_without_edge_speck(after), units, settings) if after else None


def _header_tail(text: str, after: int, settings: StatLineSettings) -> bool:
    """A short line under the header, before the first row, that gives no row: a label's
    wrapped words ("tháng", ": đầu năm", ": năm 2024 hiện 6", its year read as a figure), not
    prose ending the table, nor a first row whose code OCR lost (it opens as indicators do)."""
    words = _words(text.strip(_CODE_SPECKS + ":;., "))
    return (
        after < settings.header_tail_lines
        and len(words) <= settings.header_tail_words
        and not (words and opens_indicator(words[0]))
    )


def _awaits_indicator(row: _RowLines) -> bool:
    """Whether a row read so far is its code alone, or its code and unit whose figure OCR smeared
    ("6 Cuộc lhc"): its indicator is on the next line."""
    return bool(row.code) and not (any(row.indicator) or row.value or row.note)


def _empty_cells_ruled(text: str, settings: StatLineSettings) -> bool:
    """Whether a line with no code and no figure is a heading row, not wrapped words: its empty
    unit and figure cells are ruled after it ("Kết quả giải quyết hồ sơ … | | |": wrapped words
    carry no ruling lines of cells they do not fill), and it opens with a capital."""
    body = text.rstrip().rstrip("|¦ ")
    tail = text.rstrip()[len(body) :]
    return len(tail.replace(" ", "")) >= settings.min_bars and body.strip(_CODE_SPECKS + " ")[:1].isupper()


def _header_rest(text: str) -> bool:
    """A header label's wrapped word under the header, before the first row, with OCR's specks
    around it ("L ễ tính": "Đơn vị" / "tính", the grid's edge read as "L"): no row of the annex."""
    words = [w for w in _words(text) if sum(c.isalnum() for c in w) > 1]
    return bool(words) and not any(_is_figure(w) for w in words) and _header_cell(" ".join(words))


def _joined_table(
    rows: list[_RowLines], head_line: int, settings: StatLineSettings, min_figures: int | None = None
) -> JoinedTable | None:
    """The rows as the annex reader's table (code / indicator / unit / figure / note), or None
    when fewer than ``min_figures`` (``settings.min_rows``) carry a figure, or it has no row."""
    least = settings.min_rows if min_figures is None else min_figures
    if not rows or sum(1 for r in rows if r.value) < least:
        return None
    header = [["STT", "Nội dung", "ĐVT", "Số liệu", "Ghi chú"]]
    joined = [
        JoinedRow(
            cells=[r.code, " ".join(w for w in r.indicator if w), r.unit, r.value, r.note],
            bold=[False] * 5,
            page=r.page,
            line_start=r.first,
            line_end=r.last,
            fragment=0,
        )
        for r in rows
    ]
    return JoinedTable(
        header=header,
        rows=joined,
        pages=sorted({r.page for r in rows}),
        n_cols=5,
        source="text",
        line_start=head_line,
        line_end=rows[-1].last,
        block_index=0,
    )

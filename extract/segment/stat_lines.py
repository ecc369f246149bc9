"""Statistics annexes printed as lines: OCR text dumps and plain text with no grid.

An annex form (STT / Nội dung / ĐVT / Số liệu / Ghi chú) that reaches us as text keeps its header
words and, per row, the order of its cells: a code, the indicator, its unit, the figure, a note.
Each row's line is cut into those cells and handed to the annex reader of the grid
(``statistics.stat_rows``), so codes, figures, units and enumerations are read one way whatever
the input.

How a line is cut, from the right, without a list of the generator's units:
- ruling lines OCR read as bars ("2.1 | Số … | Phản ánh | 17 |") cut the cells where a row has
  enough of them;
- otherwise the figure is the number that follows the unit, and the unit is what separates the
  indicator from the figure: "%", a counting or money unit, a run of capitalised words the
  indicator does not start with ("… tổ chức tiếp Phản ánh 19": Vietnamese continues a phrase in
  lower case), or a phrase that stands before the figure in other rows of the same table.
Lines without a code or a figure are wrapped indicator text and join the row above (a row's
first line wrapped before its figure, or after it, reads the same)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

import regex as re

from extract.model import IngestedDocument, Line
from extract.segment.count_words import UNIT_KEYS
from extract.segment.joined import JoinedRow, JoinedTable
from extract.segment.stat_cells import (
    CODE,
    FIGURE,
    NUMBER,
    TEXT,
    UNIT,
    WRAP,
    Cell,
    CellLineSettings,
    one_cell_per_line,
    rejoin,
)
from extract.segment.stat_unread import CELLS_REJOINED, COLUMNS_INFERRED, LINE_METHODS, is_form_title, lost_figure
from extract.segment.statistics import StatisticsSettings, annex_caption, normalise_code, stat_rows
from normalize.code_repair import repair_codes
from normalize.codes import letter_item, parse_code, transition_cost
from normalize.lazy_regex import lazy_compile
from normalize.text import fold
from schemas.records import StatAnnex


@dataclass(frozen=True)
class StatLineSettings:
    # Column concepts a header must name, besides the indicator: the unit and the figure.
    # Header lines looked at together (a label wraps: "Đơn vị" / "tính").
    header_lines: int = 3
    # Rows (coded lines with a figure) a table needs: fewer is a sentence that looks like one.
    min_rows: int = 3
    # Lines of prose (neither a row nor wrapped text) that end the table.
    max_prose_lines: int = 2
    # Words a unit has at most; a capitalised run longer than this is part of the indicator.
    max_unit_words: int = 3
    # Bars on a line (ruling lines read as "|") from which the bars cut its cells.
    min_bars: int = 2
    # A wrapped indicator line has at most this many words (a long line is prose).
    max_wrap_words: int = 14
    # Lines with OCR's marks (bars, specks on codes) that make a table's text OCR'd.
    min_ocr_marks: int = 2
    # Words a header line has at most: a longer line naming "nội dung", "đơn vị" and "kết quả"
    # is a sentence of the report.
    max_header_words: int = 14
    # Words an indicator and a note have at most: a longer "row" is a numbered paragraph.
    max_indicator_words: int = 40
    max_note_words: int = 12
    # Specks a row's line may end with after its unit where OCR garbled the figure ("Thủ tục b",
    # "Người- NN"), each at most this long: the unit is then read, the figure told lost.
    max_lost_figure_specks: int = 2
    max_speck_chars: int = 3
    # A form title with no header under it (OCR lost the header lines, ``--psm 6``): lines
    # after the title looked at for a header before the rows are read without one.
    title_window: int = 6
    # ... and then the rows' codes must follow one another (1, 2, 2.1 …; a lettered item under
    # a code) for this share of the coded rows, and that many rows must carry a code.
    min_sequence_share: float = 0.6
    min_coded_share: float = 0.5
    # Rows of a table whose columns were inferred from the rows (no header) or rejoined from
    # cells printed one per line are read less surely than under a header: their confidence is
    # at most this, so their figures are weighed in the review queue.
    inferred_layout_confidence: float = 0.7
    # ... and such a table is read only when this share of its rows gave a figure: fewer, and
    # OCR garbled its lines past reading the columns from them (it is said unread instead).
    min_figure_share: float = 0.6
    # ... unless its codes, as printed, follow one another for this share of its rows: an annex's
    # STT column in order is its layout, even where OCR smeared the figures (``--psm 6`` of a
    # degraded page); its rows are read, their lost figures told (``lost_figures``).
    min_printed_sequence_share: float = 0.8
    # Header labels printed one per line (``--psm 11``: "STT" / "ĐVT" / "Số liệu") that make the
    # cells under a form title the form's rows, with no need for their codes to run in sequence.
    min_header_labels: int = 3


# Header words per column concept (accent-free): the indicator, the unit, the figure.
_INDICATOR = ("noi dung", "chi tieu", "ten chi tieu")
_UNIT = ("don vi tinh", "dvt", "don vi do", "don vi")
_VALUE = ("so lieu", "ket qua", "gia tri", "thuc hien", "so luong")
_CODE = ("stt", "tt")
# Lines that close an annex: the next annex, the addressees, a signature block.
_STOP = lazy_compile(r"^\s*(?:ph[uụ]\s*l[uụ]c|bi[eể]u\s*(?:m[aẫ]u|s[oố])|n[oơ]i\s*nh[aậ]n|tm\.|kt\.)", re.I)
_NUMBER = lazy_compile(r"^[(]?\d{1,3}(?:[.,]\d{3})*(?:[.,]\d+)?%?[)]?$|^\d+(?:[.,]\d+)?%?$")
_BAR = lazy_compile(r"\s*[|¦]\s*")
# Specks OCR puts ahead of a code ("(2", "'4", "‘3.1") or after it ("9.2_").
_CODE_SPECKS = "|([{'‘’\"`_-—~*†"
_ENUM_VALUE = ("co", "khong", "x")
_ACRONYM = lazy_compile(r"^[A-ZĐ]{2,}[\-/]?[A-ZĐ]*$")
# The grid's left ruling line read as a capital stuck to a row's code ("P21 | Số …", "F 1 | …",
# "P31 [Số …"): a capital, a code, then the bar or bracket of the cell's right edge.
_EDGE_SPECK = lazy_compile(r"^[\[|(]?\s*[A-Z]\s?(?=\d{1,2}(?:[.,]\d{1,2})*\.?\s*[|\[])")
# A run of dashes or tildes inside a cell, or a mark no indicator prints ("~", "@", "«"): a ruling
# line or a leader OCR read as text, after which the cell's words are the smeared unit and figure
# ("Số phản ánh ———~i", "Số cán bộ, công chức cấp xãSS~*wSCN@SYSksT").
_RULE_RUN = lazy_compile(r"\s*(?:[—–~-]{2,}|[~@«»]).*$")


def find_statistics_lines(
    doc: IngestedDocument,
    ocr_text: Callable[[], bool],
    known_pages: frozenset[int] = frozenset(),
    settings: StatLineSettings = StatLineSettings(),
    stat_settings: StatisticsSettings = StatisticsSettings(),
    cell_settings: CellLineSettings = CellLineSettings(),
) -> list[StatAnnex]:
    """Annexes read from the lines of text pages that gave no annex from a grid (``known_pages``).
    ``ocr_text()``: whether the text came from OCR (codes repaired as a column, figures read with
    OCR's look-alikes), asked only when a table is found."""
    annexes: list[StatAnnex] = []
    blocks = list(doc.blocks())
    for lines in _page_runs(doc, known_pages):
        pages = sorted({ln.page for ln in lines})
        k = 0
        while k < len(lines):
            span = _header_span(lines, k, settings)
            start = _headless_start(lines, k, settings, cell_settings) if span is None else None
            headless = start is not None
            if start is not None:
                span = (start, start)
            if span is None:
                k += 1
                continue
            head, body_start = span
            head = min(head, len(lines) - 1)
            cells = _cells_one_per_line(lines, body_start, settings, cell_settings)
            labelled = False  # the header's labels printed one per line over the cells
            if cells:
                table, end, labelled = _cell_table(lines, head, body_start, settings, cell_settings)
            else:
                table, end = _table(lines, head, body_start, settings)
            k = max(end, body_start)
            if table is None or (headless and not labelled and not _codes_in_sequence(table, settings)):
                continue
            body = lines[body_start:end]
            # Cells printed one per line in their own order are OCR's sparse text, whatever its words.
            ocr = frozenset(pages) if cells or _ocr_marks(body, settings) or ocr_text() else frozenset()
            rows = stat_rows(table, stat_settings, ocr)
            if ocr:
                heads = {r.parent for r in rows if r.parent}
                rows = [lost_figure(r, r.code in heads, settings.inferred_layout_confidence) for r in rows]
            if headless or cells:  # columns inferred from the rows, or rows rejoined from cells
                figures = sum(1 for r in rows if r.value is not None)
                if figures < settings.min_figure_share * len(rows) and not _codes_read_in_order(table, settings):
                    continue  # not sound: said unread (``unread_annexes``), not read in part
                flag = CELLS_REJOINED if cells else COLUMNS_INFERRED
                rows = [
                    replace(
                        r, confidence=min(r.confidence, settings.inferred_layout_confidence), flags=[*r.flags, flag]
                    )
                    for r in rows
                ]
            if sum(1 for r in rows if r.value is not None) < settings.min_rows:
                continue
            table.block_index = next(i for i, b in enumerate(blocks) if b is lines[head])
            label, title = annex_caption(doc, table, stat_settings)
            annexes.append(StatAnnex(annex=label, title=title, pages=table.pages, rows=rows, read_from="lines"))
    return annexes


def _page_runs(doc: IngestedDocument, known_pages: frozenset[int]) -> list[list[Line]]:
    """The lines of consecutive text pages, one list per run: an annex goes on over a page break
    with no repeated header (a dump's pages are joined by form feeds)."""
    runs: list[list[Line]] = []
    current: list[Line] = []
    for page in doc.pages:
        if page.method not in LINE_METHODS or page.number in known_pages:
            if current:
                runs.append(current)
            current = []
            continue
        current.extend(page.lines)
    if current:
        runs.append(current)
    return runs


def _ocr_marks(lines: list[Line], settings: StatLineSettings) -> bool:
    """Whether the table's lines show what OCR does to a printed grid: ruling lines read as bars,
    specks stuck to the codes ("9.2_", "(2"). Its codes are then read as OCR's, repaired as a
    column, even when its words came out clean."""
    marked = 0
    for line in lines:
        tokens = line.text.split()
        if not tokens:
            continue
        if _BAR.search(line.text) or (tokens[0] != tokens[0].strip(_CODE_SPECKS) and _code_token(tokens[:1])):
            marked += 1
    return marked >= settings.min_ocr_marks


def is_statistics_header(text: str, stat_settings: StatisticsSettings = StatisticsSettings()) -> bool:
    """A header naming an indicator, a unit and a figure, and no score or task column."""
    folded = fold(text)
    if any(w in folded for w in stat_settings.score_header_words + stat_settings.task_header_words):
        return False
    return (
        any(w in folded for w in _INDICATOR)
        and any(_has_word(folded, w) for w in _UNIT)
        and any(w in folded for w in _VALUE)
    )


def _has_word(folded: str, phrase: str) -> bool:
    return re.search(rf"(?<![a-z]){re.escape(phrase)}(?![a-z])", folded) is not None


def _header_span(lines: list[Line], k: int, settings: StatLineSettings) -> tuple[int, int] | None:
    """(first, after last) line of the header that starts at or just after ``k``, or None when
    no header starts there. The header is the shortest run of lines ending where the three
    concepts are first all named: an annex's title above it ("BIỂU … SỐ LIỆU") is no header line."""
    if len(lines[k].text.split()) > settings.max_header_words:
        return None  # (most lines of a document: a sentence, no header; not folded for nothing)
    first = fold(lines[k].text)
    if not (any(_has_word(first, w) for w in _CODE + _INDICATOR) or any(w in first for w in _UNIT + _VALUE)):
        return None
    for n in range(settings.header_lines):
        end = k + n
        if end >= len(lines) or (n and _code_token(lines[end].text.split()[:1]) is not None):
            return None
        words = lines[end].text.split()
        if len(words) > settings.max_header_words or lines[end].text.rstrip().endswith((".", ";")):
            return None
        if is_statistics_header(" ".join(ln.text for ln in lines[k : end + 1])):
            start = max(
                s for s in range(k, end + 1) if is_statistics_header(" ".join(ln.text for ln in lines[s : end + 1]))
            )
            return start, end + 1
    return None


def _headless_start(
    lines: list[Line], k: int, settings: StatLineSettings, cell_settings: CellLineSettings
) -> int | None:
    """Where the rows start when line ``k`` is a statistics form's printed title with no header
    in the lines after it (OCR lost the header: a ``--psm 6`` dump), or None: the first line
    opening with a code, past the title's second line and the "(Kèm theo …)" caption; the line
    after the title when the cells come one per line (the reader skips the header's labels)."""
    if k + 1 >= len(lines) or not is_form_title(lines[k].text):
        return None
    window = range(k + 1, min(len(lines), k + 1 + settings.title_window))
    if any(_header_span(lines, j, settings) is not None for j in window):
        return None
    if _cells_one_per_line(lines, k + 1, settings, cell_settings):
        return k + 1
    return next(
        (j for j in window if _code_token(_words(_without_edge_speck(lines[j].text.strip()))[:1]) is not None), None
    )


def _without_edge_speck(text: str) -> str:
    """A row's line without the capital OCR read for the grid's left edge before its code, when
    the code stands alone in its cell ("P21 | …" → "21 | …"); any other line as it is."""
    if normalise_code(text.split()[0] if text.split() else "") is not None:
        return text
    return _EDGE_SPECK.sub("", text, count=1)


def _words(text: str) -> list[str]:
    """A line's words without the specks standing alone ("[ 1 | …": the grid's corner)."""
    return [t for t in _BAR.sub(" ", text).split() if t.strip(_CODE_SPECKS)]


def _codes_in_sequence(table: JoinedTable, settings: StatLineSettings) -> bool:
    """Whether the rows of a table read without a header are an annex's: most carry a code, and
    each code follows the one above (1 → 2 → 2.1 → 2.2 → 3, a lettered item under its code).
    A title over coded prose or over a list of dates gives no such column."""
    codes = [parse_code(normalise_code(r.cells[0]) or "") for r in table.rows]
    lettered = [letter_item(r.cells[0]) is not None for r in table.rows]
    coded = sum(1 for c, letter in zip(codes, lettered) if c is not None or letter)
    if coded < settings.min_coded_share * len(table.rows):
        return False
    steps = [c for c in codes if c is not None]
    if len(steps) < 2:
        return False
    fine = sum(1 for a, b in zip(steps, steps[1:]) if transition_cost(a, b) is not None)
    return fine >= settings.min_sequence_share * (len(steps) - 1)


def _codes_read_in_order(table: JoinedTable, settings: StatLineSettings) -> bool:
    """Whether ``min_printed_sequence_share`` of a table's rows print a code that the column's
    order reads as printed ("21" under "2" is 2.1 with its dot lost): none inferred, repaired or
    taken for the row above's wrapped words."""
    tokens = [r.cells[0].strip() or None for r in table.rows]
    choices = repair_codes(tokens)
    read = sum(1 for c in choices if c.code is not None and not (c.inferred or c.repaired or c.absorbed))
    return len(tokens) >= settings.min_rows and read >= settings.min_printed_sequence_share * len(tokens)


def _code_token(tokens: list[str]) -> str | None:
    """The code a line starts with ("2.1", "9.2_", "(2", "a)", "II"), as printed, or None."""
    if not tokens:
        return None
    token = tokens[0].strip(_CODE_SPECKS)
    if not token:
        return None
    if letter_item(token):
        return token  # "—b)_": the item without OCR's specks, which the annex reader knows
    if letter_item(tokens[0]):
        return tokens[0]
    if normalise_code(token) is not None and (any(c.isdigit() for c in token) or len(token) <= 4):
        return token
    return None


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


def _table(lines: list[Line], head: int, start: int, settings: StatLineSettings) -> tuple[JoinedTable | None, int]:
    """The rows under a header from line ``start``; the index after the table's last line."""
    units = _repeated_units(lines[start:])
    rows: list[_RowLines] = []
    prose = 0
    k = start
    while k < len(lines):
        line = lines[k]
        text = line.text.strip()
        if not text:
            k += 1
            continue
        if _STOP.match(text) or (rows and is_statistics_header(text)):
            break
        text = _without_edge_speck(text)
        cells = _cells(text, units, settings)
        if cells is not None:
            code, indicator, unit, value, note = cells
            if not code and rows and not value and not unit:
                cells = None  # no code and no figure: wrapped text
            else:
                rows.append(_RowLines(code, [indicator], unit, value, note, line.page, line.number, line.number))
                prose = 0
        if cells is None:
            words = text.split()
            if rows and len(words) <= settings.max_wrap_words and not _looks_prose(text):
                rows[-1].indicator.append(text)
                rows[-1].last = line.number
            else:
                prose += 1
                if prose > settings.max_prose_lines:
                    break
        k += 1
    return _joined_table(rows, lines[head].number, settings), k


def _joined_table(rows: list[_RowLines], head_line: int, settings: StatLineSettings) -> JoinedTable | None:
    """The rows as the annex reader's table (code / indicator / unit / figure / note), or None
    when too few carry a figure."""
    if sum(1 for r in rows if r.value) < settings.min_rows:
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


def _body_lines(lines: list[Line], start: int, settings: StatLineSettings) -> list[Line]:
    """The non-empty lines from ``start`` to the table's end: the next form, the addressees, a
    signature block, or a line too long to be a cell."""
    out: list[Line] = []
    for line in lines[start:]:
        text = line.text.strip()
        if not text:
            continue
        if _STOP.match(text) or len(text.split()) > settings.max_wrap_words:
            break
        out.append(line)
    return out


def _cells_one_per_line(
    lines: list[Line], start: int, settings: StatLineSettings, cell_settings: CellLineSettings
) -> bool:
    """Whether the body under a header or title is printed one cell per line (``--psm 11``)."""
    sample = _body_lines(lines, start, settings)[: cell_settings.sample_lines]
    kinds = [_cell_kind(ln.text, set()) for ln in sample]
    row_lines = sum(1 for ln in sample if len(ln.text.split()) > 1 and _is_figure(ln.text.split()[-1]))
    return one_cell_per_line(kinds, row_lines, cell_settings)


def _cell_table(
    lines: list[Line], head: int, start: int, settings: StatLineSettings, cell_settings: CellLineSettings
) -> tuple[JoinedTable | None, int, bool]:
    """The rows rejoined from cells printed one per line; the index after the table's last line;
    whether the form's header labels stood over them (``min_header_labels`` of its columns, one
    per line: OCR garbled the others, "Nơi hào" for "Nội dung", so no header line was found)."""
    body = _body_lines(lines, start, settings)
    units = _cell_units(body, settings)
    cells = [
        Cell(_cell_kind(text, units), text, ln.page, ln.number)
        for ln in body
        if any(c.isalnum() for c in ln.text) or ln.text.strip() == "%"  # not a speck ("¬", "—")
        for text in _line_cells(ln.text)
    ]
    # The header's labels, one per line, and the form's "(Kèm theo …)" before the first row.
    first = next((k for k, c in enumerate(cells) if c.kind in (CODE, NUMBER, FIGURE)), len(cells))
    labels = [k for k in range(first) if _header_cell(cells[k].text)]
    cells = cells[labels[-1] + 1 :] if labels else cells
    # The first row's code read between the labels ("STT" / "1" / "Nội dung" / "ĐVT" …): above
    # the header the body starts under, so not among the cells; it opens the first row.
    lead = _code_between_labels(lines, head)
    if lead is not None and (not cells or cells[0].kind not in (CODE, NUMBER)):
        cells = [lead, *cells]
    rows = [
        _RowLines(r.code, r.indicator, r.unit, r.value, "", r.page, r.first, r.last)
        for r in rejoin(cells, cell_settings)
    ]
    end = start
    if body:
        end = next(k for k in range(start, len(lines)) if lines[k] is body[-1]) + 1
    labelled = len(labels) >= settings.min_header_labels
    return (_joined_table(rows, lines[head].number, settings) if rows else None), end, labelled


def _code_between_labels(lines: list[Line], head: int) -> Cell | None:
    """The lone code printed between two header labels just above line ``head`` (a header's first
    label), as a code cell, or None."""
    if head < 2:
        return None
    above, label = lines[head - 1], lines[head - 2]
    token = above.text.strip().strip(_CODE_SPECKS)
    if not re.fullmatch(r"\d{1,2}\.?", token) or not _header_cell(label.text):
        return None
    return Cell(CODE, token, above.page, above.number)


def _line_cells(text: str) -> list[str]:
    """The cells a sparse-text line holds, without the ruling line OCR read beside them ("| nhận":
    an indicator's wrapped words): one cell, or a code and the indicator it opens when OCR kept
    the two together ("1 |Số cuộc tuyên truyền CCHC", "2.1 Số hồ sơ …": the code cell stands
    leftmost, its indicator capitalised; a figure never comes before the words of its row)."""
    words = _words(text)
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
    if folded in units or folded in _KNOWN_UNITS:
        return UNIT
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
    if len(_BAR.findall(text)) >= settings.min_bars:
        barred = _barred_cells(text)
        if barred is not None:
            return barred
    tokens = _words(text)
    if not tokens:
        return None
    code = _code_token(tokens)
    rest = tokens[1:] if code is not None else tokens
    rest = _unspecked_figure(_without_specks_after_unit(rest, units, settings), units, settings)
    figure = _figure_at(rest, units, settings)
    if figure is None:
        if len(rest) > settings.max_indicator_words:
            return None
        at = _unit_of_lost_figure(rest, units, settings)
        if at is not None and (code is not None or _capitalised(rest[0])):
            # "3.3 Số TTHC chỉ cung cấp thông tin Thủ tục b": the figure lost, the unit read; a
            # row opening in capitals with its code lost too ("Số sáng kiến … E Sáng kiến").
            return code or "", " ".join(rest[: at[0]]), " ".join(rest[at[0] : at[1]]), "", ""
        if code is None:
            return None
        return code, _RULE_RUN.sub("", " ".join(rest)) or " ".join(rest), "", "", ""
    unit_start, value_at = figure
    indicator = " ".join(rest[:unit_start])
    unit = " ".join(rest[unit_start:value_at])
    note = " ".join(rest[value_at + 1 :])
    if not indicator or unit_start > settings.max_indicator_words or len(rest) - value_at - 1 > settings.max_note_words:
        return None
    value = rest[value_at]
    bare = value.strip(_FIGURE_SPECKS + _EDGE_MARKS)
    return code or "", indicator, unit, bare if bare and _NUMBER.match(bare) else value, note


def _barred_cells(text: str) -> tuple[str, str, str, str, str] | None:
    """Cells cut at the bars OCR read for ruling lines: code | indicator | unit | figure | note."""
    cells = [c.strip() for c in _BAR.split(text.strip().strip("|").strip())]
    if len(cells) < 3:
        return None
    # A speck standing alone before the code ("[ 2.1 | …": the grid's corner read as a bracket).
    words = cells[0].split()
    while len(words) > 1 and not words[0].strip(_CODE_SPECKS):
        words = words[1:]
    cells[0] = " ".join(words)
    code = _code_token(cells[0].split()) if cells else None
    if code is not None and cells[0].split()[0] == cells[0]:
        cells = cells[1:]
    elif code is not None:  # "2.1 Số …" with no bar after the code
        cells = [cells[0][len(cells[0].split()[0]) :].strip(), *cells[1:]]
    cells = [c.strip(_FIGURE_SPECKS) if _is_figure(c.strip(_FIGURE_SPECKS)) else c for c in cells]
    figures = [k for k, c in enumerate(cells) if _is_figure(c)]
    if not figures or figures[0] == 0:
        return None
    at = figures[0]
    words = " ".join(cells[: max(1, at - 1)]).lstrip(_CODE_SPECKS + "[]").strip()
    indicator = _RULE_RUN.sub("", words) or words
    unit = cells[at - 1] if at >= 2 else ""
    return code or "", indicator, unit, cells[at], " ".join(cells[at + 1 :])


# Specks of the grid stuck to a figure's cell ("360]", "‘0").
_FIGURE_SPECKS = " []|_—~‘’'`"


def _unspecked_figure(tokens: list[str], units: set[str], settings: StatLineSettings) -> list[str]:
    """A row's tokens with its last one read as the figure without the specks OCR stuck to it
    ("Thủ tục 129.", "Người 19-", "Người -18", "Nhiệm vụ 38:", "Nhiệm vụ 2)"), when a unit
    stands before it: the figure is the row's last number, after its unit, and a mark beside it
    is the grid's or the page's (a statistics figure has no sign). Without a unit known before
    it (a counting unit, the table's own), a number ending a line ("… theo Điều 5.") is the
    indicator's wording, left as it is."""
    if len(tokens) < 2 or _is_figure(tokens[-1]):
        return tokens
    bare = tokens[-1].strip(_FIGURE_SPECKS + _EDGE_MARKS)
    if not bare or not _NUMBER.match(bare) or "%" in bare:
        return tokens
    before = [t for t in tokens[:-1] if t.strip(_FIGURE_SPECKS + _EDGE_MARKS)]
    start = _unit_start(before, units, settings) if before else None
    if start is None or start == 0:
        return tokens
    unit = " ".join(fold(t).strip(",.;:") for t in before[start:])
    if unit not in units and unit not in _KNOWN_UNITS:
        return tokens  # "… theo Điều 5.": a capitalised word, no unit the table or the language knows
    return [*before, bare]


def _without_specks_after_unit(tokens: list[str], units: set[str], settings: StatLineSettings) -> list[str]:
    """A row's tokens without the specks OCR put between its unit and its figure ("% ại 100",
    "Hồ sơ ] 264"): at most ``max_lost_figure_specks`` tokens of at most ``max_speck_chars``
    characters and no digit, after a unit the table or the language knows (or "%"), before a
    figure. Nothing stands between a unit's cell and the figure's but the grid."""
    for k in range(2, len(tokens)):
        if not _is_figure(tokens[k]):
            continue
        for n in range(1, settings.max_lost_figure_specks + 1):
            specks = tokens[k - n : k]
            if k - n < 1 or any(len(t) > settings.max_speck_chars or any(c.isdigit() for c in t) for t in specks):
                break
            if _known_unit_ends(tokens[: k - n], units, settings):
                return [*tokens[: k - n], *tokens[k:]]
    return tokens


def _known_unit_ends(tokens: list[str], units: set[str], settings: StatLineSettings) -> bool:
    """Whether the tokens end with "%" or a unit the table or the language knows, capitalised as
    a unit's cell is, after at least one word of the indicator."""
    for n in range(min(settings.max_unit_words, len(tokens) - 1), 0, -1):
        words = tokens[-n:]
        unit = " ".join(fold(t).strip(",.;:-_|") for t in words)
        if unit == "%" or (_capitalised(words[0]) and (unit in units or unit in _KNOWN_UNITS)):
            return True
    return False


def _unit_of_lost_figure(tokens: list[str], units: set[str], settings: StatLineSettings) -> tuple[int, int] | None:
    """(start, end) of the unit a row's tokens print where OCR garbled its figure into a speck
    or two ("Thủ tục b", "Người- NN") or dropped it, or None: a capitalised unit the table or the
    language knows, or "%", after the indicator's words (Vietnamese goes on in lower case: "…
    giải quyết hồ sơ" is wording). The row then lost its figure's cell, which is told."""
    for tail in range(0, settings.max_lost_figure_specks + 1):
        end = len(tokens) - tail
        if end < 2 or any(len(t) > settings.max_speck_chars or _is_figure(t) for t in tokens[end:]):
            continue
        for n in range(min(settings.max_unit_words, end - 1), 0, -1):
            words = tokens[end - n : end]
            unit = " ".join(fold(t).strip(",.;:-_|") for t in words)
            if unit == "%" or (_capitalised(words[0]) and (unit in units or unit in _KNOWN_UNITS)):
                return end - n, end
    return None


# Marks beside a figure at the end of a row's line: a full stop, a colon, a dash, a bracket.
_EDGE_MARKS = ".:;-–)("


def _is_figure(token: str) -> bool:
    token = token.strip()
    return bool(_NUMBER.match(token)) or fold(token) in _ENUM_VALUE


def _figure_at(tokens: list[str], units: set[str], settings: StatLineSettings) -> tuple[int, int] | None:
    """(where the unit starts, where the figure is) in a row's tokens after its code, or None:
    the first figure that follows a unit, else a figure ending the line."""
    for k in range(1, len(tokens)):
        if not _is_figure(tokens[k]):
            continue
        start = _unit_start(tokens[:k], units, settings)
        if start is not None and start > 0:
            return start, k
    if len(tokens) >= 2 and _is_figure(tokens[-1]) and not _is_year(tokens[-1]):
        return len(tokens) - 1, len(tokens) - 1
    return None


def _is_year(token: str) -> bool:
    return bool(re.fullmatch(r"(?:19|20)\d\d", token))


def _unit_start(before: list[str], units: set[str], settings: StatLineSettings) -> int | None:
    """Where the unit before a figure starts, or None when no unit stands there: "%", a run of
    words opened by a capitalised one the indicator does not start with (Vietnamese goes on in
    lower case), a
    phrase the table's other rows end with before their figure, a known counting unit."""
    last = before[-1]
    if fold(last) in ("%", "dong"):
        return len(before) - 1
    # The unit's first word is capitalised, the rest not ("Hồ sơ", "Nhiệm vụ", "Triệu đồng").
    for start in range(len(before) - 1, max(0, len(before) - settings.max_unit_words - 1), -1):
        if start > 0 and _capitalised(before[start]):
            return start
    folded = [fold(t).strip(",.;:") for t in before]
    for vocabulary in (units, _KNOWN_UNITS):
        for n in range(min(settings.max_unit_words, len(before) - 1), 0, -1):
            if " ".join(folded[-n:]) in vocabulary:
                return len(before) - n
    return None


def _capitalised(token: str) -> bool:
    word = token.strip(",.;:()")
    return bool(word) and word[0].isupper() and not _ACRONYM.match(word) and not any(c.isdigit() for c in word)


# Counting units (the narrative counts' vocabulary) and money: a unit in lower case is still one.
_KNOWN_UNITS = frozenset(UNIT_KEYS) | frozenset({"trieu dong", "nghin dong", "ty dong", "dong", "%"})


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

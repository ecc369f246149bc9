"""Score tables that reach us as lines rather than a grid: text dumps of OCR'd scans (one Line
per printed line, no positions) and OCR'd pages with word boxes but no ruling lines.

Each line is first read into cells (code, name text, max, self, appraised, explanation): from the
words' x-positions when the OCR gave boxes, from the token pattern otherwise ("name words … 1 0.5 …
explanation words"). Column ranges come from the header words' x-positions (the header may wrap
over several lines), with each boundary put in the least-inked gutter between two neighbouring
header anchors: a left-aligned name column runs far right of its header word. Then lines are
grouped into rows. Two printed layouts occur and both are handled by the same rules:

* interleaved: one printed line holds a piece of every cell; names and numbers are top-aligned,
  so a line with numbers starts a row, while the STT cell is vertically centred, so the code
  turns up on any line of the row;
* one cell per line (blank-line separated blocks): the code block starts the row, then name,
  max, self, explanation.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import regex as re

from extract.model import IngestedDocument, Line, Page
from extract.segment.line_common import (
    _JUNK,
    BAR,
    LineTableSettings,
    is_score_token,
    line_tokens,
    points_cell,
)
from extract.segment.line_header import (
    HEADER_POINTS,
    HeaderLayout,
    column_at,
    column_ranges,
    gutter,
    header_concepts,
    header_key,
    header_layout,
    header_share,
    is_header_line,
    is_repeated_header,
    keyed_concepts,
)
from extract.segment.line_split import (
    _chars,
    _is_heading,
    is_criterion_name,
    joint_split,
)
from normalize.codes import CriterionCode, read_code_token, transition_cost
from normalize.numbers import parse_number
from normalize.text import fold

__all__ = [
    "LineTableSettings",
    "column_ranges",
    "gutter",
    "header_concepts",
    "header_key",
    "header_share",
    "is_criterion_name",
    "is_score_token",
    "find_line_tables",
]

# The totals row: "Tổng", "Tổng cộng", "Cộng" and numbers, nothing else ("công tác" is no total).
_TOTAL = re.compile(r"^\W*(tong|cong)(\s+(cong|so|diem)){0,3}\W*(\s+[\d.,]+\W*)*$", re.I)
_SIGNATURE = re.compile(r"^\s*(tm\.|noi nhan|chu tich|uy ban nhan dan)", re.I)


@dataclass
class LineCells:
    """One printed line read into table cells."""

    line: Line
    code: str | None = None
    name: list[tuple[str, str]] = field(default_factory=list)  # (repaired, raw) tokens
    max_raw: str | None = None
    self_raw: str | None = None
    appraised_raw: str | None = None  # only from positions: the token pattern cannot tell it apart
    explanation: list[tuple[str, str]] = field(default_factory=list)
    numbers_by_position: bool = False  # max/self known from their columns, not from order
    name_end: int = 0  # characters before the numbers (where the name column ends)
    # The name tokens hold the explanation's too (it prints before the points): to be split.
    split: bool = False
    # The text part to be split into name and explanation, with the ruling bars OCR read kept:
    # a bar between two words is where one column ends.
    split_tokens: list[tuple[str, str]] = field(default_factory=list)
    bare: str | None = None  # the line is one code-or-number token
    block_start: bool = False  # a blank line (or the page top) above it

    @property
    def has_numbers(self) -> bool:
        return self.max_raw is not None or self.self_raw is not None or self.appraised_raw is not None

    @property
    def text_tokens(self) -> list[tuple[str, str]]:
        return self.name + self.explanation


@dataclass
class RowDraft:
    code: str | None = None
    name: list[tuple[str, str]] = field(default_factory=list)
    explanation: list[tuple[str, str]] = field(default_factory=list)
    scale: list[str] = field(default_factory=list)  # a scale column's lines (grid tables)
    max_raw: str | None = None
    self_raw: str | None = None
    appraised_raw: str | None = None  # grid tables and OCR'd pages with word boxes
    page: int = 0
    line_start: int = 0
    line_end: int = 0
    confs: list[float] = field(default_factory=list)
    # OCR's confidence in each points cell that has one (grid tables): a number read unsurely, or a
    # cell holding ink that OCR could not read at all (0.0), makes the row doubtful.
    number_confs: list[float] = field(default_factory=list)
    bbox: list[float] | None = None
    started_by: str = "numbers"  # numbers | code | text
    # Numbers centred in tall rows: the row was opened by a name line above its numbers' line and
    # waits for them; how many of its lines print above and below that line.
    awaiting_numbers: bool = False
    lines_above: int = 0
    lines_below: int = 0
    joined_across_page: bool = False
    # Interleaved layout: a name line left room for another word, or a line had no name part,
    # so the rest of the row's lines are explanation; likewise for the explanation.
    name_closed: bool = False
    explanation_closed: bool = False
    # The number-less lines split jointly so far, and where their tokens start in name/explanation.
    split_lines: list[tuple[list[tuple[str, str]], int, int]] = field(default_factory=list)
    split_base: tuple[int, int] = (0, 0)
    split_open: tuple[bool, bool] = (True, True)
    # The last block of explanation text, kept apart in case it turns out to be the name of a
    # row whose code was lost (one-cell-per-line layout).
    tail_block: list[tuple[str, str]] | None = None
    tail_line: int = 0
    tail_page: int = 0

    @property
    def n_numbers(self) -> int:
        return (self.max_raw is not None) + (self.self_raw is not None)

    def add_number(self, raw: str) -> None:
        if self.max_raw is None:
            self.max_raw = raw
        else:
            self.self_raw = raw

    def touch(self, line: Line) -> None:
        if line.page != self.page and self.line_start:
            self.joined_across_page = True
        self.line_end = max(self.line_end, line.number)
        if line.conf is not None:
            self.confs.append(line.conf)
        self.confs.extend(w.conf for w in line.words if w.conf is not None)
        if line.bbox is not None:
            box = list(line.bbox)
            self.bbox = (
                box
                if self.bbox is None
                else [
                    min(self.bbox[0], box[0]),
                    min(self.bbox[1], box[1]),
                    max(self.bbox[2], box[2]),
                    max(self.bbox[3], box[3]),
                ]
            )


@dataclass
class LineTable:
    rows: list[RowDraft]
    pages: list[int]
    title: str = ""
    stated_total_max: str | None = None
    stated_total_self: str | None = None
    positional: bool = False


# ---------------------------------------------------------------- reading one line


def read_line(line: Line, block_start: bool, layout: HeaderLayout = HeaderLayout()) -> LineCells:
    """Cells of a line with no positions, from its token pattern and the header's layout: the
    run of points tokens fills the points columns in print order; the text before it is the
    name's (and, when the explanation prints before the points, the explanation's: ``split``
    then says the builder must split it), the text after it the explanation's."""
    cells = LineCells(line=line, block_start=block_start)
    tokens = line_tokens(line)
    start = 0
    while start < len(tokens) and _JUNK.match(tokens[start][1]):
        start += 1
    tokens = tokens[start:]
    if not tokens:
        return cells
    if len(tokens) == 1 and (is_score_token(tokens[0][1]) or read_code_token(tokens[0][1])):
        cells.bare = tokens[0][1]
        return cells
    if read_code_token(tokens[0][1]) is not None and len(tokens) > 1:
        cells.code = tokens[0][1]
        tokens = tokens[1:]
    run = _number_run(tokens, len(layout.points))
    if run is None:
        cells.name = [t for t in tokens if not _JUNK.match(t[1])]
        cells.split_tokens = _with_bars(tokens)
        return cells
    first, last, numbers = run
    for key, raw in zip(layout.points, numbers):
        setattr(cells, f"{key}_raw", raw)
    cells.name = [t for t in tokens[:first] if not _JUNK.match(t[1])]
    cells.explanation = [t for t in tokens[last:] if not _JUNK.match(t[1])]
    cells.name_end = len(" ".join(t[1] for t in tokens[:first]))
    cells.split = layout.explanation_first
    cells.split_tokens = _with_bars(tokens[:first]) if cells.split else []
    return cells


def _with_bars(tokens: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """A line's words with the bars between them (other specks, and bars before the first word or
    after the last, dropped)."""
    kept = [t for t in tokens if not _JUNK.match(t[1]) or t[1] == BAR]
    while kept and kept[0][1] == BAR:
        kept.pop(0)
    while kept and kept[-1][1] == BAR:
        kept.pop()
    return kept


def _number_run(
    tokens: list[tuple[str, str]], n_points: int = 2, settings: LineTableSettings = LineTableSettings()
) -> tuple[int, int, list[str]] | None:
    """Where the points numbers sit among a line's tokens, and the cells they read as: the first
    two or more consecutive points tokens (up to the ``n_points`` columns; stray rule marks "|"
    between them allowed; a letter OCR reads for a digit counts beside a number), or one points
    token ending the line (the other cells left blank). A lone number inside text ("6 tháng") is
    not a cell."""
    raws = [t[1] for t in tokens]
    for i, tok in enumerate(raws):
        if i == 0 or (points_cell(tok) is None and points_cell(tok, beside_points=True) is None):
            continue
        cells: list[str | None] = [points_cell(tok)]
        lookalike = [points_cell(tok, beside_points=True)]
        end = i + 1
        j = i + 1
        while len(cells) < n_points:
            while j < len(raws) and _JUNK.match(raws[j]):
                j += 1
            if j < len(raws) and points_cell(raws[j], beside_points=True) is not None:
                cells.append(points_cell(raws[j]))
                lookalike.append(points_cell(raws[j], beside_points=True))
                j += 1
                end = j
            else:
                break
        if len(cells) >= 2 and any(c is not None for c in cells):
            return i, end, [c for c in lookalike if c is not None]
        if cells[0] is None:
            continue
        while j < len(raws) and _JUNK.match(raws[j]):
            j += 1
        # A lone number with its comma lost is too like a document's number to be a cell.
        if j >= len(raws) and i >= settings.min_name_words_single and is_score_token(cells[0]):
            return i, j, [cells[0]]
    return None


def read_positioned_line(line: Line, columns: dict[str, tuple[float, float]], block_start: bool) -> LineCells:
    """Cells of an OCR'd line from its words' x-centres and the header's column ranges."""
    cells = LineCells(line=line, block_start=block_start, numbers_by_position=True)
    by_col: dict[str, list[tuple[str, str]]] = {k: [] for k in columns}
    raw_words = (line.raw or "").split() if line.raw else None
    for i, word in enumerate(line.words):
        if word.bbox is None:
            continue
        raw = raw_words[i] if raw_words and len(raw_words) == len(line.words) else word.text
        by_col[column_at((word.bbox[0] + word.bbox[2]) / 2, columns)].append((word.text, raw))
    cells.code = _code_cell([r for _, r in by_col.get("code", [])])
    cells.name = [t for t in by_col.get("name", []) if not _JUNK.match(t[1])]
    cells.explanation = [t for t in by_col.get("explanation", []) if not _JUNK.match(t[1])]
    first_points = next((k for k in _POINTS_COLUMNS if k in columns), None)
    for key in _POINTS_COLUMNS:
        points = [r for _, r in by_col.get(key, []) if is_score_token(r)]
        setattr(cells, f"{key}_raw", points[0] if points else None)
        # Words in a points column overflowed from the text beside it: the name's when they are
        # in the first points column, the explanation's otherwise.
        words = [t for t in by_col.get(key, []) if re.search(r"\p{L}{2}", t[1])]
        if key == first_points:
            cells.name += words
        else:
            cells.explanation[:0] = words
    return cells


_POINTS_COLUMNS = ("max", "self", "appraised")
# Specks and rule stubs OCR reads around a code ("_1.2", "1.3|").
_CODE_NOISE = "_|~`'\""


def _code_cell(tokens: list[str]) -> str | None:
    """The code in the STT cell: its first token that reads as a code once OCR specks are
    stripped, else the cell's tokens read together ("1. 1" split by a speck)."""
    cleaned = [t.strip(_CODE_NOISE) for t in tokens]
    cleaned = [t for t in cleaned if t and not _JUNK.match(t)]
    for token in cleaned:
        if read_code_token(token):
            return token
    joined = "".join(cleaned)
    return joined if len(cleaned) > 1 and read_code_token(joined) else None


# Header words (diacritic-free) and the column each names. "điểm" names no column by itself:
# every points column says it; OCR glues it to the next word ("Điểmtối"), which still names one.

# ---------------------------------------------------------------- grouping lines into rows


def find_line_tables(doc: IngestedDocument, settings: LineTableSettings = LineTableSettings()) -> list[LineTable]:
    """Score tables among the document's lines (pages that have no grid for them)."""
    lines = [ln for p in doc.pages for ln in p.lines]
    pages = {p.number: p for p in doc.pages}
    tables = []
    i = 0
    while i < len(lines):
        start = _table_start(lines, i, settings)
        if start is None:
            break
        header_index, body_index = start
        table, i = _read_table(lines, header_index, body_index, pages, settings)
        if table.rows:
            tables.append(table)
    return tables


def _table_start(lines: list[Line], i: int, settings: LineTableSettings) -> tuple[int, int] | None:
    """The first header (a line, or a run of short header lines) from ``i`` on that names at
    least two column concepts; returns (header line index, first body line index)."""
    while i < len(lines):
        j = i
        concepts: set[str] = set()
        points: set[str] = set()
        while j < len(lines) and is_header_line(lines[j], settings) and _opens_header(lines[j]) and j - i < 10:
            concepts |= header_concepts(lines[j].raw or lines[j].text)
            points |= keyed_concepts(lines[j].raw or lines[j].text)
            j += 1
        # OCR cuts a wrapped header into lines holding one word of each label ("Điểmtự" / "danh"
        # / "giá"): the phrases are on no one line, but words naming two points columns still
        # make a score table's header (a task table's names one at most: "tham mưu").
        points |= concepts & set(HEADER_POINTS)
        if j > i and (
            len(concepts) >= settings.min_header_concepts
            or (len(points) >= 2 and len(concepts | points) >= settings.min_header_concepts)
        ):
            return i, j
        i = max(j, i + 1)
    return None


def _opens_header(line: Line) -> bool:
    """Headings and bullets of prose ("1.3. Điểm số…", "- Tiêu chí mất điểm:", "a) …") talk
    about criteria and points too, but a column header never starts like them."""
    first = (line.raw or line.text).split()[0] if (line.raw or line.text).split() else ""
    # A colon right after a word ends a lead-in; one standing alone is an OCR speck of a rule.
    if re.match(r"^([-+•*]|[a-zđ]\)|\d)", first) or re.search(r"\w:\s*$", line.raw or line.text):
        return False
    return True


def _read_table(
    lines: list[Line], header_index: int, i: int, pages: dict[int, Page], settings: LineTableSettings
) -> tuple[LineTable, int]:
    header = lines[header_index]
    columns = None
    if header.words:
        # A title above the header can pass for header words; the header opens at its first line
        # that names a column.
        while header_index < i - 1 and not any(header_key(w.text) for w in header.words):
            header_index += 1
            header = lines[header_index]
        body = [ln for ln in lines[i : i + settings.gutter_sample_lines] if ln.page == header.page]
        columns = column_ranges(lines[header_index:i], body, pages[header.page])
    table = LineTable(rows=[], pages=[], title=_title_above(lines, header_index), positional=columns is not None)
    layout = header_layout(lines[header_index : _header_end(lines, i, settings)])
    if layout.explanation_undecided:
        layout = _explanation_side(lines[i : i + settings.gutter_sample_lines], layout, settings)
    widths = _column_widths(lines[i:], settings, layout)
    builder = _RowBuilder(
        table, settings, widths, centred=columns is None and _numbers_centred(lines[i:], layout, settings)
    )
    page_top = False
    previous: Line | None = header
    while i < len(lines):
        line = lines[i]
        text = fold(line.raw or line.text)
        if line.page != (previous.page if previous else line.page):
            page_top = True
        if (page_top and is_header_line(line, settings)) or is_repeated_header(line, settings):
            previous = line
            i += 1
            continue
        page_top = False
        if _TOTAL.match(text):
            numbers = [t for t in (line.raw or line.text).split() if parse_number(t, kind="score")]
            table.stated_total_max = numbers[0] if numbers else None
            table.stated_total_self = numbers[1] if len(numbers) > 1 else None
            i += 1
            break
        if _SIGNATURE.match(text):
            break
        block_start = previous is None or line.page != previous.page or line.number > previous.number + 1
        cells = (
            read_positioned_line(line, columns, block_start)
            if columns and line.words
            else read_line(line, block_start, layout)
        )
        builder.feed(cells)
        if line.page not in table.pages:
            table.pages.append(line.page)
        previous = line
        i += 1
    builder.close()
    return table, i


def _words(tokens: list[tuple[str, str]]) -> list[tuple[str, str]]:
    return [t for t in tokens if t[1] != BAR]


def _starts_name(tokens: list[tuple[str, str]]) -> bool:
    """A line's first word (specks skipped) opens with a capital letter, as a criterion name does."""
    word = next((raw for _, raw in tokens if re.search(r"\p{L}", raw)), "")
    letter = next((ch for ch in word if ch.isalpha()), "")
    return letter.isupper()


def _numbers_centred(lines: list[Line], layout: HeaderLayout, settings: LineTableSettings) -> bool:
    """Whether the table prints its codes and numbers centred in tall rows: most lines with
    numbers carry the code too (both centred on one line; a top-aligned numbers column beside a
    centred STT column puts them on different lines), and a line right above such a line mostly
    starts a name (in a top-aligned table it ends the row above: a name's or an explanation's
    continuation)."""
    cells = [read_line(line, False, layout) for line in lines[: settings.gutter_sample_lines]]
    numbered = [k for k, c in enumerate(cells) if c.has_numbers]
    coded = [k for k in numbered if cells[k].code is not None]
    if not numbered or len(coded) < settings.centred_code_share * len(numbered):
        return False
    above = [cells[k - 1] for k in coded if k > 0 and not cells[k - 1].has_numbers and cells[k - 1].code is None]
    above = [c for c in above if c.bare is None and c.text_tokens]
    if len(above) < settings.centred_min_rows:
        return False
    return sum(_starts_name(c.text_tokens) for c in above) >= settings.centred_name_share * len(above)


def _explanation_side(lines: list[Line], layout: HeaderLayout, settings: LineTableSettings) -> HeaderLayout:
    """The explanation's side of the points when the header does not say: printed last, some of
    the lines with numbers go on with its text after them; printed first, (almost) none do."""
    cells = [read_line(line, False, layout) for line in lines]
    numbered = [c for c in cells if c.has_numbers]
    after = sum(1 for c in numbered if c.explanation)
    first = bool(numbered) and after <= settings.explanation_after_share * len(numbered)
    return replace(layout, explanation_first=first, explanation_undecided=False)


def _header_end(lines: list[Line], i: int, settings: LineTableSettings) -> int:
    """Where the header's words end: OCR cuts a wrapped header into short lines, some of which
    ("điểm UBND Phòng") have too few header words to pass for header lines; they run on until
    the first line with points or a code."""
    end = i
    while end < min(len(lines), i + settings.header_tail_lines):
        tokens = [raw for _, raw in line_tokens(lines[end])]
        if not tokens or any(is_score_token(t) or read_code_token(t) for t in tokens):
            break
        end += 1
    return end


def _title_above(lines: list[Line], index: int) -> str:
    for line in reversed(lines[max(0, index - 4) : index]):
        if len(line.text) > 20:
            return line.text.strip().lstrip(_CODE_NOISE + " ")  # a speck before it reads as "_"
    return ""


def _wide_end(ends: list[int], quantile: float) -> int:
    """A column's right edge: an upper quantile of where its text ends (short texts end early)."""
    ends = sorted(ends)
    return ends[min(len(ends) - 1, int(quantile * len(ends)))]


def _column_widths(
    lines: list[Line], settings: LineTableSettings, layout: HeaderLayout = HeaderLayout()
) -> dict[str, dict[int, int]]:
    """How wide (in characters) the name and the explanation column print on each page: an
    upper quantile of the name text before the numbers and of the explanation text after them,
    on that page's lines that carry numbers (the table's figure for a page with too few such
    lines, under key -1; the default name width when no line has numbers)."""
    widths: dict[str, dict[int, list[int]]] = {"name": {}, "explanation": {}}
    for line in lines[:400]:
        cells = read_line(line, False, layout)
        if cells.has_numbers and cells.name:
            widths["name"].setdefault(line.page, []).append(cells.name_end)
            if cells.explanation:
                widths["explanation"].setdefault(line.page, []).append(_chars(cells.explanation))
    out: dict[str, dict[int, int]] = {}
    for column, by_page in widths.items():
        if column in out:
            continue
        everything = [e for page in by_page.values() for e in page]
        fallback = settings.default_name_width if column == "name" else settings.default_explanation_width
        out[column] = {-1: fallback}
        if column == "name":
            # The name's edge decides where a name ends: one long OCR'd line must not move it.
            # When the explanation prints before the numbers, their text holds it too: a lower
            # quantile (rows with no explanation) stands for the name's edge.
            q = settings.name_end_quantile_explanation_first if layout.explanation_first else settings.name_end_quantile
            out[column] = {page: _wide_end(e, q) for page, e in by_page.items() if len(e) >= 3}
            out[column][-1] = _wide_end(everything, q) if everything else fallback
            if layout.explanation_first and everything:
                out["explanation"] = {-1: max(settings.default_explanation_width, max(everything) - out[column][-1])}
        elif everything and not layout.explanation_first:
            # The explanation's only bounds how much text a line can hold: the widest seen.
            out[column][-1] = max(everything)
    return out


class _RowBuilder:
    def __init__(
        self,
        table: LineTable,
        settings: LineTableSettings,
        widths: dict[str, dict[int, int]],
        centred: bool = False,
    ):
        self.centred = centred
        self.table = table
        self.settings = settings
        self.widths = widths
        self.rows = table.rows
        self.cur: RowDraft | None = None

    def _new(self, cells: LineCells, started_by: str) -> RowDraft:
        self._settle_tail()
        row = RowDraft(
            page=cells.line.page, line_start=cells.line.number, line_end=cells.line.number, started_by=started_by
        )
        self.rows.append(row)
        self.cur = row
        return row

    def _settle_tail(self) -> None:
        if self.cur is not None:
            self.cur.tail_block = None

    def feed(self, cells: LineCells) -> None:
        cur = self.cur
        row: RowDraft | None
        if cells.bare is not None:
            self._feed_bare(cells, cells.bare)
            return
        if cells.has_numbers:
            if cur is not None and cur.started_by == "code" and not cur.name and cur.n_numbers == 0:
                row = cur
            elif cur is not None and cur.n_numbers == 0 and not cur.name and not cur.explanation:
                row = cur
            elif cur is not None and cur.awaiting_numbers:
                row = cur
                row.awaiting_numbers = False
            else:
                row = self._new(cells, "numbers")
            if cells.code and row.code is None:
                row.code = cells.code
            row.name += cells.name
            if cells.split:
                # The text before the numbers is the name's and the explanation's: split jointly
                # with the row's next lines.
                del row.name[len(row.name) - len(cells.name) :]
                tokens = cells.split_tokens or cells.name
                if not row.explanation and not row.split_lines:
                    # The explanation cell starts on its row's first line or is empty: nothing of
                    # it is running yet (a parent row has none).
                    row.explanation_closed = True
                self._extend_split(row, tokens, self._name_width(cells), self._explanation_width(cells))
            elif not cells.numbers_by_position and cells.name:
                room = self.settings.name_end_room
                row.name_closed = cells.name_end + room <= self._name_width(cells)
                # The explanation's width is a loose bound: only a line far from full was its last.
                # None on the numbers' line: its cell is empty or ended above (cells are top-aligned).
                explanation_room = self._explanation_width(cells) - _chars(cells.explanation)
                row.explanation_closed = not cells.explanation or 2 * room <= explanation_room
            if cells.numbers_by_position:
                row.max_raw, row.self_raw = cells.max_raw, cells.self_raw
                row.appraised_raw = cells.appraised_raw
            else:
                if cells.max_raw is not None:  # (it is: the token pattern reads the max first)
                    row.add_number(cells.max_raw)
                if cells.self_raw is not None:
                    row.add_number(cells.self_raw)
                if cells.appraised_raw is not None:
                    row.appraised_raw = cells.appraised_raw
            row.explanation += cells.explanation
        elif cells.code is not None:
            if cur is not None and cur.code is None and not (cells.block_start and cur.started_by != "numbers"):
                row = cur
                row.code = cells.code
                self._add_text(row, cells)
            else:
                self._split_lost_name()
                row = self._new(cells, "code")
                row.code = cells.code
                row.name += cells.text_tokens
        else:
            row = self._feed_text(cells)
            if row is None:
                return
        row.touch(cells.line)

    def _feed_bare(self, cells: LineCells, token: str) -> None:
        """``token``: the line's one token (``cells.bare``)."""
        cur = self.cur
        value = parse_number(token, kind="score")
        points = value is not None and is_score_token(token) and value.value <= self.settings.max_bare_points
        if points and self._continues_codes(token):
            points = False  # "4.4" right after "4.3" is the next code, not 4.4 points
        if points and cur is not None and (cur.name or cur.tail_block) and cur.n_numbers < 2:
            if cur.n_numbers == 0 and cur.tail_block:
                cur = self._split_tail(cells)
            cur.add_number(token)
            cur.touch(cells.line)
            return
        if points and cur is not None and cur.n_numbers == 2 and cur.tail_block:
            cur = self._split_tail(cells)
            cur.add_number(token)
            cur.touch(cells.line)
            return
        if read_code_token(token) is not None:
            if cur is None or cur.code is not None or cur.name or cur.n_numbers or cur.explanation:
                if cur is not None and cur.code is None and cur.started_by == "numbers" and not cells.block_start:
                    cur.code = token  # the centred STT cell of the row above
                    cur.touch(cells.line)
                    return
                self._split_lost_name()
                cur = self._new(cells, "code")
            cur.code = token
            cur.touch(cells.line)
            return
        if cur is not None:
            cur.explanation.append((token, token))
            cur.touch(cells.line)

    def _continues_codes(self, token: str) -> bool:
        reading = read_code_token(token)
        if reading is None or not reading.components or len(reading.components) < 2:
            return False
        last = next((read_code_token(r.code) for r in reversed(self.rows) if r.code), None)
        if last is None or not last.components:
            return False
        cost = transition_cost(CriterionCode(0, last.components), CriterionCode(0, reading.components))
        return cost is not None and cost <= self.settings.max_code_step

    def _split_tail(self, cells: LineCells | None) -> RowDraft:
        """The text block taken for the row's explanation was the name of a new row whose
        code is lost: numbers follow it (or a code does, and the block reads as a name)."""
        old = self.cur
        assert old is not None and old.tail_block is not None  # callers split only a row with a tail block
        block, line = old.tail_block, old.tail_line
        del old.explanation[len(old.explanation) - len(block) :]
        old.tail_block = None
        page = cells.line.page if cells is not None else old.tail_page
        row = RowDraft(page=page, line_start=line, line_end=line, started_by="text", name=list(block))
        self.rows.append(row)
        self.cur = row
        return row

    def _split_lost_name(self) -> None:
        """A new code is about to start a row, and the text block last taken for the current
        row's explanation reads as a criterion name: it is a row of its own whose code and
        numbers were lost (one-cell-per-line layout), not the explanation of the row above."""
        cur = self.cur
        if cur is None or not cur.tail_block or not (cur.n_numbers or cur.name):
            return
        if is_criterion_name(cur.tail_block, self.settings):
            self._split_tail(None)

    def _feed_text(self, cells: LineCells) -> RowDraft | None:
        cur = self.cur
        tokens = cells.text_tokens
        if not tokens:
            return cur
        if cur is None:
            if _is_heading(tokens, self.settings):
                row = self._new(cells, "text")
                row.name += tokens
                return row
            return None
        if cells.block_start and cur.started_by != "numbers" or cells.block_start and not self._interleaved(cur):
            complete = cur.n_numbers > 0 or cur.explanation
            if complete and _is_heading(tokens, self.settings):
                row = self._new(cells, "text")
                row.name += tokens
                return row
            if not cur.name and not cur.explanation and cur.n_numbers == 0:
                cur.name += tokens
            else:
                cur.explanation += tokens
                cur.tail_block = list(tokens)
                cur.tail_line = cells.line.number
                cur.tail_page = cells.line.page
            return cur
        if cur.tail_block is not None and cur.explanation[-len(cur.tail_block) :] == cur.tail_block:
            cur.explanation += tokens
            cur.tail_block = cur.tail_block + list(tokens)
            return cur
        if self.centred and self._opens_centred_row(cur, tokens):
            cur = self._new(cells, "numbers")
            cur.awaiting_numbers = True
        if cur.awaiting_numbers:
            cur.lines_above += 1
        elif cur.n_numbers or cur.appraised_raw is not None:
            cur.lines_below += 1
        self._add_text(cur, cells)
        return cur

    def _opens_centred_row(self, cur: RowDraft, tokens: list[tuple[str, str]]) -> bool:
        """In a table whose numbers (and codes) are centred in their rows, a number-less line
        after a row's numbers opens the next row when it starts like a name (a capital letter)
        and the row above has as many lines below its numbers as above them (a centred cell)."""
        has_numbers = cur.n_numbers > 0 or cur.appraised_raw is not None
        return has_numbers and not cur.awaiting_numbers and cur.lines_below >= cur.lines_above and _starts_name(tokens)

    def _interleaved(self, row: RowDraft) -> bool:
        return row.started_by == "numbers"

    def _add_text(self, row: RowDraft, cells: LineCells) -> None:
        """A continuation line: in the interleaved layout it holds the name's next words and the
        explanation's, split where the name column ends."""
        if cells.numbers_by_position:
            row.name += cells.name
            row.explanation += cells.explanation
            return
        tokens = cells.text_tokens
        if row.started_by != "numbers":
            (row.explanation if row.explanation or row.n_numbers else row.name).extend(tokens)
            return
        tokens = cells.split_tokens if cells.split_tokens and not cells.has_numbers else tokens
        self._extend_split(row, tokens, self._name_width(cells), self._explanation_width(cells))

    def _extend_split(self, row: RowDraft, tokens: list[tuple[str, str]], width: int, explanation_width: int) -> None:
        """Add a continuation line and split the row's continuation lines again, jointly. A run
        of lines is re-split only while nothing else was added to the row's name or explanation."""
        base_name, base_explanation = row.split_base
        taken = sum(len(_words(t)) for t, _, _ in row.split_lines)
        if (
            not row.split_lines
            or len(row.name) + len(row.explanation) != base_name + base_explanation + taken
            or len(row.name) < base_name
            or len(row.explanation) < base_explanation
        ):
            row.split_lines = []
            row.split_base = base_name, base_explanation = len(row.name), len(row.explanation)
            row.split_open = (not row.name_closed, not row.explanation_closed)
        row.split_lines.append((tokens, width, explanation_width))
        del row.name[base_name:]
        del row.explanation[base_explanation:]
        splits, (name_open, explanation_open) = joint_split(
            row.split_lines, row.name, row.explanation, row.split_open, self.settings
        )
        for (line, _, _), k in zip(row.split_lines, splits):
            row.name += _words(line[:k])
            row.explanation += _words(line[k:])
        row.name_closed, row.explanation_closed = not name_open, not explanation_open

    def _name_width(self, cells: LineCells) -> int:
        # The code is the STT column's, left of the name column: the widths measured leave it out.
        return self.widths["name"].get(cells.line.page, self.widths["name"][-1])

    def _explanation_width(self, cells: LineCells) -> int:
        return self.widths["explanation"].get(cells.line.page, self.widths["explanation"][-1])

    def close(self) -> None:
        self._settle_tail()

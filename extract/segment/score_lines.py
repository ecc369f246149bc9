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

import statistics
from dataclasses import dataclass, field
from functools import lru_cache

import regex as re
from rapidfuzz import fuzz, process

from extract.model import IngestedDocument, Line, Page
from normalize.codes import CriterionCode, read_code_token, transition_cost
from normalize.numbers import parse_number
from normalize.text import fold
from normalize.vietnamese.model import BOS, DATA as _CATALOGUE_DIR, load_model
from normalize.vietnamese.tokens import breaks_context, lm_unit, parse_token


@dataclass(frozen=True)
class LineTableSettings:
    # Share of a line's words that must be header vocabulary for the line to be a header line.
    header_share: float = 0.4
    # Longer lines are prose that happens to mention "tiêu chí" and "điểm tối đa".
    max_header_chars: int = 90
    # Similarity (0..100) of an OCR'd word to a header word.
    header_word_similarity: float = 70.0
    # Column concepts a header must show before lines below it are read as a score table.
    min_header_concepts: int = 2
    # A lone number on its own line larger than this is not a points cell (a code, a year).
    max_bare_points: float = 30.0
    # Fallback width (characters) of the name column when no line shows where it ends.
    default_name_width: int = 36
    default_explanation_width: int = 45
    # Uppercase share above which a text block reads as a section heading.
    heading_upper_share: float = 0.8
    # Words of name a line needs before a lone number ending it counts as the max cell
    # ("tháng 7" is a date, not a criterion worth 7 points).
    min_name_words_single: int = 3
    # How far (in ``normalize.codes`` cost) a lone dotted token may jump from the last code
    # and still read as the next code rather than as points.
    max_code_step: float = 0.9
    # Similarity (0..100, diacritic-free) of a text block to a catalogued criterion name for the
    # block to read as the name of a row whose code and numbers were lost, not as explanation.
    criterion_name_similarity: float = 85.0
    # Body lines (after the header) whose words give the ink profile the column gutters are found in.
    gutter_sample_lines: int = 120
    # Splitting a number-less line of the interleaved layout into name and explanation text:
    # characters the name part may run past the name column's estimated width (OCR'd text has
    # no fixed pitch) ...
    name_overflow: int = 4
    # ... and room (characters) left on a name line that says the name ended there: a wrapped
    # name fills its column up to about one syllable.
    name_end_room: int = 10
    # Which quantile of the name ends before the numbers is the name column's right edge.
    name_end_quantile: float = 0.75
    # Log-probability bonus for an explanation part that opens like one ("- ", "Kế hoạch số",
    # a date), and penalty per document number or date put into the name.
    explanation_cue: float = 4.0
    reference_in_name: float = 6.0
    # Penalty for leaving a column's part of a line empty while its text is still running (cells
    # are top-aligned: a column's text runs line after line, then stops).
    column_gap: float = 6.0
    # Penalty for a name part short enough to end the name (every later line is explanation then).
    name_close: float = 2.0
    # Penalty for an explanation part wider than its column.
    column_overflow: float = 20.0
    # Penalty for a line left after both text columns ended: the split that ended them was wrong
    # (a row's lines are split jointly, so an early end is weighed against the lines after it).
    column_overrun: float = 12.0
    # Split hypotheses kept per line while a row's lines are split jointly.
    split_beam: int = 24


_HEADER_WORDS = (
    "stt",
    "tt",
    "linh",
    "vuc",
    "tieu",
    "chi",
    "diem",
    "toi",
    "da",
    "tu",
    "danh",
    "gia",
    "cham",
    "noi",
    "dung",
    "giai",
    "trinh",
    "tai",
    "lieu",
    "kiem",
    "chung",
    "so",
    "thu",
    "tham",
    "dinh",
)
_HEADER_CONCEPTS = {
    "criterion": ("tieu chi", "linh vuc"),
    "max": ("toi da", "diem toi"),
    "self": ("tu danh gia", "tu cham", "danh gia"),
    "explanation": ("giai trinh", "kiem chung"),
}
_SCORE_TOKEN = re.compile(r"^(?:0|[1-9]\d?)(?:[.,]\d{1,2})?$")
_JUNK = re.compile(r"^[^\p{L}\p{N}]+$")
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
    bbox: list[float] | None = None
    started_by: str = "numbers"  # numbers | code | text
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


# ---------------------------------------------------------------- header recognition


def header_share(text: str, settings: LineTableSettings = LineTableSettings()) -> float:
    words = [w for w in re.findall(r"[\p{L}\p{N}]+", fold(text)) if len(w) >= 2 or w in ("da",)]
    if not words:
        return 0.0
    hits = sum(1 for w in words if max(fuzz.ratio(w, h) for h in _HEADER_WORDS) >= settings.header_word_similarity)
    return hits / len(words)


def header_concepts(text: str) -> set[str]:
    folded = " ".join(re.findall(r"[\p{L}\p{N}]+", fold(text)))
    found = set()
    for concept, phrases in _HEADER_CONCEPTS.items():
        if any(fuzz.partial_ratio(p, folded) >= 85 for p in phrases):
            found.add(concept)
    return found


def is_header_line(line: Line, settings: LineTableSettings = LineTableSettings()) -> bool:
    text = line.raw or line.text
    if any(is_score_token(t) for t in text.split()) or len(text) > settings.max_header_chars:
        return False  # a header has no points in it, and is no paragraph
    return header_share(text, settings) >= settings.header_share


def is_repeated_header(line: Line, settings: LineTableSettings = LineTableSettings()) -> bool:
    return (
        is_header_line(line, settings) and len(header_concepts(line.raw or line.text)) >= settings.min_header_concepts
    )


# ---------------------------------------------------------------- reading one line


def line_tokens(line: Line) -> list[tuple[str, str]]:
    """(repaired, raw) token pairs. The repair stage keeps tokens aligned; when it did not, the
    raw tokens stand for both."""
    raw = (line.raw if line.raw is not None else line.text).split()
    text = line.text.split()
    if len(text) != len(raw):
        text = raw
    return list(zip(text, raw))


def is_score_token(token: str) -> bool:
    return bool(_SCORE_TOKEN.match(token))


def read_line(line: Line, block_start: bool) -> LineCells:
    """Cells of a line with no positions, from its token pattern."""
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
    run = _number_run(tokens)
    if run is None:
        cells.name = [t for t in tokens if not _JUNK.match(t[1])]
        return cells
    first, last = run
    numbers = [tokens[i][1] for i in range(first, last) if is_score_token(tokens[i][1])]
    cells.max_raw = numbers[0]
    cells.self_raw = numbers[1] if len(numbers) > 1 else None
    cells.name = [t for t in tokens[:first] if not _JUNK.match(t[1])]
    cells.explanation = [t for t in tokens[last:] if not _JUNK.match(t[1])]
    cells.name_end = len(" ".join(t[1] for t in tokens[:first]))
    return cells


def _number_run(
    tokens: list[tuple[str, str]], settings: LineTableSettings = LineTableSettings()
) -> tuple[int, int] | None:
    """Where the max/self numbers sit among a line's tokens: the first two consecutive points
    tokens (stray rule marks "|" between them allowed), or one points token ending the line (the
    self cell left blank). A lone number inside text ("6 tháng") is not a cell."""
    raws = [t[1] for t in tokens]
    for i, tok in enumerate(raws):
        if not is_score_token(tok) or i == 0:
            continue
        j = i + 1
        while j < len(raws) and _JUNK.match(raws[j]):
            j += 1
        if j < len(raws) and is_score_token(raws[j]):
            return i, j + 1
        if j >= len(raws) and i >= settings.min_name_words_single:
            return i, j
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


def column_at(x: float, columns: dict[str, tuple[float, float]]) -> str:
    """The column whose range holds ``x``, else the nearest one."""
    return min(
        columns,
        key=lambda k: 0 if columns[k][0] <= x <= columns[k][1] else min(abs(x - columns[k][0]), abs(x - columns[k][1])),
    )


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
# Words a document title shares with a header ("chỉ số", "xác định", "đánh giá") name none.
_HEADER_KEYS = {
    "stt": "code",
    "tt": "code",
    "tieu": "name",
    "linh": "name",
    "vuc": "name",
    "toi": "max",
    "da": "max",
    "chuan": "max",
    "tu": "self",
    "cham": "self",
    "tham": "appraised",
    "giai": "explanation",
    "trinh": "explanation",
    "noi": "explanation",
    "kiem": "explanation",
    "chung": "explanation",
    "ghi": "explanation",
}


def header_key(word: str) -> str | None:
    folded = fold(word).strip(".,:;()/|_")
    if folded.startswith("diem") and len(folded) > 4:
        folded = folded[4:]
    return _HEADER_KEYS.get(folded)


def column_ranges(header: list[Line], body: list[Line], page: Page) -> dict[str, tuple[float, float]] | None:
    """Column x-ranges from the header words' positions (over every header line): each column's
    words give its anchor; the boundary between two neighbouring columns is a least-inked gutter
    between their anchors in the body lines, or half-way between the anchors when the body gives
    no words."""
    anchors: dict[str, list[tuple[float, float]]] = {}
    for line in header:
        for word in line.words:
            key = header_key(word.text) if word.bbox is not None else None
            if key and word.bbox is not None:
                anchors.setdefault(key, []).append((word.bbox[0], word.bbox[2]))
    if not {"code", "name", "max"} <= set(anchors):
        return None
    # (centre, left edge of the header words, column)
    heads = sorted((statistics.mean((a + b) / 2 for a, b in v), min(a for a, _ in v), k) for k, v in anchors.items())
    boxes = [w.bbox for line in header + body for w in line.words if w.bbox is not None]
    width = page.width or max(b[2] for b in boxes) * 1.05
    ink = ink_profile(body, int(width) + 1)
    out = {}
    lo = 0.0
    for (centre, _, key), following in zip(heads, heads[1:] + [None]):
        hi = width if following is None else gutter(ink, centre, following[0], near=following[1])
        out[key] = (lo, hi)
        lo = hi
    return out


def ink_profile(lines: list[Line], width: int) -> list[int]:
    """How many lines have a word (not a speck) over each x: columns' text is inked, gutters not."""
    counts = [0] * width
    for line in lines:
        for word in line.words:
            if word.bbox is None or _JUNK.match(word.text):
                continue
            for x in range(max(0, int(word.bbox[0])), min(width, int(word.bbox[2]) + 1)):
                counts[x] += 1
    return counts


def gutter(ink: list[int], left: float, right: float, near: float | None = None) -> float:
    """The middle of a least-inked run of x between two column anchors: the run nearest ``near``
    (the left edge of the right-hand column's header: text of a left-aligned column runs up to
    its neighbour's cell, and with few lines the spaces between its words are blank too), the
    widest among equally near ones."""
    a, b = int(left), int(right)
    if b - a < 2 or not any(ink[a:b]):
        return (left + right) / 2
    low = min(ink[a:b])
    runs, run_start = [], None
    for x in range(a, b + 1):
        if x < b and ink[x] == low:
            run_start = x if run_start is None else run_start
        elif run_start is not None:
            runs.append((run_start, x - 1))
            run_start = None
    target = (left + right) / 2 if near is None else near
    start, end = min(runs, key=lambda r: (max(r[0] - target, target - r[1], 0), r[0] - r[1]))
    return (start + end) / 2


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
        while j < len(lines) and is_header_line(lines[j], settings) and _opens_header(lines[j]) and j - i < 10:
            concepts |= header_concepts(lines[j].raw or lines[j].text)
            j += 1
        if j > i and len(concepts) >= settings.min_header_concepts:
            return i, j
        i = max(j, i + 1)
    return None


def _opens_header(line: Line) -> bool:
    """Headings and bullets of prose ("1.3. Điểm số…", "- Tiêu chí mất điểm:", "a) …") talk
    about criteria and points too, but a column header never starts like them."""
    first = (line.raw or line.text).split()[0] if (line.raw or line.text).split() else ""
    if re.match(r"^([-+•*]|[a-zđ]\)|\d)", first) or (line.raw or line.text).rstrip().endswith(":"):
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
    builder = _RowBuilder(table, settings, _column_widths(lines[i:], settings))
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
            read_positioned_line(line, columns, block_start) if columns and line.words else read_line(line, block_start)
        )
        builder.feed(cells)
        if line.page not in table.pages:
            table.pages.append(line.page)
        previous = line
        i += 1
    builder.close()
    return table, i


def _title_above(lines: list[Line], index: int) -> str:
    for line in reversed(lines[max(0, index - 4) : index]):
        if len(line.text) > 20:
            return line.text.strip().lstrip(_CODE_NOISE + " ")  # a speck before it reads as "_"
    return ""


def _wide_end(ends: list[int], quantile: float) -> int:
    """A column's right edge: an upper quantile of where its text ends (short texts end early)."""
    ends = sorted(ends)
    return ends[min(len(ends) - 1, int(quantile * len(ends)))]


def _column_widths(lines: list[Line], settings: LineTableSettings) -> dict[str, dict[int, int]]:
    """How wide (in characters) the name and the explanation column print on each page: an
    upper quantile of the name text before the numbers and of the explanation text after them,
    on that page's lines that carry numbers (the table's figure for a page with too few such
    lines, under key -1; the default name width when no line has numbers)."""
    widths: dict[str, dict[int, list[int]]] = {"name": {}, "explanation": {}}
    for line in lines[:400]:
        cells = read_line(line, False)
        if cells.has_numbers and cells.name:
            widths["name"].setdefault(line.page, []).append(cells.name_end)
            if cells.explanation:
                widths["explanation"].setdefault(line.page, []).append(_chars(cells.explanation))
    out: dict[str, dict[int, int]] = {}
    for column, by_page in widths.items():
        everything = [e for page in by_page.values() for e in page]
        fallback = settings.default_name_width if column == "name" else settings.default_explanation_width
        out[column] = {-1: fallback}
        if column == "name":
            # The name's edge decides where a name ends: one long OCR'd line must not move it.
            out[column] = {page: _wide_end(e, settings.name_end_quantile) for page, e in by_page.items() if len(e) >= 3}
            out[column][-1] = _wide_end(everything, settings.name_end_quantile) if everything else fallback
        elif everything:
            # The explanation's only bounds how much text a line can hold: the widest seen.
            out[column][-1] = max(everything)
    return out


class _RowBuilder:
    def __init__(self, table: LineTable, settings: LineTableSettings, widths: dict[str, dict[int, int]]):
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
            else:
                row = self._new(cells, "numbers")
            if cells.code and row.code is None:
                row.code = cells.code
            row.name += cells.name
            if not cells.numbers_by_position and cells.name:
                room = self.settings.name_end_room
                row.name_closed = cells.name_end + room <= self._name_width(cells)
                # The explanation's width is a loose bound: only a line far from full was its last.
                row.explanation_closed = _chars(cells.explanation) + 2 * room <= self._explanation_width(cells)
            if cells.numbers_by_position:
                row.max_raw, row.self_raw = cells.max_raw, cells.self_raw
                row.appraised_raw = cells.appraised_raw
            else:
                if cells.max_raw is not None:  # (it is: the token pattern reads the max first)
                    row.add_number(cells.max_raw)
                if cells.self_raw is not None:
                    row.add_number(cells.self_raw)
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
        self._add_text(cur, cells)
        return cur

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
        self._extend_split(row, tokens, self._name_width(cells), self._explanation_width(cells))

    def _extend_split(self, row: RowDraft, tokens: list[tuple[str, str]], width: int, explanation_width: int) -> None:
        """Add a continuation line and split the row's continuation lines again, jointly. A run
        of lines is re-split only while nothing else was added to the row's name or explanation."""
        base_name, base_explanation = row.split_base
        taken = sum(len(t) for t, _, _ in row.split_lines)
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
            row.name += line[:k]
            row.explanation += line[k:]
        row.name_closed, row.explanation_closed = not name_open, not explanation_open

    def _name_width(self, cells: LineCells) -> int:
        # The code is the STT column's, left of the name column: the widths measured leave it out.
        return self.widths["name"].get(cells.line.page, self.widths["name"][-1])

    def _explanation_width(self, cells: LineCells) -> int:
        return self.widths["explanation"].get(cells.line.page, self.widths["explanation"][-1])

    def close(self) -> None:
        self._settle_tail()


# ---------------------------------------------------------------- name | explanation split

# How an explanation cell opens: a dash, a document ("Kế hoạch số", "Báo cáo số", "Quyết định"),
# a date, or a reference number.
_EXPLANATION_OPENING = re.compile(
    r"^(?:[-–+•]|(?:ke hoach|bao cao|quyet dinh|cong van|thong bao|to trinh)\s+so\b"
    r"|ngay\s+\d|\d{1,2}/\d{1,2}/\d{2,4})",
    re.I,
)
_REFERENCE = re.compile(r"\d+/(?:\d|[\p{Lu}])", re.I)


def name_split(
    tokens: list[tuple[str, str]],
    name: list[tuple[str, str]],
    explanation: list[tuple[str, str]],
    width: int,
    explanation_width: int,
    explanation_open: bool = True,
    settings: LineTableSettings = LineTableSettings(),
) -> int:
    """How many of one number-less line's tokens are the name's (the rest are the explanation's),
    the line taken alone: see ``split_score``."""
    scores = [
        (split_score(tokens, k, name, explanation, width, explanation_width, explanation_open, settings), k)
        for k in split_points(tokens, width, settings)
    ]
    return max(scores, key=lambda s: (s[0], -s[1]))[1]


def split_points(tokens: list[tuple[str, str]], width: int, settings: LineTableSettings) -> range:
    """The word boundaries a name part may end at: no name part much wider than its column."""
    k = 1
    while k <= len(tokens) and _chars(tokens[:k]) <= width + settings.name_overflow:
        k += 1
    return range(k)


def split_score(
    tokens: list[tuple[str, str]],
    k: int,
    name: list[tuple[str, str]],
    explanation: list[tuple[str, str]],
    width: int,
    explanation_width: int,
    explanation_open: bool,
    settings: LineTableSettings,
) -> float:
    """How well a line reads split after its k-th token. Each printed line holds the name column's
    words, then the explanation column's: both texts should continue well under the syllable
    language model, the explanation part may open the way explanations do, neither part is wider
    than its column, and a running column (the name, and the explanation when
    ``explanation_open``) should not skip a line."""
    score = _continuation_logprob(name, tokens[:k]) + _continuation_logprob(explanation, tokens[k:])
    if opens_explanation(tokens[k:]):
        score += settings.explanation_cue
    score -= settings.reference_in_name * sum(1 for _, raw in tokens[:k] if _REFERENCE.search(raw))
    if k == 0 or (k < len(tokens) and not explanation_open) or (k == len(tokens) and explanation_open):
        score -= settings.column_gap
    if 0 < k < len(tokens) and _chars(tokens[:k]) + settings.name_end_room <= width:
        score -= settings.name_close  # a short name part ends the name
    if _chars(tokens[k:]) > explanation_width + settings.name_overflow:
        score -= settings.column_overflow
    return score


def opens_explanation(tokens: list[tuple[str, str]]) -> bool:
    return bool(tokens) and bool(_EXPLANATION_OPENING.match(" ".join(fold(t) for t, _ in tokens)))


def ends_columns(
    tokens: list[tuple[str, str]], k: int, width: int, explanation_width: int, settings: LineTableSettings
) -> tuple[bool, bool]:
    """Whether a line split after its k-th token ends the name column, the explanation column:
    a column's text is top-aligned and fills each line up to about one syllable, so a part with
    room left (or an empty part) was the column's last."""
    room = settings.name_end_room
    name_ends = k < len(tokens) and (k == 0 or _chars(tokens[:k]) + room <= width)
    explanation_ends = k == len(tokens) or _chars(tokens[k:]) + 2 * room <= explanation_width
    return name_ends, explanation_ends


def joint_split(
    lines: list[tuple[list[tuple[str, str]], int, int]],
    name: list[tuple[str, str]],
    explanation: list[tuple[str, str]],
    open_columns: tuple[bool, bool],
    settings: LineTableSettings = LineTableSettings(),
) -> tuple[list[int], tuple[bool, bool]]:
    """Split points of a row's consecutive number-less lines (tokens, name width, explanation
    width), decided together: a beam search over each line's split, where a column once ended
    stays ended and a line left after both ended costs ``column_overrun``. Returns the splits and
    which columns are still open after the last line."""
    # hypothesis: (score, splits, (name open, explanation open), name tail, explanation tail)
    beam = [(0.0, (), open_columns, tuple(name[-3:]), tuple(explanation[-3:]))]
    for tokens, width, explanation_width in lines:
        grown: dict[tuple, tuple] = {}
        for score, splits, (name_open, explanation_open), name_tail, explanation_tail in beam:
            for k in split_points(tokens, width, settings) if name_open else range(1):
                # An explanation part that opens like one (a dash, "Kế hoạch số") starts a new
                # paragraph of the explanation cell: the column had not ended.
                running = explanation_open or opens_explanation(tokens[k:])
                if name_open:
                    gain = split_score(
                        tokens, k, list(name_tail), list(explanation_tail), width, explanation_width, running, settings
                    )
                else:
                    gain = _continuation_logprob(list(explanation_tail), tokens)
                    gain -= 0.0 if running else settings.column_overrun
                name_ends, explanation_ends = ends_columns(tokens, k, width, explanation_width, settings)
                # Once the name has ended, a short explanation line is a paragraph break, not its end.
                state = (name_open and not name_ends, running and not (explanation_ends and name_open))
                hyp = (
                    score + gain,
                    splits + (k,),
                    state,
                    (name_tail + tuple(tokens[:k]))[-3:],
                    (explanation_tail + tuple(tokens[k:]))[-3:],
                )
                key = hyp[2:]
                if key not in grown or grown[key][0] < hyp[0]:
                    grown[key] = hyp
        beam = sorted(grown.values(), key=lambda h: -h[0])[: settings.split_beam]
    best = beam[0]
    return list(best[1]), best[2]


def _chars(tokens: list[tuple[str, str]]) -> int:
    return len(" ".join(raw for _, raw in tokens))


def _continuation_logprob(before: list[tuple[str, str]], tokens: list[tuple[str, str]]) -> float:
    """log P(tokens | the text before them) under the repair stage's syllable trigram model;
    punctuation and non-syllables restart the context, as in the repair stage."""
    model = load_model()
    context = [BOS, BOS]
    for text, _ in before[-3:]:
        context = _advance(context, text)
    total = 0.0
    for text, _ in tokens:
        token = parse_token(text)
        unit = lm_unit(token.core)
        if any(ch in '([{"“-–' for ch in token.lead):
            context = [BOS, BOS]
        if unit is not None:
            total += model.score(context[0], context[1], unit)
        context = _advance(context, text)
    return total


def _advance(context: list[str], text: str) -> list[str]:
    token = parse_token(text)
    unit = lm_unit(token.core)
    if unit is None or breaks_context(token):
        return [BOS, BOS]
    return [context[1], unit]


@lru_cache(maxsize=1)
def criterion_catalogue() -> tuple[str, ...]:
    """Diacritic-free criterion names of the CCHC index catalogue (the part of
    ``cchc_phrases.txt`` above its administrative phrases, which explanations also use)."""
    names = []
    for line in (_CATALOGUE_DIR / "cchc_phrases.txt").read_text(encoding="utf-8").splitlines():
        if line.startswith("# Administrative phrases"):
            break
        if line.strip() and not line.startswith("#"):
            names.append(" ".join(re.findall(r"[\p{L}\p{N}]+", fold(line))))
    return tuple(names)


def is_criterion_name(tokens: list[tuple[str, str]], settings: LineTableSettings = LineTableSettings()) -> bool:
    """A capitalised text block close to a catalogued criterion name."""
    text = " ".join(t for t, _ in tokens)
    if not text[:1].isupper():
        return False
    folded = " ".join(re.findall(r"[\p{L}\p{N}]+", fold(text)))
    best = process.extractOne(folded, criterion_catalogue(), scorer=fuzz.ratio)
    return best is not None and best[1] >= settings.criterion_name_similarity


def _is_heading(tokens: list[tuple[str, str]], settings: LineTableSettings) -> bool:
    letters = [ch for _, raw in tokens for ch in raw if ch.isalpha()]
    if len(tokens) < 2 or len(letters) < 6:
        return False
    return sum(ch.isupper() for ch in letters) / len(letters) >= settings.heading_upper_share

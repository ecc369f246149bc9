"""Tables printed without ruling lines on text-layer pages, rebuilt from word positions.

A borderless table still has its columns: strips of white that run down the whole table between
the cells (gutters). A wrapped cell puts its continuation lines in its own column, so a row is
not a printed line: it starts where the numbering column holds a code ("1.", "1.1", "II", "a)"),
or where a numbers column gets a second value; the lines in between are the same row's wrapped
cells and are joined. The header is the row before the first such start (its lines joined per
column), a column-number row "(1) (2) …" is a row of its own.

Where a table stops: a wide vertical gap, or a line that runs across a gutter (the paragraph or
the signature block after the table); lines above the first row that fit the columns are header
lines. What cannot be found with confidence (fewer than three columns, fewer than two rows) is
left as lines for the line-table reader and the coverage account.
"""

from __future__ import annotations

import itertools
import statistics
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from extract.model import Cell, Table, Word, bbox_of, union_bbox
from extract.segment.task_sections import ocr_section_title, upper_title
from normalize.codes import parse_code
from normalize.lazy_regex import lazy_compile
from normalize.numbers import parse_number
from normalize.text import fold

# A lettered item ("a)", "b.", "đ)").
_LETTER_ITEM = lazy_compile(r"^[a-zđ][.)]$")
# A row of totals ("Tổng số điểm", "Tổng cộng", "Cộng"), folded: a cell holding only these words
# starts a row of its own even when the row above lost a number (OCR) and so shows no second value.
_TOTAL_LABEL = lazy_compile(r"^\W*(tong|cong)(\s+(cong|so|diem))*\W*$")
# A column-number cell: "(1)", "(2)", also "1" … when the whole row is such cells.
_COLUMN_NUMBER = lazy_compile(r"^\(\d{1,2}\)$")


@dataclass(frozen=True)
class UnruledSettings:
    """Knobs of borderless tables on text-layer pages (part of ``PdfTableSettings``)."""

    # A table starts at a line cut into at least this many chunks (see ``chunk_gap``).
    min_cols: int = 3
    # A table needs this many rows, its header included (a page may end a table with one row
    # under the repeated header).
    min_rows: int = 2
    # A table's lines follow each other at most this many typical line pitches apart: the blank
    # before a signature block or the next paragraph is wider.
    max_gap: float = 2.2
    # A gutter is at least this many font sizes wide (the padding of two cells).
    min_gutter: float = 0.25
    # ... and on some line the words on its two sides are at least this many font sizes apart:
    # a strip that happens to be empty inside a column is crossed by word spaces only.
    gutter_evidence: float = 1.0
    # A column is a numbers column when this share of its filled lines are one number each.
    numeric_share: float = 0.6
    # Words of a header line less than this many font sizes apart are one column's label ("Điểm
    # tối đa"): a label centred over a column of short figures is wider than they are and reaches
    # into the gutters beside them, where a word space (a quarter of a size) never opens one.
    label_gap: float = 0.6
    # A line with no code opens a row when it fills at least this many columns beside its text that
    # the row above already filled (``_fills_again``): a task's lead, coordinator and deadline.
    refill_columns: int = 2
    # ... and its text has at least this many letters (a task's words, not a figure or a mark).
    refill_letters: int = 4


@dataclass
class _Line:
    words: list[Word]
    size: float

    @property
    def top(self) -> float:
        return min(bbox_of(w)[1] for w in self.words)

    @property
    def x0(self) -> float:
        return min(bbox_of(w)[0] for w in self.words)

    @property
    def x1(self) -> float:
        return max(bbox_of(w)[2] for w in self.words)


def is_code_token(text: str) -> bool:
    """A numbering cell's text: "1.", "1.1.2", "II", "a)"."""
    return parse_code(text) is not None or bool(_LETTER_ITEM.match(text))


def is_number_token(text: str) -> bool:
    return parse_number(text, "score") is not None


def split_chunks(line: list[tuple[Word, float]], chunk_gap: float) -> list[list[Word]]:
    """A visual line (words with their font size) cut into chunks (columns) at gaps wider than
    ``chunk_gap`` font sizes."""
    chunks: list[list[Word]] = []
    prev = None
    for word, size in line:
        if prev is not None and bbox_of(word)[0] - bbox_of(prev)[2] <= chunk_gap * size:
            chunks[-1].append(word)
        else:
            chunks.append([word])
        prev = word
    return chunks


def unruled_tables(
    lines: list[list[tuple[Word, float]]],
    page: int,
    s: UnruledSettings,
    chunk_gap: float,
    cell_text: Callable[[list[Word]], str],
    carried: list[float],
    source: str = "pdf-text",
    taken: frozenset[int] = frozenset(),
) -> list[tuple[Table, set[int]]]:
    """Borderless tables among a page's visual lines (top to bottom, each left to right; words
    with their font size), each with the indexes of the lines it took. ``chunk_gap`` is the
    reader's gap between columns (``split_chunks``), ``cell_text`` its way of joining a cell's
    lines; ``source`` names the reader in the tables made ("pdf-text" on text layers, "ocr-text"
    on OCR'd pages). ``carried``: the column edges of a borderless table the previous
    page ended with; the page's first table keeps them when none of its lines runs across them (a
    page holding a table's last row or two has too few lines to show its columns by itself).
    ``taken``: lines another reader placed (a task table under its header), in no table here."""
    items = visual_lines(lines)
    chunks = [len(split_chunks(line, chunk_gap)) for line in lines]
    pitch = pitch_of(items)
    found: list[tuple[Table, set[int]]] = []
    i = 0
    while i < len(items):
        if i in taken or (
            chunks[i] < s.min_cols and not (carried and not found and _opens_carried_row(items[i], chunks[i]))
        ):
            i += 1
            continue
        # header lines are not taken from a table above, nor lines from another reader's table
        floor = max([max(used) + 1 for _, used in found] + [k + 1 for k in taken if k < i] + [0])
        stop = min([k for k in taken if k > i] + [len(items)])
        made = _table_at(items[:stop], chunks, i, floor, pitch, page, s, cell_text, [] if found else carried, source)
        if made is None:
            i += 1
            continue
        table, used = made
        found.append((table, used))
        i = max(used) + 1
    return found


def visual_lines(lines: list[list[tuple[Word, float]]]) -> list[_Line]:
    """A page's visual lines (words with their font size) as lines of words at their median size."""
    return [_Line([w for w, _ in line], statistics.median(size for _, size in line)) for line in lines]


def _opens_carried_row(line: _Line, chunks: int) -> bool:
    """A line of two chunks, a code and a name, may open the page's first table when the page before
    ended with a borderless one: the carried table's last row whose columns this row leaves blank
    (a criterion scored by survey has no self points: "8.4 | Sự hài lòng … | 5") shows fewer chunks
    than a table's. Whether it is that table's row, its columns decide (``_table_at``)."""
    return chunks >= 2 and is_code_token(line.words[0].text)


def pitch_of(items: list[_Line]) -> float:
    """The typical distance between the tops of consecutive lines on the page."""
    steps = [b.top - a.top for a, b in zip(items, items[1:]) if b.top > a.top]
    return statistics.median(steps) if steps else 12.0


def _table_at(
    items, chunks, start, floor, pitch, page, s: UnruledSettings, cell_text, carried: list[float], source: str
) -> tuple[Table, set[int]] | None:
    """The table whose first line of several columns is ``start`` (lines above ``floor`` belong to
    another), with the indexes of its lines; None when its columns or rows cannot be found."""
    size = items[start].size
    # the run of lines close enough to be one block
    end = start
    while end + 1 < len(items) and items[end + 1].top - items[end].top <= s.max_gap * pitch:
        end += 1
    run = list(range(start, end + 1))
    inherited = [(b, b) for b in carried[1:-1]]
    if len(inherited) < s.min_cols - 1:
        inherited = []
    elif any(_crosses(items[k], inherited) for k in run if chunks[k] >= 2):
        # the page may still open with the carried table's last row or two, the signature block
        # or the next paragraph right under them
        lead = _carried_lead([items[k] for k in run], inherited)
        run, inherited = (run[:lead], inherited) if lead else (run, [])
    first_cut = inherited or gutters([items[k] for k in run if chunks[k] >= 2], size, s)
    if len(first_cut) < s.min_cols - 1:
        return None
    # the table ends at the first line after its first row that runs across a gutter
    body_from = _first_row_line([items[k] for k in run], first_cut)
    kept = [start]
    for pos, k in enumerate(run[1:], start=1):
        if pos > body_from and _crosses(items[k], first_cut, s.gutter_evidence * size):
            if not (spans_title(items[k], first_cut) and k < run[-1] and not _crosses(items[k + 1], first_cut)):
                break
        kept.append(k)
    # header lines above the seed that fit the columns
    k = start - 1
    while k >= floor and items[k + 1].top - items[k].top <= s.max_gap * pitch:
        heads = heads_columns(items[k], first_cut, s.label_gap * size)
        if _crosses(items[k], first_cut) and not heads:
            break
        wider = items[k].x0 < items[start].x0 - size or items[k].x1 > items[start].x1 + size
        if wider and not heads and not (k == start - 1 and _opens_row_above(items[k], items[start], first_cut)):
            break
        kept.insert(0, k)
        k -= 1
    rows_from = _first_row_line([items[k] for k in kept], first_cut)
    body = [items[k] for k in kept[rows_from:]]
    # (a section's title runs across the columns: the gutters are the other lines')
    columned = [ln for ln in body if not _heading_across(ln, first_cut)]
    cuts = inherited if inherited and not any(_crosses(ln, inherited) for ln in body) else gutters(columned, size, s)
    cuts = _without_mark_columns(body, cuts)
    if len(cuts) < s.min_cols - 1:
        return None
    # a page that opens with the last row or two of the table the page before ended: its columns
    # carried, one row is enough when it reads as a row of that table (code, figures)
    least = 1 if inherited and cuts == inherited and carried_rows_fit(body, cuts) else s.min_rows
    table = _build([items[k] for k in kept], rows_from, cuts, page, s, cell_text, source, least)
    if table is None:
        return None
    return table, set(kept)


def _carried_lead(lines: list[_Line], cuts: list[tuple[float, float]], most_rows: int = 2) -> int:
    """How many of ``lines`` (a page's first block) are the last rows of the table the page before
    ended with, under its carried columns: those before the first line running across them, when
    they open with such a row and hold at most ``most_rows`` rows; 0 when they are not."""
    lead = next((k for k, ln in enumerate(lines) if _crosses(ln, cuts)), len(lines))
    bounds = [(a + b) / 2 for a, b in cuts]
    codes = sum(1 for ln in lines[:lead] if 0 in (cells := _cells_of(ln, bounds)) and is_code_token(cells[0][0].text))
    return lead if 0 < codes <= most_rows and carried_rows_fit(lines[:lead], cuts) else 0


def carried_rows_fit(body: list[_Line], cuts: list[tuple[float, float]]) -> bool:
    """The body lines under a carried table's columns open with a row of that table: a code in the
    code column and, on one of the row's lines (a wrapped name puts its figures on its last line), a
    figure alone in a cell right of the name column. A paragraph or the signature block that happens
    to fit the gutters has no such row."""
    per_line = [_cells_of(ln, [(a + b) / 2 for a, b in cuts]) for ln in body]
    if not per_line or not (0 in per_line[0] and is_code_token(per_line[0][0][0].text)):
        return False
    row = [per_line[0], *itertools.takewhile(lambda cells: 0 not in cells, per_line[1:])]
    return any(len(ws) == 1 and is_number_token(ws[0].text) for cells in row for col, ws in cells.items() if col >= 2)


def labels_of(line: _Line, label_gap: float) -> list[list[Word]]:
    """A line's words cut where they stand more than ``label_gap`` apart (a word space never does)."""
    out: list[list[Word]] = []
    for w in line.words:
        if out and bbox_of(w)[0] - bbox_of(out[-1][-1])[2] <= label_gap:
            out[-1].append(w)
        else:
            out.append([w])
    return out


def heads_columns(line: _Line, cuts: list[tuple[float, float]], label_gap: float) -> bool:
    """``line`` is a header over the columns ``cuts`` part, though it reaches into their gutters:
    its words, split into labels where they stand more than ``label_gap`` apart, are labels of two
    columns or more, each over one column's ink only ("Điểm tối đa" centred over "10", wider than
    it; a paragraph's line runs on over the columns in one label)."""
    labels = labels_of(line, label_gap)
    # each column's ink runs from the gutter on its left to the gutter on its right
    edges = [float("-inf"), *(x for cut in cuts for x in cut), float("inf")]
    inks = list(zip(edges[::2], edges[1::2]))
    columns = set()
    for label in labels:
        x0, x1 = bbox_of(label[0])[0], bbox_of(label[-1])[2]
        over = [c for c, (a, b) in enumerate(inks) if x0 < b and x1 > a]
        if len(over) != 1:
            return False
        columns.add(over[0])
    return len(columns) >= 2


def _opens_row_above(line: _Line, seed: _Line, cuts: list[tuple[float, float]]) -> bool:
    """``line``, right above the table's first line of columns, opens that line's row: it starts
    with a code in the first column and the seed has none (a row broken over lines, its figures
    on its name's last line, a page's first row the one the page before broke)."""
    first = cuts[0][0]
    return is_code_token(line.words[0].text) and bbox_of(line.words[0])[2] <= cuts[0][1] and seed.x0 > first


def gutters(lines: list[_Line], size: float, s: UnruledSettings) -> list[tuple[float, float]]:
    """White strips running down all ``lines`` between their leftmost and rightmost ink, at least
    ``min_gutter`` wide, each confirmed by a line whose words on its two sides stand well apart."""
    if not lines:
        return []
    spans = sorted((bbox_of(w)[0], bbox_of(w)[2]) for ln in lines for w in ln.words)
    left, right = spans[0][0], max(x1 for _, x1 in spans)
    out: list[tuple[float, float]] = []
    reach = left
    for x0, x1 in spans:
        if x0 - reach >= s.min_gutter * size:
            out.append((reach, x0))
        reach = max(reach, x1)
    return [g for g in out if left < g[0] and g[1] < right and _evidenced(g, lines, size, s)]


def _without_mark_columns(lines: list[_Line], cuts: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """The gutters less those around a column holding marks only ("-", "'": a speck on a scan, a
    bullet): such a column is merged with the column on its right (the last with its left)."""
    cuts = list(cuts)
    k = 0
    while k <= len(cuts) and len(cuts) > 1:
        bounds = [(a + b) / 2 for a, b in cuts]
        texts = [w.text for ln in lines for w in ln.words if _column(w, bounds) == k]
        if texts and not any(_inked(ch) for t in texts for ch in t):
            del cuts[min(k, len(cuts) - 1)]
            continue
        k += 1
    return cuts


def _inked(ch: str) -> bool:
    """A letter or digit a cell may hold; not a spacing accent ("ˆ", a modifier letter to Unicode,
    which OCR reads a speck as)."""
    return ch.isalnum() and unicodedata.category(ch) != "Lm"


def _evidenced(gap: tuple[float, float], lines: list[_Line], size: float, s: UnruledSettings) -> bool:
    for ln in lines:
        before = [bbox_of(w)[2] for w in ln.words if bbox_of(w)[2] <= gap[0] + 0.5]
        after = [bbox_of(w)[0] for w in ln.words if bbox_of(w)[0] >= gap[1] - 0.5]
        if before and after and min(after) - max(before) >= s.gutter_evidence * size:
            return True
    return False


def _crosses(line: _Line, cuts: list[tuple[float, float]], kept_white: float = 0.0) -> bool:
    """The line runs across a gutter: a word lies over it and the line has ink on both of its sides
    (a wrapped cell that reaches into a gutter only narrows it; a paragraph joins the columns).
    With ``kept_white``, a line that leaves a strip that wide of the gutter white only narrows it
    too: a later row's wider code ("1.1.1" under "TT", "1.", "1.1") reaching into the gap the
    first rows left beside their codes."""
    for a, b in cuts:
        over = [bbox_of(w) for w in line.words if bbox_of(w)[0] < b - 0.5 and bbox_of(w)[2] > a + 0.5]
        if over and line.x0 < a and line.x1 > b and not (kept_white and _widest_white(over, a, b) >= kept_white):
            return True
    return False


def _widest_white(boxes: list, a: float, b: float) -> float:
    """The widest stretch of ``a``..``b`` no box covers."""
    widest, reach = 0.0, a
    for x0, _, x1, _ in sorted(boxes):
        widest = max(widest, min(x0, b) - reach)
        reach = max(reach, x1)
    return max(widest, b - reach)


def _column(word: Word, bounds: list[float]) -> int:
    centre = (bbox_of(word)[0] + bbox_of(word)[2]) / 2
    return sum(1 for b in bounds if centre > b)


def _cells_of(line: _Line, bounds: list[float]) -> dict[int, list[Word]]:
    out: dict[int, list[Word]] = {}
    for w in line.words:
        out.setdefault(_column(w, bounds), []).append(w)
    return out


def _first_row_line(lines: list[_Line], cuts: list[tuple[float, float]]) -> int:
    """Index of the first line that starts a body row (a code in the first column, or a number alone
    in a cell): the lines before it are the header."""
    bounds = [(a + b) / 2 for a, b in cuts]
    for k, ln in enumerate(lines):
        cells = _cells_of(ln, bounds)
        if _is_number_row(cells):
            continue
        if 0 in cells and is_code_token(cells[0][0].text):
            return k
        if any(len(ws) == 1 and is_number_token(ws[0].text) for col, ws in cells.items() if col > 0):
            return k
    return 0


def _is_total_label(cells: dict[int, list[Word]]) -> bool:
    """The line's first cell of words (a code or an OCR speck before it aside) is a totals label."""
    for _, ws in sorted(cells.items()):
        text = " ".join(w.text for w in ws)
        if sum(c.isalpha() for c in text) >= 2 and not is_code_token(text):
            return bool(_TOTAL_LABEL.match(fold(text)))
    return False


def _is_number_row(cells: dict[int, list[Word]]) -> bool:
    words = [w for ws in cells.values() for w in ws]
    return len(words) >= 2 and all(_COLUMN_NUMBER.match(w.text) for w in words)


def _build(
    lines: list[_Line], body_from: int, cuts, page: int, s: UnruledSettings, cell_text, source: str, least: int
) -> Table | None:
    """The table's rows from its lines (the first ``body_from`` of them its header)."""
    bounds = [(a + b) / 2 for a, b in cuts]
    n_cols = len(bounds) + 1
    titles = [k >= body_from and _heading_across(ln, cuts) for k, ln in enumerate(lines)]
    per_line = [_title_cells(ln, bounds) if titles[k] else _cells_of(ln, bounds) for k, ln in enumerate(lines)]
    numeric = _numeric_columns(per_line[body_from:], n_cols, s)
    rows: list[dict[int, list[Word]]] = []
    refills = 0  # rows opened by their filled columns alone
    for k, cells in enumerate(per_line):
        code = (0 in cells and is_code_token(cells[0][0].text)) or titles[k]
        second_value = bool(rows) and any(
            col in numeric and col in rows[-1] and len(ws) == 1 and is_number_token(ws[0].text)
            for col, ws in cells.items()
        )
        number_row = _is_number_row(cells)
        after_number_row = bool(rows) and _is_number_row(rows[-1])
        total = _is_total_label(cells)
        refilled = bool(rows) and (_fills_again(cells, rows[-1], s) or _task_under_title(cells, rows[-1], s))
        if not rows or code or second_value or number_row or after_number_row or total or refilled:
            refills += bool(rows) and not (code or second_value or number_row or after_number_row or total)
            rows.append({col: list(ws) for col, ws in cells.items()})
        else:
            for col, ws in cells.items():
                rows[-1].setdefault(col, []).extend(ws)
    body = [r for r in rows if not _is_number_row(r)]
    # (filled columns part the rows of a table its codes found: by themselves they make none, a
    # signature block's "Nơi nhận: | KT. CHỦ TỊCH" over "- UBND huyện … | PHÓ CHỦ TỊCH")
    if len(body) - refills < least:
        return None
    cells_out: list[Cell] = []
    for r, row in enumerate(rows):
        for col, ws in sorted(row.items()):
            box = union_bbox([bbox_of(w) for w in ws])
            cells_out.append(Cell(row=r, col=col, text=cell_text(ws), bbox=box, bold=all(w.bold for w in ws)))
    box = union_bbox([bbox_of(c) for c in cells_out])
    return Table(
        page=page,
        cells=cells_out,
        n_rows=len(rows),
        n_cols=n_cols,
        source=source,
        bbox=box,
        col_edges=[box[0], *bounds, box[2]],
    )


def _fills_again(cells: dict[int, list[Word]], row: dict[int, list[Word]], s: UnruledSettings) -> bool:
    """A line that opens a row of its own though it has no code: words in the first column of text
    and, beside them, ``refill_columns`` columns at least the row above already filled, every column
    that row's first line filled but one at most (a plan's task with no TT column: its lead,
    coordinator and deadline stand on its first line, its wrapped words alone under the task's). A
    wrapped row's next line fills its name's column and the one or two cells that wrapped with it
    (an explanation, a long unit's name), not the row's every column."""
    first = min(cells)
    beside = [col for col in cells if col > first]
    filled = [col for col in row if col > first]
    again = [col for col in beside if col in row and any(_inked(ch) for w in row[col] for ch in w.text)]
    return (
        first in row
        and len(again) >= s.refill_columns
        and len(beside) >= len(filled) - 1
        and sum(ch.isalpha() for w in cells[first] for ch in w.text) >= s.refill_letters
    )


def spans_title(line: _Line, cuts: list[tuple[float, float]] | None = None) -> bool:
    """A section's heading line: its numeral ("I.", or as OCR misreads it, "HI.") and a title in
    capitals, no figure beside it, which may run across the table's columns (``_crosses``) without
    ending the table; with the table's ``cuts``, also a title in sentence case whose numeral stands
    alone left of the first gutter ("IH  Xây dựng và phát triển chính quyền …" under "TT | Nhiệm vụ")."""
    text = " ".join(w.text for w in line.words)
    figures = any(is_number_token(w.text) for w in line.words[1:])  # (a section row's points beside it)
    if figures or not ocr_section_title(text):
        return False
    return upper_title(text) or (cuts is not None and _numeral_apart(line, cuts))


def _heading_across(line: _Line, cuts: list[tuple[float, float]]) -> bool:
    """A section's heading line (``spans_title``) that runs across the columns ``cuts`` part, or
    whose numeral stands apart (its title's word spaces are no gutters of the table's)."""
    return spans_title(line, cuts) and (_crosses(line, cuts) or _numeral_apart(line, cuts))


def _numeral_apart(line: _Line, cuts: list[tuple[float, float]]) -> bool:
    """The line's first word stands alone in the first column (a numeral wider than the codes under it
    reaches into the gutter beside them), its next word right of the first gutter."""
    words = line.words
    return len(words) > 1 and bbox_of(words[0])[2] < cuts[0][1] and bbox_of(words[1])[0] >= cuts[0][1] - 0.5


def _title_cells(line: _Line, bounds: list[float]) -> dict[int, list[Word]]:
    """A section heading's words by column: its numeral in its own, the title whole in the column of
    its first word (a title running on across the columns is none of theirs)."""
    words = line.words
    apart = len(words) > 1 and _column(words[0], bounds) < _column(words[1], bounds)
    head = 1 if len(words) > 1 and (is_code_token(words[0].text) or apart) else 0
    numeral = {_column(words[0], bounds): words[:head]} if head else {}
    title_col = max([_column(words[head], bounds), *numeral])
    return {**numeral, title_col: [*numeral.get(title_col, []), *words[head:]]}


def _task_under_title(cells: dict[int, list[Word]], row: dict[int, list[Word]], s: UnruledSettings) -> bool:
    """A line opening the first row under a section's heading: the row above holds the heading
    alone (a title in capitals, nothing beside it), this line words not in capitals beside which
    ``refill_columns`` columns at least are filled (a task's lead, coordinator, deadline; a section
    title wrapped onto a line with its figures goes on in capitals)."""
    last = max(row)
    first = min(cells)
    text = " ".join(w.text for w in row[last])
    beside = [col for col in cells if col > first]
    words = " ".join(w.text for w in cells[first])
    return (
        upper_title(text)
        and first == last
        and len(beside) >= s.refill_columns
        and sum(ch.isalpha() for ch in words) >= s.refill_letters
        and not upper_title(words)
    )


def _numeric_columns(per_line: list[dict[int, list[Word]]], n_cols: int, s: UnruledSettings) -> set[int]:
    out = set()
    for col in range(1, n_cols):
        filled = [ws for cells in per_line if (ws := cells.get(col))]
        numbers = sum(1 for ws in filled if len(ws) == 1 and is_number_token(ws[0].text))
        if filled and numbers >= s.numeric_share * len(filled):
            out.add(col)
    return out

"""Tables that run across pages: fragments joined, repeated headers dropped, a row cut by a page
break put back together. Works on the reader's ``Table`` blocks whatever the format; the domain
segmenters (score tables, annexes, task frameworks) read the joined tables."""

from __future__ import annotations

from dataclasses import dataclass, field

import regex as re
from rapidfuzz import fuzz

from extract.model import Cell, IngestedDocument, Line, Table
from normalize.codes import CriterionCode, parse_code, transition_cost
from normalize.lazy_regex import lazy_compile


@dataclass(frozen=True)
class JoinSettings:
    # Lines allowed between two fragments of one table (page numbers, running headers).
    max_gap_lines: int = 3
    # A gap line longer than this is real text, so the fragments are different tables.
    max_gap_line_chars: int = 40
    # Similarity (0..100) above which a fragment's first row repeats the header.
    header_repeat_similarity: float = 88.0
    # Header rows are looked for among the first rows of a table, at most this many.
    max_header_rows: int = 3
    # A footnote under a page's part of a table ("¹ 1) Hệ thống ...") may be any length; it is
    # recognised by its marker, which must also end a cell in the table's last rows.
    footnote_lookback_rows: int = 6
    # A fragment on the next page whose header is not repeated is recognised by its shape: the
    # same column boundaries as the table above (as a share of the table's width, so a table
    # widened on a landscape page still matches), within this tolerance...
    edge_tolerance: float = 0.02
    # ... and by its content: its first code carries on the numbering of the table above (the
    # code column's cost of the step, see normalize.codes.transition_cost, at most this), its
    # first row finishes a row cut by the page break, or it repeats the header.
    max_code_step_cost: float = 1.0
    # Lines allowed at such a page turn (running header and footer, page number), whatever their
    # length: the shape and the numbering, not the gap, say the table goes on.
    max_page_turn_lines: int = 6


_PAGE_NUMBER = lazy_compile(r"^\s*(?:trang\s*)?[-–]?\s*\d{1,3}\s*[-–]?\s*(?:/\s*\d{1,3})?\s*$", re.I)
# A row that starts a new item: "1", "1.2", "1.2.3.", "I", "II.", "a)", "2.7. text".
_ITEM_START = lazy_compile(r"^\s*(?:[IVXLC]{1,5}\b\.?|\d{1,2}(?:\.\d{1,2}){0,3}\.?(?!\d)|[a-zđ]\))", re.I)
_COLUMN_NUMBERS = lazy_compile(r"^\(?\s*\d{1,2}\s*\)?$|^[A-H]$")
_BRACKETED_NUMBER = lazy_compile(r"^\(\s*(\d{1,2})\s*\)$")
_SPECKS = "'‘`|_ "  # what a scan leaves before or after a cell's text
_COLUMN_NUMBER_CELL = lazy_compile(r"^[\'‘`|_]?\(?\s*(\d{1,2})\s*\)?$")


def row_bbox(row: JoinedRow) -> list[float] | None:
    """The union of a row's cell boxes, when the format gave any."""
    boxes = [b for b in row.bboxes if b]
    if not boxes:
        return None
    return [min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes)]


def row_conf(row: JoinedRow) -> float | None:
    confs = [c for c in row.confs if c is not None]
    return min(confs) if confs else None


@dataclass
class JoinedRow:
    cells: list[str]
    bold: list[bool]
    page: int
    line_start: int
    line_end: int
    fragment: int  # index of the fragment (page piece) the row came from
    bboxes: list[tuple | None] = field(default_factory=list)
    confs: list[float | None] = field(default_factory=list)
    joined_across_break: bool = False
    realigned: bool = False  # cells moved back under their numbered columns (see realign_row)


@dataclass
class JoinedTable:
    header: list[list[str]]
    rows: list[JoinedRow]
    pages: list[int]
    n_cols: int
    source: str
    line_start: int
    line_end: int
    block_index: int  # position of the first fragment among the document's blocks
    # For each column, the column whose header cell covers it: a header cell spanning several
    # grid columns (an indent column before the sub-criteria's names) owns them all.
    owners: list[int] = field(default_factory=list)
    # Column boundaries of the first fragment (Table.col_edges), for matching later fragments.
    col_edges: list[float] = field(default_factory=list)

    def columns_of(self, col: int) -> list[int]:
        """The grid columns a header column spans: itself and the unlabeled columns it owns."""
        if not self.owners:
            return [col]
        return [c for c in range(self.n_cols) if self.owners[c] == col or c == col]

    def cell_text(self, row: JoinedRow, col: int) -> str:
        """A row's text under a header column: the union of the grid columns its header spans."""
        parts = [row.cells[c].strip() for c in self.columns_of(col) if c < len(row.cells)]
        return " ".join(p for p in parts if p)

    @property
    def header_text(self) -> list[str]:
        """One label per column: the header rows' texts stacked."""
        labels = []
        for c in range(self.n_cols):
            parts = [h[c] for h in self.header if c < len(h) and h[c]]
            labels.append(" ".join(dict.fromkeys(parts)))
        return labels


def header_row_count(rows: list[list[str]], max_rows: int = 3) -> int:
    """Leading rows that read as column headings: before the first row that starts an item
    (a code in its first cell) or carries a number in a later cell."""
    count = 0
    for row in rows[:max_rows]:
        first = next((c for c in row if c.strip()), "")
        if _ITEM_START.match(row[0] if row else "") and row[0].strip() and not _is_column_numbers(row):
            break
        if any(re.fullmatch(r"[\d.,%\s]+", c.strip()) for c in row[1:] if c.strip()) and not _is_column_numbers(row):
            break
        if not first:
            count += 1
            continue
        count += 1
    return count


def _is_column_numbers(row: list[str]) -> bool:
    """The "(1) (2) (3)" row some forms put under the header. On a scan one of them may be
    misread ("q)" for "(1)", Tesseract taking the bracket and the one for a letter): a row whose
    other cells number the columns in order, the odd one as short as a column number, is it
    still."""
    filled = [c.strip() for c in row if c.strip()]
    if len(filled) < 3:
        return False
    odd = [c for c in filled if not _COLUMN_NUMBERS.match(c) and not _COLUMN_NUMBER_CELL.match(c)]
    if not odd:
        return True
    # The others bracketed, "(2)": a data row's plain numbers ("a) 2 3 4") are not column numbers;
    # one of them may have lost its brackets on the scan ("(2) (3) 4 (5)"), still in sequence.
    # A number OCR lost leaves a gap: each number then still sits in its own column.
    placed = [(int(m.group(1)), i) for i, c in enumerate(row) if (m := _COLUMN_NUMBER_CELL.match(c.strip()))]
    numbers = [n for n, _ in placed]
    bracketed = sum(bool(_BRACKETED_NUMBER.match(c.strip(_SPECKS))) for c in filled)
    in_order = numbers == list(range(numbers[0], numbers[0] + len(numbers))) if numbers else False
    in_columns = len({n - i for n, i in placed}) == 1
    return (
        len(odd) == 1
        and len(odd[0]) <= 3
        and len(numbers) == len(filled) - 1 >= 3
        and bracketed >= len(numbers) - 1
        and (in_order or in_columns)
    )


def _row_text(row: list[str]) -> str:
    return " | ".join(c.strip().lower() for c in row)


def _repeats(row: list[str], header: list[list[str]], threshold: float) -> bool:
    if _is_column_numbers(row):
        return True
    text = _row_text(row)
    return (
        any(fuzz.ratio(text, _row_text(h)) >= threshold for h in header)
        or fuzz.token_set_ratio(" ".join(row).lower(), " ".join(" ".join(h) for h in header).lower()) >= 97
    )


def _fragment_rows(table: Table, fragment: int) -> list[JoinedRow]:
    grid = table.grid()
    # Each row its own line where the reader numbered the table's rows as lines (tab-separated
    # text; a page's grid, ruled or not, and a DOCX table count a line per row); a table whose
    # numbers are its text lines (a pipe table's rule, an HTML table) points at its first line.
    per_row = table.source == "tsv" or table.line_end - table.line_start + 1 == table.n_rows
    rows = []
    for r, cells in enumerate(grid):
        texts, bold, boxes, confs = [], [], [], []
        for c, cell in enumerate(cells):
            origin = cell if cell is not None and cell.row == r and cell.col == c else None
            texts.append(origin.text if origin is not None else "")
            bold.append(bool(cell and cell.bold))
            boxes.append(origin.bbox if origin is not None else None)
            confs.append(origin.conf if origin is not None else None)
        line = table.line_start + r if per_row else table.line_start
        rows.append(JoinedRow(texts, bold, table.page, line, line, fragment, boxes, confs))
    return rows


def _is_gap(blocks: list, settings: JoinSettings, current: JoinedTable | None = None) -> bool:
    """Only page furniture between two fragments: page numbers, stray marks, and footnotes whose
    marker the table above carries."""
    lines = [b for b in blocks if isinstance(b, Line)]
    if len(lines) != len(blocks) or len(lines) > settings.max_gap_lines:
        return False
    markers = _footnote_markers(current, settings) if current is not None else set()
    return all(_PAGE_NUMBER.match(ln.text) or len(ln.text) <= 3 or _is_footnote(ln.text, markers) for ln in lines)


_FOOTNOTE = lazy_compile(r"^\s*(?:\(?(\d{1,2})\)|(\d{1,2})(?=\s)|([¹²³⁴⁵⁶⁷⁸⁹*]+))")
_SUPERSCRIPTS = str.maketrans("¹²³⁴⁵⁶⁷⁸⁹", "123456789")


def _is_footnote(text: str, markers: set[str]) -> bool:
    m = _FOOTNOTE.match(text)
    if not m:
        return False
    marker = next(g for g in m.groups() if g).translate(_SUPERSCRIPTS)
    return marker in markers


def _footnote_markers(table: JoinedTable, settings: JoinSettings) -> set[str]:
    """Footnote markers that end a cell of the table's last rows: "... đồng bộ ¹" / "đồng bộ 1"
    (a superscript loses its tag when markup is stripped, leaving a trailing number) / "(*)"."""
    markers: set[str] = set()
    for row in table.rows[-settings.footnote_lookback_rows :]:
        for cell in row.cells:
            m = re.search(r"(?<=[^\d\s.,/%-]\s?)(?:\(?(\d{1,2})\)?|([¹²³⁴⁵⁶⁷⁸⁹]+)|\((\*+)\))\s*$", cell.strip())
            if m:
                markers.add(next(g for g in m.groups() if g).translate(_SUPERSCRIPTS))
    return markers


def _starts_item(row: JoinedRow) -> bool:
    return any(_ITEM_START.match(c) and c.strip() for c in row.cells)


def _continues_text(row: JoinedRow) -> bool:
    """A row that carries on the text of the row above: its first filled cell starts in lower case
    (a sentence cut by the page break), or no cell starts a new item."""
    filled = [c.strip() for c in row.cells if c.strip()]
    if not filled:
        return False
    return filled[0][0].islower() or not _starts_item(row)


def join_tables(doc: IngestedDocument, settings: JoinSettings = JoinSettings()) -> list[JoinedTable]:
    """Every table of the document, fragments across pages joined."""
    blocks = list(doc.blocks())
    joined: list[JoinedTable] = []
    last_index = -10
    last_page = 0
    fragment = 0
    for index, block in enumerate(blocks):
        if not isinstance(block, Table) or block.n_rows == 0:
            continue
        rows = _fragment_rows(block, fragment)
        current = joined[-1] if joined else None
        mapping = column_map(current.col_edges, block.col_edges, settings) if current is not None else None
        # Where the boundaries differ (an unruled table's columns found anew on each piece), the
        # words' own places may still put every cell under one of the table's columns.
        placed = cell_columns(current.col_edges, rows, settings) if current is not None and mapping is None else None
        gap = blocks[last_index + 1 : index]
        continues = current is not None and (
            (abs(block.n_cols - current.n_cols) <= 1 and _is_gap(gap, settings, current))
            or (
                (mapping is not None or placed is not None)
                and _continues_over_page_turn(rows, gap, block.page - last_page, current, settings)
            )
            or (placed is not None and _goes_on_below(rows, gap, block.page - last_page, current, settings))
        )
        if continues and current is not None:
            if mapping is not None and mapping != list(range(current.n_cols)):
                _remap(rows, mapping, current.n_cols)
            elif mapping is None and placed is not None:
                _place(rows, placed, current.n_cols)
            repeated = 0
            while rows and _repeats(rows[0].cells, current.header, settings.header_repeat_similarity):
                rows.pop(0)
                repeated += 1
            if _restarts_numbering(current, rows, repeated > 0):
                continues = False
                rows = _fragment_rows(block, fragment)
        if continues and current is not None:
            _realign(rows, column_numbers(current.header, current.n_cols))
            if rows and current.rows and _finishes_cut_row(rows[0]):
                _merge_into(current.rows[-1], rows.pop(0))
            elif rows and current.rows and _head_of_cut_row(current.rows[-1], rows[0]):
                _prepend(current.rows.pop(), rows[0])
            for row in rows:
                row.cells += [""] * (current.n_cols - len(row.cells))
                row.bold += [False] * (current.n_cols - len(row.bold))
            current.rows.extend(rows)
            if block.page not in current.pages:
                current.pages.append(block.page)
            current.line_end = block.line_end
        else:
            texts = [r.cells for r in rows]
            k = header_row_count(texts, settings.max_header_rows)
            if k < len(rows) and _is_column_numbers(texts[k]):
                k += 1
            header = [r.cells for r in rows[:k] if not _is_column_numbers(r.cells)]
            _realign(rows[k:], column_numbers(header, block.n_cols))
            joined.append(
                JoinedTable(
                    header=header,
                    rows=rows[k:],
                    pages=[block.page],
                    n_cols=block.n_cols,
                    source=block.source,
                    line_start=block.line_start,
                    line_end=block.line_end,
                    block_index=index,
                    owners=header_owners(block, k),
                    col_edges=list(block.col_edges),
                )
            )
        fragment += 1
        last_index = index
        last_page = max(block.page, block.page_end)
    return joined


def header_owners(table: Table, header_rows: int) -> list[int]:
    """For each grid column, the column of the lowest header cell with text covering it: a
    column under a header cell that spans it (and has no label of its own) belongs to that
    cell's column."""
    grid, texts = table.grid(), table.text_rows()
    owners = list(range(table.n_cols))
    for c in range(table.n_cols):
        for r in reversed(range(min(header_rows, len(grid)))):
            cell = grid[r][c]
            if cell is not None and cell.text.strip() and not _is_column_numbers(texts[r]):
                owners[c] = cell.col
                break
    return owners


def _normalised(edges: list[float]) -> list[float]:
    width = edges[-1] - edges[0] if len(edges) >= 2 else 0.0
    return [(e - edges[0]) / width for e in edges] if width > 0 else []


def column_map(table_edges: list[float], fragment_edges: list[float], settings: JoinSettings) -> list[int] | None:
    """Where each column of a fragment goes in the table, when the fragment has the table's
    shape: its column boundaries (as shares of its width) are boundaries of the table. A
    fragment may lack a boundary the table has (no row on its page uses the indent column),
    never add one. None when either shape is unknown or they differ."""
    ref, frag = _normalised(table_edges), _normalised(fragment_edges)
    if len(ref) < 3 or len(frag) < 3 or len(frag) > len(ref):
        return None
    position: list[int] = []
    for edge in frag:
        k = min(range(len(ref)), key=lambda i: abs(ref[i] - edge))
        if abs(ref[k] - edge) > settings.edge_tolerance or (position and k <= position[-1]):
            return None
        position.append(k)
    if position[0] != 0 or position[-1] != len(ref) - 1:
        return None
    return position[:-1]


def cell_columns(table_edges: list[float], rows: list[JoinedRow], settings: JoinSettings) -> list[list[int]] | None:
    """For each row's cells, the table column under which the cell's words stand (the column
    whose boundaries hold the middle of the words' box): how a piece of an unruled table whose
    columns were found anew (a wrapped note's line drew other boundaries: "18/1/2014" alone)
    lines up with the table above. None when a filled cell has no box or stands outside the table."""
    if len(table_edges) < 3 or not rows:
        return None
    width = table_edges[-1] - table_edges[0]
    slack = settings.edge_tolerance * width
    out: list[list[int]] = []
    for row in rows:
        dest: list[int] = []
        for c, text in enumerate(row.cells):
            box = row.bboxes[c] if c < len(row.bboxes) else None
            if not text.strip():
                dest.append(-1)
                continue
            if box is None:
                return None
            middle = (box[0] + box[2]) / 2
            if not table_edges[0] - slack <= middle <= table_edges[-1] + slack:
                return None
            k = next((i for i in range(len(table_edges) - 1) if middle < table_edges[i + 1]), len(table_edges) - 2)
            dest.append(k)
        out.append(dest)
    return out


def _place(rows: list[JoinedRow], placed: list[list[int]], n_cols: int) -> None:
    """Put each row's cells under the table columns ``cell_columns`` found for them."""
    for row, dest in zip(rows, placed):
        cells, bold = [""] * n_cols, [False] * n_cols
        boxes: list[tuple | None] = [None] * n_cols
        confs: list[float | None] = [None] * n_cols
        for c, text in enumerate(row.cells):
            k = dest[c]
            if k < 0:
                continue
            cells[k] = f"{cells[k]} {text}".strip() if cells[k] else text
            bold[k] = bold[k] or (row.bold[c] if c < len(row.bold) else False)
            boxes[k] = boxes[k] or (row.bboxes[c] if c < len(row.bboxes) else None)
            if c < len(row.confs) and row.confs[c] is not None:
                confs[k] = row.confs[c]
        row.cells, row.bold, row.bboxes, row.confs = cells, bold, boxes, confs


def _goes_on_below(
    rows: list[JoinedRow], gap: list, page_step: int, table: JoinedTable, settings: JoinSettings
) -> bool:
    """A piece straight under the table on the same page (nothing between), that carries on its
    numbering or finishes its last row: the table the finder cut in two where a wrapped line
    drew other column boundaries."""
    if page_step != 0 or gap or not rows or not table.rows:
        return False
    return _numbering_continues(table, rows, settings) or _finishes_cut_row(rows[0])


def _remap(rows: list[JoinedRow], mapping: list[int], n_cols: int) -> None:
    """Put a fragment's cells under the table's columns (see column_map)."""
    for row in rows:
        cells, bold = [""] * n_cols, [False] * n_cols
        boxes: list[tuple | None] = [None] * n_cols
        confs: list[float | None] = [None] * n_cols
        for c, text in enumerate(row.cells):
            dest = mapping[c]
            cells[dest] = f"{cells[dest]} {text}".strip() if cells[dest] else text
            bold[dest] = row.bold[c] if c < len(row.bold) else False
            if c < len(row.bboxes) and row.bboxes[c] is not None:
                boxes[dest] = row.bboxes[c]
            if c < len(row.confs) and row.confs[c] is not None:
                confs[dest] = row.confs[c]
        row.cells, row.bold, row.bboxes, row.confs = cells, bold, boxes, confs


_CODE_AT_START = lazy_compile(r"^\s*([IVX]{1,5}|\d{1,2}(?:\.\d{1,2}){0,3})\.?(?=\s|$|[-–:)])")


def _row_code(row: JoinedRow) -> str | None:
    """The criterion code opening a row's first filled cell, if any."""
    first = next((c for c in row.cells if c.strip()), "")
    m = _CODE_AT_START.match(first)
    return m.group(1) if m and parse_code(m.group(1)) else None


def _codes(rows: list[JoinedRow]) -> list[CriterionCode]:
    """The rows' codes with their roman section (arabic numbering restarts under each)."""
    out: list[CriterionCode] = []
    roman = 0
    for row in rows:
        code = parse_code(_row_code(row))
        if code is None:
            continue
        if not code.path:
            roman = code.roman
        out.append(CriterionCode(roman, code.path) if code.path else code)
    return out


def _numbering_continues(table: JoinedTable, rows: list[JoinedRow], settings: JoinSettings) -> bool:
    """The fragment's first code is a plausible next code after the table's last one."""
    before = _codes(table.rows)
    if not before:
        return False
    roman = next((c.roman for c in reversed(before) if c.roman), 0)
    first = next((parse_code(_row_code(r)) for r in rows[:3] if _row_code(r)), None)
    if first is None:
        return False
    if first.path:
        first = CriterionCode(roman, first.path)
    cost = transition_cost(before[-1], first)
    return cost is not None and cost <= settings.max_code_step_cost


def _restarts_numbering(table: JoinedTable, rows: list[JoinedRow], header_repeated: bool) -> bool:
    """The fragment's numbering goes back to the start, so it is another table (a second
    commune's table printed after the first, the same template again), not a continuation:
    its first code is the table's first roman section again (sections never restart within a
    table), or, after a repeated header, it is the table's first code again or restarts at the
    top level ("I", "1") where the table's last code cannot be followed by it. An arabic "1"
    without a repeated header is left joined: lettered parts ("A.", "B.") restart the numbers
    of one table."""
    first = next((parse_code(_row_code(r)) for r in rows[:3] if _row_code(r)), None)
    if first is None:
        return False
    table_first = next((parse_code(_row_code(r)) for r in table.rows[:3] if _row_code(r)), None)
    if first == table_first and (header_repeated or not first.path):
        return True
    if not header_repeated or first.path not in ((), (1,)) or first.roman > 1:
        return False
    before = _codes(table.rows)
    if not before:
        return False
    if first.path:
        first = CriterionCode(next((c.roman for c in reversed(before) if c.roman), 0), first.path)
    return transition_cost(before[-1], first) is None


def _continues_over_page_turn(
    rows: list[JoinedRow], gap: list, page_step: int, table: JoinedTable, settings: JoinSettings
) -> bool:
    """A fragment with the table's shape at the top of the next page, only page furniture
    between, that carries on the table: its rows continue the numbering, or its first row
    finishes a row the break cut, or it repeats the header."""
    if page_step != 1 or not rows or not table.rows:
        return False
    if len(gap) > settings.max_page_turn_lines or not all(isinstance(b, Line) for b in gap):
        return False
    return (
        _numbering_continues(table, rows, settings)
        or _finishes_cut_row(rows[0])
        or _repeats(rows[0].cells, table.header, settings.header_repeat_similarity)
    )


_NUMBER_CELL = lazy_compile(r"^[\d.,%\s]+$")


def _head_of_cut_row(last: JoinedRow, first: JoinedRow) -> bool:
    """The table's last row is the top of a row the page break cut whose code and numbers were
    printed (vertically centred) on the next page: it has only text, no code and no number, and
    the next page's first row has a code and text carrying on in lower case."""
    if not last.cells or last.cells[0].strip() or not first.cells or not first.cells[0].strip():
        return False
    filled = [c.strip() for c in last.cells if c.strip()]
    if not filled or any(_NUMBER_CELL.match(c) for c in filled):
        return False
    rest = next((c.strip() for c in first.cells[1:] if c.strip()), "")
    return bool(rest) and rest[0].islower() and _row_code(first) is not None


def _prepend(head: JoinedRow, row: JoinedRow) -> None:
    """Put the top part of a cut row (see _head_of_cut_row) before the rest of it."""
    for c, text in enumerate(head.cells):
        if text.strip() and c < len(row.cells):
            row.cells[c] = f"{text.strip()} {row.cells[c].strip()}".strip()
    row.page, row.line_start = head.page, head.line_start
    row.joined_across_break = True


def _finishes_cut_row(row: JoinedRow) -> bool:
    """A fragment's first row that is the rest of a row the page break cut: no code, and text
    carrying on (its first cell empty, or starting in lower case)."""
    first = row.cells[0].strip() if row.cells else ""
    if first and not (first[0].islower() and not _starts_item(row)):
        return False
    return _continues_text(row)


_COLUMN_NUMBER = lazy_compile(r"^\s*\(?(\d{1,2})\s*[-–.)]\s*\S")
_CELL_CODE_FAMILY = lazy_compile(r"^\s*(\d{1,2})\s*\.\s*\d{1,2}")


def column_numbers(header: list[list[str]], n_cols: int) -> list[int | None]:
    """The numbers some templates give their columns ("1- Mục tiêu", "2- Nhiệm vụ", "(3) Hoạt
    động"); None for a column without one."""
    numbers: list[int | None] = [None] * n_cols
    for row in header:
        for c, text in enumerate(row[:n_cols]):
            m = _COLUMN_NUMBER.match(text or "")
            if m and numbers[c] is None:
                numbers[c] = int(m.group(1))
    return numbers


def realign_row(cells: list[str], numbers: list[int | None]) -> list[str] | None:
    """Put back a row the source shifted left: in a template whose columns are numbered and whose
    cell texts carry codes of their column's family ("2.2. ..." under "2- Nhiệm vụ"), a row whose
    first filled cell holds a code of a column further right has lost its leading empty cells.
    Each coded cell goes to its column, uncoded cells follow the one before them. None when the
    row is fine or cannot be placed."""
    where = {n: c for c, n in enumerate(numbers) if n is not None}
    if len(where) < 2:
        return None
    first = next((c for c, t in enumerate(cells) if t.strip()), None)
    if first is None:
        return None
    m = _CELL_CODE_FAMILY.match(cells[first])
    target = where.get(int(m.group(1))) if m else None
    if target is None or target <= first or numbers[first] == int(m.group(1)):
        return None
    out = [""] * len(numbers)
    offset = 0
    last = -1
    for c, text in enumerate(cells):
        if not text.strip():
            continue
        m = _CELL_CODE_FAMILY.match(text)
        if m and where.get(int(m.group(1)), -1) > last:
            offset = where[int(m.group(1))] - c
        dest = c + offset
        if dest <= last or dest >= len(out):
            return None
        out[dest] = text
        last = dest
    return out


def _merge_into(previous: JoinedRow, continuation: JoinedRow) -> None:
    for c, text in enumerate(continuation.cells):
        if not text.strip():
            continue
        if c < len(previous.cells):
            before = previous.cells[c].strip()
            if before and before.endswith(text.strip()):
                continue  # the same value repeated on the new page ("Năm 2025" / "Năm 2025")
            previous.cells[c] = f"{before} {text}".strip() if before else text
        else:
            previous.cells.append(text)
    previous.line_end = continuation.line_end
    previous.joined_across_break = True


def _realign(rows: list[JoinedRow], numbers: list[int | None]) -> None:
    for row in rows:
        fixed = realign_row(row.cells, numbers)
        if fixed is not None:
            row.cells = fixed
            row.bold = (row.bold + [False] * len(fixed))[: len(fixed)]
            row.realigned = True


def cell_at(table: Table, row: int, col: int) -> Cell | None:
    for cell in table.cells:
        if cell.row <= row < cell.row + cell.row_span and cell.col <= col < cell.col + cell.col_span:
            return cell
    return None


def lines_before(doc: IngestedDocument, table: JoinedTable, max_lines: int = 8) -> list[Line]:
    """The text lines just above a table (its caption: annex label, title, "Kèm theo ..."), nearest
    last; stops at the previous table."""
    blocks = list(doc.blocks())
    out: list[Line] = []
    for block in reversed(blocks[: table.block_index]):
        if not isinstance(block, Line) or len(out) >= max_lines:
            break
        out.append(block)
    return list(reversed(out))

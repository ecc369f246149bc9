"""Tables that run across pages: fragments joined, repeated headers dropped, a row cut by a page
break put back together. Works on the reader's ``Table`` blocks whatever the format; the domain
segmenters (score tables, annexes, task frameworks) read the joined tables."""

from __future__ import annotations

from dataclasses import dataclass, field

import regex as re
from rapidfuzz import fuzz

from extract.model import Cell, IngestedDocument, Line, Table


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


_PAGE_NUMBER = re.compile(r"^\s*(?:trang\s*)?[-–]?\s*\d{1,3}\s*[-–]?\s*(?:/\s*\d{1,3})?\s*$", re.I)
# A row that starts a new item: "1", "1.2", "1.2.3.", "I", "II.", "a)", "2.7. text".
_ITEM_START = re.compile(r"^\s*(?:[IVXLC]{1,5}\b\.?|\d{1,2}(?:\.\d{1,2}){0,3}\.?(?!\d)|[a-zđ]\))", re.I)
_COLUMN_NUMBERS = re.compile(r"^\(?\s*\d{1,2}\s*\)?$|^[A-H]$")


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
    """The "(1) (2) (3)" row some forms put under the header."""
    filled = [c.strip() for c in row if c.strip()]
    return len(filled) >= 3 and all(_COLUMN_NUMBERS.match(c) for c in filled)


def _row_text(row: list[str]) -> str:
    return " | ".join(c.strip().lower() for c in row)


def _repeats(row: list[str], header: list[list[str]], threshold: float) -> bool:
    if _is_column_numbers(row):
        return True
    text = _row_text(row)
    return any(fuzz.ratio(text, _row_text(h)) >= threshold for h in header) or \
        fuzz.token_set_ratio(" ".join(row).lower(), " ".join(" ".join(h) for h in header).lower()) >= 97


def _fragment_rows(table: Table, fragment: int) -> list[JoinedRow]:
    grid = table.grid()
    rows = []
    for r, cells in enumerate(grid):
        texts, bold, boxes, confs = [], [], [], []
        for c, cell in enumerate(cells):
            origin = cell is not None and cell.row == r and cell.col == c
            texts.append(cell.text if origin else "")
            bold.append(bool(cell and cell.bold))
            boxes.append(cell.bbox if origin else None)
            confs.append(cell.conf if origin else None)
        line = table.line_start + r if table.source == "tsv" else table.line_start
        rows.append(JoinedRow(texts, bold, table.page, line, line, fragment, boxes, confs))
    return rows


def _is_gap(blocks: list, settings: JoinSettings) -> bool:
    lines = [b for b in blocks if isinstance(b, Line)]
    if len(lines) != len(blocks) or len(lines) > settings.max_gap_lines:
        return False
    return all(_PAGE_NUMBER.match(l.text) or len(l.text) <= 3 for l in lines)


def _starts_item(row: JoinedRow) -> bool:
    return any(_ITEM_START.match(c) and c.strip() for c in row.cells)


def join_tables(doc: IngestedDocument, settings: JoinSettings = JoinSettings()) -> list[JoinedTable]:
    """Every table of the document, fragments across pages joined."""
    blocks = list(doc.blocks())
    joined: list[JoinedTable] = []
    last_index = -10
    fragment = 0
    for index, block in enumerate(blocks):
        if not isinstance(block, Table) or block.n_rows == 0:
            continue
        rows = _fragment_rows(block, fragment)
        current = joined[-1] if joined else None
        continues = (
            current is not None
            and abs(block.n_cols - current.n_cols) <= 1
            and _is_gap(blocks[last_index + 1:index], settings)
        )
        if continues:
            while rows and _repeats(rows[0].cells, current.header, settings.header_repeat_similarity):
                rows.pop(0)
            if rows and current.rows and not rows[0].cells[0].strip() and not _starts_item(rows[0]):
                _merge_into(current.rows[-1], rows.pop(0))
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
            joined.append(JoinedTable(header=header, rows=rows[k:], pages=[block.page], n_cols=block.n_cols,
                                      source=block.source, line_start=block.line_start, line_end=block.line_end,
                                      block_index=index))
        fragment += 1
        last_index = index
    return joined


def _merge_into(previous: JoinedRow, continuation: JoinedRow) -> None:
    for c, text in enumerate(continuation.cells):
        if not text.strip():
            continue
        if c < len(previous.cells):
            previous.cells[c] = f"{previous.cells[c]} {text}".strip() if previous.cells[c] else text
        else:
            previous.cells.append(text)
    previous.line_end = continuation.line_end
    previous.joined_across_break = True


def cell_at(table: Table, row: int, col: int) -> Cell | None:
    for cell in table.cells:
        if cell.row <= row < cell.row + cell.row_span and cell.col <= col < cell.col + cell.col_span:
            return cell
    return None

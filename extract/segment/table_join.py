"""Tables that run across pages: fragments joined, repeated headers dropped, a row cut by a page
break put back together. Works on the reader's ``Table`` blocks whatever the format; the domain
segmenters (score tables, annexes, task frameworks) read the joined tables."""

from __future__ import annotations

from dataclasses import dataclass

import regex as re
from rapidfuzz import fuzz

from extract.model import Cell, IngestedDocument, Line, Table
from extract.segment.cut_row_rest import opens_own_row
from extract.segment.field_heading import heads_a_table
from extract.segment.gap_row_head import head_from_gap
from extract.segment.headless_piece import headless_piece_goes_on
from extract.segment.joined import JoinedRow, JoinedTable
from extract.segment.level_codes import lone_letter
from extract.segment.merged_down import merged_above
from extract.segment.numbered_columns import column_numbers, realign_rows
from extract.segment.page_scale import page_scale, scaled_edges
from extract.segment.piece_columns import cell_columns, column_map, place_cells, remap_columns
from extract.segment.running_lines import (
    PAGE_NUMBER,
    continues_under_running_line,
    goes_on_in_lower_case,
    is_page_mark_row,
)
from extract.segment.side_halves import halves_in_order
from extract.segment.table_header import _ITEM_START, _is_column_numbers, column_marks, header_row_count
from extract.sheet_head import full_width_rows
from normalize.codes import CriterionCode, parse_code, transition_cost
from normalize.lazy_regex import lazy_compile
from normalize.numbers import figures_only


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


def _header_again(rows: list[JoinedRow], header: list[list[str]], settings: JoinSettings) -> int:
    """How many of a piece's first rows print the table's header again (none when the table has no
    header of two labels or more, which no data row could be told from)."""
    if not any(sum(bool(c.strip()) for c in h) >= 2 for h in header):
        return 0
    k = 0
    while k < min(len(rows), settings.max_header_rows) and _repeats(
        rows[k].cells, header, settings.header_repeat_similarity
    ):
        k += 1
    return k


def _without_header_repeats(rows: list[JoinedRow], header: list[list[str]], threshold: float) -> list[JoinedRow]:
    """The body rows without the header printed again inside them: a PDF's tables that touch (one
    table per field, each under its own header) come as one grid, each next table's header row a
    row of its body. Matched on the whole row's text, cell by cell, and only against a header of
    two labels or more: no data row prints every label of the header."""
    labelled = [_row_text(h) for h in header if sum(bool(c.strip()) for c in h) >= 2]  # (each text made once)
    if not labelled:
        return rows
    return [
        row
        for row in rows
        if sum(bool(c.strip()) for c in row.cells) < 2
        or not any(fuzz.ratio(text, h) >= threshold for text in (_row_text(row.cells),) for h in labelled)
    ]


def _fragment_rows(table: Table, fragment: int) -> list[JoinedRow]:
    grid = table.grid()
    # Each row its own line where the reader numbered the table's rows as lines (tab-separated
    # text; a page's grid, ruled or not, and a DOCX table count a line per row); a table whose
    # numbers are its text lines (a pipe table's rule, an HTML table) points at its first line.
    per_row = table.source == "tsv" or table.line_end - table.line_start + 1 == table.n_rows
    rows = []
    for r, cells in enumerate(grid):
        texts, bold, boxes, confs, lines, places, line_confs = [], [], [], [], [], [], []
        for c, cell in enumerate(cells):
            origin = cell if cell is not None and cell.row == r and cell.col == c else None
            texts.append(origin.text if origin is not None else "")
            lines.append(list(origin.lines) if origin is not None else [])
            places.append(list(origin.line_places) if origin is not None else [])
            line_confs.append(list(origin.line_confs) if origin is not None else [])
            bold.append(bool(cell and cell.bold))
            boxes.append(origin.bbox if origin is not None else None)
            confs.append(origin.conf if origin is not None else None)
        line = table.line_start + r if per_row else table.line_start
        last = line
        if table.row_lines:  # (rows spanning their own runs of lines: each to the next one's)
            line = table.row_lines[r]
            last = table.row_lines[r + 1] - 1 if r + 1 < len(table.row_lines) else table.line_end
        row = JoinedRow(texts, bold, table.page, line, last, fragment, boxes, confs)
        row.cut_by_page_edge = table.cut_by_page_edge
        row.lines, row.places, row.above = lines, places, merged_above(grid, r)
        row.line_confs = line_confs
        row.counted = frozenset(c for c, cell in enumerate(cells) if cell is not None and cell.strokes_agree)
        row.bulleted = frozenset(c for c, cell in enumerate(cells) if cell is not None and cell.bullet)
        rows.append(row)
    return _without_page_marks(rows)


def _without_page_marks(rows: list[JoinedRow]) -> list[JoinedRow]:
    """A piece's rows without the page mark closing it ("Trang 2/3" across the table, as a sheet
    printed page by page pastes its footer): left in, it reads as a row and cuts the rows above
    it from their parts. Only at the piece's foot, and never the piece's only row."""
    while len(rows) > 1 and is_page_mark_row(rows[-1].cells):
        rows.pop()
    return rows


def _is_gap(blocks: list, settings: JoinSettings, current: JoinedTable | None = None) -> bool:
    """Only page furniture between two fragments: page numbers, stray marks, and footnotes whose
    marker the table above carries."""
    lines = [b for b in blocks if isinstance(b, Line)]
    if len(lines) != len(blocks) or len(lines) > settings.max_gap_lines:
        return False
    markers = _footnote_markers(current, settings) if current is not None else set()
    return all(PAGE_NUMBER.match(ln.text) or len(ln.text) <= 3 or _is_footnote(ln.text, markers) for ln in lines)


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
    # (a lettered item's letter alone in its code cell, "b", opens a row: no sentence goes on)
    return (filled[0][0].islower() and not lone_letter(filled[0])) or not _starts_item(row)


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
        mapping = (
            column_map(current.col_edges, block.col_edges, settings.edge_tolerance) if current is not None else None
        )
        # Where the boundaries differ (an unruled table's columns found anew on each piece), the
        # words' own places may still put every cell under one of the table's columns (in this
        # page's pixels: a scanned page may be the same paper at another size).
        placed = (
            cell_columns(
                scaled_edges(current.col_edges, page_scale(doc, current.pages[0], block.page)),
                rows,
                settings.edge_tolerance,
            )
            if current is not None and mapping is None
            else None
        )
        gap = blocks[last_index + 1 : index]
        again = _header_again(rows, current.header, settings) if current is not None else 0
        continues = current is not None and (
            (abs(block.n_cols - current.n_cols) <= 1 and _is_gap(gap, settings, current))
            or (
                (mapping is not None or placed is not None)
                and _continues_over_page_turn(rows, gap, block.page - last_page, current, settings)
            )
            or (placed is not None and _goes_on_below(rows, gap, block.page - last_page, current, settings))
            or _under_running_line(rows, gap, block, current, mapping is not None or placed is not None, settings)
            or headless_piece_goes_on(
                gap,
                block.page - last_page,
                mapping is not None or placed is not None,
                # (a piece opening on the table's own header again is its next part: "Phần II." above it)
                0 if again else header_row_count([r.cells for r in rows], settings.max_header_rows),
                _numbering_continues(current, rows[again:], settings),
                settings.max_page_turn_lines,
            )
        )
        # A numbered heading between the pieces ("3. CẢI CÁCH …") heads a table of its own.
        continues = continues and not any(isinstance(b, Line) and heads_a_table(b.text) for b in gap)
        if continues and current is not None:
            if mapping is not None and mapping != list(range(current.n_cols)):
                remap_columns(rows, mapping, current.n_cols)
            elif mapping is None and placed is not None:
                place_cells(rows, placed, current.n_cols)
            repeated = 0
            while rows and _repeats(rows[0].cells, current.header, settings.header_repeat_similarity):
                rows.pop(0)
                repeated += 1
            if _restarts_numbering(current, rows, repeated > 0):
                continues = False
                rows = _fragment_rows(block, fragment)
            else:
                rows = _without_header_repeats(rows, current.header, settings.header_repeat_similarity)
        if continues and current is not None:
            realign_rows(rows, column_numbers(current.header, current.n_cols))
            if rows and current.rows and head_from_gap(gap, rows[0], _row_code(current.rows[-1])):
                pass  # (its first row opened by the coded line above it: no cut row to mend)
            elif rows and current.rows and _finishes_cut_row(rows[0]) and not opens_own_row(current.rows[-1], rows[0]):
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
            current.block_end = index
        else:
            texts = [r.cells for r in rows]
            # A sheet's merged title rows over its header are no column labels: the header is
            # looked for under them.
            titled = len(full_width_rows(block))
            titled = titled if titled < len(rows) else 0
            k = titled + header_row_count(texts[titled:], settings.max_header_rows)
            if k < len(rows) and _is_column_numbers(texts[k]):
                k += 1
            header = [r.cells for r in rows[titled:k] if not _is_column_numbers(r.cells)]
            numbered = [r.cells for r in rows[titled:k] if _is_column_numbers(r.cells)]
            rows = rows[:k] + _without_header_repeats(rows[k:], header, settings.header_repeat_similarity)
            realign_rows(rows[k:], column_numbers(header, block.n_cols))
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
                    column_marks=column_marks(numbered[-1]) if numbered else [],
                    block_end=index,
                )
            )
        fragment += 1
        last_index = index
        last_page = max(block.page, block.page_end)
    return [halves_in_order(t) for t in joined]  # a table printed in two halves: read in order


def _under_running_line(
    rows: list[JoinedRow], gap: list, block: Table, table: JoinedTable, placed: bool, settings: JoinSettings
) -> bool:
    """The fragment goes on the table under a running "(tiếp theo)" line (``running_lines``): its
    columns placed under the table's, or as many where either's boundaries are unknown (a scan's)."""
    known = bool(table.col_edges) and bool(block.col_edges)
    return bool(rows) and continues_under_running_line(
        gap,
        block.page - max(table.pages),
        placed or (not known and block.n_cols == table.n_cols),
        header_row_count([r.cells for r in rows], settings.max_header_rows) == 0
        or _repeats(rows[0].cells, table.header, settings.header_repeat_similarity)
        or (_finishes_cut_row(rows[0]) and goes_on_in_lower_case(rows[0].cells)),
        settings.max_page_turn_lines,
    )


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


def _goes_on_below(
    rows: list[JoinedRow], gap: list, page_step: int, table: JoinedTable, settings: JoinSettings
) -> bool:
    """A piece straight under the table on the same page (nothing between), that carries on its
    numbering or finishes its last row: the table the finder cut in two where a wrapped line
    drew other column boundaries."""
    if page_step != 0 or gap or not rows or not table.rows:
        return False
    return _numbering_continues(table, rows, settings) or _finishes_cut_row(rows[0])


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


def _head_of_cut_row(last: JoinedRow, first: JoinedRow) -> bool:
    """The table's last row is the top of a row the page break cut whose code and numbers were
    printed (vertically centred) on the next page: it has only text, no code and no number, and
    the next page's first row has a code and text carrying on in lower case."""
    if not last.cells or last.cells[0].strip() or not first.cells or not first.cells[0].strip():
        return False
    filled = [c.strip() for c in last.cells if c.strip()]
    if not filled or any(figures_only(c) for c in filled):
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
    row.cut_by_page_edge = row.cut_by_page_edge or head.cut_by_page_edge


def _finishes_cut_row(row: JoinedRow) -> bool:
    """A fragment's first row that is the rest of a row the page break cut: no code, and text
    carrying on (its first cell empty, or starting in lower case)."""
    first = row.cells[0].strip() if row.cells else ""
    if first and not (first[0].islower() and not _starts_item(row)):
        return False
    return _continues_text(row)


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
    previous.cut_by_page_edge = previous.cut_by_page_edge or continuation.cut_by_page_edge


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

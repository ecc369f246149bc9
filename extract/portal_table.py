"""Tables of web-portal text exports: every cell ends in "|", long rows hard-wrapped over the next
physical lines (``bar_table``), or each cell's lines followed by a line holding only "|"
(``cell_lines_table``)."""

from __future__ import annotations

import regex as re

from extract.text_settings import TextReaderSettings
from normalize.lazy_regex import lazy_compile

# A physical line that starts a table row: a code, then the bar closing its cell.
_ROW_START = lazy_compile(r"^\s*\|?\s*(?:[IVX]{1,5}|\d{1,2}(?:\.\d{1,2}){0,3}|[a-zđ]\))\.?\s*\|")


def _bars(text: str) -> int:
    return len(re.findall(r"(?<!\\)\|", text))


def bar_table(
    lines: list[str], start: int, settings: TextReaderSettings = TextReaderSettings()
) -> tuple[list[list[str]], int] | None:
    """A web-portal table starting at ``lines[start]``: every cell ends in "|", and a row too
    long for the export's line width goes on over the next physical lines (cut inside a cell or
    between cells). The column count is the bar count most rows that fit on one line have;
    physical lines are joined until a row has its bars. Returns the rows' cells and the index
    after the table, or None when the lines there are not such a table."""
    first = lines[start].strip()
    if "|" not in first or _bars(first) < 2 or (first.startswith("|") and not first.endswith("|")):
        return None
    if _ROW_START.match(first) and not _above(lines, start).endswith("|"):
        # (a data row first, under a line no bar closes: a portal prints its header row above its
        # rows, closed by a bar as each is; rows barred under a header of words are an OCR dump's,
        # its ruling lines read as bars, "| 3. | Cải cách thủ tục hành chính | 145 |")
        return None
    lead = first.startswith("|")  # "|a|b|" rows: the bar before the first cell opens nothing
    # The column count is judged on the run's first lines (a run of text lines with stray bars
    # then costs no scan to its end from each of its lines).
    window = _run(lines, start, settings.bar_table_window)
    whole = [
        _bars(line) - lead for k, line in enumerate(window) if line.endswith("|") and (k == 0 or _ROW_START.match(line))
    ]
    whole = [n for n in whole if n >= settings.bar_table_min_cols]
    rows_bars = _row_bar_counts(window, lead, truncated=len(window) == settings.bar_table_window)
    stream_cols: int | None = None
    if len(whole) < settings.bar_table_min_rows:
        # A narrow export wraps nearly every row (the header too), so few rows fit on one line:
        # the rows are then judged over all their lines.
        stream_cols = _stream_column_count(window, lead, settings)
        if stream_cols is None:
            return None
    n_cols = _column_count(whole, rows_bars) if stream_cols is None else stream_cols
    run = _run(lines, start, len(lines))
    rows: list[tuple[list[str], tuple[int, ...] | None]] = []
    buffer: str | None = None
    shape: tuple[int, ...] | None = None  # bar positions of a row printed on one physical line
    k = 0
    for k, line in enumerate(run):
        if buffer is None:
            if "|" not in line:
                break  # text under the table
            buffer = line[1:] if lead and line.startswith("|") else line
            shape = _bar_positions(lines[start + k])
        elif buffer.endswith("|") and _bars(buffer) >= n_cols - 1 and _ROW_START.match(line):
            rows.append((_bar_cells(buffer, n_cols), shape))  # a row printed without its last empty cell
            buffer = line[1:] if lead and line.startswith("|") else line
            shape = _bar_positions(lines[start + k])
        else:
            buffer, shape = f"{buffer} {line}", None
        if _bars(buffer) >= n_cols:
            rows.append((_bar_cells(buffer, n_cols), shape))
            buffer = None
    else:
        k = len(run)
    if buffer is not None:
        rows.append((_bar_cells(buffer, n_cols), None))
    if len(rows) < settings.bar_table_min_rows:
        # One line with bars among lines without: a row of an OCR dump whose ruling lines were
        # read as bars (the rows seen further down the run are not this table's), no portal table.
        return None
    joined = _join_wrapped_cells(rows)
    if sum(bool(_STT_CELL.match(row[0].strip())) for row in joined if row) < settings.bar_table_min_code_share * len(
        joined
    ):
        return None  # no numbering column: bars OCR read in a ruled table's dump, no portal table
    if sum(any(_OCR_SPECK.search(cell) for cell in row) for row in joined) > settings.bar_table_max_speck_share * len(
        joined
    ):
        return None  # ruling lines OCR read as brackets and strokes: a ruled table's dump
    return joined, start + k


def _above(lines: list[str], start: int) -> str:
    """The nearest line with text above ``lines[start]`` (stripped), "" when none."""
    return next((line.strip() for line in reversed(lines[:start]) if line.strip()), "")


# A numbering column's cell: a code, the column's header word, or nothing.
_STT_CELL = lazy_compile(r"^(?:(?:[IVX]{1,5}|\d{1,2}(?:\.\d{1,2}){0,3}|[a-zđ]\)|S?TT|Số\s*TT|Mã\s*số)\.?)?$", re.I)


# Marks Tesseract makes of ruling lines and specks, which typed text has no use for: brackets,
# tildes, underscores, guillemets, and a horizontal rule read as a run of dashes ("16 —ƑT————").
_OCR_SPECK = lazy_compile(r"[\[\]{}~_«»™]|[—–]{2,}")


def _row_bar_counts(window: list[str], lead: bool, truncated: bool) -> list[int]:
    """The bars of each row of the run: a row opens on a line starting with a code (or the run's
    first line, the header) and goes on over the lines after it, up to the next such line. Only
    rows whose last line closes a cell count; the window's last row is left out when the window
    cut the run."""
    counts: list[int] = []
    current: int | None = None
    closed = False
    for k, line in enumerate(window):
        if k == 0 or _ROW_START.match(line):
            if current is not None and closed:
                counts.append(current)
            current = _bars(line) - (lead and line.startswith("|"))
        elif current is not None:
            current += _bars(line)
        closed = line.endswith("|")
    if current is not None and closed and not truncated:
        counts.append(current)
    return counts


def _stream_column_count(window: list[str], lead: bool, settings: TextReaderSettings) -> int | None:
    """The column count of a run whose rows nearly all wrap (the header too), so that few rows
    fit on one line and a wrapped line may even start with a number ("10 | Công văn số … |", the
    self points going on): the smallest count that splits the run, lines joined until a row has
    its bars, into rows closing at a line's end, nearly all opening on a numbering cell (a code,
    the column's header word or nothing). A doubled count splits too (two rows read as one): the
    smallest is the table's. None when no count splits the run so."""
    most = sum(_bars(line) for line in window) // (settings.bar_table_min_rows + 1)
    for n_cols in range(settings.bar_table_min_cols, most + 1):
        rows = _stream_rows(window, lead, n_cols)
        if rows is None or len(rows) <= settings.bar_table_min_rows:
            continue  # the header and fewer rows than a table has: no count judged on so few
        numbered = sum(bool(_STT_CELL.match(first)) for first in rows)
        if numbered >= settings.bar_table_min_code_share * len(rows):
            return n_cols
    return None


def _stream_rows(window: list[str], lead: bool, n_cols: int) -> list[str] | None:
    """The first cells of the rows of ``window`` read as an export of ``n_cols`` columns, or None
    when a row's bars do not close at the end of a line (the count is not the table's). The last
    row may be left open: the window can cut the run."""
    firsts: list[str] = []
    buffer = ""
    for line in window:
        buffer = f"{buffer} {line}" if buffer else (line[1:] if lead and line.startswith("|") else line)
        bars = _bars(buffer)
        if bars < n_cols:
            continue
        if bars > n_cols or not buffer.endswith("|"):
            return None
        firsts.append(re.split(r"(?<!\\)\|", buffer, maxsplit=1)[0].strip())
        buffer = ""
    return firsts


def _column_count(whole: list[int], rows: list[int]) -> int:
    """The table's column count. A row printed on one line shows it by its bars, but an export that
    wraps a row between two cells ("| 10 | 0 |" then "Kế hoạch số ... |") prints lines ending in a
    bar with a cell still to come: when most rows wrap, the one-line count is a cell short. So each
    candidate count is judged by the rows (over all their lines) whose bars it divides: exports that
    print the rest of a wrapped row on a line of its own with all its bars give multiples."""
    candidates = set(whole) | {n for n in rows if n >= min(whole)}

    def support(n: int) -> tuple[int, int, int]:
        return (sum(1 for m in rows if m % n == 0), whole.count(n), n)

    return max(candidates, key=support)


def _run(lines: list[str], start: int, limit: int) -> list[str]:
    """Up to ``limit`` stripped lines from ``start`` to the next blank line or page break."""
    out = []
    for line in lines[start : start + limit]:
        if not line.strip() or line == "\f":
            break
        out.append(line.strip())
    return out


def _bar_positions(line: str) -> tuple[int, ...]:
    return tuple(m.start() for m in re.finditer(r"(?<!\\)\|", line.rstrip()))


def _bar_cells(row: str, n_cols: int) -> list[str]:
    cells = [c.strip() for c in re.split(r"(?<!\\)\|", row)]
    if cells and not cells[-1]:
        cells.pop()  # the bar closing the last cell
    if len(cells) > n_cols:  # a bar inside a cell's text: it belongs to the widest reading
        cells = cells[: n_cols - 1] + [" | ".join(cells[n_cols - 1 :])]
    return cells + [""] * (n_cols - len(cells))


_BARE_NUMBER = lazy_compile(r"^[\d.,%]+$")


def _join_wrapped_cells(rows: list[tuple[list[str], tuple[int, ...] | None]]) -> list[list[str]]:
    """Exports that wrap inside each cell print the rest of a row on lines of their own, with
    all its bars and an empty first cell. Such a line continues the row above, cell by cell,
    when its text starts in lower case, or when its bars stand where the line above had them
    (the same column layout) and no cell of it is a number (a total row keeps its own)."""
    out: list[list[str]] = []
    above: tuple[int, ...] | None = None
    for cells, shape in rows:
        filled = [c for c in cells if c]
        same_columns = shape is not None and shape == above and not any(_BARE_NUMBER.match(c) for c in filled)
        if out and not cells[0] and filled and (filled[0][0].islower() or same_columns):
            out[-1] = [f"{a} {b}".strip() for a, b in zip(out[-1], cells)]
        else:
            out.append(cells)
        above = shape
    return out


def cell_lines_table(
    lines: list[str], start: int, settings: TextReaderSettings = TextReaderSettings()
) -> tuple[list[list[str]], int] | None:
    """A portal export that prints every cell's text (over as many lines as it needs) and then a
    line holding only "|", and closes each row with one more "|". Empty cells and row ends both
    read as a bare "|" after a "|": the column count is the one that splits the run into rows
    each closed by an empty entry. Returns the rows and the index after the table, or None."""
    ahead = lines[start : start + settings.max_cell_lines + 1]
    if "|" in lines[start] or not any("|" in line and line.strip() == "|" for line in ahead):
        return None  # looked at first, so plain text costs no scan to the end of its run
    run = _run(lines, start, len(lines))
    end = start + len(run)
    if (
        not run
        or run[0] == "|"
        or "|" not in run[: settings.max_cell_lines + 1]
        or any("|" in line and line != "|" for line in run)
    ):
        return None
    entries: list[str] = []
    text: list[str] = []
    for line in run:
        if line == "|":
            entries.append(" ".join(text))
            text = []
        else:
            text.append(line)
    if text:  # lines after the last bar are not part of the table
        end -= len(text)
    for n_cols in range(settings.bar_table_min_cols, len(entries) // settings.bar_table_min_rows):
        if len(entries) % (n_cols + 1):
            continue
        rows = [entries[i : i + n_cols + 1] for i in range(0, len(entries), n_cols + 1)]
        # The smallest such count: a multiple of the rows (two rows read as one) splits too.
        if rows[0][0] and all(not row[-1] for row in rows):
            return [row[:-1] for row in rows], end
    return None

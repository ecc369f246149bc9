"""Reader for ``.txt`` / ``.md`` exports: markdown with inline HTML, tab-separated table rows,
pipe tables, HTML tables, page breaks; UTF-8 (with or without BOM), UTF-16, Windows-1258."""

from __future__ import annotations

import codecs
import unicodedata
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import regex as re

from extract.base import DocumentReader, IngestError
from extract.limits import Limits, MiB, check, memory_error
from extract.model import Cell, IngestedDocument, Line, Page, Table
from normalize.lazy_regex import lazy_compile
from normalize.text import column_pieces, is_bold_markup, is_italic_markup, nfc, strip_markup


@dataclass(frozen=True)
class TextReaderSettings:
    # OCR dumps separate pages by runs of blank lines; typed exports use form feeds.
    blank_lines_page_break: int = 3
    # Explicit page-break markers some exporters write on a line of their own.
    page_break_markers: tuple[str, ...] = ("<!-- pagebreak -->", "<!-- page break -->", "\\pagebreak", "\\newpage")
    # Share of decoded characters that must be ordinary text for a legacy decoding to be trusted.
    min_printable_share: float = 0.97
    # Web-portal exports end every cell with "|" and hard-wrap long rows onto the next lines:
    # a run of lines is such a table when at least this many of its lines end a row of at
    # least ``bar_table_min_cols`` cells.
    bar_table_min_rows: int = 2
    bar_table_min_cols: int = 3
    # Lines of a run the column count of a bar table is judged on.
    bar_table_window: int = 200
    # Share of a bar table's rows whose first cell is an STT cell (a code, its header word or
    # empty): an export's first column is the numbering; an OCR dump whose ruling lines were read
    # as bars puts specks and the name's words there ("—... | Xây dựng …", "A. Cải cách … -_|").
    bar_table_min_code_share: float = 0.8
    # Share of a bar table's rows that may hold an OCR speck (``_OCR_SPECK``): an export's cells
    # are typed text; Tesseract reads the ruling lines of a scanned table as "[", "]", "~", "_" or
    # dash runs glued into its words ("[So phan anh", "SOG]", "dinghanSSS~S~S"), the code column's bar too,
    # so this holds when the numbering column happened to be read clean.
    bar_table_max_speck_share: float = 0.2
    # Lines one cell of a "cell then a bar line" export may take (a long name wrapped).
    max_cell_lines: int = 20
    # NUL bytes in a UTF-8/legacy file up to this share (and at least ``stray_nuls_min``) are
    # stray (a copy-paste or a bad export), removed with a warning; more means binary data.
    stray_nuls_share: float = 0.001
    stray_nuls_min: int = 16


_HEADING = lazy_compile(r"^(#{1,6})\s+(.*)$")
_PIPE_SEPARATOR = lazy_compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_FORM_FEED = "\f"
_LIST_ITEM_TAG = lazy_compile(r"<\s*li\b[^>]*>", re.I)


def decode_text(data: bytes, settings: TextReaderSettings = TextReaderSettings()) -> tuple[str, str]:
    """Decode bytes of a text export; returns (text, encoding name). Raises IngestError when the
    bytes are not text in any encoding we accept."""
    if data.startswith(codecs.BOM_UTF8):
        return _checked(data[3:], "utf-8"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _checked(data, "utf-16"), "utf-16"
    # UTF-16 without BOM: every other byte NUL in Latin-heavy text.
    if len(data) >= 4 and data.count(b"\x00") > len(data) // 4:
        for enc in ("utf-16-le", "utf-16-be"):
            try:
                text = data.decode(enc)
            except UnicodeDecodeError:
                continue
            if _printable_share(text) >= settings.min_printable_share:
                return text, enc
        raise IngestError("unreadable encoding: binary data, not text (NUL bytes)")
    if b"\x00" in data:
        raise IngestError("unreadable encoding: binary data, not text (NUL bytes)")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1258")
    except UnicodeDecodeError:
        raise IngestError("unreadable encoding: not UTF-8, UTF-16 or Windows-1258") from None
    if _printable_share(text) < settings.min_printable_share:
        raise IngestError("unreadable encoding: not UTF-8, UTF-16 or Windows-1258")
    return text, "windows-1258"


def _checked(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise IngestError(f"unreadable encoding: invalid {encoding} at byte {exc.start}") from None


def _printable_share(text: str) -> float:
    if not text:
        return 1.0
    ok = sum(1 for ch in text if ch in "\n\r\t\f" or unicodedata.category(ch)[0] in "LNPZSM")
    return ok / len(text)


class _HtmlTableParser(HTMLParser):
    """Collects the cells of one HTML <table> with their spans."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.rows: list[list[tuple[str, int, int, bool]]] = []
        self._cell: list[str] | None = None
        self._span = (1, 1)
        self._bold = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th"):
            if not self.rows:
                self.rows.append([])
            self._cell = []
            self._span = (_int(a.get("rowspan")), _int(a.get("colspan")))
            self._bold = tag == "th"
        elif tag in ("b", "strong") and self._cell is not None and not "".join(self._cell).strip():
            self._bold = True
        elif tag in ("br", "p", "li") and self._cell is not None:
            self._cell.append(" ")

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._cell is not None:
            text = strip_markup("".join(self._cell))
            self.rows[-1].append((text, self._span[0], self._span[1], self._bold))
            self._cell = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)


def _int(v: str | None) -> int:
    try:
        return max(1, int((v or "1").strip()[:12]))  # 12 digits: no int() of a 10,000-digit string
    except ValueError:
        return 1


def html_table(markup: str, page: int, line_start: int, line_end: int, limits: Limits = Limits()) -> Table:
    """Place HTML cells on a grid, honouring rowspan/colspan. Spans are clamped as browsers do,
    and the grid cells they cover are counted before they are allocated."""
    parser = _HtmlTableParser()
    parser.feed(markup)
    occupied: set[tuple[int, int]] = set()
    cells: list[Cell] = []
    n_cols = 0
    covered = 0
    for r, row in enumerate(parser.rows):
        c = 0
        for text, rs, cs, bold in row:
            rs, cs = min(rs, limits.max_rowspan), min(cs, limits.max_colspan)
            covered += rs * cs
            check(covered, limits.max_table_cells, "table too large (cells and their spans)", " cells")
            while (r, c) in occupied:
                c += 1
            cells.append(Cell(row=r, col=c, text=text, row_span=rs, col_span=cs, bold=bold))
            for rr in range(r, r + rs):
                for cc in range(c, c + cs):
                    occupied.add((rr, cc))
            c += cs
            n_cols = max(n_cols, c)
    n_rows = max([r + 1 for r, _ in occupied] + [len(parser.rows)])
    return Table(
        page=page, cells=cells, n_rows=n_rows, n_cols=n_cols, source="html", line_start=line_start, line_end=line_end
    )


def _rows_table(
    rows: list[list[str]], page: int, line_start: int, line_end: int, source: str, limits: Limits = Limits()
) -> Table:
    n_cols = max(len(r) for r in rows)
    check(
        len(rows) * n_cols,
        limits.max_table_cells,
        f"table too large ({len(rows):,} rows × {n_cols:,} columns)",
        " cells",
    )
    cells = []
    for r, row in enumerate(rows):
        for c, raw in enumerate(row):
            cells.append(
                Cell(row=r, col=c, text=strip_markup(raw), bold=is_bold_markup(raw) and bool(strip_markup(raw)))
            )
    return Table(
        page=page, cells=cells, n_rows=len(rows), n_cols=n_cols, source=source, line_start=line_start, line_end=line_end
    )


def wrap_long_line(line: str, width: int) -> list[str]:
    """A line cut into pieces of at most ``width`` characters, at the last space of each window
    when there is one; linear in the line's length."""
    if len(line) <= width:
        return [line]
    pieces, start = [], 0
    while len(line) - start > width:
        cut = line.rfind(" ", start + 1, start + width + 1)
        end = cut if cut > start else start + width
        pieces.append(line[start:end])
        start = end + 1 if cut > start else end
    pieces.append(line[start:])
    return pieces


def parse_text(
    text: str,
    settings: TextReaderSettings = TextReaderSettings(),
    limits: Limits = Limits(),
    warnings: list[str] | None = None,
) -> list[Page]:
    """Split an export into pages of lines and tables."""
    text = nfc(text.replace("\r\n", "\n").replace("\r", "\n"))
    # Form feeds become marker lines; each line keeps its number in the file.
    raw_lines: list[str] = []
    numbers: list[int] = []
    for number, line in enumerate(text.split("\n"), start=1):
        for k, part in enumerate(line.split("\f")):
            if k:
                raw_lines.append(_FORM_FEED)
                numbers.append(number)
            # A whole file on one line: every per-line step downstream would be quadratic in it.
            pieces = wrap_long_line(part, limits.max_line_chars)
            if len(pieces) > 1 and warnings is not None:
                warnings.append(
                    f"line {number}: {len(part):,} characters cut into {len(pieces):,} lines of at most "
                    f"{limits.max_line_chars:,}"
                )
            raw_lines.extend(pieces)
            numbers.extend([number] * len(pieces))
    pages: list[Page] = [Page(number=1, method="text")]
    blank_run = 0
    in_bold = False  # **bold** may span lines ("**TM. ỦY BAN  \nCHỦ TỊCH**")
    i = 0
    n = len(raw_lines)

    def new_page() -> None:
        if pages[-1].blocks:
            pages.append(Page(number=len(pages) + 1, method="text"))

    while i < n:
        raw = raw_lines[i]
        number = numbers[i]
        if raw == _FORM_FEED:
            new_page()
            blank_run = 0
            i += 1
            continue
        stripped = raw.strip()
        if not stripped:
            blank_run += 1
            if blank_run == settings.blank_lines_page_break:
                new_page()
            i += 1
            continue
        blank_run = 0
        if stripped.lower() in settings.page_break_markers:
            new_page()
            i += 1
            continue
        page = pages[-1]
        # HTML table: collect up to </table>.
        if re.match(r"<\s*table\b", stripped, re.I):
            j = i
            chunk = []
            while j < n:
                chunk.append(raw_lines[j])
                if re.search(r"</\s*table\s*>", raw_lines[j], re.I):
                    break
                j += 1
            page.blocks.append(html_table("\n".join(chunk), page.number, number, numbers[min(j, n - 1)], limits))
            i = j + 1
            continue
        # Markdown pipe table: header row, separator row, body rows.
        if stripped.startswith("|") and i + 1 < n and _PIPE_SEPARATOR.match(raw_lines[i + 1]):
            rows = [_pipe_cells(stripped)]
            j = i + 2
            while j < n and raw_lines[j].strip().startswith("|"):
                rows.append(_pipe_cells(raw_lines[j].strip()))
                j += 1
            page.blocks.append(_rows_table(rows, page.number, number, numbers[j - 1], "markdown", limits))
            i = j
            continue
        # Bar-terminated rows of a web-portal export, wrapped rows joined.
        found = bar_table(raw_lines, i, settings) or cell_lines_table(raw_lines, i, settings)
        if found is not None:
            rows, j = found
            page.blocks.append(_rows_table(rows, page.number, number, numbers[j - 1], "portal"))
            i = j
            continue
        # Tab-separated rows: a run of consecutive lines holding a tab.
        if "\t" in raw:
            rows = []
            j = i
            while j < n and "\t" in raw_lines[j]:
                rows.append(raw_lines[j].rstrip("\n").split("\t"))
                j += 1
            page.blocks.append(_rows_table(rows, page.number, number, numbers[j - 1], "tsv", limits))
            i = j
            continue
        # A line of markdown / inline HTML. List items become "- item" lines.
        if _LIST_ITEM_TAG.search(raw):
            items = [p for p in _LIST_ITEM_TAG.split(raw)]
            head, items = items[0], items[1:]
            if strip_markup(head):
                page.blocks.append(Line(text=strip_markup(head), page=page.number, number=number))
            for item in items:
                t = strip_markup(item)
                if t:
                    page.blocks.append(Line(text="- " + t, page=page.number, number=number))
            i += 1
            continue
        heading = 0
        body = stripped
        m = _HEADING.match(stripped)
        if m:
            heading, body = len(m.group(1)), m.group(2)
        bold = in_bold or is_bold_markup(body)
        if body.count("**") % 2 == 1:
            in_bold = not in_bold
        line_text = strip_markup(body)
        if line_text:
            pieces = [strip_markup(p) for p in column_pieces(body)]
            page.blocks.append(
                Line(
                    text=line_text,
                    page=page.number,
                    number=number,
                    bold=bold,
                    heading=heading,
                    italic=is_italic_markup(body),
                    columns=pieces if all(pieces) else [],
                )
            )
        i += 1
    if len(pages) > 1 and not pages[-1].blocks:
        pages.pop()
    return pages


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


def _pipe_cells(row: str) -> list[str]:
    row = row.strip()
    if row.startswith("|"):
        row = row[1:]
    if row.endswith("|") and not row.endswith("\\|"):
        row = row[:-1]
    return [c.strip() for c in re.split(r"(?<!\\)\|", row)]


class TextReader(DocumentReader):
    format_name = "txt"

    def __init__(self, options=None, settings: TextReaderSettings = TextReaderSettings()) -> None:
        super().__init__(options)
        self.settings = settings

    def read(self, path: Path) -> IngestedDocument:
        limits = self.options.limits
        check(path.stat().st_size, limits.max_text_bytes, "text file too large", " MiB", MiB)
        data = path.read_bytes()
        warnings: list[str] = []
        data = drop_stray_nuls(data, self.settings, warnings)
        text, encoding = decode_text(data, self.settings)
        if not text.strip():
            raise IngestError("empty document: no text")
        fmt = "md" if path.suffix.lower() in (".md", ".markdown") else "txt"
        try:
            pages = parse_text(text, self.settings, limits, warnings)
        except MemoryError:
            raise memory_error("text file") from None
        return IngestedDocument(path=str(path), format=fmt, pages=pages, encoding=encoding, warnings=warnings)


def drop_stray_nuls(data: bytes, settings: TextReaderSettings, warnings: list[str]) -> bytes:
    """A few NUL bytes in an 8-bit text file removed (with a warning); UTF-16 (NULs are half its
    bytes) and binary data (many NULs) are left for ``decode_text`` to judge."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data
    nuls = data.count(b"\x00")
    if not nuls or nuls > max(settings.stray_nuls_min, settings.stray_nuls_share * len(data)):
        return data
    warnings.append(f"{nuls} NUL byte{'s' if nuls > 1 else ''} removed from the text")
    return data.replace(b"\x00", b"")

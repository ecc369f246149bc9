"""Reader for ``.txt`` / ``.md`` exports: markdown with inline HTML, tab-separated table rows,
pipe tables, HTML tables, page breaks; UTF-8 (with or without BOM), UTF-16, Windows-1258."""

from __future__ import annotations

import codecs
import unicodedata
from html.parser import HTMLParser
from pathlib import Path

import regex as re

from extract.base import DocumentReader, IngestError
from extract.limits import Limits, MiB, check, memory_error
from extract.model import Cell, IngestedDocument, Line, Page, Table
from extract.portal_table import bar_table, cell_lines_table
from extract.text_settings import TextReaderSettings
from normalize.lazy_regex import lazy_compile
from normalize.text import column_pieces, is_bold_markup, is_italic_markup, nfc, strip_markup

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

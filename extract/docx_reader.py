"""Reader for ``.docx`` (Word 2007+): paragraphs and tables in document order, merged cells
resolved to spans, bold and heading levels kept, page breaks starting new pages.

We walk the body XML ourselves instead of using ``Document.paragraphs``/``Document.tables``: those
lose the order between paragraphs and tables, and python-docx's ``table.cell(r, c)`` returns a
merged cell once per covered position (the duplicated-text bug other converters have).
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import regex as re

from extract.base import DocumentReader, IngestError, IngestOptions
from extract.docx_nested import data_tables, detached, frame_contents, inner_tables, row_cells
from extract.docx_numbering import list_labels
from extract.docx_pictures import (
    PagePicture,
    PagePictureSettings,
    is_page_picture,
    ocr_picture,
    paragraph_pictures,
)
from extract.docx_tab_stops import ParagraphStops, line_stops, paragraph_stops
from extract.docx_textboxes import own_runs, text_boxes_table
from extract.docx_xml import child, on_off
from extract.limits import Limits, MiB, check, memory_error
from extract.model import Cell, IngestedDocument, Line, Page, Table
from normalize.lazy_regex import lazy_compile
from normalize.text import column_pieces, fold_spaces, nfc

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy .doc, or an encrypted .docx
_HEADING_STYLE = lazy_compile(r"^(?:heading|tiêu đề|titre|überschrift)\s*(\d)$", re.I)
# Tags compared per paragraph and run, made once (not a string concatenation per comparison).
_P, _PPR, _PSTYLE, _RPR, _RSTYLE, _VAL = W + "p", W + "pPr", W + "pStyle", W + "rPr", W + "rStyle", W + "val"
_T, _TAB, _BR, _NO_BREAK_HYPHEN = W + "t", W + "tab", W + "br", W + "noBreakHyphen"
_RENDERED_BREAK = W + "lastRenderedPageBreak"
_PAGE_BREAK = object()  # marker between text pieces of a paragraph
_LINE_BREAK = object()


@dataclass(frozen=True)
class DocxReaderSettings:
    # Twips (1/20 pt) to points for page sizes.
    twips_per_point: float = 20.0
    # Word writes lastRenderedPageBreak where it last laid out a page; trust it as a page break.
    use_rendered_breaks: bool = True
    # A table set inside a cell of another table is read as a table of its own from this many rows
    # and grid columns (extract.docx_nested); smaller ones (a Decree 30 header's layout) stay flattened.
    lift_min_rows: int = 3
    lift_min_cols: int = 3
    # Pictures of pages pasted into the document (a scanned signed table): OCR'd as pages of their
    # own (extract.docx_pictures); False leaves every picture unread, as before.
    ocr_page_pictures: bool = True
    pictures: PagePictureSettings = PagePictureSettings()


@dataclass
class _Styles:
    """Bold and outline level per style id, resolved through ``basedOn`` chains. A style is read
    the first time a paragraph or run asks for it (a document's styles.xml defines ~160 styles,
    Word's latent ones among them, and its text uses a handful); what it resolves to is kept for
    the rest of this document."""

    # The style elements by id (the last of a repeated id, as Word reads them).
    elements: dict = field(default_factory=dict)
    # The label Word's automatic numbering shows before each numbered paragraph ("1.", "a)").
    labels: dict = field(default_factory=dict)
    # style id → (basedOn, bold, outline level, name), read from its element on first use
    read: dict = field(default_factory=dict)
    bold: dict[str, bool] = field(default_factory=dict)
    heading: dict[str, int] = field(default_factory=dict)

    @classmethod
    def from_document(cls, document) -> _Styles:
        styles = cls(labels=list_labels(document))
        try:
            root = document.styles.element
        except Exception:  # a package without styles.xml
            return styles
        # (the styles are the root's children: the search stops there, not in each style's properties)
        styles.elements = {st.get(W + "styleId") or "": st for st in root.iterchildren(W + "style")}
        return styles

    def _entry(self, sid: str) -> tuple[str | None, bool | None, int | None, str] | None:
        if sid not in self.read:
            st = self.elements.get(sid)
            if st is None:
                self.read[sid] = None
            else:
                based = st.find(W + "basedOn")
                name = st.find(W + "name")
                outline = st.find(f"{W}pPr/{W}outlineLvl")
                self.read[sid] = (
                    based.get(W + "val") if based is not None else None,
                    on_off(st.find(W + "rPr"), "b"),
                    int(outline.get(W + "val")) + 1
                    if outline is not None and outline.get(W + "val", "").isdigit()
                    else None,
                    name.get(W + "val", "") if name is not None else "",
                )
        return self.read[sid]

    def _resolve(self, sid: str, index: int, depth: int = 0):
        entry = self._entry(sid)
        if entry is None or depth > 20:
            return None
        value = entry[index]
        return value if value is not None else (self._resolve(entry[0], index, depth + 1) if entry[0] else None)

    def is_bold(self, sid: str | None) -> bool:
        """Whether the style (or one it is based on) sets bold; False for an id no style has."""
        if sid is None or sid not in self.elements:
            return False
        if sid not in self.bold:
            self.bold[sid] = bool(self._resolve(sid, 1))
        return self.bold[sid]

    def heading_level(self, sid: str | None) -> int:
        """The style's heading level (1–9, by its name "Heading 2" or its outline level); 0 for
        any other style and for an id no style has."""
        if sid is None or sid not in self.elements:
            return 0
        if sid not in self.heading:
            entry = self._entry(sid)
            name = entry[3].strip() if entry else ""
            m = _HEADING_STYLE.match(name)
            level = int(m.group(1)) if m else (1 if name.lower() == "title" else self._resolve(sid, 2))
            self.heading[sid] = level if level and 1 <= level <= 9 else 0
        return self.heading[sid]


class DocxReader(DocumentReader):
    format_name = "docx"

    def __init__(self, options=None, settings: DocxReaderSettings = DocxReaderSettings()) -> None:
        super().__init__(options)
        self.settings = settings

    def read(self, path: Path) -> IngestedDocument:
        document = open_docx(path, self.options.limits)
        styles = _Styles.from_document(document)
        # (a package with no image part has no picture to look for: no paragraph is searched)
        has_images = any(rel.reltype.endswith("/image") for rel in document.part.rels.values())
        pictures = document.part.related_parts if self.settings.ocr_page_pictures and has_images else None
        builder = _Builder(self.settings, styles, page_size(document, self.settings), self.options, pictures)
        self._walk(builder, document.element.body)
        doc = IngestedDocument(path=str(path), format="docx", pages=builder.finish())
        doc.warnings.extend(builder.warnings)
        if not any(p.blocks for p in doc.pages):
            doc.warnings.append("the document has no text")
        return doc

    def _walk(self, builder: _Builder, parent) -> None:
        """The blocks of ``parent`` (the body, or a frame table's cells) into ``builder``, in order."""
        for block in _body_children(parent):
            if block.tag == W + "p":
                boxes = text_boxes_table(block)
                if boxes is not None:  # floating boxes (a header typed in two), read as a table first
                    builder.table(boxes)
                builder.paragraph(block)
            elif block.tag == W + "tbl":
                self._table(builder, block)

    def _table(self, builder: _Builder, tbl) -> None:
        """A table; a frame round other blocks read as those blocks, data tables set in its cells
        read after it as tables of their own (extract.docx_nested)."""
        inner = inner_tables(tbl)
        if not inner:  # (most tables hold none: read as they are)
            builder.table(tbl)
            return
        framed = frame_contents(tbl, inner)
        if framed is not None:
            for block in framed:
                self._walk(builder, [block])
            return
        lifted = data_tables(inner, self.settings.lift_min_rows, self.settings.lift_min_cols)
        with detached(lifted):
            builder.table(tbl)
        for inner in lifted:
            self._table(builder, inner)


def open_docx(path: Path, limits: Limits = Limits()):
    """The python-docx Document, or IngestError with a one-line reason."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    with path.open("rb") as fh:
        head = fh.read(8)
    if head == _OLE_MAGIC:
        raise IngestError("not a valid .docx: an old .doc or a password-protected file (OLE container)")
    if not zipfile.is_zipfile(path):
        raise IngestError("not a valid .docx (not a zip archive)")
    try:
        check_zip_sizes(path, limits)
        return docx.Document(str(path))
    except MemoryError:
        raise memory_error(".docx") from None
    except IngestError:
        raise
    except (PackageNotFoundError, KeyError) as exc:
        raise IngestError(f"not a valid .docx (no Word document inside: {exc})".splitlines()[0]) from None
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise IngestError(f"corrupt .docx: {exc}".splitlines()[0]) from None
    except Exception as exc:  # lxml.etree.XMLSyntaxError and friends
        raise IngestError(f"corrupt .docx: {type(exc).__name__}: {exc}".splitlines()[0]) from None


def check_zip_sizes(path: Path, limits: Limits) -> None:
    """Refuse a zip bomb before python-docx inflates it: every part's declared size, then its
    real inflated size read in chunks and stopped at the limit (a declared size can lie)."""
    with zipfile.ZipFile(path) as archive:
        infos = archive.infolist()
        for info in infos:
            check(
                info.file_size, limits.max_part_bytes, f"DOCX part too large ({info.filename}, inflated)", " MiB", MiB
            )
        check(
            sum(i.file_size for i in infos),
            limits.max_archive_bytes,
            "DOCX too large (all parts, inflated)",
            " MiB",
            MiB,
        )
        total = 0
        for info in infos:
            size = 0
            with archive.open(info) as part:
                while chunk := part.read(1 << 20):
                    size += len(chunk)
                    check(size, limits.max_part_bytes, f"DOCX part too large ({info.filename}, inflated)", " MiB", MiB)
            total += size
            check(total, limits.max_archive_bytes, "DOCX too large (all parts, inflated)", " MiB", MiB)


def page_size(document, settings: DocxReaderSettings) -> tuple[float | None, float | None]:
    try:
        section = document.sections[0]
        return section.page_width.pt, section.page_height.pt
    except Exception:
        return None, None


def _body_children(body):
    """Block-level children in order, looking through content controls (w:sdt) and tracked
    insertions that wrap paragraphs or tables."""
    for el in body:
        if el.tag in (W + "sdt",):
            content = child(el, W + "sdtContent")
            if content is not None:
                yield from _body_children(content)
        elif el.tag in (W + "customXml", W + "ins"):
            yield from _body_children(el)
        else:
            yield el


def paragraph_pieces(p, styles: _Styles, use_rendered_breaks: bool = True) -> list:
    """A paragraph as a list of ``(text, all_bold)`` pieces separated by line/page-break markers."""
    ppr = child(p, _PPR)
    style_el = child(ppr, _PSTYLE) if ppr is not None else None
    para_style = style_el.get(_VAL) if style_el is not None else "Normal"
    para_bold = styles.is_bold(para_style)
    pieces: list = []
    text: list[str] = []
    bolds: list[bool] = []

    def flush():
        if text:
            pieces.append(("".join(text), bool(bolds) and all(bolds)))
        text.clear()
        bolds.clear()

    label = styles.labels.get(p)
    if label:  # the number Word shows and the text does not hold
        text.append(label + " ")
    for run in own_runs(p):
        rpr = child(run, _RPR)
        run_bold = on_off(rpr, "b")
        if run_bold is None and rpr is not None:
            rstyle = child(rpr, _RSTYLE)
            if rstyle is not None:
                run_bold = styles.is_bold(rstyle.get(_VAL)) or None
        bold = para_bold if run_bold is None else run_bold
        for el in run:
            tag = el.tag
            if tag == _T:
                typed = el.text
                if typed:
                    text.append(typed)
                    if typed.strip():
                        bolds.append(bold)
            elif tag == _TAB:
                text.append("\t")
            elif tag == _NO_BREAK_HYPHEN:
                text.append("-")
            elif tag == _BR:
                kind = el.get(W + "type")
                if kind == "page":
                    flush()
                    pieces.append(_PAGE_BREAK)
                elif kind != "column":
                    flush()
                    pieces.append(_LINE_BREAK)
            elif tag == _RENDERED_BREAK and use_rendered_breaks:
                flush()
                pieces.append(_PAGE_BREAK)
    flush()
    return pieces


def paragraph_heading(p, styles: _Styles) -> int:
    ppr = child(p, _PPR)
    if ppr is None:
        return 0
    outline = child(ppr, W + "outlineLvl")
    if outline is not None and outline.get(W + "val", "").isdigit() and int(outline.get(W + "val")) < 9:
        return int(outline.get(W + "val")) + 1
    style_el = child(ppr, _PSTYLE)
    return styles.heading_level(style_el.get(W + "val")) if style_el is not None else 0


class _Builder:
    """Collects blocks into pages while the body is walked."""

    def __init__(
        self,
        settings: DocxReaderSettings,
        styles: _Styles,
        size,
        options: IngestOptions = IngestOptions(),
        pictures: dict | None = None,
    ) -> None:
        self.settings = settings
        self.options = options  # its limits; its OCR settings for pictures of pages
        self.limits = options.limits
        # The package's parts by relationship id, when pictures of pages are read (else None).
        self.pictures = pictures
        self.styles = styles
        self.width, self.height = size
        self.pages: list[Page] = [self._new_page(1)]
        self.number = 0  # running line number over the document
        self.warnings: list[str] = []

    def _new_page(self, number: int) -> Page:
        return Page(number=number, width=self.width, height=self.height, method="docx")

    def page_break(self) -> None:
        # Word often writes both a hard break and a rendered break for one page turn: an empty
        # page is never started twice.
        if self.pages[-1].blocks:
            self.pages.append(self._new_page(len(self.pages) + 1))

    def _paragraph_stops(self, p, ppr) -> ParagraphStops | None:
        style_el = child(ppr, _PSTYLE) if ppr is not None else None
        return paragraph_stops(p, self.styles.elements.get(style_el.get(W + "val")) if style_el is not None else None)

    def paragraph(self, p) -> None:
        ppr = child(p, _PPR)
        if on_off(ppr, "pageBreakBefore"):
            self.page_break()
        heading = paragraph_heading(p, self.styles)
        stops: ParagraphStops | None = None
        stops_read = False  # the paragraph's tab stops are looked up once, and only for a line with a tab
        first_line = True  # (a line broken by hand starts at the paragraph's left indent)
        for piece in paragraph_pieces(p, self.styles, self.settings.use_rendered_breaks):
            if piece is _PAGE_BREAK:
                self.page_break()
                continue
            if piece is _LINE_BREAK:
                first_line = False
                continue
            typed, bold = piece
            text = nfc(fold_spaces(typed))
            if not text:
                continue
            if "\t" in typed and not stops_read:
                stops, stops_read = self._paragraph_stops(p, ppr), True
            self.number += 1
            page = self.pages[-1]
            pieces = column_pieces(typed)
            page.blocks.append(
                Line(
                    text=text,
                    page=page.number,
                    number=self.number,
                    bold=bold,
                    heading=heading,
                    columns=[nfc(p) for p in pieces],
                    column_stops=line_stops(typed, stops, first_line, pieces),
                )
            )
        if self.pictures is not None:
            for picture in paragraph_pictures(p, self.pictures):
                if is_page_picture(picture, self.width, self.height, self.settings.pictures):
                    self.picture_page(picture)
        # A section break that starts the next section on a new page.
        sect = child(ppr, W + "sectPr") if ppr is not None else None
        if sect is not None:
            kind = sect.find(W + "type")
            if kind is None or kind.get(W + "val") in ("nextPage", "oddPage", "evenPage"):
                self.page_break()

    def picture_page(self, picture: PagePicture) -> None:
        """A picture of a page read by OCR as a page of its own, where it stands: the typed page
        so far ends before it, and the text after it starts a new page."""
        number = self.pages[-1].number + (1 if self.pages[-1].blocks else 0)
        page, warning = ocr_picture(picture, number, self.number + 1, self.options, self.settings.pictures)
        if warning:
            self.warnings.append(warning)
        if page is None:
            return
        if self.pages[-1].blocks:
            self.pages.append(self._new_page(number))
        self.number = page.last_number(self.number)
        self.pages[-1] = page
        self.pages.append(self._new_page(number + 1))

    def table(self, tbl) -> None:
        page = self.pages[-1]
        table = table_from_xml(tbl, self.styles, page.number, self.number + 1, self.limits)
        if table is None:
            return
        self.number = table.line_end
        page.blocks.append(table)

    def finish(self) -> list[Page]:
        pages = self.pages
        while len(pages) > 1 and not pages[-1].blocks and pages[-1].method == "docx":
            pages.pop()
        return pages


class _CellParagraphs:
    """A cell's paragraphs as ``paragraph_pieces`` reads them (no rendered page breaks), each read
    once: the cell's text and its lines are both made from them."""

    def __init__(self, styles: _Styles) -> None:
        self.styles = styles
        self.read: dict = {}  # paragraph element → its pieces (the key keeps lxml's proxy alive)

    def __call__(self, p) -> list:
        if p not in self.read:
            self.read[p] = paragraph_pieces(p, self.styles, use_rendered_breaks=False)
        return self.read[p]


def _cell_text(tc, styles: _Styles, pieces: _CellParagraphs | None = None) -> tuple[str, bool]:
    """All text of a cell (nested tables flattened), and whether all of it is bold."""
    pieces = pieces or _CellParagraphs(styles)
    texts: list[str] = []
    bold_all = True
    seen_text = False
    copies = {q for fallback in tc.iter(MC_FALLBACK) for q in fallback.iter(W + "p")}
    for p in tc.iter(W + "p"):
        if copies and p in copies:
            continue  # the VML copy of a text box in the cell: its shape's own box is read
        for piece in pieces(p):
            if isinstance(piece, tuple):
                t, b = piece
                if t.strip():
                    texts.append(t)
                    seen_text = True
                    bold_all = bold_all and b
    return nfc(fold_spaces(" ".join(texts))), seen_text and bold_all


def cell_lines(el, styles: _Styles, pieces: _CellParagraphs | None = None) -> list[str]:
    """A cell's lines in reading order, tabs kept: one per paragraph (and per line break in it);
    a nested table's cells column by column, each column top to bottom (a header laid out as a
    table inside a table reads issuer column, then motto column)."""
    return [text for text, _ in placed_lines(el, styles, pieces)]


def placed_lines(el, styles: _Styles, pieces: _CellParagraphs | None = None, start: int = 0) -> list[tuple[str, int]]:
    """``cell_lines`` with each line's place (``Cell.line_places``): its number among the cell's
    lines counting the empty ones (an empty paragraph, a blank figure of criteria pasted several to
    a row, is a line no text marks)."""
    pieces = pieces or _CellParagraphs(styles)
    out: list[tuple[str, int]] = []
    place = start
    for sub in el:
        tag = sub.tag
        if tag == _P:
            for piece in pieces(sub):
                if not isinstance(piece, tuple):
                    place += 1  # a line break
                elif piece[0].strip():
                    out.append((nfc(piece[0].strip()), place))
            place += 1
        elif tag == W + "tbl":
            rows = [list(row_cells(tr)) for tr in sub if tr.tag == W + "tr"]
            for c in range(max((len(r) for r in rows), default=0)):
                for row in rows:
                    if c < len(row):
                        out += placed_lines(row[c], styles, pieces, place)
                        place = out[-1][1] + 1 if out else place
        elif tag in (W + "sdt", W + "customXml"):
            content = child(sub, W + "sdtContent") if tag == W + "sdt" else sub
            if content is not None:
                out += placed_lines(content, styles, pieces, place)
                place = out[-1][1] + 1 if out else place
    return out


def _grid_count(el, default: int, limit: int) -> int:
    """A gridSpan/gridBefore count: at least 0 or 1, at most ``limit`` (as HTML clamps colspan)."""
    if el is None:
        return default
    value = el.get(W + "val", str(default)).strip()
    return min(max(default, int(value[:9])), limit) if value[:9].isdigit() else default


def table_from_xml(tbl, styles: _Styles, page: int, first_number: int, limits: Limits = Limits()) -> Table | None:
    """A ``Table`` from ``w:tbl``: each ``w:tc`` becomes one cell at its grid column (gridBefore
    and gridSpan counted, clamped, and the covered grid bounded); a ``vMerge`` continuation extends
    the cell above instead of adding one."""
    covered = 0
    cells: list[Cell] = []
    origin_at: dict[tuple[int, int], Cell] = {}  # (row, col) covered -> the cell covering it
    grid_cols = tbl.findall(f"{W}tblGrid/{W}gridCol")
    n_cols = len(grid_cols)
    rows = [tr for tr in tbl if tr.tag == W + "tr"]
    for r, tr in enumerate(rows):
        trpr = child(tr, W + "trPr")
        before = child(trpr, W + "gridBefore") if trpr is not None else None
        col = _grid_count(before, 0, limits.max_colspan)
        for tc in row_cells(tr):
            tcpr = child(tc, W + "tcPr")
            span_el = child(tcpr, W + "gridSpan") if tcpr is not None else None
            span = _grid_count(span_el, 1, limits.max_colspan)
            covered += span
            check(covered, limits.max_table_cells, "table too large (cells and their spans)", " cells")
            vmerge = child(tcpr, W + "vMerge") if tcpr is not None else None
            continues = vmerge is not None and vmerge.get(W + "val", "continue") == "continue"
            above = origin_at.get((r - 1, col))
            if continues and above is not None:
                above.row_span = r - above.row + 1
                for c in range(col, col + span):
                    origin_at[(r, c)] = above
            else:
                pieces = _CellParagraphs(styles)
                text, bold = _cell_text(tc, styles, pieces)
                placed = placed_lines(tc, styles, pieces)
                cell = Cell(
                    row=r,
                    col=col,
                    text=text,
                    col_span=span,
                    bold=bold,
                    lines=[line for line, _ in placed],
                    line_places=[float(place) for _, place in placed],
                )
                cells.append(cell)
                for c in range(col, col + span):
                    origin_at[(r, c)] = cell
            col += span
        n_cols = max(n_cols, col)
    if not rows or not cells:
        return None
    return Table(
        page=page,
        cells=cells,
        n_rows=len(rows),
        n_cols=n_cols,
        source="docx",
        line_start=first_number,
        line_end=first_number + len(rows) - 1,
        col_edges=grid_edges(grid_cols) if len(grid_cols) == n_cols else [],
    )


def grid_edges(grid_cols) -> list[float]:
    """Column boundaries (twips from the table's left edge) from ``w:tblGrid``; empty when a
    width is missing (the grid then says nothing about the table's shape)."""
    edges = [0.0]
    for col in grid_cols:
        try:
            edges.append(edges[-1] + float(col.get(W + "w", "")))
        except ValueError:  # no width, or a unit-suffixed measure ("1.5in"): the shape is unknown
            return []
    return edges

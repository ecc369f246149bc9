"""The one intermediate document model every reader produces.

Readers (one per input format) turn a file into an ``IngestedDocument``: pages, and on each
page the text lines and tables in reading order. Everything downstream (repair, segmentation,
reconciliation) reads only this model, never the file.

Coordinates are ``(x0, top, x1, bottom)`` in the page's own units: PDF points for text-layer
PDFs, pixels for OCR'd images. Confidences are 0..1; ``None`` means the format does not know
(typed text is certain, OCR is not).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

BBox = tuple[float, float, float, float]


def mean_conf(values: list[float]) -> float | None:
    """The mean of words' OCR confidences, to 3 places; None for no word. (Here, with the model,
    so that readers on both sides of OCR take it without importing the OCR stage.)"""
    return round(sum(values) / len(values), 3) if values else None


def union_bbox(boxes: Sequence[Sequence[float]]) -> BBox:
    """The smallest box holding every box of ``boxes`` (not empty)."""
    return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))


def bbox_of(item: Word | Line | Cell | Table) -> BBox:
    """``item.bbox`` where the reader always sets one (text-layer PDF and OCR words, and the lines,
    cells and tables made from them): a missing box is named here rather than failing as an index
    into None further on."""
    if item.bbox is None:
        raise ValueError(f"{type(item).__name__} without a bbox where the reader always sets one")
    return item.bbox


@dataclass
class Word:
    text: str
    bbox: BBox | None = None
    conf: float | None = None
    bold: bool = False
    # A quarter's Roman numeral ("Quý II/2025") that Tesseract read as a run of I's and whose
    # stems the page's ink shows as many of (``extract.ocr_numerals``): two readings of the count
    # agree, whatever Tesseract's confidence in the word (its serifs joined make it unsure).
    strokes_agree: bool = False


@dataclass
class Line:
    """One line of text. ``number`` is the 1-based line number in the source (text formats) or a
    running index over the document (other formats), so a row can point back to where it came
    from."""

    text: str
    page: int
    number: int
    bbox: BBox | None = None
    words: list[Word] = field(default_factory=list)
    conf: float | None = None
    bold: bool = False
    heading: int = 0  # markdown heading level (1..6), 0 for body text
    italic: bool = False
    # Set by the Vietnamese repair stage when it changed the text: what the source said, and how
    # sure the repair is (0..1).
    raw: str | None = None
    repair_conf: float | None = None
    # The line's side-by-side pieces when the source typed them apart (tabs, runs of spaces:
    # "ỦY BAN NHÂN DÂN<tab>CỘNG HÒA …"), "" first when it starts with a tab; empty for one piece.
    # Formats with word positions leave it empty: their gaps are in ``words``.
    columns: list[str] = field(default_factory=list)
    # Where each of ``columns`` stands across the page (points from the text's left margin), when
    # the source places it: a DOCX paragraph's own tab stops put a piece at the stop its tab reaches,
    # so a cell typed blank ("1.1⇥Tên⇥⇥1") leaves its column empty. Empty when not known.
    column_stops: list[float] = field(default_factory=list)


# ``Cell.conf`` of an OCR'd grid cell with no word whose paper was seen empty (no ink): OCR is as
# sure of that blank as of any reading, and the segmenter tells it from a cell OCR lost by it.
BLANK_SEEN = 1.0


@dataclass
class Cell:
    """A table cell. A merged cell is stored once, at its top-left position, with its spans."""

    row: int
    col: int
    text: str
    row_span: int = 1
    col_span: int = 1
    bbox: BBox | None = None
    conf: float | None = None
    bold: bool = False
    raw: str | None = None
    repair_conf: float | None = None
    # The cell's paragraphs (lines) in order, tabs kept, when the format has them (DOCX): ``text``
    # joins them with spaces for the segmenters; a letter's header cell is read line by line.
    lines: list[str] = field(default_factory=list)
    # Where each of ``lines`` stands down the cell, so that a blank line, which ``lines`` leaves
    # out, keeps its place between them: a PDF line's top (points), a DOCX line's number counting
    # the cell's empty paragraphs. Empty where the format gives none.
    line_places: list[float] = field(default_factory=list)
    # Each of ``lines``' OCR confidence (its words' mean), so that a cell cut into its lines (criteria
    # pasted several to a row, ``pasted_rows``) gives each piece its own line's doubt. Empty where
    # the format gives none (typed text).
    line_confs: list[float | None] = field(default_factory=list)
    # A quarter's numeral among the cell's words was read twice (``Word.strokes_agree``).
    strokes_agree: bool = False
    # Its first word is a printed bullet ("- " opening an item), told on a scan from a speck read as
    # "-" by its ink's shape and indent (``extract.ocr_bullets``); typed formats leave it False.
    bullet: bool = False


@dataclass
class Table:
    """A grid of cells as the format gave it (before any domain interpretation).

    ``source`` says how the grid was found: ``tsv`` (tab-separated text), ``markdown`` (pipe
    table), ``html``, ``docx``, ``pdf-lines`` (ruling lines), ``pdf-text`` (text alignment),
    ``ocr-lines`` (ruling lines on a scan), ``ocr-text`` (word x-positions on a scan),
    ``typed-columns`` (lines typed at tab stops or wide gaps under a header: no table at all).
    """

    page: int
    cells: list[Cell]
    n_rows: int
    n_cols: int
    source: str
    line_start: int = 0
    line_end: int = 0
    bbox: BBox | None = None
    page_end: int = 0  # last page, when a reader already joined a table across pages
    # x-positions of the grid's column boundaries (n_cols + 1 of them), when the format knows
    # them: page units for PDFs, twips from the table's left edge for DOCX (its tblGrid). Lets
    # the fragments of one table on several pages be recognised by their shape.
    col_edges: list[float] = field(default_factory=list)
    # The grid's rules run on to the page's edge (extract.page_edge): columns past it not printed.
    cut_by_page_edge: bool = False
    # ... and the page's sides whose edge cuts it ("left", "right").
    cut_sides: tuple[str, ...] = ()
    # The source line each row opens on, where the rows span lines unevenly (a table typed as
    # lines at tab stops, a name broken by hand onto the next line: extract.segment.tab_tables).
    row_lines: list[int] = field(default_factory=list)

    def grid(self) -> list[list[Cell | None]]:
        """Rows of cells; every position a merged cell covers points to that same cell."""
        n_rows, n_cols = self.n_rows, self.n_cols
        rows: list[list[Cell | None]] = [[None] * n_cols for _ in range(n_rows)]
        for cell in self.cells:
            r0, c0 = cell.row, cell.col
            if cell.row_span == 1 and cell.col_span == 1:  # (most cells: no ranges made)
                if r0 < n_rows and c0 < n_cols:
                    rows[r0][c0] = cell
                continue
            for r in range(r0, min(r0 + cell.row_span, n_rows)):
                for c in range(c0, min(c0 + cell.col_span, n_cols)):
                    rows[r][c] = cell
        return rows

    def text_rows(self) -> list[list[str]]:
        """Rows of cell texts; a merged cell's text appears at its origin only, '' elsewhere."""
        out: list[list[str]] = []
        for r, row in enumerate(self.grid()):
            out.append([(c.text if c is not None and c.row == r and c.col == i else "") for i, c in enumerate(row)])
        return out


Block = Line | Table


@dataclass
class Page:
    number: int
    blocks: list[Block] = field(default_factory=list)
    width: float | None = None
    height: float | None = None
    method: str = "text"  # text | docx | pdf-text | ocr
    dpi: int | None = None
    # Words of the text layer whose box runs past the page's edge (extract.page_edge): cut by the
    # paper, or not on it at all, though the file holds them.
    off_page_words: list[Word] = field(default_factory=list)
    # Degrees (clockwise) the reader turned the page to read its text upright (a sideways page).
    turned: int = 0
    # Pictures of printed pages on a text-layer page, not read (extract.pdf_pictures): told unread.
    pictures: list[BBox] = field(default_factory=list)
    # Nothing at all is printed on the page (a PDF page without a character, picture or stroke, as
    # a word processor leaves before a section turned landscape): nothing to read, nothing lost.
    blank: bool = False

    @property
    def lines(self) -> list[Line]:
        return [b for b in self.blocks if isinstance(b, Line)]

    @property
    def tables(self) -> list[Table]:
        return [b for b in self.blocks if isinstance(b, Table)]

    def last_number(self, before: int = 0) -> int:
        """The running line number after this page's blocks (``before`` when it has none): the
        next page's lines are numbered on from it."""
        return max([before] + [b.line_end if isinstance(b, Table) else b.number for b in self.blocks])


@dataclass
class IngestedDocument:
    path: str
    format: str  # txt | md | docx | pdf | image
    pages: list[Page] = field(default_factory=list)
    encoding: str | None = None
    warnings: list[str] = field(default_factory=list)
    # What the repair stage took the text as written for (``text_damaged``): "ocr" (many words
    # that are not syllables: OCR's confusions), "stripped" (few marked syllables) or "" (clean);
    # None until it judged. Recorded once, so that no later stage judges the document again.
    damage: str | None = None

    @property
    def method(self) -> str:
        """How the text was obtained: one method, or ``mixed`` when pages differ (a PDF whose
        pages are partly scanned)."""
        methods = sorted({p.method for p in self.pages})
        if not methods:
            return "none"
        return methods[0] if len(methods) == 1 else "mixed"

    def blocks(self) -> Iterator[Block]:
        for page in self.pages:
            yield from page.blocks

    def lines(self) -> Iterator[Line]:
        for page in self.pages:
            yield from page.lines

    def tables(self) -> Iterator[Table]:
        for page in self.pages:
            yield from page.tables

    def text(self) -> str:
        return "\n".join(line.text for line in self.lines())

"""Reader for ``.pdf``: the text layer through pdfplumber where there is a good one, OCR of the
rendered page where there is not (each page decides for itself).

Scanned pages: their image for OCR is ``extract.pdf_page_image``'s (the embedded scan at its own
resolution when the page is one, else the page rendered); a scan under another program's invisible
OCR text is one of them (``extract.pdf_ocr_layer``).

Text-layer pages: words with positions and font names (bold from the font name), grouped into
lines by their ``top``; tables from ruling lines (pdfplumber's ``lines`` strategy) and, on pages
without ruled tables, from column-aligned text. Words inside a table go into its cells, not into
lines. Blocks are in reading order (top to bottom).
"""

from __future__ import annotations

import io
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from extract.base import DocumentReader, IngestError, IngestOptions
from extract.carried_columns import CarriedColumns, carried_from
from extract.limits import check, memory_error
from extract.model import BBox, Cell, IngestedDocument, Line, Page, Table, Word, bbox_of, union_bbox
from extract.page_edge import cut_sides, sides_crossed
from extract.pdf_errors import PDF_LIBRARIES, ParserFailure, internal_error, pdf_error, raised_by, repaired_pdf
from extract.pdf_leaders import split_leaders
from extract.pdf_ocr_layer import page_image_covers
from extract.pdf_page_image import Renderer
from extract.pdf_pictures import PdfPictureSettings, page_pictures, read_pictures
from extract.pdf_task_columns import TaskColumnSettings, task_column_tables
from extract.pdf_turn import sideways_turn, turned_copy
from extract.pdf_turned_labels import TurnedLabelSettings, is_turned, turned_words
from extract.pdf_unruled import UnruledSettings, split_chunks, unruled_tables, visual_lines
from normalize.text import fold_spaces, join_printed_lines, nfc


@dataclass(frozen=True)
class PdfTableSettings:
    """Every knob of line grouping and table finding on text-layer pages."""

    # pdfplumber ``lines`` strategy (PDF points).
    snap_tolerance: float = 3.0
    join_tolerance: float = 3.0
    edge_min_length: float = 3.0
    intersection_tolerance: float = 3.0
    # Cell edges closer than this are one grid line (points).
    edge_tolerance: float = 2.5
    # Words whose tops differ by less than this share of their height sit on one line.
    line_tolerance: float = 0.5
    # A horizontal gap wider than this many font sizes splits a line into separate chunks
    # (the two header columns of an official letter, or the columns of an unruled table).
    chunk_gap: float = 1.8
    # Tables printed without ruling lines (columns from gutters, rows from numbering).
    unruled: UnruledSettings = UnruledSettings()
    # Task tables set at tab stops, without ruling lines: columns from their header's labels.
    task_columns: TaskColumnSettings = TaskColumnSettings()
    # Font-name parts that mean a bold face.
    bold_markers: tuple[str, ...] = ("bold", "black", "heavy", "semibold", "demibold")
    # Pictures of printed pages beside the text (a scanned table pasted into a typed report):
    # told unread, not dropped (extract.pdf_pictures).
    pictures: PdfPictureSettings = PdfPictureSettings()
    # Labels turned a quarter on an upright page (a narrow column's header): read as lines.
    turned: TurnedLabelSettings = TurnedLabelSettings()


def table_settings(s: PdfTableSettings) -> dict:
    return {
        "vertical_strategy": "lines",
        "horizontal_strategy": "lines",
        "snap_tolerance": s.snap_tolerance,
        "join_tolerance": s.join_tolerance,
        "edge_min_length": s.edge_min_length,
        "intersection_tolerance": s.intersection_tolerance,
    }


class PdfReader(DocumentReader):
    format_name = "pdf"

    def __init__(self, options=None, settings: PdfTableSettings = PdfTableSettings()) -> None:
        super().__init__(options)
        self.settings = settings

    def read(self, path: Path, pages: range | None = None) -> IngestedDocument:
        """The PDF, or only its ``pages`` (0-based indexes; a batch reads a long scan in page ranges
        on several workers): their lines numbered from 1 as if the document began there, and
        ``join_ranges`` renumbers them."""
        try:
            return self._read(path, path, pages)
        except ParserFailure as failure:
            # pdfminer gives up on a broken cross-reference table that pdfium rebuilds: read the
            # copy pdfium saves (with a fresh one); the original error stands when that fails too.
            repaired = repaired_pdf(path)
            if repaired is None:
                raise failure.error from None
            try:
                doc = self._read(path, io.BytesIO(repaired), pages)
            except ParserFailure:
                raise failure.error from None
            doc.warnings.append(f"{REPAIRED} ({failure.error}): read from the copy pdfium repaired")
            return doc

    def _read(self, path: Path, source, pages: range | None) -> IngestedDocument:
        import pdfplumber

        doc = IngestedDocument(path=str(path), format="pdf")
        number = 0
        at = 0  # the page being read (1-based), 0 while opening the file
        limits = self.options.limits
        try:
            with pdfplumber.open(source) as pdf:
                check(len(pdf.pages), limits.max_pages, "PDF has too many pages", " pages")
                renderer = Renderer(path, limits=limits)
                try:
                    carried: CarriedColumns | None = None  # a borderless table the last page ended with
                    for index in pages if pages is not None else range(len(pdf.pages)):
                        if index >= len(pdf.pages):
                            break
                        at = index + 1
                        page = self._read_page(pdf.pages[index], index, number, renderer, doc.warnings, carried)
                        number = page.last_number(number)
                        doc.pages.append(page)
                        carried = carried_from(page, carried)
                finally:
                    renderer.close()
        except IngestError:
            raise
        except MemoryError:
            raise memory_error("PDF") from None
        except Exception as exc:
            if raised_by(exc) not in PDF_LIBRARIES:
                # Our own code failed on a file the libraries read: a bug of ours, not the user's
                # broken file. Said as such, with where it happened.
                raise IngestError(internal_error(exc, "reading the PDF", at)) from exc
            error = pdf_error(exc)
            parser = raised_by(exc) in ("pdfminer", "pdfplumber")
            if parser and not error.args[0].startswith("encrypted"):
                raise ParserFailure(error) from None
            raise error from None
        if not doc.pages:
            raise IngestError("corrupt PDF: no pages")
        return doc

    def _read_page(
        self, pdf_page, index: int, number: int, renderer: Renderer, warnings: list[str], carried: CarriedColumns | None
    ) -> Page:
        opts = self.options
        check(
            float(pdf_page.width) * float(pdf_page.height),
            opts.limits.max_page_area_pt2,
            f"PDF page {index + 1} too large (media box)",
            " M pt²",
            1e6,
        )
        text_ok = has_text_layer(pdf_page.chars, opts.min_text_chars, opts.min_text_quality) or short_typed_page(
            pdf_page, opts
        )
        if text_ok and opts.reocr_scanned_text_layers and renderer.scan_with_ocr_layer(pdf_page, index):
            text_ok = False
            warnings.append(f"page {index + 1}: a scan with another program's OCR text on it; read by our own OCR")
        if not text_ok and not any(pdf_page.objects.values()):  # no character, picture or stroke
            warnings.append(f"page {index + 1}: blank, nothing printed on it")
            return Page(
                index + 1, width=float(pdf_page.width), height=float(pdf_page.height), method="pdf-text", blank=True
            )
        if not text_ok:
            from extract.ocr import ocr_page

            image, dpi = renderer.page_image(index, opts.ocr_dpi)
            page = ocr_page(image, index + 1, dpi, opts, first_number=number + 1, carried=carried)
            if not page.blocks:
                warnings.append(f"page {index + 1}: no text found (blank page or unreadable scan)")
            return page
        edges = carried.on(float(pdf_page.width), float(pdf_page.height), "pdf-text") if carried else []
        tasks = bool(carried and carried.tasks)  # the edges are a task table's: its tasks go on here
        tasks_codeless = bool(carried and carried.codeless)
        turn = sideways_turn(pdf_page.chars)
        if turn:  # a sideways page: its text layer read from a copy turned upright (extract.pdf_turn)
            import pdfplumber

            with pdfplumber.open(io.BytesIO(turned_copy(renderer.document(), index, turn))) as copy:
                page = text_page(copy.pages[0], index + 1, number + 1, self.settings, edges, tasks, tasks_codeless)
            page.turned = turn
            warnings.append(f"page {index + 1}: its text runs sideways; read turned {turn}° clockwise")
            return page
        page = text_page(pdf_page, index + 1, number + 1, self.settings, edges, tasks, tasks_codeless)
        pictures = page_pictures(pdf_page, lambda dpi: renderer.page_image(index, dpi)[0], self.settings.pictures)
        if not pictures:
            return page
        return self._read_pictures(page, pictures, index, renderer, warnings)

    def _read_pictures(
        self, page: Page, boxes: list[BBox], index: int, renderer: Renderer, warnings: list[str]
    ) -> Page:
        """Pictures of printed pages beside the typed text read by OCR in their place
        (extract.pdf_pictures); one OCR cannot read (Tesseract missing) stays told unread."""
        from extract.ocr import ocr_page

        opts = self.options

        def ocr(image, dpi: int, first: int) -> Page:
            return ocr_page(image, index + 1, dpi, opts, first_number=first)

        try:
            page = read_pictures(
                page, boxes, lambda: renderer.page_image(index, opts.ocr_dpi), ocr, self.settings.pictures
            )
        except IngestError as exc:
            page.pictures = boxes
            warnings.append(f"page {index + 1}: a picture of a printed page not OCR'd: {exc}")
            return page
        read = len(boxes) - len(page.pictures)
        if read:
            warnings.append(f"page {index + 1}: a picture of a printed page beside the text; read by OCR")
        return page


REPAIRED = "broken PDF structure"  # the warning of a PDF read from pdfium's repaired copy


def join_ranges(parts: list[IngestedDocument]) -> IngestedDocument:
    """The documents ``PdfReader.read`` made of consecutive page ranges, as one: line numbers
    running on from range to range exactly as a reading of the whole file numbers them (a page's
    lines are numbered on from the last number before it), warnings in page order and the repair
    warning once, at the end, where the whole reading puts it."""
    doc = IngestedDocument(path=parts[0].path, format=parts[0].format, encoding=parts[0].encoding)
    number = 0
    repaired: list[str] = []
    for part in parts:
        offset = number
        for page in part.pages:
            for block in page.blocks:
                if isinstance(block, Table):
                    block.line_start += offset
                    block.line_end += offset
                else:
                    block.number += offset
            number = page.last_number(number)
            doc.pages.append(page)
        doc.warnings += [w for w in part.warnings if not w.startswith(REPAIRED)]
        repaired += [w for w in part.warnings if w.startswith(REPAIRED)]
    doc.warnings += list(dict.fromkeys(repaired))
    return doc


def has_text_layer(chars: list[dict], min_chars: int, min_quality: float) -> bool:
    """True when a page's text layer is worth reading: enough characters, and most of them real
    letters/digits/punctuation (not ``(cid:NN)`` glyph codes or private-use garbage)."""
    text = [c.get("text", "") for c in chars if not c.get("text", "").isspace()]
    if len(text) < min_chars:
        return False
    good = sum(
        1
        for t in text
        if len(t) == 1 and unicodedata.category(t)[0] in "LNPSM" and unicodedata.category(t) != "Co" and t != "\ufffd"
    )
    return good / len(text) >= min_quality


def short_typed_page(pdf_page, opts: IngestOptions) -> bool:
    """A page whose clean text layer is shorter than ``min_text_chars`` and which holds nothing a
    scan or outlined text would (a picture over ``short_page_max_image_share`` of it, many drawn
    curves): a typed page with a few words (the signer's name run over onto the last page), read
    from its text layer."""
    if not has_text_layer(pdf_page.chars, 1, opts.min_text_quality):
        return False
    if len(pdf_page.curves) >= opts.short_page_max_curves:
        return False
    return not page_image_covers(pdf_page, opts.short_page_max_image_share)


# ------------------------------------------------------------------------------ text-layer pages


def is_bold_font(fontname: str, markers: tuple[str, ...]) -> bool:
    name = (fontname or "").split("+")[-1].lower()
    return any(m in name for m in markers)


def to_words(raw_words: list[dict], settings: PdfTableSettings) -> list[tuple[Word, float]]:
    """pdfplumber words as model words, each with its font size."""
    return [
        (
            Word(
                text=nfc(w["text"]),
                bbox=(w["x0"], w["top"], w["x1"], w["bottom"]),
                bold=is_bold_font(w.get("fontname", ""), settings.bold_markers),
            ),
            float(w.get("size") or (w["bottom"] - w["top"])),
        )
        for w in raw_words
    ]


def group_lines(words: list[tuple[Word, float]], settings: PdfTableSettings) -> list[list[tuple[Word, float]]]:
    """Words into visual lines (by ``top``), each line left to right."""
    rows: list[list[tuple[Word, float]]] = []
    for item in sorted(words, key=lambda it: (bbox_of(it[0])[1], bbox_of(it[0])[0])):
        word = item[0]
        height = bbox_of(word)[3] - bbox_of(word)[1]
        if rows:
            ref = bbox_of(rows[-1][0][0])
            if abs(bbox_of(word)[1] - ref[1]) <= settings.line_tolerance * max(height, ref[3] - ref[1]):
                rows[-1].append(item)
                continue
        rows.append([item])
    return [sorted(r, key=lambda it: bbox_of(it[0])[0]) for r in rows]


def centre_in(bbox: BBox, box: BBox) -> bool:
    """True when the centre of ``bbox`` lies in ``box``: how words are given to cells."""
    cx, cy = (bbox[0] + bbox[2]) / 2, (bbox[1] + bbox[3]) / 2
    return box[0] <= cx <= box[2] and box[1] <= cy <= box[3]


@dataclass(frozen=True)
class CentreIndex:
    """Boxes' centres sorted by x, so that the boxes whose centre lies in a rectangle are found by
    bisection instead of testing every box against every cell (words × cells on a big table)."""

    xs: tuple[float, ...]  # centre x, ascending
    ys: tuple[float, ...]  # centre y, in the same order
    order: tuple[int, ...]  # the box's position in the list it was built from

    @staticmethod
    def of(bboxes: list[BBox]) -> CentreIndex:
        centres = sorted(((b[0] + b[2]) / 2, (b[1] + b[3]) / 2, k) for k, b in enumerate(bboxes))
        return CentreIndex(tuple(c[0] for c in centres), tuple(c[1] for c in centres), tuple(c[2] for c in centres))

    def inside(self, box: BBox) -> list[int]:
        """Positions (ascending) of the boxes ``centre_in`` would put in ``box``."""
        lo, hi = bisect_left(self.xs, box[0]), bisect_right(self.xs, box[2])
        return sorted(self.order[k] for k in range(lo, hi) if box[1] <= self.ys[k] <= box[3])


def make_line(words: list[Word], page: int, number: int) -> Line:
    return Line(
        text=fold_spaces(" ".join(w.text for w in words)),
        page=page,
        number=number,
        bbox=union_bbox([bbox_of(w) for w in words]),
        words=list(words),
        bold=all(w.bold for w in words),
    )


def _edges(values: list[float], tolerance: float) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > tolerance:
            out.append(v)
    return out


def _index(edges: list[float], value: float) -> int:
    return min(range(len(edges)), key=lambda i: abs(edges[i] - value))


def cell_lines(words: list[Word], settings: PdfTableSettings) -> list[tuple[str, float]]:
    """A cell's visual lines, each its words left to right with its top (``Cell.lines`` and
    ``Cell.line_places``: a name cell's lines tell a scale printed under the name without bullets,
    ``scale_lines.unbulleted_scale``; their tops where a pasted cell's blank figure line stood)."""
    lines = group_lines([(w, bbox_of(w)[3] - bbox_of(w)[1]) for w in words], settings)
    return [(" ".join(w.text for w, _ in line), round(min(bbox_of(w)[1] for w, _ in line), 2)) for line in lines]


def cell_lines_text(words: list[Word], settings: PdfTableSettings) -> list[str]:
    """A cell's visual lines, each its words left to right (``cell_lines`` without their tops)."""
    return [text for text, _ in cell_lines(words, settings)]


def cell_text(words: list[Word], settings: PdfTableSettings) -> str:
    """A cell's words in reading order (``join_printed_lines`` of its lines)."""
    return join_printed_lines(cell_lines_text(words, settings))


def grid_table(
    cell_boxes: list[BBox], words: list[Word], page: int, source: str, settings: PdfTableSettings
) -> Table | None:
    """A table from cell rectangles (merged cells are bigger rectangles): the grid lines are the
    distinct cell edges; each rectangle's span is the number of grid steps it covers."""
    if len(cell_boxes) < 2:
        return None
    xs = _edges([v for b in cell_boxes for v in (b[0], b[2])], settings.edge_tolerance)
    ys = _edges([v for b in cell_boxes for v in (b[1], b[3])], settings.edge_tolerance)
    cells: list[Cell] = []
    taken: set[tuple[int, int]] = set()
    index = CentreIndex.of([bbox_of(w) for w in words])
    for box in sorted(cell_boxes, key=lambda b: (b[1], b[0])):
        r0, r1 = _index(ys, box[1]), _index(ys, box[3])
        c0, c1 = _index(xs, box[0]), _index(xs, box[2])
        if r1 <= r0 or c1 <= c0 or (r0, c0) in taken:
            continue
        inside = [words[k] for k in index.inside(box)]
        placed = cell_lines(inside, settings)  # (grouped once: the texts and their tops)
        printed = [text for text, _ in placed]
        cells.append(
            Cell(
                row=r0,
                col=c0,
                text=join_printed_lines(printed),
                row_span=r1 - r0,
                col_span=c1 - c0,
                bbox=box,
                bold=bool(inside) and all(w.bold for w in inside),
                lines=printed,
                line_places=[top for _, top in placed],
            )
        )
        taken.update((r, c) for r in range(r0, r1) for c in range(c0, c1))
    if len(xs) < 2 or len(ys) < 2:
        return None
    return Table(
        page=page,
        cells=cells,
        n_rows=len(ys) - 1,
        n_cols=len(xs) - 1,
        source=source,
        bbox=(xs[0], ys[0], xs[-1], ys[-1]),
        col_edges=list(xs),
    )


def without_frames(boxes: list[BBox], tolerance: float) -> list[BBox]:
    """Cell rectangles less those that hold another: a box drawn round a whole grid (a table set
    in a one-cell frame, its caption above the grid) is a frame, not a cell; no real cell, merged
    or not, contains another cell."""

    def holds(outer: BBox, inner: BBox) -> bool:
        return (
            outer is not inner
            and outer[0] - tolerance <= inner[0]
            and outer[1] - tolerance <= inner[1]
            and inner[2] <= outer[2] + tolerance
            and inner[3] <= outer[3] + tolerance
            and (inner[2] - inner[0]) * (inner[3] - inner[1]) < (outer[2] - outer[0]) * (outer[3] - outer[1])
        )

    return [box for box in boxes if not any(holds(box, other) for other in boxes)]


def ruled_tables(pdf_page, words: list[Word], page: int, settings: PdfTableSettings) -> list[Table]:
    tables = []
    for found in pdf_page.find_tables(table_settings(settings)):
        boxes = without_frames([tuple(c) for c in found.cells], settings.edge_tolerance)
        table = grid_table(boxes, words, page, "pdf-lines", settings)
        if table is not None and table.n_rows * table.n_cols >= 2:
            table.cut_sides = cut_sides(found.bbox, pdf_page.horizontal_edges, float(pdf_page.width))
            table.cut_by_page_edge = bool(table.cut_sides)
            tables.append(table)
    return tables


def text_page(
    pdf_page,
    page_number: int,
    first_number: int,
    settings: PdfTableSettings,
    carried: Sequence[float] = (),
    carried_tasks: bool = False,
    carried_codeless: bool = False,
) -> Page:
    """One text-layer page: tables first (ruled, else borderless ones from word positions; ``carried``:
    the column edges of a borderless table the previous page ended with, a task table's when
    ``carried_tasks``; one with no code column when ``carried_codeless``), the other words as lines."""
    raw = split_leaders(
        pdf_page.extract_words(extra_attrs=["fontname", "size"], keep_blank_chars=False, return_chars=True)
    )
    # pdfplumber cuts a turned label into letters read top to bottom: it is read as its lines instead
    raw = [w for w in raw if not any(is_turned(c) for c in w.get("chars", ()))] + turned_words(
        pdf_page.chars, settings.turned
    )
    words = to_words(raw, settings)
    plain = [w for w, _ in words]
    tables = ruled_tables(pdf_page, plain, page_number, settings)
    in_table = {id(w) for w in plain if any(centre_in(bbox_of(w), bbox_of(t)) for t in tables)}
    free = [it for it in words if id(it[0]) not in in_table]
    lines = group_lines(free, settings)
    used: set[int] = set()
    if not tables:
        text = lambda ws: cell_text(ws, settings)  # noqa: E731
        # a task table under its header first: its columns cannot be found from gutters
        went_on = list(carried) if carried_tasks else []
        tasks = task_column_tables(
            visual_lines(lines),
            page_number,
            settings.unruled,
            text,
            settings.task_columns,
            carried=went_on,
            carried_codeless=carried_codeless,
        )
        spans = frozenset(k for _, rows in tasks for k in range(min(rows), max(rows) + 1))
        found = tasks + unruled_tables(
            lines, page_number, settings.unruled, settings.chunk_gap, text, list(carried), taken=spans
        )
        for table, rows in found:
            tables.append(table)
            used |= rows
    blocks: list[tuple[float, float, Table | list[Word]]] = []
    for k, line in enumerate(lines):
        if k in used:
            continue
        top = min(bbox_of(w)[1] for w, _ in line)
        for chunk in split_chunks(line, settings.chunk_gap):
            blocks.append((top, bbox_of(chunk[0])[0], chunk))
    for table in tables:
        blocks.append((bbox_of(table)[1], bbox_of(table)[0], table))
    width, height = float(pdf_page.width), float(pdf_page.height)
    page = Page(number=page_number, width=width, height=height, method="pdf-text")
    page.off_page_words = [w for w in plain if sides_crossed(bbox_of(w), width, height)]
    number = first_number
    for _, _, item in sorted(blocks, key=lambda b: (b[0], b[1])):
        if isinstance(item, Table):
            item.line_start, item.line_end = number, number + item.n_rows - 1
            number += item.n_rows
            page.blocks.append(item)
        else:
            page.blocks.append(make_line(item, page_number, number))
            number += 1
    return page

"""OCR of one page image with Tesseract (``vie``), and the table grid from the ruling lines drawn
on it.

    image ─ deskew (projection profile, ±3°) ─ binarise (Otsu) ─ ruling lines (long dark runs)
          ─ lines erased ─ Tesseract (its library, in process) ─ words ─┬─ in a grid cell → Table(ocr-lines)
                                                                       ├─ no grid: a borderless table from
                                                                       │  the words' positions → Table(ocr-text)
                                                                       └─ elsewhere → Lines (Tesseract's
                                                                          lines, those side by side joined)

A page without ruling lines may still hold a borderless table: its columns are found from white
gutters and its rows from numbering as on text-layer pages (``extract.pdf_unruled``); what is not
found so stays lines, for the line segmenters. The steps live in their own modules: ``ocr_image``
(the page image made ready), ``ocr_grid`` (ruling lines to cells), ``tesseract`` and
``tesseract_api`` (calling it), ``ocr_cells`` (cells read again), ``ocr_free`` (unread ink beside a
line read again), ``ocr_codes`` (what a column holds; "1" vs "I"), ``ocr_lines`` (reading order).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from PIL import Image

from extract.base import IngestOptions
from extract.carried_columns import CarriedColumns
from extract.lifeline import tesseract_module
from extract.limits import check_image
from extract.model import BLANK_SEEN, BBox, Cell, Line, Page, Table, Word, bbox_of, mean_conf, union_bbox
from extract.ocr_bullets import bulleted_cells
from extract.ocr_cells import retry_cells
from extract.ocr_codes import ones_as_roman
from extract.ocr_dot_dash import dot_dash, grid_dust, speck_letter, without_dot_dashes, word_height
from extract.ocr_free import unread_ink
from extract.ocr_glued_letters import letters_without_ink
from extract.ocr_grid import find_rules, grids, rule_stubs
from extract.ocr_image import (
    bare_paper,
    deskew,
    despeckle,
    erase_rules,
    otsu_threshold,
    paper_noise,
    prepare,
    prepared_size,
    skew_angle,
    wipe_dust,
)
from extract.ocr_inequality import signs_with_bars
from extract.ocr_leaders import erase_leaders, reach_over_leaders
from extract.ocr_lines import placed_lines, reading_text, side_by_side, visual_lines
from extract.ocr_numerals import count_quarter_stems
from extract.ocr_row_rules import row_rules
from extract.ocr_settings import OcrSettings
from extract.ocr_stacked import stacked_figures
from extract.ocr_sub_rules import sub_column_rules
from extract.pdf_reader import centre_in
from extract.pdf_task_columns import task_column_tables
from extract.pdf_unruled import unruled_tables, visual_lines as sized_lines
from extract.tesseract import TESSERACT_MISSING, check_tesseract, has_language, tesseract_words
from normalize.lazy_regex import lazy_re_compile
from normalize.text import fold_spaces, join_printed_lines

# The names importers use from ``extract.ocr`` (the page OCR's one entry point and its parts).
__all__ = [
    "TESSERACT_MISSING",
    "OcrSettings",
    "check_tesseract",
    "deskew",
    "find_rules",
    "has_language",
    "ocr_page",
    "ones_as_roman",
    "prepare",
    "reading_text",
    "skew_angle",
    "tesseract_words",
    "visual_lines",
]


def ocr_page(
    image: Image.Image,
    page_number: int,
    dpi: int,
    options: IngestOptions = IngestOptions(),
    first_number: int = 1,
    settings: OcrSettings = OcrSettings(),
    carried: CarriedColumns | None = None,
) -> Page:
    """One page image to a ``Page`` (method ``ocr``): lines, and tables where ruling lines form a
    grid. Coordinates are pixels of the deskewed (and, for a sideways page, turned) image. ``carried``:
    the columns of a borderless table the page before ended with (``extract.carried_columns``)."""
    check_tesseract(options.ocr_lang)
    (width, height), _ = prepared_size(image.width, image.height, dpi, settings)
    check_image(width, height, options.limits, f"page {page_number}: image too large to OCR")
    gray, dpi = prepare(image, dpi, settings)
    page, words = _read_page(gray, page_number, dpi, options, first_number, settings, carried)
    if settings.fix_orientation and reads_poorly(words, settings):
        turn = osd_rotation(gray, dpi, options, settings)
        if turn:
            turned, turned_words = _read_page(
                gray.rotate(-turn, expand=True), page_number, dpi, options, first_number, settings, carried
            )
            if confident_words(turned_words) > confident_words(words):
                page = turned
    if not page.blocks and not words and bare_paper(gray, settings):
        page.blank = True
    return page


def _read_page(
    gray: Image.Image,
    page_number: int,
    dpi: int,
    options: IngestOptions,
    first_number: int,
    settings: OcrSettings,
    carried: CarriedColumns | None = None,
) -> tuple[Page, list[Word]]:
    gray, angle = deskew(gray, settings)
    arr = np.array(gray)
    ink = arr < otsu_threshold(arr)
    min_len = max(20, int(settings.min_rule_cm / 2.54 * dpi))
    h_rules = find_rules(ink, min_len, settings.rule_merge_px)
    v_rules = find_rules(ink.T, min_len, settings.rule_merge_px)
    v_rules += rule_stubs(ink, h_rules, v_rules, settings.rule_merge_px, settings.rule_merge_px * 3)
    v_rules += row_rules(ink, h_rules, v_rules, dpi, settings.rule_merge_px * 3, settings.row_rules)
    v_rules += sub_column_rules(ink, h_rules, v_rules, dpi, settings.rule_merge_px * 3, settings.sub_rules)
    tables = grids(h_rules, v_rules, tol=settings.rule_merge_px * 3, settings=settings)
    if settings.speck_max_ink:
        despeckle(arr, ink, settings.speck_window, settings.speck_max_ink)
    noisy = paper_noise(arr, ink) >= settings.noisy_paper_mad
    if noisy and settings.dust_max_px:
        wipe_dust(arr, ink, round(settings.dust_max_px * (dpi / 300) ** 2))
    if h_rules or v_rules:
        erase_rules(arr, h_rules, horizontal=True)
        erase_rules(arr, v_rules, horizontal=False)
    if noisy and settings.whiten_paper:
        threshold = otsu_threshold(arr)
        arr[arr >= threshold + settings.whiten_from * (255 - threshold)] = 255
    # (a bilevel page's threshold is 0, every level between as good: its black is the ink)
    leaders = erase_leaders(arr, arr < max(1, otsu_threshold(arr)), dpi, settings.leaders)
    psm = settings.table_psm if tables else settings.psm
    words = tesseract_words(Image.fromarray(arr), dpi, options, psm, api=settings.tesseract)
    reach_over_leaders([w for _, w in words], leaders)
    size = word_height([w for _, w in words]) if settings.speck_letter_share > 0 else None
    if size is not None:  # a letter read from a speck cuts a line where it stands out of it
        words = [(k, w) for k, w in words if not speck_letter(w, size, settings)]
    if tables:
        specks = grid_dust(words, tables, arr < otsu_threshold(arr), settings)
        words = [(k, w) for k, w in words if id(w) not in specks]
    inked: set = set()
    clean: set = set()
    if tables:
        found, replaced, inked, clean = retry_cells(arr, tables, words, dpi, options, settings)
        words = [(k, w) for k, w in words if id(w) not in replaced] + found
        words += stacked_figures(arr, tables, words, dpi, options, settings)
    words += unread_ink(arr, words, tables, dpi, options, settings)
    page_ink = arr < otsu_threshold(arr)
    signs_with_bars([w for _, w in words], page_ink)
    letters_without_ink([w for _, w in words], page_ink)
    count_quarter_stems([w for _, w in words], page_ink)
    edges = carried.on(gray.width, gray.height, "ocr-text") if carried else []
    went_on = (bool(carried.tasks), bool(carried.codeless)) if carried and edges else (False, False)
    borderless = [] if tables else unruled_ocr_tables([w for _, w in words], page_number, settings, edges, went_on)
    if borderless:
        # A borderless table's empty cells holding ink are read again as a grid's are (Tesseract's
        # page segmentation drops lone numbers of a column), then the table is built anew.
        boxes = [cell_boxes(table) for table, _ in borderless]
        found, replaced, _, _ = retry_cells(arr, boxes, words, dpi, options, settings)
        if found or replaced:
            words = [(k, w) for k, w in words if id(w) not in replaced] + found
            borderless = unruled_ocr_tables([w for _, w in words], page_number, settings, edges, went_on)
    page = Page(number=page_number, width=float(gray.width), height=float(gray.height), method="ocr", dpi=dpi)
    page.blocks = assemble(words, tables, page_number, first_number, inked, borderless, settings, clean)
    return page, [w for _, w in words]


def confident_words(words: list[Word]) -> int:
    """Words Tesseract is sure of (conf >= 0.8, two characters or more): the measure of a reading."""
    return sum(1 for w in words if (w.conf or 0) >= 0.8 and len(w.text) >= 2)


def reads_poorly(words: list[Word], settings: OcrSettings = OcrSettings()) -> bool:
    if not words:
        return True
    sure = confident_words(words)
    return sure < settings.orientation_min_words or sure < settings.orientation_check_below * len(words)


def osd_rotation(gray: Image.Image, dpi: int, options: IngestOptions, settings: OcrSettings = OcrSettings()) -> int:
    """Degrees (clockwise: 90, 180 or 270) the page must turn to stand upright, by Tesseract's
    orientation detection; 0 when it is upright, unsure, or OSD is not installed."""
    pytesseract = tesseract_module()

    # OSD needs letters, not detail: a copy at most ``osd_max_px`` on its long side is enough and
    # several times faster than the full page.
    scale = min(1.0, settings.osd_max_px / max(gray.size))
    small = gray if scale >= 1.0 else gray.resize((round(gray.width * scale), round(gray.height * scale)))
    try:
        report = pytesseract.image_to_osd(
            small, config=f"--psm 0 --dpi {max(70, round(dpi * scale))}", timeout=options.ocr_timeout_s
        )
    except (pytesseract.TesseractError, RuntimeError):
        return 0  # no osd.traineddata, or too little text to tell: the page stays as read
    fields = dict(line.split(":", 1) for line in report.splitlines() if ":" in line)
    try:
        rotate = int(fields.get("Rotate", "0").strip())
        confidence = float(fields.get("Orientation confidence", "0").strip())
    except ValueError:
        return 0
    return rotate % 360 if confidence >= settings.osd_min_confidence else 0


def _as_bbox(values) -> BBox:
    x0, top, x1, bottom = (float(v) for v in values)
    return (x0, top, x1, bottom)


def unruled_ocr_tables(
    words: list[Word],
    page_number: int,
    settings: OcrSettings,
    carried: Sequence[float] = (),
    went_on: tuple[bool, bool] = (False, False),
) -> list[tuple[Table, set[int]]]:
    """Borderless tables of a page with no ruled grid, from its words' visual lines, each with the
    ids of the words it took. Every word is given the page's typical word height as its size (a
    lone number's ink is lower than a word's; the gaps between columns are what is measured).
    A plan's task table at tab stops first, from its header as on a text layer (its gutters are not
    there to find: ``pdf_task_columns``); ``went_on``: whether ``carried`` is a task table's, and one
    with no code column. Cells carry their words' mean confidence, as grid cells do."""
    size = word_height(words)
    if size is None:
        return []
    dust = page_dust(words, size, settings)
    for w in words:  # a speck read glued to a word's edge ("_1.2")
        if not _DUST.match(w.text) and _EDGE_DUST.search(w.text):
            w.text = _EDGE_DUST.sub("", w.text) or w.text
    # A dot read as a dash stays in the lines the columns are found from and leaves only the text
    # of the cell it fell in (``ocr_dot_dash.without_dot_dashes``): one word less in the gap after a code ("3.
    # - Cải cách …") has made a scanned score table's maxima part of its names' column.
    dots = [w for w in dust if not _DUST.match(w.text)]
    specks = {id(w) for w in dust if _DUST.match(w.text)}
    lines = visual_lines([w for w in words if id(w) not in specks], settings)
    sized = [[(w, size) for w in line] for line in lines]
    tasks = task_column_tables(
        sized_lines(sized),
        page_number,
        settings.unruled,
        reading_text,
        settings.task_columns,
        "ocr-text",
        list(carried) if went_on[0] else None,
        went_on[1],
    )
    spans = frozenset(k for _, rows in tasks for k in range(min(rows), max(rows) + 1))
    found = tasks + unruled_tables(
        sized, page_number, settings.unruled, settings.chunk_gap, reading_text, list(carried), "ocr-text", spans
    )
    out = []
    for table, used in found:
        taken = [w for k in used for w in lines[k]]
        for cell in table.cells:
            box = cell.bbox
            inside = [w.conf for w in taken if box is not None and centre_in(bbox_of(w), box) and w.conf is not None]
            cell.conf = mean_conf(inside)
        without_dot_dashes(table, dots)
        box = bbox_of(table)
        out.append((table, {id(w) for w in taken} | {id(w) for w in dust if centre_in(bbox_of(w), box)}))
    return out


# Paper dust read as marks ("_", ":", "'", "`"): no cell holds such a word alone. A dash, "x" or a
# bracket may be a cell's content ("-" for not scored) and stays.
# Spacing accents ("ˆ", "˜", "¨") are such marks too: Tesseract's Vietnamese model reads a speck
# as the accent it looks like.
_DUST = lazy_re_compile(r"^[_:;.,'`´~^ˆ˜¨\"“”‘’]+$")
_EDGE_DUST = lazy_re_compile(r"^[_`´~^ˆ˜]+|[_`´~^ˆ˜]+$")


def page_dust(words: list[Word], size: float, settings: OcrSettings) -> list[Word]:
    """The words of a page with no ruled grid that are paper dust (``_DUST``, ``ocr_dot_dash.dot_dash``);
    ``size``: the page's typical word height."""
    return [w for w in words if _DUST.match(w.text) or dot_dash(w, size, settings)]


def cell_boxes(table: Table) -> list[tuple[BBox, int, int, int, int]]:
    """A borderless table as the grid cells ``retry_cells`` reads: rows cut halfway between one
    row's lowest ink and the next row's highest (a wrapped name makes a row two lines high, and a
    number set in the middle of its row stands above or below the name's first line), each column
    between its edges."""
    edges = table.col_edges
    spans = []
    for r in range(table.n_rows):
        boxes = [c.bbox for c in table.cells if c.row == r and c.bbox]
        if boxes:
            spans.append((r, min(b[1] for b in boxes), max(b[3] for b in boxes)))
    if not edges or not spans:
        return []
    cuts = [(a[2] + b[1]) / 2 for a, b in zip(spans, spans[1:])]
    pad = min((b - a for _, a, b in spans), default=0.0) / 2
    out: list[tuple[BBox, int, int, int, int]] = []
    for k, (r, top, bottom) in enumerate(spans):
        y0 = cuts[k - 1] if k else top - pad
        y1 = cuts[k] if k < len(cuts) else bottom + pad
        for c in range(len(edges) - 1):
            out.append(((edges[c], y0, edges[c + 1], y1), r, c, 1, 1))
    return out


def _cell_conf(words: list[Word], key: tuple, inked, clean) -> float | None:
    if words:
        return mean_conf([w.conf for w in words if w.conf is not None])
    return 0.0 if key in inked else BLANK_SEEN if key in clean else None


def assemble(
    words,
    tables,
    page_number: int,
    first_number: int,
    inked: frozenset | set = frozenset(),
    borderless: list[tuple[Table, set[int]]] | None = None,
    settings: OcrSettings = OcrSettings(),
    clean: frozenset | set = frozenset(),
) -> list:
    """Words into table cells (by box centre) and the rest into Tesseract's lines; blocks in
    reading order (top to bottom). A cell in ``inked`` that still has no word gets confidence 0.0:
    ink OCR could not read (a lost number is then doubtful, not a blank); one in ``clean`` (its
    paper seen empty) gets ``BLANK_SEEN``: sure that it prints nothing. ``borderless``: tables
    already built from the words' positions (``unruled_ocr_tables``) with the ids of their words."""
    blocks: list[tuple[float, float, Table | list[Word]]] = []
    taken = {i for _, ids in borderless or [] for i in ids}
    free = [(k, w) for k, w in words if id(w) not in taken]
    for table, _ in borderless or []:
        box = bbox_of(table)
        blocks.append((box[1], box[0], table))
    for cells in tables:
        box = union_bbox([c[0] for c in cells])
        inside = [w for _, w in free if centre_in(w.bbox, box)]
        free = [(k, w) for k, w in free if not centre_in(w.bbox, box)]
        table_cells = []
        held = [[w for w in inside if centre_in(w.bbox, cbox)] for cbox, *_ in cells]
        bullets = bulleted_cells(
            [(b, r, c, visual_lines(cw)) for (b, r, c, _, _), cw in zip(cells, held)], settings.bullets
        )
        for (cbox, r, c, rs, cs), cw in zip(cells, held):
            printed = placed_lines(cw)
            table_cells.append(
                Cell(
                    row=r,
                    col=c,
                    text=join_printed_lines([text for text, _, _ in printed]),
                    row_span=rs,
                    col_span=cs,
                    bbox=_as_bbox(cbox),
                    conf=_cell_conf(cw, tuple(cbox), inked, clean),
                    lines=[text for text, _, _ in printed],
                    line_places=[place for _, _, place in printed],
                    line_confs=[conf for _, conf, _ in printed],
                    strokes_agree=any(w.strokes_agree for w in cw),
                    bullet=(r, c) in bullets,
                )
            )
        n_rows = max(c.row + c.row_span for c in table_cells)
        n_cols = max(c.col + c.col_span for c in table_cells)
        table = Table(
            page=page_number, cells=table_cells, n_rows=n_rows, n_cols=n_cols, source="ocr-lines", bbox=_as_bbox(box)
        )
        blocks.append((box[1], box[0], table))
    lines: dict[tuple[int, int, int], list[Word]] = {}
    for key, w in free:
        lines.setdefault(key, []).append(w)
    for ws in side_by_side(list(lines.values()), settings):
        bbox = union_bbox([bbox_of(w) for w in ws])
        blocks.append((bbox[1], bbox[0], ws))
    out: list[Line | Table] = []
    number = first_number
    for _top, _, item in sorted(blocks, key=lambda b: (b[0], b[1])):
        if isinstance(item, Table):
            item.line_start, item.line_end = number, number + item.n_rows - 1
            number += item.n_rows
            out.append(item)
        else:
            out.append(
                Line(
                    text=fold_spaces(" ".join(w.text for w in item)),
                    page=page_number,
                    number=number,
                    bbox=union_bbox([bbox_of(w) for w in item]),
                    words=item,
                    conf=mean_conf([w.conf for w in item if w.conf is not None]),
                )
            )  # (OCR words have one)
            number += 1
    return out

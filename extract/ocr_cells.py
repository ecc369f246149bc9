"""Table cells read again after the page reading: cells left empty though they hold ink, a codes
column's cells with the English model, points cells that read as no number with digits only.
Crops are cut tight, cleaned of specks and pasted into strips: one Tesseract call per strip."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
from PIL import Image

from extract.base import IngestOptions
from extract.model import Word, bbox_of, mean_conf
from extract.ocr_codes import (
    CLEAN_FRACTION,
    CLEAN_NUMBER,
    CLEAN_PAIR,
    CODE_LIKE,
    COLUMN_NUMBER,
    MARKED_FIGURE,
    code_columns,
    fraction_columns,
    names_a_number,
    numeric_columns,
    ones_as_roman,
    pair_columns,
)
from extract.ocr_commas import commas_lost, placed_comma
from extract.ocr_image import otsu_threshold
from extract.ocr_lines import reading_text
from extract.ocr_pairs import read_pairs
from extract.ocr_settings import OcrSettings
from extract.pdf_reader import centre_in
from extract.tesseract import has_language, tesseract_words
from normalize.points_scale import stepped_scale


def cell_words(words, tables) -> dict[tuple, list[Word]]:
    """Each grid cell's words (by box centre), keyed by the cell box."""
    out: dict[tuple, list[Word]] = {}
    for cells in tables:
        for cell_box, *_ in cells:
            out[tuple(cell_box)] = []
    boxes = list(out)
    for _, w in words:
        for box in boxes:
            if centre_in(w.bbox, box):
                out[box].append(w)
                break
    return out


def clean_crop(
    arr: np.ndarray, ink: np.ndarray, box: tuple[int, int, int, int], dust_px: int, margin: int, number: bool = False
):
    """The ink of a cell cut tight, specks left out (a dust dot beside a lone "5" makes Tesseract
    read "s)" or nothing), on white paper with a small margin; None when no ink is left. A
    ``number``'s small marks are kept only where a decimal comma sits: beside the digits, on their
    lower half (an upscaled 150-dpi speck passes any size limit: ". 0" read ".0", "1 ." nothing);
    the same holds for a one-line code ("I.", "1.2")."""
    import cv2

    x0, y0, x1, y1 = box
    cell_ink = np.ascontiguousarray(ink[y0:y1, x0:x1])
    n, labels, stats, _ = cv2.connectedComponentsWithStats(cell_ink.view(np.uint8), connectivity=8)
    keep = np.zeros(n, dtype=bool)
    keep[1:] = stats[1:, cv2.CC_STAT_AREA] > dust_px
    if not keep.any():
        return None
    if number:
        area = stats[:, cv2.CC_STAT_AREA]
        c_left, c_top = stats[:, cv2.CC_STAT_LEFT], stats[:, cv2.CC_STAT_TOP]
        c_right, c_bottom = c_left + stats[:, cv2.CC_STAT_WIDTH], c_top + stats[:, cv2.CC_STAT_HEIGHT]
        digit = keep & (area >= 0.25 * area[keep].max())
        d_left, d_right = c_left[digit].min(), c_right[digit].max()
        d_top, d_bottom = c_top[digit].min(), c_bottom[digit].max()
        h = d_bottom - d_top
        beside = (c_right >= d_left - h / 2) & (c_left <= d_right + h / 2)
        low = ((c_top + c_bottom) / 2 >= d_top + h / 2) & (c_top <= d_bottom + h / 3)
        keep = digit | (keep & beside & low)
    mask = keep[labels]
    ys, xs = np.nonzero(mask)
    top, bottom, left, right = int(ys.min()), int(ys.max()) + 1, int(xs.min()), int(xs.max()) + 1
    crop = np.full((bottom - top + 2 * margin, right - left + 2 * margin), 255, dtype=np.uint8)
    part = arr[y0 + top : y0 + bottom, x0 + left : x0 + right]
    crop[margin:-margin, margin:-margin] = np.where(mask[top:bottom, left:right], part, 255)
    return crop, (x0 + left - margin, y0 + top - margin)


def read_strip(
    crops: list[tuple[np.ndarray, tuple[int, int]]],
    dpi: int,
    options: IngestOptions,
    settings: OcrSettings,
    config: str = "",
    across: bool = False,
) -> list[tuple[int, Word]]:
    """Crops pasted into one image, read by one Tesseract call: each word (in page coordinates)
    with the index of the crop it came from. One under another (lines of text), or ``across``:
    side by side on one line, far apart (lone digits: stacked, the top one of a column of single
    "5", "1", "2" was dropped; side by side with gaps of 3 glyph heights every one was read)."""
    gap = settings.retry_gap_px
    if across:
        gap = max(gap, settings.retry_across_gap * max(c.shape[0] for c, _ in crops))
        # No paper above and below beyond the crops' own margin: with 5-30 px more, a bold "5,5"
        # read "2,2" and a lone "5" "k".
        height = max(c.shape[0] for c, _ in crops)
        width = sum(c.shape[1] + gap for c, _ in crops) + gap
    else:
        width = max(c.shape[1] for c, _ in crops) + 2 * gap
        height = sum(c.shape[0] + gap for c, _ in crops) + gap
    strip = np.full((height, width), 255, dtype=np.uint8)
    placed: list[tuple[int, int, int, int]] = []  # x, y of each crop in the strip, its far side
    at = gap
    for crop, _ in crops:
        x, y = (at, 0) if across else (gap, at)
        strip[y : y + crop.shape[0], x : x + crop.shape[1]] = crop
        placed.append((x, y, x + crop.shape[1], y + crop.shape[0]))
        at += (crop.shape[1] if across else crop.shape[0]) + gap
    out = []
    for _key, w in tesseract_words(Image.fromarray(strip), dpi, options, psm=6, config=config, api=settings.tesseract):
        if not any(ch.isalnum() for ch in w.text):
            continue  # specks and edge remains read as punctuation
        wx0, wy0, wx1, wy1 = bbox_of(w)
        cx, cy = (wx0 + wx1) / 2, (wy0 + wy1) / 2
        for k, (x0, y0, x1, y1) in enumerate(placed):
            if (x0 - gap / 2 <= cx <= x1 + gap / 2) if across else (y0 <= cy <= y1):
                ox, oy = crops[k][1]
                dx, dy = ox - x0, oy - y0
                w.bbox = (wx0 + dx, wy0 + dy, wx1 + dx, wy1 + dy)
                out.append((k, w))
                break
    return out


def retry_cells(
    arr: np.ndarray, tables, words, dpi: int, options: IngestOptions, settings: OcrSettings
) -> tuple[list[tuple[tuple[int, int, int], Word]], set[int], set, set]:
    """OCR again, cut tight and cleaned of specks, (1) the grid cells the page reading left empty
    though they hold ink, then (2) the cells of a points column that still read as no number
    ("s)", "„1"), with digits and the decimal comma only. Crops go into strips, one Tesseract call
    per strip, not one per cell. Returns the words found (page coordinates), the ids of the words
    they replace, the boxes of the inked cells (ink OCR had not read) and those of the empty cells
    whose paper holds no ink (printed blank)."""
    ink = arr < otsu_threshold(arr)
    by_cell = cell_words(words, tables)
    inset = settings.retry_inset_px
    dust = max(1, round(settings.dust_max_px * (dpi / 300) ** 2))
    margin = max(2, round(settings.retry_margin_px * dpi / 300))
    one_line = settings.retry_line_max_px * dpi / 300

    def inner(cell_box) -> tuple[int, int, int, int] | None:
        x0, y0, x1, y1 = cell_box
        box = (int(x0) + inset, int(y0) + inset, int(x1) - inset, int(y1) - inset)
        return box if box[2] > box[0] and box[3] > box[1] else None

    # (1) Empty cells holding ink: one-line crops side by side, taller ones stacked; those of a
    # codes column side by side apart, with the characters of codes only.
    inked: set = set()
    clean: set = set()
    first = {box: reading_text(ws) for box, ws in by_cell.items()}
    short: list[tuple[np.ndarray, tuple[int, int]]] = []
    tall: list[tuple[np.ndarray, tuple[int, int]]] = []
    coded: list[tuple[np.ndarray, tuple[int, int]]] = []
    short_cells: list[tuple] = []
    tall_cells: list[tuple] = []
    coded_cells: list[tuple] = []
    for cells in tables:
        codes = code_columns(cells, first)
        for cell_box, _r, c, _rs, cs in cells:
            key = tuple(cell_box)
            box = inner(cell_box)
            if by_cell[key] or box is None:
                continue
            if int(ink[box[1] : box[3], box[0] : box[2]].sum()) < settings.retry_min_ink_px:
                clean.add(key)  # paper seen empty: the cell is printed blank, not lost
                continue
            crop = clean_crop(arr, ink, box, dust, margin, number=True)
            if crop is not None and crop[0].shape[0] > one_line:  # not one line: marks are letters' too
                crop = clean_crop(arr, ink, box, dust, margin)
            if crop is None:
                continue
            inked.add(key)
            if crop[0].shape[0] <= one_line and cs == 1 and c in codes:
                # More paper around a code: with the number margin the English model dropped
                # the dot of "4." and read "I." as "L".
                coded.append(clean_crop(arr, ink, box, dust, margin * settings.code_margin, number=True) or crop)
                coded_cells.append(key)
            elif crop[0].shape[0] <= one_line:
                short.append(crop)
                short_cells.append(key)
            else:
                tall.append(crop)
                tall_cells.append(key)
    found: list[tuple[tuple[int, int, int], Word]] = []
    if coded:
        # Codes first. A crop whose reading is no code ("TT" of the header, nothing) is read
        # again with the other one-line crops, as any cell: the English model knows no Vietnamese.
        code_options = replace(options, ocr_lang=settings.code_lang) if has_language(settings.code_lang) else options
        read_codes: dict[int, list[Word]] = {}
        for k, w in read_strip(coded, dpi, code_options, settings, across=True):
            read_codes.setdefault(k, []).append(w)
        for k, crop in enumerate(coded):
            ws = read_codes.get(k, [])
            if ws and CODE_LIKE.match(reading_text(ws)):
                found.extend(((-4, k, 0), w) for w in ws)
                by_cell[coded_cells[k]].extend(ws)
            else:
                short.append(crop)
                short_cells.append(coded_cells[k])
    for crops, keys, across, tag in ((short, short_cells, True, -1), (tall, tall_cells, False, -2)):
        if crops:
            for k, w in read_strip(crops, dpi, options, settings, across=across):
                found.append(((tag, k, 0), w))
                by_cell[keys[k]].append(w)
    texts = {box: reading_text(ws) for box, ws in by_cell.items()}
    for cells in tables:  # a Roman part code read "1." or "L", in the first reading or the second
        codes = code_columns(cells, texts)
        coded_words = [
            w for cell_box, _r, c, _rs, cs in cells if c in codes and cs == 1 for w in by_cell[tuple(cell_box)]
        ]
        ones_as_roman(coded_words, ink, settings)
    # (2) Points columns: a cell reading as no number is read again, digits only; a fraction
    # column's cell reading as no fraction, with digits and the slash.
    texts = {box: reading_text(ws) for box, ws in by_cell.items()}
    digits: list[tuple[np.ndarray, tuple[int, int]]] = []
    digit_cells: list[tuple] = []
    lost_glyph: set[tuple] = set()
    commas: dict[tuple, tuple[int, int]] = {}
    # Two-figure columns, a cell reading as no such figure read again: a fraction column's with
    # digits and the slash, a bracketed pair column's figure by figure (``ocr_pairs``).
    fractions: list[tuple[np.ndarray, tuple[int, int]]] = []
    fraction_cells: list[tuple] = []
    pairs: list[tuple[np.ndarray, tuple[int, int]]] = []
    pair_cells: list[tuple] = []
    for cells in tables:
        numeric = numeric_columns(cells, texts, settings)
        fractional = fraction_columns(cells, texts, settings) - numeric
        paired = pair_columns(cells, texts, settings) - numeric - fractional
        two_figures = (
            (fractional, CLEAN_FRACTION, settings.odd_fraction_max_chars, fractions, fraction_cells),
            (paired, CLEAN_PAIR, settings.odd_pair_max_chars, pairs, pair_cells),
        )
        # (a glyph the reading lacks: a digit by the box's width, a comma by its ink)
        table_commas = commas_lost(cells, numeric, by_cell, texts, ink, settings)
        # (a codes column's "2.1" read "21" holds a code's dot, no comma: none is put back there)
        code_cols = code_columns(cells, texts)
        commas.update((key, table_commas[key]) for key, c in _cells_of(cells, table_commas) if c not in code_cols)
        short_ink = glyphs_lost(cells, numeric, by_cell, texts, settings) | set(table_commas)
        lost_glyph |= short_ink
        odd_shapes = numbers_out_of_shape(cells, numeric, by_cell, texts, settings) | short_ink
        for cell_box, _r, c, _rs, cs in cells:
            key = tuple(cell_box)
            text = texts[key]
            # (a cell holding ink the first retry read nothing of is tried with digits too)
            if cs != 1 or not (text or key in inked) or COLUMN_NUMBER.match(text):
                continue
            box = inner(cell_box)
            column = next((kind for kind in two_figures if c in kind[0]), None)
            if column is not None:
                _, shape, limit, crops, keys = column
                crop = (
                    None
                    if shape.match(text) or len(text) > limit or box is None
                    else clean_crop(arr, ink, box, dust, margin, number=True)
                )
                if crop is not None:
                    crops.append(crop)
                    keys.append(key)
                continue
            if c not in numeric:
                continue
            conf = mean_conf([w.conf for w in by_cell[key] if w.conf is not None])
            unsure = conf is not None and conf < settings.unsure_number_conf
            if (CLEAN_NUMBER.match(text) and key not in odd_shapes and not unsure) or names_a_number(text):
                continue  # (a header's "Ấp 1", "TDP 3" over a figures column: read digits only, its word is lost)
            if stepped_scale(text) is not None:
                continue  # ("0-1", "0-0,5-1": a maximum printed as its scale; read with digits only, "01")
            limit = settings.odd_figure_max_chars if MARKED_FIGURE.match(text) else settings.odd_max_chars
            if len(text) > limit or box is None:
                continue
            crop = clean_crop(arr, ink, box, dust, margin, number=True)
            if crop is not None:
                digits.append(crop)
                digit_cells.append(key)
    replaced: set[int] = set()
    read_anew: set[tuple] = set()
    for keys, reread, tag in (
        (digit_cells, read_again(digits, settings.digit_chars, CLEAN_NUMBER, dpi, options, settings), -3),
        (fraction_cells, read_again(fractions, settings.fraction_chars, CLEAN_FRACTION, dpi, options, settings), -5),
        (pair_cells, read_pairs(pairs, margin, dpi, options, settings), -7),
    ):
        for k, ws in reread.items():
            key = keys[k]
            if reading_text(ws) == texts[key]:
                continue  # no better than the first reading (the same): that one stays
            found.extend(((tag, k, 0), w) for w in ws)
            replaced.update(id(w) for w in by_cell[key])
            read_anew.add(key)
    for key in lost_glyph - read_anew:
        for w in by_cell[key]:  # (read the same again: its ink still holds a glyph more than its reading)
            w.conf = min(w.conf if w.conf is not None else 0.0, settings.retry_max_conf)
        if key in commas and len(by_cell[key]) == 1:
            # (read the same twice, the comma still unseen: put where its ink stands, the value doubtful)
            word = by_cell[key][0]
            word.text = placed_comma(word.text, *commas[key]) or word.text
    return [(k, w) for k, w in found if id(w) not in replaced], replaced, inked, clean


def _cells_of(cells, keys) -> list[tuple[tuple, int]]:
    """The cells among ``keys`` (cell boxes), each as its box and column."""
    return [(tuple(cell_box), c) for cell_box, _r, c, _rs, _cs in cells if tuple(cell_box) in keys]


def read_again(
    crops: list[tuple[np.ndarray, tuple[int, int]]],
    chars: str,
    shape,
    dpi: int,
    options: IngestOptions,
    settings: OcrSettings,
) -> dict[int, list[Word]]:
    """Crops of misread cells read again with ``chars`` only: each crop's words (by index) when
    they read in ``shape`` (a number, a fraction), capped at ``retry_max_conf``."""
    if not crops:
        return {}
    read: dict[int, list[Word]] = {}
    for k, w in read_strip(crops, dpi, options, settings, f"-c tessedit_char_whitelist={chars}", across=True):
        read.setdefault(k, []).append(w)
    out: dict[int, list[Word]] = {}
    for k, ws in read.items():
        for w in ws:  # a number neither starts nor ends with its separator: ".0" is a speck and a 0
            w.text = w.text.strip(settings.digit_chars.strip("0123456789"))
        ws = [w for w in ws if w.text]
        if not ws or not shape.match(reading_text(ws)):
            continue
        for w in ws:
            # A second reading of a cell the first misread: doubtful by nature, so the value
            # stays in the review queue whatever Tesseract's own confidence.
            w.conf = min(w.conf if w.conf is not None else 0.0, settings.retry_max_conf)
        out[k] = ws
    return out


def numbers_out_of_shape(
    cells, numeric: set[int], by_cell: dict[tuple, list[Word]], texts: dict[tuple, str], settings: OcrSettings
) -> set[tuple]:
    """Cells of the points columns whose plain number was read from a word box out of shape beside
    the column's typical number: taller than a line (``tall_number_ratio`` times its height: specks
    under "0,25" taken into the word made it "045") or wider than its characters (``wide_number_ratio``
    times their width: the two glyphs of "11" read as one "1"). Tesseract read ink that its digits do
    not account for, so they are in doubt and the cell is read again, cut tight to its digits."""
    shapes: dict[int, list[tuple[float, float]]] = {}
    for cell_box, _r, c, _rs, cs in cells:
        key = tuple(cell_box)
        if cs == 1 and c in numeric and CLEAN_NUMBER.match(texts.get(key, "")) and by_cell.get(key):
            shapes.setdefault(c, []).append(_shape(by_cell[key], texts[key]))
    out: set[tuple] = set()
    for cell_box, _r, c, _rs, _cs in cells:
        key = tuple(cell_box)
        column = shapes.get(c, [])
        plain = CLEAN_NUMBER.match(texts[key])
        if not by_cell.get(key) or len(column) < settings.numeric_column_min_cells or not plain:
            continue
        height = sorted(h for h, _ in column)[len(column) // 2]
        width = sorted(w for _, w in column)[len(column) // 2]
        h, w = _shape(by_cell[key], texts[key])
        if h > settings.tall_number_ratio * height or w > settings.wide_number_ratio * width:
            out.add(key)
    return out


def glyphs_lost(
    cells, numeric: set[int], by_cell: dict[tuple, list[Word]], texts: dict[tuple, str], settings: OcrSettings
) -> set[tuple]:
    """Cells of the points columns whose plain number was read from a box wider than the reading
    sets by ``lost_glyph_em`` (in ems: a digit's advance is half an em, a decimal mark's a quarter,
    less the bearings at the ends): the ink holds a glyph the reading lacks ("3,75" read "3,5"). The
    em is the column's typical digit height (``digit_height_em``), of its whole numbers (a comma's
    tail makes a box taller); a column printing too few of them (a field's self points: "10,5",
    "6,25", "5,5") takes the table's other points columns' (a row's figures share one type size)."""
    heights: dict[int, list[float]] = {}
    for cell_box, _r, c, _rs, cs in cells:
        key = tuple(cell_box)
        text = texts.get(key, "")
        if cs == 1 and c in numeric and CLEAN_NUMBER.match(text) and text.isdigit() and by_cell.get(key):
            heights.setdefault(c, []).append(_ink(by_cell[key])[0])
    pooled = sorted(h for column in heights.values() for h in column)
    out: set[tuple] = set()
    for cell_box, _r, c, _rs, cs in cells:
        key = tuple(cell_box)
        text = texts.get(key, "")
        column = sorted(heights.get(c, []))
        column = column if len(column) >= settings.numeric_column_min_cells else pooled
        if cs != 1 or len(column) < settings.numeric_column_min_cells or not by_cell.get(key):
            continue
        if CLEAN_NUMBER.match(text):
            em = column[len(column) // 2] / settings.digit_height_em
            width = _ink(by_cell[key])[1]
            sets = em * (0.5 * sum(ch.isdigit() for ch in text) + 0.25 * sum(ch in ",." for ch in text) - 0.1)
            if width > sets + settings.lost_glyph_em * em:
                out.add(key)
    return out


def _ink(words: list[Word]) -> tuple[float, float]:
    """The height and width of a number's ink box (its words' boxes joined)."""
    boxes = [bbox_of(w) for w in words]
    return max(b[3] for b in boxes) - min(b[1] for b in boxes), max(b[2] for b in boxes) - min(b[0] for b in boxes)


def _shape(words: list[Word], text: str) -> tuple[float, float]:
    """A number's ink box: its height, and its width per character read."""
    height, width = _ink(words)
    return height, width / max(1, len(text.replace(" ", "")))

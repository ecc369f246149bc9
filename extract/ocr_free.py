"""Ink outside the grid that the page reading left unread, beside a line it did read: a lone code
("c)") or points ("1") of an unruled table's row, which Tesseract's page segmentation drops when
it stands apart from the row's name. Read again, cut tight, side by side in one strip (the same
reading as empty grid cells, ocr_cells)."""

from __future__ import annotations

import statistics

import numpy as np

from extract.base import IngestOptions
from extract.model import Word, bbox_of
from extract.ocr_cells import clean_crop, read_strip
from extract.ocr_free_numerals import stroke_numeral
from extract.ocr_image import otsu_threshold
from extract.ocr_lines import line_band
from extract.ocr_settings import OcrSettings


def unread_ink(
    arr: np.ndarray,
    words: list[tuple[tuple[int, int, int], Word]],
    tables,
    dpi: int,
    options: IngestOptions,
    settings: OcrSettings,
) -> list[tuple[tuple[int, int, int], Word]]:
    """Words read from ink blobs no word covers, outside every grid, each standing on the band of
    a line the page reading gave (so the margins' noise, a photo's page edge, stay unread), as
    high as that line's words and apart from them (a glyph's edge a word box left out sits
    against its word). Returned with keys of their own: ``side_by_side`` joins each to its
    line."""
    import cv2

    if not settings.free_retry or not words:
        return []
    height = statistics.median(bbox_of(w)[3] - bbox_of(w)[1] for _, w in words)
    if height < 4:
        return []
    left = arr < otsu_threshold(arr)
    pad = settings.free_word_pad_px
    for _, w in words:
        x0, y0, x1, y1 = (int(v) for v in bbox_of(w))
        left[max(0, y0 - pad) : y1 + pad, max(0, x0 - pad) : x1 + pad] = False
    for cells in tables:
        for cell_box, *_ in cells:
            x0, y0, x1, y1 = (int(v) for v in cell_box)
            left[y0:y1, x0:x1] = False
    # Glyphs of one token into one blob: closed across by half a line height.
    reach = max(1, round(height / 2))
    joined = cv2.dilate(left.view(np.uint8), np.ones((1, reach), np.uint8))
    n, _labels, stats, _ = cv2.connectedComponentsWithStats(joined, connectivity=8)
    lines: dict[tuple[int, int, int], list[Word]] = {}
    for key, w in words:
        lines.setdefault(key, []).append(w)
    bands = [line_band(ws)[2:] for ws in lines.values()]
    boxes = [bbox_of(w) for _, w in words]
    dust = max(1, round(settings.dust_max_px * (dpi / 300) ** 2))
    margin = max(2, round(settings.retry_margin_px * dpi / 300))
    crops: list[tuple[np.ndarray, tuple[int, int]]] = []
    beside: list[tuple[np.ndarray, tuple[int, int]]] = []
    for k in range(1, n):
        x, y, wide, high = (int(v) for v in stats[k, :4])
        if not settings.free_min_height * height <= high <= settings.free_max_height * height:
            continue
        if wide > settings.free_max_width * height:
            continue
        on_a_line = any(
            min(y + high, bottom) - max(y, top) >= settings.line_overlap * min(high, bottom - top)
            for top, bottom in bands
        )
        if not on_a_line or int(left[y : y + high, x : x + wide].sum()) < settings.retry_min_ink_px:
            continue
        gap = settings.free_apart * height
        near = any(b[0] < x + wide + gap and b[2] > x - gap and b[1] < y + high and b[3] > y for b in boxes)
        crop = clean_crop(arr, left, (x, y, x + wide, y + high), dust, margin, number=True)
        if crop is not None:
            (beside if near else crops).append(crop)
    found = []
    if crops:
        for k, word in read_strip(crops, dpi, options, settings, across=True):
            if (word.conf or 0) >= settings.free_min_conf:
                found.append(((-5, k, 0), word))
            elif settings.free_stroke_numerals and (numeral := stroke_numeral(word, arr < otsu_threshold(arr))):
                # A bold section numeral whose serifs touch, read unsure ("Hi" for "II"): the ink's
                # stems say which it is (ocr_free_numerals).
                word.text = numeral
                found.append(((-5, k, 0), word))
    if beside:
        # Beside a word: a glyph's part its box left out ("Ỉ" of an accented capital), unless it
        # reads as a number of its own, surely — a document's number between "Số:" and "/KH-UBND"
        # that the page reading dropped. Read apart, so the lone tokens' strip stays as it was.
        for k, word in read_strip(beside, dpi, options, settings, across=True):
            if _beside_number(word, settings):
                found.append(((-6, k, 0), word))
    return found


def _beside_number(word: Word, settings: OcrSettings) -> bool:
    """A reading of ink beside a word that is a number of its own: digits only, at least
    ``free_beside_digits`` of them, read at ``free_beside_conf`` or more (a glyph's edge reads as
    a letter, a lone stroke as one "1" or "l")."""
    text = word.text.strip()
    return text.isdigit() and len(text) >= settings.free_beside_digits and (word.conf or 0) >= settings.free_beside_conf

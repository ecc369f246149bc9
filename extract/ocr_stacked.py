"""Figures stacked one a line in a points cell whose lone lines the page reading dropped.

A score table pasted from a spreadsheet holds several criteria in one row, their maxima and self
points one a line in a cell ("1,25" over "0,25" over "0,75" over "2"). Tesseract's page reading
kept the lines of two or more characters and dropped a lone "1" or "2" among them: the cell then
held one figure fewer than its row's criteria, and the whole row was lost (told, not read). The
cells that were read empty are read again by ``ocr_cells``; these were not empty, only short.

Here each cell of a points column is cut into its printed lines by the ink's rows; a line band
no read word stands on is cut tight, cleaned of specks and read again with digits and the decimal
comma only (side by side with the others, one Tesseract call a page). A reading is kept only
when it is a plain number; its confidence is capped (``retry_max_conf``) so that the value stays
in the review queue: a figure the first reading missed is doubtful by nature."""

from __future__ import annotations

import numpy as np

from extract.base import IngestOptions
from extract.model import Word, bbox_of
from extract.ocr_cells import cell_words, clean_crop, read_again
from extract.ocr_codes import CLEAN_NUMBER, numeric_columns
from extract.ocr_image import otsu_threshold
from extract.ocr_lines import reading_text
from extract.ocr_settings import OcrSettings


def ink_bands(ink: np.ndarray, min_rows: int, gap: int) -> list[tuple[int, int]]:
    """The printed lines of a cell's ink, top to bottom: runs of pixel rows holding ink, runs apart
    by ``gap`` rows or fewer joined (a comma's tail, an accent's gap), those under ``min_rows`` high
    left out (specks, a ruling line's remains)."""
    rows = np.flatnonzero(ink.any(axis=1))
    if rows.size == 0:
        return []
    bands: list[list[int]] = [[int(rows[0]), int(rows[0])]]
    for y in rows[1:].tolist():
        if y - bands[-1][1] <= gap + 1:
            bands[-1][1] = y
        else:
            bands.append([y, y])
    return [(a, b + 1) for a, b in bands if b + 1 - a >= min_rows]


def unread_bands(bands: list[tuple[int, int]], words: list[Word], top: int, share: float) -> list[tuple[int, int]]:
    """The bands (cell rows, from ``top`` on the page) no read word covers by ``share`` of the band."""
    spans = [(bbox_of(w)[1] - top, bbox_of(w)[3] - top) for w in words]
    out = []
    for a, b in bands:
        covered = max((min(b, y1) - max(a, y0) for y0, y1 in spans), default=0)
        if covered < share * (b - a):
            out.append((a, b))
    return out


def stacked_figures(
    arr: np.ndarray, tables, words, dpi: int, options: IngestOptions, settings: OcrSettings
) -> list[tuple[tuple[int, int, int], Word]]:
    """Words read again from the figure lines of the points cells the page reading did not read:
    only in cells holding at least one figure read (an empty cell is ``ocr_cells``' work) and lines
    as high as the cell's figures read (``stacked_min_height`` of their median)."""
    ink = arr < otsu_threshold(arr)
    by_cell = cell_words(words, tables)
    texts = {box: reading_text(ws) for box, ws in by_cell.items()}
    inset = settings.retry_inset_px
    dust = max(1, round(settings.dust_max_px * (dpi / 300) ** 2))
    margin = max(2, round(settings.retry_margin_px * dpi / 300))
    gap = max(1, round(settings.stacked_band_gap_px * dpi / 300))
    crops: list[tuple[np.ndarray, tuple[int, int]]] = []
    for cells in tables:
        numeric = numeric_columns(cells, texts, settings)
        for cell_box, _r, c, _rs, cs in cells:
            read = by_cell[tuple(cell_box)]
            figures = [w for w in read if CLEAN_NUMBER.match(w.text)]
            if cs != 1 or c not in numeric or not figures or len(figures) != len(read):
                continue  # (a cell holding words is no stack of figures)
            x0, y0, x1, y1 = (int(v) for v in cell_box)
            box = (x0 + inset, y0 + inset, x1 - inset, y1 - inset)
            if box[2] <= box[0] or box[3] <= box[1]:
                continue
            height = sorted(bbox_of(w)[3] - bbox_of(w)[1] for w in figures)[len(figures) // 2]
            bands = ink_bands(ink[box[1] : box[3], box[0] : box[2]], round(settings.stacked_min_height * height), gap)
            for a, b in unread_bands(bands, read, box[1], settings.stacked_covered_share):
                band = (box[0], box[1] + max(0, a - gap), box[2], min(box[3], box[1] + b + gap))
                crop = clean_crop(arr, ink, band, dust, margin, number=True)
                if crop is not None and crop[0].shape[0] <= settings.stacked_max_height * height + 2 * margin:
                    crops.append(crop)
    found = read_again(crops, settings.digit_chars, CLEAN_NUMBER, dpi, options, settings)
    return [((-6, k, i), w) for k, ws in sorted(found.items()) for i, w in enumerate(ws)]

"""A decimal comma Tesseract dropped from a points cell: "2,5" read "25".

In a bold row the comma of "2,5" sits close under the digits and Tesseract reads the cell as the
whole number 25, sure of it (a row's maximum ten times its field's). The ink still shows the comma:
a small glyph in the gap between two digits, low, reaching the digits' baseline or below it. Such
a cell is read again with digits and the comma only (``ocr_cells.retry_cells``); read the same, it
stays doubtful, its value in the review queue.
"""

from __future__ import annotations

import numpy as np

from extract.model import Word, bbox_of
from extract.ocr_pairs import glyphs
from extract.ocr_settings import OcrSettings
from normalize.lazy_regex import lazy_re_compile

# A whole number of two or three digits: one a comma could have stood in ("25" for "2,5").
WHOLE = lazy_re_compile(r"^\d{2,3}$")


def commas_lost(
    cells,
    numeric: set[int],
    by_cell: dict[tuple, list[Word]],
    texts: dict[tuple, str],
    ink: np.ndarray,
    settings: OcrSettings,
) -> set[tuple]:
    """Cells of the points columns read as a whole number whose ink holds a comma between its
    digits (``comma_between``)."""
    out: set[tuple] = set()
    for cell_box, _r, c, _rs, cs in cells:
        key = tuple(cell_box)
        words = by_cell.get(key)
        if cs != 1 or c not in numeric or not words or not WHOLE.match(texts.get(key, "")):
            continue
        boxes = [bbox_of(w) for w in words]
        x0, y0 = int(min(b[0] for b in boxes)), int(min(b[1] for b in boxes))
        x1, y1 = int(max(b[2] for b in boxes)), int(max(b[3] for b in boxes))
        # (a comma's tail runs below the digits' baseline, out of a word box Tesseract drew round the digits)
        below = round((y1 - y0) * settings.comma_tail_share)
        crop = ink[max(0, y0) : y1 + below, max(0, x0) : x1 + 1]
        if crop.size and comma_between(glyphs(crop), settings):
            out.add(key)
    return out


def comma_between(boxes: list[tuple[int, int, int, int]], settings: OcrSettings) -> bool:
    """Whether, of a number's glyphs (left, top, right, bottom), a small one stands in the gap
    between two digits (its middle right of one digit's right edge and left of the next one's left
    edge), its top below the digits' middle and its bottom at their baseline or lower: a comma."""
    if not boxes:
        return False
    height = max(b[3] - b[1] for b in boxes)
    digits = [b for b in boxes if b[3] - b[1] >= settings.comma_digit_share * height]
    if len(digits) < 2:
        return False
    baseline = sorted(b[3] for b in digits)[len(digits) // 2]
    middle = sorted((b[1] + b[3]) / 2 for b in digits)[len(digits) // 2]
    for left, right in zip(digits, digits[1:], strict=False):
        for b in boxes:
            mid = (b[0] + b[2]) / 2
            tall, wide = b[3] - b[1], b[2] - b[0]
            small = settings.comma_min_share * height <= tall <= settings.comma_max_share * height
            small = small and wide <= settings.comma_max_share * height
            if small and left[2] <= mid <= right[0] and b[1] > middle and b[3] >= baseline - 0.1 * height:
                return True
    return False

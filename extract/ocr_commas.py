"""A decimal comma Tesseract dropped from a points cell: "2,5" read "25".

In a bold row the comma of "2,5" sits close under the digits and Tesseract reads the cell as the
whole number 25, sure of it (a row's maximum ten times its field's). The ink still shows the comma:
a small glyph in the gap between two digits, low, reaching the digits' baseline or below it. Such
a cell is read again with digits and the comma only (``ocr_cells.retry_cells``); read the same, the
comma goes where its ink stands, between the digits each side of it, when the reading has one
character per digit glyph ("25" of "2,5" is 2,5), and the value stays doubtful, in the review queue
(held-out seed 14001: an S18 scan's bold "2,5" read "25" twice, three cells, 25 against a field of 10).
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
) -> dict[tuple, tuple[int, int]]:
    """Cells of the points columns read as a whole number whose ink holds a comma between its
    digits (``comma_place``), each with how many digit glyphs stand before the comma and in all."""
    out: dict[tuple, tuple[int, int]] = {}
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
        place = comma_place(glyphs(crop), settings) if crop.size else None
        if place is not None:
            out[key] = place
    return out


def comma_between(boxes: list[tuple[int, int, int, int]], settings: OcrSettings) -> bool:
    """Whether, of a number's glyphs (left, top, right, bottom), a small one stands in the gap
    between two digits (its middle right of one digit's right edge and left of the next one's left
    edge), its top below the digits' middle and its bottom at their baseline or lower: a comma."""
    return comma_place(boxes, settings) is not None


def comma_place(boxes: list[tuple[int, int, int, int]], settings: OcrSettings) -> tuple[int, int] | None:
    """How many digit glyphs stand before the comma ``comma_between`` finds among a number's
    glyphs, and how many there are, a digit being a glyph at least ``comma_digit_share`` of the
    tallest's height; None when there is no comma. A comma put back at that place ("2" "," "5": 1)
    agrees with the reading only when it has as many characters as the ink has digits
    (``placed_comma``)."""
    if not boxes:
        return None
    height = max(b[3] - b[1] for b in boxes)
    digits = [b for b in boxes if b[3] - b[1] >= settings.comma_digit_share * height]
    if len(digits) < 2:
        return None
    baseline = sorted(b[3] for b in digits)[len(digits) // 2]
    middle = sorted((b[1] + b[3]) / 2 for b in digits)[len(digits) // 2]
    for at, (left, right) in enumerate(zip(digits, digits[1:], strict=False), start=1):
        for b in boxes:
            mid = (b[0] + b[2]) / 2
            tall, wide = b[3] - b[1], b[2] - b[0]
            small = settings.comma_min_share * height <= tall <= settings.comma_max_share * height
            small = small and wide <= settings.comma_max_share * height
            if small and left[2] <= mid <= right[0] and b[1] > middle and b[3] >= baseline - 0.1 * height:
                return at, len(digits)
    return None


def placed_comma(text: str, place: int, digits: int) -> str | None:
    """A whole number's reading with the comma its ink shows put back ("25", 1 → "2,5"), when the
    reading is all digits, one per digit glyph the ink holds (``digits``), the comma inside it;
    else None (a glyph merged or lost: the place would be a guess)."""
    if not WHOLE.match(text) or len(text) != digits or not 0 < place < len(text):
        return None
    return f"{text[:place]},{text[place:]}"

"""What a grid's columns hold, told from their first reading (the codes column, the points columns),
and the "1" vs "I" glyph decision for part codes (a Roman "I." read as the Arabic "1." or "L")."""

from __future__ import annotations

from collections import Counter

import numpy as np

from extract.model import Word, bbox_of
from extract.ocr_settings import OcrSettings
from normalize.lazy_regex import lazy_re_compile
from normalize.numbers import BRACKETED_PAIR_CELL, FRACTION_CELL

# A points cell as printed: "5", "10", "0,5", "2,25" (a dot for the comma in some tables).
CLEAN_NUMBER = lazy_re_compile(r"^\d{1,3}(?:[.,]\d{1,2})?$")

# A figure OCR printed with marks that are no decimal comma: digits and marks, no letter
# ("9/75", "- 14/5.", "10'"); a percent sign is printed, not OCR's ("78,94%" is a share as read).
MARKED_FIGURE = lazy_re_compile(r"^[^\w%]*\d(?:\d|[^\w%])*$")

# A fraction cell as printed ("9/10", "13,5/14", "-/3", "11⁄11"): normalize.numbers' one pattern.
CLEAN_FRACTION = FRACTION_CELL

# Two points in one cell, the second in brackets ("3 (2,5)", "2,5 (3)", "3 (-)"): normalize.numbers'
# one pattern.
CLEAN_PAIR = BRACKETED_PAIR_CELL

# Such a cell as Tesseract misreads its brackets: short, a digit in it, closing on the bracket
# ("s(3)" for "5 (3)", "2@)" for "2 (1)", "10)" for "1 (1)"); a note's "(Đạt)" holds no digit.
PAIR_LIKE = lazy_re_compile(r"^(?=.*\d)\S.{0,7}\)$")

# Printed column numbers under a header: "(3)" is not a misread number.
COLUMN_NUMBER = lazy_re_compile(r"^\(\d{1,2}\)$")

CODE = lazy_re_compile(r"^(?:\d+\.\d+\.\d+|[IVXLivxl]+\.?)$")

# What a codes column's cell holds below its header: "1.", "1.1.2", "II.", "I" (read "L"), "3.1.a".
CODE_LIKE = lazy_re_compile(r"^(?:\d{1,2}|[IVXL]{1,4})(?:\.\d{1,2})*(?:\.[a-z])?\.?$")

# A part code as Tesseract may read a Roman "I.", "II.", "III.": ones, a bold "I" as "L".
ONES_CODE = lazy_re_compile(r"^[1IL]{1,3}\.?$")


def code_columns(cells, texts: dict[tuple, str]) -> set[int]:
    """Columns of one grid holding a criterion code ("1.1.2", "II."): the codes column, whose
    "1.1" look like numbers."""
    return {c for cell_box, _r, c, _rs, cs in cells if cs == 1 and CODE.match(texts.get(tuple(cell_box), ""))}


def numeric_columns(cells, texts: dict[tuple, str], settings: OcrSettings) -> set[int]:
    """Columns of one grid most of whose filled one-column cells read as figures (the points
    columns): there a cell that reads otherwise ("s)", "„1", "9/75") is a number misread. Some of
    its cells read as plain numbers; the share counts every figure, plain or not (digits and marks,
    no letter): on a poor scan half a column's commas read as slashes ("10/225", "14/5.")."""
    codes = code_columns(cells, texts)
    return (
        _columns_reading(
            cells,
            texts,
            lambda text: bool(CLEAN_NUMBER.match(text)),
            lambda text: bool(CLEAN_NUMBER.match(text) or MARKED_FIGURE.match(text)),
            settings.numeric_column_min_cells,
            settings.numeric_column_share,
        )
        - codes
    )


def fraction_columns(cells, texts: dict[tuple, str], settings: OcrSettings) -> set[int]:
    """Columns of one grid most of whose filled one-column cells read as fractions (the points
    written "9/10" in one column, self over maximum or the other way round): there a cell that
    reads otherwise ("Vi" for "7/7") is a fraction misread, as a points column's "s)" is a number
    misread. The same counts as ``numeric_columns``'."""

    def fraction(text: str) -> bool:
        return bool(CLEAN_FRACTION.match(text))

    return _columns_reading(
        cells, texts, fraction, fraction, settings.numeric_column_min_cells, settings.numeric_column_share
    )


def pair_columns(cells, texts: dict[tuple, str], settings: OcrSettings) -> set[int]:
    """Columns of one grid printing two points a cell, the second in brackets ("3 (2,5)"): some
    of its filled one-column cells read as such a pair (``pair_column_min_cells``) and most of
    them as a pair or a short text closing on a bracket. Tesseract misreads the bracket and the
    figure beside it more often than not ("s(3)", "2@)", "1đ)"), so the share counts those too;
    there such a cell is a pair misread, as a points column's "s)" is a number misread."""
    return _columns_reading(
        cells,
        texts,
        lambda text: bool(CLEAN_PAIR.match(text)),
        lambda text: bool(CLEAN_PAIR.match(text) or PAIR_LIKE.match(text)),
        settings.pair_column_min_cells,
        settings.numeric_column_share,
    )


def _columns_reading(cells, texts: dict[tuple, str], sure, likely, min_cells: int, share: float) -> set[int]:
    """Columns of one grid at least ``min_cells`` of whose filled one-column cells read ``sure``ly
    as what the column holds, and ``share`` of them at least ``likely``."""
    read = _filled_one_column_cells(cells, texts)
    filled = Counter(c for c, _ in read)
    sure_count = Counter(c for c, text in read if sure(text))
    likely_count = Counter(c for c, text in read if likely(text))
    return {c for c, n in filled.items() if sure_count[c] >= min_cells and likely_count[c] >= share * n}


def _filled_one_column_cells(cells, texts: dict[tuple, str]) -> list[tuple[int, str]]:
    """(column, text) of a grid's cells that span one column and read as something."""
    out = []
    for cell_box, _r, c, _rs, cs in cells:
        text = texts.get(tuple(cell_box), "")
        if cs == 1 and text:
            out.append((c, text))
    return out


def ones_as_roman(words: list[Word], ink: np.ndarray, settings: OcrSettings = OcrSettings()) -> None:
    """Codes read as ones or "I"/"L" ("1.", "11.", "L") are rewritten glyph by glyph in place:
    an "I" where the glyph's top quarter is balanced about its stem, a "1" where a flag sticks
    out on its left. A Roman part code read as the Arabic "1." made the parts' criteria its
    children ("I.1.1"); a "1." read "L" lost its code."""
    import cv2

    for w in words:
        if not ONES_CODE.match(w.text):
            continue
        x0, y0, x1, y1 = (int(round(v)) for v in bbox_of(w))
        box = np.ascontiguousarray(ink[max(0, y0) : y1, max(0, x0) : x1]).view(np.uint8)
        if box.size == 0:
            continue
        n, labels, stats, _ = cv2.connectedComponentsWithStats(box, connectivity=8)
        height = stats[1:, cv2.CC_STAT_HEIGHT].max() if n > 1 else 0
        # The glyphs, left to right: components nearly as tall as the word (not the dot, specks).
        glyphs = sorted(
            (k for k in range(1, n) if stats[k, cv2.CC_STAT_HEIGHT] >= 0.7 * height),
            key=lambda k: stats[k, cv2.CC_STAT_LEFT],
        )
        letters = w.text.rstrip(".")
        if len(glyphs) != len(letters):
            continue
        shapes = {"I" if _balanced_top(labels == k, settings) else "1" for k in glyphs}
        if len(shapes) == 1:  # "I1." is no code: a mixed verdict leaves the reading alone
            w.text = shapes.pop() * len(glyphs) + w.text[len(letters) :]


def _balanced_top(glyph: np.ndarray, settings: OcrSettings) -> bool:
    """Whether a glyph's top quarter sits evenly about its stem (an "I"), not off to the left
    (the flag of a "1"). The stem's axis: the mean x of the ink in the glyph's middle third."""
    ys, xs = np.nonzero(glyph)
    top, bottom = ys.min(), ys.max() + 1
    h = bottom - top
    middle = xs[(ys >= top + h // 3) & (ys < top + 2 * h // 3)]
    if middle.size == 0:
        return False
    axis = float(middle.mean())
    upper = xs[ys < top + max(1, h // 4)]
    left = float((axis - upper[upper < axis]).sum())
    right = float((upper[upper > axis] - axis).sum())
    return right >= settings.roman_top_balance * left


# A label over a figures column: a word and its number ("Ấp 1", "TDP3", "Tổ 12"). A word no digit
# looks like is a word as printed, not a figure OCR misread ("ll1", "O5" are figures).
_NAMED_NUMBER = lazy_re_compile(r"^([^\W\d_]{2,})\.?\s*\d{1,3}$")
_DIGIT_LOOKALIKES = frozenset("lLIiOoQDSsBbZzgq")


def names_a_number(text: str) -> bool:
    """Whether a cell's first reading is a word with its number, which a digits-only reading would cut
    to the number."""
    m = _NAMED_NUMBER.match(text.strip())
    return m is not None and any(ch not in _DIGIT_LOOKALIKES for ch in m.group(1))

"""Two points in one scanned cell, the second in brackets ("3 (2,5)" under "Điểm tối đa (điểm tự
chấm)"), read again figure by figure.

Tesseract reads such a cell badly: a bracket beside a digit merges with it ("5 (3)" read "s(3)",
"2 (1)" read "2@)" or "2)", "1 (1)" read "1đ)"), and a character whitelist does not mend it ("2 (1)"
still read "2)"). The brackets are plain to see in the ink, though: the glyph after the space that
ends the first figure and the last glyph, both narrow and as tall as the digits between them. The
ink before the opening bracket is the first figure, the ink between the brackets the second; each
is cut out and read alone with the digits only, side by side with the others (one Tesseract call
a page), and the cell is given back as the pair "3 (2,5)" the segmenter cuts into its sides
(``normalize.numbers.bracketed_sides``). A figure read so is doubtful by nature: its confidence is
capped (``retry_max_conf``) and the value stays in the review queue."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from extract.base import IngestOptions
from extract.model import Word, bbox_of
from extract.ocr_lines import reading_text
from extract.ocr_settings import OcrSettings
from normalize.lazy_regex import lazy_re_compile

# One side of a pair as read alone: a figure, or a blank's mark ("3 (-)": unscored).
PAIR_SIDE = lazy_re_compile(r"^(?:\d{1,3}(?:[.,]\d{1,2})?|[-–—])$")


@dataclass(frozen=True)
class Piece:
    """The ink of one side of a pair: its crop on white paper and its origin on the page."""

    crop: np.ndarray
    origin: tuple[int, int]


def word_ink(word: Word, ink: np.ndarray) -> np.ndarray:
    """The page's ``ink`` inside a word's box (empty when the box lies off the page or has none)."""
    if word.bbox is None:
        return ink[:0, :0]
    x0, y0, x1, y1 = (int(round(v)) for v in bbox_of(word))
    return ink[max(0, y0) : max(0, y1), max(0, x0) : max(0, x1)]


def glyphs(ink: np.ndarray) -> list[tuple[int, int, int, int]]:
    """The ink's glyphs (8-connected components) as (left, top, right, bottom), left to right."""
    import cv2

    n, _labels, stats, _ = cv2.connectedComponentsWithStats(np.ascontiguousarray(ink).view(np.uint8), connectivity=8)
    out = []
    for k in range(1, n):
        left, top, width, height = (int(v) for v in stats[k, :4])
        out.append((left, top, left + width, top + height))
    return sorted(out)


def brackets(boxes: list[tuple[int, int, int, int]], settings: OcrSettings) -> tuple[int, int] | None:
    """The indices of the opening and closing brackets among a cell's glyphs (left to right): the
    opening one after the widest gap between glyphs (the space after the first figure; a figure's
    digits and its comma stand closer), the closing one last, a glyph or more between them; each
    narrow (``pair_bracket_width``) and as tall as the glyphs between them (``pair_bracket_ratio``:
    a bracket reaches above a digit's top and below its foot; thresholding a blurred scan leaves
    its thin tips short, so no more than that is asked). None when the cell prints no pair so."""
    if len(boxes) < 4:
        return None
    reach = [max(b[2] for b in boxes[: i + 1]) for i in range(len(boxes))]
    gaps = [boxes[i + 1][0] - reach[i] for i in range(len(boxes) - 1)]
    opening, closing = gaps.index(max(gaps)) + 1, len(boxes) - 1
    if closing - opening < 2:
        return None
    inner = max(b[3] - b[1] for b in boxes[opening + 1 : closing])
    for k in (opening, closing):
        width, height = boxes[k][2] - boxes[k][0], boxes[k][3] - boxes[k][1]
        if width > settings.pair_bracket_width * height or height < settings.pair_bracket_ratio * inner:
            return None
    return opening, closing


def pair_pieces(
    crop: np.ndarray, origin: tuple[int, int], margin: int, settings: OcrSettings
) -> tuple[Piece, Piece] | None:
    """A pair cell's clean crop (``ocr_cells.clean_crop``) cut at its brackets: the first figure's
    ink and the bracketed one's (the brackets left out), each on white paper with ``margin``; None
    when no brackets are seen."""
    ink = crop < 255  # (``clean_crop`` kept the page's ink and whitened the rest)
    boxes = glyphs(ink)
    if not boxes:
        return None
    found = brackets(boxes, settings)
    if found is None:
        return None
    opening, closing = found
    first = (0, boxes[opening][0])
    inner = (boxes[opening][2], boxes[closing][0])
    pieces = []
    for left, right in (first, inner):
        cols = np.flatnonzero(ink[:, left:right].any(axis=0))
        rows = np.flatnonzero(ink[:, left:right].any(axis=1))
        if cols.size == 0:
            return None
        x0, x1 = left + int(cols[0]), left + int(cols[-1]) + 1
        y0, y1 = int(rows[0]), int(rows[-1]) + 1
        out = np.full((y1 - y0 + 2 * margin, x1 - x0 + 2 * margin), 255, dtype=np.uint8)
        out[margin:-margin, margin:-margin] = np.where(ink[y0:y1, x0:x1], crop[y0:y1, x0:x1], 255)
        pieces.append(Piece(out, (origin[0] + x0 - margin, origin[1] + y0 - margin)))
    return pieces[0], pieces[1]


def read_pairs(
    crops: list[tuple[np.ndarray, tuple[int, int]]],
    margin: int,
    dpi: int,
    options: IngestOptions,
    settings: OcrSettings,
) -> dict[int, list[Word]]:
    """Pair cells' crops read figure by figure: each crop's two words (by index), the first figure
    and the bracketed one ("3", "(2,5)"), when both sides read as a figure or a blank's mark."""
    from extract.ocr_cells import read_again  # (here: ocr_cells calls this module)

    cut: list[tuple[int, tuple[Piece, Piece]]] = []
    for k, (crop, origin) in enumerate(crops):
        pieces = pair_pieces(crop, origin, margin, settings)
        if pieces is not None:
            cut.append((k, pieces))
    sides = [(piece.crop, piece.origin) for _, pieces in cut for piece in pieces]
    read = read_again(sides, settings.pair_side_chars, PAIR_SIDE, dpi, options, settings)
    out: dict[int, list[Word]] = {}
    for n, (k, _) in enumerate(cut):
        first, second = read.get(2 * n), read.get(2 * n + 1)
        if not first or not second:
            continue
        out[k] = [_one_word(first, "{}"), _one_word(second, "({})")]
    return out


def _one_word(words: list[Word], form: str) -> Word:
    boxes = [bbox_of(w) for w in words]
    box = (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))
    confs = [w.conf for w in words if w.conf is not None]
    text = form.format(reading_text(words).replace(" ", ""))
    return Word(text=text, bbox=box, conf=min(confs) if confs else None)

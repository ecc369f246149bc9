"""A dot of paper dust read as a dash. A speck between two words of a task, or between two letters,
is read "-" by Tesseract, sure of it (0.84-0.87), and joins the task as a plan's own dash ("Ban Chỉ
đạo CCHC - xã", "Xây dựng-Quy chế"), silently: a dash between two phrases is a plan's own ("Văn hóa
- Xã hội"), nothing downstream can tell it. The ink tells: a printed dash is a bar several times
wider than tall, a speck is a dot (``OcrSettings.dash_min_width``, ``dash_min_aspect``). One test
of a dot serves the unruled page's words (``ocr.page_dust``), a grid cell's words read apart
(``grid_dust``) and a dash read glued between two letters (``dots_in_words``: the word's box is not
the dash's, its glyphs are measured)."""

from __future__ import annotations

import numpy as np

from extract.model import Table, Word, bbox_of
from extract.ocr_cells import cell_words
from extract.ocr_pairs import glyphs, word_ink
from extract.ocr_settings import OcrSettings
from extract.pdf_reader import centre_in
from normalize.lazy_regex import lazy_re_compile

# One dash glued between two letters ("dựng-Quy"); not a figure's range ("2023-2025").
_GLUED_DASH = lazy_re_compile(r"^[^\W\d_]+-[^\W\d_]+$")


def word_height(words: list[Word]) -> float | None:
    """The page's typical word height: the median of its words of two letters or digits or more
    (a lone mark's ink is lower than a word's); None when there is no such word."""
    tall = sorted(bbox_of(w)[3] - bbox_of(w)[1] for w in words if sum(c.isalnum() for c in w.text) >= 2)
    return float(tall[len(tall) // 2]) if tall else None


def speck_letter(word: Word, size: float, settings: OcrSettings) -> bool:
    """Whether a word holding a letter or digit is a speck read as one: its box lower than any
    glyph printed in the page's words (``OcrSettings.speck_letter_share`` of their height ``size``)."""
    if word.bbox is None or not any(c.isalnum() for c in word.text):
        return False
    return word.bbox[3] - word.bbox[1] < settings.speck_letter_share * size


def dot_ink(width: float, tall: float, size: float, settings: OcrSettings) -> bool:
    """Whether ink ``width`` × ``tall`` is a dot, no dash: narrower than a dash's share of the word
    height ``size`` and no bar (a printed dash is several times wider than tall)."""
    return width < settings.dash_min_width * size and width < settings.dash_min_aspect * max(1.0, tall)


def dot_dash(word: Word, size: float, settings: OcrSettings) -> bool:
    """Whether a word read as a dash is a dot of dust (``dot_ink`` of its box)."""
    if word.text not in ("-", "–") or word.bbox is None:
        return False
    x0, y0, x1, y1 = bbox_of(word)
    return dot_ink(x1 - x0, y1 - y0, size, settings)


def grid_dust(
    words: list[tuple[tuple[int, int, int], Word]], tables, ink: np.ndarray, settings: OcrSettings
) -> set[int]:
    """The ids of the words of ruled grid cells that are a dot read as a dash (``dot_dash``), in a
    cell holding other words: a speck between two words of a task made "Ban Chỉ đạo CCHC - xã",
    silent. A cell's lone "-" is its content (not scored) and stays whatever its ink. A cell's dash
    read glued between two letters is mended in place (``dots_in_words``)."""
    size = word_height([w for _, w in words])
    if size is None:
        return set()
    out: set[int] = set()
    for held in cell_words(words, tables).values():
        if any(sum(c.isalnum() for c in w.text) for w in held):
            out.update(id(w) for w in held if dot_dash(w, size, settings))
            dots_in_words(held, ink, size, settings)
    return out


def dots_in_words(words: list[Word], ink: np.ndarray, size: float, settings: OcrSettings) -> None:
    """A dash read glued between two letters whose word's ink holds no bar, and a dot at the
    letters' mid height, is that dot: the dash becomes the space it stands in, in place (``ink``:
    the page's ink in the words' pixel coordinates). A glyph as flat as a bar anywhere in the word
    (a tilde, a real dash) leaves the reading as it is."""
    for w in words:
        if not _GLUED_DASH.match(w.text) or w.bbox is None:
            continue
        crop = word_ink(w, ink)
        if not crop.size:
            continue
        boxes = glyphs(crop)
        if any(_bar(r - le, b - t, size, settings) for le, t, r, b in boxes):
            continue
        band = settings.dash_dot_band * crop.shape[0]
        middle = (band, crop.shape[0] - band)
        if any(
            dot_ink(r - le, b - t, size, settings) and middle[0] <= (t + b) / 2 <= middle[1] for le, t, r, b in boxes
        ):
            w.text = w.text.replace("-", " ")


def _bar(width: float, tall: float, size: float, settings: OcrSettings) -> bool:
    """Whether ink ``width`` × ``tall`` is flat as a printed dash (or a tilde): no dot, and at least
    ``dash_min_aspect`` times as wide as tall."""
    return not dot_ink(width, tall, size, settings) and width >= settings.dash_min_aspect * max(1.0, tall)


# A dash standing alone among a cell's words (spaces or the text's edges either side).
_LONE_DASH = lazy_re_compile(r"(?<!\S)[-–](?!\S) ?")


def without_dot_dashes(table: Table, dots: list[Word]) -> None:
    """Each cell of ``table`` that holds dots read as dashes (``page_dust``) loses as many lone
    dashes of its text, in place; a cell whose whole text is a dash keeps it (not scored)."""
    for cell in table.cells:
        box = cell.bbox
        count = sum(1 for w in dots if box is not None and centre_in(bbox_of(w), box))
        if count and cell.text.strip() not in ("-", "–"):
            cell.text = _LONE_DASH.sub("", cell.text, count=count).strip()

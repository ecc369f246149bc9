"""Sideways pages of a PDF's text layer, turned upright before they are read.

A landscape table printed on a page turned a quarter (a page rotated in a viewer and saved, or a
table drawn sideways on a portrait page) has a text layer whose characters run down or up the
page: read as it is, every word falls apart into letters in columns, and the table is lost
without a word. The direction the characters run is in their text matrix; the page whose
characters mostly run one way other than left to right reads better turned by the angle that
makes that way left to right. pdfium writes a one-page copy whose page rotation is turned by
that angle, and the copy's text layer, upright, is what is read (scanned pages are OCR's, which
turns them by Tesseract's orientation detection, ``extract.ocr``)."""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class TurnSettings:
    # Share of a page's characters that must run one sideways way for the page to be turned: a
    # page of upright text with a rotated stamp or a vertical column label stays as it is.
    min_share: float = 0.6
    # Characters a page needs before its direction is judged.
    min_chars: int = 20


# Clockwise degrees that make text running in a direction (its text matrix's x axis, in the
# page's y-up space) run left to right.
_TURN_OF_DIRECTION = {(1, 0): 0, (0, -1): 270, (-1, 0): 180, (0, 1): 90}


def char_direction(matrix: Any) -> tuple[int, int] | None:
    """The way a character runs, one of the four (rounded from its matrix), or None."""
    if not matrix or len(matrix) < 2:
        return None
    a, b = float(matrix[0]), float(matrix[1])
    if abs(a) >= abs(b):
        return (1 if a > 0 else -1, 0) if a else None
    return (0, 1 if b > 0 else -1)


def sideways_turn(chars: Iterable[Mapping[str, Any]], settings: TurnSettings = TurnSettings()) -> int:
    """Degrees (clockwise: 90, 180 or 270) that turn a page whose characters mostly run one
    sideways way upright; 0 when they mostly run left to right, or are too few or mixed to say."""
    ways = Counter(char_direction(c.get("matrix")) for c in chars if str(c.get("text", "")).strip())
    ways.pop(None, None)
    total = sum(ways.values())
    if total < settings.min_chars:
        return 0
    way, count = ways.most_common(1)[0]
    turn = _TURN_OF_DIRECTION.get(way, 0) if way is not None else 0
    return turn if count >= settings.min_share * total else 0


def turned_copy(document: Any, index: int, turn: int) -> bytes:
    """A one-page PDF of page ``index`` of the open pdfium ``document``, its rotation turned by
    ``turn`` degrees clockwise."""
    import pypdfium2 as pdfium

    copy = pdfium.PdfDocument.new()
    try:
        copy.import_pages(document, [index])
        page = copy[0]
        page.set_rotation((page.get_rotation() + turn) % 360)
        buffer = io.BytesIO()
        copy.save(buffer)
        return buffer.getvalue()
    finally:
        copy.close()

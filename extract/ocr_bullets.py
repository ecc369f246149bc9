"""Bullets on a scan, told from specks by their ink. A report's two-column table "Nội dung | Kết quả"
prints a numbered indicator and its items under it as "- Số hồ sơ tiếp nhận trực tuyến": on a typed
page the "- " is the item's mark, and the statistics reader places the item under the numbered row
above (``stat_key_value``). On an OCR'd page Tesseract reads a speck of dust or the stub of a ruling
line as "-" too, so the text alone cannot tell a bullet from noise, and the reader trusted no dash
there: each item's "- " became a garbled code, inferred as "2.1", "2.2" … under the top row.

The page tells them apart. A printed bullet is a short bar (several times wider than tall, a fair
part of a letter's height wide) opening its cell's first line, and the items of one list print it
at one indent from the cell's rule; a speck is a dot (as tall as wide), a ruling stub is longer than
a letter, and neither stands at the same place in cell after cell. A cell is marked
(``Cell.bullet``) when its first word is such a bar at the indent at least ``min_cells`` cells of
its column share.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from statistics import median

from extract.model import Word, bbox_of


@dataclass(frozen=True)
class BulletSettings:
    # What Tesseract reads a printed bullet as.
    glyphs: str = "-–—+•*"
    # A bullet's bar is at least this many times as wide as it is tall (a speck is as tall as wide:
    # measured 12 × 4 px for a 10-pt "-" at 300 dpi, 2 × 2 px for the speck read as "-" beside it).
    min_aspect: float = 2.0
    # ... and between these shares of its line's letter height wide (a ruling line's stub is longer
    # than a letter; a fleck of a rule shorter than a stroke).
    min_width: float = 0.15
    max_width: float = 1.0
    # Cells of one column that must open with a bar at one indent for them to be a list's bullets:
    # one dash alone may still be noise.
    min_cells: int = 2
    # How far a bullet's indent from its cell's left rule may lie from the column's, in letter heights.
    indent_spread: float = 0.5


def _opening_bar(
    cell_box: Sequence[float], lines: list[list[Word]], settings: BulletSettings
) -> tuple[float, float] | None:
    """(indent in pixels from the cell's left rule, letter height) of the bar opening the cell's
    first line, or None when the first word is no bullet's bar."""
    if not lines or len(lines[0]) < 2:
        return None
    first, others = lines[0][0], lines[0][1:]
    if not first.text or first.text.strip(settings.glyphs):
        return None
    x0, y0, x1, y1 = bbox_of(first)
    letters = [bbox_of(w)[3] - bbox_of(w)[1] for w in others if any(ch.isalpha() for ch in w.text)]
    if not letters:
        return None
    height = median(letters)
    width, tall = x1 - x0, max(1.0, y1 - y0)
    if width < settings.min_aspect * tall or not settings.min_width * height <= width <= settings.max_width * height:
        return None
    return x0 - cell_box[0], height


def bulleted_cells(
    cells: Sequence[tuple[Sequence[float], int, int, list[list[Word]]]], settings: BulletSettings = BulletSettings()
) -> set[tuple[int, int]]:
    """(row, col) of the cells whose first word is a printed bullet: a bar (``_opening_bar``) at the
    indent ``min_cells`` cells of its column share. ``cells``: (box, row, col, visual lines of its
    words, ``ocr_lines.visual_lines``) of one grid."""
    bars: dict[int, list[tuple[int, float, float]]] = {}
    for box, r, c, lines in cells:
        bar = _opening_bar(box, lines, settings)
        if bar is not None:
            bars.setdefault(c, []).append((r, *bar))
    out: set[tuple[int, int]] = set()
    for c, found in bars.items():
        usual = median(indent for _, indent, _ in found)
        placed = [r for r, indent, height in found if abs(indent - usual) <= settings.indent_spread * height]
        if len(placed) >= settings.min_cells:
            out.update((r, c) for r in placed)
    return out

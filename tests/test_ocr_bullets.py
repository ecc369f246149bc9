"""Bullets on a scan (``extract.ocr_bullets``): a "- " printed at one indent in cell after cell is an
item's mark, a speck read as "-" is not; the statistics reader places a bulleted item of a scanned
"Nội dung | Số liệu" table under its numbered row (no code), as it does on a typed page."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont

from extract.model import IngestedDocument, Table, Word
from extract.ocr import ocr_page
from extract.ocr_bullets import bulleted_cells
from extract.segment.statistics import stat_rows
from extract.segment.table_join import join_tables
from tests.test_ocr_cells import rule_grid

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf")

ROWS = [
    ("Nội dung", "Số liệu"),
    ("1. Tổng số hồ sơ tiếp nhận trong kỳ (hồ sơ)", "247"),
    ("- Số hồ sơ tiếp nhận trực tuyến (hồ sơ)", "237"),
    ("- Số hồ sơ tiếp nhận trực tiếp (hồ sơ)", "10"),
    ("- Tỷ lệ hồ sơ tiếp nhận trực tuyến (%)", "95,95"),
    ("2. Số hồ sơ đã giải quyết (hồ sơ)", "366"),
    ("- Giải quyết trước hạn (hồ sơ)", "218"),
    ("- Giải quyết đúng hạn (hồ sơ)", "148"),
    ("3. Số văn bản chỉ đạo đã ban hành (văn bản)", "16"),
]


def _two_column_table(rows: list[tuple[str, str]]) -> Image.Image:
    """A 300-dpi page with a ruled "Nội dung | Số liệu" table at 10 pt, and a speck of dust at the
    start of the last numbered row's cell, before its "3."."""
    image = Image.new("L", (2480, 1500), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(str(FONT), 40)
    xs, top, height = (200, 1700, 2100), 150, 90
    for r, (key, value) in enumerate(rows):
        y = top + r * height
        draw.text((xs[0] + 24, y + 22), key, font=font, fill=0)
        draw.text((xs[1] + 40, y + 22), value, font=font, fill=0)
    speck_y = top + (len(rows) - 1) * height + 45
    draw.rectangle((xs[0] + 8, speck_y, xs[0] + 10, speck_y + 2), fill=0)
    rule_grid(draw, xs, top, height, len(rows))
    return image


def test_bars_at_one_indent_are_bullets_a_speck_is_not():
    # Boxes as Tesseract gave them on a scanned N49-like table (300 dpi): the items' "-" a 12 × 4 px
    # bar 24 px from the cell's rule; the speck read as "-" a 2 × 2 px dot; a lone bar in another
    # column, with no second at its indent, is no list.
    cell = (210.0, 0.0, 1562.0, 54.0)

    def line(first: Word, top: float) -> list[list[Word]]:
        return [[first, Word("Số", (260, top, 300, top + 37), 0.95), Word("hồ", (310, top + 5, 350, top + 37), 0.95)]]

    cells = [
        (cell, 1, 0, line(Word("-", (235, 31, 247, 35), 0.93), 12)),
        (cell, 2, 0, line(Word("-", (235, 33, 247, 37), 0.92), 14)),
        (cell, 3, 0, line(Word("-", (212, 30, 214, 32), 0.92), 12)),  # a speck at the rule
        (cell, 4, 0, line(Word("1.", (235, 12, 260, 49), 0.95), 12)),
        ((1562.0, 0.0, 2052.0, 54.0), 1, 1, line(Word("-", (1590, 31, 1602, 35), 0.9), 12)),
    ]
    assert bulleted_cells(cells) == {(1, 0), (2, 0)}
    # one of them alone may be noise: no bullet
    assert bulleted_cells(cells[:1] + cells[2:]) == set()


@pytest.mark.needs_tesseract
def test_scanned_items_are_bulleted_and_read_under_their_top():
    page = ocr_page(_two_column_table(ROWS), 1, 300)
    table = next(b for b in page.blocks if isinstance(b, Table))
    marked = {c.row for c in table.cells if c.bullet}
    assert marked == {r for r, (key, _) in enumerate(ROWS) if key.startswith("- ")}
    joined = join_tables(IngestedDocument(path="scan.png", format="image", pages=[page]))
    rows = stat_rows(joined[0], ocr_pages=frozenset({1}))
    assert [r.code for r in rows] == ["1", None, None, None, "2", None, None, "3"]
    assert [r.parent for r in rows if r.code is None] == ["1", "1", "1", "2", "2"]
    assert rows[1].indicator.startswith("Số hồ sơ tiếp nhận trực tuyến") and rows[1].value == 237

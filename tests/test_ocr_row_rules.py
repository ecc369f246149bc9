"""A table piece a row or two high on a scanned page (``extract.ocr_row_rules``): the totals row of
a score table alone at the top of the last page, over the signature. Its column rules are shorter
than a ruling line's least length; before, no grid was formed, its figures were read as loose text
and the table's stated total was lost without a word, so a total the commune got wrong was never
flagged. The rules closing the row at both ends make it a frame, its strokes between the columns."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from extract.model import Table
from extract.ocr import ocr_page
from extract.ocr_grid import Rule, find_rules
from extract.ocr_row_rules import RowRuleSettings, row_rules
from extract.ocr_settings import OcrSettings

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf")
# A score table's columns at 300 dpi: code, criterion, max, self, evidence.
XS = (212, 379, 1324, 1526, 1738, 2164)


def _totals_page() -> Image.Image:
    """A 300-dpi page whose table piece is the last row of the evidence column's note and the
    totals row (each row 0.55 cm high: no vertical rule reaches ``min_rule_cm``), then the
    signature block as free text."""
    image = Image.new("L", (2480, 1200), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(str(FONT), 40)
    tops = (150, 215, 280)
    for y in tops:
        draw.rectangle((XS[0], y, XS[-1], y + 3), fill=0)
    for x in XS:
        draw.rectangle((x, tops[0], x + 3, tops[-1] + 3), fill=0)
    draw.text((XS[4] + 20, tops[0] + 12), "thời hạn", font=font, fill=0)
    draw.text((XS[1] + 300, tops[1] + 12), "Tổng số điểm", font=font, fill=0)
    draw.text((XS[2] + 70, tops[1] + 12), "12", font=font, fill=0)
    draw.text((XS[3] + 60, tops[1] + 12), "9,5", font=font, fill=0)
    draw.text((1400, 450), "TM. ỦY BAN NHÂN DÂN", font=font, fill=0)
    draw.text((1500, 520), "CHỦ TỊCH", font=font, fill=0)
    return image


def test_a_totals_row_alone_atop_a_page_is_read_as_a_table_row():
    page = ocr_page(_totals_page(), 3, 300)
    (table,) = [b for b in page.blocks if isinstance(b, Table)]
    assert (table.n_rows, table.n_cols) == (2, 5)
    totals = {c.col: c.text for c in table.cells if c.row == 1}
    assert "Tổng số điểm" in totals[1]
    assert (totals[2], totals[3]) == ("12", "9,5")


def _ink_of(image: Image.Image) -> np.ndarray:
    return np.array(image) < 128


def test_rules_over_and_under_a_line_of_text_are_no_table():
    # A heading between two full-width rules, its letters tall strokes ("l", "I", "|"), the rules'
    # ends open: no stroke closes the row at both ends, so no column rule is made of its letters.
    image = Image.new("L", (2480, 400), 255)
    draw = ImageDraw.Draw(image)
    draw.rectangle((200, 100, 2200, 103), fill=0)
    draw.rectangle((200, 165, 2200, 168), fill=0)
    draw.text((400, 108), "Il| lIl KẾT QUẢ |l", font=ImageFont.truetype(str(FONT), 56), fill=0)
    ink = _ink_of(image)
    settings = OcrSettings()
    h = find_rules(ink, 141, settings.rule_merge_px)
    assert len(h) == 2
    assert row_rules(ink, h, [], 300, settings.rule_merge_px * 3, RowRuleSettings()) == []


def test_a_row_a_long_vertical_rule_crosses_is_left_to_the_grid():
    # Where a vertical rule already crosses the row, its own rules were found (or are stubs of the
    # long ones, ``rule_stubs``): nothing is added.
    image = Image.new("L", (800, 400), 255)
    draw = ImageDraw.Draw(image)
    for y in (100, 160):
        draw.rectangle((100, y, 700, y + 3), fill=0)
    for x in (100, 400, 700):
        draw.rectangle((x, 100, x + 3, 163), fill=0)
    ink = _ink_of(image)
    h = find_rules(ink, 141, 4)
    assert len(row_rules(ink, h, [], 300, 12, RowRuleSettings())) == 3
    crossing = [Rule(pos=401.5, start=40, end=300, lo=400, hi=403)]
    assert row_rules(ink, h, crossing, 300, 12, RowRuleSettings()) == []

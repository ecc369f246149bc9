"""Ink outside a grid that the page reading dropped, beside a line it read (a lone code or points
cell of an unruled row), is read again; ink on no read line (a margin's mark) is not."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from extract.base import IngestOptions
from extract.ocr_free import unread_ink
from extract.ocr_settings import OcrSettings
from extract.tesseract import tesseract_words

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf")


@pytest.mark.needs_tesseract
def test_a_lone_points_cell_the_page_reading_dropped_is_read():
    font = ImageFont.truetype(str(FONT), 42)
    page = Image.new("L", (2000, 600), 255)
    draw = ImageDraw.Draw(page)
    draw.text((300, 200), "Kế hoạch cải cách hành chính", font=font, fill=0)
    draw.text((1500, 200), "7", font=font, fill=0)  # the row's points, far to the right
    draw.text((1500, 450), "5", font=font, fill=0)  # ink on no read line: left alone
    arr = np.array(page)
    read = tesseract_words(page.crop((0, 0, 1200, 600)), 300, IngestOptions(), 11)
    name = [(key, w) for key, w in read if w.bbox[1] < 300]  # the page reading, the points dropped
    assert [w.text for _, w in name][:2] == ["Kế", "hoạch"]
    found = unread_ink(arr, name, [], 300, IngestOptions(), OcrSettings())
    assert [w.text for _, w in found] == ["7"]
    key, word = found[0]
    assert key[0] == -5 and 1500 <= word.bbox[0] < word.bbox[2] <= 1560  # page coordinates
    assert unread_ink(arr, name, [], 300, IngestOptions(), OcrSettings(free_retry=False)) == []


def test_nothing_read_without_words():
    arr = np.full((100, 100), 255, dtype=np.uint8)
    assert unread_ink(arr, [], [], 300, IngestOptions(), OcrSettings()) == []


@pytest.mark.needs_tesseract
def test_a_number_beside_words_is_read_and_a_letters_edge_is_not():
    # A letter header's number line whose number the page reading dropped (a scanned plan, corpus
    # --seed 904 S05 i3: "Số: /KH-UBND"): the ink between the two words is a word space from each,
    # nearer than a lone token stands, and is read as a number of its own.
    font = ImageFont.truetype(str(FONT), 42)
    page = Image.new("L", (1400, 300), 255)
    draw = ImageDraw.Draw(page)
    draw.text((200, 120), "Số:", font=font, fill=0)
    draw.text((290, 120), "27", font=font, fill=0)
    draw.text((365, 120), "/KH-UBND", font=font, fill=0)
    draw.text((900, 120), "Kế hoạch", font=font, fill=0)
    draw.text((1085, 120), "Ỉ", font=font, fill=0)  # a capital beside a word: not a number
    arr = np.array(page)
    read = tesseract_words(page, 300, IngestOptions(), 11)
    kept = [(key, w) for key, w in read if w.text not in ("27", "Ỉ")]
    assert {"Số:", "/KH-UBND"} <= {w.text for _, w in kept}
    found = unread_ink(arr, kept, [], 300, IngestOptions(), OcrSettings())
    assert [w.text for _, w in found] == ["27"]
    assert 280 <= found[0][1].bbox[0] < found[0][1].bbox[2] <= 360

"""A plan's task table at tab stops, scanned (seed 20001's S26 image of P07, instance 2): a speck at
the end of a wrapped task's first line was read as "-", a word of its own, and joined into the task,
"Niêm yết, công khai thủ tục hành chính - tại Bộ phận Một cửa" (the generator's truth has no dash),
silently: a dash between two phrases is a plan's own ("Văn hóa - Xã hội"). Its ink is a dot, 2 × 2 px
under words 29 px high, where the page's printed dashes are bars 9-12 × 3-4 px: a dot read as a dash
is dust (``ocr.page_dust``). The boxes and confidences are Tesseract's words on that page."""

from __future__ import annotations

from extract.model import Word
from extract.ocr import page_dust
from extract.ocr_settings import OcrSettings

SIZE = 29.0  # the page's typical word height
SPECK = Word("-", (842, 1157, 844, 1159), 0.69)  # after "chính", the line's end
PRINTED = [
    Word("-", (1513, 570, 1523, 574), 0.93),  # "Văn hóa - Xã hội" in the lead's column
    Word("-", (1360, 1655, 1371, 1658), 0.93),
]
WORDS = [Word("chính", (760, 1140, 841, 1175), 0.95), Word("tại", (260, 1190, 300, 1225), 0.96)]


def test_a_dot_read_as_a_dash_is_dust_and_a_printed_dash_is_not():
    dust = page_dust([*WORDS, SPECK, *PRINTED], SIZE, OcrSettings())
    assert dust == [SPECK]

"""Reading order of OCR'd lines outside a grid: Tesseract's lines that lie side by side on one
printed line (the columns of an unruled table, put in blocks of their own) are one line."""

from __future__ import annotations

from extract.model import Line, Word
from extract.ocr import assemble
from extract.ocr_lines import side_by_side
from extract.ocr_settings import OcrSettings


def _words(line: tuple[tuple[str, int, int], ...], height: int = 34) -> list[Word]:
    return [Word(text, (x, top, x + 12 * len(text), top + height), 0.96) for text, x, top in line]


# Boxes as Tesseract gave them on a phone photo of an unruled score table (corpus --seed 7, S04
# i2), its page flattened: the row's numbers and explanation came as a line of their own (another
# block), 7 px higher than the row's name line, which was put first.
NUMBERS = (("1", 1360, 2105), ("0,25", 1537, 2103), ("Tỷ", 1708, 2101), ("lệ", 1773, 2100), ("95%", 1886, 2100))
NAME = (("a)", 235, 2112), ("Tất", 362, 2109), ("cả", 438, 2110), ("báo", 492, 2108), ("quy", 1114, 2115))
ABOVE = (("2.", 238, 2044), ("Báo", 366, 2041), ("cáo", 452, 2040), ("CCHC", 530, 2040), ("2", 1356, 2037))
BELOW = (("định", 362, 2171), ("(báo", 458, 2170), ("cáo", 553, 2169))


def test_a_rows_numbers_join_its_name_line():
    lines = [_words(ABOVE), _words(NUMBERS), _words(NAME), _words(BELOW)]
    joined = side_by_side(lines)
    texts = sorted(" ".join(w.text for w in line) for line in joined)
    assert texts == sorted(["2. Báo cáo CCHC 2", "a) Tất cả báo quy 1 0,25 Tỷ lệ 95%", "định (báo cáo"])


def test_assembled_page_reads_the_row_as_one_line():
    keyed = [((k, 1, 1), w) for k, line in enumerate((ABOVE, NUMBERS, NAME, BELOW)) for w in _words(line)]
    blocks = assemble(keyed, [], 1, 1)
    assert [b.text for b in blocks if isinstance(b, Line)] == [
        "2. Báo cáo CCHC 2",
        "a) Tất cả báo quy 1 0,25 Tỷ lệ 95%",
        "định (báo cáo",
    ]
    off = assemble(keyed, [], 1, 1, settings=OcrSettings(side_line_overlap=0))
    assert [b.text for b in off if isinstance(b, Line)][1] == "1 0,25 Tỷ lệ 95%"  # Tesseract's grouping


def test_lines_above_and_below_or_overlapping_across_stay_apart():
    # Neighbouring printed lines overlap by a few pixels at most; two lines over the same span
    # (a wrapped cell's lines) are never joined, however close.
    upper = _words((("Kế", 377, 1419), ("hoạch", 443, 1420)))
    lower = _words((("năm", 1363, 1449), ("5", 1555, 1448)))
    assert len(side_by_side([upper, lower])) == 2
    first = _words((("Ban", 376, 1489), ("hành", 463, 1486)))
    again = _words((("kế", 400, 1495), ("hoạch", 480, 1495)))
    assert len(side_by_side([first, again])) == 2


def test_a_signature_blocks_two_columns_stay_apart():
    # Tesseract's lines of a scanned plan's last page (corpus S05): the recipients' list and the
    # signer's title side by side; the metadata reads the title as a line of its own.
    recipients = _words((("-", 170, 834), ("UBND", 200, 816), ("huyện", 330, 814), ("(b/c);", 600, 815)))
    title = _words((("CHỦ", 1500, 813), ("TỊCH", 1620, 823)))
    assert len(side_by_side([recipients, title])) == 2


def test_a_token_read_between_two_words_joins_their_line():
    # Boxes of a scanned plan's letter header (corpus --seed 904, S05 i3): the page reading gave
    # "Số:" and "/KH-UBND" and dropped the number between them, read again from its ink ("27",
    # ocr_free) as a token of its own; the place-date line beside shares the band. The number
    # joins the line it lies within, not the line to its right.
    number_line = [Word("Số:", (239, 375, 299, 432), 0.96), Word("/KH-UBND", (378, 382, 621, 417), 0.9)]
    place_date = [Word("Lộc", (1190, 378, 1280, 430), 0.95), Word("ngày", (1500, 380, 1610, 430), 0.95)]
    number = [Word("27", (317, 381, 366, 417), 0.95)]
    texts = sorted(" ".join(w.text for w in line) for line in side_by_side([number_line, place_date, number]))
    assert texts == ["Lộc ngày", "Số: 27 /KH-UBND"]

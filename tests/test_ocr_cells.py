"""OCR of a ruled table's cells: points cells that the page reading leaves empty or misreads are
read again (digits only, specks left out), and a scale line's bullet stays at its line's start."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont

from extract.model import Table, Word
from extract.ocr import ocr_page, ones_as_roman, reading_text, visual_lines

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf")


def test_scale_bullet_stays_at_its_line_start():
    # Boxes as Tesseract gave them on a 150-dpi scan upscaled to 300 dpi: the bullet "-" is a short
    # box at mid-height whose top lies below the accents of its line's words.
    words = [
        Word("Ban", (403, 1350, 460, 1380), 0.9),
        Word("hành", (470, 1343, 540, 1380), 0.9),
        Word("-", (403, 1417, 416, 1422), 0.93),
        Word("Ban", (425, 1403, 482, 1433), 0.9),
        Word("thời:", (495, 1396, 570, 1433), 0.9),
        Word("1", (580, 1405, 592, 1433), 0.9),
        Word("-", (403, 1470, 416, 1475), 0.92),
        Word("Không:", (425, 1456, 530, 1486), 0.9),
        Word("0", (540, 1458, 556, 1486), 0.9),
    ]
    assert [[w.text for w in line] for line in visual_lines(words)] == [
        ["Ban", "hành"],
        ["-", "Ban", "thời:", "1"],
        ["-", "Không:", "0"],
    ]
    assert reading_text(words) == "Ban hành - Ban thời: 1 - Không: 0"


def test_wrapped_cell_keeps_its_lines_reading_order():
    # Boxes as Tesseract gave them on samples/renderings/score_table_scan.pdf: "huyện," (a "y" and a
    # comma) and "(Đánh" (a bracket) reach lower than their line's other words.
    words = [
        Word("thời", (284, 955, 332, 978), 0.96),
        Word("của", (655, 956, 696, 978), 0.97),
        Word("sát", (795, 956, 827, 978), 0.93),
        Word("gian,", (341, 957, 398, 984), 0.96),
        Word("huyện,", (704, 955, 784, 987), 0.96),
        Word("với", (284, 991, 322, 1013), 0.97),
        Word("bố", (796, 986, 828, 1013), 0.96),
        Word("quan,", (627, 998, 692, 1019), 0.97),
    ]
    assert reading_text(words) == "thời gian, của huyện, sát với quan, bố"
    words = [
        Word("XÃ", (449, 661, 492, 688), 0.96),
        Word("tài", (636, 665, 669, 688), 0.96),
        Word("giá", (590, 665, 628, 694), 0.96),
        Word("(Đánh", (501, 665, 581, 704), 0.94),
        Word("chứng)", (284, 701, 373, 726), 0.96),
    ]
    assert reading_text(words) == "XÃ (Đánh giá tài chứng)"


def test_roman_one_told_from_an_arabic_one_by_its_shape():
    # A bold serif "I." and "1." drawn as the scan prints them: Tesseract reads both "1." (or "L").
    import numpy as np

    image = Image.new("L", (200, 80), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf", 40)
    draw.text((10, 10), "I.", font=font, fill=0)
    draw.text((110, 10), "1.", font=font, fill=0)
    ink = np.array(image) < 128
    words = [Word("1.", (5, 5, 60, 70), 0.9), Word("L", (105, 5, 160, 70), 0.9)]
    ones_as_roman(words, ink)
    assert [w.text for w in words] == ["I.", "1"]


def _ruled_table(rows: list[tuple[str, str, str]], specks: bool) -> Image.Image:
    """A 300-dpi page with a ruled three-column table (code, name, points), dust beside the points."""
    image = Image.new("L", (2480, 1600), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(str(FONT), 38)
    xs, top, height = (200, 400, 1500, 1800), 200, 110
    for r, cells in enumerate(rows):
        y = top + r * height
        for x0, x1, text in zip(xs, xs[1:], cells):
            anchor = (x0 + 20, y + 30) if x1 - x0 > 400 else ((x0 + x1) // 2 - 10, y + 30)
            draw.text(anchor, text, font=font, fill=0)
        if specks:
            x = (xs[2] + xs[3]) // 2 - 60
            draw.rectangle((x, y + 50, x + 3, y + 53), fill=0)
    rule_grid(draw, xs, top, height, len(rows))
    return image


def rule_grid(draw: ImageDraw.ImageDraw, xs: tuple[int, ...], top: int, height: int, n_rows: int) -> None:
    """A grid's ruling lines, 3 px wide: a rule at each of ``xs`` and under each of ``n_rows`` rows."""
    bottom = top + n_rows * height
    for r in range(n_rows + 1):
        draw.line((xs[0], top + r * height, xs[-1], top + r * height), fill=0, width=3)
    for x in xs:
        draw.line((x, top, x, bottom), fill=0, width=3)


@pytest.mark.needs_tesseract
def test_points_cells_read_whatever_the_specks():
    rows = [("1", "Kế hoạch cải cách hành chính", "5"), ("1.1", "Ban hành kế hoạch", "1")]
    rows += [("1.2", "Báo cáo định kỳ", "0,5"), ("1.3", "Kiểm tra công tác", "2"), ("2", "Tổng cộng", "10")]
    page = ocr_page(_ruled_table(rows, specks=True), 1, 300)
    table = next(b for b in page.blocks if isinstance(b, Table))
    points = {c.row: c.text for c in table.cells if c.col == 2}
    assert [points[r] for r in range(len(rows))] == [p for _, _, p in rows]


@pytest.mark.needs_tesseract
def test_a_points_cell_printed_blank_is_seen_blank():
    """A points cell with no ink on its paper is a blank OCR is sure of (``BLANK_SEEN``), told
    from one whose ink OCR could not read (0.0) and from the cells it read (their words' mean)."""
    from extract.model import BLANK_SEEN

    rows = [("1", "Kế hoạch cải cách hành chính", "5"), ("1.1", "Ban hành kế hoạch", "")]
    rows += [("1.2", "Báo cáo định kỳ", "0,5")]
    page = ocr_page(_ruled_table(rows, specks=False), 1, 300)
    table = next(b for b in page.blocks if isinstance(b, Table))
    points = {c.row: c for c in table.cells if c.col == 2}
    assert points[1].text == "" and points[1].conf == BLANK_SEEN
    assert points[0].text == "5" and points[0].conf is not None and points[0].conf < BLANK_SEEN


def _grid(rows: list[tuple[str, str, str]]):
    """The cells of ``_ruled_table``'s grid as ``retry_cells`` takes them: (box, row, col, 1, 1)."""
    xs, top, height = (200, 400, 1500, 1800), 200, 110
    return [
        [
            ((float(x0), float(top + r * height), float(x1), float(top + (r + 1) * height)), r, c, 1, 1)
            for r in range(len(rows))
            for c, (x0, x1) in enumerate(zip(xs, xs[1:]))
        ]
    ]


def _first_reading(rows, points: dict[int, Word]) -> list[tuple[tuple[int, int, int], Word]]:
    """A first (page) reading: each row's code and points as printed, but the points words given."""
    xs, top, height = (200, 400, 1500, 1800), 200, 110
    words = []
    for r, (code, _name, figure) in enumerate(rows):
        y = top + r * height + 30
        words.append(((r, 1, 1), Word(code, (xs[0] + 20, y, xs[0] + 80, y + 36), 0.96)))
        word = points.get(r) or Word(figure, (1640, y, 1640 + 25 * len(figure), y + 36), 0.96)
        words.append(((r, 1, 2), word))
    return words


def _points_after_retry(rows, points: dict[int, Word]) -> dict[int, str]:
    import numpy as np

    from extract.base import IngestOptions
    from extract.ocr_cells import retry_cells
    from extract.ocr_settings import OcrSettings

    arr = np.array(_ruled_table(rows, specks=False))
    tables = _grid(rows)
    words = _first_reading(rows, points)
    found, replaced, _, _ = retry_cells(arr, tables, words, 300, IngestOptions(), OcrSettings())
    kept = [w for _, w in words if id(w) not in replaced] + [w for _, w in found]
    out: dict[int, str] = {}
    for box, r, c, _rs, _cs in tables[0]:
        if c == 2:
            inside = [w for w in kept if box[0] <= (w.bbox[0] + w.bbox[2]) / 2 <= box[2]]
            inside = [w for w in inside if box[1] <= (w.bbox[1] + w.bbox[3]) / 2 <= box[3]]
            out[r] = reading_text(inside)
    return out


_ROWS = [("1", "Kế hoạch cải cách hành chính", "5"), ("1.1", "Ban hành kế hoạch", "0,25")]
_ROWS += [("1.2", "Báo cáo định kỳ", "0,5"), ("1.3", "Kiểm tra công tác", "2"), ("2", "Tổng cộng", "9,75")]


@pytest.mark.needs_tesseract
def test_a_number_read_from_a_box_taller_than_a_line_is_read_again():
    # specks under "0,25" made Tesseract's word box two lines high and its reading "045"
    y = 200 + 110 + 30
    tall = Word("045", (1640, y, 1720, y + 80), 0.83)
    assert _points_after_retry(_ROWS, {1: tall})[1] == "0,25"


@pytest.mark.needs_tesseract
def test_a_number_read_unsurely_is_read_again_and_a_sure_one_kept():
    y = 200 + 4 * 110 + 30
    unsure = Word("35", (1640, y, 1700, y + 36), 0.49)
    assert _points_after_retry(_ROWS, {4: unsure})[4] == "9,75"
    sure = Word("35", (1640, y, 1700, y + 36), 0.96)
    # Tesseract sure of "35", but the ink shows a comma between two digits (``ocr_commas``, scanrows64:
    # a bold "2,5" read "25" at 0.96 on real scans): read again all the same
    assert _points_after_retry(_ROWS, {4: sure})[4] == "9,75"


@pytest.mark.needs_tesseract
def test_a_figure_with_its_comma_read_as_a_slash_is_read_again():
    # half the column's commas read as slashes (a 150-dpi scan): still a points column, though only
    # half its cells read as plain numbers, and its odd figures are read again
    rows = [("1", "Kế hoạch cải cách hành chính", "10"), ("1.1", "Ban hành kế hoạch", "0,25")]
    rows += [("1.2", "Báo cáo định kỳ", "9,75"), ("1.3", "Kiểm tra công tác", "14,5")]
    rows += [("1.4", "Tuyên truyền", "2"), ("2", "Tổng cộng", "5")]
    y = 200 + 110 + 30
    slashed = {1: Word("0/225", (1640, y, 1720, y + 36), 0.57)}
    slashed[2] = Word("9/75", (1640, y + 110, 1720, y + 146), 0.72)
    slashed[3] = Word("- 14/5.", (1640, y + 220, 1740, y + 256), 0.65)
    points = _points_after_retry(rows, slashed)
    assert (points[1], points[2], points[3]) == ("0,25", "9,75", "14,5")


def test_a_points_column_is_told_by_its_figures_plain_or_marked():
    from extract.ocr_codes import numeric_columns
    from extract.ocr_settings import OcrSettings

    cells = [((0.0, float(r), 1.0, r + 1.0), r, 0, 1, 1) for r in range(6)]
    texts = {tuple(box): text for (box, *_), text in zip(cells, ["10", "10/225", "9/75", "- 14/5.", "10", "62,5"])}
    assert numeric_columns(cells, texts, OcrSettings()) == {0}
    # a column of dates is digits and marks too, but prints no plain points figure: no points column
    dates = ["17/8/2023", "20/9", "1/10", "30/6", "Quý I", "5"]
    assert numeric_columns(cells, {tuple(box): t for (box, *_), t in zip(cells, dates)}, OcrSettings()) == set()


@pytest.mark.needs_tesseract
def test_a_number_read_from_a_box_wider_than_its_characters_is_read_again():
    # the two glyphs of "11" read as one "1" in a box as wide as both
    rows = [("1", "Kế hoạch cải cách hành chính", "10"), ("1.1", "Ban hành kế hoạch", "11")]
    rows += [("1.2", "Báo cáo định kỳ", "9,75"), ("1.3", "Kiểm tra công tác", "14,5"), ("2", "Tổng cộng", "5")]
    y = 200 + 110 + 30
    merged = Word("1", (1640, y, 1700, y + 36), 0.75)
    assert _points_after_retry(rows, {1: merged})[1] == "11"


@pytest.mark.needs_tesseract
def test_a_maximum_printed_as_its_scale_is_not_read_again_with_digits_only():
    # An S20 scan of N30 (dev seed 4282): the "Thang điểm" column prints "0-1", "0-0,5-1". The page's
    # reading had them right; read again with digits only, the dashes went ("01", "00,51") and the
    # maxima were read 0.1 and 0.51.
    rows = [("1", "Kế hoạch cải cách hành chính", "5"), ("1.1", "Ban hành kế hoạch", "0-1")]
    rows += [("1.2", "Báo cáo định kỳ", "0-0,5-1"), ("1.3", "Kiểm tra công tác", "0-3")]
    rows += [("1.4", "Tuyên truyền", "2"), ("2", "Tổng cộng", "7")]  # (plain figures: a points column)
    points = _points_after_retry(rows, {})
    assert (points[1], points[2], points[3]) == ("0-1", "0-0,5-1", "0-3")

"""Faults a commune printed, on a scan whose figures are read sure, stay the commune's (issue 14):
a self score over its maximum printed in bold (wide ink, which ``extract.ocr_cells.glyphs_lost``
measures for a lost glyph) is a ``mismatch``, not a misreading; a table total that disagrees with
its rows, printed on a totals row alone at the top of the last page (``extract.ocr_row_rules``),
is read and flagged. Real pages: a two-page PDF of 300-dpi images, read by Tesseract."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont

from cchc_extract.api import convert

FONTS = Path("/usr/share/fonts/truetype/liberation2")
SIZE = 54  # 13 pt at 300 dpi
# code, criterion, max, self, printed in bold (the over-scored row: its ink wider than regular)
XS = (200, 380, 1500, 1800, 2150)
ROWS = [
    ("1", "Chỉ đạo, điều hành CCHC", "6", "4,25", False),
    ("1.1", "Kế hoạch CCHC năm", "2", "2", False),
    ("1.2", "Báo cáo CCHC định kỳ", "1", "1,25", True),
    ("1.3", "Kiểm tra công tác CCHC", "3", "1", False),
    ("2", "Cải cách thủ tục hành chính", "4", "3", False),
    ("2.1", "Công khai thủ tục hành chính", "2", "1,5", False),
    ("2.2", "Giải quyết hồ sơ đúng hạn", "2", "1,5", False),
]


def _font(bold: bool) -> ImageFont.FreeTypeFont:
    name = "LiberationSerif-Bold.ttf" if bold else "LiberationSerif-Regular.ttf"
    return ImageFont.truetype(str(FONTS / name), SIZE)


def _frame(draw: ImageDraw.ImageDraw, top: int, heights: list[int]) -> None:
    ys = [top]
    for h in heights:
        ys.append(ys[-1] + h)
    for y in ys:
        draw.line((XS[0], y, XS[-1], y), fill=0, width=4)
    for x in XS:
        draw.line((x, ys[0], x, ys[-1]), fill=0, width=4)


def _row(draw: ImageDraw.ImageDraw, y: int, cells: tuple[str, ...], bold: bool) -> None:
    font = _font(bold)
    for x, text in zip(XS, cells):
        draw.text((x + 25, y + 22), text, font=font, fill=0)


def _pages() -> list[Image.Image]:
    first = Image.new("L", (2480, 3508), 255)
    draw = ImageDraw.Draw(first)
    for i, line in enumerate(("ỦY BAN NHÂN DÂN XÃ TÂN AN", "Số: 15/BC-UBND")):
        draw.text((250, 150 + 80 * i), line, font=_font(i == 0), fill=0)
    draw.text((700, 420), "BÁO CÁO", font=_font(True), fill=0)
    draw.text((300, 500), "Kết quả tự chấm điểm Chỉ số cải cách hành chính năm 2024", font=_font(True), fill=0)
    top, height = 700, 110
    _frame(draw, top, [height] * (len(ROWS) + 1))
    _row(draw, top, ("TT", "Tiêu chí", "Điểm tối đa", "Tự chấm"), True)
    for i, (code, name, most, own, bold) in enumerate(ROWS, start=1):
        _row(draw, top + i * height, (code, name, most, own), bold)
    # The last page: the totals row alone (10 is what the rows' maxima add to; 12 is printed),
    # then the signature.
    last = Image.new("L", (2480, 3508), 255)
    draw = ImageDraw.Draw(last)
    _frame(draw, 250, [80])
    _row(draw, 238, ("", "Tổng số điểm", "12", "7,25"), True)
    draw.text((1500, 500), "TM. ỦY BAN NHÂN DÂN", font=_font(True), fill=0)
    draw.text((1650, 580), "CHỦ TỊCH", font=_font(True), fill=0)
    return [first, last]


@pytest.mark.needs_tesseract
def test_faults_read_sure_on_a_scan_are_the_communes(tmp_path):
    path = tmp_path / "bao-cao.pdf"
    first, *rest = _pages()
    first.save(path, resolution=300, save_all=True, append_images=rest)
    result = convert(path)
    (table,) = result.data["score_tables"]
    assert [r["code"] for r in table["rows"]] == [r[0] for r in ROWS]
    assert (table["stated_total_max"], table["stated_total_self"]) == (12, 7.25)
    status = {(c["kind"], c["code"], c["field"]): c["status"] for c in result.data["checks"]}
    assert status[("self_le_max", "1.2", "self_points")] == "mismatch"
    assert status[("stated_total", None, "max_points")] == "mismatch"
    assert status[("stated_total", None, "self_points")] == "ok"

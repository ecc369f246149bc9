"""A plan's task appendix with no code column, its tasks opened by bullets at tab stops, scanned as a
two-frame TIFF (S26's P07 layout), read with real Tesseract. The first section's "I." is printed as
OCR reads it, "1.": such a table numbers no task, so the line is the section's and opens a row
(``pdf_task_columns._opens_unkeyed``). Before, the line was set aside, the two bulleted tasks under
it were taken for header rows (``table_join.header_row_count``: a bullet opens an item, never a
label) and, the page no longer ending with the table, the tasks on the next frame were lost untold.
A bullet opening the next frame's first task opens a task, as it does every other: no doubt that
it is the rest of a row the page break cut (``task_tables.task_rows``)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont

from cchc_extract.pipeline import convert_file, result_to_json
from extract.segment.table_join import header_row_count

FONTS = Path("/usr/share/fonts/truetype/dejavu")
# where the task, lead, coordinator and deadline columns start (300 dpi, landscape A4)
STOPS = (250, 1450, 2200, 2850)
LINE = 72

FIRST = [
    ("bold", ("Nhiệm vụ", "Bộ phận chủ trì", "Đơn vị phối hợp", "Lộ trình")),
    ("bold", ("1. Cải cách thủ tục hành chính",)),
    ("", ("+ Tiếp nhận, giải quyết hồ sơ thủ tục hành", "Công an xã", "Các thôn, tổ dân phố", "07/12/2024")),
    ("wrap", ("chính đúng hạn",)),
    ("", ("+ Niêm yết, công khai thủ tục hành chính", "Bộ phận Một cửa", "Các đoàn thể", "Thường xuyên")),
    ("bold", ("II. Cải cách chế độ công vụ",)),
    ("", ("+ Đánh giá, xếp loại cán bộ, công chức", "Văn phòng - Thống kê", "Các đoàn thể", "Tháng 12/2024")),
    ("wrap", ("cuối năm",)),
]
NEXT = [
    ("", ("+ Duy trì Trang thông tin điện tử của xã", "Công an xã", "Các ngành liên quan", "Tháng 06/2024")),
    ("", ("+ Kiểm tra việc chấp hành kỷ luật", "Bộ phận Một cửa", "Các đoàn thể", "Trước ngày 04/11/2024")),
]
TASKS = [
    ("I", "Tiếp nhận, giải quyết hồ sơ thủ tục hành chính đúng hạn", "Công an xã", "07/12/2024"),
    ("I", "Niêm yết, công khai thủ tục hành chính", "Bộ phận Một cửa", "Thường xuyên"),
    ("II", "Đánh giá, xếp loại cán bộ, công chức cuối năm", "Văn phòng - Thống kê", "Tháng 12/2024"),
    ("II", "Duy trì Trang thông tin điện tử của xã", "Công an xã", "Tháng 06/2024"),
    ("II", "Kiểm tra việc chấp hành kỷ luật", "Bộ phận Một cửa", "Trước ngày 04/11/2024"),
]


def _frame(lines: list[tuple[str, tuple[str, ...]]], title: bool) -> Image.Image:
    image = Image.new("L", (3508, 1500), 255)
    draw = ImageDraw.Draw(image)
    roman = ImageFont.truetype(str(FONTS / "DejaVuSerif.ttf"), 40)
    bold = ImageFont.truetype(str(FONTS / "DejaVuSerif-Bold.ttf"), 40)
    y = 150
    if title:
        for text in ("PHỤ LỤC", "NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2024"):
            width = draw.textlength(text, font=bold)
            draw.text(((3508 - width) / 2, y), text, font=bold, fill=0)
            y += LINE
        y += LINE
    for kind, pieces in lines:
        font = bold if kind == "bold" else roman
        for x, text in zip(STOPS, pieces):
            draw.text((x + (45 if kind == "wrap" else 0), y), text, font=font, fill=0)
        y += LINE
    return image


@pytest.fixture(scope="module")
def scan(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("codeless") / "phu-luc.tif"
    first, *rest = [_frame(FIRST, True), _frame(NEXT, False)]
    first.save(path, save_all=True, append_images=rest, dpi=(300, 300))
    return path


def test_a_bulleted_row_is_never_a_header_row():
    rows = [
        ["Nhiệm vụ", "Bộ phận chủ trì", "Đơn vị phối hợp", "Lộ trình"],
        ["+ Tiếp nhận hồ sơ thủ tục hành chính", "Công an xã", "Các đoàn thể", "07/12/2024"],
        ["- Niêm yết thủ tục hành chính", "Bộ phận Một cửa", "Các đoàn thể", "Thường xuyên"],
    ]
    assert header_row_count(rows) == 1
    # a header wrapped over two rows stays two rows
    assert header_row_count([["Nhiệm vụ", "Bộ phận", "Đơn vị", "Thời gian"], ["", "chủ trì", "phối hợp", ""]]) == 2


@pytest.mark.needs_tesseract
def test_every_task_of_a_scanned_codeless_table_is_read_in_its_section(scan):
    got = result_to_json(convert_file(scan))
    rows = [r for t in got["task_tables"] for r in t["rows"]]
    read = [(r["section"], r["task"], r["lead"], r["deadline"]) for r in rows]
    assert read == TASKS
    assert not got.get("unread")
    # the next frame's first task opens with its bullet, as every task does: no cut row's rest
    assert not any("page break" in (entry.get("reason") or "") for entry in got["review"])


def test_a_dash_ocr_read_as_a_tilde_is_a_bullet():
    from normalize.text import after_bullet

    # (S26: "- Rà soát …" came back "~ Rà soát …" and the tilde was kept in the task)
    assert after_bullet("~ Rà soát, kiểm tra văn bản") == "Rà soát, kiểm tra văn bản"
    assert after_bullet("~5% hồ sơ") is None  # before a figure a tilde is "about"

"""Scans of layouts no scan rule was written against: a plan table's "≥"/"≤" (which Tesseract reads
">"/"<"), a fraction column's cells that read as no fraction ("Vi" for "7/7"), and a target beside
a year OCR garbled ("năm 20285")."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from extract.model import Line, Word
from extract.ocr import ocr_page
from extract.ocr_inequality import signs_with_bars

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"


def _page(lines: list[str]) -> Image.Image:
    image = Image.new("L", (2480, 150 + 120 * len(lines)), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(FONT, 40)
    for k, text in enumerate(lines):
        draw.text((200, 100 + 120 * k), text, font=font, fill=0)
    return image


@pytest.mark.needs_tesseract
def test_signs_with_a_bar_are_read_as_such():
    # Tesseract alone reads every one of them ">" or "<": "at least 60" taken for "more than 60"
    lines = ["Chỉ tiêu năm 2025: ≥ 60 và > 80", "Tỷ lệ quá hạn: ≤ 2 hoặc < 5", "Đạt ≥95 và >24 trong năm"]
    page = ocr_page(_page(lines), 1, 300)
    assert [b.text for b in page.blocks if isinstance(b, Line)] == lines


def test_a_bar_under_the_chevron_and_nothing_else_makes_the_sign():
    image = Image.new("L", (600, 120), 255)
    draw = ImageDraw.Draw(image)
    draw.text((20, 20), "≥5", font=ImageFont.truetype(FONT, 40), fill=0)
    draw.text((320, 20), ">5", font=ImageFont.truetype(FONT, 40), fill=0)
    draw.line((320, 90, 380, 90), fill=0, width=2)  # a rule of the line below, under the word's box
    ink = np.array(image) < 128
    words = [Word(">5", (15, 15, 90, 75), 0.9), Word(">5", (315, 15, 390, 75), 0.9), Word("x>", (15, 15, 90, 75))]
    signs_with_bars(words, ink)
    assert [w.text for w in words] == ["≥5", ">5", "x>"]


@pytest.mark.needs_tesseract
def test_a_fraction_cell_misread_is_read_again_with_the_slash():
    from test_ocr_cells import _points_after_retry

    rows = [("1", "Công tác chỉ đạo", "10/10"), ("2", "Văn bản quy phạm", "9/10")]
    rows += [("3", "Thủ tục hành chính", "14,5/14,5"), ("4", "Tài chính công", "7/7"), ("5", "Hiện đại hóa", "-/16")]
    y = 200 + 3 * 110 + 30
    misread = Word("Vi", (1640, y, 1680, y + 36), 0.41)  # as Tesseract read "7/7" on a 219-dpi scan
    assert _points_after_retry(rows, {3: misread}) == {r: p for r, (_, _, p) in enumerate(rows)}


def test_the_fraction_slash_of_ocr_splits_a_fraction_column():
    from normalize.numbers import fraction_sides as _fraction

    assert _fraction("11⁄11") == ("11", "11")
    assert _fraction("-/15,5") == ("", "15,5")


def test_a_target_beside_a_garbled_year_is_doubted(tmp_path):
    import cchc_extract
    from layout_docs import decree30_head, plain_docx

    head = decree30_head(
        "XÃ MINH ĐỨC", "07/KH-UBND", "Minh Đức, ngày 05 tháng 01 năm 2021", "KẾ HOẠCH", "Cải cách hành chính"
    )
    body = (
        "I. MỤC TIÊU",
        "2. Chỉ tiêu cụ thể",
        "- Tỷ lệ thanh toán trực tuyến phí, lệ phí đạt 43% trở lên vào năm 2021 và ít nhất 61% vào năm 20285.",
        "II. NHIỆM VỤ",
    )
    data = cchc_extract.convert(plain_docx(tmp_path / "plan.docx", head + body, [], ())).data
    confidence = {t["value"]: t["confidence"] for t in data["targets"]}
    assert confidence[43.0] >= 0.8 and confidence[61.0] < 0.8
    assert any(r["item"].startswith("/targets/") for r in data["review"])


def test_a_letter_number_whose_slash_ocr_lost_is_read():
    from extract.official_letter import read_letter
    from schemas.records import DocumentMeta

    texts = ["ỦY BAN NHÂN DÂN", "XÃ MỸ CƯỜNG", "Số: 135UBND-VP", "V/v báo cáo kết quả tự đánh giá,"]
    texts += ["chấm điểm Chỉ số cải cách hành chính năm 2023", "Kính gửi: UBND huyện Thịnh Hợp."]
    meta = DocumentMeta()
    read_letter([Line(text=t, page=1, number=k) for k, t in enumerate(texts, 1)], meta)
    assert (meta.number, meta.kind) == ("135/UBND-VP", "CV")
    assert meta.title == "báo cáo kết quả tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm 2023"


def test_a_scanned_target_cell_is_as_sure_as_its_reading():
    from extract.model import Cell, IngestedDocument, Page, Table
    from extract.segment.target_tables import find_target_tables

    grid = [["TT", "Chỉ tiêu", "Đơn vị tính", "Năm 2021", "Năm 2022"]]
    grid += [["1", "Tỷ lệ thanh toán trực tuyến phí, lệ phí", "%", "≥42", "≥1"]]
    confs = {(1, 3): 0.93, (1, 4): 0.05}  # "≥ 61" read "≥1", Tesseract all but sure it is wrong
    cells = [
        Cell(row=r, col=c, text=t, conf=confs.get((r, c), 0.95)) for r, cs in enumerate(grid) for c, t in enumerate(cs)
    ]
    table = Table(page=1, cells=cells, n_rows=2, n_cols=5, source="ocr-lines", line_start=1, line_end=2)
    doc = IngestedDocument(path="plan.pdf", format="pdf", pages=[Page(number=1, blocks=[table], method="ocr")])
    found = {t.year: t.confidence for t in find_target_tables(doc)}
    assert found[2021] >= 0.9 and found[2022] < 0.1


def test_a_scanned_unit_cell_keeps_its_unit_whatever_case_ocr_read():
    from extract.model import Cell, IngestedDocument, Page, Table
    from extract.segment.target_tables import find_target_tables

    # OCR tells "C" from "c" only by size: the printed "cuộc" came out "Cuộc", and a speck closed a name
    grid = [["TT", "Nội dung chỉ tiêu", "Đơn vị", "Năm 2026", "Năm 2027"]]
    grid += [["1", "Số cuộc kiểm tra công tác cải cách hành chính", "Cuộc", "> 3", "2"]]
    grid += [["2", "Tỷ lệ hồ sơ công việc được xử lý trên môi trường mạng.", "%", "> 85", "75"]]
    grid += [["3", "Số TTHC được rà soát", "TTHC", "10", "12"]]
    grid += [["4", "Tỷ lệ thanh toán trực tuyến phí, lệ phí", "%", "50.", "7|0"]]  # a speck; a bar cut a figure
    cells = [Cell(row=r, col=c, text=t, conf=0.95) for r, cs in enumerate(grid) for c, t in enumerate(cs)]
    table = Table(page=1, cells=cells, n_rows=5, n_cols=5, source="ocr-lines", line_start=1, line_end=5)
    doc = IngestedDocument(path="plan.pdf", format="pdf", pages=[Page(number=1, blocks=[table], method="ocr")])
    targets = find_target_tables(doc)
    found = {(t.indicator, t.year): (t.unit, t.comparator, t.value) for t in targets}
    assert found[("Số cuộc kiểm tra công tác cải cách hành chính", 2026)] == ("cuộc", ">", 3.0)
    assert found[("Tỷ lệ hồ sơ công việc được xử lý trên môi trường mạng", 2027)] == ("%", "=", 75.0)
    assert found[("Số TTHC được rà soát", 2027)][0] == "TTHC"
    assert found[("Tỷ lệ thanh toán trực tuyến phí, lệ phí", 2026)] == ("%", "=", 50.0)
    # the garbled figure is kept for the reviewer, not dropped
    garbled = [t for t in targets if t.year == 2027 and t.indicator.startswith("Tỷ lệ thanh toán")]
    assert [(t.value, t.confidence, t.text.endswith("7|0")) for t in garbled] == [(None, 0.0, True)]


def test_a_speck_before_a_target_cells_comparator_is_passed_over():
    """Seed 17001's S23 scan of N43, instance 2: "Trên 65" read "'Trên 65", a quote OCR read left of
    the word; the target came out with no figure and was lost untold. Tesseract's cells of the
    table; the truth's targets (comparator, value) for 2025."""
    from extract.model import Cell, IngestedDocument, Page, Table
    from extract.segment.target_tables import find_target_tables

    grid = [["TT", "Tên chỉ tiêu", "ĐVT", "Chỉ tiêu năm 2025", "Ghi chú"]]
    grid += [["1", "Tỷ lệ cán bộ, công chức đạt chuẩn theo quy định", "%", "≥95", "Năm 2024 đạt 90%"]]
    grid += [["2", "Tỷ lê hồ sơ nôp trực tuyến toàn trình", "%", "'Trên 65", "Năm 2024 đạt 64%"]]
    grid += [["3", "Thu ngân sách nhà nước trên địa bàn", "tỷ đồng", "Trên 25", "Năm 2024 đạt 25 tỷ đồng"]]
    cells = [Cell(row=r, col=c, text=t, conf=0.95) for r, cs in enumerate(grid) for c, t in enumerate(cs)]
    table = Table(page=1, cells=cells, n_rows=4, n_cols=5, source="ocr-lines", line_start=13, line_end=19)
    doc = IngestedDocument(path="plan.pdf", format="pdf", pages=[Page(number=1, blocks=[table], method="ocr")])
    assert [(t.comparator, t.value, t.year) for t in find_target_tables(doc)] == [
        (">=", 95.0, 2025),
        (">", 65.0, 2025),
        (">", 25.0, 2025),
    ]

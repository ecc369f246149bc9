"""Two points in one scanned cell, the second in brackets ("3 (2,5)"), read again figure by figure
when Tesseract misread the brackets (``extract/ocr_pairs.py``)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from cchc_extract.pipeline import convert_file
from extract.ocr_pairs import brackets, pair_pieces
from extract.ocr_settings import OcrSettings

DATA = Path(__file__).parent / "data" / "scans_pairs"


def test_the_brackets_are_the_glyph_after_the_widest_gap_and_the_last():
    """Glyph boxes as measured on a 300-dpi scan's "5 (3)" and "2 (1)" (brackets 25-30 px high,
    9-10 wide; digits 22-24 high): the brackets found; a plain "1,25" (its comma after the widest
    gap, short) and a "10" hold none."""
    settings = OcrSettings()
    five_three = [(0, 1, 14, 25), (22, 0, 31, 26), (33, 1, 47, 25), (49, 0, 58, 26)]
    two_one = [(0, 4, 14, 26), (23, 0, 32, 30), (35, 4, 46, 26), (48, 0, 57, 30)]
    assert brackets(five_three, settings) == (1, 3)
    assert brackets(two_one, settings) == (1, 3)
    one_25 = [(0, 0, 11, 23), (13, 18, 17, 28), (21, 0, 35, 23), (37, 0, 51, 23)]
    assert brackets(one_25, settings) is None
    assert brackets([(0, 0, 11, 23), (14, 0, 28, 23)], settings) is None


def test_a_pair_crop_is_cut_into_its_two_figures_without_the_brackets():
    """Drawn ink, as ``clean_crop`` gives it: a digit-sized block, a gap, a narrow tall bar, a
    block, a narrow tall bar; the two pieces are the two blocks, each on white paper with its
    margin, placed on the page."""
    crop = np.full((40, 80), 255, dtype=np.uint8)  # (a clean crop: the ink kept, the rest white)
    crop[8:32, 2:16] = 20  # the first figure
    crop[5:35, 26:30] = 20  # "("
    crop[8:32, 34:48] = 20  # the bracketed figure
    crop[5:35, 52:56] = 20  # ")"
    pieces = pair_pieces(crop, (100, 200), 3, OcrSettings())
    assert pieces is not None
    first, second = pieces
    assert first.crop.shape == (24 + 6, 14 + 6) and second.crop.shape == (24 + 6, 14 + 6)
    assert first.origin == (100 + 2 - 3, 200 + 8 - 3) and second.origin == (100 + 34 - 3, 200 + 8 - 3)
    assert (first.crop == 20).sum() == 24 * 14 and (second.crop == 20).sum() == 24 * 14


@pytest.mark.needs_tesseract
def test_a_scanned_tables_bracketed_points_are_read_and_the_table_is_a_score_table():
    """The score table of a real scan (dev seed 9162, S27 instance 3: the scan of N52, "Điểm chuẩn
    (điểm tự đánh giá)", the maximum and the self points in one cell; the page down to the table's
    foot, 219 dpi, as scanned). Tesseract's page reading read "5 (3)" as "s(3)", "1 (1)" as "10)",
    "2 (1)" as "2@)", "2 (2)" as "2)", "1 (1)" as "1đ)", "3 (3)" as "3@)": 3 of 11 cells a pair, the
    table not taken for a score table (0 rows, told as a table not read). Every row is read with
    the truth's maximum and self points, and no table is told unread."""
    result = convert_file(DATA / "s9162-s27-i3-n52-bracketed-max-first.jpg")
    rows = [r for t in result.score_tables for r in t.rows]
    truth = [
        ("CÔNG TÁC CHỈ ĐẠO", 10, 8),
        ("Kế hoạch CCHC năm", 5, 3),
        ("Ban hành kế hoạch", 1, 1),
        ("Xác định đầy đủ", 1, 0),
        ("Các kết quả phải đạt", 1, 0.75),
        ("Mức độ thực hiện", 2, 1),
        ("Báo cáo CCHC", 2, 2),
        ("Tất cả báo cáo được gửi", 2, 1),
        ("Tất cả báo cáo có đầy đủ", 1, 1),
        ("Kiểm tra công tác CCHC", 3, 3),
    ]
    assert [(r.name[: len(name)], r.max_points, r.self_points) for r, (name, _, _) in zip(rows, truth)] == truth
    assert len(rows) == len(truth)
    assert not [u for u in result.unread if u.kind == "table"]
    assert all("unsure_max_points:0.65" in r.flags for r in rows if r.name.startswith("Kế hoạch CCHC"))

"""A self points cell printing the rate that scored the points beside them ("0,5" over "(50%)",
"0 (đạt 0%)") reads as the points (``normalize.points_rate``); the rate is the commune's working.
Cells and figures as the corpus generator's score tables with rates print them (seed 19341's
N97 documents: criteria 1.1.1-1.1.4 of the first, 3 of the second, truth file values)."""

from __future__ import annotations

from pathlib import Path

import pytest

import cchc_extract
from extract.segment.points_cells import read_points
from layout_docs import CLOSE, SCORE_REPORT_HEAD, plain_docx
from normalize.numbers import points_figure
from normalize.points_rate import rated_figure


@pytest.mark.parametrize(
    ("cell", "figure"),
    [
        ("0,5 (50%)", "0,5"),
        ("1,25\n(62,5%)", "1,25"),
        ("0 (đạt 0%)", "0"),
        ("13,75 (đạt 91,7%)", "13,75"),
        ("1,5 điểm (đạt 75 %)", "1,5"),
        ("1,5 đạt 75%", "1,5"),
    ],
)
def test_the_points_with_their_rate_are_the_points(cell, figure):
    assert rated_figure(cell) == figure
    assert points_figure(cell) == figure


@pytest.mark.parametrize("cell", ["(75%)", "1,5 75%", "1 (2)", "75%", "Đạt (2)"])
def test_no_rate_no_figure_taken(cell):
    assert rated_figure(cell) is None


def test_an_ocr_cell_with_its_rate_is_read_a_bare_percent_is_not():
    assert read_points("0,75 (đạt 75%", ocr=True) is None  # (no bracket closed, no "đạt ... %" whole: a garble)
    assert read_points("0,75 đạt 75%", ocr=True) == 0.75
    assert read_points("55%", ocr=True) is None


def test_rated_self_points_read_in_a_score_report(tmp_path: Path):
    rows = [
        ("STT", "Tiêu chí", "Điểm tối đa", "Điểm tự chấm", "Tài liệu kiểm chứng"),
        ("1", "Kế hoạch CCHC năm", "5", "3,25", ""),
        ("1.1", "Ban hành kế hoạch CCHC năm", "1", "0,5\n(50%)", "Kế hoạch số 19/KH-UBND ngày 20/01/2014"),
        ("1.2", "Xác định đầy đủ các nhiệm vụ CCHC", "1", "0,5\n(50%)", "Thông báo số 27/TB-UBND ngày 03/06/2014"),
        ("1.3", "Các kết quả phải đạt được xác định rõ ràng", "1", "1\n(100%)", ""),
        ("1.4", "Mức độ thực hiện kế hoạch CCHC", "2", "1,25 (đạt 62,5%)", ""),
        ("2", "Cải cách thủ tục hành chính", "2", "0", ""),
        ("2.1", "Công khai thủ tục hành chính", "2", "0 (đạt 0%)", ""),
        ("", "Tổng cộng", "7", "3,25", ""),
    ]
    result = cchc_extract.convert(plain_docx(tmp_path / "rated.docx", SCORE_REPORT_HEAD, rows, CLOSE))
    got = [(r["code"], r["max_points"], r["self_points"]) for t in result.data["score_tables"] for r in t["rows"]]
    assert got == [
        ("1", 5.0, 3.25),
        ("1.1", 1.0, 0.5),
        ("1.2", 1.0, 0.5),
        ("1.3", 1.0, 1.0),
        ("1.4", 2.0, 1.25),
        ("2", 2.0, 0.0),
        ("2.1", 2.0, 0.0),
    ]
    assert not [c for c in result.data["checks"] if c["status"] != "ok"]

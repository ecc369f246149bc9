"""Figures an OCR dump still prints, kept in their columns (issue 11): two figures of 0 read as
maximum and self score, below the set's maximum, are the self and appraised scores (no criterion
is scored out of 0); a token mixing letters and digits between two points figures is a cell OCR
garbled, so the figure after it takes the next column; small letters with vie's marks between a
lone figure and the line's last one are a speck. Real Tesseract dumps of seed 483's documents
(tests/data/dumps_numbers21, with the generator's truth), read end to end."""

from pathlib import Path

import pytest

from corpus_helpers import scored_rows_with_truth
from test_dump_numbers_printed import _cells, _run

DUMPS = Path(__file__).parent / "data" / "dumps_numbers21"


def _read(name: str) -> tuple[dict[str, dict], dict[str, dict], dict]:
    return scored_rows_with_truth(DUMPS / f"s483-{name}.txt")


@pytest.mark.parametrize(
    "line, n_points, cells",
    [
        # 8,25 read "B05" between the maximum and the appraised 7,75: kept in its column.
        ("CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNHCCHC_. 10 | B05 7,75", 3, ["10", "B05", "7,75"]),
        # ... not a mixed token with words after it (a lone figure in text is no cell, as before).
        ("Cải cách hành chính 10 B05 Kế hoạch", 3, None),
        ("theo hướng dẫn 3 x2 lần", 2, ["3", "x2"]),  # (as before: "x2" a lookalike cell)
        # Letters vie read with marks ("nã") between a lone figure and the line's last figure, one
        # figure short of the three columns: the self score OCR lost, in its column (read as a
        # speck before, the appraised 1 taken for the self score: ``test_dump_numbers_between``).
        ("vn cả báo cáo có đầy đủ nội dung theo hướng 1 nã 1", 3, ["1", "nã", "1"]),
        # ... not when the second cannot be a score of the first, nor with words after it.
        ("nội dung theo hướng 1 nã 5", 3, ["5"]),
        ("nội dung theo hướng 1 nã 1 lần", 3, None),
    ],
)
def test_the_run_of_points_cells(line, n_points, cells):
    assert _run(line, n_points) == cells


def test_a_garbled_cell_between_two_figures_keeps_its_column():
    # "1... | CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNHCCHC_. 10 | B05 7,75": 7,75 was dropped before.
    rows, want, _ = _read("d04-i4-ruled-center-vie-300dpi-degraded")
    assert _cells(rows["1"]) == (10.0, None, 7.75)
    assert _cells(want["1"]) == (10.0, 8.25, 7.75)
    assert rows["1"]["self_points_raw"] == "B05"
    assert "missing_self" in rows["1"]["flags"]  # the garbled cell: queued


def test_letters_with_marks_between_a_figure_and_the_last_are_the_lost_self_score():
    # "122 vn cả báo cáo … theo hướng 1 nã 1", printed 1, 1 and 1: the maximum and the appraised
    # score read, the self score the cell OCR garbled ("nã"), lost and queued. (Read as a speck,
    # the row had its self score and lost its appraised one: as many right, the lost cell unsaid.)
    rows, want, _ = _read("d04-i4-ruled-center-vie-300dpi-degraded")
    assert _cells(want["1.2.2"]) == (1.0, 1.0, 1.0)
    assert _cells(rows["1.2.2"]) == (1.0, None, 1.0)
    assert "missing_self" in rows["1.2.2"]["flags"]


def test_two_figures_of_zero_below_the_sets_maximum_are_the_scores():
    # "4. Cai cach té chic b6 may hanh chinh ~ Ké hoach … ngay iu 0 0": the maximum 11 lost ("iu"),
    # read as a maximum of 0 and a self score of 0 before.
    rows, want, _ = _read("d04-i3-ruled-center-eng-150dpi-degraded")
    assert _cells(rows["4"]) == _cells(want["4"]) == (11.0, 0.0, 0.0)
    assert "unsure_appraised_points:0.50" in rows["4"]["flags"]  # the set's guess of the columns: queued

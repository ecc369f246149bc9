"""Figures an OCR dump still prints, read into their cells (issue 11): a figure OCR made of a speck
before a row's run, that no maximum can head, is no cell; two letters between a lone figure and the
line's last figure are a speck; a cell of two digit lookalikes ("il") reads both ways, the table's
arithmetic choosing; the header's column-numbering row is no criterion row. Real Tesseract dumps of
seed 429's documents (tests/data/dumps_numbers20, with the generator's truth), read end to end."""

from pathlib import Path

import pytest

from corpus_helpers import scored_rows_with_truth
from extract.segment.line_points import _number_run
from extract.segment.score_readings import points_readings

DUMPS = Path(__file__).parent / "data" / "dumps_numbers20"


def _read(name: str) -> tuple[dict[str, dict], dict[str, dict], dict]:
    return scored_rows_with_truth(DUMPS / f"s429-{name}.txt")


def _cells(row: dict) -> tuple:
    return row["max_points"], row["self_points"], row.get("appraised_points")


def _run(line: str, n_points: int) -> list[str] | None:
    run = _number_run([(t, t) for t in line.split()], n_points)
    return run[2] if run else None


@pytest.mark.parametrize(
    "line, n_points, cells",
    [
        # A speck read "1:" before the row's 14,5 and 14,5 (comma lost in the first): 145 cannot be
        # a score under a maximum of 1, read any way; 145 and 14,5 can be a maximum and its score.
        ("3. | Cải cách thủ tục hành chính _ 1: 145 14,5 | Thực hiện đầy đủ, đúng", 2, ["145", "14,5"]),
        # ... a maximum and its score read first stay the cells (the third figure is the text's).
        ("3. | Cải cách thủ tục hành chính 14,5 14 2 | Thực hiện đầy đủ", 2, ["14,5", "14"]),
        # Two letters between a lone figure and the line's last: a rule's speck ("10 ac 5,5").
        ("ese | CONG TAC CHi DAO, DIEU HANH CCHC 10 ac 5,5", 2, ["10", "5,5"]),
        # ... not when words go on after the second figure, nor when it cannot be a score of the first.
        ("Kiểm tra 3 xa 2 lần trong năm", 2, None),
        ("ese | CONG TAC CHi DAO, DIEU HANH CCHC 5 ac 14,5", 2, ["14,5"]),
        # A speck read "¡" glued before the first figure (a line the last note quotes).
        ("5; Cải cách thủ tục hành chính ¡14,5 14,5", 2, ["14,5", "14,5"]),
        ("Tổng số điểm ¡ ¡18 j, BS) | sB", 2, None),
    ],
)
def test_the_run_of_points_cells(line, n_points, cells):
    assert _run(line, n_points) == cells


def test_two_digit_lookalikes_read_both_ways():
    assert points_readings("il") == [11.0, 1.0]
    assert points_readings("lO") == [10.0, 1.0, 0.0]
    assert points_readings("Oi") == []  # no points cell prints a leading zero
    assert points_readings("ab") == []


def test_a_speck_read_as_a_figure_before_the_rows_cells():
    # "3. | Cải cách thủ tục hành chính _ 1: 145 14,5 |": read 1 and 1,45 before.
    rows, want, _ = _read("d01-i4-ruled-top-vie-300dpi-degraded")
    assert _cells(rows["3"]) == _cells(want["3"]) == (14.5, 14.5, None)
    assert rows["3"]["alternatives"]["max_points"]  # 145 read 14,5 by the quarters: a reading chosen
    assert "ambiguous_number" in rows["3"]["flags"]


def test_a_speck_between_a_lone_figure_and_the_last():
    # "ese | CONG TAC CHi DAO, DIEU HANH CCHC 10 ac 5,5": read a maximum of 5,5 before.
    rows, want, _ = _read("d03-i3-ruled-top-eng-250dpi-degraded")
    assert _cells(rows["1"]) == _cells(want["1"]) == (10.0, 5.5, None)


def test_a_maximum_of_two_lookalike_letters_is_read_by_the_sets_arithmetic():
    # "1.2.1 | dinh (bao cao qui I, … va il 1 gian quy dinh": "il" read 11 before, under a 1.2 of 2.
    rows, want, _ = _read("d01-i3-ruled-center-eng-300dpi-degraded")
    row = rows["1.2.1"]
    assert row["max_points"] == want["1.2.1"]["max_points"] == 1.0
    assert row["alternatives"]["max_points"] == [11.0]
    assert "ambiguous_number" in row["flags"]  # a reading chosen: queued


def test_the_column_numbering_row_is_no_criterion():
    # "q) (2) Son vip (3) (4 G®) (6)" under the header was a row coded 1 that pushed the table's
    # "1." to part I and every code a level down: 2 of 10 rows right, 9 invented.
    rows, want, tally = _read("d02-i4-ruled-center-vie-250dpi-degraded")
    assert tally["found"] == tally["rows"] == 10
    assert tally["invented"] == 0
    assert set(rows) == set(want)
    assert _cells(rows["1"]) == _cells(want["1"])[:2] + (None,)  # the appraised 7,5 OCR lost ("907/5")

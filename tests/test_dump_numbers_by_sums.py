"""Figures an OCR dump still prints on a row's own lines, read into the right cells by the arithmetic
the table carries (issue 11): a lone figure below the criteria set's maximum is the self score (a
printed "0" too), and such rows do not keep the set from being sure; a parent's maximum run into its
name is the figure its children's maxima add up to (``sum_in_name``); a maximum read as a figure no
maximum can be (not in quarters, above its parent's) is the set's when a sum holds with it. Real
Tesseract dumps of seed 391's documents (tests/data/dumps_numbers19, with the generator's truth),
read end to end and scored."""

from pathlib import Path

import pytest

from corpus_helpers import scored_rows_with_truth
from normalize.criteria.match_settings import MatchSettings
from normalize.criteria.set_cells import _max_by_sums
from schemas.records import ScoreRow

DUMPS = Path(__file__).parent / "data" / "dumps_numbers19"


def _read(name: str) -> tuple[dict[str, dict], dict[str, dict], dict]:
    return scored_rows_with_truth(DUMPS / f"s391-{name}.txt")


def _cells(row: dict) -> tuple:
    return row["max_points"], row["self_points"], row.get("appraised_points")


@pytest.mark.parametrize(
    "name, code, before",
    [
        # "1.1.2 | … theo ké a 0,25": the one figure, 0,25, was read as the maximum (the set's is 1),
        # and with two such rows the set was not sure enough to say so (4 rows agreeing, 3 not).
        ("d03-i3-ruled-top-eng-250dpi-degraded", "1.1.2", 0.25),
        # "… (bao cdo qui I, qui ee 0": a self score of 0 read as a maximum of 0.
        ("d03-i3-ruled-top-eng-250dpi-degraded", "1.2.1", 0.0),
    ],
)
def test_a_lone_figure_below_the_sets_maximum_is_the_self_score(name, code, before):
    rows, want, tally = _read(name)
    # Sure of the set, the maxima OCR lost are the set's too (1.1.1, 1.3): 8/20 before. The field
    # row's self score ("1 | CONG TAC ... 1 BS") is the total's ("Tong cong a 10 8,5"): 1 is the
    # set's only field and its maximum, 10, is the total's (15/20 since, 14 before); with the sums
    # solved in chains (``derive_in_chains``) one lost cell more, under that derived self score: 16;
    # 17 since a misread the sums refute takes their value (``refuted.py``: 1.1.4's "20" is 2, as
    # its parent's 5 and its sibling's maxima say and the truth has).
    assert tally["numbers_right"] == 17
    assert rows["1"]["self_points"] == want["1"]["self_points"] == 8.5 and rows["1"]["self_points_raw"] is None
    row = rows[code]
    assert row["self_points"] == want[code]["self_points"] == before
    assert row["max_points"] == want[code]["max_points"]  # the set's, the cell OCR lost
    assert row["alternatives"]["max_points"] == [before]
    assert any(f.startswith("unsure_self_points") for f in row["flags"])  # which cell it was is a guess
    assert not any(f.startswith("max_differs_from_criteria_set") for f in row["flags"])


def test_a_parents_maximum_run_into_its_name_is_the_sum_of_its_childrens():
    # "1 CONG TAC CHi DAO, DIEU HANH 10 ao / | CCHC": 1.1, 1.2 and 1.3 print maxima of 5, 2 and 3.
    rows, want, tally = _read("d01-i3-ruled-center-eng-200dpi-degraded")
    assert rows["1"]["max_points"] == want["1"]["max_points"] == 10
    assert rows["1"]["max_points_raw"] == "10" and "max_in_name" in rows["1"]["flags"]
    # 7,5 is not in the text ("ao"): derived, chained, from 1.1 and 1.3 read and 1.2's score its
    # children's added up (``derive_in_chains``), flagged, its raw blank: not read.
    assert rows["1"]["self_points"] == want["1"]["self_points"] == 7.5
    assert "derived_from_sums:self_points" in rows["1"]["flags"] and rows["1"]["self_points_raw"] is None
    # "i14 … ‘ ‘ 9 2": a maximum of 9 under 1.1's 5; the set's 2 makes 1.1's children add up.
    assert _cells(rows["1.1.4"])[:2] == (want["1.1.4"]["max_points"], want["1.1.4"]["self_points"]) == (2, 2)
    assert rows["1.1.4"]["alternatives"]["max_points"] == [9]
    # of 20; 16 before, 18 before a lost cell was derived from the sums, 19 before chains
    assert tally["numbers_right"] == 20


def test_a_maximum_out_of_quarters_is_the_one_its_children_add_up_to():
    # "1.1 | Kế hoạch CCHC năm ... ] ¬ 5.1. 225 2,25": 5.1 is no maximum; 1.1.1-1.1.4 add up to 5.
    rows, want, _ = _read("d02-i4-ruled-center-vie-250dpi-degraded")
    assert _cells(rows["1.1"]) == _cells(want["1.1"]) == (5, 2.25, 2.25)
    assert rows["1.1"]["alternatives"]["max_points"] == [5.1]


def _row(code: str, parent: str | None, most: float | None) -> ScoreRow:
    return ScoreRow(code=code, level=code.count(".") + 1, parent=parent, name="", max_points=most)


def test_a_maximum_a_commune_could_print_is_kept():
    # A leaf raised by a slip (1 + 0,5) stays a maximum in quarters within its parent: kept as printed,
    # even where the set's maximum would make the parent's sum hold (the fault is the document's).
    rows = [_row("1.1", "1", 4.0), _row("1.1.1", "1.1", 1.5), _row("1.1.2", "1.1", 3.0)]
    assert not _max_by_sums(rows[1], 1.0, rows, "set", MatchSettings())
    assert rows[1].max_points == 1.5
    # Above its parent's maximum it is no maximum: the set's, which the sum confirms.
    rows = [_row("1.1", "1", 4.0), _row("1.1.1", "1.1", 9.0), _row("1.1.2", "1.1", 3.0)]
    assert _max_by_sums(rows[1], 1.0, rows, "set", MatchSettings())
    assert rows[1].max_points == 1.0 and rows[1].alternatives["max_points"] == [9.0]
    # ... but not when no sum says so.
    rows = [_row("1.1", "1", 4.0), _row("1.1.1", "1.1", 9.0), _row("1.1.2", "1.1", 2.0)]
    assert not _max_by_sums(rows[1], 1.0, rows, "set", MatchSettings())


def test_a_ruling_lines_top_glued_before_a_cell_is_a_speck():
    # Seed 392's d06-i4 row 2 "… quy BI | 10, | T10 [Báocáo…": the self score 10 with the grid's
    # line above it read as a "T" (as its foot is read "L"); the cell stays doubted (its raw).
    from extract.model import Line
    from extract.segment.line_cells import read_line
    from extract.segment.line_common import glued_digits, glued_readings
    from extract.segment.line_header import HeaderLayout

    assert glued_digits("T10") == "10" and glued_readings("T10") == [10.0]
    assert glued_digits("Ta") is None
    text = "2. ˆ | Xây dựng và tổ chức thực hiện văn bản quy BI | 10, | T10 [Báocáosõ198BCUBND"
    cells = read_line(Line(text=text, page=1, number=1), False, HeaderLayout(points=("max", "self")))
    assert (cells.max_raw, cells.self_raw) == ("10", "T10")


def test_a_lost_score_under_a_part_whose_criteria_restart_their_numbering():
    # Seed 477's D06 dump (F10: parts I and II, their criteria numbered afresh — I: 1, 2 — and
    # lettered below: 1.a-1.d, 2.a, 2.b): "2" printed its maximum alone, its self score lost. I's
    # 6,5 less 1's 4,5, and 2.a's 0,5 plus 2.b's 1,5, both give 2, the truth's.
    name = "s477-d06-i2-f10-i2-unruled-total-last-vie-psm3-200dpi.txt"
    rows, want, _ = scored_rows_with_truth(Path(__file__).parent / "data" / "dumps_columns" / name)
    assert rows["2"]["self_points"] == want["2"]["self_points"] == 2.0
    assert rows["2"]["self_points_raw"] is None and "derived_from_sums:self_points" in rows["2"]["flags"]
    # 2.b's 1,5 above its maximum of 1 is the commune's own fault: read as printed, not made to fit.
    assert rows["2.b"]["self_points"] == want["2.b"]["self_points"] == 1.5

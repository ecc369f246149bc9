"""A dump row's figures read one column off, put back by the criteria set's maximum (issue 11):
a line of figures whose STT cell OCR lost, its first figure taken for a code ("14,5 14,5 14,25
15/05/2023" under the row's name; seed 581's d02-i3, seed 627's d02-i4 "1 1,25 1"); a speck
read as a letter taken for the maximum before the row's figure ("5. ^ VÀ D 16", seed 627's
d01-i2); a self score printed with a capital for its 3 and its comma lost ("5 B5 3,5", seed
627's d02-i4). The small dump of tests/data/dumps_appraised23 is edited into each case and
read end to end."""

from pathlib import Path

from corpus_helpers import edited_dump_rows
from extract.segment.score_readings import points_readings
from normalize.criteria.match_settings import MatchSettings
from normalize.criteria.set_shifts import code_was_maximum, speck_before_maximum
from schemas.records import ScoreRow

DUMP = Path(__file__).parent / "data" / "dumps_appraised23" / "cells-between.txt"


def _rows(tmp_path: Path, edits: dict[str, str]) -> dict[str, ScoreRow]:
    return edited_dump_rows(DUMP, edits, tmp_path)


def test_a_line_of_figures_whose_code_ocr_lost_fills_the_three_columns(tmp_path):
    rows = _rows(
        tmp_path,
        {
            "3. Cai cach thu tuc hanh chinh 14,5 14,5 14,5 Cong van s6 141/CV-UBND ngay 15/05/2023": (
                "Cai cach thu tuc hanh chinh Cong van s6 141/CV-UBND ngay\n14,5 14,5 14,25 15/05/2023"
            ),
            "TONG DIEM 100 97,5 96,75": "TONG DIEM 100 97,5 96,5",
        },
    )
    three = rows["3"]
    assert (three.max_points, three.self_points, three.appraised_points) == (14.5, 14.5, 14.25)
    assert three.code_raw is None  # the figure was no code
    assert "missing_appraised" not in three.flags
    assert any(f.startswith("columns_from_criteria_set:") for f in three.flags)
    assert three.alternatives["self_points"] == [14.25]  # the reading before, for the review


def test_a_capital_read_for_a_digit_with_the_comma_lost(tmp_path):
    assert points_readings("B5") == [85.0, 8.5, 35.0, 3.5]
    assert points_readings("D5") == []  # one reading (0,5): nothing to choose
    rows = _rows(
        tmp_path,
        {
            "Cai cach tai chinh cong 7 7 6,75": "Cai cach tai chinh cong 7 B5 3,5",
            "TONG DIEM 100 97,5 96,75": "TONG DIEM 100 94 93,5",
        },
    )
    six = rows["6"]
    assert (six.max_points, six.self_points, six.appraised_points) == (7.0, 3.5, 3.5)
    assert "ambiguous_number" in six.flags  # a reading of ours: doubted, the others kept
    assert six.alternatives["self_points"] == [85.0, 8.5, 35.0]


def _row(**cells) -> ScoreRow:
    return ScoreRow(code="5", name="Xây dựng và nâng cao chất lượng đội ngũ công chức, viên chức", **cells)


def test_a_letter_before_the_sets_maximum_is_a_speck():
    row = _row(max_points=0.0, max_points_raw="D", self_points=1.6, self_points_raw="16", flags=["ambiguous_number"])
    row.alternatives["self_points"] = [16.0]
    assert speck_before_maximum(row, 16.0, False, "s", MatchSettings())
    assert (row.max_points, row.self_points, row.appraised_points) == (16.0, None, None)
    assert "missing_self" in row.flags and "ambiguous_number" not in row.flags
    assert row.alternatives == {"max_points": [0.0], "self_points": [1.6]}
    # A maximum printed with a digit, or a score that is not the set's maximum, stays as read.
    assert not speck_before_maximum(
        _row(max_points=10.0, max_points_raw="10", self_points=16.0, self_points_raw="16"),
        16.0,
        False,
        "s",
        MatchSettings(),
    )
    assert not speck_before_maximum(
        _row(max_points=0.0, max_points_raw="D", self_points=15.0, self_points_raw="15"),
        16.0,
        False,
        "s",
        MatchSettings(),
    )


def test_a_code_kept_by_its_row_is_no_figure():
    # The row kept the code its line opened with: the figures after it are its cells.
    row = _row(code_raw="1", max_points=1.25, self_points=1.0, max_points_raw="1,25", self_points_raw="1")
    assert not code_was_maximum(row, 1.0, True, "s", MatchSettings())
    # Its code inferred from the rows around, the figure equal to the set's maximum: the maximum.
    row.flags = ["code_inferred", "missing_appraised"]
    assert code_was_maximum(row, 1.0, True, "s", MatchSettings())
    assert (row.max_points, row.self_points, row.appraised_points) == (1.0, 1.25, 1.0)
    assert "missing_appraised" not in row.flags
    # ... not when the last column is taken (no column left to move into).
    full = _row(code_raw="1", max_points=1.0, self_points=1.0, appraised_points=1.0, flags=["code_inferred"])
    full.max_points_raw = full.self_points_raw = full.appraised_points_raw = "1"
    assert not code_was_maximum(full, 1.0, True, "s", MatchSettings())


def test_a_headings_figures_taken_by_its_first_child_go_back_to_it():
    # Seed 581's d01-i3: "CONG TAC CHI DAO, DIEU HANH / ik CCHC ee 10 4,5 / 1.1. | Ké hoach CCHC nam
    # y 325": the heading's wrapped line and figures read as row 1.1's; the part's maximum is its
    # rows' (1.1, 1.2, 1.3: 5 + 2 + 3) when the set's part is larger than the document's.
    from normalize.criteria.set_shifts import parents_figures

    heading = ScoreRow(code="1", name="Công tác chỉ đạo, điều hành", flags=["missing_max", "missing_self"])
    first = ScoreRow(code="1.1", parent="1", max_points=10.0, max_points_raw="10", self_points=4.5)
    first.self_points_raw = "4,5"
    rest = [ScoreRow(code="1.2", parent="1", max_points=2.0), ScoreRow(code="1.3", parent="1", max_points=3.0)]
    maxima = {"1.1": 5.0, "1.2": 2.0, "1.3": 3.0}
    assert parents_figures([heading, first, *rest], maxima, "s", MatchSettings()) == 1
    assert (heading.max_points, heading.self_points, heading.max_points_raw) == (10.0, 4.5, "10")
    assert "missing_max" not in heading.flags and "unsure_max_points:0.50" in heading.flags
    assert (first.max_points, first.self_points) == (None, None)
    assert first.alternatives == {"max_points": [10.0], "self_points": [4.5]}
    # A child whose maximum is its own, or a heading that printed figures, keeps what it read.
    child = ScoreRow(code="1.1", parent="1", max_points=5.0, max_points_raw="5")
    assert parents_figures([ScoreRow(code="1"), child, *rest], maxima, "s", MatchSettings()) == 0
    printed = ScoreRow(code="1", max_points=10.0, max_points_raw="10")
    again = ScoreRow(code="1.1", parent="1", max_points=10.0, max_points_raw="10")
    assert parents_figures([printed, again, *rest], maxima, "s", MatchSettings()) == 0
    assert again.max_points == 10.0


def test_a_whole_code_before_the_sets_maximum_stays_a_code():
    # "2 | Báo cáo CCHC 2 1,25": the "2" may be code 1.2 with its head lost (worth 2): the
    # maximum read is the set's, so the figures after the code are the row's own.
    row = ScoreRow(code="1.2", code_raw="2", max_points=2.0, self_points=1.25, flags=["code_inferred"])
    row.max_points_raw, row.self_points_raw = "2", "1,25"
    assert not code_was_maximum(row, 2.0, True, "s", MatchSettings())
    assert (row.max_points, row.self_points) == (2.0, 1.25)
    # A whole figure that is no part of the row's code ("10 10 10" under row 2's name) is its maximum.
    two = ScoreRow(code="2", code_raw="10", max_points=10.0, self_points=10.0, flags=["code_inferred"])
    two.max_points_raw = two.self_points_raw = "10"
    assert code_was_maximum(two, 10.0, True, "s", MatchSettings())
    assert (two.max_points, two.self_points, two.appraised_points) == (10.0, 10.0, 10.0)

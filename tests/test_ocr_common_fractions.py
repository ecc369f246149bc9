"""Halves and quarters written as common fractions ("9 1/4", "14 1/2") read from OCR'd text: a
whole glued to its fraction where OCR lost the space ("91/4") and a whole apart from it ("14 1/2")
on the lines of a table printing its points so are one figure each; a cell whose space and slash
OCR lost ("912" for "9 1/2") gets the fraction as one more reading, for the row's maximum to choose.

``tests/data/dump_fractions78b/n103-fractions-self-only.txt``: the real Tesseract dump of seed
21261's D34 instance 2 (N103, fractions in the self column only); the expected values are its truth
file's. The comma-less cells are seed 21262's S40 instance 2 scan as OCR read them ("912", "112",
"12"), its truth file's values and maxima."""

from pathlib import Path

from cchc_extract.pipeline import convert_file, result_to_json
from extract.model import Line
from extract.segment.line_common_fractions import joined_fractions, prints_common_fractions
from extract.segment.points_cells import read_points
from extract.segment.score_readings import resolve_lost_commas
from normalize.numbers import glued_fraction, slashless_fraction
from schemas.records import ScoreRow

DUMPS = Path(__file__).parent / "data" / "dump_fractions78b"


def _tokens(text):
    return [(t, t) for t in text.split()]


def _row(code, parent, max_raw, self_raw):
    return ScoreRow(
        code=code,
        parent=parent,
        max_points=float(max_raw),
        self_points=float(self_raw),
        max_points_raw=max_raw,
        self_points_raw=self_raw,
    )


def test_a_fraction_glued_to_its_whole_is_a_half_or_quarter():
    assert glued_fraction("91/4") == 9.25
    assert glued_fraction("151/2") == 15.5
    assert glued_fraction("33/4") == 3.75


def test_no_ratio_date_or_score_over_its_maximum_is_a_glued_fraction():
    for text in ("7/671", "13/2", "9/10", "1/2", "14/02/2023", "45/CV", "11/4/2023", "01/2"):
        assert glued_fraction(text) is None, text


def test_a_line_joins_its_whole_and_fraction_where_it_prints_more_figures_than_columns():
    # the dump's line "5. Cải cách thủ tục hành chính 14,5 14 1/2" (truth: max 14,5, self 14,5)
    assert [raw for _, raw in joined_fractions(_tokens("hành chính 14,5 14 1/2"), 2)][-2:] == ["14,5", "14,5"]
    # "1 1/2" under "max | self": a maximum of 1, a self score of a half, no one figure
    assert [raw for _, raw in joined_fractions(_tokens("báo cáo 1 1/2"), 2)][-2:] == ["1", "0,5"]


def test_a_lone_half_in_an_explanation_makes_no_fraction_table():
    lines = [
        Line(text="1.1 Ban hành kế hoạch 1 1 Đạt 1/2 chỉ tiêu", page=1, number=1),
        Line(text="1.2 Báo cáo 2 1,5 Công văn số 7/671", page=1, number=2),
        Line(text="1.3 Kiểm tra 1 0,5 ngày 13/4/2023", page=1, number=3),
    ]
    assert not prints_common_fractions(lines)


def test_the_dumps_fractions_are_read_as_the_truths_points():
    out = result_to_json(convert_file(DUMPS / "n103-fractions-self-only.txt"))
    rows = {r["code"]: r for r in out["score_tables"][0]["rows"]}
    assert rows["1"]["self_points"] == 9.25  # "10 91/4"
    assert rows["3"]["self_points"] == 14.5  # "14,5 14 1/2"
    assert rows["6"]["self_points"] == 6.5  # "7 61/2"
    assert (rows["8"]["max_points"], rows["8"]["self_points"]) == (15.5, 15.5)  # "15,5 151/2"


def test_a_slashless_cell_has_its_fraction_as_a_reading():
    assert slashless_fraction("914") == 9.25
    assert slashless_fraction("12") == 0.5
    assert slashless_fraction("145") is None  # 14,5 or 1,45: no fraction's digits
    assert slashless_fraction("0512") is None


def test_the_scans_slashless_scores_take_the_reading_within_their_maximum():
    # the scan's OCR: "10 912", "2 112", "1 12" (truth: 9 1/2, 1 1/2, 1/2)
    rows = [_row("1", None, "10", "912"), _row("1.2", "1", "2", "112"), _row("1.2.1", "1.2", "1", "12")]
    resolve_lost_commas(rows)
    assert [r.self_points for r in rows] == [9.5, 1.5, 0.5]
    assert 9.12 in rows[0].alternatives["self_points"]  # the other readings kept
    assert all("ambiguous_number" in r.flags for r in rows)  # a reading chosen: to review


def test_a_scans_cell_with_its_fractions_space_lost_is_read_as_the_half():
    # seed 21341's S40 instance 2 scan: criterion 1's self cell OCR'd "91/2" (truth: 9 1/2 = 9,5)
    assert read_points("91/2", ocr=True) == 9.5
    assert read_points("9/10", ocr=True) is None  # a score over its maximum: the column's "/" cuts it


def test_the_dumps_total_with_a_fraction_is_one_figure():
    # the dump's "TỔNG ĐIỂM 100 98 3/4" (truth: stated totals 100 and 98,75); the rows add up to
    # it, so nothing is queued (the truth plants no fault in this document)
    out = result_to_json(convert_file(DUMPS / "n103-fractions-self-only.txt"))
    table = out["score_tables"][0]
    assert (table["stated_total_max"], table["stated_total_self"]) == (100.0, 98.75)
    assert out["review"] == []

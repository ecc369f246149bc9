"""Figures an OCR dump still prints, taken by the wrong column and moved by the arithmetic the table
carries (issue 11): a part's lone figure below its children's maxima added up is its self score
when the set's published maximum for the part is not the one a document prints (a set read in
part); two figures of 0 read as maximum and self score, below the set's maximum, are the self and
appraised scores (no criterion is scored out of 0). Real Tesseract dumps of seed 483's documents
(tests/data/dumps_numbers21, with the generator's truth), read end to end."""

from pathlib import Path

from corpus_helpers import scored_rows_with_truth

DUMPS = Path(__file__).parent / "data" / "dumps_numbers21"


def _read(name: str) -> tuple[dict[str, dict], dict[str, dict], dict]:
    return scored_rows_with_truth(DUMPS / f"s483-{name}.txt")


def _cells(row: dict) -> tuple:
    return row["max_points"], row["self_points"], row.get("appraised_points")


def test_a_parts_lone_figure_below_its_childrens_maxima_is_its_self_score():
    # "CONG TAC CHi DAO, DIEU HANH 9,5": the maximum 10 lost; the set (ca-mau_2013) publishes 20
    # for part 1 but holds only 1.1-1.3 (5 + 2 + 3), the rows the document prints. Read as a
    # maximum of 9,5 before.
    rows, want, _ = _read("d01-i1-ruled-top-eng-200dpi")
    assert _cells(rows["1"]) == _cells(want["1"]) == (10.0, 9.5, None)
    assert rows["1"]["alternatives"]["max_points"] == [9.5]  # the reading before kept
    assert "unsure_self_points:0.50" in rows["1"]["flags"]  # the set's guess of the cell: queued
    assert all(_cells(rows[c])[0] == _cells(want[c])[0] for c in ("1.1", "1.2", "1.3"))


def test_two_figures_of_zero_below_the_sets_maximum_are_the_scores():
    # "4. Cai cach té chic b6 may hanh chinh ~ Ké hoach … ngay iu 0 0": the maximum 11 lost ("iu"),
    # read as a maximum of 0 and a self score of 0 before.
    rows, want, _ = _read("d04-i3-ruled-center-eng-150dpi-degraded")
    assert _cells(rows["4"]) == _cells(want["4"]) == (11.0, 0.0, 0.0)
    assert "unsure_appraised_points:0.50" in rows["4"]["flags"]

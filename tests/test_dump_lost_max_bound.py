"""Issue 11, numbers of OCR text dumps: a score whose decimal comma OCR lost, on a row whose own
maximum OCR lost too, is bounded by the nearest maximum above it in the numbering (a score is at
most its row's maximum, and that at most its parent's); four digits in quarters after a 1 ("1525")
are a score of ten to nineteen whose comma OCR lost. ``tests/data/dump_numbers72``: real Tesseract
dumps of seed 18161's D01 instance 3 and D18 instance 2; the expected values are their truth files'."""

from pathlib import Path

from cchc_extract.pipeline import convert_file, result_to_json
from extract.segment.score_readings import points_readings, resolve_lost_commas
from schemas.records import ScoreRow

DUMPS = Path(__file__).parent / "data" / "dump_numbers72"


def _row(code, parent, max_raw, self_raw):
    def value(raw):
        return float(raw.replace(",", ".")) if raw and raw[0].isdigit() else None

    return ScoreRow(
        code=code,
        parent=parent,
        max_points=value(max_raw),
        self_points=value(self_raw),
        max_points_raw=max_raw,
        self_points_raw=self_raw,
    )


def test_a_score_under_a_lost_maximum_is_bounded_by_its_parents():
    # The dump's lines "1.1. |-Ké hoach CCHC nam 5 45" and "14 | Mite 46 thu hign ke hoach CCHC
    # es 15": 1.1.4's maximum read "es", its score "15" (truth: 2 and 1,5)
    rows = [_row("1.1", None, "5", "45"), _row("1.1.4", "1.1", "es", "15")]
    resolve_lost_commas(rows)
    assert rows[1].self_points == 1.5
    assert rows[1].alternatives["self_points"] == [15.0]
    assert "ambiguous_number" in rows[1].flags  # a reading chosen, the other kept: to review


def test_the_bound_walks_up_past_a_parent_whose_maximum_was_lost():
    rows = [_row("1", None, "10", "775"), _row("1.1", "1", None, None), _row("1.1.4", "1.1", None, "15")]
    resolve_lost_commas(rows)
    assert rows[2].self_points == 1.5


def test_a_score_within_its_ancestors_maximum_stays_as_printed():
    # "15" under a lost maximum in a field of 20 may be 15: the printed reading stays, undoubted
    rows = [_row("2", None, "20", "18"), _row("2.1", "2", None, "15")]
    resolve_lost_commas(rows)
    assert rows[1].self_points == 15.0 and "ambiguous_number" not in rows[1].flags


def test_the_dumps_score_under_a_lost_maximum_is_read_and_queued():
    out = result_to_json(convert_file(DUMPS / "score-under-lost-max.txt"))
    rows = {r["code"]: r for r in out["score_tables"][0]["rows"]}
    assert (rows["1.1.4"]["max_points"], rows["1.1.4"]["self_points"]) == (2.0, 1.5)
    assert rows["1.1"]["self_points"] == 4.5
    queued = {(q["code"], q["field"]) for q in out["review"]}
    assert ("1.1.4", "self_points") in queued


def test_four_digits_in_quarters_after_a_one_are_a_teen_score_whose_comma_was_lost():
    # seed 18161's D18 instance 2, row 8: "| 15,5 1525 |-": max 15,5, self 15,25 (truth)
    assert 15.25 in points_readings("1525")
    assert points_readings("2025") == [] and points_readings("1200") == []  # a year, a count
    rows = [_row("8", None, "15,5", "1525")]
    resolve_lost_commas(rows)
    assert rows[0].self_points == 15.25 and "ambiguous_number" in rows[0].flags


def test_the_dumps_teen_score_is_read_and_queued():
    out = result_to_json(convert_file(DUMPS / "teen-score-lost-comma.txt"))
    rows = {r["code"]: r for r in out["score_tables"][0]["rows"]}
    assert (rows["8"]["max_points"], rows["8"]["self_points"]) == (15.5, 15.25)
    assert ("8", "self_points") in {(q["code"], q["field"]) for q in out["review"]}

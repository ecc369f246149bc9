"""A maximum read from bare digits ten times its row's score, whose digits with the comma put back
make a maximum the score fits under ("25" beside 2,5), lost its comma (printed_cells.max_lost_mark):
unsure, so queued; and a lone "0" read as a maximum is the line's score (lone_figure). Real
Tesseract dumps of seed 11161, their truths asserted."""

from __future__ import annotations

from pathlib import Path

from benchmarks.corpus_scoring import score_document
from cchc_extract.reconcile.lone_figure import lone_figure_unsure
from cchc_extract.reconcile.printed_cells import max_lost_mark
from cchc_extract.reconcile.set_maxima import neighbours_maximum
from corpus_helpers import converted_with_truth
from schemas.records import MISSING_FLAG, ScoreRow

DATA = Path(__file__).parent / "data" / "dumps_load65"
D17 = DATA / "d17-i2-n35-i2-subtotals-cong-field-vie-psm4-250dpi-degraded.txt"
D19 = DATA / "d19-i3-n45-i3-side-by-side-merged-eng-psm6-250dpi-degraded.txt"


def _row(max_raw: str, max_points: float, self_points: float | None) -> ScoreRow:
    return ScoreRow(
        code="1.5", name="Sáng kiến", max_points=max_points, self_points=self_points, max_points_raw=max_raw
    )


def test_a_bare_maximum_ten_times_its_score_lost_its_comma():
    assert max_lost_mark(_row("25", 25.0, 2.5))
    assert max_lost_mark(_row("25", 25.0, 1.75))
    assert max_lost_mark(_row("15", 15.0, 1.5))


def test_a_maximum_printed_with_its_mark_or_near_its_score_is_no_lost_comma():
    assert not max_lost_mark(_row("2,5", 2.5, 2.5))  # its mark printed
    assert not max_lost_mark(_row("16", 16.0, 15.25))  # a field's maximum, near its score
    assert not max_lost_mark(_row("25", 25.0, 0.0))  # no score to compare with
    assert not max_lost_mark(_row("25", 25.0, None))
    assert not max_lost_mark(_row("25", 25.0, 3.0))  # 2,5 could not hold the score 3
    assert not max_lost_mark(_row("175", 175.0, 1.5))  # 1,75 is no maximum (quarters are scores')


def test_a_lone_zero_is_the_lines_score():
    row = ScoreRow(code="2.1", name="x", max_points=0.0, max_points_raw="0", flags=[MISSING_FLAG["self_points"]])
    assert lone_figure_unsure(row, disputed=False)


def _queued_wrong(path: Path, codes_fields: list[tuple[str, str, float, float]]) -> None:
    data, truth = converted_with_truth(path)
    want = {r["code"]: r for t in truth["score_tables"] for r in t["rows"]}
    rows = data["score_tables"][0]["rows"]
    scored = score_document(truth, data)
    wrong = {(v["pointer"], v["field"]) for v in scored["wrong_values"]}
    queued = {(e["item"], e.get("field")) for e in data["review"]} | {(e["item"], None) for e in data["review"]}
    for code, field, read, printed in codes_fields:
        assert want[code][field] == printed  # the truth's figure
        (i,) = [i for i, r in enumerate(rows) if r["code"] == code]
        assert rows[i][field] == read
        pointer = f"/score_tables/0/rows/{i}"
        assert (pointer, field) in wrong
        assert (pointer, field) in queued, (code, field, rows[i]["value_confidence"])


def test_the_d17_dumps_lost_commas_and_lone_zero_are_queued():
    _queued_wrong(D17, [("1.5", "max_points", 25.0, 2.5), ("2.1", "max_points", 0.0, 3.0)])


def test_the_d19_dumps_lost_commas_are_queued():
    _queued_wrong(
        D19,
        [("1.3", "max_points", 25.0, 2.5), ("1.5", "max_points", 25.0, 2.5), ("3.2.3", "max_points", 15.0, 1.5)],
    )


D16 = DATA / "d16-i2-n31-i2-pasted-codes-in-names-vie-psm6-250dpi-degraded.txt"


def test_a_maximum_the_set_gives_a_neighbour_says_the_line_is_the_neighbours():
    maxima = {"4": 11.0, "5": 16.0, "6": 7.0, "7": 16.0}
    assert neighbours_maximum(ScoreRow(code="4", name="x", max_points=7.0, self_points=6.0), maxima)
    # its own maximum, or a figure no neighbour has: no sign
    assert not neighbours_maximum(ScoreRow(code="4", name="x", max_points=11.0, self_points=6.0), maxima)
    assert not neighbours_maximum(ScoreRow(code="4", name="x", max_points=12.0, self_points=6.0), maxima)
    # a neighbour three places off is too far
    assert not neighbours_maximum(ScoreRow(code="4", name="x", max_points=9.0), {**maxima, "1": 9.0})


def test_the_d16_dumps_scores_read_under_a_neighbours_maximum_are_queued():
    _queued_wrong(D16, [("4", "self_points", 6.0, 10.25)])

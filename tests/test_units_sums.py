"""A table by unit (a row per hamlet, the commune's row) carries its own sums: the commune's count is
its units' counts added up (``extract.segment.units_sums``), evidence for the commune's figures
that the review weighs (issue 14: review load). A real Tesseract dump of the corpus generator,
seed 14001's D21 (tests/data/dumps_silent_s14001), with its truth."""

from pathlib import Path

from benchmarks.corpus_scoring import score_document
from corpus_helpers import converted_with_truth
from extract.segment.units_sums import UNITS_SUM_FLAG, summed_columns

DATA = Path(__file__).parent / "data" / "dumps_silent_s14001"


def test_the_units_counts_adding_up_to_the_communes_vouch_for_it():
    # "Toàn xã 3 573 488 85 85,17 28 25 3 89,29 21" under five hamlets' lines ("1 Th6n 1 0 14 12 2
    # 85,71 2 2 0 100 6", …): items 1 (0+3+0+0+0) and 4 (6+1+8+4+2) belong to no sum of the
    # annex's own and were queued at 0.71, right; their hamlets' columns add up to them.
    (path,) = DATA.glob("s14001-d21-i1-*.txt")
    data, truth = converted_with_truth(path, path.stem)
    want = {r["code"]: r["value"] for r in truth["statistics"][0]["rows"]}
    assert (want["1"], want["4"]) == (3, 21)
    queued = {(e["item"], e.get("field")) for e in data["review"]}
    rows = data["statistics"][0]["rows"]
    for code in ("1", "4"):
        (i,) = [i for i, r in enumerate(rows) if r["code"] == code]
        assert rows[i]["value"] == want[code] and UNITS_SUM_FLAG in rows[i]["flags"]
        assert (f"/statistics/0/rows/{i}", "value") not in queued, rows[i]
    # a share ("85,17") adds up to nothing: no flag
    (share,) = [r for r in rows if r["code"] == "2.3"]
    assert UNITS_SUM_FLAG not in share["flags"]
    scored = score_document(truth, data)
    assert scored["silent_errors"] == [], scored["silent_errors"]


def test_a_column_a_unit_left_blank_or_damaged_says_nothing():
    units = [["1", "Thôn 1", "2", "5"], ["2", "Thôn 2", "", "1O"], ["3", "Thôn 3", "1", "4"]]
    assert summed_columns(units, ["", "Toàn xã", "3", "10"], [2, 3]) == set()
    units[1][2] = "0"
    assert summed_columns(units, ["", "Toàn xã", "3", "10"], [2, 3]) == {2}
    assert summed_columns(units, ["", "Toàn xã", "4", "10"], [2, 3]) == set()

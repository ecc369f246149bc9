"""A points figure off the quarters an OCR'd table keeps to is a digit misread, and two cells of a
row read alike off them are one misreading twice (``reconcile/off_step``): seed 12001's D15 dump
read criterion 1.3's 2,5 and 2,5 as "2,9 2,9", both out of the review queue
(tests/data/dumps_queue67/README.md)."""

from __future__ import annotations

from pathlib import Path

from cchc_extract.pipeline import convert_file, result_to_json
from cchc_extract.reconcile.off_step import keeps_step, off_step, off_step_max
from schemas.records import ScoreRow

DUMP = (
    Path(__file__).parent / "data" / "dumps_queue67" / "d15-i3-n28-i3-bonus-penalty-rows-eng-psm4-300dpi-degraded.txt"
)


def _rows(out: dict) -> dict[str, tuple[str, dict]]:
    (table,) = out["score_tables"]
    return {row["code"]: (f"/score_tables/0/rows/{i}", row) for i, row in enumerate(table["rows"])}


def test_two_cells_read_alike_off_the_quarters_are_queued():
    out = result_to_json(convert_file(DUMP))
    queued = {(r["item"], r.get("field")) for r in out["review"]}
    rows = _rows(out)
    pointer, row = rows["1.3"]
    # (the truth: 2,5 and 2,5, printed "2,9 2,9" by OCR)
    assert (row["max_points"], row["self_points"]) == (2.9, 2.9)
    assert (pointer, "max_points") in queued and (pointer, "self_points") in queued
    # 1.4's "2 2", on the quarters, is right (the truth: 2 and 2) and stays out.
    pointer, row = rows["1.4"]
    assert (row["max_points"], row["self_points"]) == (2.0, 2.0)
    assert (pointer, "max_points") not in queued and (pointer, "self_points") not in queued


def _row(mx: float, self: float) -> ScoreRow:
    return ScoreRow(code="1", max_points=mx, self_points=self)


def test_the_table_says_which_step_it_keeps():
    quarters = [_row(2, 1.75), _row(3, 2.5), _row(1, 0.25), _row(4, 4), _row(2, 2), _row(3, 0), _row(2.9, 2.9)]
    assert keeps_step(quarters, ("max_points", "self_points"))
    assert off_step(quarters[-1], "self_points") and not off_step(quarters[0], "self_points")
    tenths = [_row(2, 1.8), _row(3, 2.6), _row(1, 0.4), _row(4, 3.7), _row(2, 1.5)]
    assert not keeps_step(tenths, ("max_points", "self_points"))  # a table given in tenths
    assert not keeps_step(quarters[:2], ("max_points", "self_points"))  # too few figures to say


def test_a_score_off_the_step_under_a_maximum_on_it_is_the_communes():
    # (sample 003, a real table in quarters, scores 3.5.3 "0.3" and part I "71.2" under maxima on them)
    assert not off_step_max(_row(74, 71.2), "self_points") and not off_step_max(_row(74, 71.2), "max_points")
    assert off_step_max(_row(2.9, 2.9), "self_points") and off_step_max(_row(2.9, 2.5), "max_points")
    assert not off_step_max(_row(2.9, 2.5), "self_points")

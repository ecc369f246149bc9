"""A score above its maximum put down to a misreading stands in a relation that fails, even where
the readings found are the maximum's alone (``le_max.scores_over_max``): seed 12001's D14 dump read
criterion 4.1's 3 and 3 as "3 5", blamed the 3 ("may be 8") and left the wrong 5 out of the queue
(tests/data/dumps_queue67/README.md)."""

from __future__ import annotations

from pathlib import Path

from cchc_extract.pipeline import convert_file, result_to_json
from cchc_extract.reconcile.le_max import scores_over_max
from schemas.records import Check

DUMP = (
    Path(__file__).parent
    / "data"
    / "dumps_queue67"
    / "d14-i5-n25-i5-fields-then-details-headings-eng-psm6-300dpi-degraded.txt"
)


def test_a_score_above_its_maximum_is_queued_beside_the_maximum_blamed():
    out = result_to_json(convert_file(DUMP))
    queued = {(r["item"], r.get("field")) for r in out["review"]}
    (table,) = out["score_tables"]
    ((i, row),) = [(i, r) for i, r in enumerate(table["rows"]) if r["code"] == "4.1"]
    assert (row["max_points"], row["self_points"]) == (3.0, 5.0)  # (the truth: 3 and 3)
    pointer = f"/score_tables/0/rows/{i}"
    assert (pointer, "max_points") in queued and (pointer, "self_points") in queued
    assert row["value_confidence"]["self_points"] < 0.8


def test_only_checks_put_down_to_a_misreading_name_their_score():
    checks = [
        Check(id="self_le_max:/score_tables/0/rows/21:self_points", kind="self_le_max", status="misread"),
        Check(id="self_le_max:/score_tables/0/rows/3:self_points", kind="self_le_max", status="mismatch"),
        Check(id="sum_self:/score_tables/0/rows/2:self_points", kind="sum_self", status="misread"),
    ]
    assert scores_over_max(checks) == {("/score_tables/0/rows/21", "self_points")}

"""A dump's score line that printed a figure more than the columns placed (issue 14, silent
errors): ``queue76/d19001-n21-evidence-first-eng-psm6.txt`` (the D14 dump of N21, seed 19001)
prints criterion 1.1.3 as ``… xac dinh 16 1 1,5`` and ``queue76/d19001-n48-levels-points-eng-
psm4-degraded.txt`` (D20 of N48) criterion 1.4 as ``… cat 2 1 20 :``. The segmenter took the
first two figures for the maximum and the self score and left the last as the explanation: the
self scores 1 and 1 are wrong (the generator's truth files: 1,5 and 2), and both sat at 0.922,
out of the review queue. A lone points figure left as the explanation that is no share of the
row's score says the line's figures were placed by us (``stray_figure``): the self score is queued.
A share read as explanation ("95,5" beside 10,5 of 11; "948" beside 13,75 of 14,5) vouches instead."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cchc_extract.pipeline import convert_file, result_to_json
from cchc_extract.reconcile.stray_figure import stray_figure
from schemas.records import ScoreRow

DATA = Path(__file__).parent / "data" / "queue76"


def _row(max_points: float | None, self_points: float | None, explanation: str) -> ScoreRow:
    return ScoreRow(code="1.1", max_points=max_points, self_points=self_points, explanation=explanation)


def test_a_lone_figure_that_is_no_share_is_stray():
    assert stray_figure(_row(16.0, 1.0, "1,5"))
    assert stray_figure(_row(2.0, 1.0, "20"))
    assert not stray_figure(_row(11.0, 10.5, "95,5"))  # the share of 10,5 in 11
    assert not stray_figure(_row(14.5, 13.75, "948"))  # 94,8 with its mark lost
    assert not stray_figure(_row(2.0, 1.0, "Báo cáo số 20"))  # words, not a lone figure
    assert not stray_figure(_row(2.0, None, "1,5"))  # no score to doubt


@pytest.mark.parametrize(
    ("name", "code"),
    [("d19001-n21-evidence-first-eng-psm6.txt", "1.1.3"), ("d19001-n48-levels-points-eng-psm4-degraded.txt", "1.4")],
)
def test_a_score_beside_a_stray_figure_is_queued(name: str, code: str):
    dump = DATA / name
    truth = json.loads(dump.with_name(name + ".truth.json").read_text(encoding="utf-8"))
    (want,) = [r for t in truth["score_tables"] for r in t["rows"] if r["code"] == code]
    out = result_to_json(convert_file(dump))
    (table,) = out["score_tables"]
    (k,) = [k for k, r in enumerate(table["rows"]) if r["code"] == code]
    assert table["rows"][k]["self_points"] != want["self_points"]  # read wrong: 1 for 1,5 and for 2
    queued = {(r["item"], r.get("field")) for r in out["review"]}
    item = f"/score_tables/0/rows/{k}"
    assert (item, "self_points") in queued or (item, None) in queued

"""A score of an OCR dump read under half its row's other score (issue 14, silent errors).

``queue78/d20001-n59-…txt`` (N59, spent seed 20001) prints criterion 2 as "… quy phạm ly 10 1. 10":
its self score 10 read 1 beside a second 10, silent at 0.922. ``queue78/d20001-n68-…txt`` (N68)
prints criterion 8 as "15,5 15,5 15,5 2 15:5": its appraised score read 2 beside the self score
15,5 (the truth: 15,5), silent at 0.922. A commune and its appraisers seldom part by half; the
smaller figure is the one OCR spoilt (``printed_cells.score_far_under``). Expected values: the
generator's truth files beside the dumps."""

from __future__ import annotations

import json
from pathlib import Path

from cchc_extract.pipeline import convert_file, result_to_json
from cchc_extract.reconcile.printed_cells import score_far_under
from schemas.records import ScoreRow

DATA = Path(__file__).parent / "data" / "queue78"


def _row(self_points: float | None, appraised: float | None) -> ScoreRow:
    return ScoreRow(code="8", name="x", max_points=15.5, self_points=self_points, appraised_points=appraised)


def test_the_smaller_of_two_scores_parted_by_half():
    assert score_far_under(_row(15.5, 2.0), "appraised_points")
    assert not score_far_under(_row(15.5, 2.0), "self_points")  # the larger one
    assert score_far_under(_row(1.0, 10.0), "self_points")
    assert not score_far_under(_row(15.5, 14.5), "appraised_points")  # an appraisal a point lower
    assert not score_far_under(_row(15.5, None), "self_points")  # no second score
    assert not score_far_under(_row(1.0, 10.0), "max_points")


def _cell(dump: str, code: str, field: str) -> tuple[float | None, float, bool]:
    path = DATA / dump
    truth = json.loads(path.with_name(path.name + ".truth.json").read_text(encoding="utf-8"))
    want = {r["code"]: r[field] for t in truth["score_tables"] for r in t["rows"]}
    out = result_to_json(convert_file(path))
    queued = {(r["item"], r.get("field")) for r in out["review"]}
    for ti, table in enumerate(out["score_tables"]):
        for k, row in enumerate(table["rows"]):
            if row["code"] == code:
                pointer = f"/score_tables/{ti}/rows/{k}"
                return row[field], want[code], bool({(pointer, field), (pointer, None)} & queued)
    raise AssertionError(f"criterion {code} not read")


def test_a_self_score_read_under_half_its_appraisal_is_queued():
    got, want, queued = _cell("d20001-n59-halves-at-middle-vie-psm4-300dpi-degraded.txt", "2", "self_points")
    assert (got, want, queued) == (1.0, 10.0, True)


def test_an_appraisal_read_under_half_the_self_score_is_queued():
    got, want, queued = _cell("d20001-n68-rounds-grouped-eng-psm4-200dpi-degraded.txt", "8", "appraised_points")
    assert (got, want, queued) == (2.0, 15.5, True)

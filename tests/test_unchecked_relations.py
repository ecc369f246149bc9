"""A sum an unread figure leaves undecided on an OCR dump names the row and field it could not
check in the review queue, never as a ``mismatch`` (``cchc_extract/reconcile/unchecked.py``).
Real dumps of seed 361 with the generator's truth beside them."""

from __future__ import annotations

from pathlib import Path

from corpus_helpers import converted_with_truth

DATA = Path(__file__).parent / "data" / "dumps_unchecked"


def _entries(out: dict, code: str, field: str) -> list[dict]:
    rows = out["score_tables"][0]["rows"]
    i = next(i for i, r in enumerate(rows) if r["code"] == code)
    return [r for r in out["review"] if r["item"] == f"/score_tables/0/rows/{i}" and r.get("field") == field]


def test_a_parent_whose_child_lost_its_score_is_queued_not_accused():
    # 1.1.2's self score is lost ("1 Sngeiie"): 1.1's self 4,75 cannot be checked against
    # 1 + ? + 0,75 + 2 (truth: 1.1.2 self 1, the sum holds; no fault planted).
    out, truth = converted_with_truth(DATA / "s361-d03-i3-ruled-top-eng-150dpi-degraded.txt")
    assert truth["faults"] == []
    entries = _entries(out, "1.1", "self_points")
    assert any(e["reason"].startswith("not checked: 1.1:") for e in entries)
    assert not [c for c in out["checks"] if c["status"] == "mismatch"]


def test_each_undecided_relation_names_its_own_figure():
    # 1.1.3's appraised score is lost and 1.2.1's too: the appraised sums of 1.1 (4,25) and 1.2
    # (2) are undecided, and each parent's appraised figure is named (truth 4,25 and 2).
    out, truth = converted_with_truth(DATA / "s361-d04-i4-ruled-center-vie-250dpi-degraded.txt")
    rows = {r["code"]: r for r in truth["score_tables"][0]["rows"]}
    assert (rows["1.1"]["appraised_points"], rows["1.2"]["appraised_points"]) == (4.25, 2.0)
    for code in ("1.1", "1.2"):
        assert _entries(out, code, "appraised_points"), code
    assert not [c for c in out["checks"] if c["status"] == "mismatch"]

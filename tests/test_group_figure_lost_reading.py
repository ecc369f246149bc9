"""A score read above its maximum whose parent's sum asks for one glyph away from it, when a
sibling group printed no figure of its own (issue 14: a misreading told as the commune's fault).
Spent seed 17001's D17 dump of an N35 report (tools/make_corpus.py): "3.1 … 3 5" (the self 3
read 5) under field 3's 17,75, beside 3.2 whose 7,75 OCR lost (its parts 5 + 1,25 + 1,5 read).
The part's sum counts 3.2 at its parts' sum, so it asks 3 of 3.1: the score over its maximum and
field 3's sum are one misreading, ``misread`` with the reading 3, not two faults. The truth file:
3 = 17,75, 3.1 = 3 of 3, 3.2 = 7,75, no planted fault."""

from pathlib import Path

from cchc_extract.pipeline import convert_file, result_to_json

DATA = Path(__file__).parent / "data" / "faults72"


def test_a_score_over_its_maximum_the_sum_asks_back_is_one_misreading():
    out = result_to_json(convert_file(DATA / "d17_group_figure_lost.txt"))
    assert not [c["id"] for c in out["checks"] if c["status"] == "mismatch"]
    rows = out["score_tables"][0]["rows"]
    at = {r["code"]: i for i, r in enumerate(rows)}
    told = {
        c["kind"]: c
        for c in out["checks"]
        if c["id"].split(":")[1] in (f"/score_tables/0/rows/{at['3']}", f"/score_tables/0/rows/{at['3.1']}")
        and c["field"] == "self_points"
    }
    assert told["sum_self"]["status"] == "misread" and told["sum_self"]["actual"] == 17.75  # the truth's 3
    assert told["self_le_max"]["status"] == "misread"
    assert "may be 3" in told["sum_self"]["message"] and "may be 3" in told["self_le_max"]["message"]

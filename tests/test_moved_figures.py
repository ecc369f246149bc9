"""A figure moved between two sibling parts' rows on OCR'd score tables (issue 14): the two sums
fail by one amount each way, a misreading of ours (``misread``, queued), not the commune's
``mismatch``; a fault of the commune (one sum broken) stays a mismatch."""

from pathlib import Path

from cchc_extract.reconcile.moved_figures import failed_parts, mark_moved, moved_pairs
from corpus_helpers import converted_with_truth
from schemas.records import Check

DUMPS = Path(__file__).parent / "data" / "dumps_witness_s421"


def _sum(row: int, stated: float, added: float, status: str = "mismatch", kind: str = "sum_self") -> Check:
    return Check(
        id=f"{kind}:/score_tables/0/rows/{row}:self_points", kind=kind, expected=added, actual=stated, status=status
    )


def test_two_sibling_parts_failing_each_others_way_are_a_move():
    # 0 is the field; 1 and 4 its parts (7.1, 7.2), the others their sub-criteria
    parents = [None, 0, 1, 1, 0, 4, 4]
    codes = ["7", "7.1", "7.1.1", "7.1.2", "7.2", "7.2.1", "7.2.2"]
    checks = [_sum(1, 4.0, 2.5), _sum(4, 3.0, 4.5)]
    assert mark_moved(checks, 0, parents, codes, 0.01) == 2
    assert [c.status for c in checks] == ["misread", "misread"]
    assert "moved between the rows of 7.1 and 7.2" in checks[0].message


def test_one_sum_broken_or_parts_of_other_parents_stay_the_communes():
    parents = [None, 0, 1, 1, 0, 4, 4]
    codes = ["7", "7.1", "7.1.1", "7.1.2", "7.2", "7.2.1", "7.2.2"]
    # a leaf's figure lowered (a planted parent_self_sum fault): one sum, no partner
    checks = [_sum(1, 4.0, 3.5)]
    assert mark_moved(checks, 0, parents, codes, 0.01) == 0 and checks[0].status == "mismatch"
    # both over the same way: two faults, not a move
    checks = [_sum(1, 4.0, 3.5), _sum(4, 3.0, 2.5)]
    assert mark_moved(checks, 0, parents, codes, 0.01) == 0
    # amounts that do not cancel
    checks = [_sum(1, 4.0, 3.5), _sum(4, 3.0, 4.0)]
    assert not moved_pairs(failed_parts(checks, 0, parents), 0.01)
    # not siblings: 7.1 and 7.2.1's own part (parents 0 and 4)
    checks = [_sum(1, 4.0, 3.5), _sum(5, 3.0, 3.5)]
    assert not moved_pairs(failed_parts(checks, 0, parents), 0.01)
    # another column's sum is no partner
    checks = [_sum(1, 4.0, 3.5), _sum(4, 3.0, 3.5, kind="sum_children")]
    assert not moved_pairs(failed_parts(checks, 0, parents), 0.01)
    # a part in two such pairs: which neighbour took its figure cannot be told
    parents = [None, 0, 0, 0]
    checks = [_sum(1, 4.0, 3.5), _sum(2, 3.0, 3.5), _sum(3, 2.0, 2.5)]
    assert mark_moved(checks, 0, parents, ["1", "1.1", "1.2", "1.3"], 0.01) == 0


def test_scores_exchanged_between_two_parts_lines_are_ours():
    # 1.1.4 prints self 1,25 and 1.2.1 0,75; the edited dump reads them the other way round
    data, truth = converted_with_truth(DUMPS / "s421-d02-i2-edited-moved-between-parts.txt")
    by_code = {c["code"]: c for c in data["checks"] if c["kind"] == "sum_self"}
    assert by_code["1.2"]["status"] == "misread", by_code["1.2"]["message"]
    assert "moved between the rows of 1.1 and 1.2" in by_code["1.2"]["message"]
    assert not [c for c in data["checks"] if c["status"] == "mismatch"]
    rows = data["score_tables"][0]["rows"]
    queued = {
        (rows[int(e["item"].rsplit("/", 1)[1])]["code"], e["field"]) for e in data["review"] if "/rows/" in e["item"]
    }
    assert ("1.2.1", "self_points") in queued
    truth_self = {r["code"]: r["self_points"] for t in truth["score_tables"] for r in t["rows"]}
    assert (truth_self["1.1.4"], truth_self["1.2.1"]) == (1.25, 0.75)

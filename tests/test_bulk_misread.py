"""A dump's score table read wrong in bulk (issue 14's false alarms): its failed relations that no
reading of a figure explains are our misreadings as likely as the commune's faults, ``misread``
and queued, never a ``mismatch``; a dump read well keeps its planted faults ``mismatch``. Both
dumps are Tesseract's, of spent seeds (9221, faults63's fresh seed; 9001's D06)."""

from __future__ import annotations

from pathlib import Path

from cchc_extract.reconcile.bulk_misread import failed_in_bulk
from cchc_extract.reconcile.settings import ReconcileSettings
from schemas.records import Check
from tests.corpus_helpers import converted_with_truth

DATA = Path(__file__).parent / "data" / "dumps_bulk64"
_BULK = DATA / "s9221-d19-i3-n45-i3-side-by-side-merged-eng-psm3-250dpi-degraded.txt"
_WELL = DATA / "s9001-d06-i3-f17-i3-unruled-landscape-eng-psm6-200dpi.txt"


def _checks(out: dict, status: str) -> dict[tuple[str | None, str | None, str], str]:
    return {(c.get("code"), c.get("field"), c["kind"]): c["message"] for c in out["checks"] if c["status"] == status}


def test_a_table_read_wrong_in_bulk_tells_no_mismatch():
    # Row 4 prints "7 6" read "2 6." (its children 3 and 4, the 4 read 3), row 5's "7,75" read
    # "7/5" beside a stray "1" taken for the score: figures sure as any other on a dump, and no
    # reading of their characters mends their sums. Before, three false `mismatch` (seed 9221).
    out, truth = converted_with_truth(_BULK)
    assert truth["faults"] == []
    assert _checks(out, "mismatch") == {}
    misread = _checks(out, "misread")
    for key in (("4", "max_points", "sum_children"), ("5", "self_points", "sum_self")):
        assert "read wrong in bulk" in misread[key], key
    # row 4's maximum 2 under sub-criteria read 3 and 3 is refuted by them before any bulk measure
    # (``sum_doubts.max_under_children``): its self score above it is ours as well
    assert "4" in misread[("4", "self_points", "self_le_max")]
    # what the truth prints is not what was read: the doubt is ours
    truth_rows = {r["code"]: r for r in truth["score_tables"][0]["rows"]}
    assert (truth_rows["4"]["max_points"], truth_rows["5"]["self_points"]) == (7.0, 7.75)
    queued = {(i.get("code"), i.get("field")) for i in out["review"]}
    assert {("4", "max_points"), ("5", "self_points")} <= queued


def test_a_dump_read_well_keeps_its_planted_faults_the_communes():
    # Two of its ten sums fail, each a planted fault (1's maxima, the table's total): no bulk.
    out, truth = converted_with_truth(_WELL)
    assert {f["kind"] for f in truth["faults"]} == {"parent_max_sum", "total_sum"}
    mismatches = _checks(out, "mismatch")
    assert ("1", "max_points", "sum_children") in mismatches
    assert any(kind == "stated_total" for _, _, kind in mismatches)
    assert not any("read wrong in bulk" in m for m in _checks(out, "misread").values())


def _sum(status: str, kind: str = "sum_self") -> Check:
    return Check(id=kind, kind=kind, table=None, code=None, field=None, expected=None, actual=None, status=status)


def test_bulk_is_many_sums_failing_and_half_of_those_decided():
    s = ReconcileSettings()
    # a commune's slip or two: three sums fail of three decided, no bulk
    assert failed_in_bulk([_sum("mismatch")] * 3, s) == ""
    # four fail of nine decided (skipped ones decide nothing): under half, no bulk
    assert failed_in_bulk([_sum("misread")] * 4 + [_sum("ok")] * 5 + [_sum("skipped")] * 6, s) == ""
    said = failed_in_bulk([_sum("misread")] * 3 + [_sum("mismatch", "stated_total")] + [_sum("ok")] * 4, s)
    assert said == "; the table's figures were read wrong in bulk (4 of its 8 sums fail)"
    # a score above its maximum is no sum: it does not count
    assert failed_in_bulk([_sum("mismatch", "self_le_max")] * 6, s) == ""

"""A share printed after a count whose own figure OCR lost, its parts read ("3.1 … [lost]",
"a) 57", "b) 32", "3.2 Tỷ lệ … 58,33%"): no whole count of at least the parts read makes the
share of them, so the share and the counts disagree; the whole is ours to have lost, so the
failure is ``misread`` and the share queued (issue 14: seed 11131's D20 dump, its planted fault
3.2 printed 58,33% for 57 of 90, told nowhere before). The dump is Tesseract's, its truth
stored beside it."""

from __future__ import annotations

from pathlib import Path

from cchc_extract.reconcile.lost_whole_share import share_unmade, whole_makes
from schemas.records import StatRow
from tests.corpus_helpers import converted_with_truth

_DUMP = (
    Path(__file__).parent
    / "data"
    / "dumps_faults65"
    / "s11131-d20-i1-n46-i1-twelve-months-part-share-eng-psm6-250dpi.txt"
)


def test_a_share_no_whole_makes_of_its_parts_is_flagged():
    out, truth = converted_with_truth(_DUMP)
    assert [(f["kind"], f["code"]) for f in truth["faults"]] == [("ratio", "3.2")]
    want = {r["code"]: r["value"] for t in truth["statistics"] for r in t["rows"]}
    assert (want["3.1"], want["3.1.a"], want["3.1.b"], want["3.2"]) == (90.0, 57.0, 32.0, 58.33)
    rows = {r["code"]: r for t in out["statistics"] for r in t["rows"]}
    assert rows["3.1"]["value_raw"] in ("", None)  # the whole: lost by OCR
    ratio = [c for c in out["checks"] if c["kind"] == "ratio" and c["code"] == "3.2"]
    assert [c["status"] for c in ratio] == ["misread"]  # the whole is ours to have lost
    queued = {q.get("code") for q in out["review"]}
    assert {"3.2", "3.1"} <= queued
    assert not {"3.1.a", "3.1.b"} & queued  # the parts read are as printed


def _share(value: float, raw: str) -> StatRow:
    return StatRow(code="3.2", indicator="Tỷ lệ", value=value, value_raw=raw, unit="%")


def test_the_share_a_whole_makes_is_left_alone():
    # 57 of 90 = 63,33%: the whole 90 is at least 57 + 32
    assert not share_unmade(_share(63.33, "63,33"), 2, [57.0, 32.0])
    assert share_unmade(_share(58.33, "58,33"), 2, [57.0, 32.0])
    # (57 + 32) of 100 = 89%: parts added up are a numerator too; a whole share is not weighed
    assert not share_unmade(_share(89.0, "89,0"), 1, [57.0, 32.0])
    assert not share_unmade(_share(58.0, "58"), 0, [57.0, 32.0])
    # 57 of 60 = 95%, but a whole below the parts read (89) is no whole of theirs
    assert whole_makes(95.0, 0, [57.0], 0.0)
    assert not whole_makes(95.0, 0, [57.0], 89.0)

"""Failed relations that are our readings, not the commune's faults (issue 14): real Tesseract dumps
of generated documents (seed 15001) whose truth (the generator's) prints the relation consistent,
so a failure told as a ``mismatch`` is a false alarm."""

from pathlib import Path

import cchc_extract

DATA = Path(__file__).parent / "data" / "faults70"


def test_a_total_read_from_its_plan_column_is_our_misreading():
    """Seed 15001's D27 i1: an annex printing plan | result | result against plan, read with the
    plan's figures on some rows ("3 Tổng số hồ sơ … 308 240 77,92" over "3.1 192" and "3.2 48";
    truth 3 = 240, 3.1 = 192, 3.2 = 48, 3.3 = 80%). 308 against 192 + 48 = 240 was told the
    commune's fault, and 3.3's 95% (the plan's share) against 192/308 too: the row itself prints
    240, so the failure is the column we took. Both are ``misread``, the 240 offered for row 3."""
    result = cchc_extract.convert(str(DATA / "d27-i1-s15001-plan-first.txt"))
    assert not [c for c in result.checks if c.status == "mismatch"]
    rows = {r["code"]: r["value"] for t in result.data["statistics"] for r in t["rows"]}
    assert (rows["3.1"], rows["3.2"]) == (192.0, 48.0)
    if rows["3"] != 240.0:  # the plan's figure taken: the truth's is offered beside it
        (entry,) = [e for e in result.data["review"] if e["code"] == "3"]
        assert 240.0 in entry["alternatives"]


def test_a_share_count_two_relations_read_back_past_the_look_alikes():
    """Seed 14001's D22 i3, a degraded dump listing the procedures of one whole as fractions of it:
    "61/115 … (53,04%", "93/115 … (46,09%)", "1/115 … (0,87%)" (truth: 61, 53, 1 of 115; the
    page prints 53). 9 for 5 is no look-alike pair, so "93/115 = 46,09%" was told the commune's
    fault. Read as 53 the share is exact and the three parts make the whole (61 + 53 + 1 = 115),
    as read neither holds: ``misread``, 53 offered. A share alone, with no sibling fractions to
    agree (the seeds' "7/671 = 0,89%"), stays the commune's (test_golden)."""
    result = cchc_extract.convert(
        str(Path(__file__).parent / "data" / "faults69" / "d22-i3-s14001-over-whole-bracketed.txt")
    )
    (check,) = [c for c in result.checks if c.kind == "text_ratio" and "46,09" in c.message]
    assert check.status == "misread"
    (entry,) = [e for e in result.data["review"] if e["item"] == check.id.split(":")[1]]
    assert entry["alternatives"] == [53]

"""Failed relations that are our readings, not the commune's faults (issue 14): real Tesseract
dumps of generated documents (seed 14001), whose truth (the generator's) prints every relation
consistent, so each failure told as a ``mismatch`` was a false alarm."""

from pathlib import Path

import cchc_extract

DATA = Path(__file__).parent / "data" / "faults69"


def _convert(name: str):
    return cchc_extract.convert(str(DATA / name))


def test_a_rate_among_a_counts_parts_is_no_part():
    """ "6 phản ánh (trong đó: … đã xử lý: 5 phản ánh; … đang xử lý: 1 phản ánh; tỷ lệ … được xử lý
    đạt 83,33%)", its "lệ" OCR'd "1é", the rate's words split by a comma and its "%" lost ("83
    aN"): the truth's 6 = 5 + 1 (statistics rows 6, 6.1, 6.2), the rate and its "1" no parts."""
    result = _convert("d18-i3-s14001-stat-lines-inline.txt")
    counts = [(c["total"], [p["value"] for p in c["parts"]]) for c in result.data["counts"] if c["total"] == 6]
    assert counts == [(6.0, [5.0, 1.0])]
    assert not [c for c in result.checks if c.kind == "count_parts" and c.status == "mismatch"]


def test_a_count_misread_to_no_look_alike_in_a_text_share_exact_to_two_decimals():
    """ "93/115 thủ tục (46,09%)": the page prints 53 (the truth's share of online-in-part
    procedures, 53/115 = 46,09%), a degraded "5" read "9", a pair no look-alike list holds; a
    share exact to two decimals picks the reading out: ours, to review with 53, no fault."""
    result = _convert("d22-i3-s14001-over-whole-bracketed.txt")
    (check,) = [c for c in result.checks if c.kind == "text_ratio" and "93/115" in c.message]
    assert check.status == "misread"
    assert [53.0] in [r.alternatives for r in result.review if "93/115" in (r.raw or "")]


def test_a_share_refusing_a_reading_we_took_is_ours():
    """An annex printing plan | result | share of plan, read with the plan's figures (truth: 4 = 14,
    4.1 = 13, 4.2 = 1, 4.3 = 92,86%): "4 19" over "4.1 13" and "4.2 1", the 13 taken for 18 (a
    look-alike) to make 19; "4.3 100%" then fails on 18/19: the 18 is our reading, chosen by
    one sum and refused by the share, so the failure is ours (misread, 4.1 and 4.3 to review)."""
    result = _convert("d27-i1-s14001-ratio-to-plan.txt")
    (check,) = [c for c in result.checks if c.kind == "ratio" and c.code == "4.3"]
    assert check.status == "misread"
    queued = {r.item for r in result.review}
    assert {"/statistics/0/rows/12", "/statistics/0/rows/14"} <= queued


def test_a_score_over_a_maximum_whose_siblings_maxima_fail_their_sum_is_ours():
    """ "1.3 … 2 2,5.": the page prints 2,5 and 2,5 (truth), OCR lost the maximum's ",5"; the
    maxima of 1's sub-criteria read do not make its 12 (1.1's 3 read "a8" too), so a maximum among
    them was misread and 2,5 over "2" is no fault of the commune's (misread, 1.3 to review)."""
    result = _convert("d15-i3-s14001-bonus-penalty-rows.txt")
    (check,) = [c for c in result.checks if c.kind == "self_le_max" and c.code == "1.3"]
    assert check.status == "misread"
    assert any(r.code == "1.3" for r in result.review)

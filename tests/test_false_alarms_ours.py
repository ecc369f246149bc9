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


def test_a_share_refusing_a_reading_we_took_is_ours():
    """An annex printing plan | result | share of plan (truth: 4 = 14, 4.1 = 13, 4.2 = 1, 4.3 =
    92,86%). Read with the plan's figures, "4 19" over "4.1 13" and "4.2 1", the 13 was taken for
    18 to make 19 and "4.3 100%" then failed on 18/19: our reading, refused by the share, so
    misread (``stat_check``). Merged with stats69's plan label wrapped over two header lines
    (``stat_plan_column``), the result column is read: every value the truth's and the share
    holds, no fault told."""
    result = _convert("d27-i1-s14001-ratio-to-plan.txt")
    (check,) = [c for c in result.checks if c.kind == "ratio" and c.code == "4.3"]
    assert check.status == "ok"
    rows = {r["code"]: r["value"] for t in result.data["statistics"] for r in t["rows"]}
    assert (rows["4"], rows["4.1"], rows["4.2"], rows["4.3"]) == (14.0, 13.0, 1.0, 92.86)

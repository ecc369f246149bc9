"""A count's share in brackets after it is no breakdown of it. A held-out OCR dump (corpus seed
12001, D15: Tesseract vie of a degraded N29 report) printed "25 hồ sơ quá hạn (chiếm 8 ,23)" for
"23 hồ sơ quá hạn (chiếm 8,33%)": the split figure without its sign was read as parts 8 + 23 of
25 and reported as the commune's fault. A bracket opening with "chiếm" / "tỷ lệ" states a share.
The truth file's count: 276 hồ sơ = 253 + 23 (the dump's "25" is OCR's, a misreading)."""

from __future__ import annotations

from pathlib import Path

from cchc_extract.pipeline import convert_file, result_to_json

DUMPS = Path(__file__).parent / "data" / "dumps_share66"
DUMP = DUMPS / "d15-i4-n29-i4-narrative-criteria-vie-psm4-300dpi-degraded.txt"


def test_a_share_in_brackets_is_not_read_as_parts():
    out = result_to_json(convert_file(DUMP))
    totals = {c["total"]: [p["value"] for p in c["parts"]] for c in out["counts"]}
    assert 25.0 not in totals  # no count of the share's split figure
    assert totals[276.0] == [253.0, 25.0]  # 23 as OCR printed it, 25
    statuses = {c["id"]: c["status"] for c in out["checks"] if c["id"].startswith("count_parts")}
    assert "mismatch" not in statuses.values()


def test_which_brackets_state_a_share():
    from extract.segment.count_shares import share_bracket

    assert share_bracket("chiem 8,33%)")
    assert share_bracket(" ty le 91,67%")
    assert not share_bracket("dat 12 ho so, khong dat 3 ho so")

"""A count OCR lost beside its share of the group's whole, as a real Tesseract 5 dump gives it
(``annex70/d15001-n80-share-column-psm4-degraded.txt``: the D28 dump of seed 15001's N80 annex,
``eng``, ``--psm 4``, degraded; "STT | Nội dung | ĐVT | Số liệu | Tỷ lệ so với tổng số (%)"):

    4 Tong sé thu tuc hanh chinh thuéc tham Thu tuc 108
    4.3 | SO TTHC chi cung cap thong tin ok Thu tuc oe 2,78
    | 6 | Sohoso TTHC da giai quyét | Ho so 645 |
    | 6.1. | Giai quyét truéc han |. H6 so 462 | 71,63

4.3's count is smeared ("oe"), 6.1's bar between its unit and its count lost: each row's one
figure left is its share, 2,78 and 71,63, read before as the count. 3 of 108 is 2,78 % and 462 of
645 is 71,63 %: the whole's figure makes the fraction a share of a whole number of items, so that
number is the count (6.1's printed in its unit's cell, read; 4.3's derived), flagged
``count_from_share``, doubted, and weighed by its group's sum. The values asserted are the generator's truth."""

from __future__ import annotations

from annex69_data import truth_values
from annex70_data import DATA, converted_annex
from extract.segment.stat_share_values import COUNT_FROM_SHARE_FLAG, shares_as_counts
from schemas.records import StatRow

DUMP = DATA / "d15001-n80-share-column-psm4-degraded.txt"


def test_a_count_s_share_read_for_it_gives_the_count_its_whole_makes_it_a_share_of():
    values = truth_values(DUMP)
    out, rows = converted_annex(DUMP)
    assert (values["4"], values["4.3"], values["6"], values["6.1"]) == (108.0, 3.0, 645.0, 462.0)
    assert rows["4.3"]["value"] == values["4.3"] and rows["6.1"]["value"] == values["6.1"]
    assert rows["6.1"]["value_raw"] == "462" and "462" not in rows["6.1"]["unit"]
    assert "71,63" in rows["6.1"]["note"] and "2,78" in rows["4.3"]["note"]
    assert all(COUNT_FROM_SHARE_FLAG in rows[c]["flags"] for c in ("4.3", "6.1"))
    # 4.3's count is confirmed by its group's sum (82 + 23 + 3 = 108, read); 6.1's group does not
    # add up (6.3, 19, misread 205), but 6.4's share (its label OCR ran together, "trwéchanvadinghan")
    # is 6.1 + 6.2 over 6 to its two decimals (626/645 = 97,05 %, the truth's 97,05): that vouches
    # for 6.1 and 6.2, and 6.3 alone goes to review
    sums = {c["code"]: c["status"] for c in out["checks"] if c["kind"] == "total_parts"}
    ratios = {c["code"]: c["status"] for c in out["checks"] if c["kind"] == "ratio"}
    assert (values["6.2"], values["6.3"], values["6.4"]) == (164.0, 19.0, 97.05)
    assert sums["4"] == "ok" and ratios["6.4"] == "ok" and rows["6.4"]["value"] == values["6.4"]
    queued = {q["code"] for q in out["review"]}
    assert "6.3" in queued and not queued & {"6", "6.1", "6.2"}


def _row(code: str, value: float, raw: str, unit: str = "Hồ sơ", parent: str | None = None) -> StatRow:
    flags = ["fractional_count"] if value != int(value) else []
    return StatRow(code=code, indicator="Số hồ sơ", unit=unit, value=value, value_raw=raw, parent=parent, flags=flags)


def test_a_fraction_its_whole_makes_no_share_of_stays_as_read():
    rows = [_row("1", 645.0, "645"), _row("1.1", 71.55, "71,55", parent="1"), _row("1.2", 4.62, "4,62", parent="1")]
    out = shares_as_counts(rows)
    # 71,55 % of 645 is 461,5 files and 4,62 % is 29,8: no whole number gives either to two decimals
    assert [r.value for r in out] == [645.0, 71.55, 4.62]
    assert not any(COUNT_FROM_SHARE_FLAG in r.flags for r in out)

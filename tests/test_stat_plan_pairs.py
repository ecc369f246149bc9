"""An OCR dump's annex whose header pairs a plan and a result under each half-year and the whole
year ("6 tháng đầu năm | 6 tháng cuối năm | Cả năm" over "KH | TH" three times): the value is the
year's result, the row's last figure, not the first half's plan the line reader took
(``extract/segment/stat_plan_pairs.py``). Headers and rows are the dumps' lines as printed; the
expected values are the generator's truth files: seed 19131's D31 dump d31-i3 (lines 35-38 and
the rows' lines) and seed 18001's (lines 35-37, the labels abbreviated "KH TH")."""

from __future__ import annotations

from extract.segment.stat_plan_pairs import PAIRS_DISAGREE_FLAG, paired_whole_rows, plan_pairs
from schemas.records import StatRow

# seed 19131, d31-i3-n92-…-eng-psm4-250dpi-degraded.txt lines 35-38: the labels wrapped ("Ké Thuc" /
# "hoach | hign"), the first half glued ("G6thangdau").
WRAPPED = (
    "ST] | Noidung chitieu ‘| DVT | G6thangdau |_ 6 thang cudi Ca nam IE nam a nam : | Ké Thuc | Ké Thuc |"
    " Ké Thue a , L hoach | hign | hoach | hign | hoach | hin |"
)
# seed 18001, d31-i3-n92-…-eng-psm4-200dpi-degraded.txt lines 35-37.
ABBREVIATED = "ST N6i dung chi tiéu : PVT 6 thang du 6 thang cudi Ca nam T ham nam : . KH TH KH TH KH TH"


def _row(code: str, unit: str, printed: str) -> StatRow:
    first, _, rest = printed.partition(" ")
    return StatRow(code=code, unit=unit, value_raw=first, note=rest, value=None)


def test_the_value_is_the_whole_years_result():
    rows = [
        _row("1", "Lượt", "21 17 25 18 46 35."),  # line 39: truth 35
        _row("3.1", "Thủ tục", "140 96 “140° 96° 140 96"),  # line 49: truth 96
        _row("5", "Nhiệm vụ", "39 29 | 39 29 39 29"),  # line 66: truth 29
        _row("6.1.b", "Hồ sơ", "eae 87 136 |"),  # line 78, its plans blank: truth 136
    ]
    placed = paired_whole_rows(rows, WRAPPED, ocr=True)
    assert placed is not None
    assert [r.value for r in placed] == [35.0, 96.0, 29.0, 136.0]
    assert placed[0].note == "21 17 25 18 46"  # (the other figures kept, in order)


def test_abbreviated_labels_and_results_checked_by_their_sums():
    rows = [
        _row("1", "Văn bản", "16 9 12 11 28 20"),  # truth 20 (9 + 11)
        _row("4.1", "Hồ sơ", "104 281 385"),  # the plans blank: truth 385 (104 + 281)
        _row("3", "Người", "26 122 26 22 26 22"),  # truth 22; "122" for the first half's 22
    ]
    placed = paired_whole_rows(rows, ABBREVIATED, ocr=True)
    assert placed is not None
    assert [r.value for r in placed] == [20.0, 385.0, 22.0]
    assert [PAIRS_DISAGREE_FLAG in r.flags for r in placed] == [False, False, True]
    assert placed[2].confidence < 0.8  # (122 + 22 is not 22: which figure OCR misread is not known)


def test_other_headers_are_read_as_before():
    assert plan_pairs("Quý I | Quý II | Quý III | Quý IV | Cả năm") == 0  # parts, no plans
    assert plan_pairs("Kế hoạch năm 2024 | Thực hiện 6 tháng đầu năm 2024") == 0  # one pair
    assert paired_whole_rows([_row("1", "Lượt", "20 18")], "Nội dung | ĐVT | KH | TH", ocr=True) is None


def test_the_whole_named_by_its_total():
    """Seed 19145's d31-i3 (…-eng-psm3-200dpi-degraded.txt lines 41-44): the year's label "Tổng cả năm"
    read "Tong ae nam"; rows on lines 45 and 55, truth 25 and 26."""
    header = (
        "ST Noi dung chi tiéu DVT.| 6 thang rere a thang cudi_ | Tong ae nam aL nam nam 2023"
        " _Ké Thue Ké Thue Ké Thuc hoach | hién | hoach | hién | hoach | _hién"
    )
    rows = [_row("1", "Văn bản", "15 17 15. 8 30 25"), _row("3", "Nhiệm vụ", "32 26 32 26. 32 26")]
    placed = paired_whole_rows(rows, header, ocr=True)
    assert placed is not None
    assert [r.value for r in placed] == [25.0, 26.0]

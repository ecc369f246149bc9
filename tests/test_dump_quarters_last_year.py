"""An annex dump whose rows print the quarters, the whole year, then the same period last year and
this year over last year in per cent (issues 11, 14, 16). Seed 12101's D23 i3 (an N60 report: eng,
psm 3, 200 dpi, degraded; tests/data/dumps_against66 with the generator's truth): "237 99 167 145
648 | 539 120,22". Before, last year's figure and the per cent were read as more quarters, no end of
the row added up, and the first quarter's figure was each row's value at full confidence (4.1: 237
for 648; 1: 0 for 3, silent). Now the columns beside the whole are set aside first
(``stat_period_against``: 648 over 539 is 120,22 %), the whole is the year's figure, and a row
whose figures cannot say it is doubted."""

import json
from pathlib import Path

from cchc_extract.pipeline import convert_file, result_to_json
from extract.segment.stat_line_periods import whole_period_rows
from extract.segment.stat_period_against import NONE, Beside, beside_whole, cut_beside
from schemas.records import StatRow

DUMP = (
    Path(__file__).parent
    / "data"
    / "dumps_against66"
    / "s12101-d23-i3-n60-i3-last-year-quarters-first-eng-psm3-200dpi-degraded.txt"
)


def test_the_year_is_read_not_the_first_quarter():
    truth = json.loads(DUMP.with_name(DUMP.name + ".truth.json").read_text(encoding="utf-8"))
    printed = {r["code"]: r["value"] for t in truth["statistics"] for r in t["rows"]}
    text = DUMP.read_text(encoding="utf-8")
    assert "237 99 167 145 648 | 539 120,22" in text and "38 135 54 99 326 | 387 84,24" in text
    output = result_to_json(convert_file(DUMP))
    rows = {r["code"]: r for a in output["statistics"] for r in a["rows"]}
    for code in ("2", "3.1.a", "4.1", "4.1.a", "4.1.c", "4.2", "5", "5.2"):
        assert rows[code]["value"] == printed[code], code  # before: 237 for 648, 99,16 for 96,3, ...
    assert (printed["4.1"], printed["4.2"], printed["5"]) == (648, 96.3, 326)
    # 1's figures OCR garbled ("0 ai 0 a hoo Peeps 100"): what is read is doubted, not given as sure
    assert printed["1"] == 3 and rows["1"]["value"] != 3
    assert rows["1"]["confidence"] < 0.9  # before: 0.995, a silent error
    queued = {q.get("code") for q in output["review"]}
    assert "1" in queued


def _row(code: str, value: str, note: str, unit: str = "Hồ sơ") -> StatRow:
    return StatRow(code=code, indicator="", unit=unit, value=float(value.replace(",", ".")), value_raw=value, note=note)


def test_the_per_cent_says_the_columns_beside_the_whole():
    rows = [(["237", "99", "167", "145", "648", "539", "120,22"], "Hồ sơ"), (["96,97", "96,97", "91,32"], "%")]
    beside = beside_whole(rows, "Nội dung chỉ tiêu ĐVT Kết quả thực hiện", ocr=True)
    assert beside == Beside(earlier=True, compared=True)
    # a count row sets aside last year's figure and the per cent; a share only last year's
    assert cut_beside(rows, beside, ocr=True) == [2, 1]
    # no such figures and no such words: nothing beside the whole
    assert beside_whole([(["1", "2", "3", "6"], "Hồ sơ")], "Quý I Quý II Quý III Cả năm", ocr=True) == NONE


def test_the_whole_first_keeps_its_place():
    header = "STT Chỉ tiêu ĐVT 6 tháng Quý I Quý II Cùng kỳ năm trước So sánh (%)"
    rows = [
        _row("4.1", "648", "237 411 539 120,22"),
        _row("4.1.a", "414", "180 234 348 118,97"),
        _row("4.2", "96,3", "99,16 95,4 92,79", unit="%"),
    ]
    read = whole_period_rows(rows, header, ocr=True)
    assert [r.value for r in read] == [648, 414, 96.3]
    assert all(r.confidence == 1.0 for r in read)


def test_the_rows_under_the_header_printed_again_are_told():
    """The form's second page repeats its header, and its two rows there lost their codes (5.3
    "Tỷ lệ hồ sơ tiếp nhận % 97,37 | …", 6 "Số cuộc kiểm tra … Cuộc 2 i 1 2"): before, they were
    lost with no ``unread`` part; now their lines are told."""
    truth = json.loads(DUMP.with_name(DUMP.name + ".truth.json").read_text(encoding="utf-8"))
    printed = {r["code"]: r["value"] for t in truth["statistics"] for r in t["rows"]}
    assert (printed["5.3"], printed["6"]) == (98.77, 6)
    output = result_to_json(convert_file(DUMP))
    rows = {r["code"] for a in output["statistics"] for r in a["rows"]}
    assert not {"5.3", "6"} & rows
    told = [p for p in output["unread"] if p["kind"] == "rows"]
    assert len(told) == 1 and "98,77" in told[0]["text_sample"] and "Cuộc 2" in told[0]["text_sample"]

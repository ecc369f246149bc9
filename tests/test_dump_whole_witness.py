"""An annex dump of quarters, the half year, last year's figure and the per cent against it, whose
whole OCR garbled on some rows and whose second page lost its header's quarters (issues 11, 14, 16).

Seed 12001's D23 i3 (an N60 report: eng, psm 4, 200 dpi, degraded; tests/data/dumps_unread67 with the
generator's truth). "c) … Hoshi. 3 4 Z 6 116,67": the half year's 7 read as "Z", taken for 2 and
doubted; 3 + 4 = 7 and 7 over last year's 6 is the 116,67 % printed, which 2 is not, so 7 is the
reading proposed (still queued). The second page prints the header again but its quarters' line
went into a row ("Ủy kế … hiện với cung"), so its rows were read as printed, the first quarter's
figure for the half year at full confidence (6.1: 188 for 361; 7: 2 for 3, silent): "188 173 361 |
336 107,44" adds up at 361 and 361 over 336 is the 107,44 % printed, which splits the period
whatever the header kept. Specks of the ruling (":", "/", "_") are no cells."""

import json
from pathlib import Path

from cchc_extract.pipeline import convert_file, result_to_json
from extract.segment.stat_line_periods import whole_period_rows
from extract.segment.stat_whole_witness import (
    WHOLE_FROM_PARTS_FLAG,
    cell_tokens,
    shows_split,
    trailing_specks_dropped,
    witnessed_sum,
)
from schemas.records import StatRow

DUMP = (
    Path(__file__).parent
    / "data"
    / "dumps_unread67"
    / "s12001-d23-i3-n60-i3-last-year-quarters-first-eng-psm4-200dpi-degraded.txt"
)


def test_the_half_year_is_witnessed_by_last_year_and_the_per_cent():
    truth = json.loads(DUMP.with_name(DUMP.name + ".truth.json").read_text(encoding="utf-8"))
    printed = {r["code"]: r["value"] for t in truth["statistics"] for r in t["rows"]}
    assert (printed["2.1.c"], printed["6.1"], printed["6.2"], printed["7"]) == (7, 361, 1, 3)
    text = DUMP.read_text(encoding="utf-8")
    assert "Hoshi. 3 4 Z 6 116,67" in text and "H6 so 188 173 361 336 107,44" in text
    output = result_to_json(convert_file(DUMP))
    rows = {r["code"]: r for a in output["statistics"] for r in a["rows"]}
    # before: 2 (the Z), 188 and 2 (the first quarter's), 7's at full confidence
    for code in ("2.1.c", "6.1", "6.2", "7"):
        assert rows[code]["value"] == printed[code], code
    assert WHOLE_FROM_PARTS_FLAG in rows["2.1.c"]["flags"] and rows["2.1.c"]["value_raw"] == "Z"
    queued = {q.get("code") for q in output["review"]}
    assert "2.1.c" in queued


def _row(code: str, value: str, note: str, unit: str = "Hồ sơ") -> StatRow:
    figure = float(value.replace(",", "."))
    return StatRow(code=code, indicator="", unit=unit, value=figure, value_raw=value, note=note)


def test_the_sum_is_taken_only_where_the_per_cent_witnesses_it():
    assert witnessed_sum(["3", "4", "Z"], ["6", "116,67"], "Hồ sơ", ocr=True, last=True) == 7
    # the whole as read is witnessed too: a part was misread, the whole stays
    assert witnessed_sum(["3", "5", "7"], ["6", "116,67"], "Hồ sơ", ocr=True, last=True) is None
    # no per cent to witness the sum, or one that does not: nothing proposed
    assert witnessed_sum(["3", "4", "Z"], ["6", "150"], "Hồ sơ", ocr=True, last=True) is None
    assert witnessed_sum(["3", "4", "Z"], ["6"], "Hồ sơ", ocr=True, last=True) is None
    # a share's parts are no parts of a sum
    assert witnessed_sum(["90", "95", "9"], ["80", "115"], "%", ocr=True, last=True) is None


def test_a_row_shows_the_split_where_the_header_lost_it():
    assert shows_split(["188", "173", "361"], ["336", "107,44"], "Hồ sơ", ocr=True)
    assert not shows_split(["188", "173", "360"], ["336", "107,44"], "Hồ sơ", ocr=True)
    header = "ST Nội dung chỉ tiêu DVT Kết quả thực hiện Thực | Tỷ léso"
    rows = [_row("6.1", "188", "173 361 336 107,44"), _row("7", "2", "1 : 3 ưu i", unit="Cuộc")]
    assert [r.value for r in whole_period_rows(rows, header, ocr=True)] == [361, 3]
    # a header naming no period and rows showing no such arithmetic: read as printed
    plain = [_row("6.1", "188", "173 360 336 107,44"), _row("7", "2", "1 3 4 i", unit="Cuộc")]
    assert [r.value for r in whole_period_rows(plain, header, ocr=True)] == [188, 2]


def test_specks_are_no_cells():
    assert cell_tokens(["180", "âớu", "/", "282", "_", "-", ":"]) == ["180", "âớu", "282", "-"]
    assert trailing_specks_dropped(["73,47", "70,93", "êê"], 1) == ["73,47", "70,93"]
    assert trailing_specks_dropped(["73,47", "70,93", "êê"], 0) == ["73,47", "70,93", "êê"]

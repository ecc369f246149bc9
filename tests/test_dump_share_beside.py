"""A share row of a quarters-and-last-year annex dump whose unit OCR lost (issues 11, 14, 16).

Seed 13251's D23 i3 (an N60 report: eng, psm 4, 300 dpi, degraded; tests/data/stats67 with the
generator's truth): "4.3 | Ty lé can bé, cong % | 80,95 | 80,95 | 80,95 | 80,95 | 75,95 | 75,67." —
the "%" ran into the indicator, the unit cell read empty. A share prints last year's share and no
per cent against it, but read as a count two figures were set aside after the whole, so the fourth
quarter's 80,95 stood for the year's 75,95, and the ratio check, finding 80,95 = 17 / 21, made the
wrong figure sure (a silent error hiding the planted fault). Now a row worded as a share ("Tỷ lệ …")
whose unit was not read is read as a share: the whole is the year's figure as printed and the
planted fault (75,95 against 80,95) is told."""

import json
from pathlib import Path

from cchc_extract.pipeline import convert_file, result_to_json
from extract.segment.stat_line_periods import whole_period_rows
from schemas.records import StatRow

DUMP = (
    Path(__file__).parent
    / "data"
    / "stats67"
    / "s13251-d23-i3-n60-i3-last-year-quarters-first-eng-psm4-300dpi-degraded.txt"
)


def test_a_share_worded_row_sets_aside_only_last_years_share():
    truth = json.loads(DUMP.with_name(DUMP.name + ".truth.json").read_text(encoding="utf-8"))
    printed = {r["code"]: r["value"] for t in truth["statistics"] for r in t["rows"]}
    assert printed["4.3"] == 75.95 and (printed["4.1"], printed["4"]) == (17, 21)
    assert any(f["code"] == "4.3" and f["kind"] == "ratio" for f in truth["faults"])
    text = DUMP.read_text(encoding="utf-8")
    assert "4.3 | Ty lé can bé, cong % | 80,95 | 80,95 | 80,95 | 80,95 | 75,95 | 75,67." in text
    output = result_to_json(convert_file(DUMP))
    rows = {r["code"]: r for a in output["statistics"] for r in a["rows"]}
    assert rows["4.3"]["value"] == printed["4.3"]  # before: 80,95, the fourth quarter's
    # the printed share disagrees with its counts: the fault is told on the row
    told = [c for c in output["checks"] if "4.3" in json.dumps(c, ensure_ascii=False)]
    queued = [q for q in output["review"] if q.get("code") == "4.3"]
    assert told and queued


def _row(code: str, indicator: str, unit: str, value: str, note: str) -> StatRow:
    figure = float(value.replace(",", "."))
    return StatRow(code=code, indicator=indicator, unit=unit, value=figure, value_raw=value, note=note)


def test_the_wording_says_a_share_where_the_unit_is_lost():
    header = (
        "STT Nội dung chỉ tiêu ĐVT Quý I Quý II Quý III Quý IV Tổng cộng"
        " Thực hiện cùng kỳ năm trước Tỷ lệ so với cùng kỳ (%)"
    )
    rows = [
        _row("4", "Số cán bộ, công chức cấp xã", "Người", "21", "21 21 21 21 18 116,67"),
        _row("4.1", "Số cán bộ, công chức đạt chuẩn", "Người", "3", "4 6 4 17 18 94,44"),
        _row("4.3", "Tỷ lệ cán bộ, công chức đạt chuẩn %", "", "80,95", "80,95 80,95 80,95 75,95 75,67"),
    ]
    read = whole_period_rows(rows, header, ocr=True)
    assert [r.value for r in read] == [21, 17, 75.95]
    # a row with a count's unit keeps being read as a count, whatever its wording
    counted = _row("2", "Tỷ lệ hồ sơ", "Hồ sơ", "3", "4 6 4 17 18 94,44")
    assert whole_period_rows([rows[0], counted], header, ocr=True)[1].value == 17

"""A plan's dump (real Tesseract output of a generated D05 report, seed 16001 of the lead's) opens
its table under a lead-in sentence printing two years ("… năm 2014. Kết quả tự đánh giá, chấm điểm
năm 2013 như sau:") and a header whose appraisal label OCR garbled past naming ("Điểm | UBND |
mặm" over "x. định"). The sentence is no header line of period columns (it closes on "như sau:"),
so the third figure of every row stays the appraisal (the truth file's), not last year's points:
before, every appraised cell came out blank with nothing said (confidence 0.92, not queued)."""

from __future__ import annotations

import json
from pathlib import Path

from cchc_extract.pipeline import convert_file
from extract.model import Line
from extract.segment.period_lines import header_years
from extract.segment.period_points import EARLIER_FLAG

DUMP = Path(__file__).parent / "data" / "dumps_queue71" / "d05-i2-ruled-center-vie-150dpi.txt"


def test_the_appraisal_under_a_lead_in_naming_two_years_is_read():
    truth = json.loads(DUMP.with_name(DUMP.name + ".truth.json").read_text(encoding="utf-8"))
    want = {r["code"]: r["appraised_points"] for r in truth["score_tables"][0]["rows"]}
    (table,) = convert_file(DUMP).score_tables
    got = {r.code: r.appraised_points for r in table.rows}
    assert got == want
    assert not any(f.startswith(EARLIER_FLAG) for r in table.rows for f in r.flags)


def test_a_lead_in_sentence_prints_no_period_columns():
    lead_in = "Chỉ số cải cách hành chính năm 2014. Kết quả tự đánh giá, chấm điểm năm 2013 như sau:"
    assert header_years([Line(lead_in, 1, 1)]) == []
    # the period columns' own labels still give their years, in the order printed
    assert header_years([Line("Điểm tự đánh giá năm 2024 | Điểm tự đánh giá năm 2023", 1, 1)]) == [2024, 2023]

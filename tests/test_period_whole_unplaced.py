"""An OCR'd annex whose header splits the year into quarters but whose whole's column neither the
rows' sums nor the header's words place (issue 14, silent errors). ``queue78b/d21201-n60-…txt`` is the
annex page of a dump of N60 (seed 21201): "Quý I | Quý II | Quý III | Quý IV | Cả năm | Cùng kỳ năm
2022 | So với cùng kỳ (%)", its header garbled ("QuyI| Quy | Quy | Quy Ca | kynam"), a part of each
flow row read as letters ("4 4 if 12 21 22 95,45"), so no row adds up as read and the first
quarter's figure stays the value. Four rows (codes 1, 4, 4.1, 5: 0, 4, 1, 2 read for 2, 21, 18, 6)
sat at 0.995 and 1.0, out of the review queue, the annex's sums holding over the first quarter's
column as they do over the year's. Expected values: the generator's truth file beside the dump."""

from __future__ import annotations

import json
from pathlib import Path

from cchc_extract.pipeline import convert_file, result_to_json
from extract.segment.stat_line_periods import WHOLE_UNPLACED_FLAG, unplaced_rows
from schemas.records import StatRow

DUMP = Path(__file__).parent / "data" / "queue78b" / "d21201-n60-last-year-quarters-first-eng-psm3-200dpi-degraded.txt"


def _row(value: float, unit: str = "Người") -> StatRow:
    return StatRow(code="1", indicator="x", unit=unit, value=value, value_raw=f"{value:g}")


def test_rows_whose_parts_differ_are_doubted_on_ocr_only():
    rows = [_row(4.0), _row(24.0), _row(93.1, "%"), _row(2.0)]
    printed = [
        (["4", "4", "if", "12", "21"], "Người"),
        (["24"] * 5, "Người"),
        (["93,1", "92"], "%"),
        (["2", "2"], "Người"),
    ]
    out = unplaced_rows(rows, printed, ocr=True)
    assert WHOLE_UNPLACED_FLAG in out[0].flags and out[0].confidence <= 0.5  # parts differ (one garbled)
    assert not any(WHOLE_UNPLACED_FLAG in r.flags for r in out[1:])  # a stock, a share, two figures
    assert unplaced_rows(rows, printed, ocr=False) == rows  # typed figures add up as printed


def test_first_quarter_values_are_queued():
    truth = json.loads(DUMP.with_name(DUMP.name + ".truth.json").read_text(encoding="utf-8"))
    want = {r["code"]: r["value"] for a in truth["statistics"] for r in a["rows"]}
    out = result_to_json(convert_file(DUMP))
    (annex,) = out["statistics"]
    queued = {r["item"] for r in out["review"] if r.get("field") in ("value", None)}
    rows = {row["code"]: (row["value"], f"/statistics/0/rows/{k}" in queued) for k, row in enumerate(annex["rows"])}
    for code in ("1", "4", "4.1", "5"):
        value, in_queue = rows[code]
        assert value != want[code] and in_queue
    # the stocks (one figure each quarter) are right either end and stay out of the queue
    for code in ("3", "3.1", "3.2"):
        assert rows[code] == (want[code], False)

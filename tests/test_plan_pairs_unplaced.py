"""An OCR'd annex whose header prints a result's label over several columns ("KH | TH" under each
half and the year) but whose pairs ``stat_plan_pairs.plan_pairs`` could not place (the parts' and
the plans' labels garbled: "6 của đầu 6 tháng cuối Cả năm 2023 … _Ke | TH | Ka | TH | ka | TH"):
each row's first figure, the first half's plan, stayed its value, and the annex's sums, which hold
in any one column, held it at 0.995, silent. ``unpaired_rows`` doubts the rows printing figures
that differ (``PAIRS_UNPLACED_FLAG``) and no sum vouches for them (``reconcile/confidence.py``).

The excerpt is the annex page of seed 21001's D31 dump (its i3, N92 halves first); the expected
values are the generator's truth file's."""

from __future__ import annotations

from pathlib import Path

import cchc_extract
from extract.segment.stat_plan_pairs import PAIRS_UNPLACED_FLAG, unpaired_rows
from schemas.records import StatRow

EXCERPT = Path(__file__).parent / "data" / "queue80" / "d21001-n92-halves-first-annex.txt"
# The truth file's values of the rows main read wrong and left out of the queue (the first half's
# plan taken), and of two rows read right (a stock: one figure in every column).
WRONG = {"1": 22.0, "2": 24.0, "2.3": 83.33, "4.1.a": 297.0, "4.1.b": 61.0, "7": 0.0}
RIGHT = {"2.1": 20.0, "2.2": 4.0}
HEADER = "ST Nội ra chỉ tiêu DVT | 6 của đầu 6 tháng cuối Cả năm 2023 Có năm năm a _Ke | TH | Ka | TH | ka | TH"


def test_the_wrong_values_of_an_unplaced_paired_annex_are_queued_and_its_stocks_not():
    data = cchc_extract.convert(EXCERPT).data
    (annex,) = data["statistics"]
    queued = {e["item"] for e in data["review"] if e.get("field") in ("value", None)}
    read = {row["code"]: (f"/statistics/0/rows/{i}", row["value"]) for i, row in enumerate(annex["rows"])}
    for code, truth in WRONG.items():
        pointer, value = read[code]
        assert value != truth and pointer in queued, code
    for code, truth in RIGHT.items():
        pointer, value = read[code]
        assert value == truth and pointer not in queued, code


def test_only_an_ocr_header_of_several_results_unplaced_doubts():
    rows = [StatRow(code="1", unit="Văn bản", value=46.0, value_raw="46", note="20 2 28 22")]
    (doubted,) = unpaired_rows(rows, HEADER, ocr=True)
    assert PAIRS_UNPLACED_FLAG in doubted.flags and doubted.confidence == 0.5
    stock = [StatRow(code="2.1", unit="Người", value=20.0, value_raw="20", note="a 20")]
    assert unpaired_rows(stock, HEADER, ocr=True) == stock
    assert unpaired_rows(rows, HEADER, ocr=False) == rows  # (typed: placed or read as printed)
    one_result = "STT Nội dung ĐVT Kế hoạch Thực hiện Tỷ lệ"
    assert unpaired_rows(rows, one_result, ocr=True) == rows

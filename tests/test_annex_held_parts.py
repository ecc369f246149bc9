"""An annex total that holds vouches for the parts it summed, not for every row under it (issue 14:
silent errors): a child whose unit OCR lost is no part of "its 2 parts add up to 185", and its
figure, with no relation of its own, stays as doubtful as its row was read."""

from cchc_extract.reconcile import reconcile
from schemas.records import ExtractionResult, SourceInfo, StatAnnex, StatRow

# Seed 18221's D07 dump (eng, psm 11, degraded) as read: codes inferred by position (the row at
# 0.5), the rows' figures shifted by one line. The generator's truth file: 2 = 185 "Hồ sơ", 2.1 =
# 162, 2.2 = 23, 2.3 = 87,57 %; so 162 + 23 = 185 holds, and the "21" read for 2.2 (the code "2.1"
# OCR read as a figure, no unit beside it) is wrong.
PLACED = 0.5


def row(code: str, indicator: str, unit: str, raw: str) -> StatRow:
    return StatRow(
        code=code,
        indicator=indicator,
        unit=unit,
        value=float(raw),
        value_raw=raw,
        confidence=PLACED,
        flags=["code_inferred", "cells_rejoined"],
    )


def test_a_child_the_total_did_not_sum_is_not_vouched_for():
    rows = [
        row("2", "Tổng số hồ sơ TTHC tiếp nhận trong kỳ", "Hồ sơ", "185"),
        row("2.1", "", "Hồ sơ", "162"),
        row("2.2", "Số hồ sơ tiếp nhận trực tuyến", "", "21"),
        row("2.3", "Số hồ sơ tiếp nhận trực tiếp và qua bưu chính", "Hồ sơ", "23"),
    ]
    result = ExtractionResult(source=SourceInfo(method="text", read_by_ocr=True), statistics=[StatAnnex(rows=rows)])
    reconcile(result)
    assert [(c.kind, c.status) for c in result.checks if c.kind == "total_parts"] == [("total_parts", "ok")]
    read = result.statistics[0].rows
    # the sum's members are vouched for (162 + 23 = 185)...
    assert read[0].value_confidence["value"] > 0.9 and read[3].value_confidence["value"] > 0.9
    # ...the unitless "21", no part of it, is not: under the review threshold, in the queue
    assert read[2].value_confidence["value"] < 0.8
    assert ("/statistics/0/rows/2", "value") in {(r.item, r.field) for r in result.review}

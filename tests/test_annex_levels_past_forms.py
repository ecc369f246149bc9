"""An OCR'd annex whose codes the column repair inferred a level off: the whole "Số nhiệm vụ trong Kế
hoạch" (4 in the form) read as 4.2, its parts as 4.2.1, 4.2.2 and its share as 4.2.3. The forms
number a part's items with letters ("2.1.a"), never a figure, so parts numbered "4.2.1" are rows
read a level off. Their sum and share hold with the whole's figure wherever it stands: they
vouch for the figure, not for the row it is scored as, so the whole keeps its own doubt (its
code inferred) and stays in the queue (issue 14: seeds 664 i8, 1106 i5 and 1201 i7 left such a
whole out of the queue, its code wrong). Numbered as the forms number, the same relation vouches
for every member. The annex is built here, as the line reader leaves it."""

from __future__ import annotations

from cchc_extract.reconcile import reconcile
from cchc_extract.review_threshold import REVIEW_BELOW
from schemas.records import ExtractionResult, SourceInfo, SourceRef, StatAnnex, StatRow

ROWS = (
    ("Số nhiệm vụ trong Kế hoạch CCHC năm", "Nhiệm vụ", 32.0, "32"),
    ("Số nhiệm vụ đã hoàn thành", "Nhiệm vụ", 28.0, "28"),
    ("Số nhiệm vụ chưa hoàn thành", "Nhiệm vụ", 4.0, "4"),
    ("Tỷ lệ hoàn thành Kế hoạch CCHC năm", "%", 87.5, "87,5"),
)


def _reconciled(codes: list[str]) -> ExtractionResult:
    rows = [
        StatRow(
            code=code,
            indicator=name,
            unit=unit,
            value=value,
            value_raw=raw,
            confidence=0.5,  # (the segmenter's for a code inferred from the row's place)
            flags=["code_inferred"],
            source=SourceRef(page=1, line_start=10 + k, line_end=10 + k),
        )
        for k, (code, (name, unit, value, raw)) in enumerate(zip(codes, ROWS))
    ]
    result = ExtractionResult(
        source=SourceInfo(path="annex.txt", read_by_ocr=True),
        statistics=[StatAnnex(annex="Phụ lục 1", rows=rows, read_from="lines")],
    )
    reconcile(result)
    return result


def test_a_whole_over_parts_numbered_past_the_forms_is_not_vouched_for_by_their_sum():
    result = _reconciled(["4.2", "4.2.1", "4.2.2", "4.2.3"])
    assert [(c.kind, c.status) for c in result.checks] == [("ratio", "ok")]  # 28 / 32 = 87,5%
    whole, *parts = result.statistics[0].rows
    assert whole.value_confidence["value"] < REVIEW_BELOW
    assert [(e.item, e.field) for e in result.review if e.item == "/statistics/0/rows/0"] == [
        ("/statistics/0/rows/0", "value")
    ]
    # (the parts' own figures are vouched for by the share: held, out of the queue)
    assert all(p.value_confidence["value"] >= REVIEW_BELOW for p in parts)


def test_numbered_as_the_forms_number_the_relation_vouches_for_the_whole():
    result = _reconciled(["4", "4.1", "4.2", "4.3"])
    assert [(c.kind, c.status) for c in result.checks] == [("ratio", "ok")]
    assert all(r.value_confidence["value"] >= REVIEW_BELOW for r in result.statistics[0].rows)
    assert not [e for e in result.review if e.item.startswith("/statistics/")]

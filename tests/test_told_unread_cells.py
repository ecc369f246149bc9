"""A row the segmenter told unread ("points of 4 not read (the text holds the row's name, not its
numbers)") has lost cells by its own account (cchc_extract/reconcile/queue_once.py, ``told_unread``):
on OCR'd text its blanks are weighed as lost, not as a heading's (cchc_extract/reconcile/confidence.py).
Seed 7191's N35 scan: field 4's figures printed on its subtotal line, read as the table's total; its
row's blanks stood at 0.92, out of the queue."""

from __future__ import annotations

from cchc_extract.reconcile.confidence import value_features
from cchc_extract.reconcile.queue_once import told_unread
from schemas.records import ExtractionResult, ScoreRow, ScoreTable, SourceInfo, SourceRef, UnreadPart

LOST = "points of 4 not read (the text holds the row's name, not its numbers)"


def _result(read_by_ocr: bool, reason: str = LOST) -> ExtractionResult:
    rows = [
        ScoreRow(code="3", name="Cải cách thủ tục hành chính", max_points=4.0, self_points=2.0),
        ScoreRow(code="4", name="Cải cách tổ chức bộ máy hành chính", source=SourceRef(page=2, line_start=37)),
        ScoreRow(code="4.1", name="Thực hiện quy định về chức năng", parent="4", max_points=3.0, self_points=1.5),
        ScoreRow(code="4.2", name="Thực hiện quy chế làm việc", parent="4", max_points=4.0, self_points=3.5),
    ]
    unread = [UnreadPart(page=2, kind="rows", reason=reason, line_start=37, line_end=37)]
    return ExtractionResult(
        source=SourceInfo(read_by_ocr=read_by_ocr), score_tables=[ScoreTable(rows=rows)], unread=unread
    )


def test_a_row_told_unread_names_its_cells():
    assert told_unread(_result(True)) == {("/score_tables/0/rows/1", None)}
    # a part naming several rows stays one entry for its run of lines
    several = "points of 4, 4.1 not read (the text holds the row's name, not its numbers)"
    assert told_unread(_result(True, several)) == set()
    # a part naming no row found names no cell
    assert told_unread(_result(True, "points of 9 not read (the text holds the row's name, not its numbers)")) == set()


def test_its_blanks_are_lost_on_ocr_text_and_a_headings_blanks_on_typed_text():
    ocr = value_features(_result(True), [], [])
    assert ocr[("/score_tables/0/rows/1", "max_points")]["missing"] == 1.0
    assert ocr[("/score_tables/0/rows/1", "self_points")]["missing"] == 1.0
    assert ocr[("/score_tables/0/rows/0", "max_points")]["missing"] == 0.0
    typed = value_features(_result(False), [], [])
    assert typed[("/score_tables/0/rows/1", "max_points")]["missing"] == 0.0

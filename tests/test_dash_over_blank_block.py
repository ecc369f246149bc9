"""A parent's points cell printed as a dash over children that print nothing in that column is the
document's blank (a field not scored), not a figure OCR lost: no ``unread`` part tells it (issue
16, a "!" entry on a document read whole). The rows are those of spent seed 19001's S35 i1 scan
(field 6 "Cải cách tài chính công", max 7, its self points cell OCR read "-", its three criteria
6.1–6.3 max 3, 2, 2 with no self points); the truth file gives self points None for all four."""

from __future__ import annotations

from cchc_extract.coverage import CoverageSettings
from cchc_extract.lost_cells import illegible_cells
from schemas.records import ExtractionResult, ScoreRow, ScoreTable, SourceInfo, SourceRef


def _result(parent_self: str, child_self: float | None) -> ExtractionResult:
    rows = [
        ScoreRow("5.3", level=2, max_points=4.0, self_points=3.0, max_points_raw="4", self_points_raw="3"),
        ScoreRow("6", level=1, max_points=7.0, max_points_raw="7", self_points_raw=parent_self),
        ScoreRow("6.1", level=2, max_points=3.0, max_points_raw="3", self_points=child_self),
        ScoreRow("6.2", level=2, max_points=2.0, max_points_raw="2"),
        ScoreRow("6.3", level=2, max_points=2.0, max_points_raw="2"),
    ]
    for k, row in enumerate(rows):
        row.source = SourceRef(page=2, line_start=37 + k, line_end=37 + k)
    result = ExtractionResult(source=SourceInfo(path="s35.pdf", read_by_ocr=True))
    result.score_tables = [ScoreTable(title="", rows=rows)]
    return result


def test_a_dash_over_a_block_printed_blank_is_no_cell_lost():
    assert illegible_cells(_result("-", None), CoverageSettings()) == []


def test_a_dash_over_children_scored_or_a_garble_is_still_told():
    told = illegible_cells(_result("-", 2.0), CoverageSettings())
    assert len(told) == 1 and "6 self points printed '-'" in told[0].reason
    assert len(illegible_cells(_result("šx", None), CoverageSettings())) == 1

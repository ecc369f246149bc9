"""An annex row's reading confidence is its figure's (``extract/segment/stat_row_conf.py``): where
the header names the figures' column, an OCR doubt on last year's figure, the change or the
remark is the note's, not the value's. Seed 9001's S21 scan: Tesseract scored every change cell
("+121" read "121") 0, and the whole annex of right values went to review at 0.05."""

from __future__ import annotations

from extract.segment.joined import JoinedRow, JoinedTable
from extract.segment.stat_row_conf import content_conf
from extract.segment.statistics import stat_rows

HEADER = ["ST", "Nội dung chỉ tiêu", "ĐVT", "Năm 2022", "Năm 2023", "Tăng (+), giảm (-)", "So sánh (%)", "Ghi chú"]


def _row(cells: list[str], confs: list[float | None], line: int = 10) -> JoinedRow:
    return JoinedRow(
        cells=cells, bold=[False] * len(cells), page=2, line_start=line, line_end=line, fragment=0, confs=confs
    )


def _annex(rows: list[JoinedRow]) -> JoinedTable:
    return JoinedTable([HEADER], rows, [2], len(HEADER), "test", 9, 10 + len(rows), 0)


def test_a_doubted_change_cell_leaves_the_figure_sure():
    # As the S21 scan's OCR gave them: the figures at 0.96, the change cell at 0.
    row = _row(
        ["2", "Số hồ sơ TTHC đã giải quyết", "Hồ sơ", "309", "430", "121", "139,2", ""],
        [0.96, 0.951, 0.96, 0.96, 0.96, 0.0, 0.94, 1.0],
    )
    (read,) = stat_rows(_annex([row]), ocr_pages=frozenset({2}))
    assert read.value == 430 and "309" in read.note and "121" in read.note
    assert read.confidence == 0.951  # the indicator's, the least of the cells that make the figure


def test_a_doubted_figure_still_doubts_its_row():
    row = _row(
        ["6", "Số cán bộ, công chức cấp xã", "Người", "17", "24", "7", "141,2", ""],
        [0.96, 0.956, 0.96, 0.96, 0.31, 0.95, 0.95, 1.0],
    )
    (read,) = stat_rows(_annex([row]), ocr_pages=frozenset({2}))
    assert read.value == 24 and read.confidence == 0.31


def test_without_a_named_figures_column_every_cell_counts():
    # (no "value" role: the figure may stand in any column, so each cell's doubt is the row's)
    row = _row(["1", "Số cuộc kiểm tra", "Cuộc", "4", ""], [0.9, 0.95, 0.95, 0.2, None])
    assert content_conf(row, 0, {"indicator": 1, "unit": 2}) == 0.2
    assert content_conf(row, 0, None) == 0.2
    # The code's own confidence is the column repair's to judge, never the row's.
    assert content_conf(_row(["1", "Số cuộc kiểm tra", "Cuộc", "4"], [0.0, 0.95, 0.95, 0.9]), 0, None) == 0.9


def test_a_row_printing_nothing_in_the_figures_cells_is_read_as_before():
    row = _row(["", "", "", "12", "", "3", "", ""], [None, None, None, 0.4, None, 0.2, None, None])
    assert content_conf(row, 0, {"indicator": 1, "unit": 2, "value": 4}) == 0.2

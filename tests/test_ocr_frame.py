"""A frame ruled round a scanned table (issue 16: nothing lost silently): the box with a caption row
above the grid, the grid set a little inside it. Before, the strip between box and grid joined into
one ring-shaped cell whose bounding box held the whole grid: the table came out as one cell of text,
no row read and nothing told. The ring is the frame; the table is the grid it encloses."""

from __future__ import annotations

import numpy as np

from extract.model import Cell, IngestedDocument, Line, Page, Table
from extract.ocr_frame import frame_hole
from extract.ocr_grid import find_rules, grids, rule_stubs
from extract.ocr_settings import OcrSettings
from extract.segment.unread_announced import unread_announced_tables


def _ink(boxes: list[tuple[int, int, int, int]], h_lines: list[tuple[int, int, int]]) -> np.ndarray:
    """A page's ink (3 px rules): rectangles' outlines and horizontal lines (y, x0, x1)."""
    ink = np.zeros((1000, 1400), dtype=bool)
    for x0, y0, x1, y1 in boxes:
        ink[y0 : y0 + 3, x0:x1] = ink[y1 : y1 + 3, x0 : x1 + 3] = True
        ink[y0:y1, x0 : x0 + 3] = ink[y0:y1, x1 : x1 + 3] = True
    for y, x0, x1 in h_lines:
        ink[y : y + 3, x0:x1] = True
    return ink


def _cells(ink: np.ndarray) -> list[list[tuple]]:
    settings = OcrSettings()
    h = find_rules(ink, 100, settings.rule_merge_px)
    v = find_rules(ink.T, 100, settings.rule_merge_px)
    v += rule_stubs(ink, h, v, settings.rule_merge_px, settings.rule_merge_px * 3)
    return grids(h, v, tol=settings.rule_merge_px * 3, settings=settings)


def test_a_framed_grid_is_read_as_the_grid_it_encloses():
    # The frame (100..1300 x 100..900) with its caption row ruled off at y=150; the grid inside,
    # 3 x 3 cells, 16 px in from the frame's sides and sharing its note row's rule at y=850.
    columns = [(116, 200, 500, 850), (500, 200, 900, 850), (900, 200, 1284, 850)]
    rows = [(400, 116, 1284), (600, 116, 1284)]
    ink = _ink([(100, 100, 1300, 900), *columns], [(150, 100, 1300), (850, 100, 1300), *rows])
    (table,) = _cells(ink)
    assert sorted((r, c, rs, cs) for _, r, c, rs, cs in table) == [(r, c, 1, 1) for r in range(3) for c in range(3)]
    boxes = [box for box, *_ in table]
    assert min(b[0] for b in boxes) > 110 and max(b[2] for b in boxes) < 1290  # the frame's strips are no cells


def test_a_cell_broken_by_a_faint_rule_is_no_frame():
    # An L-shaped group (a rule lost on one side) runs down one side of the slot it bends round.
    assert frame_hole([[(0, 0), (0, 1), (1, 0)], [(1, 1)]]) is None
    ring = [(0, 0), (0, 1), (0, 2), (0, 3), (1, 0), (2, 0), (1, 3), (2, 3)]
    inner = [[(1, 1)], [(1, 2)], [(2, 1)], [(2, 2)]]
    assert frame_hole([ring, *inner]) == (1, 2, 1, 2)


_LEAD_IN = "UBND xã báo cáo kết quả tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm 2024 như sau:"


def _framed_page() -> IngestedDocument:
    caption = Line(text="KẾT QUẢ TỰ ĐÁNH GIÁ, CHẤM ĐIỂM CÁC LĨNH VỰC, TIÊU CHÍ", page=1, number=2)
    header = ["TT", "Tiêu chí", "Điểm tối đa", "Điểm tự chấm"]
    cells = [Cell(row=0, col=c, text=t) for c, t in enumerate(header)]
    cells += [Cell(row=1, col=c, text=t) for c, t in enumerate(["1.", "Công tác chỉ đạo", "10", "10"])]
    grid = Table(page=1, cells=cells, n_rows=2, n_cols=4, source="ocr-lines", line_start=3, line_end=4)
    note = Line(text="(Tài liệu kiểm chứng lưu tại Văn phòng HĐND và UBND xã)", page=1, number=5)
    blocks = [Line(text=_LEAD_IN, page=1, number=1), caption, grid, note, Line(text="Nơi nhận:", page=1, number=6)]
    return IngestedDocument(path="x.pdf", format="pdf", pages=[Page(number=1, method="ocr", blocks=blocks)])


def test_a_frame_caption_and_note_round_a_grid_read_are_not_told():
    doc = _framed_page()
    assert doc.pages[0].tables and doc.pages[0].lines
    assert unread_announced_tables(doc, lambda line, page: line.number == 4) == []
    # The grid gave no row: its caption's points words still tell the table lost.
    told = unread_announced_tables(doc, lambda line, page: False)
    assert len(told) == 1


def test_a_garbled_column_numbering_is_layout():
    from extract.segment.column_numbers import numbers_the_columns

    assert numbers_the_columns("Œ) (2)") and numbers_the_columns("(1) (2) (3)") and numbers_the_columns("(1 (2)")
    assert not numbers_the_columns("1) Công tác chỉ đạo") and not numbers_the_columns("a) b)")

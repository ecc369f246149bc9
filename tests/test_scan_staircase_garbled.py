"""A staircase of level columns on a scan whose one figure OCR read with letters for all its digits:
s32-i3 (N72 "self by level", scanned; corpus seed 20311) printed field 4's self points 5,5 in the
"Lĩnh vực" column and OCR read "Đ,Ð". A cell with no digit was taken for a word, the table for no
staircase, and none of its 27 rows was read (on main b1d58c76). A decimal mark between one or two
glyphs either side is a figure's shape: the staircase stands, the garbled cell is the row's points
(left to the sums: 4.1 + 4.2). Cells as Tesseract read them from that scan; expected values from
the generator's truth file (4: 7 / 5,5; 4.1: 3 / 1,5; 4.2: 4 / 4)."""

from __future__ import annotations

from extract.segment.joined import JoinedRow, JoinedTable
from extract.segment.points_by_level import points_by_level

HEADER = [
    ["TT", "Nội dung tiêu chí", "Thang điểm.", "Xã tự chấm điểm", "", "", "Tài liệu kiểm chứng (số, ký hiệu văn bản)"],
    ["", "", "", "Lĩnh Vực", "Tiêu chí", "Tiêu chí thành phần", ""],
]
ROWS = [
    ["4", "Cải cách tổ chức bộ máy hành chính", "7", "Đ,Ð", "", "", ""],
    ["4.1", "Thực hiện quy định về chức năng, nhiệm vụ của công chức chuyên môn", "3", "", "1,5", "", ""],
    ["4.2", "Thực hiện quy chế làm việc của Ủy ban nhân dân xã", "4", "", "4", "", ""],
]


def _table(rows: list[list[str]]) -> JoinedTable:
    joined = [
        JoinedRow(cells=r, bold=[False] * len(r), page=1, line_start=i, line_end=i, fragment=0)
        for i, r in enumerate(rows)
    ]
    return JoinedTable(HEADER, joined, [1], len(HEADER[0]), "ocr-lines", 0, len(rows), 0)


def test_a_figure_read_as_letters_keeps_the_staircase():
    out = points_by_level(_table(ROWS))
    got = [(r.cells[0], r.cells[2], r.cells[3]) for r in out.rows]
    assert got == [("4", "7", "Đ,Ð"), ("4.1", "3", "1,5"), ("4.2", "4", "4")]
    assert all(not cell for r in out.rows for cell in r.cells[4:6])


def test_a_word_in_a_level_column_is_still_no_staircase():
    worded = [[*ROWS[0][:3], "Đạt", "", "", ""], *ROWS[1:]]
    table = _table(worded)
    assert points_by_level(table) is table

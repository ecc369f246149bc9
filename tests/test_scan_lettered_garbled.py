"""A criterion lettering its items inside its row, on a scan whose maximum cell OCR read with one
figure as a letter: s32-i1 (N70 "items in cell lines", scanned; corpus seed 20311), criterion 3.2's
maximum cell printed "8 / 5 / 1,5 / 1,5" and OCR read "8 / b / 1,5 / 1,5". The "b" made the cell no
figure lines, the row was not split, and 3.2.a–c were lost (on main b1d58c76). One line a row with a
lone letter among figures is a figure OCR garbled: the row splits, the letter left to the cell
readers. Lines as Tesseract read them from that scan; expected values from the generator's truth
file (3.2: 8 / 8; 3.2.a: 5 / 5; 3.2.b: 1,5 / 1,5; 3.2.c: 1,5 / 1,5)."""

from __future__ import annotations

from extract.segment.joined import JoinedRow
from extract.segment.lettered_items import LetteredItemSettings, split_items

NAMES = [
    "Kết quả giải quyết hồ sơ thủ tục hành chính",
    "a) Tỷ lệ hồ sơ giải quyết trước hạn và đúng",
    "hạn",
    "b) Thực hiện xin lỗi người dân khi giải",
    "quyết hồ sơ quá hạn",
    "c) Số hóa hồ sơ, kết quả giải quyết thủ tục",
    "hành chính",
]
COLUMNS = {"code": 0, "name": 1, "max": 2, "self": 3}


def _row(max_lines: list[str]) -> JoinedRow:
    lines = [["3.2"], NAMES, max_lines, ["8", "5", "1,5", "1,5"]]
    cells = [" ".join(col) for col in lines]
    return JoinedRow(cells=cells, bold=[False] * 4, page=1, line_start=0, line_end=0, fragment=0, lines=lines)


def test_a_figure_read_as_a_letter_still_splits_the_items():
    rows = split_items(_row(["8", "b", "1,5", "1,5"]), COLUMNS, LetteredItemSettings())
    assert rows is not None
    assert [r.cells[0] for r in rows] == ["3.2", "a)", "b)", "c)"]
    assert [r.cells[1] for r in rows][1:] == [
        "Tỷ lệ hồ sơ giải quyết trước hạn và đúng hạn",
        "Thực hiện xin lỗi người dân khi giải quyết hồ sơ quá hạn",
        "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính",
    ]
    assert [r.cells[3] for r in rows] == ["8", "5", "1,5", "1,5"]
    assert [r.cells[2] for r in rows] == ["8", "b", "1,5", "1,5"]  # the "b" left to the cell readers


def test_two_letters_are_no_figures():
    assert split_items(_row(["8", "b", "x", "1,5"]), COLUMNS, LetteredItemSettings()) is None

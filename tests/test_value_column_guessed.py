"""A figure read from the first of several columns the header names alike is a guess
(``extract/segment/statistics.rival_value_columns``, ``COLUMN_GUESSED_FLAG``): doubted where another
of them prints another figure on the row, and no sum that holds vouches for it
(``cchc_extract/reconcile/confidence.py``), since each column's figures add up alike.

The grid is Tesseract's reading of seed 21001's S23 scan (its i1, months with the total last):
"Kết quả thực hiện" spans seven columns whose month labels OCR read "1 | 2 | 3 | 14 | 5 | 76 |
Cộng", T6 as "76", so no run of months was counted, the labels' row stayed a body row, and the
first month's column was taken for every row, held by the annex's sums at 0.95-0.99: nine wrong
values, none queued. The expected values are the generator's truth file's."""

from __future__ import annotations

from extract.segment.joined import JoinedRow, JoinedTable
from extract.segment.statistics import COLUMN_GUESSED_FLAG, stat_rows

HEADER = ["STT", "Nội dung", "ĐVT", "Kết quả thực hiện", "", "", "", "", "", ""]
# Each blank-labelled column is the spanning label's (the grid's header cell covers them).
OWNERS = [0, 1, 2, 3, 3, 3, 3, 3, 3, 3]
# The scan's cells as OCR read them, the year's figure ("Cộng") last.
ROWS = [
    ["2", "Số cán bộ, công chức cấp xã", "Người", "23", "23", "23", "23", "23", "23", "23"],
    ["2.1", "Số cán bộ, công chức đạt chuẩn", "Người", "20", "20", "20", "20", "20", "20", "20"],
    ["2.3", "Tỷ lệ cán bộ, công chức đạt chuẩn", "%", "86,96", "86,96", "86,96", "86,96", "86,96", "86,96", "83,46"],
    ["3.1", "Số hồ sơ TTHC đã giải quyết", "Hồ sơ", "66", "72", "112", "85", "70", "54", "459"],
    ["a)", "Giải quyết trước hạn", "Hồ sơ", "45", "66", "48", "66", "39", "19", "283"],
]
# The truth file's values of those rows.
TRUTH = {"2": 23.0, "2.1": 20.0, "2.3": 83.46, "3.1": 459.0, "3.1.a": 283.0}


def _table(header: list[str], rows: list[list[str]], owners: list[int]) -> JoinedTable:
    joined = [
        JoinedRow(cells=r, bold=[False] * len(r), page=2, line_start=10 + k, line_end=10 + k, fragment=0)
        for k, r in enumerate(rows)
    ]
    return JoinedTable([header], joined, [2], len(header), "ocr-lines", 9, 10 + len(rows), 0, owners=owners)


def test_a_figure_from_the_first_of_a_spanned_group_is_doubted_where_the_group_differs():
    read = {r.code: r for r in stat_rows(_table(HEADER, ROWS, OWNERS), ocr_pages=frozenset({2}))}
    assert set(read) == set(TRUTH)
    for code, truth in TRUTH.items():
        wrong = read[code].value != truth
        # every value read wrong is doubted, and below the queue's threshold (0.8)
        assert (COLUMN_GUESSED_FLAG in read[code].flags) == wrong, code
        assert (read[code].confidence <= 0.5) == wrong, code
    # (a stock prints one figure in every column: right whichever is taken, not doubted)
    assert read["2"].value == 23 and read["2.1"].value == 20


def test_a_column_chosen_by_its_words_is_no_guess():
    # The months named and the year's column named: the whole's column is the value's.
    named = ["STT", "Nội dung", "ĐVT", "Tháng 1", "Tháng 2", "Tháng 3", "Tháng 4", "Tháng 5", "Tháng 6", "Cộng"]
    read = {r.code: r for r in stat_rows(_table(named, ROWS, list(range(len(named)))), ocr_pages=frozenset({2}))}
    assert read["3.1"].value == 459 and COLUMN_GUESSED_FLAG not in read["3.1"].flags
    # The plan beside the result: the result's column, the plan a note.
    plan = ["STT", "Nội dung", "ĐVT", "Kế hoạch", "Thực hiện"]
    rows = [["1", "Số hồ sơ TTHC đã giải quyết", "Hồ sơ", "400", "459"]]
    (row,) = stat_rows(_table(plan, rows, list(range(len(plan)))))
    assert row.value == 459 and COLUMN_GUESSED_FLAG not in row.flags

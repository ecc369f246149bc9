"""An annex whose month columns are labelled by their number alone ("1 | 2 | … | 6 | Cộng 6 tháng"
under a merged "Kết quả thực hiện": printed so, or "T1 … T6" with the "T" OCR lost on a scan): the
numbers' row is the header's, not a data row, the whole period's column gives each row's figure
and the month figures stay in the note (``extract.segment.stat_period_parts.bare_month_columns``).
Before (main 776ab753, dev seed 8281's N42 scan): the numbers' row was read as an item "1" (its
figure 1), the real item 1 pushed under the code "1.1", and every value was January's, so the
planted share fault (6.3) went unseen."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from cchc_extract.api import convert
from extract.segment.stat_period_parts import bare_month_columns, whole_period_column
from extract.segment.table_join import header_row_count

MONTHS_ROW = ["", "", "", "1", "2", "3", "4", "5", "6", "Cộng 6 tháng"]


@pytest.mark.parametrize(
    ("labels", "months", "whole"),
    [
        (
            ["STT", "Nội dung", "ĐVT", "Kết quả thực hiện 1", "2", "3", "4", "5", "6", "Cộng 6 tháng"],
            [3, 4, 5, 6, 7, 8],
            9,
        ),
        (["STT", "Nội dung", "ĐVT", "Lũy kế", "7", "8", "9", "10", "11", "12"], [4, 5, 6, 7, 8, 9], 3),
        # some months keep their "T", others lost it; the whole's "Cộng" read "Công"
        # (fresh seed 8290's scan, seen after measuring)
        (["", "", "", "1", "2", "3", "T4", "5", "6", "Công"], [3, 4, 5, 6, 7, 8], 9),
        # a column-number row numbers every column, and no whole's label stands beside them
        (["(1)", "(2)", "(3)", "(4)", "(5)", "(6)"], [], None),
        (["STT", "Nội dung", "ĐVT", "Kết quả 1", "2", "3", "Ghi chú"], [], None),
        # two numbers are no run of months
        (["STT", "Nội dung", "1", "2", "Cộng"], [], None),
        # twelve months, T11 read "1" (its "T1" lost) between 10 and 12, T4 read "14", beside
        # "Lũy kế năm 2024" and a share column (held-out 8001 N46 scan: every value was January's)
        (
            ["STT", "Nội dung", "ĐVT", "Kết quả thực hiện 1", "2", "3", "14", "5", "6", "7", "8", "9", "10", "1", "12"]
            + ["Lũy kế nam 2024", "Cơ cấu (%)"],
            list(range(3, 15)),
            15,
        ),
        # a garbled label is a month only between counted ones: two in a run, or one closing it, are not
        (["", "", "", "1", "2", "3", "4", "9", "9", "7", "Cả năm"], [], None),
        (["", "", "", "1", "2", "3", "4", "5", "6", "9", "Cả năm"], [], None),
    ],
)
def test_bare_month_numbers_beside_a_whole_are_the_periods_parts(labels, months, whole):
    assert bare_month_columns(labels) == months
    assert whole_period_column(labels) == whole


def test_a_row_of_month_numbers_beside_the_whole_is_a_header_row():
    head = ["STT", "Nội dung", "ĐVT", "Kết quả thực hiện", "", "", "", "", "", ""]
    data = ["1", "Số văn bản chỉ đạo", "Văn bản", "1", "1", "1", "1", "1", "1", "6"]
    assert header_row_count([head, MONTHS_ROW, data]) == 2
    # a data row of figures stays a data row
    assert header_row_count([head, data]) == 1


def _annex(path: Path) -> Path:
    doc = docx.Document()
    doc.add_paragraph("UBND XÃ TÂN LẬP")
    doc.add_paragraph("PHỤ LỤC SỐ LIỆU KẾT QUẢ THỰC HIỆN CÔNG TÁC CẢI CÁCH HÀNH CHÍNH 6 THÁNG ĐẦU NĂM 2024")
    rows = [
        ["STT", "Nội dung", "ĐVT", "Kết quả thực hiện", "", "", "", "", "", ""],
        MONTHS_ROW,
        ["1", "Số văn bản chỉ đạo, điều hành CCHC đã ban hành", "Văn bản", "1", "1", "1", "1", "1", "1", "6"],
        ["2", "Số hồ sơ TTHC đã giải quyết", "Hồ sơ", "70", "9", "22", "36", "52", "48", "237"],
        ["2.1", "Số hồ sơ giải quyết đúng hạn", "Hồ sơ", "69", "9", "22", "36", "52", "48", "236"],
        # 236 / 237 is 99,58%: the annex prints 96,5
        ["2.2", "Tỷ lệ hồ sơ giải quyết đúng hạn", "%", "98,57", "100", "100", "100", "100", "100", "96,5"],
    ]
    table = doc.add_table(rows=0, cols=len(rows[0]))
    for cells in rows:
        row = table.add_row().cells
        for cell, text in zip(row, cells):
            cell.text = text
    head = table.rows[0].cells
    head[3].merge(head[9]).text = "Kết quả thực hiện"
    doc.save(path)
    return path


def test_an_annex_of_numbered_months_reads_the_whole_period_and_checks_its_share(tmp_path):
    result = convert(_annex(tmp_path / "months.docx"))
    (annex,) = result.to_dict()["statistics"]
    got = {r["code"]: r for r in annex["rows"]}
    assert list(got) == ["1", "2", "2.1", "2.2"]  # no item "1" made of the months' numbers
    assert [got[c]["value"] for c in got] == [6, 237, 236, 96.5]  # the six months', not January's
    assert "9" in got["2"]["note"]  # the months kept in the note
    (fault,) = [c for c in result.checks if c.kind == "ratio" and c.status == "mismatch"]
    assert fault.code == "2.2"


def test_a_row_of_twelve_months_with_one_garbled_is_a_header_row():
    """T11 read "1" (its "T1" lost) between 10 and 12: still the months' row, not an item "1"."""
    head = ["STT", "Nội dung", "ĐVT", "Kết quả thực hiện"] + [""] * 12 + ["Cơ cấu (%)"]
    months = ["", "", "", "1", "2", "3", "14", "5", "6", "7", "8", "9", "10", "1", "12", "Lũy kế năm 2024", ""]
    data = ["1", "Số cuộc tuyên truyền CCHC", "Lượt"] + ["2", "1", "1", "1", "3", "2", "1", "2", "2", "2", "1", "2"]
    data += ["20", ""]
    assert header_row_count([head, months, data]) == 2

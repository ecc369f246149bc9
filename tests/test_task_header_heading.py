"""A scanned plan's task table naming its units as columns under a merged "Đơn vị thực hiện", each
task's row marking them "CT"/"PH" (seed 16001's S33 scan of N76, instance 3). The grid found no
rule between the header and the first section's heading row under it, so Tesseract's cells of that
row ("Í | CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH …", its "I" read "Í") became the header's last row: the
first unit column's label was taken from the stacked header, "Đơn vị thực hiện Phòng Kinh tế",
the lead of four tasks and a coordinator of one, silently, and the first section lost its title.
A header row of a numeral and an upper-case title is the first heading, put back in the body
(``task_header_heading``). The cells are Tesseract's on that page; the truth is the generator's."""

from __future__ import annotations

from extract.base import IngestedDocument
from extract.segment.joined import JoinedRow, JoinedTable
from extract.segment.task_header_heading import heading_row
from extract.segment.task_tables import find_task_tables

UNITS = ["Phòng Kinh tế", "Văn phòng - Thống kê", "Công an xã", "Công chức Tài chính - Kế toán"]
HEADER = [
    ["TT", "Tên nhiệm vụ", "Hình thức sản phẩm", "Tiến độ thực hiện", "Đơn vị thực hiện", "", "", "", "", ""],
    ["", "", "", "", *UNITS, "UBMTT Q Việt Nam xã", "Các bộ phận chuyên môn"],
    ["Í", "CÔNG TÁC CHÍ ĐẠO, ĐIỀU HÀNH CÁI CÁCH HÀNH CHÍNH", "", "", "", "", "", "", "", ""],
]
READ = [
    ["1", "Xây dựng, ban hành Kế hoạch cải cách hành chính năm 2026", "Thông báo", "Tháng 11/2026"]
    + ["CT", "PH", "", "", "PH", ""],
    ["2", "Thực hiện chế độ báo cáo định kỳ về cải cách hành chính", "Văn bản chỉ đạo", "16/07/2026"]
    + ["", "", "CT", "", "PH", "PH"],
    ["3", "Xây dựng Kế hoạch tuyên truyền cải cách hành chính", "Trang thông tin được cập nhật", "Thường xuyên"]
    + ["CT", "PH", "PH", "", "", ""],
    ["Hị", "CÁI CÁCH THỂ CHẾ", "", "", "", "", "", "", "", ""],
    ["4", "Tổ chức phổ biến, giáo dục pháp luật cho cán bộ và nhân dân", "Trang thông tin được cập nhật"]
    + ["Tháng 01/2026", "", "", "CT", "PH", "PH", ""],
    ["5", "Xây dựng Kế hoạch theo dõi thi hành pháp luật trên địa bàn xã", "Báo cáo", "Trước ngày 08/03/2026"]
    + ["", "", "PH", "CT", "", ""],
]
# The generator's truth: (section, code, lead, coordinator)
TRUTH = [
    ("I", "1", "Phòng Kinh tế", "Văn phòng - Thống kê, UBMTTQ Việt Nam xã"),
    ("I", "2", "Công an xã", "UBMTTQ Việt Nam xã, Các bộ phận chuyên môn"),
    ("I", "3", "Phòng Kinh tế", "Văn phòng - Thống kê, Công an xã"),
    ("II", "4", "Công an xã", "Công chức Tài chính - Kế toán, UBMTTQ Việt Nam xã"),
    ("II", "5", "Công chức Tài chính - Kế toán", "Công an xã"),
]


def _table() -> JoinedTable:
    rows = [
        JoinedRow(cells=cells, bold=[False] * 10, page=1, line_start=0, line_end=0, fragment=0, confs=[0.9] * 10)
        for cells in READ
    ]
    return JoinedTable(
        header=[list(h) for h in HEADER],
        rows=rows,
        pages=[1],
        n_cols=10,
        source="grid",
        line_start=0,
        line_end=0,
        block_index=0,
    )


def test_first_heading_read_into_the_header_is_the_body_s():
    doc = IngestedDocument(path="x.pdf", format="pdf", pages=[])
    (table,) = find_task_tables(doc, joins=[_table()])
    assert table.columns[:2] == ["TT", "Tên nhiệm vụ"]
    assert table.columns[4] == "Đơn vị thực hiện Phòng Kinh tế"  # the group head stays in the label
    got = [(r.section, r.code, r.lead, r.coordinator) for r in table.rows]
    assert got == TRUTH
    assert table.rows[0].section_title == "CÔNG TÁC CHÍ ĐẠO, ĐIỀU HÀNH CÁI CÁCH HÀNH CHÍNH"


def test_label_rows_are_no_heading():
    assert heading_row(HEADER[2])
    assert heading_row(["I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH", "I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH", ""])
    assert not heading_row(HEADER[0])
    assert not heading_row(HEADER[1])
    assert not heading_row(["", "", "", "", "ĐƠN VỊ THỰC HIỆN", "", ""])
    assert not heading_row(["I", "ĐƠN VỊ THỰC HIỆN", ""])  # header words in capitals are a label
    assert not heading_row(["1", "Xây dựng Kế hoạch", "Phòng Kinh tế"])

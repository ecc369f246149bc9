"""A scanned plan's task table at tab stops is no statistics annex (S25 of seed 11221, instance 1:
P07's tab-stops layout scanned at 300 dpi; the cells as Tesseract read them on 6f8d522e). The first
section's line reads "Í | Công tác chỉ đạo, điều hành cải cách hành chính": its numeral no code, the
join took it for a second header line, and the joined labels ("STT Í", "Nội dung công việc Công tác
chỉ đạo …") named no task framework. "Đầu mối thực hiện" then read as an annex's result column: the
ten tasks came out a second time as an annex of 13 rows with no figure, each queued (13 invented
rows, 13 entries on right values). The header's first row alone names the task framework's columns
(``statistics.another_kind_of_table``)."""

from __future__ import annotations

from extract.model import Cell, IngestedDocument, Page, Table
from extract.segment.joined import JoinedRow, JoinedTable
from extract.segment.statistics import find_statistics, is_statistics_table

HEADER = ["STT", "Nội dung công việc", "Đầu mối thực hiện", "Tiến độ thực hiện"]
# The grid as the scan's reader gave it (truth: sections I-IV, tasks 1-10, each with its lead and deadline).
GRID = [
    HEADER,
    ["Í", "Công tác chỉ đạo, điều hành cải cách hành chính", "", ""],
    ["1", "Xây dựng Kế hoạch tuyên truyền cải cách hành chính", "Công chức Tài chính - Kế toán", "Quý II/2023"],
    ["2", "Thực hiện chế độ báo cáo định kỳ về cải cách hành chính", "Bộ phận Một cửa", "07/02/2023"],
    ["H", "Cải cách thủ tục hành chính", "", ""],
    ["3", "Niêm yết, công khai thủ tục hành chính tại Bộ phận Một cửa", "Công an xã", "Quý IV/2023"],
    ["4", "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính", "Công an xã", "Quý I/2023"],
    ["IH", "Cải cách tổ chức bộ máy hành chính nhà nước", "", ""],
    ["6", "Sắp xếp, bố trí người hoạt động không chuyên trách ở thôn", "Văn phòng - Thống kê", "26/02/2023"],
    ["IV", "Cải cách tài chính công", "", ""],
    ["8", "Công khai dự toán, quyết toán ngân sách xã", "Văn phòng - Thống kê", "Cả năm 2023"],
]


def _document() -> IngestedDocument:
    cells = [Cell(row=r, col=c, text=text) for r, row in enumerate(GRID) for c, text in enumerate(row)]
    table = Table(page=2, cells=cells, n_rows=len(GRID), n_cols=4, source="ocr-text")
    doc = IngestedDocument(path="s25-i1.pdf", format="pdf")
    doc.pages = [Page(number=2, blocks=[table], method="ocr")]
    return doc


def test_a_task_grid_whose_section_line_joined_its_header_is_no_annex():
    assert find_statistics(_document()) == []


def test_the_first_header_row_alone_names_the_task_columns():
    header = [HEADER, GRID[1]]
    body = [JoinedRow(cells, [False] * 4, 2, 0, 0, 0) for cells in GRID[2:]]
    assert not is_statistics_table(JoinedTable(header, body, [2], 4, "ocr-text", 0, 0, 0))

"""A scanned plan grouping its tasks under their leading bodies (seed 20001's S30 scan of N65,
instance 4: "I | Công chức Tư pháp - Hộ tịch" in the TT cell and across the rest, the tasks numbered
afresh under each body). The grid found no rule between the header and the first body's heading, so
Tesseract's cells of that row ("lï | Công chức Tư pháp - Hộ tịch", its "I" read "lï") became the
header's last row: the task column was labelled "Nội dung nhiệm vụ Công chức Tư pháp - Hộ tịch", no
task read, the whole table told unread. The title is in sentence case (a body's name), so it is no
upper-case section title; it is a heading because the body prints rows of the same shape, a numeral
and a title in the same two cells and nothing else (``task_header_heading``). The cells are
Tesseract's on that page; the truth is the generator's truth file."""

from __future__ import annotations

from extract.base import IngestedDocument
from extract.segment.joined import JoinedRow, JoinedTable
from extract.segment.task_tables import find_task_tables

HEADER = [
    ["TL", "Nội dung nhiệm vụ", "Sản phẩm đầu ra", "Thời gian hoàn thành", "Cơ quan phối hợp"],
    ["lï", "Công chức Tư pháp - Hộ tịch", "", "", ""],
]
READ = [
    ["1", "Rà soát, kiểm tra văn bản quy phạm pháp luật do HĐND, UBND xã ban hành"]
    + ["Trang thông tin được cập nhật", "Quý III/2026", "Các thôn, tổ dân phố"],
    ["2", "Rà soát, đề xuất đơn giản hóa thủ tục hành chính", "Báo cáo", "Tháng 10/2026"]
    + ["Các ngành liên quan, UBMTTQ Việt Nam xã"],
    ["H", "Bộ phận Một cửa", "", "", ""],
    ["1", "Công bố danh mục văn bản hết hiệu lực, ngưng hiệu lực", "Kết quả giải quyết", "Cả năm 2026"]
    + ["Ban Chỉ đạo CCHC xã"],
    ["Hì!", "Văn phòng HĐND và UBND", "", "", ""],
    ["1", "Niêm yết, công khai thủ tục hành chính tại Bộ phận Một cửa", "Kết quả giải quyết", "Quý I/2026"]
    + ["Các đoàn thể"],
]
# The generator's truth: (section, code, task, lead)
TRUTH = [
    ("I", "1", "Rà soát, kiểm tra văn bản quy phạm pháp luật do HĐND, UBND xã ban hành", "Công chức Tư pháp - Hộ tịch"),
    ("I", "2", "Rà soát, đề xuất đơn giản hóa thủ tục hành chính", "Công chức Tư pháp - Hộ tịch"),
    ("II", "1", "Công bố danh mục văn bản hết hiệu lực, ngưng hiệu lực", "Bộ phận Một cửa"),
    ("III", "1", "Niêm yết, công khai thủ tục hành chính tại Bộ phận Một cửa", "Văn phòng HĐND và UBND"),
]


def _table(header: list[list[str]], read: list[list[str]]) -> JoinedTable:
    rows = [
        JoinedRow(cells=cells, bold=[False] * 5, page=2, line_start=0, line_end=0, fragment=0, confs=[0.9] * 5)
        for cells in read
    ]
    return JoinedTable(
        header=[list(h) for h in header],
        rows=rows,
        pages=[2],
        n_cols=5,
        source="grid",
        line_start=0,
        line_end=0,
        block_index=0,
    )


def test_a_body_s_heading_read_into_the_header_leads_the_first_tasks():
    doc = IngestedDocument(path="x.pdf", format="pdf", pages=[])
    (table,) = find_task_tables(doc, joins=[_table(HEADER, READ)])
    assert table.columns[1] == "Nội dung nhiệm vụ"
    assert [(r.section, r.code, r.task, r.lead) for r in table.rows] == TRUTH


def test_a_header_row_the_body_never_prints_again_stays_a_header():
    # (no heading row of that shape in the body: the second row is the header's own)
    body = [r for r in READ if r[0] not in ("H", "Hì!")]
    doc = IngestedDocument(path="x.pdf", format="pdf", pages=[])
    (table,) = find_task_tables(doc, joins=[_table(HEADER, body)])
    assert table.columns[1] == "Nội dung nhiệm vụ Công chức Tư pháp - Hộ tịch"

"""A task given a start and an end date in two columns (``extract/segment/task_dates.py``): the
deadline is the end, the start kept with its label. A plan DOCX written here and read whole."""

from pathlib import Path

import docx

from cchc_extract.pipeline import convert_file, result_to_json
from extract.segment.task_dates import deadline_at_end, start_and_end
from extract.segment.task_tables import map_columns

HEADER = ["TT", "Nhiệm vụ", "Sản phẩm", "Thời gian bắt đầu", "Thời gian hoàn thành", "Đơn vị chủ trì"]
HEADER += ["Bộ phận phối hợp", "Ghi chú"]
TASKS = [
    ["1", "Xây dựng, ban hành Kế hoạch cải cách hành chính năm 2025", "Kế hoạch", "5/1/2025", "28/02/2025"],
    ["2", "Rà soát, kiểm tra văn bản quy phạm pháp luật", "Báo cáo", "14/04/2025", "Trước ngày 26/06/2025"],
    ["3", "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính", "Hồ sơ số", "01/03/2025", "30/11/2025"],
]
UNITS = ["Văn phòng - Thống kê", "Các đoàn thể"]


def test_the_deadline_is_the_end_column_whatever_the_labels_say():
    assert map_columns(HEADER)["deadline"] == 4
    # "Thời gian triển khai | Hạn hoàn thành", "Ngày bắt đầu | Ngày hoàn thành" (no deadline word)
    assert map_columns(["TT", "Nhiệm vụ", "Thời gian triển khai", "Hạn hoàn thành", "Chủ trì"])["deadline"] == 3
    assert start_and_end(["TT", "Nhiệm vụ", "Ngày bắt đầu", "Ngày hoàn thành", "Chủ trì"]) == (2, 3)
    # one time column is the deadline, whatever it is called; "Kết quả hoàn thành" is a product
    assert map_columns(["TT", "Nhiệm vụ", "Thời gian triển khai", "Chủ trì", "Phối hợp"])["deadline"] == 2
    assert start_and_end(["TT", "Nhiệm vụ", "Thời gian bắt đầu", "Kết quả hoàn thành", "Chủ trì"]) is None
    # an end column the header words gave another field leaves the mapping alone
    assert deadline_at_end(["Ngày bắt đầu", "Ngày hoàn thành"], {"product": 1}) == {"product": 1}


def test_a_plan_with_start_and_end_dates_reads_the_end_as_deadline(tmp_path: Path):
    document = docx.Document()
    document.add_paragraph("KẾ HOẠCH")
    document.add_paragraph("Cải cách hành chính năm 2025")
    table = document.add_table(rows=1 + len(TASKS), cols=len(HEADER))
    for r, cells in enumerate([HEADER, *[t + UNITS + ["Lồng ghép với nhiệm vụ chuyên môn"] for t in TASKS]]):
        for c, text in enumerate(cells):
            table.cell(r, c).text = text
    for text in ["Nơi nhận:", "- Lưu: VT."]:
        document.add_paragraph(text)
    path = tmp_path / "ke-hoach.docx"
    document.save(path)
    out = result_to_json(convert_file(path, path.name))
    rows = [r for t in out["task_tables"] for r in t["rows"]]
    assert [(r["code"], r["deadline"], r["lead"], r["coordinator"]) for r in rows] == [
        (t[0], t[4], *UNITS) for t in TASKS
    ]
    # the start date and the note are kept under their labels, not dropped and not read as units
    assert [r["extra"] for r in rows] == [
        {"Thời gian bắt đầu": t[3], "Ghi chú": "Lồng ghép với nhiệm vụ chuyên môn"} for t in TASKS
    ]

"""A scanned plan's task table typed at tab stops, its task names wrapped (seed 15281's S26 image
of P07, instance 4). Tesseract read its header's "TT" as "LT" and, twice, a task's last line and the
section heading under it as one line: "3 H | … ngưng hiệu lực CẢI CÁCH THỦ TỤC HÀNH CHÍNH" and
"7 IH | … tại Bộ phận Một cửa CẢI CÁCH TỔ CHỨC BỘ MÁY HÀNH | CHÍNH | NHÀ | Phòng Văn hóa - Xã
hội NƯỚC". The number column went unnamed ("3 H" is no number), so the grid named three columns
and was no task table: its ten tasks were lost (told). A number with a section's numeral after it
still numbers its row (``task_numbering``), and such a row is the task, then the heading
(``task_glued_sections``: the capitals ending its cells, Vietnamese syllables, are the title).
The cells are Tesseract's on that page (its OCR-text grid); the truth the generator's."""

from __future__ import annotations

from extract.segment.joined import JoinedRow, JoinedTable
from extract.segment.task_tables import is_task_table, task_rows

HEADER = ["LT", "“Tên nhiệm vụ", "", "", "Đơn vị chủ trì", "Tiến độ thực hiện"]
READ = [
    ["I", "CẢI CÁCH THỂ CHẾ", "", "", "", ""],
    ["1", "Xây dựng Kế hoạch theo dõi thi hành pháp luật trên địa bàn xã", "", "", "Phòng Kinh tế", "Cả năm 2023"],
    ["2", "Tổ chức phổ biến, giáo dục pháp luật cho cán bộ và nhân dân", "", "", "Công an xã", "Cả năm 2023"],
    [
        "3 H",
        "Công bố danh mục văn bản hết hiệu lực, ngưng hiệu lực CẢI CÁCH THỦ TỤC HÀNH CHÍNH",
        "",
        "",
        "Phòng Kinh tế",
        "21/01/2023",
    ],
    [
        "4",
        "Tiếp nhận, giải quyết hồ sơ thủ tục hành chính đúng hạn",
        "",
        "",
        "Công chức Tài chính - Kế toán",
        "Tháng 02/2023",
    ],
    ["5", "Rà soát, đề xuất đơn giản hóa thủ tục hành chính", "", "", "Công an xã", "Trước ngày 04/09/2023"],
    ["6", "Tiếp nhận, xử lý phản ánh, kiến nghị của cá nhân, tổ chức", "", "", "Phòng Kinh tế", "Quý IV/2023"],
    [
        "7 IH",
        "Niêm yết, công khai thủ tục hành chính tại Bộ phận Một cửa CẢI CÁCH TỔ CHỨC BỘ MÁY HÀNH",
        "CHÍNH",
        "NHÀ",
        "Phòng Văn hóa - Xã hội NƯỚC",
        "Quý I/2023",
    ],
    ["8", "Thực hiện quy chế làm việc của UBND xã", "", "", "Công chức Địa chính - Xây dựng", "24/09/2023"],
    [
        "9",
        "Rà soát chức năng, nhiệm vụ của các bộ phận chuyên môn",
        "",
        "",
        "Công chức Văn hóa - Xã hội",
        "Trước ngày 16/11/2023",
    ],
    [
        "10",
        "Sắp xếp, bố trí người hoạt động không chuyên trách ở thôn",
        "",
        "",
        "Văn phòng - Thống kê",
        "Trước ngày 04/02/2023",
    ],
]
# the truth's ten tasks of the page: (section, code, task, lead, deadline)
TRUTH = [
    ("I", "1", "Xây dựng Kế hoạch theo dõi thi hành pháp luật trên địa bàn xã", "Phòng Kinh tế", "Cả năm 2023"),
    ("I", "2", "Tổ chức phổ biến, giáo dục pháp luật cho cán bộ và nhân dân", "Công an xã", "Cả năm 2023"),
    ("I", "3", "Công bố danh mục văn bản hết hiệu lực, ngưng hiệu lực", "Phòng Kinh tế", "21/01/2023"),
    (
        "II",
        "4",
        "Tiếp nhận, giải quyết hồ sơ thủ tục hành chính đúng hạn",
        "Công chức Tài chính - Kế toán",
        "Tháng 02/2023",
    ),
    ("II", "5", "Rà soát, đề xuất đơn giản hóa thủ tục hành chính", "Công an xã", "Trước ngày 04/09/2023"),
    ("II", "6", "Tiếp nhận, xử lý phản ánh, kiến nghị của cá nhân, tổ chức", "Phòng Kinh tế", "Quý IV/2023"),
    ("II", "7", "Niêm yết, công khai thủ tục hành chính tại Bộ phận Một cửa", "Phòng Văn hóa - Xã hội", "Quý I/2023"),
    ("III", "8", "Thực hiện quy chế làm việc của UBND xã", "Công chức Địa chính - Xây dựng", "24/09/2023"),
    (
        "III",
        "9",
        "Rà soát chức năng, nhiệm vụ của các bộ phận chuyên môn",
        "Công chức Văn hóa - Xã hội",
        "Trước ngày 16/11/2023",
    ),
    (
        "III",
        "10",
        "Sắp xếp, bố trí người hoạt động không chuyên trách ở thôn",
        "Văn phòng - Thống kê",
        "Trước ngày 04/02/2023",
    ),
]


def _table() -> JoinedTable:
    rows = [
        JoinedRow(
            cells=list(c), bold=[False] * 6, page=2, line_start=26 + k, line_end=26 + k, fragment=0, confs=[0.95] * 6
        )
        for k, c in enumerate(READ)
    ]
    return JoinedTable([HEADER], rows, [2], 6, "ocr-text", 25, 26 + len(READ), 0)


def test_a_section_heading_ocr_joined_to_the_task_row_above_it():
    table = _table()
    assert is_task_table(table)
    read = [(r.section, r.code, r.task, r.lead, r.deadline) for r in task_rows(table)]
    assert read == TRUTH
    titles = {r.section: r.section_title for r in task_rows(table)}
    assert titles["III"] == "CẢI CÁCH TỔ CHỨC BỘ MÁY HÀNH CHÍNH NHÀ NƯỚC"


def test_a_task_ending_in_an_abbreviation_is_no_heading():
    table = _table()
    table.rows[2].cells[0] = "2 I"  # (a numeral beside a task whose words end in no title)
    table.rows[2].cells[1] = "Tổ chức phổ biến, giáo dục pháp luật theo TCVN ISO"
    rows = task_rows(table)
    assert [r.task for r in rows if (r.code or "").startswith("2")] == [
        "Tổ chức phổ biến, giáo dục pháp luật theo TCVN ISO"
    ]

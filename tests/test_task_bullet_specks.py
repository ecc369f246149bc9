"""A scanned plan's task grid typed at tab stops (seed 14001's S26 image of P07, instance 2): OCR
read the first task's bullet with specks after it ("-_- Đăng ký …") and a speck at the end of two
tasks' first printed lines as a lone "l" ("giải l pháp", "không l chuyên trách"). The bullet was
kept as the task's words and the "l" inside them, two task fields wrong that no review entry
named. A bullet's mark with OCR's underscores or a second dash after it is the bullet
(``normalize.text.after_bullet``); a lone "l", "i" or "j" between two lower-case words of an OCR'd
cell is a speck (``task_wording.specks_dropped``). The cells are Tesseract's on that page (its
OCR-text grid, its task rows; its section lines the page's reader takes apart); the truth the
generator's."""

from __future__ import annotations

from extract.segment.joined import JoinedRow, JoinedTable
from extract.segment.task_tables import task_rows
from extract.segment.task_wording import reword_tasks, specks_dropped
from schemas.records import TaskTable

HEADER = ["Nhiệm vụ", "Đầu mối thực hiện", "Bộ phận phối hợp", "Thời hạn"]
READ = [
    [
        "-_- Đăng ký và triển khai sáng kiến, giải l pháp mới trong cải cách hành chính",
        "Văn phòng HĐND và UBND",
        "Các bộ phận chuyên môn",
        "Tháng 02/2026",
    ],
    [
        "- Thực hiện chế độ báo cáo định kỳ về cải cách hành chính",
        "Phòng Kinh tế",
        "Các ngành liên quan l",
        "Trước ngày 22/06/2026",
    ],
    [
        "Rà soát chức năng, nhiệm vụ của các bộ phận chuyên môn",
        "Văn phòng - Thống kê",
        "Các ngành liên quan",
        "Trước ngày 25/11/2026",
    ],
    [
        "- Sắp xếp, bố trí người hoạt động không l chuyên trách ở thôn",
        "Công chức Địa chính - Xây dựng",
        "Các ngành liên quan",
        "Cả năm 2026",
    ],
]
# the truth's four tasks (task, lead, deadline)
TRUTH = [
    (
        "Đăng ký và triển khai sáng kiến, giải pháp mới trong cải cách hành chính",
        "Văn phòng HĐND và UBND",
        "Tháng 02/2026",
    ),
    ("Thực hiện chế độ báo cáo định kỳ về cải cách hành chính", "Phòng Kinh tế", "Trước ngày 22/06/2026"),
    ("Rà soát chức năng, nhiệm vụ của các bộ phận chuyên môn", "Văn phòng - Thống kê", "Trước ngày 25/11/2026"),
    ("Sắp xếp, bố trí người hoạt động không chuyên trách ở thôn", "Công chức Địa chính - Xây dựng", "Cả năm 2026"),
]


def _table() -> JoinedTable:
    rows = [
        JoinedRow(cells=list(c), bold=[False] * 4, page=2, line_start=25 + k, line_end=25 + k, fragment=0)
        for k, c in enumerate(READ)
    ]
    return JoinedTable([HEADER], rows, [2], 4, "ocr-text", 24, 25 + len(READ), 0)


def test_a_specked_bullet_and_a_stroke_read_as_a_letter_are_no_task_words():
    rows = task_rows(_table())
    tables = reword_tasks([TaskTable(title="", pages=[2], columns=HEADER, form="table", rows=rows)], ocr=True)
    read = [(r.task, r.lead, r.deadline) for r in tables[0].rows]
    assert read == TRUTH


def test_a_lone_letter_of_a_legal_reference_is_kept():
    text = "Thực hiện theo điểm i khoản 2 và điểm a, b và c khoản 3"
    assert specks_dropped(text) == text

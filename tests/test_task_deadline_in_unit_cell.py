"""A scanned plan's task table typed at tab stops (seed 15281's S25 scan of P07, instance 1):
Tesseract's words of task 7's lead and deadline sat too close for a gap between the columns, so the
grid read "Công chức Tài chính - Kế toán - Thường xuyên" as the lead and the deadline blank (both
fields wrong, queued as doubts). A unit cell whose head reads as a whole unit and whose tail reads
as a whole deadline, beside an empty deadline cell, is the two (``task_cell_tails``). The cells are
Tesseract's on that page (its OCR-text grid); the truth the generator's."""

from __future__ import annotations

from extract.segment.joined import JoinedRow, JoinedTable
from extract.segment.task_tables import task_rows

HEADER = ["TT", "Nội dung nhiệm vụ", "Chủ trì", "Lộ trình"]
READ = [
    ["II", "Xây dựng và phát triển chính quyền điện tử, chính quyền số", "", ""],
    [
        "6",
        "Gửi, nhận văn bản điện tử có ký số qua hệ thống quản lý văn bản",
        "Phòng Văn hóa - Xã hội",
        "Trước ngày 27/11/2024",
    ],
    [
        "7",
        "Vận hành hệ thống quản lý chất lượng theo TCVN ISO 9001:2015",
        "Công chức Tài chính - Kế toán - Thường xuyên",
        "",
    ],
    ["8", "Triển khai thanh toán trực tuyến phí, lệ phí thủ tục hành chính", "Công an xã", "Tháng 10/2024"],
]
# the truth's three tasks: (code, lead, deadline)
TRUTH = [
    ("6", "Phòng Văn hóa - Xã hội", "Trước ngày 27/11/2024"),
    ("7", "Công chức Tài chính - Kế toán", "Thường xuyên"),
    ("8", "Công an xã", "Tháng 10/2024"),
]


def _table(confs: float | None) -> JoinedTable:
    rows = [
        JoinedRow(
            cells=list(c), bold=[False] * 4, page=2, line_start=33 + k, line_end=33 + k, fragment=0, confs=[confs] * 4
        )
        for k, c in enumerate(READ)
    ]
    return JoinedTable([HEADER], rows, [2], 4, "ocr-text", 32, 33 + len(READ), 0)


def test_a_deadline_read_at_the_end_of_the_lead_cell():
    rows = task_rows(_table(0.95))
    assert [(r.code, r.lead, r.deadline) for r in rows] == TRUTH
    assert "deadline_from_unit_cell" in rows[1].flags


def test_a_typed_cell_is_taken_as_printed():
    rows = task_rows(_table(None))
    assert rows[1].lead == "Công chức Tài chính - Kế toán - Thường xuyên" and rows[1].deadline == ""

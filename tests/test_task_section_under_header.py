"""A task table with no code column whose first section's heading sits close under the header: the
heading is the body's first row, not a label wrapped from the header. Recorded from a scanned plan
(tests/data/task_section_under_header: make_corpus seed 19001, S25 instance 2, page 2's Tesseract
words); the expected rows are that document's truth file's first tasks (section I)."""

from __future__ import annotations

import json
from pathlib import Path

from extract.ocr import unruled_ocr_tables
from extract.ocr_settings import OcrSettings
from extract.segment.joined import JoinedRow, JoinedTable
from extract.segment.task_tables import task_rows
from ocr_words import recorded_words

DATA = Path(__file__).parent / "data" / "task_section_under_header"

# (section, task, lead, deadline) of the truth file's first tasks, the section's own.
SECTION_I = [
    ("I", "Ban hành Kế hoạch kiểm tra công tác cải cách hành chính", "Công an xã", "20/09/2025"),
    (
        "I",
        "Tổ chức hội nghị sơ kết công tác cải cách hành chính 6 tháng đầu năm",
        "Công an xã",
        "Tháng 09/2025",
    ),
]


def test_the_first_sections_heading_under_a_codeless_header_is_no_wrapped_label():
    words = recorded_words(json.loads((DATA / "s25_page2_words.json").read_text(encoding="utf-8"))["words"])
    ((table, _),) = [t for t in unruled_ocr_tables(words, 2, OcrSettings()) if t[0].n_rows > 5]
    grid = table.text_rows()
    assert grid[0] == ["Nội dung công việc", "Đầu mối thực hiện", "Đơn vị phối hợp", "Thời hạn"]
    assert grid[1][1:] == ["", "", ""] and "CÔNG TÁC CHỈ ĐẠO" in grid[1][0]  # (its numeral as OCR read it)
    n = len(grid[0])
    body = [JoinedRow(cells, [False] * n, 1, 0, 0, 0, confs=[0.9] * n) for cells in grid[1:]]
    rows = task_rows(JoinedTable([grid[0]], body, [1], n, "ocr", 0, 0, 0))
    assert [(r.section, r.task, r.lead, r.deadline) for r in rows[:2]] == SECTION_I

"""A plan's task table at tab stops, scanned (S26 of seed 11221, instance 4: P07's tab-stops-wrapped
layout saved as an image; the words as Tesseract read them on page 2). Section III's line reads "HI
CẢI CÁCH TỔ CHỨC BỘ MÁY HÀNH CHÍNH NHÀ NƯỚC": its numeral misread, its long title running on past
the lead's stop as one label. Before, the line fitted no column (a misread numeral's title had to
stay in the task's column), it was left out of the table, and tasks 7-9 came out in section II
with nothing told (``pdf_task_columns._numeral_misread``).

Page 3 of the same scan, read before as seven columns: section V's numeral alone in the TT cell,
its title broken over the columns after it and no deadline. Before, the row was a task "V" whose
lead was the title's last words, and tasks 12-14 stayed in section IV
(``task_sections._title_across``). Truth (the generator's): sections I×4, II×2, III×3, IV×2, V×3."""

from __future__ import annotations

import json
from pathlib import Path

from extract.model import Word
from extract.ocr import unruled_ocr_tables
from extract.ocr_settings import OcrSettings
from extract.segment.joined import JoinedRow, JoinedTable
from extract.segment.task_tables import task_rows
from ocr_words import recorded_words

DATA = Path(__file__).parent / "data" / "task_spanning_title"


def _page_words() -> list[Word]:
    return recorded_words(json.loads((DATA / "s26_page2_words.json").read_text(encoding="utf-8"))["words"])


def _sections(grid: list[list[str]]) -> list[tuple[str | None, str | None]]:
    n = len(grid[0])
    body = [JoinedRow(cells, [False] * n, 1, 0, 0, 0, confs=[0.9] * n) for cells in grid[1:]]
    table = JoinedTable([grid[0]], body, [1], n, "ocr", 0, 0, 0)
    return [(r.section, r.code) for r in task_rows(table)]


def test_a_misread_numeral_whose_title_runs_across_the_columns_is_a_section():
    ((table, _),) = [t for t in unruled_ocr_tables(_page_words(), 2, OcrSettings()) if t[0].n_rows > 5]
    grid = table.text_rows()
    assert grid[0] == ["STT", "Nội dung nhiệm vụ", "Đơn vị thực hiện", "Thời gian hoàn thành"]
    heading = next(row for row in grid if row[1].startswith("CẢI CÁCH TỔ CHỨC BỘ MÁY"))
    assert heading[0] == "HI" and heading[3] == ""
    got = _sections(grid)
    assert [s for s, code in got if code in {"7", "8", "9"}] == ["III"] * 3
    assert [s for s, _ in got] == ["I"] * 4 + ["II"] * 2 + ["III"] * 3


# Page 3 as the scan's reader cut it on 6f8d522e (seven columns: the title's words at the stops).
PAGE3 = [
    ["STT", "Nội dung nhiệm vụ", "", "", "Đơn vị thực hiện", "", "Thời gian hoàn thành"],
    ["10", "Đánh giá, xếp loại cán bộ, công chức cuối năm", "", "", "Công an xã", "", "Cả năm 2023"],
    [
        "11",
        "Kiểm tra việc chấp hành kỷ luật, kỷ cương hành chính",
        "",
        "",
        "Công chức Văn hóa - Xã",
        "hội",
        "Quý II/2023",
    ],
    ["V", "XÂY DỰNG VÀ PHÁT TRIỂN CHÍNH", "QUYỀN", "ĐIỆN", "TỬ, CHÍNH QUYỀN SỐ", "", ""],
    [
        "12",
        "Triển khai thanh toán trực tuyến phí, lệ phí thủ tục hành chính",
        "",
        "",
        "Công chức Văn hóa - Xã",
        "hội",
        "Thường xuyên",
    ],
    ["13", "Duy trì Trang thông tin điện tử của xã", "", "", "Văn phòng - Thống kê", "", "Thường xuyên"],
]


def test_a_roman_numeral_whose_title_is_broken_over_the_columns_is_a_heading():
    got = _sections(PAGE3)
    assert ("V", "V") not in got and len(got) == 4
    assert [s for s, code in got if code in {"12", "13"}] == ["V", "V"]


def test_a_task_row_with_its_deadline_stays_a_task():
    rows = [PAGE3[0], ["V", "XÂY DỰNG TRANG", "THÔNG TIN", "", "CÔNG AN XÃ", "", "Quý II/2023"]]
    assert len(_sections(rows)) == 1

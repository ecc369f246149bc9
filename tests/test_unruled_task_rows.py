"""A plan's task table with no TT column and no ruling, scanned (S26 of seed 18251, instance 1: P08's
bold-tab-stops layout saved as an image; the words as Tesseract read them on page 2). The header's
"Đầu mối" read "Đâầu mối", so the task columns' reader did not know the header and the borderless
table reader (``pdf_unruled``) took the lines: it started a row only at a code, so each section's
heading and its two tasks came out as one row (two leads, two deadlines in one task), and section
III's heading, read "HI." and running across the lead's column, ended the table. Now a line that
fills again the columns the row above filled opens a row (``_fills_again``), a task's first line
under a heading alone opens one (``_task_under_title``), and a heading in capitals running across
the columns stays in the table as a row of its own (``spans_title``).

Expected values: the generator's truth file (s26-i1-p08-i1-bold-tab-stops.tif.truth.json)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from extract.model import Word
from extract.ocr import unruled_ocr_tables
from extract.ocr_settings import OcrSettings
from extract.pdf_task_columns import TaskColumnSettings
from extract.segment.joined import JoinedRow, JoinedTable
from extract.segment.tab_headers import task_header
from extract.segment.task_columns import map_columns
from extract.segment.task_tables import task_rows
from extract.segment.task_wording import specks_dropped
from extract.segment.unread_tasks import unread_merged_tasks
from normalize.units import deadlines_side_by_side
from ocr_words import recorded_words
from schemas.records import ExtractionResult, SourceRef, TaskRow, TaskTable

DATA = Path(__file__).parent / "data" / "unruled_task_rows"

# (section, task, lead, deadline) of each truth row.
TRUTH = [
    ("I", "Công bố danh mục văn bản hết hiệu lực, ngưng hiệu lực", "Bộ phận Một cửa", "Quý II/2023"),
    (
        "I",
        "Xây dựng Kế hoạch theo dõi thi hành pháp luật trên địa bàn xã",
        "Công chức Địa chính - Xây dựng",
        "Thường xuyên",
    ),
    ("II", "Đánh giá, xếp loại cán bộ, công chức cuối năm", "Công an xã", "Thường xuyên"),
    ("II", "Cử cán bộ, công chức tham gia đào tạo, bồi dưỡng", "Công chức Tư pháp - Hộ tịch", "23/12/2023"),
    ("III", "Triển khai thanh toán trực tuyến phí, lệ phí thủ tục hành chính", "Công an xã", "Cả năm 2023"),
    (
        "III",
        "Vận hành hệ thống quản lý chất lượng theo TCVN ISO 9001:2015",
        "Văn phòng - Thống kê",
        "Trước ngày 16/05/2023",
    ),
]


def _page_words() -> list[Word]:
    return recorded_words(json.loads((DATA / "s26_page2_words.json").read_text(encoding="utf-8"))["words"])


@pytest.mark.parametrize("task_reader", [False, True])
def test_codeless_tasks_without_ruling_are_a_row_each(task_reader: bool):
    """Read by the borderless table reader alone (as on main, the header unknown to the task columns'
    reader) and by the task columns' reader that now knows it: the same rows."""
    settings = OcrSettings(task_columns=TaskColumnSettings(enabled=task_reader))
    tables = [t for t, _ in unruled_ocr_tables(_page_words(), 2, settings) if t.n_rows > 2]
    assert len(tables) == 1  # the third section's heading ends no table
    grid = tables[0].text_rows()
    assert grid[0][1:] == ["Đâầu mối thực hiện", "Bộ phận phối hợp", "Tiến độ thực hiện"]
    headings = [row[0] for row in grid if row[1:] == ["", "", ""]]
    assert headings == [
        "I. CẢI CÁCH THỂ CHẾ",
        "II. CẢI CÁCH CHẾ ĐỘ CÔNG VỤ",
        "HI. XÂY DỰNG VÀ PHÁT TRIỂN CHÍNH QUYỀN ĐIỆN TỬ, CHÍNH QUYỀN SỐ",  # (its numeral as OCR read it)
    ]
    n = len(grid[0])
    body = [JoinedRow(cells, [False] * n, 1, 0, 0, 0, confs=[0.9] * n) for cells in grid[1:]]
    rows = task_rows(JoinedTable([grid[0]], body, [1], n, "ocr", 0, 0, 0))
    assert [(r.section, r.task, r.lead, r.deadline) for r in rows] == TRUTH


def test_two_tasks_read_as_one_row_are_told():
    """The row main read from this page for section I's two tasks (the source document: its first task's
    deadline "Quý II/2023", its second's "Thường xuyên", side by side in one cell) is told as rows not
    read; a deadline cell's own range or list is not."""
    merged = TaskRow(
        task="I. CẢI CÁCH THỂ CHẾ Công bố danh mục văn bản hết hiệu lực, ngưng hiệu lực Xây dựng Kế hoạch",
        lead="Bộ phận Một cửa, Công chức Địa chính - Xây dựng",
        deadline="Quý II/2023 Thường xuyên",
        source=SourceRef(page=2, line_start=24, line_end=24),
    )
    one = [TaskRow(task=t, deadline=d) for t, _, _, d in TRUTH]
    result = ExtractionResult(task_tables=[TaskTable(rows=[merged, *one])])
    (part,) = unread_merged_tasks(result)
    assert (part.page, part.kind, part.line_start) == (2, "rows", 24)
    for own in ("Từ tháng 01/2024 đến tháng 12/2024", "Quý I/2024, Quý III/2024", "Thường xuyên trong năm 2024"):
        assert not deadlines_side_by_side(own), own


def test_a_header_label_whose_vowel_ocr_read_twice_names_its_column():
    """The page's header as Tesseract read it: "Đâầu mối thực hiện" (printed "Đầu mối thực hiện", the
    source document) is the lead's column; the task columns' reader now knows the header."""
    labels = ["Nhiệm vụ", "Đâầu mối thực hiện", "Bộ phận phối hợp", "Tiến độ thực hiện"]
    assert map_columns(labels) == {"task": 0, "lead": 1, "coordinator": 2, "deadline": 3}
    assert task_header(labels) is not None


def test_a_spacing_accent_opening_a_cell_is_a_speck():
    """Seed 18251's S12 instance 9 (a ruled task annex, scanned): its product cell read "ˆ Báo cáo"; the
    truth file's product is "Báo cáo"."""
    assert specks_dropped("ˆ Báo cáo") == "Báo cáo"
    assert specks_dropped("“Thực hiện") == "Thực hiện"  # (as before: an opening quote no quote closes)


def test_a_section_numeral_apart_opens_its_row():
    """S25 of seed 18253, instance 1 (P07's tab stops with a TT column, scanned; page 2 as Tesseract
    read it): section III's line "IH  Xây dựng và phát triển chính quyền điện tử, chính quyền số", its
    numeral misread and its title in sentence case, went into task 5 (the title's word spaces taken
    for gutters, seven columns) and tasks 6-7 came out in section II with a task lost. The truth
    file's: task 5 in section II, tasks 6 and 7 in section III."""
    raw = json.loads((DATA / "s25_page2_words.json").read_text(encoding="utf-8"))["words"]
    words = recorded_words(raw)
    ((table, _),) = unruled_ocr_tables(words, 2, OcrSettings())
    grid = table.text_rows()
    assert table.n_cols == 4
    assert [row[0] for row in grid[1:]] == ["1", "2", "3", "II", "4", "5", "IH", "6", "7"]
    assert grid[6][1] == "Kiểm tra việc chấp hành kỷ luật, kỷ cương hành chính"
    assert grid[7][1:] == ["Xây dựng và phát triển chính quyền điện tử, chính quyền số", "", ""]

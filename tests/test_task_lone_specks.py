"""Specks OCR read into a scanned plan's task cells that no review entry named (seed 16001's scans
of the typed plans N53, N77 and N57, instance 4 each): the last task's product "Thông báo" read
"- Thông báo" (S27: no other product of the column opens with a mark), "… đúng quy định" read
"… đúng quy định +" (S33) and "… tại Bộ phận Một cửa" read "… tại ˆ Bộ phận Một cửa" (S28: a
circumflex alone between the words). A list mark is a column's habit, so one mark alone before a
single item is a speck (``task_lone_marks``); a spacing accent alone, or a plus closing a cell, is
a speck (``task_wording.specks_dropped``). The cells are Tesseract's on those pages; the truth the
generator's."""

from __future__ import annotations

from extract.segment.task_lone_marks import lone_marks_dropped
from extract.segment.task_wording import reword_tasks, specks_dropped
from schemas.records import TaskRow, TaskTable

# S27 (N53, instance 4): the product column as Tesseract read it; the truth's products.
READ_PRODUCTS = [
    "Văn bản chỉ đạo",
    "Kế hoạch",
    "Quyết định",
    "Báo cáo",
    "Hồ sơ lưu trữ",
    "Danh mục công bố",
    "Kế hoạch",
    "Biên bản kiểm tra",
    "Trang thông tin được cập nhật",
    "Trang thông tin được cập nhật",
    "Kế hoạch",
    "Danh mục công bố",
    "Văn bản chỉ đạo",
    "- Thông báo",
]
TRUTH_PRODUCTS = [*READ_PRODUCTS[:-1], "Thông báo"]


def _table(products: list[str]) -> TaskTable:
    rows = [TaskRow(code=str(k + 1), task="Xây dựng Kế hoạch", product=p) for k, p in enumerate(products)]
    return TaskTable(title="", pages=[2], columns=[], form="table", rows=rows)


def test_a_lone_mark_in_a_column_of_unmarked_cells_is_a_speck():
    (table,) = reword_tasks([_table(READ_PRODUCTS)], ocr=True)
    assert [r.product for r in table.rows] == TRUTH_PRODUCTS


def test_a_column_that_marks_its_items_keeps_them():
    marked = ["- Báo cáo", "- Kế hoạch", "Quyết định", "Thông báo", "Kế hoạch"]
    assert [r.product for r in lone_marks_dropped(_table(marked)).rows] == marked
    listed = ["- Báo cáo - Kế hoạch", "Quyết định", "Thông báo", "Kế hoạch"]
    assert [r.product for r in lone_marks_dropped(_table(listed)).rows] == listed
    few = ["- Báo cáo", "Quyết định"]  # too few cells to say what the column does
    assert [r.product for r in lone_marks_dropped(_table(few)).rows] == few


def test_a_lone_accent_or_a_closing_plus_is_a_speck():
    # S33 (N77) row 8 and S28 (N57) row 3, as Tesseract read them; the truth's tasks
    assert (
        specks_dropped("Quản lý, sử dụng tài sản công đúng quy định +") == "Quản lý, sử dụng tài sản công đúng quy định"
    )
    read = "Niêm yết, công khai thủ tục hành chính tại ˆ Bộ phận Một cửa"
    assert specks_dropped(read) == "Niêm yết, công khai thủ tục hành chính tại Bộ phận Một cửa"
    assert specks_dropped("Tỷ lệ hồ sơ đạt ≥ 95%") == "Tỷ lệ hồ sơ đạt ≥ 95%"

"""A report's task list for the coming year (issue 14: the queue's load on right values): its
deadlines in the year its own title names are no "year outside the plan's period"; and a task item
numbered with a bracket ("8)", OCR's reading of an "a)") keeps the mark out of the task's words."""

from __future__ import annotations

from extract.segment.task_doubts import doubt_tasks
from extract.segment.task_paragraphs import parse_task
from schemas.records import TaskRow, TaskTable


def _year_doubts(title: str) -> list[str]:
    row = TaskRow(task="Xây dựng Kế hoạch tuyên truyền cải cách hành chính", deadline="Tháng 04/2024")
    (table,) = doubt_tasks([TaskTable(title=title, rows=[row], form="paragraphs")], ocr=True, period="năm 2023")
    return [f for f in table.rows[0].flags if "outside the plan's period" in f]


def test_a_task_list_titled_for_next_year_sets_its_deadlines_in_it():
    assert _year_doubts("II. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2024") == []
    assert _year_doubts("II. NHIỆM VỤ TRỌNG TÂM") != []  # no year of its own: the report's period holds


def test_a_bracketed_number_marks_the_item():
    text = (
        "8) Ban hành Kế hoạch kiểm tra công tác cải cách hành chính (Sản phẩm: Hồ sơ lưu trữ; chủ trì: "
        "Phòng Kinh tế; Thời gian thực hiện: Thường xuyên; phối hợp: Các ngành liên quan)."
    )
    task = parse_task(text)
    assert task is not None and task["task"] == "Ban hành Kế hoạch kiểm tra công tác cải cách hành chính"
    assert task["code"] == ""

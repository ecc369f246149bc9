"""A task row that prints no deadline or no lead where the rest of its table prints them (a cell
merged over a run of rows, read into the first row alone) goes to review; a table that prints
the field for a few rows only says nothing of the rows without it."""

from cchc_extract.reconcile import reconcile
from cchc_extract.reconcile.task_blanks import blank_fields
from schemas.records import ExtractionResult, TaskRow, TaskTable


def task(code: str, deadline: str, lead: str) -> TaskRow:
    return TaskRow(code=code, section="I", task=f"Nhiệm vụ {code}", deadline=deadline, lead=lead, confidence=1.0)


def merged_runs() -> TaskTable:
    return TaskTable(
        rows=[
            task("1", "Quý IV/2023", "Văn phòng - Thống kê"),
            task("2", "", ""),
            task("3", "Tháng 07/2023", "Công an xã"),
            task("4", "", ""),
            task("5", "Quý II/2023", "Công chức Tài chính - Kế toán"),
        ]
    )


def test_rows_blank_under_a_merged_cell_are_found():
    assert blank_fields(merged_runs()) == {1: ("deadline", "lead"), 3: ("deadline", "lead")}
    # a deadline printed for one row of five is no column every row fills
    few = TaskTable(
        rows=[task("1", "Quý I/2024", "Công an xã"), *(task(str(k), "", "Công an xã") for k in range(2, 6))]
    )
    assert blank_fields(few) == {}


def test_rows_blank_under_a_merged_cell_go_to_review():
    result = ExtractionResult(task_tables=[merged_runs()])
    reconcile(result)
    queued = {r.item: r.reason for r in result.review}
    assert set(queued) == {"/task_tables/0/rows/1", "/task_tables/0/rows/3"}
    assert "merged" in queued["/task_tables/0/rows/1"]


def test_an_empty_row_or_a_blank_above_every_filled_cell_is_no_merged_cell():
    table = merged_runs()
    # a row the reader made with no task in it, and a first task whose cells come below it
    empty = TaskRow(code="", section="I", confidence=1.0)
    first = task("0", "", "")
    assert blank_fields(TaskTable(rows=[empty, first, *table.rows])) == {
        3: ("deadline", "lead"),
        5: ("deadline", "lead"),
    }

"""Where a task starts in a task table with no code column and no bullet (extract.segment.task_starts):
the line that fills the other columns, a bold line after one in roman; a grid row holding the task's
words alone is its next line unless a cell merged down over it stands beside them."""

from __future__ import annotations

from extract.segment.task_starts import fills_task_columns, opens_by_bold, task_line_goes_on

MAPPING = {"task": 0, "lead": 1, "coordinator": 2, "deadline": 3}


def test_a_line_filling_the_other_columns_opens_a_task():
    assert fills_task_columns([True, True, True, True], 0)
    assert fills_task_columns([True, True, False, True], 0)  # (a task with no coordinator)
    assert not fills_task_columns([True, False, False, False], 0)  # a task's next words
    assert not fills_task_columns([True, True, False, False], 0)  # a long lead broken under its column
    assert not fills_task_columns([False, True, True, True], 0)  # nothing in the task's column


def test_bold_opens_only_after_a_line_in_roman():
    assert opens_by_bold(True, False)
    assert not opens_by_bold(True, True)  # a table all in bold tells nothing by it
    assert not opens_by_bold(True, None)  # (no line before it in the table)
    assert not opens_by_bold(False, False)


def test_a_grid_row_of_the_task_words_alone_goes_on_unless_a_cell_is_merged_down_over_it():
    words = {"task": "cách hành chính", "lead": "", "coordinator": "", "deadline": ""}
    assert task_line_goes_on(words, [None] * 4, MAPPING)
    assert not task_line_goes_on(words, [None, "Văn phòng", None, None], MAPPING)  # (a lead printed once)
    filled = dict(words, lead="Công an xã", deadline="Quý I/2026")
    assert not task_line_goes_on(filled, [None] * 4, MAPPING)
    assert not task_line_goes_on(words, [None] * 5, {**MAPPING, "code": 4})  # a numbered table's row

"""A plan's task framework scanned with its units as letter-marked columns (S33 of seed 18001,
instance 3: N76's unit-matrix layout, "PHỤ LỤC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2025"). The
generator's truth has no score table and twelve task rows. Both readers read the grid on page 2:
the task reader its twelve tasks (lines 30–45), the score reader seventeen coded lines (29–45:
the five section headings I–V and the tasks) with no maximum and no score, each queued as a row
whose figures were lost: nine review entries on a document with no wrong value. A score table
with no figure in any row, over a task table's lines, is the plan read twice
(``stat_unread.outside_tasks``); one with a figure read is kept. The rows below are the two
tables as read (codes and line numbers of the scan's output at fb7c674a)."""

from __future__ import annotations

from extract.segment.stat_unread import outside_tasks
from schemas.records import ScoreRow, ScoreTable, SourceRef, TaskRow, TaskTable

# (code, line) of the score reader's rows: headings I–V and the plan's tasks, on page 2.
SCORE_LINES = [
    ("I", 29), ("1", 30), ("2", 31), ("II", 32), ("3", 33), ("4", 34), ("5", 35), ("III", 36), ("6", 37),
    ("7", 38), ("IV", 39), ("8", 40), ("9", 41), ("10", 42), ("V", 43), ("V.1.1", 44), ("V.1.2", 45),
]  # fmt: skip
# The truth's twelve tasks, numbered 1–12, on the lines the task reader read them from.
TASK_LINES = [30, 31, 33, 34, 35, 37, 38, 40, 41, 42, 44, 45]


def _at(line: int) -> SourceRef:
    return SourceRef(page=2, line_start=line, line_end=line)


def _scores(max_points: float | None = None) -> ScoreTable:
    rows = [ScoreRow(code=code, name="", source=_at(line)) for code, line in SCORE_LINES]
    rows[1].max_points = max_points
    return ScoreTable(title="PHỤ LỤC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2025", rows=rows, read_from="ocr-lines")


TASKS = TaskTable(rows=[TaskRow(code=str(k + 1), source=_at(line)) for k, line in enumerate(TASK_LINES)])


def test_a_score_table_with_no_figure_over_a_task_tables_lines_is_dropped():
    assert outside_tasks([_scores()], [TASKS]) == []


def test_a_score_table_with_a_figure_or_no_task_table_is_kept():
    assert len(outside_tasks([_scores(max_points=2.0)], [TASKS])) == 1
    assert len(outside_tasks([_scores()], [])) == 1

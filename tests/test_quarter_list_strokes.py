"""Quarter lists a scan read with a stroke lost (issue 11): S27 of seed 11221, instance 4 (N53's
plan scanned at 300 dpi) and S21's instance 4 (N37's), the deadlines as Tesseract read them on
6f8d522e beside the generator's truth. "Quý II, III" read "Quý II, II", "Quý II - III" read "Quý II -
II", "Quý I, II, III, IV" read "Quý I, II, II, IV": a plan lists its quarters in order, each once,
and one stroke added to one numeral puts the list in order (``quarter_lists.stroke_lost``). Before,
the rows were queued with the reading left wrong; now the numeral is put, the row still queued
with the reading in its doubt."""

from __future__ import annotations

from extract.segment.quarter_lists import stroke_lost
from extract.segment.task_doubts import doubt_tasks
from schemas.records import TaskRow, TaskTable

# (as Tesseract read it, the generator's truth)
READ = [
    ("Quý II, II", "Quý II, III"),
    ("Quý II - II", "Quý II - III"),
    ("Quý I, II, II, IV", "Quý I, II, III, IV"),
]


def test_a_list_one_lost_stroke_put_out_of_order_is_put_back():
    for read, truth in READ:
        assert stroke_lost(read) == truth


def test_a_list_in_order_or_one_no_single_lost_stroke_orders_is_left():
    for printed in ("Quý II, III", "Quý I, II, III, IV", "Quý III - IV/2023", "Quý IV năm 2023", "Hằng quý"):
        assert stroke_lost(printed) is None
    assert stroke_lost("Quý III, II") is None  # no stroke added orders it: left, doubted


def test_the_row_is_put_right_and_stays_queued():
    rows = [TaskRow(code=str(k + 1), task="Rà soát văn bản", deadline=read) for k, (read, _) in enumerate(READ)]
    (table,) = doubt_tasks([TaskTable(rows=rows)], ocr=True)
    assert [r.deadline for r in table.rows] == [truth for _, truth in READ]
    for row, (read, _) in zip(table.rows, READ):
        said = [f for f in row.flags if f.startswith("doubt: deadline: quarters listed out of order")]
        assert said and f"(was '{read}')" in said[0]

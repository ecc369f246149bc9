"""A report's task list set in the year after its period (S09 of seed 18001, instance 8: P06's
report layout scanned, "Kết quả thực hiện công tác cải cách hành chính năm 2026" dated 07/02/2027,
its next year's tasks printed as paragraphs). The generator's truth gives the sixteen deadlines
below, every one in 2027: each was doubted as a year "outside the plan's period" (2026), sixteen
review entries on a document with no wrong value. A year most of the list's deadlines print is the
list's own year, as a title naming it says (``task_doubts._own_years``); a year OCR misread lands on
one row, and stays doubted."""

from __future__ import annotations

from extract.segment.task_doubts import doubt_tasks
from schemas.records import TaskRow, TaskTable

# The truth file's deadlines, in order (the scan's OCR read them as printed).
TRUTH = [
    "Cả năm 2027",
    "23/03/2027",
    "Quý IV/2027",
    "26/06/2027",
    "Cả năm 2027",
    "Quý IV/2027",
    "Tháng 07/2027",
    "Quý IV/2027",
    "Cả năm 2027",
    "14/02/2027",
    "Cả năm 2027",
    "Tháng 11/2027",
    "Quý II/2027",
    "Quý III/2027",
    "Tháng 03/2027",
    "Cả năm 2027",
]
OUTSIDE = "outside the plan's period"


def _flags(deadlines: list[str], period: str) -> list[list[str]]:
    table = TaskTable(
        rows=[TaskRow(code=str(k + 1), task="Rà soát văn bản", deadline=d) for k, d in enumerate(deadlines)]
    )
    return [r.flags for r in doubt_tasks([table], ocr=True, period=period)[0].rows]


def test_the_year_every_deadline_prints_is_the_lists_own():
    assert not any(OUTSIDE in f for flags in _flags(TRUTH, "năm 2026") for f in flags)


def test_one_deadline_in_another_year_is_still_doubted():
    read = [*TRUTH[:5], "Quý IV/2028", *TRUTH[6:]]
    flags = _flags(read, "năm 2026")
    assert any("year 2028 " + OUTSIDE in f for f in flags[5])
    assert not any(OUTSIDE in f for k, row in enumerate(flags) if k != 5 for f in row)


def test_a_year_of_two_rows_is_no_lists_own():
    read = ["Quý IV/2027", "23/03/2027", "Cả năm 2026", "Tháng 07/2026", "Quý II/2026"]
    flags = _flags(read, "năm 2026")
    assert all(any(OUTSIDE in f for f in flags[k]) for k in (0, 1))

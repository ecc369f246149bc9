"""A deadline's year whose decade OCR misread (S25 of seed 11221, instance 3: P07's no-code-column
layout scanned at 300 dpi, a plan for 2026; the deadlines as Tesseract read them on 6f8d522e). The
generator's truth prints "04/09/2026"; OCR read "04/09/2046". The year outside the plan's period was
doubted, the reading left. One digit of its decade away from the plan's one year, it is that year
misread (``task_doubts._decade_misread``): put, still doubted. A year off by its last digit may be
a deadline the plan sets in the next year: doubted, left."""

from __future__ import annotations

from extract.segment.task_doubts import doubt_tasks
from schemas.records import TaskRow, TaskTable

READ = [
    "Thường xuyên",
    "25/09/2026",
    "Cả năm 2026",
    "Trước ngày 06/12/2026",
    "Tháng 06/2026",
    "04/09/2046",
    "Tháng 04/2026",
    "Trước ngày 09/01/2026",
    "Quý IV/2026",
]
TRUTH = [*READ[:5], "04/09/2026", *READ[6:]]


def _rows(deadlines: list[str], period: str) -> list[TaskRow]:
    table = TaskTable(
        rows=[TaskRow(code=str(k + 1), task="Rà soát văn bản", deadline=d) for k, d in enumerate(deadlines)]
    )
    return doubt_tasks([table], ocr=True, period=period)[0].rows


def test_a_year_whose_decade_ocr_misread_is_the_plans_year():
    rows = _rows(READ, "năm 2026")
    assert [r.deadline for r in rows] == TRUTH
    assert any("outside the plan's period put 2026 (was '04/09/2046')" in f for f in rows[5].flags)


def test_a_year_off_by_its_last_digit_or_in_a_period_of_years_is_left():
    assert [r.deadline for r in _rows(["15/01/2027"], "năm 2026")] == ["15/01/2027"]
    assert [r.deadline for r in _rows(["04/09/2046"], "giai đoạn 2021-2025")] == ["04/09/2046"]

"""A periodic deadline whose breve OCR lost (S27 of seed 11221, instance 4: N53's plan scanned at
300 dpi; the deadlines as Tesseract read them on 6f8d522e beside the generator's truth). Row 1 reads
"Hằng quý", row 2 "Thường xuyên, hàng quý" for "Thường xuyên, hằng quý": both spellings are words,
so the deadline alone shows nothing, and the row went wrong with nothing told. The plan spells its
periodic word one way: the table's other deadline prints the breve (``periodic_words``)."""

from __future__ import annotations

from extract.segment.periodic_words import PERIODIC_SPELT, spelt_as_the_table
from extract.segment.task_doubts import doubt_tasks
from schemas.records import TaskRow, TaskTable

READ = ["Hằng quý", "Thường xuyên, hàng quý", "Quý II - III", "Quý II, II", "Tháng 6 và tháng 12"]
TRUTH = ["Hằng quý", "Thường xuyên, hằng quý", "Quý II - III", "Quý II, III", "Tháng 6 và tháng 12"]


def _table(deadlines: list[str]) -> TaskTable:
    return TaskTable(
        rows=[TaskRow(code=str(k + 1), task="Rà soát văn bản", deadline=d) for k, d in enumerate(deadlines)]
    )


def test_a_periodic_word_read_without_its_breve_takes_the_tables_spelling():
    (table,) = doubt_tasks([_table(READ)], ocr=True)
    assert [r.deadline for r in table.rows] == TRUTH
    assert any(f.startswith(PERIODIC_SPELT) for f in table.rows[1].flags)


def test_a_plan_that_spells_hang_is_left_as_printed():
    printed = ["Hàng quý", "Thường xuyên, hàng quý", "Hằng tháng"]
    assert [r.deadline for r in spelt_as_the_table(_table(printed)).rows] == printed
    alone = ["Thường xuyên, hàng quý", "Quý I/2024"]
    assert [r.deadline for r in spelt_as_the_table(_table(alone)).rows] == alone

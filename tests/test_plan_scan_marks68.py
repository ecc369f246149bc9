"""Two task fields of seed 13001's held-out plan scans (S26: P07 and P08 printed, saved as images and
read by Tesseract) read wrong at main 7f36aba1, two of the nine task fields P08/S25/S26 lost (1237/1246;
the other seven: one task row of an S25 tab-stops scan not found):

- instance 2 (P07 no-code-tab-stops): the deadline "26/09/2023" read "2609/2023", its first slash
  lost. Four digits that are a day and a month before a year's slash are no deadline's spelling (a
  month prints "09/2023"): the slash is put back (``units.spell_deadline``).
- instance 3 (P08 bold-grid-lines): the task "… cải cách hành chính 6 tháng đầu năm" read
  "… hành chính.6 tháng …", a speck read as a stop glued between a word and a number, unqueued.
  A sentence's stop has a space after it, a decimal's digits both sides: the stop is the space it
  stands in (``task_word_mends``, noted on the row).

The cells are Tesseract's readings on those pages; the truth the generator's."""

from __future__ import annotations

from extract.segment.task_doubts import doubt_tasks
from extract.segment.task_word_mends import GLUED_STOP
from normalize.units import spell_deadline
from schemas.records import SourceRef, TaskRow, TaskTable


def test_a_date_whose_first_slash_ocr_lost():
    assert spell_deadline("2609/2023") == "26/09/2023"
    assert spell_deadline("Trước ngày 2609/2023") == "Trước ngày 26/09/2023"
    # a month and a year, a date whole, four digits that are no day and month: as printed
    assert [spell_deadline(t) for t in ("09/2023", "26/09/2023", "3209/2023")] == ["09/2023", "26/09/2023", "3209/2023"]


def test_a_stop_glued_between_a_word_and_a_number():
    read = TaskRow(
        section="I",
        task="Tổ chức hội nghị sơ kết công tác cải cách hành chính.6 tháng đầu năm",
        product="Văn bản chỉ đạo",
        deadline="Cả năm 2025",
        lead="Công chức Văn hóa - Xã hội",
        coordinator="Các ngành liên quan",
        confidence=0.9,
        source=SourceRef(page=2),
    )
    (table,) = doubt_tasks([TaskTable(title="", pages=[2], columns=[], rows=[read])], ocr=True)
    (row,) = table.rows
    assert row.task == "Tổ chức hội nghị sơ kết công tác cải cách hành chính 6 tháng đầu năm"
    assert any(f.startswith(GLUED_STOP) for f in row.flags)
    # a decimal, a code, an abbreviation keep their stops
    kept = TaskRow(section="I", task="Chi 1.000 triệu đồng theo TP.HCM, v.v.", confidence=0.9, source=SourceRef(page=2))
    (table,) = doubt_tasks([TaskTable(title="", pages=[2], columns=[], rows=[kept])], ocr=True)
    assert table.rows[0].task == kept.task

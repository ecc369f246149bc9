"""A scanned plan's task with a word's last letter read apart (seed 17281's S26 image of P08,
instance 3): "Triển khai thanh toán trực tuyến phí, …" read "… thanh tóa n trực tuyến …", "tóa" a
syllable, so neither the syllable check nor the letters-apart check (two lone letters side by
side) named it. A lone small letter that is no word, between two words, is a word OCR broke: the
task is queued (``task_doubts._letters_apart``); a legal reference's letter after its noun is no
doubt. The task as Tesseract read it on that page; the truth the generator's."""

from __future__ import annotations

from extract.segment.task_doubt_settings import DOUBT
from extract.segment.task_doubts import doubt_tasks
from schemas.records import TaskRow, TaskTable

READ = "Triển khai thanh tóa n trực tuyến phí, lệ phí thủ tục hành chính"
TRUTH = "Triển khai thanh toán trực tuyến phí, lệ phí thủ tục hành chính"


def _doubts(task: str) -> list[str]:
    row = TaskRow(code="12", task=task, deadline="Quý II/2026", lead="Công an xã")
    (table,) = doubt_tasks([TaskTable(title="", pages=[2], columns=[], form="table", rows=[row])], ocr=True)
    return [f for f in table.rows[0].flags if f.startswith(f"{DOUBT}task")]


def test_a_letter_read_apart_from_its_word_is_queued():
    assert any("'tóa n'" in f for f in _doubts(READ))
    assert not _doubts(TRUTH)
    assert not _doubts("Rà soát văn bản theo điểm c khoản 2 Điều 5")

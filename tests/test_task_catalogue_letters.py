"""A scanned plan's task a letter off a fixed term (seed 16001's S32 scan of N73, instance 4): the
fourth task "Tiếp nhận, xử lý phản ánh, kiến nghị của cá nhân, tổ chức" read "Tiến nhận, …", both
syllables Vietnamese and their marks the catalogue's, so no doubt named it. A run of four words
of a catalogue phrase, accent-free, but for one word one letter off is the phrase: the catalogue's
word put and the reading queued (``task_catalogue_letters``). The task as Tesseract read it on that
page; the truth the generator's."""

from __future__ import annotations

from extract.segment.task_catalogue_letters import catalogue_letters
from extract.segment.task_doubt_settings import DOUBT
from extract.segment.task_doubts import doubt_tasks
from schemas.records import TaskRow, TaskTable

READ = "Tiến nhận, xử lý phản ánh, kiến nghị của cá nhân, tổ chức"
TRUTH = "Tiếp nhận, xử lý phản ánh, kiến nghị của cá nhân, tổ chức"


def test_a_fixed_term_a_letter_off_is_put_and_queued():
    row = TaskRow(code="4", task=READ, product="Kết quả giải quyết", deadline="Quý I/2024", lead="Công an xã")
    (table,) = doubt_tasks([TaskTable(title="", pages=[2], columns=[], form="table", rows=[row])], ocr=True)
    (got,) = table.rows
    assert got.task == TRUTH
    assert any(f.startswith(f"{DOUBT}task: 'Tiến' read") for f in got.flags)


def test_words_the_catalogue_prints_stay():
    for text in (
        TRUTH,
        "Xây dựng Kế hoạch cải cách hành chính năm 2024",
        "Vận hành hệ thống quản lý chất lượng theo TCVN ISO 9001:2015",
        "Rà soát, kiểm tra văn bản quy phạm pháp luật do HĐND, UBND xã ban hành",
    ):
        assert catalogue_letters(text) == (text, [])

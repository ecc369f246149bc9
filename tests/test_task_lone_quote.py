"""A speck OCR read as a quote mark held to a word inside a scanned plan's task (seed 18001's S27
scan of an N53 plan: "Vận hành hệ thống quản lý chất lượng theo 'TCVN ISO 9001:2015"; the
generator's truth prints no quote). A quote a plan types comes in pairs ("'Một cửa'", "“Dân
vận khéo”"); one alone, opening or closing a word, with no partner in the field, is a speck: taken
out, as the other specks read as marks inside a field's words (``task_doubts._STRAY_MARK``)."""

from __future__ import annotations

from extract.segment.task_doubts import doubt_tasks
from schemas.records import TaskRow, TaskTable


def _table(*rows: TaskRow) -> TaskTable:
    return TaskTable(title="", pages=[1], rows=list(rows))


def test_a_lone_quote_held_to_a_word_is_a_speck_taken_out():
    rows = [
        TaskRow(task="Vận hành hệ thống quản lý chất lượng theo 'TCVN ISO 9001:2015"),
        TaskRow(task="Duy trì mô hình' Dân vận khéo", product="Báo cáo kết quả‘"),
        TaskRow(task="Thực hiện mô hình 'Một cửa' tại xã", product="Mô hình “Dân vận khéo” được duy trì"),
    ]
    out = doubt_tasks([_table(*rows)], ocr=True)[0].rows
    assert out[0].task == "Vận hành hệ thống quản lý chất lượng theo TCVN ISO 9001:2015"
    assert (out[1].task, out[1].product) == ("Duy trì mô hình Dân vận khéo", "Báo cáo kết quả")
    # quotes in pairs are the plan's own
    assert (out[2].task, out[2].product) == (rows[2].task, rows[2].product)

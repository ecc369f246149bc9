"""A task's bullet OCR read as a letter and a mark (S26 of seed 11222, instance 2: P07's codeless
layout at tab stops, a bullet opening each task, saved as an image; the task as Tesseract read it on
6f8d522e). Truth (the generator's): "Duy trì Trang thông tin điện tử của xã"; read "s* Duy trì …",
wrong with nothing told (the bullet is no word, and no doubt weighs a mark). A mark no word holds, a
letter at most beside it, before the capital a task opens with, is the bullet: taken out
(``task_doubts._MISREAD_BULLET``)."""

from __future__ import annotations

from extract.segment.task_doubts import doubt_tasks
from schemas.records import TaskRow, TaskTable


def _tasks(texts: list[str]) -> list[str]:
    table = TaskTable(rows=[TaskRow(task=t, lead="Văn phòng - Thống kê", deadline="Thường xuyên") for t in texts])
    return [r.task for r in doubt_tasks([table], ocr=True)[0].rows]


def test_a_bullet_read_as_a_letter_and_a_mark_is_taken_out():
    assert _tasks(["s* Duy trì Trang thông tin điện tử của xã"]) == ["Duy trì Trang thông tin điện tử của xã"]


def test_an_item_label_or_a_mark_inside_the_words_stays():
    kept = ["a) Xây dựng Kế hoạch kiểm tra", "Xây dựng Kế hoạch * năm 2025"]
    assert _tasks(kept) == kept


def test_a_bullet_read_as_an_underscore_is_taken_out():
    """An S12 plan scan (seed 15001, instance 9, a product "Thông báo" under a dash bullet) read
    "_ Thông báo" on fc109027: a product with a mark no word holds, wrong and not queued."""
    table = TaskTable(rows=[TaskRow(task="Triển khai thanh toán trực tuyến", product="_ Thông báo", lead="UBND xã")])
    assert doubt_tasks([table], ocr=True)[0].rows[0].product == "Thông báo"
    assert _tasks(["_ Tổ chức tập huấn", "Tổ chức hội nghị_ năm 2025"]) == [
        "Tổ chức tập huấn",
        "Tổ chức hội nghị_ năm 2025",
    ]

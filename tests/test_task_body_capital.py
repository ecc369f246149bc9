"""A coordinator cell whose opening capital OCR read as the small letter of its shape (S21 of the
lead's held-out seed, instance 4: an N37 plan scanned; the cell as Tesseract read it on c104f28b:
"các đoàn thể, Các thôn, tổ dân phố"; truth, the generator's: "Các đoàn thể, Các thôn, tổ dân
phố") was wrong with nothing told. A body's name opens with a capital: a small look-alike letter
opening a lead's or coordinator's cell is put back (``task_word_mends._opening_raised``) and the
row notes it; a letter of no look-alike shape, or a typed page, is left as read."""

from __future__ import annotations

from extract.segment.task_doubts import doubt_tasks
from schemas.records import TaskRow, TaskTable


def _bodies(coordinator: str, ocr: bool = True) -> tuple[str, list[str]]:
    row = TaskRow(task="Gửi, nhận văn bản điện tử có ký số", lead="Văn phòng - Thống kê", coordinator=coordinator)
    (out,) = doubt_tasks([TaskTable(rows=[row])], ocr=ocr)[0].rows
    return out.coordinator, out.flags


def test_a_bodys_opening_capital_read_small_is_put_back_and_noted():
    put, flags = _bodies("các đoàn thể, Các thôn, tổ dân phố")
    assert put == "Các đoàn thể, Các thôn, tổ dân phố"
    assert any(f.startswith("body_capital_raised: coordinator") for f in flags)


def test_other_small_letters_and_typed_pages_are_left():
    assert _bodies("bộ phận Một cửa")[0] == "bộ phận Một cửa"
    assert _bodies("các đoàn thể", ocr=False)[0] == "các đoàn thể"

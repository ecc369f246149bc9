"""A field's subtotal row whose "Cộng" lost its first letters to the cell's rule on a scan: Tesseract
read "Cộng mục 5" as "ng mục 5" (seed 12131's S21 scan of N35, whose fields print no points and are
each closed by "Cộng mục N"). Not known for a subtotal, the row was read as an invented criterion 5.4
"ng mục 5" and field 5 lost its points (10 and 10 → None). What is left of the word still opens a
subtotal before a group's word and its number (``field_subtotals.subtotal_number``)."""

from __future__ import annotations

from extract.segment.field_subtotals import subtotal_number
from normalize.text import fold


def test_a_subtotal_whose_first_letters_a_scan_lost_is_a_subtotal():
    assert subtotal_number(fold("ng mục 5")) == (True, "5")  # the label as Tesseract read it
    assert subtotal_number(fold("ông mục 2")) == (True, "2")
    assert subtotal_number(fold("ng lĩnh vực II")) == (True, "ii")
    assert subtotal_number(fold("Cộng mục 5")) == (True, "5")


def test_what_is_left_of_the_word_needs_its_group_and_number():
    for text in ("ng mục", "ng", "ong", "ngân sách", "Công khai tài chính", "Ông Nguyễn Văn A"):
        assert subtotal_number(fold(text))[0] is False, text

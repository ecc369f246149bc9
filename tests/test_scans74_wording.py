"""A task's fixed term whose tone mark OCR dropped on a clean word ("lê phí" for "lệ phí", both
syllables of the language) is put back from the phrase catalogue (``task_wording``): the catalogue
now holds the wording of fees paid online ("thanh toán trực tuyến phí, lệ phí thủ tục hành chính").
The task is an S26 TIFF's (seed 18001, s26-i4-p07-i4-no-code-column.tif) as Tesseract read it; the
expected wording is the generator's truth file's task."""

from __future__ import annotations

from extract.segment.task_wording import catalogue_wording


def test_a_fee_s_tone_mark_lost_on_a_clean_word_is_the_catalogue_s():
    read = "Triển khai thanh toán trực tuyến phí, lê phí thủ tục hành chính"
    assert catalogue_wording(read) == "Triển khai thanh toán trực tuyến phí, lệ phí thủ tục hành chính"


def test_a_surname_outside_the_term_keeps_its_marks():
    assert catalogue_wording("Ông Lê Văn Phí, công chức Văn phòng") == "Ông Lê Văn Phí, công chức Văn phòng"

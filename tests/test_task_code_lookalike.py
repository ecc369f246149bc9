"""A task paragraph's number whose first digit OCR read as a letter of its shape (seed 18001's S05
instance 4, a scanned P02 plan of numbered paragraphs: "S.4. Vận hành hệ thống quản lý chất lượng
theo TCVN ISO 9001:2015 …" for "5.4."). Before, "S.4." was no item number, so it stayed at the head
of the task's words (the generator's truth: "Vận hành hệ thống quản lý chất lượng theo TCVN ISO
9001:2015"), wrong and unqueued. It is the paragraph's number, read as the digit it stands for."""

from __future__ import annotations

from extract.segment.task_paragraphs import parse_task


def test_a_number_read_with_a_letter_for_its_first_digit_is_the_item_number():
    got = parse_task(
        "S.4. Vận hành hệ thống quản lý chất lượng theo TCVN ISO 9001:2015 (chủ trì: Văn phòng - Thống kê;"
        " thời gian: Thường xuyên)."
    )
    assert (got["code"], got["task"]) == ("5.4", "Vận hành hệ thống quản lý chất lượng theo TCVN ISO 9001:2015")


def test_a_word_opening_a_task_is_no_number():
    got = parse_task("Sắp xếp thôn, tổ dân phố (chủ trì: Công an xã; thời gian: Quý II/2025).")
    assert (got["code"], got["task"]) == ("", "Sắp xếp thôn, tổ dân phố")

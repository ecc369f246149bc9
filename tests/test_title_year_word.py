"""A scanned plan's title whose "năm" OCR marked as "nắm" (seed 15281's S26 image of P07,
instance 2: "Cải cách hành chính nắm 2026", the truth "Cải cách hành chính năm 2026"). The run is
too short for a phrase of the titles' wording to put the word back. The word before a year whose
letters are "nam" or "nan", whatever their marks, is "năm" (``title_wording.year_words``): no other
word of a title stands before its year. The title is as the pipeline read it off that page."""

from __future__ import annotations

from extract.title_wording import worded_title


def test_the_year_word_ocr_marked_otherwise():
    assert worded_title("Cải cách hành chính nắm 2026") == "Cải cách hành chính năm 2026"
    assert worded_title("CẢI CÁCH HÀNH CHÍNH NẮM 2026") == "CẢI CÁCH HÀNH CHÍNH NĂM 2026"


def test_a_word_before_no_year_is_kept():
    assert worded_title("Nắm bắt tình hình cải cách hành chính") == "Nắm bắt tình hình cải cách hành chính"

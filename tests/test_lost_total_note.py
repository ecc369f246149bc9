"""A note under a scanned score table is no totals row OCR garbled. A held-out scan (corpus seed
12001, S21: the scan of an N34 table whose not-scored criteria are noted under it) printed, as
Tesseract read it, the line below after the table's last row, the signature block next: its
figures (7, 93) made it "a figure among garbled letters", and the document, read whole, was told
to have lost its totals row. A line of words is a sentence read."""

from __future__ import annotations

from extract.segment.unread_lost_total import reads_as_sentence

NOTE_AS_READ = "* Tiêu chí không chấm điểm (không phát sinh): 7 điểm; tổng điểm chuẩn tính lại là 93 điểm."


def test_a_note_of_words_is_a_sentence():
    assert reads_as_sentence(NOTE_AS_READ)


def test_what_ocr_leaves_of_a_totals_row_is_no_sentence():
    # the totals rows OCR garbled that ``lost_total`` is there to tell (from its own docstrings)
    assert not reads_as_sentence("P| Ting sim | 7.25 | S|")
    assert not reads_as_sentence("Po Tengen 85605 | 605")
    assert not reads_as_sentence("| ee rn ee 53,75 ;")

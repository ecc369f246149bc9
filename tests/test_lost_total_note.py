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


def test_the_heading_of_a_tables_next_part_read_from_a_grid_is_no_totals_row():
    # A scanned score table printed in two parts (corpus seed 22201, S39 "two parts, header
    # again"), each read from its grid as a table: the page's lines, as Tesseract read them, hold
    # the parts' headings and the signature block, the grid's rows none. The truth prints one total,
    # under the second part; the line after the first part's last row is the second's heading.
    from extract.model import IngestedDocument, Line, Page
    from extract.segment.unread_lost_total import lost_total
    from extract.segment.unread_rows import UnreadRowSettings
    from schemas.records import ScoreRow, ScoreTable, SourceRef

    rows = [  # the truth's first part: code, max, self; their grid rows on lines 15–17
        ScoreRow(code=code, max_points=mx, self_points=sp, source=SourceRef(page=1, line_start=14 + k))
        for k, (code, mx, sp) in enumerate([("1", 10.0, 10.0), ("2", 10.0, 10.0), ("3", 14.5, 14.5)], start=1)
    ]
    page = Page(
        number=1,
        blocks=[
            Line("A. Mục 1 đến mục 3", 1, 13),
            Line("B. Mục 4 đến mục 6", 1, 18),
            Line("KT. CHỦ TỊCH", 1, 24),
            Line("Nơi nhận:", 1, 25),
        ],
    )
    doc = IngestedDocument(path="x.pdf", format="pdf", pages=[page])
    second_part = [(1, 20), (1, 21), (1, 22)]  # the second part's rows, as the grid reader placed them

    def told(elsewhere: list[tuple[int, int]]) -> bool:
        table = ScoreTable(rows=rows)
        return bool(lost_total(doc, table, rows, lambda line, page: False, UnreadRowSettings(), elsewhere))

    assert not told(second_part)
    assert told([])  # with no table after it, the line stands where a garbled total would

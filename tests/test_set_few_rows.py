"""A table told unread recovered from a few rows' whole wordings (``set_few_rows``) is never taken
as read whole: the lines no recovered row holds are told, and so is a table read from such rows
alone (a column beside their figures, the appraised points, may have been lost)."""

from __future__ import annotations

from extract.model import Line
from extract.segment.set_few_rows import left_told
from schemas.records import UnreadPart

# Seed 1404 d03-i1's table told unread (lines 16-20), rows 1 and 2 recovered from lines 16 and 17.
REGION = [
    Line(text="Céng tac chi dao, diéu hanh cai cach hanh chinh", page=1, number=16),
    Line(text="XAay dung va té chifc thic hién van ban quy pham phap lat tai", page=1, number=17),
    Line(text="tinh", page=1, number=18),
    Line(text="a TT", page=1, number=20),
]
PART = UnreadPart(page=1, kind="table", reason="header over lines", line_start=16, line_end=20)


def test_lines_no_recovered_row_holds_are_told():
    told = UnreadPart(page=1, kind="rows", reason="points of 1, 2 not read", line_start=16, line_end=20)
    out = left_told(told, PART, REGION, held={16, 17}, sample_chars=160)
    assert out is not None
    assert out.reason == "points of 1, 2 not read; 2 lines of the table opened no criterion's row: not read"


def test_a_table_read_from_whole_wordings_alone_stays_told():
    # (every cell the rows' lines print was read: nothing else to tell, but the table is still said)
    out = left_told(None, PART, REGION, held={16, 17, 18, 20}, sample_chars=160)
    assert out is not None and out.kind == "rows" and "names alone" in out.reason
    assert (out.line_start, out.line_end) == (16, 20)


def test_lines_above_the_part_are_the_headers():
    header = [Line(text="TT Noi dung danh gia Diém | Diém tw", page=1, number=13), *REGION]
    told = UnreadPart(page=1, kind="rows", reason="points of 1, 2 not read", line_start=16, line_end=20)
    assert left_told(told, PART, header, held={16, 17, 18, 20}, sample_chars=160) is told

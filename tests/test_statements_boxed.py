"""A narrative report scored in prose, OCR'd: "1. Công tác chỉ đạo … (lĩnh vực 1): tự chấm 5,5/10
điểm, trong đó: tiêu chí 1.1 (…) đạt 0,5/2 điểm; …" wraps over six printed lines, which the page's
paragraph reader joins into one line numbered by its first. The score-line reader took the printed
lines (each opening with a clause's code, ending with its figures) for a score table, and the
unread account then told "row 3 not read (its sub-criteria 3.1 … were)" of a document read whole
(issue 16). The statements read from the sentences are what those lines print: their boxes, not
their line numbers, say which printed lines a sentence covers (``stat_unread.outside_statements``).

The places are the ones the pipeline read from seed 14001's S19 scan of an N29 narrative report
(s19-i4-n29-i4-narrative-criteria.pdf, 733 kB, too large to store; its truth: no score table, 13
score statements, 1 and 1.1–1.6 on the paragraph at lines 18–23, 3 and 3.1–3.5 at 24–28)."""

from __future__ import annotations

from extract.segment.stat_unread import outside_statements
from schemas.records import ScoreRow, ScoreStatement, ScoreTable, SourceRef

# (code, line, box) of the rows the score-line reader took, as read from the scan.
ROWS = [
    ("1", 18, [168, 1260, 1554, 1302]),
    ("1.1", 19, [166, 1310, 1552, 1345]),
    ("1.2", 20, [165, 1359, 1551, 1396]),
    ("1.3", 21, [165, 1409, 1553, 1445]),
    ("1.4", 22, [167, 1458, 1551, 1495]),
    ("1.5", 23, [165, 1508, 1362, 1549]),
    ("2", 24, [165, 1569, 1550, 1606]),
    ("3.1", 25, [164, 1619, 1554, 1659]),
    ("3.2", 26, [165, 1668, 1553, 1711]),
    ("3.3", 27, [165, 1717, 1553, 1754]),
    ("3.4", 28, [165, 1767, 1521, 1804]),
]
# The two sentences' statements: each numbered by its paragraph's first line, boxed over all of it.
SENTENCES = [(18, [165, 1260, 1554, 1549], ("1", "1.1", "1.6")), (24, [164, 1569, 1554, 1804], ("3", "3.1", "3.5"))]


def _table() -> ScoreTable:
    rows = [ScoreRow(code=c, name="", source=SourceRef(page=1, line_start=n, line_end=n, bbox=b)) for c, n, b in ROWS]
    return ScoreTable(title="II. KẾT QUẢ TỰ ĐÁNH GIÁ, CHẤM ĐIỂM", pages=[1], rows=rows, read_from="lines")


def _statements() -> list[ScoreStatement]:
    return [
        ScoreStatement(code=code, source=SourceRef(page=1, line_start=n, line_end=n, bbox=box))
        for n, box, codes in SENTENCES
        for code in codes
    ]


def test_a_table_read_from_the_printed_lines_of_scored_sentences_is_dropped():
    assert outside_statements([_table()], _statements()) == []


def test_a_table_beside_the_sentences_stays():
    table = _table()
    for row in table.rows:  # the same rows printed below the sentences, on the next page
        row.source = SourceRef(page=2, line_start=row.source.line_start, bbox=row.source.bbox)
    assert outside_statements([table], _statements()) == [table]

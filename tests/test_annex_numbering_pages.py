"""A statistics annex printed on over pages and read as pieces, each page's piece under its page mark
("1/3" taken for a title, no "Phụ lục" label of its own): its numbering runs on from the piece above
(3.2 after 3.1 on the page before), so no row is told lost for it (``stat_numbering.continued_runs``;
a held-out scan of the paged-mark layout listed four such gaps on a document read whole). A piece
that skips a number still tells the row it skips; a labelled annex starts its own numbering."""

from extract.segment.stat_numbering import continued_runs, lost_rows
from schemas.records import SourceRef, StatAnnex, StatRow


def _annex(label: str, title: str, page: int, codes: list[str]) -> StatAnnex:
    rows = [
        StatRow(code=c, indicator=f"Chỉ tiêu {c}", source=SourceRef(page=page, line_start=k, line_end=k))
        for k, c in enumerate(codes, 10)
    ]
    return StatAnnex(annex=label, title=title, pages=[page], rows=rows)


def test_a_piece_on_the_next_page_runs_on_from_the_piece_above():
    pieces = [
        _annex("Phụ lục 1", "SỐ LIỆU KẾT QUẢ CẢI CÁCH HÀNH CHÍNH", 2, ["1", "2", "2.1", "2.1.a", "2.1.b", "3", "3.1"]),
        _annex("", "1⁄3", 3, ["3.2", "3.3", "4", "4.1", "5", "5.1"]),
        _annex("", "2⁄3", 4, ["5.2", "6", "6.1", "6.1.a", "7"]),
    ]
    assert [len(run) for run in continued_runs(pieces)] == [3]
    assert lost_rows(pieces, []) == []


def test_a_piece_that_skips_a_number_still_tells_it():
    pieces = [
        _annex("Phụ lục 1", "SỐ LIỆU", 2, ["1", "2", "3", "3.1"]),
        _annex("", "1⁄3", 3, ["3.3", "4"]),
    ]
    # 3.3 is not 3.1's next sibling: no run; the piece's own numbering starts past 3.1 and 3.2
    told = lost_rows(pieces, [])
    assert {p.text_sample.split()[0] for p in told} == {"3.3"}
    assert any("3.2" in p.reason for p in told)


def test_a_labelled_annex_starts_its_own_numbering():
    pieces = [
        _annex("Phụ lục 1", "SỐ LIỆU", 2, ["1", "2"]),
        _annex("Phụ lục 2", "KẾT QUẢ", 3, ["3", "4"]),
    ]
    assert [len(run) for run in continued_runs(pieces)] == [1, 1]
    told = lost_rows(pieces, [])
    assert [p.text_sample.split()[0] for p in told] == ["3"]

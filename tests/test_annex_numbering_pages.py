"""A statistics annex printed on over pages and read as pieces, each page's piece under its page mark
("1/3" taken for a title, no "Phụ lục" label of its own): its numbering runs on from the piece above
(3.2 after 3.1 on the page before), so no row is told lost for it (``stat_numbering.continued_runs``;
a held-out scan of the paged-mark layout listed four such gaps on a document read whole). A piece
that skips a number still tells the row it skips; a labelled annex starts its own numbering."""

from cchc_extract.reconcile import reconcile
from extract.segment.stat_numbering import continued_runs, joined_pieces, lost_rows
from schemas.records import ExtractionResult, SourceRef, StatAnnex, StatRow


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


def test_a_page_opening_on_the_first_part_of_the_row_that_closed_the_page_above_runs_on():
    # "3" closes page 2, "3.1" opens page 3 (a held-out scan of the paged-mark layout told
    # "starts at 3.1: 1, 2 not read" on a document read whole)
    pieces = [
        _annex("Phụ lục 1", "SỐ LIỆU", 2, ["1", "2", "2.1", "2.1.a", "3"]),
        _annex("", "1⁄3", 3, ["3.1", "3.2", "3.3", "4", "5"]),
        _annex("", "2⁄3", 4, ["5.1", "5.1.a", "5.2", "6"]),
    ]
    assert [len(run) for run in continued_runs(pieces)] == [3]
    assert lost_rows(pieces, []) == []
    # a piece opening on another row's first part, or on a second part, does not run on
    assert [len(r) for r in continued_runs([pieces[0], _annex("", "1⁄3", 3, ["4.1", "4.2"])])] == [1, 1]
    assert [len(r) for r in continued_runs([pieces[0], _annex("", "1⁄3", 3, ["3.2", "4"])])] == [1, 1]


def test_pieces_joined_into_one_annex_checked_whole():
    """The pieces become one annex (its label and title the first's, every page and row), a row
    whose parent closed the page above is given it, and the share on page 3 of the counts under
    the "3" on page 2 is checked against them: 16/19 = 84,21 %, not 3/16 of the two siblings."""
    first = _annex("Phụ lục 1", "SỐ LIỆU", 2, ["1", "2", "3"])
    second = _annex("", "1⁄3", 3, ["3.1", "3.2", "3.3", "4"])
    for row, (value, unit, name) in zip(
        first.rows + second.rows,
        [
            (7, "Văn bản", "Số văn bản chỉ đạo"),
            (None, "", "Công khai thủ tục hành chính"),
            (19, "Người", "Tổng số cán bộ, công chức"),
            (16, "Người", "Số cán bộ, công chức đạt chuẩn"),
            (3, "Người", "Số cán bộ, công chức chưa đạt chuẩn"),
            (84.21, "%", "Tỷ lệ cán bộ, công chức đạt chuẩn"),
            (19, "Nhiệm vụ", "Số nhiệm vụ"),
        ],
        strict=True,
    ):
        row.value, row.value_raw, row.unit, row.indicator = value, "" if value is None else str(value), unit, name
    joined = joined_pieces([first, second])
    assert len(joined) == 1
    annex = joined[0]
    assert (annex.annex, annex.title, annex.pages) == ("Phụ lục 1", "SỐ LIỆU", [2, 3])
    assert [r.parent for r in annex.rows] == [None, None, None, "3", "3", "3", None]
    assert [first.rows[-1].parent, second.rows[0].parent] == [None, None]  # the pieces untouched
    result = ExtractionResult(statistics=joined)
    reconcile(result)
    ratio = [c for c in result.checks if c.kind == "ratio" and c.code == "3.3"]
    assert [(c.status, c.expected) for c in ratio] == [("ok", 84.2105)]
    assert not [c for c in result.checks if c.status == "mismatch"]

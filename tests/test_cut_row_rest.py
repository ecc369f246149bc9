"""A page's first row that is a row of its own, not the rest of the row the page break cut: the
totals row printed alone on the last page, or a row printing a second figure under a figure."""

from extract.model import Cell, IngestedDocument, Page, Table
from extract.segment.cut_row_rest import opens_own_row
from extract.segment.joined import JoinedRow
from extract.segment.table_join import join_tables

HEADER = ["TT", "Tiêu chí đánh giá", "Điểm chuẩn", "Số điểm bị trừ"]


def _table(page: int, rows: list[list[str]]) -> Table:
    cells = [Cell(row=r, col=c, text=t) for r, row in enumerate(rows) for c, t in enumerate(row)]
    return Table(page=page, cells=cells, n_rows=len(rows), n_cols=len(HEADER), source="tsv")


def _joined(first: list[list[str]], rest: list[list[str]]) -> list[list[str]]:
    doc = IngestedDocument(path="x", format="txt", pages=[Page(1, [_table(1, first)]), Page(2, [_table(2, rest)])])
    (table,) = join_tables(doc)
    return [r.cells for r in table.rows]


def test_totals_row_alone_on_the_last_page_is_no_rest_of_the_last_criterion():
    first = [HEADER, ["8", "Sự hài lòng", "20", ""], ["8.4", "Sự hài lòng về kết quả giải quyết công", "5", ""]]
    rows = _joined(first, [HEADER, ["", "Tổng số điểm", "100", ""]])
    assert rows[-2] == ["8.4", "Sự hài lòng về kết quả giải quyết công", "5", ""]
    assert rows[-1] == ["", "Tổng số điểm", "100", ""]


def test_the_words_a_cut_row_left_still_finish_it():
    first = [HEADER, ["8.4", "Sự hài lòng về kết quả giải quyết công", "5", "1"]]
    rows = _joined(first, [HEADER, ["", "việc", "", ""], ["", "Tổng số điểm", "100", "1"]])
    assert rows == [
        ["8.4", "Sự hài lòng về kết quả giải quyết công việc", "5", "1"],
        ["", "Tổng số điểm", "100", "1"],
    ]


def _row(cells: list[str], page: int) -> JoinedRow:
    return JoinedRow(cells=cells, bold=[False] * len(cells), page=page, line_start=1, line_end=1, fragment=page)


def test_a_second_figure_under_a_figure_opens_a_row():
    above = _row(["3.1", "Tiếp nhận hồ sơ", "2", ""], 1)
    assert opens_own_row(above, _row(["", "Giải quyết hồ sơ", "1,5", ""], 2))
    # a figure where the row above has none, beside the words it left, is the rest of it
    assert not opens_own_row(above, _row(["", "đúng hạn", "", "0,5"], 2))

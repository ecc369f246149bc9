"""Joining table fragments across pages, on the seed plan whose task table spans three pages."""

import json
from functools import cache
from pathlib import Path

from extract.base import ingest
from extract.model import Cell, IngestedDocument, Line, Page, Table
from extract.segment.numbered_columns import column_numbers, realign_row
from extract.segment.table_join import join_tables

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


@cache
def _doc(name: str) -> IngestedDocument:
    return ingest(SAMPLES / name)


def test_004_task_table_is_one_table_across_pages_and_footnote():
    tables = join_tables(_doc("004_cam-nhuong_2025_quyet-dinh-ke-hoach.txt"))
    assert len(tables) == 1
    table = tables[0]
    assert table.pages == [2, 3, 4]
    assert table.header_text[0] == "TT" and table.header_text[8] == "8- Kinh phí"
    # no repeated header row survives as a data row
    assert not any(r.cells[0] == "TT" for r in table.rows)
    # the row cut by the footnote "¹ 1) Hệ thống ..." gets its "môn." back
    cut = next(r for r in table.rows if r.line_start == 416)
    assert cut.cells[3].endswith("hoạt động chuyên môn.")
    assert cut.joined_across_break


def test_004_split_word_phong_phu_merged_and_shifted_row_realigned():
    table = join_tables(_doc("004_cam-nhuong_2025_quyet-dinh-ke-hoach.txt"))[0]
    row = next(r for r in table.rows if r.line_start == 343)
    assert row.cells[3].startswith("3.5. Tổ chức thực hiện Kế hoạch tuyên truyền")
    assert row.cells[4] == "Các hình thức tuyên truyền đa dạng, phong phú"
    assert row.cells[7] == "Thường xuyên"
    shifted = next(r for r in table.rows if r.line_start == 341)
    assert shifted.realigned and shifted.cells[0] == "" and shifted.cells[2].startswith("2.2.")
    assert shifted.cells[3].startswith("3.3.") and shifted.cells[5] == "Văn phòng – Thống kê"


def test_002_annexes_stay_separate_tables():
    tables = join_tables(_doc("002_huong-son_2024_bao-cao-6-thang.txt"))
    assert len(tables) == 7  # Phụ lục 2..8: captions between them are real text
    assert [len(t.rows) for t in tables][0] == 27


def test_realign_row_only_moves_rows_that_lost_leading_cells():
    numbers = column_numbers([["TT", "1- Mục tiêu", "2- Nhiệm vụ", "3- Hoạt động", "4- Sản phẩm"]], 5)
    assert numbers == [None, 1, 2, 3, 4]
    assert realign_row(["2.2. Góp ý", "", "3.3. Xin ý kiến", "Báo cáo", ""], numbers) == [
        "",
        "",
        "2.2. Góp ý",
        "3.3. Xin ý kiến",
        "Báo cáo",
    ]
    assert realign_row(["1", "1.1. A", "2.1 B", "4.1. C", "Báo cáo"], numbers) is None


def test_footnote_needs_its_marker_in_the_table():
    def table(page, rows):
        cells = [Cell(row=r, col=c, text=t) for r, row in enumerate(rows) for c, t in enumerate(row)]
        return Table(page=page, cells=cells, n_rows=len(rows), n_cols=3, source="tsv")

    header = ["TT", "Nội dung", "Ghi chú"]
    first = table(1, [header, ["1", "Hệ thống dùng chung 1", ""]])
    second = table(2, [header, ["2", "Khác", ""]])
    note = Line(text="1 1) Hệ thống nền tảng tích hợp, chia sẻ dữ liệu của tỉnh và các hệ thống khác", page=1, number=5)
    doc = IngestedDocument(path="x", format="txt", pages=[Page(1, [first, note]), Page(2, [second])])
    assert len(join_tables(doc)) == 1
    first_no_marker = table(1, [header, ["1", "Hệ thống dùng chung", ""]])
    doc = IngestedDocument(path="x", format="txt", pages=[Page(1, [first_no_marker, note]), Page(2, [second])])
    assert len(join_tables(doc)) == 2


def test_two_copies_of_a_score_table_in_one_pdf_are_two_tables(tmp_path):
    """score_table.pdf printed twice in one PDF: the second copy repeats the header and starts at
    "I" again, so it is a second table, not 106 more rows of the first (issue 18)."""
    import pypdfium2 as pdfium

    source = pdfium.PdfDocument(str(SAMPLES / "renderings" / "score_table.pdf"))
    out = pdfium.PdfDocument.new()
    out.import_pages(source)
    out.import_pages(source)
    path = tmp_path / "twice.pdf"
    out.save(str(path))
    single = join_tables(ingest(SAMPLES / "renderings" / "score_table.pdf"))
    tables = join_tables(ingest(path))
    assert len(single) == 1 and len(tables) == 2
    n_pages = len(source)
    assert tables[1].pages[0] == n_pages + 1
    for table in tables:
        assert [r.cells for r in table.rows] == [r.cells for r in single[0].rows]


def _tsv_table(page: int, rows: list[list[str]]) -> Table:
    cells = [Cell(row=r, col=c, text=t) for r, row in enumerate(rows) for c, t in enumerate(row)]
    return Table(page=page, cells=cells, n_rows=len(rows), n_cols=3, source="tsv")


def test_numbering_that_restarts_splits_only_where_it_cannot_be_one_table():
    header = ["TT", "Nội dung", "Điểm"]

    def joined(first_rows, second_rows):
        doc = IngestedDocument(
            path="x",
            format="txt",
            pages=[Page(1, [_tsv_table(1, first_rows)]), Page(2, [_tsv_table(2, second_rows)])],
        )
        return [len(t.rows) for t in join_tables(doc)]

    first = [header, ["I", "Phần một", "10"], ["1", "Tiêu chí", "5"], ["2", "Tiêu chí", "5"]]
    # a continuation repeating the header carries the numbering on: one table
    assert joined(first, [header, ["3", "Tiêu chí", "2"]]) == [4]
    # the header again and "I" again: a second table
    assert joined(first, [header, ["I", "Phần một", "10"], ["1", "Tiêu chí", "5"]]) == [3, 2]
    # a section numeral never restarts inside one table, header repeated or not
    assert joined(first, [["I", "Phần một", "10"], ["1", "Tiêu chí", "5"]]) == [3, 2]
    # an arabic "1" without a repeated header may be a lettered part's numbering ("B."): joined
    plain = [header, ["1", "Chỉ tiêu", "5"], ["2", "Chỉ tiêu", "5"]]
    assert joined(plain, [["1", "Chỉ tiêu khác", "3"]]) == [3]
    # with the header repeated it is the same template again
    assert joined(plain, [header, ["1", "Chỉ tiêu", "5"]]) == [2, 1]


def test_a_column_number_row_with_one_number_misread_is_still_one():
    """A scan's "(1) (2) (3)" row under the header, its "(1)" read "q)": not a criterion row."""
    from extract.segment.table_join import _is_column_numbers

    assert _is_column_numbers(["q)", "(2)", "(3)", "(4)", "(5)", "(6)"])
    # A data row of plain numbers with an item letter stays a row; so does a row out of order.
    assert not _is_column_numbers(["a)", "2", "3", "4"])
    assert not _is_column_numbers(["q)", "(2)", "(5)", "(4)"])
    # 150-dpi scans (S03, seeds 120 and 122): one number lost its brackets ("4"), or a number was
    # lost (its column blank) and specks cling to others ("'(4)", "(6"); each still in its column.
    assert _is_column_numbers(["Œ)", "(2)", "(3)", "4", "(5)", "(6)"])
    assert _is_column_numbers(["(1)", "(2)", "", "'(4)", "(5)", "(6"])
    assert not _is_column_numbers(["1.2", "Tên", "1", "(2)"])
    assert not _is_column_numbers(["Œ)", "(2)", "4", "(3)", "(5)"])


def test_an_unruled_tables_pieces_with_other_column_boundaries_are_one_table():
    # A generated landscape PDF (seed 277, F17: parts restarting their numbering), typed, no
    # rules. A note's wrapped line ("18/1/2014" alone) made the table finder cut the page's table
    # in two, the lower piece with other column boundaries, and page 2's piece too: part II's
    # first three rows were an unread table, its last two taken for part I's 1.2 and 2, and both
    # totals false mismatches. The words' places put each piece's cells under the table's columns.
    from benchmarks.corpus_scoring import score_document
    from cchc_extract.pipeline import convert_file, result_to_json

    path = Path(__file__).parent / "data" / "unruled_pieces" / "s277-f17-i1-unruled-landscape.pdf"
    truth = json.loads(path.with_name(path.name + ".truth.json").read_text(encoding="utf-8"))
    out = result_to_json(convert_file(path, path.name))
    tally = score_document(truth, out)["tally"]
    assert tally["found"] == tally["code_ok"] == tally["rows"] == 11
    assert tally["numbers_right"] == tally["numbers"] == 22
    assert [c for c in out["checks"] if c["status"] == "mismatch"] == []
    assert not out["unread"]
    codes = [r["code"] for r in out["score_tables"][0]["rows"]]
    assert codes[-5:] == ["II", "II.1", "II.1.1", "II.1.2", "II.2"]


def test_a_row_cut_by_a_page_break_whose_rest_holds_a_date_is_finished():
    """A task row the page break cut, the header repeated above its rest: the rest's deadline
    cell is a date ("25/01/2023"), which is no item number, so the rest finishes the row."""
    header = ["TT", "Nhiệm vụ", "Thời hạn"]
    first = [header, ["13", "Gửi, nhận văn bản điện tử", "Quý I/2023"], ["14", "Vận hành hệ thống theo", "Trước ngày"]]
    for date in ("25/01/2023", "25.01.2023", "01/2023", "I/2023"):
        rest = [header, ["", "TCVN ISO 9001:2015", date], ["15", "Duy trì Trang thông tin", "Quý I/2023"]]
        doc = IngestedDocument(
            path="x", format="txt", pages=[Page(1, [_tsv_table(1, first)]), Page(2, [_tsv_table(2, rest)])]
        )
        (table,) = join_tables(doc)
        assert [r.cells for r in table.rows] == [
            ["13", "Gửi, nhận văn bản điện tử", "Quý I/2023"],
            ["14", "Vận hành hệ thống theo TCVN ISO 9001:2015", f"Trước ngày {date}"],
            ["15", "Duy trì Trang thông tin", "Quý I/2023"],
        ]
        assert table.rows[1].joined_across_break
    # a row that starts with its own number is a new row, a date beside it or not
    rest = [header, ["15", "Duy trì Trang thông tin", "25/01/2023"]]
    doc = IngestedDocument(
        path="x", format="txt", pages=[Page(1, [_tsv_table(1, first)]), Page(2, [_tsv_table(2, rest)])]
    )
    assert [r.cells[0] for r in join_tables(doc)[0].rows] == ["13", "14", "15"]


def test_plain_numbers_number_the_columns_only_when_they_count_up():
    """ "1 2 3 4" (one misread allowed) and "(1) (2) (3)" are column numbers; a row of small
    figures ("17 15 2", "6 11 4") under labels is a row of data."""
    from extract.segment.table_join import _is_column_numbers

    assert _is_column_numbers(["1", "2", "3", "4", "5"])
    assert _is_column_numbers(["7", "2", "3", "4", "5"])  # the "1" misread
    assert _is_column_numbers(["(1)", "(2)", "(3)"])
    assert _is_column_numbers(["A", "B", "1", "2", "3"])
    assert not _is_column_numbers(["17", "15", "2"])
    assert not _is_column_numbers(["1", "17", "15", "2"])  # an STT, then the figures
    assert not _is_column_numbers(["6", "11", "4"])


def test_a_column_number_row_that_lost_brackets_and_a_digit_is_still_one():
    """A photo's "(1) (2) (3) (4) (5) (6)" under the header read "() (2) (3) 4 (5) (6": the first
    number's digit lost, two numbers a bracket each. Every number sits in the column it numbers and
    most still show a bracket, the numbering's own mark: layout, not a criterion row to tell unread."""
    from extract.segment.table_join import _is_column_numbers

    assert _is_column_numbers(["()", "(2)", "(3)", "4", "(5)", "(6"])
    assert _is_column_numbers(["(1)", "2)", "(3", "(4)", "5"])
    # A data row's figures print bare: an item letter before plain numbers stays a row, and a row
    # whose numbers do not number their columns too.
    assert not _is_column_numbers(["()", "2", "3", "4"])
    assert not _is_column_numbers(["a)", "(2)", "(3)", "7"])
    assert not _is_column_numbers(["()", "(3)", "(2)", "4", "(5)"])

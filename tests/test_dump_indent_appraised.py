"""Dumps of score tables with an appraised column, numbers centred in their rows (issue 11, the
D02/D05 layouts): a rate the explanation states before the row's figures is no points cell OCR
garbled ("Tỷ lệ đạt 85% 2 1,5 1D"); a token mixing a digit and a letter ending the line after a
max and its score is the appraised cell garbled; a line of figures only whose first figure was
taken for an off-numbering code holds the row's three cells; a garbled heading row and a row
whose whole catalogued name is read hold no next row's name. tests/data/dumps_indent24 holds a
small vie dump made for these cases, shaped as real Tesseract output, read end to end."""

from pathlib import Path

from cchc_extract.pipeline import convert_file
from extract.model import Line
from extract.segment.line_cells import read_line
from extract.segment.line_common import LineTableSettings
from extract.segment.line_header import HEADER_POINTS, HeaderLayout
from extract.segment.line_points import garbled_cell
from extract.segment.row_draft import RowDraft
from extract.segment.row_openings import after_garbled, after_whole_named_figures, opens_centred_row

DATA = Path(__file__).parent / "data" / "dumps_indent24"
THREE = HeaderLayout(points=HEADER_POINTS)


def _cells(text: str):
    return read_line(Line(text=text, raw=text, page=1, number=1), False, THREE)


def _tokens(text: str) -> list[tuple[str, str]]:
    return [(w, w) for w in text.split()]


def test_a_rate_before_the_figures_is_the_explanations_not_a_lost_cell():
    assert not garbled_cell(("85%", "85%"))
    assert not garbled_cell(("5%", "5%"))
    assert garbled_cell(("<8]", "<8]"))  # (a bracketed speck still is one)
    cells = _cells("1.14 | Mức độ thực hiện kế hoạch CCHC Tỷ lệ đạt 85% 2 1,5 1D")
    # The max and the self score in their columns, the appraised 1,5 garbled into "1D" kept in its own.
    assert (cells.max_raw, cells.self_raw, cells.appraised_raw) == ("2", "1,5", "1D")
    assert "85%" in [raw for _, raw in cells.name]


def test_a_mixed_token_ending_the_line_is_a_cell_only_after_a_max_and_its_score():
    # "2 5": no max and score (5 above 2), so "H5," is not taken for the third cell.
    cells = _cells("_12 |BodioH | |2 |5 | H5,")
    assert cells.appraised_raw != "H5,"
    # ... and a line whose figures are all read keeps its explanation's last token.
    cells = _cells("4. Cai cach to chuc bo may hanh chinh 11 11 11 Dat 3A")
    assert (cells.max_raw, cells.self_raw, cells.appraised_raw) == ("11", "11", "11")


def test_a_figures_line_under_a_centred_name_fills_the_three_columns(tmp_path):
    # Row 2's name printed above and below its figures' line, its code lost: ": 10 9 8,75" is no
    # code 10 (after row 1) with two figures, but the row's max, self and appraised scores.
    text = (DATA / "centred-figures.txt").read_text(encoding="utf-8")
    dump = tmp_path / "figures.txt"
    dump.write_text(text, encoding="utf-8")
    (table,) = convert_file(dump).score_tables
    rows = {r.code: (r.max_points, r.self_points, r.appraised_points) for r in table.rows}
    assert rows["2"] == (10.0, 9.0, 8.75)
    assert rows["1"] == (10.0, 10.0, 10.0)
    assert "10" not in rows and "1.1" not in rows


def test_the_centred_dump_under_a_garbled_heading_reads_its_rows():
    result = convert_file(DATA / "centred-garbled-heading.txt")
    (table,) = result.score_tables
    rows = {r.code: r for r in table.rows}
    # The name printed above the garbled code's line ("mã 111") is 1.1.1's, not the heading's.
    assert rows["1.1.1"].name == "Ban hành kế hoạch CCHC năm"
    assert (rows["1.1.1"].max_points, rows["1.1.1"].self_points, rows["1.1.1"].appraised_points) == (1.0, 0.5, 0.5)
    # The next row's first line, a catalogued name's opening beside its explanation's, is its own.
    assert rows["1.1.2"].name.startswith("Xác định đầy đủ các nhiệm vụ CCHC")
    assert "Quyết định số 113" in (rows["1.1.2"].explanation or "")
    assert "Xác định" not in (rows["1.1.1"].explanation or "")
    four = rows["1.1.4"]
    assert (four.max_points, four.self_points) == (2.0, 1.5)
    # Row 1.1 OCR garbled past reading is told, not dropped.
    assert any("1.1 not read" in u.reason for u in result.unread)


def test_row_openings_of_a_centred_table():
    settings = LineTableSettings()
    heading = RowDraft(
        page=1, line_start=1, line_end=2, started_by="text", name=_tokens("C1. EÖNGTÁCCHỈĐẠO,ĐIỀUHÀNHCGHG TT l7? [z")
    )
    assert after_garbled(heading, _tokens("Ban hành kế hoạch CCHC năm Thông báo số 148/TB-UBND ngày"), settings)
    # A heading read in words waits for its wrapped line; no garbled row.
    words = RowDraft(page=1, line_start=1, line_end=1, started_by="text", name=_tokens("CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH"))
    assert not after_garbled(words, _tokens("Ban hành kế hoạch CCHC năm"), settings)
    named = RowDraft(page=1, line_start=1, line_end=2, started_by="numbers", name=_tokens("Báo cáo CCHC"))
    named.add_number("2")
    named.add_number("1,5")
    line = _tokens("TTất cả báo cáo được gửi đúng thời gian quy định (báo _ | Chưa hoàn thành 1/6 nhiệm vụ theo")
    assert opens_centred_row(named, line, settings)
    assert after_whole_named_figures(named, line, settings)
    # A name's lower-case rest, or an explanation's opening, opens no row.
    assert not after_whole_named_figures(named, _tokens("cáo quí I, quí III, báo cáo 6 tháng"), settings)
    assert not after_whole_named_figures(named, _tokens("Quyết định số 97/QĐ-UBND ngày"), settings)
    partial = RowDraft(
        page=1, line_start=1, line_end=2, started_by="numbers", name=_tokens("Xác định đầy đủ các nhiệm vụ")
    )
    partial.add_number("1")
    assert not after_whole_named_figures(partial, line, settings)


def test_a_max_read_with_its_one_as_a_letter_opens_the_run(tmp_path):
    # "i0 95 9": the "i" is the 1 of 10 (read as a speck, "0" is below 9,5 and the run would start
    # at 95, a max of 95): the row's three cells, the max read 10 and doubted (0 kept as a reading).
    cells = _cells("2 Xay dung va té chitc thyc hién van ban quy pham i0 95 9 Théng bao sé 5/TB-UBND ngay")
    assert (cells.max_raw, cells.self_raw, cells.appraised_raw) == ("i0", "95", "9")
    text = (DATA / "centred-figures.txt").read_text(encoding="utf-8")
    text = text.replace(
        "Xay dung va to chuc thuc hien van ban quy pham\n: 10 9 8,75",
        "2. Xay dung va to chuc thuc hien van ban quy pham i0 95 9 Thong bao s6 5/TB-UBND ngay",
    )
    dump = tmp_path / "glued.txt"
    dump.write_text(text, encoding="utf-8")
    (table,) = convert_file(dump).score_tables
    two = next(r for r in table.rows if r.code == "2")
    assert (two.max_points, two.self_points, two.appraised_points) == (10.0, 9.5, 9.0)
    assert "ambiguous_number" in two.flags and two.alternatives["max_points"] == [0.0]

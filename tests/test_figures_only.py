"""One test of a cell holding figures and no words (``normalize.numbers.figures_only``), used by
the table joiner's header count and cut-row test, the cut-row reader and the account of what was
not read; and the one place where it changed what the joiner did: a header cell of a sign alone."""

from __future__ import annotations

from extract.segment.table_join import header_row_count
from normalize.numbers import figures_only


def test_figures_with_their_separators_are_figures_and_words_are_not():
    for cell in ("5", " 1,5 ", "1.250", "100", "20 %", "95%", "2,5 3"):
        assert figures_only(cell), cell
    for cell in ("", " ", "Tổng số điểm", "1,5 điểm", "1.1 Kế hoạch", "(1)", "1/2", "-", "-5"):
        assert not figures_only(cell), cell


def test_a_cell_of_separators_alone_holds_no_figure():
    # (the joiner's old pattern took ".", "%" and "," for figures: a unit row's "%" ended a header)
    for cell in (".", "%", ",", ". ,"):
        assert not figures_only(cell) and not figures_only(cell, signs=True), cell


def test_with_signs_brackets_bars_slashes_and_dashes_pass_but_no_letter():
    for cell in ("(1)", "1/2", "| 12 |", "-5", "[3]", "12 - 15"):
        assert figures_only(cell, signs=True), cell
    for cell in ("12a", "Tổng 12", "(a)", "-"):
        assert not figures_only(cell, signs=True), cell


def test_a_unit_row_under_the_header_is_the_headers_not_the_first_data_row():
    rows = [
        ["STT", "Chỉ tiêu", "Đơn vị tính", "Kết quả"],
        ["", "", "", "%"],
        ["1", "Tỷ lệ hồ sơ giải quyết đúng hạn", "%", "98,5"],
    ]
    assert header_row_count(rows) == 2
    # a row of figures still ends the header, as before
    assert header_row_count([rows[0], ["", "", "", "98,5"], rows[2]]) == 1

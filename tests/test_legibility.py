"""The ceiling of an OCR dump's numbers (benchmarks/legibility.py): what the text still prints."""

from benchmarks.legibility import legible_cells, legible_numbers, token_values


def test_a_token_stands_for_its_decimal_and_thousands_readings():
    assert token_values("2,5") == {2.5}
    assert token_values("15.25") == {15.25}
    assert token_values("1.234") == {1.234, 1234.0}
    assert token_values("1.234.567") == {1234567.0}
    assert token_values("10") == {10.0}


TRUTH = {
    "score_tables": [
        {
            "rows": [
                {"code": "1", "name": "Công tác chỉ đạo", "max_points": 10.0, "self_points": 10.0},
                {"code": "2", "name": "Xây dựng đội ngũ", "max_points": 16.0, "self_points": 15.25},
            ]
        }
    ]
}


def test_each_token_stands_for_one_cell_and_blanks_are_legible():
    truth = {"score_tables": [{"rows": [{**r, "appraised_points": None} for r in TRUTH["score_tables"][0]["rows"]]}]}
    # Tesseract kept one "10" of two and dropped the 16: 2 of 4 printed cells are legible
    text = "1. Công tác chỉ đạo 10\n2. Xây dựng đội ngũ 15,25\n"
    assert legible_numbers(truth, text) == (2, 4)
    # a line of figures alone right under a row's name is the row's (one cell a line, or the
    # numbers centred below): its 16 is row 2's; its 10 is not row 1's
    assert legible_numbers(truth, text + "10 16\n") == (3, 4)


def test_a_figure_printed_off_the_rows_own_lines_is_not_the_cells():
    # a wrapped name spans its lines (diacritics lost), the numbers sit on its second line
    text = "1. Cong tac chi dao 10 10\n2. Xay dung\ndoi ngu 16 15.25\n"
    assert legible_numbers(TRUTH, text) == (4, 4)
    # the 16 is only in a date and the 10s only in a scale line above the table: not legible
    text = "Thang diem 10 10\n1. Cong tac chi dao\n2. Xay dung doi ngu 15.25 ngay 16/5/2013\n"
    assert legible_numbers(TRUTH, text) == (1, 4)
    # a column block of figures Tesseract set apart from the names prints no row's cell
    text = "1. Cong tac chi dao\n2. Xay dung doi ngu\n\nMot so noi dung khac\n10\n10\n16\n15,25\n"
    assert legible_numbers(TRUTH, text) == (0, 4)


def test_each_cell_is_marked_by_its_row_and_field():
    # the benchmark counts the legible cells read right by these keys (a value the set or a sum
    # gave for a cell the text lost is right, but not of the legible)
    text = "1. Cong tac chi dao 10\n2. Xay dung doi ngu 16 15,25\n"
    assert legible_cells(TRUTH, text) == [
        ("score_tables", 0, "1", "max_points", True),
        ("score_tables", 0, "1", "self_points", False),
        ("score_tables", 0, "2", "max_points", True),
        ("score_tables", 0, "2", "self_points", True),
    ]


def test_a_fraction_prints_two_cells_a_date_or_a_number_none():
    from benchmarks.legibility import line_number_tokens

    assert line_number_tokens("1.1 Ban hành kế hoạch 0,25/1 Đã ban hành") == ["1.1", "0,25", "1"]
    assert line_number_tokens("2 Văn bản 9⁄10") == ["2", "9", "10"]
    assert line_number_tokens("Quyết định 216/QĐ-UBND ngày 25/3/2023") == []
    assert line_number_tokens("ngày 12/5") == []  # scored over its maximum: no fraction
    truth = {
        "score_tables": [{"rows": [{"code": "1", "name": "Công tác chỉ đạo", "max_points": 10.0, "self_points": 9.0}]}]
    }
    assert legible_numbers(truth, "1. Công tác chỉ đạo 9/10\n") == (2, 2)

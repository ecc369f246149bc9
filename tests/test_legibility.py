"""The ceiling of an OCR dump's numbers (benchmarks/legibility.py): what the text still prints."""

from benchmarks.legibility import legible_numbers, token_values


def test_a_token_stands_for_its_decimal_and_thousands_readings():
    assert token_values("2,5") == {2.5}
    assert token_values("15.25") == {15.25}
    assert token_values("1.234") == {1.234, 1234.0}
    assert token_values("1.234.567") == {1234567.0}
    assert token_values("10") == {10.0}


def test_each_token_stands_for_one_cell_and_blanks_are_legible():
    truth = {
        "score_tables": [
            {
                "rows": [
                    {"code": "1", "max_points": 10.0, "self_points": 10.0, "appraised_points": None},
                    {"code": "2", "max_points": 16.0, "self_points": 15.25, "appraised_points": None},
                ]
            }
        ]
    }
    # Tesseract kept one "10" of two and dropped the 16: 2 of 4 printed cells are legible
    text = "1. Công tác chỉ đạo 10\n2. Xây dựng đội ngũ 15,25\n"
    assert legible_numbers(truth, text) == (2, 4)
    assert legible_numbers(truth, text + "10 16\n") == (4, 4)

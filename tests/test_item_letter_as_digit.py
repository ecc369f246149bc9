"""An item's letter OCR read as a digit, its bracket lost ("a)" read "4"), is the item, not a row
4 with its item "a" lost: no numbering gap is told for it (issue 16, a "!" entry on a document
read whole). The column is what Tesseract gave for the statistics annex of spent seed 19001's
S20 i4 scan (page 2, code cells in order); the codes expected are that scan's truth file's
(3.1.a "Giải quyết trước hạn", 3.1.b "Giải quyết đúng hạn")."""

from __future__ import annotations

from normalize.code_repair import repair_codes
from normalize.codes import CodeSettings, format_codes, match_cost, read_code_token

# The code column OCR read on the scan's page 2.
COLUMN = ["1", "2", "2.1", "2.2", "2.3", "3", "3.1", "4", "b)"]


def _codes(tokens: list[str]) -> list[str | None]:
    return format_codes([c.code for c in repair_codes(tokens)])


def test_a_four_before_b_under_a_row_is_its_item_a():
    assert _codes(COLUMN)[-3:] == ["3.1", "3.1.a", "3.1.b"]


def test_a_four_the_column_numbers_as_a_row_stays_four():
    assert _codes(["1", "2", "3", "3.1", "4", "4.1"])[-2:] == ["4", "4.1"]
    assert _codes(["3", "3.1", "4", "a)", "b)"])[-3:] == ["4", "4.a", "4.b"]


def test_the_reading_costs_a_look_alike():
    code = repair_codes(COLUMN)[-2].code
    assert match_cost(read_code_token("4"), code) == CodeSettings().lookalike
    assert match_cost(read_code_token("5"), code) is None

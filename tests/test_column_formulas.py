"""A form's column numbering row with its columns' sums, "(1) | (2) | (3)=(4)+(5)+(6) | …", is the
header's, also as a scan garbles it (``extract.segment.column_numbers.numbers_with_formulas``):
taken for a data row, the annex below it (a row per field and the commune's) was not read at all.
The rows are the generator's form of files handled per field (seed 19341, third instance) as
Tesseract read its scan: the numbering row as OCR gave it, then a field's row as printed."""

from __future__ import annotations

from extract.segment.column_numbers import column_formula, numbers_with_formulas
from extract.segment.table_header import _is_column_numbers, header_row_count

_SCANNED = ["q)", "(2)", "(3)=4)* (5)+(6)", "(4)", "(5)", "(6)", "Œ)=@)+ (9)+(10)", "(8)", "(9)", "10",
            "(1)=q 2+3)", "12", "13", "14"]  # fmt: skip
_TYPED = ["(1)", "(2)", "(3)=(4)+(5)+(6)", "(4)", "(5)", "(6)", "(7)=(8)+(9)+(10)", "(8)", "(9)", "(10)",
          "(11)=(12)+(13)", "(12)", "(13)", "(14)"]  # fmt: skip
_FIELD = ["1", "Đất đai", "57", "30", "26", "1", "55", "3", "52", "0", "2", "2", "0", "100"]
_TOP = ["STT", "Lĩnh vực", "Số hồ sơ nhận giải quyết", "", "", "", "Số hồ sơ đã giải quyết", "", "", "",
        "Số hồ sơ đang giải quyết", "", "", "Tỷ lệ giải quyết trước hạn, đúng hạn (%)"]  # fmt: skip
_SUB = ["", "", "Tổng số", "Trực tuyến", "Trực tiếp, bưu chính", "Kỳ trước chuyển qua", "Tổng số", "Trước hạn",
        "Đúng hạn", "Quá hạn", "Tổng số", "Trong hạn", "Quá hạn", ""]  # fmt: skip


def test_a_numbering_row_with_formulas_is_the_columns_numbers_typed_or_scanned():
    assert numbers_with_formulas(_TYPED)
    assert numbers_with_formulas(_SCANNED)
    assert _is_column_numbers(_SCANNED)


def test_it_stays_in_the_header_above_the_first_field():
    assert header_row_count([_TOP, _SUB, _SCANNED, _FIELD]) == 3


def test_a_data_row_is_no_numbering():
    assert not numbers_with_formulas(_FIELD)
    assert not _is_column_numbers(_FIELD)
    # (a figure cell with a sum written out is no formula of marks: no bracket)
    assert not column_formula("55=3+52")
    assert column_formula("(3)=(4)+(5)+(6)")


# Seed 19001's S38 instance 3 (the same form, another commune), its numbering row as Tesseract read it: the
# last group's "+" read "*" ("(11)=(12)+(13)" as "(11)= 2)*(13)").
_SCANNED_STAR = ["q)", "(2)", "(3)=(4)+ (5)+(6)", "(4)", "5", "(6)", "(Œ)=(8)+ (9)+(10)", "(8)", "(9)", "10",
                 "(11)= 2)*(13)", "12", "13", "14"]  # fmt: skip


def test_a_formula_whose_plus_ocr_read_as_a_star_is_still_one():
    assert column_formula("(11)= 2)*(13)")
    assert numbers_with_formulas(_SCANNED_STAR)
    assert header_row_count([_TOP, _SUB, _SCANNED_STAR, _FIELD]) == 3
    assert not column_formula("55=3*52")  # (no bracket: a figure's working, no column's formula)

"""A table's header rows: the leading rows that read as column labels, not as items or figures,
and the "(1) (2) (3)" row of column numbers some forms print under them. Split from
``table_join`` (which joins a table's fragments across pages and uses these to find each
fragment's header)."""

from __future__ import annotations

from collections import Counter

import regex as re

from extract.segment.column_labels import labels_around_figure, labels_columns
from extract.segment.column_numbers import numbers_with_formulas
from extract.segment.stat_across_units import row_units
from extract.segment.stat_period_parts import counts_months
from normalize.lazy_regex import lazy_compile
from normalize.numbers import figures_only
from normalize.text import after_bullet, fold

# A row that starts a new item: "1", "1.2", "1.2.3.", "I", "II.", "a)", "2.7. text". A date
# ("25/01/2023", "03/2023", "25.01.2023", a quarter's "I/2023") is a deadline cell's value, not
# an item's number: the rest of a row a page break cut often holds only its date and the tails
# of its other cells.
_ITEM_START = lazy_compile(
    r"^\s*(?!\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{1,2}/\d|[IVX]{1,4}/\d)"
    r"(?:[IVXLC]{1,5}\b\.?|\d{1,2}(?:\.\d{1,2}){0,3}\.?(?!\d)|[a-zđ]\))",
    re.I,
)
# A part's heading row spanning the table under its header, "A. CÁC TIÊU CHÍ ĐÁNH GIÁ": the body's
# first row (its words are a header's, "tiêu chí", "chấm điểm": taken for a header row, it renamed
# the first column and no code column was left).
_PART_HEADING = lazy_compile(r"^\s*[A-H]\.\s+\p{Lu}")
_COLUMN_NUMBERS = lazy_compile(r"^\(?\s*\d{1,2}\s*\)?$|^[A-H]$")
_BRACKETED_NUMBER = lazy_compile(r"^\(\s*(\d{1,2})\s*\)$")
# A column number with a bracket left on either side ("(6", "4)"), or a pair of brackets whose digit
# OCR lost ("()"): a bracket is the column numbering's own mark, a data cell prints its figure bare.
_BRACKET_MARKED = lazy_compile(r"^\(\s*\d{0,2}\s*\)?$|^\(?\s*\d{0,2}\s*\)$")
# A total's row printed first, under the header, its figures blank or its maximum in its label
# ("Tổng cộng (101 điểm)"): the body's first row, not a header's (taken for one, the table's stated
# total was lost). A bare "Tổng số" is a column's label ("Tổng số | Trước hạn | Đúng hạn") and stays.
_TOTAL_ALONE = lazy_compile(
    r"^(?:tong\s+cong|tong(?:\s+so)?\s+diem(?:\s+so)?|cong\s+diem)\s*[:.]?\s*"
    r"(?:[(\[][^()\[\]]*[)\]])?\W*$"
)
_SPECKS = "'‘`|_ "  # what a scan leaves before or after a cell's text
_COLUMN_NUMBER_CELL = lazy_compile(r"^[\'‘`|_]?\(?\s*(\d{1,2})\s*\)?$")


def header_row_count(rows: list[list[str]], max_rows: int = 3) -> int:
    """Leading rows that read as column headings: before the first row that starts an item
    (a code or a bullet in its first cell) or carries a number in a later cell. A row whose other cells are
    the columns' labels is a heading whatever its first cell holds: OCR reads a scan's "STT" as
    a code ("7 | Chỉ tiêu | Đơn vị tính | Kết quả | Ghi chú")."""
    count = 0
    for k, row in enumerate(rows[:max_rows]):
        first = next((c for c in row if c.strip()), "")
        if (
            _ITEM_START.match(row[0] if row else "")
            and row[0].strip()
            and not _is_column_numbers(row)
            and not labels_columns(row)
        ):
            break
        if any(figures_only(c) for c in row[1:] if c.strip()) and not _is_column_numbers(row):
            if not counts_months(row) and not labels_around_figure(row):  # ("T" of months lost; "5" for "STT")
                if k == 0 or row_units(row, rows[k - 1]) is None:  # (a row of units, "(%)" read "94")
                    break
        if _PART_HEADING.match(first) and len({c.strip() for c in row if c.strip()}) == 1:
            break
        if k and len({c.strip() for c in row if c.strip()}) == 1 and _TOTAL_ALONE.match(fold(first)):
            break
        if after_bullet(row[0] if row else "") is not None:
            break  # a bullet opens an item ("+ Tiếp nhận hồ sơ …"), never a column's label
        if not first:
            count += 1
            continue
        count += 1
    return count


def _is_column_numbers(row: list[str]) -> bool:
    """The "(1) (2) (3)" row some forms put under the header. On a scan one of them may be
    misread ("q)" for "(1)", Tesseract taking the bracket and the one for a letter): a row whose
    other cells number the columns in order, the odd one as short as a column number, is it
    still."""
    filled = [c.strip() for c in row if c.strip()]
    if len(filled) < 3:
        return False
    if numbers_with_formulas(row):
        return True  # "(1) | (2) | (3)=(4)+(5)+(6) | …": a form's numbering with its columns' sums
    odd = [c for c in filled if not _COLUMN_NUMBERS.match(c) and not _COLUMN_NUMBER_CELL.match(c)]
    if not odd:
        return _counts_columns(filled)
    # The others bracketed, "(2)": a data row's plain numbers ("a) 2 3 4") are not column numbers;
    # one of them may have lost its brackets on the scan ("(2) (3) 4 (5)"), still in sequence.
    # A number OCR lost leaves a gap: each number then still sits in its own column.
    placed = [(int(m.group(1)), i) for i, c in enumerate(row) if (m := _COLUMN_NUMBER_CELL.match(c.strip()))]
    numbers = [n for n, _ in placed]
    # (each cell a bracket marks counts: brackets lost here and there still leave most of them)
    bracketed = sum(_bracket_marked(c) for c in filled)
    in_order = numbers == list(range(numbers[0], numbers[0] + len(numbers))) if numbers else False
    in_columns = len({n - i for n, i in placed}) == 1
    return (
        len(odd) == 1
        and len(odd[0]) <= 3
        and len(numbers) == len(filled) - 1 >= 3
        and bracketed >= len(numbers) - 1
        and (in_order or in_columns)
    )


def column_marks(row: list[str]) -> list[int | None]:
    """Each cell's number in a row that numbers the columns ("(1) | (2) | (3)"), None where a
    cell holds none (a number a scan lost)."""
    return [int(m.group(1)) if (m := _COLUMN_NUMBER_CELL.match(c.strip())) else None for c in row]


def _bracket_marked(cell: str) -> bool:
    """Whether a cell is a column number a bracket marks, on one side at least, or the bracket pair
    of one whose digit OCR lost ("(2)", "(6", "4)", "()")."""
    text = cell.strip(_SPECKS)
    return any(b in text for b in "()") and bool(_BRACKET_MARKED.match(text))


def _counts_columns(filled: list[str]) -> bool:
    """Whether cells that all read as column numbers do number the columns: bracketed ("(1) (2)
    (3)", one bracket may be lost on a scan), or counting up by one ("1 2 3 4", one of them may be
    misread). A one-row table of small counts ("17 | 15 | 2" under its labels) is figures, not the
    column numbers: taken for them, the table lost its only row, untold."""
    numbers = [int(m.group(1)) for c in filled if (m := _COLUMN_NUMBER_CELL.match(c))]
    if len(numbers) < 3:
        return True  # letters "A B" or too few numbers to tell: as before
    bracketed = sum(bool(_BRACKETED_NUMBER.match(c.strip(_SPECKS))) for c in filled)
    if bracketed >= len(numbers) - 1:
        return True
    offsets = Counter(n - k for k, n in enumerate(numbers))
    return offsets.most_common(1)[0][1] >= len(numbers) - 1

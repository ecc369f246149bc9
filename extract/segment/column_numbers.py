"""The line numbering a table's columns under its header, "(1) (2) (3) …": layout, no row of data.
A scan prints it small, and OCR garbles some of its marks ("Œ) (2)", "(1 (2)"), so the clean
pattern alone (``unread._COLUMN_NUMBERS``) misses it and a row withdrawn from a table as unsure
is told unread on a document read whole."""

from __future__ import annotations

from normalize.lazy_regex import lazy_compile

# A bracketed mark of one or two characters, one bracket of it possibly lost or garbled.
_MARK = lazy_compile(r"\(?[^\s()]{1,2}\)|\([^\s()]{1,2}\)?")
_CLEAN = lazy_compile(r"\(\d{1,2}\)")


def numbers_the_columns(text: str) -> bool:
    """Whether a line is a table's column numbering: two marks or more, each a bracketed one- or
    two-character mark, one at least a clean "(n)" (a row's code "1)" and name are no such)."""
    pieces = text.split()
    return len(pieces) >= 2 and all(_MARK.fullmatch(p) for p in pieces) and any(_CLEAN.fullmatch(p) for p in pieces)


# A column's formula in a form's numbering row, "(3)=(4)+(5)+(6)": its number, "=", the numbers it
# adds; on a scan its marks garbled ("Œ)=@)+ (9)+(10)", "(1)=q 2+3)"), its "=" and a sign kept: "+",
# or what OCR reads a "+" as ("(11)= 2)*(13)"), or a share's "/" and "×" ("(14)=(8)/(3)×100"). No data
# cell prints marks joined by signs after an "="; a letter or two are OCR's readings of a bracket or a digit.
_FORMULA = lazy_compile(r"^[^=+]{1,5}=[^=]*[+*/×][^=]*$")
_FORMULA_LETTERS = 2
# A cell numbering its column, one bracket or both possibly lost ("(4)", "10", "(6").
_NUMBER_CELL = lazy_compile(r"^\(?\s*(\d{1,2})\s*\)?$")
# Cells of such a row neither a number nor a formula (a mark OCR garbled whole, "q)"), at most.
_ODD_CELLS = 2
_ODD_CHARS = 3


def column_formula(cell: str) -> bool:
    """Whether a cell is a column's formula in a numbering row ("(3)=(4)+(5)+(6)")."""
    text = cell.strip()
    letters = sum(ch.isalpha() for ch in text)
    bracketed = "(" in text or ")" in text
    return bool(_FORMULA.match(text)) and bracketed and letters <= _FORMULA_LETTERS


def numbers_with_formulas(cells: list[str]) -> bool:
    """Whether a row is a form's column numbering with formulas, "(1) | (2) | (3)=(4)+(5)+(6) | (4)
    …": a formula at least, every number it prints standing in its own column (the number less the
    column's place the same for all, three or more), and at most a couple of marks garbled past
    reading, short as a number. A data row's figures never sit each at its column's number."""
    filled = [(k, c.strip()) for k, c in enumerate(cells) if c.strip()]
    formulas = [k for k, c in filled if column_formula(c)]
    placed = [(int(m.group(1)), k) for k, c in filled if (m := _NUMBER_CELL.match(c))]
    odd = [c for k, c in filled if k not in formulas and not _NUMBER_CELL.match(c)]
    return (
        bool(formulas)
        and len(placed) >= 3
        and len({n - k for n, k in placed}) == 1
        and len(odd) <= _ODD_CELLS
        and all(len(c) <= _ODD_CHARS for c in odd)
    )

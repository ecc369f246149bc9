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

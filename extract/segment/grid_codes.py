"""Criterion codes in a score grid's cells: a code a narrow cell wrapped at a dot made whole, a
code printed in the name cell split from its name, a code in an indent column of its own. What
the cell's text says of its code, apart from how the grid's rows become a table
(``score_tables``)."""

from __future__ import annotations

import regex as re

from extract.segment.joined import JoinedTable
from normalize.codes import opening_without_code_word, parse_code, without_code_word
from normalize.lazy_regex import lazy_compile
from normalize.padded_codes import unpadded_cell
from normalize.text import SPACE_RUN

# A criterion code opening a cell that also holds the name ("1.1. Kế hoạch CCHC", "II. ĐÁNH GIÁ").
_CODE_PREFIX = lazy_compile(
    r"^\s*((?:[IVX]{1,5}\.?(?=\s*[-–:)])|[IVX]{1,5}\.|\d{1,2}(?:\.\d{1,2}){0,3}\.?)(?!\d))"
    r"\s*[-–:)]?(?:\s+(.*))?$",
    re.S,
)


def code_in_own_column(joined: JoinedTable, row, name_col: int) -> tuple[str, str] | None:
    """(code, name) when one of the grid columns under the name header holds nothing but a code
    and another holds the text: the sub-criteria's codes printed in the indent column."""
    texts = [row.cells[c].strip() for c in joined.columns_of(name_col) if c < len(row.cells)]
    filled = [compact_code(t) for t in texts if t]
    if len(filled) < 2 or not parse_code(filled[0]):
        return None
    return filled[0], " ".join(filled[1:])


_WRAPPED_CODE = lazy_compile(r"(?:[IVX]{1,5}|\d{1,2})(?:\.\s*\d{1,2})*\.?")


def compact_code(text: str, column_words: frozenset[str] = frozenset()) -> str:
    """A code a narrow cell wrapped at a dot ("1.1." over "1" reads "1.1. 1") made whole again; a
    word printed before the code dropped (``without_code_word``); a scoring software's zero-padded
    code ("01.02") written plainly ("1.2", ``unpadded_cell``); any other text unchanged."""
    plain = unpadded_cell(text)
    if plain:
        return plain
    if _WRAPPED_CODE.fullmatch(text.strip()):
        return SPACE_RUN.sub("", text)
    return without_code_word(text, column_words)


def split_code(text: str, column_words: frozenset[str] = frozenset()) -> tuple[str, str]:
    """("1.1.", "Kế hoạch CCHC") from "1.1. Kế hoạch CCHC", or from "Tiêu chí 1.1. Kế hoạch CCHC"
    (a word before the code: ``opening_without_code_word``); ("", text) when no code opens it."""
    for opening in dict.fromkeys((text, opening_without_code_word(text, column_words))):
        m = _CODE_PREFIX.match(opening)
        if m and parse_code(m.group(1)):
            return m.group(1), (m.group(2) or "").strip()
    return "", text

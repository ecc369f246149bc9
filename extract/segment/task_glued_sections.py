"""A section heading a scan's line joined to the task row above it. In a task table typed at tab
stops whose task names wrap, OCR may read a task's last line and the section heading printed under
it as one line: the TT cell holds the task's number and the section's numeral ("3 H" for "3" over
"II."), the task's cell ends in the heading's title in capitals ("… ngưng hiệu lực CẢI CÁCH THỦ
TỤC HÀNH CHÍNH"), and a title that runs past the task column leaves its last words in the cells
after it ("CHÍNH", "NHÀ", "Phòng Văn hóa - Xã hội NƯỚC"). The row is the task, then the heading:
the numeral after the number says so, and the capitals at the cells' ends (Vietnamese syllables,
no abbreviation such as "UBND") are the title's words."""

from __future__ import annotations

from dataclasses import replace

from extract.segment.joined import JoinedRow, JoinedTable
from normalize.lazy_regex import lazy_compile
from normalize.vietnamese.model import load_model
from normalize.vietnamese.syllable import normalize_syllable

# The TT cell: the task's number, then a roman numeral in OCR's look-alikes ("3 H", "7 IH", "5 IV.").
_NUMBER_NUMERAL = lazy_compile(r"^\s*(?P<number>\d{1,2})\s*\.?\s+(?P<numeral>[IVXHLl|]{1,4})\.?\s*$")
# Words a title's run in capitals holds at least in the task's cell (one capital word may be a
# task's own: an abbreviation, a name).
MIN_TITLE_WORDS = 2


def _title_word(token: str) -> bool:
    """A word in capitals that is a Vietnamese syllable ("CHÍNH", "NƯỚC"), no abbreviation ("UBND")."""
    letters = token.strip(",.;:")
    return (
        len(letters) > 1
        and letters.isalpha()
        and letters.isupper()
        and normalize_syllable(letters.lower()) in load_model().syllables
    )


def _capitals_at_end(text: str) -> tuple[str, str]:
    """(the text before, the run of title words in capitals ending it)."""
    tokens = text.split()
    k = len(tokens)
    while k > 0 and _title_word(tokens[k - 1]):
        k -= 1
    return " ".join(tokens[:k]), " ".join(tokens[k:])


def glued_sections_apart(table: JoinedTable, code_col: int | None, task_col: int | None) -> JoinedTable:
    """The table with each task row that holds a section heading a scan's line joined to it (its
    TT cell a number then a numeral, its task's cell ending in two or more title words in
    capitals) parted into the task's row and the heading's row under it (the numeral in the TT
    cell, the title's words of every column joined in the task's). Typed rows are left as they are."""
    if code_col is None or task_col is None or not any(r.confs for r in table.rows):
        return table
    rows: list[JoinedRow] = []
    for row in table.rows:
        parted = _parted(row, code_col, task_col)
        rows += parted if parted else [row]
    return table if len(rows) == len(table.rows) else replace(table, rows=rows)


def _parted(row: JoinedRow, code_col: int, task_col: int) -> list[JoinedRow] | None:
    if max(code_col, task_col) >= len(row.cells) or not any(c is not None for c in row.confs):
        return None
    m = _NUMBER_NUMERAL.match(row.cells[code_col])
    task, title = _capitals_at_end(row.cells[task_col])
    if m is None or len(title.split()) < MIN_TITLE_WORDS or not task:
        return None
    own = list(row.cells)
    heading = [""] * len(row.cells)
    own[code_col], heading[code_col] = m.group("number"), m.group("numeral")
    own[task_col], words = task, [title]
    for c in range(task_col + 1, len(row.cells)):
        if c != code_col:
            own[c], piece = _capitals_at_end(row.cells[c])
            words += [piece] if piece else []
    heading[task_col] = " ".join(words)  # the title whole, as a section row prints it
    return [
        replace(row, cells=own),
        replace(
            row,
            cells=heading,
            bold=[False] * len(heading),
            lines=[],
            places=[],
            line_confs=[],
            above=[],
            counted=frozenset(),
            bulleted=frozenset(),
        ),
    ]

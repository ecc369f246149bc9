"""Templates that number their columns ("1- Mục tiêu", "2- Nhiệm vụ", "(3) Hoạt động") and give
the cell texts codes of their column's family ("2.2. …" under "2- Nhiệm vụ"): a row the source
shifted left (its leading empty cells lost) is put back by those codes. Used by ``table_join`` on
each piece of a table."""

from __future__ import annotations

from extract.segment.joined import JoinedRow
from normalize.lazy_regex import lazy_compile

_COLUMN_NUMBER = lazy_compile(r"^\s*\(?(\d{1,2})\s*[-–.)]\s*\S")
_CELL_CODE_FAMILY = lazy_compile(r"^\s*(\d{1,2})\s*\.\s*\d{1,2}")


def column_numbers(header: list[list[str]], n_cols: int) -> list[int | None]:
    """The numbers some templates give their columns ("1- Mục tiêu", "2- Nhiệm vụ", "(3) Hoạt
    động"); None for a column without one."""
    numbers: list[int | None] = [None] * n_cols
    for row in header:
        for c, text in enumerate(row[:n_cols]):
            m = _COLUMN_NUMBER.match(text or "")
            if m and numbers[c] is None:
                numbers[c] = int(m.group(1))
    return numbers


def realign_row(cells: list[str], numbers: list[int | None]) -> list[str] | None:
    """Put back a row the source shifted left: in a template whose columns are numbered and whose
    cell texts carry codes of their column's family ("2.2. ..." under "2- Nhiệm vụ"), a row whose
    first filled cell holds a code of a column further right has lost its leading empty cells.
    Each coded cell goes to its column, uncoded cells follow the one before them. None when the
    row is fine or cannot be placed."""
    where = {n: c for c, n in enumerate(numbers) if n is not None}
    if len(where) < 2:
        return None
    first = next((c for c, t in enumerate(cells) if t.strip()), None)
    if first is None:
        return None
    m = _CELL_CODE_FAMILY.match(cells[first])
    target = where.get(int(m.group(1))) if m else None
    if target is None or target <= first or numbers[first] == int(m.group(1)):
        return None
    out = [""] * len(numbers)
    offset = 0
    last = -1
    for c, text in enumerate(cells):
        if not text.strip():
            continue
        m = _CELL_CODE_FAMILY.match(text)
        if m and where.get(int(m.group(1)), -1) > last:
            offset = where[int(m.group(1))] - c
        dest = c + offset
        if dest <= last or dest >= len(out):
            return None
        out[dest] = text
        last = dest
    return out


def realign_rows(rows: list[JoinedRow], numbers: list[int | None]) -> None:
    for row in rows:
        fixed = realign_row(row.cells, numbers)
        if fixed is not None:
            row.cells = fixed
            row.bold = (row.bold + [False] * len(fixed))[: len(fixed)]
            row.realigned = True

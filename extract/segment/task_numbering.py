"""A task table's number column that its header does not name: a scan's "STT" read as "5", or a
label lost, leaves the column of the tasks' numbers with no field, and every task under the first
is read as the rest of the row above. The column is told by its cells: small whole numbers, nearly
every body row holding one, running on by one (or starting afresh at 1, the numbering restarting
in each field). What the cells hold says it: no layout is named."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from normalize.lazy_regex import lazy_compile

# A task's number; a scan's line may join the numeral of the section printed below it ("3 H" for
# "3" over "III", "7 IH" for "7" over "III"): roman numerals in OCR's look-alikes after a space.
_NUMBER = lazy_compile(r"^\s*(\d{1,2})\s*\.?(?:\s+[IVXHLl|]{1,4}\.?)?\s*$")


@dataclass(frozen=True)
class NumberingSettings:
    # A numbered column fills at least this share of the body rows (a task whose number OCR lost).
    min_filled: float = 0.8
    # ... and its numbers step on by one or restart at 1 between this share of neighbours.
    min_steps: float = 0.8
    # A column of two or three numbers could be anything: a table numbers more tasks than this.
    min_rows: int = 3


def numbering_column(
    columns: list[list[str]], taken: Collection[int], settings: NumberingSettings = NumberingSettings()
) -> int | None:
    """The one column (each given as its body cells, top to bottom) outside ``taken`` that numbers
    the rows; None when no column or several do."""
    found = []
    for c, cells in enumerate(columns):
        if c in taken or len(cells) < settings.min_rows:
            continue
        filled = [cell for cell in cells if cell.strip()]
        numbers = [m.group(1) for cell in filled if (m := _NUMBER.match(cell))]
        if len(numbers) != len(filled) or len(filled) < settings.min_filled * len(cells):
            continue
        values = [int(n) for n in numbers]
        steps = sum(1 for a, b in zip(values, values[1:]) if b in (a + 1, 1))
        if values[0] == 1 and steps >= settings.min_steps * (len(values) - 1):
            found.append(c)
    return found[0] if len(found) == 1 else None

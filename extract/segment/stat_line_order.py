"""Whether a statistics annex's code column runs in order (``stat_lines``): a table read without
a header is an annex's when its codes follow one another; one read in part keeps only codes
printed in the column's order."""

from __future__ import annotations

from typing import TYPE_CHECKING

from extract.segment.joined import JoinedTable
from extract.segment.statistics import normalise_code
from normalize.code_repair import repair_codes
from normalize.codes import CriterionCode, letter_item, parse_code, read_code_token, transition_cost

if TYPE_CHECKING:
    from extract.segment.stat_lines import StatLineSettings


def codes_in_sequence(table: JoinedTable, settings: StatLineSettings) -> bool:
    """Whether the rows of a table read without a header are an annex's: most carry a code, and
    each code follows the one above (1 → 2 → 2.1 → 2.2 → 3, a lettered item under its code).
    A title over coded prose or over a list of dates gives no such column."""
    readings = [_code_readings(r.cells[0]) for r in table.rows]
    lettered = [letter_item(r.cells[0]) is not None for r in table.rows]
    coded = sum(1 for c, letter in zip(readings, lettered) if c or letter)
    if coded < settings.min_coded_share * len(table.rows):
        return False
    steps = [c for c in readings if c]
    if len(steps) < 2:
        return False
    return _steps_in_order(steps) >= settings.min_sequence_share * (len(steps) - 1)


def _code_readings(cell: str) -> list[CriterionCode]:
    """A code cell's readings: as printed ("2.1", "21" the number 21), then, for digits whose dots
    OCR lost ("21", "42"), one digit a level (2.1, 4.2): which one the column's order chooses. A
    code printed with its dot, or read through a look-alike letter, has its printed reading only."""
    printed = parse_code(normalise_code(cell) or "")
    out = [printed] if printed is not None else []
    token = read_code_token(cell.strip()) if printed is not None and "." not in cell else None
    if token is not None and token.components and len(token.components) > 1 and not token.lookalikes:
        out.append(CriterionCode(0, token.components))
    return out


def _steps_in_order(steps: list[list[CriterionCode]]) -> int:
    """How many of the codes follow the one above, each code taking the reading that lets the most
    follow ("21" under "2" is 2.1, then "22" is 2.2 and "3" follows; read as the numbers 21, 22 the
    column would break at "3"): for each reading, the most steps that can end on it."""
    best = [(0, c) for c in steps[0]]
    for readings in steps[1:]:
        best = [(max(n + (transition_cost(prev, c) is not None) for n, prev in best), c) for c in readings]
    return max(n for n, _ in best)


def codes_read_in_order(table: JoinedTable, settings: StatLineSettings) -> bool:
    """Whether ``min_printed_code_share`` of a table's rows print a code and
    ``min_printed_sequence_share`` of those codes are what the column's order reads as printed
    ("21" under "2" is 2.1 with its dot lost): none inferred, repaired or taken for the row above's
    wrapped words. A row whose code OCR lost (the header's "TT" glued before its words) is no
    break in the column's order, only a row less that prints one."""
    tokens = [r.cells[0].strip() or None for r in table.rows]
    choices = repair_codes(tokens)
    printed = [c for token, c in zip(tokens, choices) if token is not None]
    read = sum(1 for c in printed if c.code is not None and not (c.inferred or c.repaired or c.absorbed))
    return (
        len(tokens) >= settings.min_rows
        and len(printed) >= settings.min_printed_code_share * len(tokens)
        and read >= settings.min_printed_sequence_share * len(printed)
    )

"""Whether a statistics annex's code column runs in order (``stat_lines``): a table read without
a header is an annex's when its codes follow one another; one read in part keeps only codes
printed in the column's order."""

from __future__ import annotations

from typing import TYPE_CHECKING

from extract.segment.joined import JoinedTable
from extract.segment.statistics import normalise_code
from normalize.code_repair import repair_codes
from normalize.codes import letter_item, parse_code, transition_cost

if TYPE_CHECKING:
    from extract.segment.stat_lines import StatLineSettings


def codes_in_sequence(table: JoinedTable, settings: StatLineSettings) -> bool:
    """Whether the rows of a table read without a header are an annex's: most carry a code, and
    each code follows the one above (1 → 2 → 2.1 → 2.2 → 3, a lettered item under its code).
    A title over coded prose or over a list of dates gives no such column."""
    codes = [parse_code(normalise_code(r.cells[0]) or "") for r in table.rows]
    lettered = [letter_item(r.cells[0]) is not None for r in table.rows]
    coded = sum(1 for c, letter in zip(codes, lettered) if c is not None or letter)
    if coded < settings.min_coded_share * len(table.rows):
        return False
    steps = [c for c in codes if c is not None]
    if len(steps) < 2:
        return False
    fine = sum(1 for a, b in zip(steps, steps[1:]) if transition_cost(a, b) is not None)
    return fine >= settings.min_sequence_share * (len(steps) - 1)


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

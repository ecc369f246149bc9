"""An annex read without its header whose lines OCR garbled past reading the whole table: read in
part, by its code column.

A degraded ``--psm 6`` page loses the header, smears whole rows into specks and garbles most
codes ("Z1", "B1", "3ã"), so too few rows give a figure for the columns inferred from them to be
trusted (``stat_lines._sound``), and the whole form used to be told unread. Yet the rows whose
code OCR printed cleanly and in the column's order ("1", "21", "22.", "23" … "53", "7": each the
successor the hierarchy allows of the one above, none inferred, none re-read) are the form's
rows, under their own codes: the code column is the annex's layout. Those rows are kept (their
figure read where the text prints one, told lost where not); every other row of the table is told
unread as one part with the lines OCR smeared into specks, never dropped and never given a code
guessed from its place."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from extract.model import Line
from extract.segment.joined import JoinedRow
from extract.segment.stat_unread import COLUMNS_INFERRED
from normalize.code_repair import repair_codes
from normalize.codes import CriterionCode, parse_code
from schemas.records import StatRow, UnreadPart

# The flag of a row kept from an annex read in part.
READ_IN_PART = "annex_read_in_part"
# Lines of the rows set aside quoted in their unread part.
_SAMPLE_LINES = 4


@dataclass(frozen=True)
class InPartSettings:
    # Rows printing their code in order an annex read in part needs (fewer: no column to read by).
    min_rows: int
    # The most a kept row's confidence can be: its columns were inferred from garbled lines.
    confidence: float
    # Whether an indicator's words are annex-form wording, not specks (``stat_line_cells``).
    worded: Callable[[str], bool]


@dataclass(frozen=True)
class InPartRead:
    """The rows kept (each flagged ``READ_IN_PART``) and the part telling the rows set aside (None
    when every row was kept)."""

    rows: list[StatRow]
    told: UnreadPart | None


def codes_in_order(table_rows: list[JoinedRow]) -> dict[tuple[int, int], CriterionCode]:
    """The code of each row of a table (by its page and first line) that prints one read as printed
    in the column's order: the column repair takes it as it reads, at no cost (no code inferred
    for it, no digit re-read, not absorbed into the row above)."""
    tokens = [r.cells[0].strip() or None for r in table_rows]
    return {
        (r.page, r.line_start): c.code
        for r, token, c in zip(table_rows, tokens, repair_codes(tokens))
        if token is not None and c.code is not None and not (c.inferred or c.repaired or c.absorbed) and c.cost == 0
    }


def read_in_part(
    title: str,
    body: list[Line],
    worded_rows: list[JoinedRow],
    rows: list[StatRow],
    settings: InPartSettings,
) -> InPartRead | None:
    """The rows of an annex read in part, or None when fewer than ``settings.min_rows`` rows print
    their code in order: no column to read by. ``body``: the table's lines, each one no kept row
    reads told (rows set aside, rows OCR smeared into specks); ``worded_rows``: the rows printing
    words or a code, whose code column is read (a line of specks between two rows is no break in
    it), each kept only with annex-form wording (``settings.worded``); ``rows``: the annex
    reader's rows of ``worded_rows``, matched by their first line. A kept row's code is the one
    the column reads as printed; its confidence is at most ``settings.confidence``."""
    in_order = codes_in_order(worded_rows)
    for r in worded_rows:
        if not settings.worded(r.cells[1]):
            in_order.pop((r.page, r.line_start), None)
    kept = [
        replace(
            row, flags=[*row.flags, COLUMNS_INFERRED, READ_IN_PART], confidence=min(row.confidence, settings.confidence)
        )
        for row in rows
        if row.code and parse_code(row.code) == in_order.get((row.source.page or 0, row.source.line_start or 0))
    ]
    if len(kept) < settings.min_rows:
        return None
    spans = [(r.source.page, r.source.line_start or 0, r.source.line_end or r.source.line_start or 0) for r in kept]
    unread = [
        ln
        for ln in body
        if any(c.isalnum() for c in ln.text) and not any(p == ln.page and a <= ln.number <= b for p, a, b in spans)
    ]
    return InPartRead(kept, _told(title, unread))


def _told(title: str, lines: list[Line]) -> UnreadPart | None:
    """One ``rows`` part naming the lines of an annex read in part that no kept row reads."""
    if not lines:
        return None
    return UnreadPart(
        page=lines[0].page,
        kind="rows",
        reason=f"{len(lines)} line(s) of the statistics annex “{title}”, read without its header, gave no row: "
        "their code OCR garbled out of the column's order, or the row into specks (not read: neither its "
        "code, its words nor its figure is legible)",
        text_sample=" / ".join(ln.text.strip() for ln in lines[:_SAMPLE_LINES]),
        page_end=lines[-1].page,
        line_start=lines[0].number,
        line_end=lines[-1].number,
    )

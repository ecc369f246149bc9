"""Rows typed as lines that no reader placed, on typed pages (a DOCX's paragraphs, a PDF's text
layer): a score table typed as lines with tabs that no reader saw as a table, and a row whose own
line a reader left out of the table it read (taken for its header, say), while the rows under it
came out.

A typed page prints every code it has. So a line opening with a row's code and ending in points
that gave nothing is a row lost, and so is a line opening with the code of a parent no table
holds, printed above the sub-criteria read under it. What was read leaves no such line: a
document read whole tells nothing here. OCR's pages have their own, looser tells
(``unread_rows``), where a lost line may leave no code at all."""

from __future__ import annotations

from collections.abc import Callable

from extract.model import IngestedDocument, Line
from extract.segment.unread_lost_total import opening_code
from extract.segment.unread_rows import (
    LINE_METHODS,
    UnreadRowSettings,
    in_order,
    parent_code,
    row_shaped,
    run_codes,
    within_lines,
)
from schemas.records import ExtractionResult, ScoreRow, UnreadPart


def unread_typed_rows(
    doc: IngestedDocument,
    result: ExtractionResult,
    is_read: Callable[[Line, int], bool],
    settings: UnreadRowSettings = UnreadRowSettings(),
) -> list[UnreadPart]:
    """Row-shaped lines that gave no row, and parents printed but not read, on typed pages
    (``is_read(line, page)`` says whether an item came from a line); samples whole, for the
    caller to cut."""
    typed = {p.number for p in doc.pages if p.method not in LINE_METHODS}
    if not typed:
        return []
    runs = _typed_runs(doc, typed, is_read, settings)
    return runs + [p for p in _printed_parents(doc, result, typed, is_read) if not within_lines(p, runs)]


def _typed_runs(
    doc: IngestedDocument, typed: set[int], is_read: Callable[[Line, int], bool], settings: UnreadRowSettings
) -> list[UnreadPart]:
    """Runs of lines opening with codes in a table's order (``in_order``) that gave no item, at
    least ``min_row_lines`` of them shaped as score rows (a code, then points): the rows of a table
    typed as lines that no reader placed. The run holds the rows whose names were broken by hand
    too (their points after the name's last line), so the part spans them all."""
    parts = []
    for page in doc.pages:
        if page.number not in typed:
            continue
        coded = [(ln, c) for ln in page.lines if (c := opening_code(ln)) is not None and not is_read(ln, page.number)]
        for run in in_order(coded, settings):
            lines = [ln for ln, _ in run]
            shaped = [ln for ln in lines if row_shaped(ln)]
            if len(shaped) < settings.min_row_lines:
                continue
            parts.append(
                UnreadPart(
                    page=page.number,
                    kind="rows",
                    reason=f"{len(lines)} lines opening with criterion codes in order "
                    f"({run_codes(run, most=6)}), "
                    f"{len(shaped)} of them ending in points, gave no row: a table typed as lines whose header "
                    "or layout could not be read",
                    text_sample=" / ".join(ln.text for ln in lines),
                    line_start=lines[0].number,
                    line_end=lines[-1].number,
                )
            )
    return parts


def _printed_parents(
    doc: IngestedDocument, result: ExtractionResult, typed: set[int], is_read: Callable[[Line, int], bool]
) -> list[UnreadPart]:
    """A parent no score table holds whose code opens a line above its first sub-criterion read,
    on that row's page, that gave no item: the row was printed and left out."""
    read = {(row.code or "").rstrip(".") for score in result.score_tables for row in score.rows}
    lines = {p.number: p.lines for p in doc.pages if p.number in typed}
    parts: list[UnreadPart] = []
    told: set[str] = set()
    for score in result.score_tables:
        for row in score.rows:
            parent = parent_code(row)
            if not parent or parent in read or parent in told or row.source.page not in lines:
                continue
            line = _parent_line(lines[row.source.page], parent, row, is_read)
            if line is None:
                continue
            told.add(parent)
            parts.append(_parent_part(line, lines[row.source.page], parent, row))
    return parts


def _parent_line(lines: list[Line], parent: str, row: ScoreRow, is_read: Callable[[Line, int], bool]) -> Line | None:
    """The nearest line above ``row`` opening with ``parent``'s code that gave no item."""
    start = row.source.line_start
    if start is None:
        return None
    code = tuple(int(n) for n in parent.split(".") if n.isdigit())
    above = [ln for ln in lines if ln.number < start and opening_code(ln) == code and not is_read(ln, ln.page)]
    return above[-1] if above else None


def _parent_part(line: Line, lines: list[Line], parent: str, row: ScoreRow) -> UnreadPart:
    """The part from the parent's line to the line above its sub-criterion (its name's wrapped
    lines and its points, when typed under it)."""
    start = row.source.line_start or line.number
    span = [ln for ln in lines if line.number <= ln.number < start]
    return UnreadPart(
        page=line.page,
        kind="rows",
        reason=f"row {parent} not read (its line is printed above {row.code}, which was)",
        text_sample=" / ".join(ln.text for ln in span),
        line_start=line.number,
        line_end=span[-1].number,
    )

"""A score table read from lines whose few rows swallowed the lines of many (issue 16: nothing
lost silently).

On OCR'd lines a score row spans its code's line and the lines its name, explanation or scale
wrap over: a few lines. When OCR garbles a table's codes and points past reading, the reader may
still find one row (a code and two figures somewhere in the scraps) and take every line after it,
to the signature block, for that row's wrapped words: the table's other rows lie inside a row read,
so no tell that looks for lines left unread sees them (a D25 dump of N66: one row "7" over 29
lines, 20 rows lost). What the table still shows is its own shape: a criteria set has more than
one field, and a row is not a page of lines. A table of fewer rows than ``min_rows`` whose rows
spread over at least ``min_lines`` lines, ``lines_per_row`` a row or more, lost the rows printed
on them: told as one ``rows`` part over those lines."""

from __future__ import annotations

from dataclasses import dataclass

from extract.model import IngestedDocument, Line
from extract.segment.unread_rows import LINE_METHODS
from schemas.records import ExtractionResult, ScoreTable, UnreadPart


@dataclass(frozen=True)
class LoneRowSettings:
    # A table of fewer rows than this is looked at (every criteria set has more fields than one;
    # a table of several rows read tells its losses by its numbering and sums).
    min_rows: int = 2
    # Lines of text the rows spread over before they hold more than a row's words: a name, an
    # explanation and a scale wrap over a few lines each, side by side on the same lines.
    min_lines: int = 12
    lines_per_row: float = 8.0


def unread_lone_rows(
    doc: IngestedDocument, result: ExtractionResult, settings: LoneRowSettings = LoneRowSettings()
) -> list[UnreadPart]:
    """One ``rows`` part per score table read from a line page's lines (an OCR dump, an OCR'd page)
    whose few rows cover more lines than rows can: the other rows printed there were not read."""
    methods = {page.number: page.method for page in doc.pages}
    lines = {(ln.page, ln.number): ln for page in doc.pages for ln in page.lines if ln.text.strip()}
    parts: list[UnreadPart] = []
    for table in result.score_tables:
        if not table.rows or len(table.rows) >= settings.min_rows or table.read_from != "lines":
            continue
        covered = _covered(table, lines)
        if not covered or any(methods.get(ln.page) not in LINE_METHODS for ln in covered):
            continue
        if len(covered) < max(settings.min_lines, settings.lines_per_row * len(table.rows)):
            continue
        first, last = covered[0], covered[-1]
        codes = ", ".join(row.code or "?" for row in table.rows)
        parts.append(
            UnreadPart(
                page=first.page,
                page_end=last.page if last.page != first.page else None,
                kind="rows",
                reason=f"{len(table.rows)} row(s) ({codes}) read from {len(covered)} lines of a score table: "
                "the other rows printed on them were not read (their codes and points garbled by OCR)",
                text_sample=" / ".join(ln.text.strip() for ln in covered),
                line_start=first.number,
                line_end=last.number if last.page == first.page else None,
            )
        )
    return parts


def _covered(table: ScoreTable, lines: dict[tuple[int, int], Line]) -> list[Line]:
    """The lines of text the table's rows came from, in order: a row's span on its page (its lines
    run on to the next page's when it joined across a page break: those are not counted)."""
    covered: list[Line] = []
    for row in table.rows:
        src = row.source
        if src.page is None or src.line_start is None:
            continue
        end = src.line_end if src.line_end is not None else src.line_start
        covered.extend(lines[(src.page, n)] for n in range(src.line_start, end + 1) if (src.page, n) in lines)
    return covered

"""Gaps in a score table's numbering: siblings numbered 1.2 then 1.5 (1.3 and 1.4 not read), and
siblings before the first one read under its parent (1.3 first under 1, 5. first in the table),
unless the table says it is an excerpt."""

from __future__ import annotations

from extract.model import IngestedDocument
from extract.segment.unread_settings import UnreadSettings, sample_text
from normalize.lazy_regex import lazy_compile
from normalize.text import fold
from schemas.records import ExtractionResult, ScoreRow, ScoreTable, SourceRef, UnreadPart

_ENDS_IN_NUMBER = lazy_compile(r"(.*?)(\d{1,3})")


def _last_number(code: str) -> tuple[str, int] | None:
    m = _ENDS_IN_NUMBER.fullmatch(code or "")
    return (m.group(1), int(m.group(2))) if m else None


def numbering_gaps(result: ExtractionResult, settings: UnreadSettings, known: list[UnreadPart]) -> list[UnreadPart]:
    """Siblings of a score table numbered 1.2 then 1.5: the rows between were not read (a page
    that contributed nothing, a row the segmenter could not place). Task tables are left out: their
    numbering is the commune's own and skips as it likes. A code skipped here but read elsewhere
    in the document (a row printed out of order, or read from the other half of a two-panel grid
    after the rows it sits between) was read, and is not claimed lost again."""
    read = _codes_read(result)
    parts: list[UnreadPart] = []
    for score in result.score_tables:
        last: dict[tuple[str | None, str], tuple[int, str, SourceRef]] = {}
        for row in score.rows:
            key = _last_number(row.code or "")
            if key is None:
                continue
            prefix, n = key
            slot = (row.parent, prefix)
            previous = last.get(slot)
            last[slot] = (n, row.code or "", row.source)
            if previous is None or _told_between(previous[2], row.source, known):
                continue
            missing = [f"{prefix}{k}" for k in range(previous[0] + 1, n) if f"{prefix}{k}" not in read]
            if len(missing) < settings.min_missing_siblings:
                continue
            listed = ", ".join(missing[:5]) + ("…" if len(missing) > 5 else "")
            parts.append(
                _gap_part(row, f"numbering jumps from {previous[1]} to {row.code}: {listed} not read", settings)
            )
    return parts


def leading_gaps(doc: IngestedDocument, result: ExtractionResult, settings: UnreadSettings) -> list[UnreadPart]:
    """The siblings numbered before the first one read under its parent (or at the top level):
    "1.3" first under 1, or "5." first in the table, leaves 1.1 and 1.2, or 1 to 4, unread. A
    score table prints its criteria in order from the first (an excerpt of a set is its first
    fields), so a first sibling past 1 lost those before it — unless the table says it is an
    excerpt ("(TRÍCH)" under its title): then its first field may be any, and only a parent read
    vouches that its sub-criteria start at the first. Codes another table of the document holds
    (a table continued on a later page) were read there; a sibling whose own sub-criteria were
    read is told as a parent not read (``unread_rows``), not again here."""
    read = _codes_read(result)
    parts: list[UnreadPart] = []
    for score in result.score_tables:
        if len(score.rows) < settings.min_leading_gap_rows:
            continue
        excerpt = _marked_excerpt(doc, score, settings)
        first: dict[tuple[str | None, str], tuple[int, ScoreRow]] = {}
        for row in score.rows:
            key = _last_number(row.code or "")
            if key is not None and (row.parent, key[0]) not in first:
                first[(row.parent, key[0])] = (key[1], row)
        for (parent, prefix), (n, row) in first.items():
            if excerpt and parent is None and not prefix:
                continue
            missing = [f"{prefix}{k}" for k in range(1, n)]
            if any(code in read for code in missing):
                continue  # numbered from 1 after all: the siblings before were read elsewhere
            missing = [code for code in missing if not any(r.startswith(code + ".") for r in read)]
            if len(missing) < settings.min_missing_siblings:
                continue
            listed = ", ".join(missing[:5]) + ("…" if len(missing) > 5 else "")
            parts.append(_gap_part(row, f"numbering starts at {row.code}: {listed} before it not read", settings))
    return parts


# A table's title marking it an excerpt of the criteria ("… CẤP XÃ (TRÍCH)"), folded; a
# document's "trích yếu" (its subject line) is no such mark.
_EXCERPT = lazy_compile(r"\btrich\b(?!\s*yeu)")


def _marked_excerpt(doc: IngestedDocument, score: ScoreTable, settings: UnreadSettings) -> bool:
    """Whether the table says it is an excerpt: in its title, or on the lines above its first row."""
    if _EXCERPT.search(fold(score.title or "")):
        return True
    first = score.rows[0].source
    if first.page is None or first.line_start is None:
        return False
    return any(
        _EXCERPT.search(fold(line.raw or line.text))
        for page in doc.pages
        if page.number == first.page
        for line in page.lines
        if first.line_start - settings.excerpt_lines <= line.number < first.line_start
    )


def _codes_read(result: ExtractionResult) -> set[str]:
    """The codes of every score row the document read, in any of its tables, without a trailing dot."""
    return {(row.code or "").rstrip(".") for score in result.score_tables for row in score.rows}


def _gap_part(row: ScoreRow, reason: str, settings: UnreadSettings) -> UnreadPart:
    return UnreadPart(
        page=row.source.page,
        kind="rows",
        line_start=row.source.line_start,
        line_end=row.source.line_end,
        bbox=row.source.bbox,
        reason=reason,
        text_sample=sample_text(f"{row.code} {row.name}", settings),
    )


def _told_between(before: SourceRef, after: SourceRef, known: list[UnreadPart]) -> bool:
    """A part already reported (rows withdrawn as unsure) lies between two rows read: the siblings
    missing between them are in it, and are not reported twice."""
    if before.page is None or before.page != after.page or before.line_start is None or after.line_start is None:
        return False
    low = before.line_end or before.line_start
    return any(
        k.page == before.page and k.line_start is not None and low < k.line_start and k.line_start < after.line_start
        for k in known
    )

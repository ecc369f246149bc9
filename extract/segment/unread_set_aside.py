"""Score tables read from lines that the score reader set aside because their numbers do not
behave as points (``named_criteria.points_behave``), told as unread tables when their header names
points columns and no other reader claimed their lines.

A task appendix keyed by criterion code ("1.2", "Quý II") is set aside rightly, and the task
reader reads it; a score table whose numbers OCR lost or garbled (a column of specks, digits run
together) is set aside too, and nothing else reads it: its rows would be lost without a word.
The header tells them apart from a plan's headings (it names the points columns), the task
reader's rows from a table nobody read."""

from __future__ import annotations

from dataclasses import dataclass

from extract.model import IngestedDocument
from extract.segment.line_header import keyed_concepts
from normalize.text import fold_spaces
from schemas.records import ScoreTable, SourceRef, UnreadPart


@dataclass(frozen=True)
class SetAsideSettings:
    # Lines above a table's first row where its header is looked for.
    header_lines: int = 8
    # Points columns ("max", "self", "appraised") the header must name: a score table's, not a
    # task table's ("Nội dung | Thời gian | Kết quả").
    min_points_columns: int = 1
    # Rows a set-aside table needs before it is a table owed (a row or two is a stray line).
    min_rows: int = 2
    # Share of its rows on lines another reader read (task rows, annex rows, narrative items)
    # that makes it theirs.
    claimed_share: float = 0.5
    sample_chars: int = 160


def overlaps(a, b, share: float) -> bool:
    """Boxes overlap when their intersection covers ``share`` of the smaller one."""
    x0, y0 = max(a[0], b[0]), max(a[1], b[1])
    x1, y1 = min(a[2], b[2]), min(a[3], b[3])
    if x1 <= x0 or y1 <= y0:
        return False
    smaller = min((a[2] - a[0]) * (a[3] - a[1]), (b[2] - b[0]) * (b[3] - b[1]))
    return smaller > 0 and (x1 - x0) * (y1 - y0) >= share * smaller


def same_place(a: SourceRef, b: SourceRef) -> bool:
    if a.page is None or a.page != b.page:
        return False
    if a.line_start is not None and b.line_start is not None:
        return a.line_start <= (b.line_end or b.line_start) and b.line_start <= (a.line_end or a.line_start)
    if a.bbox and b.bbox:
        return overlaps(a.bbox, b.bbox, 0.5)
    return False


def read_elsewhere(rows: list, sources: list[SourceRef], share: float = 0.5) -> bool:
    """At least ``share`` of the rows lie on lines or boxes that other items were read from."""
    if not sources:
        return False
    covered = sum(1 for r in rows if any(same_place(r.source, ref) for ref in sources))
    return covered >= share * len(rows)


def unread_set_aside(
    doc: IngestedDocument,
    set_aside: list[ScoreTable],
    elsewhere: list[SourceRef],
    settings: SetAsideSettings = SetAsideSettings(),
) -> list[UnreadPart]:
    """One ``table`` part per set-aside table whose header names points columns and whose lines no
    other reader (``elsewhere``: where task rows, annex rows and narrative items came from) read."""
    pages = {p.number: p for p in doc.pages}
    parts = []
    for table in set_aside:
        rows = [r for r in table.rows if r.source.page is not None and r.source.line_start is not None]
        if len(rows) < settings.min_rows or read_elsewhere(rows, elsewhere, settings.claimed_share):
            continue
        first = rows[0].source
        page = pages.get(first.page or 0)
        if page is None or first.line_start is None:
            continue
        start = first.line_start
        above = [ln for ln in page.lines if start - settings.header_lines <= ln.number < start]
        named = set().union(*(keyed_concepts(ln.raw or ln.text) for ln in above)) if above else set()
        if len(named) < settings.min_points_columns:
            continue
        last = rows[-1].source
        sample = fold_spaces(" ".join(f"{r.code_raw or r.code or ''} {r.name_raw or r.name}" for r in rows))
        if len(sample) > settings.sample_chars:
            sample = sample[: settings.sample_chars - 1].rstrip() + "…"
        parts.append(
            UnreadPart(
                page=first.page,
                page_end=last.page if last.page != first.page else None,
                kind="table",
                reason=f"table of {len(rows)} rows under a header naming points columns "
                f"({', '.join(sorted(named))}) whose numbers do not read as points (lost or garbled by "
                "OCR: no score within its maximum, no sum): not turned into rows",
                text_sample=sample,
                line_start=start,
                line_end=(last.line_end or last.line_start) if last.page == first.page else None,
            )
        )
    return parts

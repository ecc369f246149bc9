"""The account of what was not read: every table of the ingested model that gave no rows and is
not layout, every page with no usable text, every run of rows the segmenters could not place.

The worst failure for a district officer is the one nobody sees: a table whose points are written
in a way the segmenters do not know, a continuation page that joined nothing, a page OCR could not
read. This stage runs after segmentation and compares the model with what came out of it, by
position only (page, source lines, boxes), so it knows nothing of how any segmenter works and
cannot be fooled by one that fails quietly. Score tables whose rows cannot be trusted are taken
out of the result, and told, by ``unread_withdrawn``; the parts are told in the review queue,
each once, by ``unread_review``.
"""

from __future__ import annotations

from dataclasses import replace

from extract.model import IngestedDocument, Line, Page, union_bbox
from extract.segment.column_blocks import unpaired_parts
from extract.segment.score_lines import column_block_reading
from extract.segment.unread_across import unread_across_tables
from extract.segment.unread_announced import unread_announced_tables
from extract.segment.unread_grids import NUMBER_CELL, unread_table
from extract.segment.unread_lone_rows import unread_lone_rows
from extract.segment.unread_numbering import leading_gaps, numbering_gaps
from extract.segment.unread_pages import unread_page, unread_pictures
from extract.segment.unread_points_across import unread_points_across
from extract.segment.unread_review import totals_told as totals_told, unread_review_items as unread_review_items
from extract.segment.unread_rows import unread_headed_tables, unread_score_rows, within_lines
from extract.segment.unread_set_aside import overlaps, unread_set_aside
from extract.segment.unread_settings import UnreadSettings, sample_text
from extract.segment.unread_table_span import unread_in_table_span
from extract.segment.unread_tail import unread_tail_rows
from extract.segment.unread_targets import unread_targets
from extract.segment.unread_task_lines import unread_task_lines
from extract.segment.unread_task_next import unread_task_next
from extract.segment.unread_tasks import (
    unread_merged_tasks,
    unread_task_codes,
    unread_task_gaps,
    unread_task_lists,
    unread_task_runs,
)
from extract.segment.unread_typed_rows import unread_typed_rows
from normalize.lazy_regex import lazy_compile
from normalize.text import fold
from schemas.records import LOST_TOTAL_REASON, UNITS_ROWS_FLAG, ExtractionResult, ScoreTable, SourceRef, UnreadPart

# The row numbering a table's columns under its header, "(1) (2) (3)", repeated atop a
# continuation page: layout, nothing of it is data to read.
_COLUMN_NUMBERS = lazy_compile(r"\s*(?:\(\d{1,2}\)\s*)+")
# Words of a task table's header over the column that holds the task (folded).
_TASK_HEADER_WORDS = ("noi dung", "nhiem vu", "hoat dong", "cong viec", "giai phap")


def find_unread(
    doc: IngestedDocument,
    result: ExtractionResult,
    settings: UnreadSettings = UnreadSettings(),
    known: list[UnreadPart] | None = None,
    set_aside: list[ScoreTable] | None = None,
) -> list[UnreadPart]:
    """Every part of ``doc`` that produced nothing in ``result``, in page order; lines already in a
    ``known`` part (a table withdrawn as unsure) are not reported twice. ``set_aside``: the score
    tables read from lines whose numbers did not behave as points (``read_score_tables``)."""
    sources = _row_sources(result)
    units_across = [row.source for annex in result.statistics for row in annex.rows if UNITS_ROWS_FLAG in row.flags]
    parts = unread_set_aside(doc, set_aside or [], sources)
    known = (known or []) + parts
    signer = result.document.signer if result.document else None
    for page in doc.pages:
        parts.extend(unread_page(page, settings, signer))
        parts.extend(unread_pictures(page))
        parts.extend(p for p in _unread_line_rows(page, sources, settings) if not within_lines(p, known))
        spans = unread_in_table_span(page, lambda line, number: _line_read(line, number, sources))
        parts.extend(replace(p, text_sample=sample_text(p.text_sample, settings)) for p in spans)
        for table in page.tables:
            part = unread_table(table, sources, settings, units_across)
            if part is not None:
                parts.append(part)
    unpaired = [p for p in unpaired_parts(column_block_reading(doc)) if not within_lines(p, known)]
    parts.extend(replace(p, text_sample=sample_text(p.text_sample, settings)) for p in unpaired)
    parts.extend(numbering_gaps(result, settings, known))
    parts.extend(_textless_tasks(result, settings))
    parts.extend(p for p in unread_task_codes(doc, result) if not within_lines(p, known))
    parts.extend(p for p in unread_task_lists(doc, result) if not within_lines(p, known + parts))
    parts.extend(p for p in unread_task_runs(doc, result) if not within_lines(p, known + parts))
    parts.extend(p for p in unread_task_gaps(doc, result) if not within_lines(p, known + parts))
    parts.extend(p for p in unread_merged_tasks(result) if not within_lines(p, known + parts))
    went_on = unread_task_next(doc, result, lambda line, page: _line_read(line, page, sources))
    parts.extend(p for p in went_on if not within_lines(p, known + parts))
    grid_lines = unread_task_lines(doc, result, lambda line, page: _line_read(line, page, sources))
    parts.extend(p for p in grid_lines if not within_lines(p, known + parts))
    lost = unread_score_rows(doc, result, lambda line, page: _line_read(line, page, sources))
    # A totals row taken for a row and withdrawn is told as the totals row it is (``totals_told``).
    parts.extend(
        replace(p, text_sample=sample_text(p.text_sample, settings))
        for p in lost
        if p.reason == LOST_TOTAL_REASON or not within_lines(p, known)
    )
    # A table whose one row took the lines of many for its wrapped words (its rows garbled).
    lone = unread_lone_rows(doc, result)
    parts.extend(
        replace(p, text_sample=sample_text(p.text_sample, settings)) for p in lone if not within_lines(p, known)
    )
    # Rows typed as lines that no reader placed (a table typed with tabs, a row left out of the
    # table read), on typed pages; not where a part above already tells the lines.
    typed = unread_typed_rows(doc, result, lambda line, page: _line_read(line, page, sources))
    parts.extend(
        replace(p, text_sample=sample_text(p.text_sample, settings))
        for p in typed
        if not within_lines(p, known + parts)
    )
    # Rows garbled past reading after a table's last row read, told by the criteria's names they hold.
    tail = unread_tail_rows(doc, result, lambda line, page: _line_read(line, page, sources))
    parts.extend(
        replace(p, text_sample=sample_text(p.text_sample, settings)) for p in tail if not within_lines(p, known + parts)
    )
    # A table's header with nothing read under it, unless a part above already tells its lines.
    headed = unread_headed_tables(doc, lambda line, page: _line_read(line, page, sources))
    parts.extend(
        replace(p, text_sample=sample_text(p.text_sample, settings))
        for p in headed
        if not within_lines(p, known + parts)
    )
    # A table printed across whose figures no reader took (a dump's labels on one line).
    across = unread_across_tables(doc, lambda line, page: _line_read(line, page, sources))
    parts.extend(
        replace(p, text_sample=sample_text(p.text_sample, settings))
        for p in across
        if not within_lines(p, known + parts)
    )
    # A score summary printed across (a column per field) whose points no reader took.
    points_across = unread_points_across(doc, lambda line, page: _line_read(line, page, sources))
    parts.extend(
        replace(p, text_sample=sample_text(p.text_sample, settings))
        for p in points_across
        if not within_lines(p, known + parts)
    )
    # A score table a report announced ("… chấm điểm như sau:") of which OCR left only scraps.
    # (the scores told in words, a statement read field by field under the sentence, are the
    # announced scores read: a narrative report walking the criteria set is no table lost)
    rows_only = _table_row_sources(result) + [s.source for s in result.score_statements if s.source.page is not None]
    firsts = [replace(s, line_end=s.line_start) for s in rows_only]  # (the line each row starts on)
    announced = unread_announced_tables(
        doc,
        lambda line, page: _line_read(line, page, sources),
        row_read=lambda line, page: _line_read(line, page, rows_only),
        row_start=lambda line, page: _line_read(line, page, firsts),
    )
    parts.extend(
        replace(p, text_sample=sample_text(p.text_sample, settings))
        for p in announced
        if not within_lines(p, known + parts)
    )
    # A scanned plan's target sentences that gave no target (its objectives heading spoilt by OCR).
    targets = unread_targets(doc, lambda line, page: _line_read(line, page, sources), targets=result.targets)
    parts.extend(p for p in targets if not within_lines(p, known + parts))
    parts = [p for p in parts if not _COLUMN_NUMBERS.fullmatch(p.text_sample or "")]
    # Siblings lost before the first read, last: they lie on no lines of their own (the row read
    # after them stands for the place), so they hide none of the parts above.
    parts.extend(leading_gaps(doc, result, settings))
    return sorted(parts, key=lambda p: (p.page or 0, p.line_start or 0))


def _row_sources(result: ExtractionResult) -> list[SourceRef]:
    """Where every item read came from: table rows, and the narrative items (score statements,
    targets, counts), which are read from lines and tables too (a plan's indicator-by-year table
    gives targets, a report's field lines give statements) — a region they came from was read."""
    return _table_row_sources(result) + _narrative_sources(result)


def _table_row_sources(result: ExtractionResult) -> list[SourceRef]:
    """Where the rows of the tables read (score, statistics, tasks) came from."""
    refs: list[SourceRef] = []
    for score in result.score_tables:
        refs.extend(row.source for row in score.rows)
    for annex in result.statistics:
        refs.extend(row.source for row in annex.rows)
    for tasks in result.task_tables:
        refs.extend(row.source for row in tasks.rows)
    return refs


def _narrative_sources(result: ExtractionResult) -> list[SourceRef]:
    items: list = [*result.score_statements, *result.targets, *result.counts]
    return [item.source for item in items if item.source.page is not None]


# --------------------------------------------------------------------------- table rows left as lines


def _unread_line_rows(page: Page, sources: list[SourceRef], settings: UnreadSettings) -> list[UnreadPart]:
    """Printed lines that look like the rows of a table (cut at wide gaps into several pieces, one of
    them a number alone) but gave no row: a table the reader could not see as one."""
    if page.method != "pdf-text":
        return []
    printed: dict[float, list[Line]] = {}
    for line in page.lines:
        if line.bbox:
            printed.setdefault(round(line.bbox[1]), []).append(line)
    unread_rows = []
    for pieces in printed.values():
        if len(pieces) < settings.min_row_pieces or not any(NUMBER_CELL.fullmatch(p.text.strip()) for p in pieces):
            continue
        if any(_line_read(p, page.number, sources) for p in pieces):
            continue
        unread_rows.append(pieces)
    if len(unread_rows) < settings.min_unread_lines:
        return []
    lines = [p for pieces in unread_rows for p in pieces]
    boxes = [p.bbox for p in lines if p.bbox]
    text = " ".join(
        " ".join(p.text for p in sorted(pieces, key=lambda q: q.bbox[0] if q.bbox else 0)) for pieces in unread_rows
    )
    return [
        UnreadPart(
            page=page.number,
            kind="rows",
            reason=f"{len(unread_rows)} printed lines laid out like table rows (numbers in columns) gave no row: "
            "a table printed without borders that could not be read",
            text_sample=sample_text(text, settings),
            bbox=list(union_bbox(boxes)),
            line_start=min(p.number for p in lines),
            line_end=max(p.number for p in lines),
        )
    ]


def _line_read(line: Line, page: int, sources: list[SourceRef]) -> bool:
    for ref in sources:
        if ref.page != page:
            continue
        if ref.line_start is not None and ref.line_start <= line.number <= (ref.line_end or ref.line_start):
            return True
        if ref.bbox and line.bbox and overlaps(ref.bbox, line.bbox, 0.5):
            return True
    return False


# --------------------------------------------------------------------------- task tables


_MERGED_CODE = lazy_compile(r"\p{L}{2,}[^\p{L}]+\p{L}{2,}")


def _textless_tasks(result: ExtractionResult, settings: UnreadSettings) -> list[UnreadPart]:
    """Task tables whose header names a task column but whose rows came out without a task: no
    task, activity, criterion or objective text, the row's words landing in other columns (a
    header the reader did not map, columns shifted on a scan). Such rows are places, not tasks
    read: at least ``min_missing_rows`` of them, and at least ``min_read_share`` of the table,
    are reported."""
    parts: list[UnreadPart] = []
    for table in result.task_tables:
        if not any(word in fold(" ".join(table.columns)) for word in _TASK_HEADER_WORDS):
            continue  # a list keyed by criterion code, with no task column to read (it prints none)
        empty = [r for r in table.rows if not (r.task or r.activity or r.criterion or r.objective).strip()]
        if len(empty) < settings.min_missing_rows or len(empty) < settings.min_read_share * len(table.rows):
            # A row whose number or code cell holds the row's words ("11 5.3 | Đánh giá, xếp loại
            # … | Báo cáo", "5.4Cửcánbộ,côngchức…"): a scan's grid merged its cells into one, its
            # task and fields are not read. A code holds no words.
            empty = [r for r in table.rows if _MERGED_CODE.search(f"{r.code or ''} {r.criterion_code or ''}")]
            if not empty:
                continue
        first, last = empty[0].source, empty[-1].source
        boxes = [r.source.bbox for r in empty if r.source.bbox and r.source.page == first.page]
        text = " | ".join(" ".join(v for v in (r.code or "", r.lead, r.product, r.deadline) if v) for r in empty)
        parts.append(
            UnreadPart(
                page=first.page,
                kind="rows",
                reason=f"{len(empty)} of the {len(table.rows)} rows of task table {table.title[:60]!r} came out "
                "without their task (its columns were not recognised)",
                text_sample=sample_text(text, settings),
                bbox=list(union_bbox(boxes)) if boxes else None,
                page_end=last.page if last.page != first.page else None,
                line_start=first.line_start,
                line_end=(last.line_end or last.line_start) if last.page == first.page else None,
            )
        )
    return parts

"""Score tables taken back out of the result when their rows cannot be trusted, and where they
were told as unread instead (``withdraw_unsure_tables``, run after segmentation like ``find_unread``).

A region read wrongly is worse than one reported as not read: rows cut out of a layout the reader
did not see (columns run together, a line taken for a row) look like a table whose codes are
inferred, whose names are empty, whose points are missing. On a typed page a table with many such
rows goes whole. On plain text (OCR dumps) cells are lost here and there in a table that was read:
the rows read whole (code, name, points, the criterion their code says) are kept, and only the
others are withdrawn and told, run by run; rows another segmenter read are not told twice."""

from __future__ import annotations

from dataclasses import replace

from extract.model import IngestedDocument, union_bbox
from extract.segment.column_blocks import FLAG_POINTS_UNPAIRED
from extract.segment.column_numbers import numbers_the_columns
from extract.segment.unread import _narrative_sources
from extract.segment.unread_coded import (
    as_coded,
    below_printed_levels,
    garbage_row,
    no_row_lost,
    placed_by_set,
    sure_row,
    unplaced,
)
from extract.segment.unread_rows import LINE_METHODS
from extract.segment.unread_set_aside import read_elsewhere
from extract.segment.unread_settings import UnreadSettings, sample_text
from normalize.criteria import CriteriaSet
from normalize.criteria.match import FLAG_CODE_BY_NAME
from normalize.criteria.match_settings import FLAG_SNAPPED
from schemas.records import ExtractionResult, SourceRef, UnreadPart


def withdraw_unsure_tables(
    doc: IngestedDocument,
    result: ExtractionResult,
    settings: UnreadSettings = UnreadSettings(),
    criteria: CriteriaSet | None = None,
) -> list[UnreadPart]:
    """Take the score tables of typed pages whose rows cannot be trusted out of ``result`` and say
    where they were: a region read wrongly is worse than one reported as not read. ``criteria``,
    the document's recognised criteria set, says which rows kept from a garbled table are the
    criteria their codes say."""
    ocr_pages = {p.number for p in doc.pages if p.method == "ocr"}
    # Plain text is where OCR dumps come in: a row with its code and name whose points OCR lost is
    # kept, and its points reported unread (``unread_rows``), not taken for a layout misread.
    text_pages = {p.number for p in doc.pages if p.method in LINE_METHODS}
    # What the other segmenters read (task paragraphs, annexes, narrative items), not the score tables.
    elsewhere = [row.source for t in result.task_tables for row in t.rows]
    elsewhere += [row.source for a in result.statistics for row in a.rows] + _narrative_sources(result)
    kept, parts = [], []
    for score in result.score_tables:
        typed = [r for r in score.rows if r.source.page not in ocr_pages]
        # Points lost here and there, not a table that prints none (a plan's task list).
        scored = sum(1 for r in typed if r.max_points is not None or r.self_points is not None)
        named = sum(1 for r in typed if any(f.startswith((FLAG_CODE_BY_NAME, FLAG_SNAPPED)) for f in r.flags))
        lossy = scored >= settings.min_scored_share * len(typed) or named >= settings.min_set_named_share * len(typed)
        lossy = lossy or any(FLAG_POINTS_UNPAIRED in r.flags for r in typed)  # its figures told lost
        unsure = [r for r in typed if _unsure(r, lossy and r.source.page in text_pages)]
        if len(unsure) >= settings.min_unsure_rows and len(unsure) >= settings.max_unsure_share * len(typed):
            on_text = all(r.source.page in text_pages for r in score.rows)
            sure = [
                r
                for r in score.rows
                if (not any(r is u for u in unsure) or placed_by_set(r)) and sure_row(r, settings.min_name_syllables)
            ]
            if criteria is not None:
                sure = as_coded(sure, score.rows, criteria, settings.sure_wording_min, settings.sure_recode_min)
            if on_text and len(sure) >= settings.min_sure_rows:
                kept.append(replace(score, rows=sure))
                out = [r for r in score.rows if not any(r is k for k in sure)]
                parts.extend(_withdrawn_runs(score, out, elsewhere, settings))
                continue
            # Lines another segmenter read (a report's "Lĩnh vực 1 ...: 3,25/10 điểm" statements, its
            # numbered task paragraphs) are not lost: the table is still taken out, but only a
            # region nothing read is reported.
            if not read_elsewhere(unsure, elsewhere):
                parts.append(_withdrawn(score, len(unsure), settings))
        elif criteria is not None and all(r.source.page in text_pages for r in score.rows):
            # A table read with few doubtful rows: each row nothing places (no printed code, no
            # criterion's name, no criterion's maximum) is taken out on its own and told.
            limits = (settings.unplaced_max_tolerance, settings.unplaced_named_min)
            out = [r for r in score.rows if unplaced(r, criteria, *limits)]
            kept.append(replace(score, rows=[r for r in score.rows if not any(r is o for o in out)]) if out else score)
            told = [
                r for i, r in enumerate(score.rows) if r in out and not no_row_lost(r, score.rows[i - 1] if i else None)
            ]
            parts.extend(_withdrawn_runs(score, told, elsewhere, settings))
        elif all(r.source.page in text_pages for r in score.rows):
            # No set to place rows by: a row the table's own numbering has no level for is taken out.
            out = [r for r in score.rows if below_printed_levels(r, score.rows, settings.min_name_syllables)]
            if result.source.read_by_ocr and all(garbage_row(r, settings.min_name_syllables) for r in score.rows):
                # Nothing read is a row: the table goes whole, its region to the set's wording.
                parts.extend(_withdrawn_runs(score, score.rows, elsewhere, settings))
                continue
            kept.append(replace(score, rows=[r for r in score.rows if not any(r is o for o in out)]) if out else score)
            parts.extend(_withdrawn_runs(score, out, elsewhere, settings))
        else:
            kept.append(score)
    result.score_tables = kept
    return parts


def _unsure(row, points_may_be_lost: bool = False) -> bool:
    if not row.name.strip():
        return True
    if "code_inferred" in row.flags:
        # OCR lost the code (and maybe the points) of a row whose name is, whole, the criteria
        # set's wording of the inferred code: the row is the criterion, its lost cells are told.
        return not (points_may_be_lost and any(f.startswith(FLAG_CODE_BY_NAME) for f in row.flags))
    if points_may_be_lost and row.code_raw:
        return False
    return row.max_points is None and row.self_points is None and row.level > 0


def _withdrawn_runs(score, out: list, elsewhere: list[SourceRef], settings: UnreadSettings) -> list[UnreadPart]:
    """Each run of consecutive rows of ``score`` taken ``out`` as one unread part (with its lines),
    those another segmenter read left out."""
    runs: list[list] = []
    previous = False
    # (a table's column numbering "(1) (2)" OCR garbled is layout taken out, no row lost)
    out = [r for r in out if not numbers_the_columns(f"{r.code_raw or ''} {r.name}")]
    for row in score.rows:
        now = any(row is o for o in out)
        if now:
            if previous:
                runs[-1].append(row)
            else:
                runs.append([row])
        previous = now
    reason = (
        "{n} rows of this table (of {total}) could not be read with confidence (no printed code, name "
        "or points, or a name that is not its code's criterion): not turned into rows"
    )
    return [
        _rows_part(run, reason.format(n=len(run), total=len(score.rows)), settings)
        for run in runs
        if not read_elsewhere(run, elsewhere)
    ]


def _withdrawn(score, unsure: int, settings: UnreadSettings) -> UnreadPart:
    reason = (
        f"a table-like region whose rows could not be read with confidence ({unsure} of {len(score.rows)} "
        "rows without a printed code, a name or points): not turned into rows"
    )
    return _rows_part(score.rows, reason, settings)


def _rows_part(rows: list, reason: str, settings: UnreadSettings) -> UnreadPart:
    pages = [r.source.page for r in rows if r.source.page is not None]
    boxes = [r.source.bbox for r in rows if r.source.bbox and r.source.page == (pages[0] if pages else None)]
    starts = [r.source.line_start for r in rows if r.source.line_start is not None]
    ends = [r.source.line_end for r in rows if r.source.line_end is not None]
    return UnreadPart(
        page=min(pages) if pages else None,
        page_end=max(pages) if pages and max(pages) != min(pages) else None,
        kind="rows",
        reason=reason,
        text_sample=sample_text(" ".join(f"{r.code_raw or ''} {r.name}" for r in rows), settings),
        bbox=list(union_bbox(boxes)) if boxes else None,
        line_start=min(starts) if starts else None,
        line_end=max(ends) if ends else None,
    )

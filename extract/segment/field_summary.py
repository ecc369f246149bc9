"""A summary table of the fields' points, printed apart from the detail table.

Some self-assessments score only the criteria in the detail table and leave the field rows' points
blank ("1. Công tác chỉ đạo, điều hành CCHC |  | "), then give each field's maximum and self
score, and the total, in a small table of their own ("STT | Lĩnh vực | Điểm tối đa | Điểm tự đánh
giá"), after the detail or before it. That table is not a second score table: its rows are the
detail's field rows, by code and name. Its figures fill the field rows' blank cells (flagged
``FLAG_FROM_SUMMARY``, the raw text the summary's), its total row is the detail's stated total,
and the checks then weigh each field's points against its criteria's (a field whose summary
figure its criteria do not add up to is a fault of the document, as when printed in the row).

A summary one of whose figures disagrees with a figure the detail prints for the same field, or
whose fields the detail does not hold, is left a table of its own: nothing is merged on a guess.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from rapidfuzz import fuzz

from extract.letter_lines import is_upper
from extract.segment.field_heading import under_field
from normalize.text import fold
from schemas.records import ScoreRow, ScoreTable, UnreadPart

# A field row's points taken from the summary table of the fields.
FLAG_FROM_SUMMARY = "points_from_field_summary"
_FIELDS = ("max_points", "self_points")
_MISSING = {"max_points": "missing_max", "self_points": "missing_self"}


@dataclass(frozen=True)
class FieldSummarySettings:
    # Names of a summary row and of the detail's field row of the same code are one field when
    # this alike (rapidfuzz token_set_ratio on folded text): a summary may shorten a field's name.
    same_name_ratio: float = 80.0
    # Two printed figures of one field agree within this.
    tolerance: float = 0.011
    # Fields a summary needs: one row is a total, not a summary of fields.
    min_fields: int = 2
    # Lines of a summary table that hold none of its fields: its header and its total row.
    frame_lines: int = 3


@dataclass
class FieldsSummed:
    """The score tables with the summaries merged, and the summaries merged (their lines were read)."""

    tables: list[ScoreTable]
    summaries: list[ScoreTable]


def fields_from_summary(
    tables: list[ScoreTable], settings: FieldSummarySettings = FieldSummarySettings()
) -> FieldsSummed:
    """The tables with each summary of fields merged into the detail table it sums: the detail's
    blank field cells filled, its stated totals taken, the summary itself no longer a table."""
    out = list(tables)
    merged: list[ScoreTable] = []
    for summary in tables:
        if not is_summary(summary, settings):
            continue
        restored = ((t, with_lost_fields(t, summary)) for t in out if t is not summary)
        found = ((t, r, _pairs(summary, r, settings)) for t, r in restored)
        detail, whole, pairs = next(((t, r, p) for t, r, p in found if p), (None, None, None))
        if detail is None or whole is None or pairs is None:
            continue
        out[out.index(detail)] = _merged(whole, summary, pairs)
        out.remove(summary)
        merged.append(summary)
    return FieldsSummed(out, merged)


def read_as_summary(
    part: UnreadPart, summaries: list[ScoreTable], settings: FieldSummarySettings = FieldSummarySettings()
) -> bool:
    """Whether an unread part is a merged summary table, told unread because its rows are no table's
    now: its lines on the part's page are the summary's fields' but for a header and a total row."""
    if part.line_start is None:
        return False
    end = part.line_end or part.line_start
    for summary in summaries:
        lines = {
            n
            for r in summary.rows
            if r.source.page == part.page and r.source.line_start is not None
            for n in range(r.source.line_start, (r.source.line_end or r.source.line_start) + 1)
        }
        inside = sum(1 for n in lines if part.line_start <= n <= end)  # (a summary may run over a page turn)
        if lines and inside == len(lines) and end - part.line_start + 1 - inside <= settings.frame_lines:
            return True
    return False


def is_summary(table: ScoreTable, settings: FieldSummarySettings = FieldSummarySettings()) -> bool:
    """Fields only (no row under another), each printing a figure."""
    rows = table.rows
    return (
        len(rows) >= settings.min_fields
        and all(r.parent is None and r.code and "." not in r.code for r in rows)
        and all(any(getattr(r, f) is not None for f in _FIELDS) for r in rows)
    )


def _field_rows(detail: ScoreTable) -> list[ScoreRow]:
    """The detail's field rows: top-level rows with criteria under them."""
    parents = {r.parent for r in detail.rows if r.parent}
    return [r for r in detail.rows if r.parent is None and r.code and r.code in parents]


def _alike(a: str, b: str, settings: FieldSummarySettings) -> bool:
    return fuzz.token_set_ratio(fold(a), fold(b)) >= settings.same_name_ratio


def _field_of(row: ScoreRow, fields: list[ScoreRow], settings: FieldSummarySettings) -> ScoreRow | None:
    """The detail's field a summary row is: the one of its code when their names are alike, else the
    only one whose name is (a summary may number its fields 1, 2 where the detail prints I, II)."""
    same_code = [f for f in fields if f.code == row.code and _alike(f.name, row.name, settings)]
    if same_code:
        return same_code[0]
    named = [f for f in fields if _alike(f.name, row.name, settings)]
    return named[0] if len(named) == 1 else None


def _pairs(summary: ScoreTable, detail: ScoreTable, settings: FieldSummarySettings) -> dict[int, ScoreRow] | None:
    """{id of a detail field row: its summary row} when the summary's rows are the detail's fields,
    each once, and no figure printed in both disagrees; else None. A summary whose every figure the
    detail prints too (each field's table closed by its "Cộng") is the same fields told twice: one
    table, not a second one whose rows would be the fields again."""
    fields = _field_rows(detail)
    pairs: dict[int, ScoreRow] = {}
    for row in summary.rows:
        field = _field_of(row, fields, settings)
        if field is None or id(field) in pairs:
            return None
        pairs[id(field)] = row
        for f in _FIELDS:
            mine, theirs = getattr(field, f), getattr(row, f)
            if mine is not None and theirs is not None and abs(mine - theirs) > settings.tolerance:
                return None
    return pairs


def with_lost_fields(detail: ScoreTable, summary: ScoreTable) -> ScoreTable:
    """The detail with each field row it lost restored from the summary: a
    summary field the detail has no row of, though it holds that field's criteria with no field
    over them ("4.1", "4.2" under a heading OCR garbled past reading), is put before its first
    criterion, which are then its. The restored row is the summary's, flagged as taken from it."""
    rows = list(detail.rows)
    codes = {r.code for r in rows}
    for field in summary.rows:
        if not field.code or field.code in codes:
            continue
        orphans = [i for i, r in enumerate(rows) if r.parent is None and under_field(field.code, r.code, False)]
        if not orphans:
            continue
        for i in orphans:
            rows[i] = replace(rows[i], parent=field.code)
        rows.insert(orphans[0], replace(field, flags=[*field.flags, FLAG_FROM_SUMMARY]))
        codes.add(field.code)
    return replace(detail, rows=rows) if len(rows) > len(detail.rows) else detail


def _merged(detail: ScoreTable, summary: ScoreTable, pairs: dict[int, ScoreRow]) -> ScoreTable:
    rows = [_filled(r, pairs[id(r)]) if id(r) in pairs else r for r in detail.rows]
    return replace(
        detail,
        rows=rows,
        pages=sorted(set(detail.pages) | set(summary.pages)),
        stated_total_max=detail.stated_total_max if detail.stated_total_max is not None else summary.stated_total_max,
        stated_total_self=(
            detail.stated_total_self if detail.stated_total_self is not None else summary.stated_total_self
        ),
        stated_total_confidence=detail.stated_total_confidence or summary.stated_total_confidence,
    )


def _filled(field: ScoreRow, summary_row: ScoreRow) -> ScoreRow:
    """The field row with the summary's figures in its blank cells."""
    changes: dict = {}
    flags = list(field.flags)
    for f in _FIELDS:
        value = getattr(summary_row, f)
        if getattr(field, f) is None and value is not None:
            changes[f] = value
            changes[f"{f}_raw"] = getattr(summary_row, f"{f}_raw")
            flags = [x for x in flags if x != _MISSING[f]]
    if is_upper(field.name) and not is_upper(summary_row.name):
        # A field's heading in capitals over its criteria is typography: the name as written is
        # the summary's ("CẢI CÁCH TÀI CHÍNH CÔNG" over "Cải cách tài chính công").
        changes["name"] = summary_row.name
    if not changes:
        return field
    if any(f in changes for f in _FIELDS):
        flags.append(FLAG_FROM_SUMMARY)
    confidence = min(field.confidence, summary_row.confidence)
    return replace(field, **changes, flags=flags, confidence=confidence)

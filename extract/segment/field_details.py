"""The fields' points in the report, each field's criteria in a table of its own in the annex.

Some reports score only the fields in their body ("STT | Lĩnh vực | Điểm tối đa | Điểm tự đánh giá",
a row per field and the total) and give each field's criteria in the annex, a table per field
under the field's heading ("Lĩnh vực 1: Công tác …", "1. CÔNG TÁC …"), printing no field row. The
criteria tables are then no tables of their own: their rows are the criteria of the summary's
fields, by code ("1.1", "1.2" under field "1"). Read as one table (the summary's field rows, each
followed by its criteria, the summary's total the stated one), each field's points are checked
against its criteria's: a field whose criteria do not add up to it is a fault of the document,
seen only between the report's table and the annex's.

A criteria table whose rows are not all one summary field's, or two tables of one field, leave
everything as read: nothing is joined on a guess. (A summary over a detail table that prints its
field rows is ``field_summary``'s.)
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from rapidfuzz import fuzz

from extract.segment.field_heading import under_field
from extract.segment.field_summary import FieldsSummed, is_summary
from normalize.text import fold
from schemas.records import ScoreRow, ScoreTable


@dataclass(frozen=True)
class FieldDetailsSettings:
    # Criteria tables a summary needs to be read with them: one is a table that happens to be a
    # field's criteria, not a report's annex printed field by field.
    min_details: int = 2
    # A heading's name and its field row's are one field's when this alike (rapidfuzz
    # token_set_ratio on folded text), as ``field_summary`` pairs a summary's rows.
    same_name_ratio: float = 80.0


def details_under_summary(
    tables: list[ScoreTable], settings: FieldDetailsSettings = FieldDetailsSettings()
) -> FieldsSummed:
    """The tables with each summary of fields joined with the criteria tables of its fields into
    one table; the summaries joined so (their lines were read) listed apart."""
    out = list(tables)
    joined: list[ScoreTable] = []
    for summary in tables:
        if summary not in out or not is_summary(summary):
            continue
        details = _details_of(summary, [t for t in out if t is not summary])
        if details is None or len(details) < settings.min_details:
            continue
        whole = _joined(summary, details)
        out[out.index(summary)] = whole
        for table in details.values():
            out.remove(table)
        joined.append(summary)
    return FieldsSummed(out, joined)


def _field_of(table: ScoreTable, fields: list[str]) -> str | None:
    """The summary field all of a table's rows are criteria of, None when there is no such one
    field (a row of another field, or the field's own row: a detail table of its own)."""
    if not table.rows:
        return None
    owners = {f for f in fields if all(under_field(f, r.code, False) for r in table.rows)}
    return owners.pop() if len(owners) == 1 else None


def _details_of(summary: ScoreTable, others: list[ScoreTable]) -> dict[str, ScoreTable] | None:
    """{field code: its criteria table}; None when two tables are one field's criteria."""
    fields = [r.code for r in summary.rows if r.code]
    details: dict[str, ScoreTable] = {}
    for table in others:
        field = _field_of(table, fields)
        if field is None:
            continue
        if field in details:
            return None
        details[field] = table
    return details


def _joined(summary: ScoreTable, details: dict[str, ScoreTable]) -> ScoreTable:
    """One table: each summary field row, then its criteria (the top ones now under the field)."""
    rows: list[ScoreRow] = []
    for field in summary.rows:
        rows.append(field)
        detail = details.get(field.code or "")
        if detail is not None:
            rows += [r if r.parent else replace(r, parent=field.code) for r in detail.rows]
    pages = sorted({p for t in (summary, *details.values()) for p in t.pages})
    return replace(summary, rows=rows, pages=pages)


def field_headings(
    aside: ScoreTable, tables: list[ScoreTable], settings: FieldDetailsSettings = FieldDetailsSettings()
) -> bool:
    """Whether a table set aside (rows with no points, read from the lines between the grids) is
    the headings of fields read: each row a field ("Lĩnh vực 1: Công tác …") of a score table read,
    by code and name, printing no figure. Those lines were read, as the fields' rows: not unread."""
    fields = [r for t in tables for r in t.rows if r.parent is None and r.code]
    return bool(aside.rows) and all(
        row.max_points is None
        and row.self_points is None
        and any(
            f.code == row.code and fuzz.token_set_ratio(fold(f.name), fold(row.name)) >= settings.same_name_ratio
            for f in fields
        )
        for row in aside.rows
    )

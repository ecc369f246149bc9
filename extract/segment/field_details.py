"""The fields' points in the report, each field's criteria in a table of its own in the annex.

Some reports score only the fields in their body ("STT | Lĩnh vực | Điểm tối đa | Điểm tự đánh giá",
a row per field and the total) and give each field's criteria in the annex, a table per field
under the field's heading ("Lĩnh vực 1: Công tác …", "1. CÔNG TÁC …"), printing no field row. The
criteria tables are then no tables of their own: their rows are the criteria of the summary's
fields, by code ("1.1", "1.2" under field "1"). Read as one table (the summary's field rows, each
followed by its criteria, the summary's total the stated one), each field's points are checked
against its criteria's: a field whose criteria do not add up to it is a fault of the document,
seen only between the report's table and the annex's.

A grid holding several fields' criteria one field after another (two fields' tables read as one
across a page) is split by field; a criteria table whose rows are not runs of summary fields'
criteria, or two tables of one field, leave everything as read: nothing is joined on a guess. (A
summary over a detail table that prints its field rows is ``field_summary``'s.)
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
        found = _details_of(summary, [t for t in out if t is not summary])
        if found is None or len(found[0]) < settings.min_details:
            continue
        details, sources = found
        out[out.index(summary)] = _joined(summary, details, sources)
        for table in sources:
            out.remove(table)
        joined.append(summary)
    return FieldsSummed(out, joined)


def _runs_by_field(table: ScoreTable, fields: list[str]) -> list[tuple[str, list[ScoreRow]]] | None:
    """A table's rows in runs, each run the criteria of one summary field, in order: one run for a
    field's own table, several where two fields' tables were read as one (the second opening a new
    page: "Lĩnh vực 4" at a page's foot, "Lĩnh vực 5" over the next). None when a row is no
    criterion of one summary field (another field's row, the field's own row: a detail table of its
    own), or a field's criteria are printed in two runs."""
    runs: list[tuple[str, list[ScoreRow]]] = []
    for row in table.rows:
        owners = [f for f in fields if under_field(f, row.code, False)]
        if len(owners) != 1:
            return None
        if runs and runs[-1][0] == owners[0]:
            runs[-1][1].append(row)
        elif any(field == owners[0] for field, _ in runs):
            return None
        else:
            runs.append((owners[0], [row]))
    return runs or None


def _details_of(
    summary: ScoreTable, others: list[ScoreTable]
) -> tuple[dict[str, list[ScoreRow]], list[ScoreTable]] | None:
    """({field code: its criteria}, the tables they come from); None when two tables hold one
    field's criteria."""
    fields = [r.code for r in summary.rows if r.code]
    details: dict[str, list[ScoreRow]] = {}
    sources: list[ScoreTable] = []
    for table in others:
        runs = _runs_by_field(table, fields)
        if runs is None:
            continue
        for field, rows in runs:
            if field in details:
                return None
            details[field] = rows
        sources.append(table)
    return details, sources


def _joined(summary: ScoreTable, details: dict[str, list[ScoreRow]], sources: list[ScoreTable]) -> ScoreTable:
    """One table: each summary field row, then its criteria (the top ones now under the field)."""
    rows: list[ScoreRow] = []
    for field in summary.rows:
        rows.append(field)
        rows += [r if r.parent else replace(r, parent=field.code) for r in details.get(field.code or "", [])]
    pages = sorted({p for t in (summary, *sources) for p in t.pages})
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

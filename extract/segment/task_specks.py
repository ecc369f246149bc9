"""A speck OCR read as a full stop held between a word and a figure in a task's text ("… cải cách
hành chính.6 tháng đầu năm" for "… hành chính 6 tháng đầu năm"). A plan's prose never prints a
stop so: a sentence's stop is followed by a space, and a code's dots stand between digits ("1.2")
or after a capital numeral ("II.3"), never after a small letter. The stop is taken out (the space
it stood on put back) and the field doubted, so the mend is reviewed rather than silent."""

from __future__ import annotations

from dataclasses import dataclass, replace

from extract.segment.task_doubts import DOUBT
from normalize.lazy_regex import lazy_compile
from schemas.records import TaskTable

# A stop (or the comma a speck is read as too) held between a small letter and a figure.
_GLUED_STOP = lazy_compile(r"(?<=\p{Ll})[.,](?=\d)")


@dataclass(frozen=True)
class TaskSpeckSettings:
    # The fields of free words a speck may fall in (a deadline's "6.2025" is a date's, left alone).
    fields: tuple[str, ...] = ("task", "activity", "product")


def glued_stops(tables: list[TaskTable], ocr: bool, s: TaskSpeckSettings = TaskSpeckSettings()) -> list[TaskTable]:
    """The task tables with each OCR-read row's stop held between a word and a figure taken out,
    the field doubted (``DOUBT``: the review queue names it)."""
    if not ocr:
        return tables
    out = []
    for table in tables:
        rows = []
        for row in table.rows:
            doubts = []
            for f in s.fields:
                value = getattr(row, f) or ""
                put = _GLUED_STOP.sub(" ", value)
                if put != value:
                    doubts.append(
                        f"{DOUBT}{f}: a stop held between a word and a figure, a speck OCR read? (was '{value}')"
                    )
                    row = replace(row, **{f: put})
            rows.append(replace(row, flags=[*row.flags, *doubts]) if doubts else row)
        out.append(replace(table, rows=rows))
    return out

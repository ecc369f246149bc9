"""Rows of a code-less list whose mark OCR lost, placed by the sums (issues 11 and 14). A table that
prints no code shows its levels by marks alone (``marked_levels``): a field's name bare, its
criteria "- …", their sub-criteria "+ …". OCR of a dump loses a mark now and then ("[= Sáng kiến …",
"fe Tổ chức …", "a Số hóa …"): the row then reads as bare as a field's and would open a field of its
own, numbering every field after it one off.

A field's maximum is its criteria's sum, and a criterion's its sub-criteria's. So a bare row read
while the row above it at some level still has room under its maximum for this row's (the figures
under it falling short, this row's own maximum fitting in what is left) is that row's child: the
deepest such open row takes it. Where nothing has room (a field whose criteria make its maximum) or
a figure is missing, the mark read stands: no sum confirms another place.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from extract.segment.marked_levels import Mark, level_kinds
from normalize.numbers import parse_number


@dataclass(frozen=True)
class LostMarkSettings:
    # Points a sum may be off by and still have room or fit (a maximum printed "2,5" read 2.5).
    tolerance: float = 1e-6


def restore_lost_marks(
    marks: Sequence[Mark | None],
    maxima: Sequence[float | None],
    settings: LostMarkSettings = LostMarkSettings(),
) -> list[Mark | None]:
    """``marks`` with each bare row of the top level (``marked_levels.level_kinds``) that the sums place under an
    open row given the mark of that row's children (module doc); the others as read."""
    kinds = level_kinds(marks)
    out = list(marks)
    if len(kinds) < 2:
        return out
    # The open rows, one per level: (maximum, sum of the maxima read under it so far).
    open_rows: list[list[float | None]] = []
    for k, (mark, top) in enumerate(zip(marks, maxima)):
        if mark is None:
            continue
        level = min(kinds.index(mark.kind), len(open_rows))
        if level == 0 and k > 0:
            level = _room_under(open_rows, top, len(kinds), settings) or 0
            if level:
                mark = replace(mark, kind=kinds[level])
                out[k] = mark
        del open_rows[level:]
        if level:
            # (a child whose maximum was not read leaves its parent's room unknown)
            under = open_rows[level - 1][1]
            open_rows[level - 1][1] = None if under is None or top is None else under + top
        open_rows.append([top, 0.0])
    return out


def _room_under(
    open_rows: list[list[float | None]], top: float | None, depth: int, settings: LostMarkSettings
) -> int | None:
    """The level (1 or deeper) a bare row of maximum ``top`` takes under the deepest open row whose
    maximum its children's sum falls short of by ``top`` or more; None when no sum places it."""
    if top is None or top <= 0:
        return None
    for level in range(min(len(open_rows), depth - 1), 0, -1):
        parent_max, under = open_rows[level - 1]
        if parent_max is None or under is None:
            continue
        if under > 0 and under + top <= parent_max + settings.tolerance:
            return level
    return None


def draft_maxima(raws: Sequence[str | None]) -> list[float | None]:
    """Each row's maximum as read (None where none was, or unreadable)."""
    out: list[float | None] = []
    for raw in raws:
        value = parse_number(raw, kind="score") if raw else None
        out.append(value.value if value is not None else None)
    return out

"""Levels of a code-less score table's rows where OCR lost a bullet, settled by the maxima's sums.

A table printing no code gives each row its level by the mark opening its name (``marked_levels``):
a field's row has none, its criteria open with "-", their sub-criteria with "+". On a scan the mark
is a few pixels of ink, and OCR may drop it: the criterion then reads as a row with no mark, which
is a field's, and every code after it shifts. Its field's maxima then miss its criteria's sum by
exactly what the row and the criteria it wrongly heads carry (and those criteria may exceed it).

So, on OCR'd text only, a row with no mark that is not the first field, whose field above it falls
short of its own maximum, is a criterion of that field when its maximum and those of the rows under
it complete that field's sum exactly, and its own rows do not add up to it. A row positively marked
(bold, capitals, a Roman numeral) is never moved: only the absence of a mark is in doubt. On typed
text the marks are as printed, and a field short of its maximum is the commune's to answer for.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class MarkSumSettings:
    # How near the sums must come to be equal: points are printed to a quarter at finest.
    tolerance: float = 0.01


def releveled(
    levels: Sequence[int | None],
    unmarked: Sequence[bool],
    maxima: Sequence[float | None],
    settings: MarkSumSettings = MarkSumSettings(),
    marked_depths: Sequence[int | None] | None = None,
) -> list[int | None]:
    """``levels`` with each top-level row that lost its mark (``unmarked``) moved one level down where
    the maxima say it is a criterion of the field above (see the module's note); None stays None.
    ``marked_depths``: each row's level by its mark's kind alone, before a row is kept at most one
    level under the row above it ("+ …" right under a field stands at 2, not 3): moving a row down
    lets the rows under it take their own depth again (a sub-criterion "+" under the criterion whose
    "-" OCR lost is the criterion's, not the field's). Without it the rows under keep their level."""
    out = list(levels)
    depths = list(marked_depths) if marked_depths is not None else list(levels)
    tops = [i for i, level in enumerate(out) if level == 1]
    field = None  # the row of the field the rows stand under
    for n, row in enumerate(tops):
        end = tops[n + 1] if n + 1 < len(tops) else len(out)
        if field is not None and unmarked[row]:
            moved = _moved_down(out, depths, row, end)
            if _criterion_of(out, moved, maxima, (field, row, end), settings):
                out = moved
                continue
        field = row
    return out


def _moved_down(levels: list[int | None], depths: list[int | None], row: int, end: int) -> list[int | None]:
    """``levels`` with ``row`` a criterion (level 2) and the rows after it up to ``end`` each at its
    mark's depth, at most one level under the row above it."""
    out = list(levels)
    out[row] = depth = 2
    for k in range(row + 1, end):
        if out[k] is None:
            continue
        own = depths[k] if depths[k] is not None else out[k]
        out[k] = depth = min(max(own or 2, 2), depth + 1)
    return out


def _children(levels: list[int | None], maxima: Sequence[float | None], start: int, end: int) -> list[float] | None:
    """The maxima of the level-2 rows between a field's row (``start``) and the next field's (``end``);
    None when one of them was not read (no sum can be asked of them)."""
    kids = [maxima[k] for k in range(start + 1, end) if levels[k] == 2]
    return None if any(m is None for m in kids) else [m for m in kids if m is not None]


def _criterion_of(
    levels: list[int | None],
    moved: list[int | None],
    maxima: Sequence[float | None],
    rows: tuple[int, int, int],
    settings: MarkSumSettings,
) -> bool:
    """Whether the top-level row ``row``, moved down (``moved``), completes the sum of the field at
    ``field`` with the rows under it (up to ``end``), its own rows not adding up to it."""
    field, row, end = rows
    above = _children(levels, maxima, field, row)
    own = _children(levels, maxima, row, end)
    whole, carried = maxima[field], maxima[row]
    joined = _children(moved, maxima, field, end)
    if above is None or own is None or whole is None or carried is None or joined is None:
        return False
    short = whole - sum(above)
    if short <= settings.tolerance or (own and abs(sum(own) - carried) <= settings.tolerance):
        return False  # the field above is whole, or the row heads its own criteria rightly
    return abs(whole - sum(joined)) <= settings.tolerance

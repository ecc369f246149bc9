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
) -> list[int | None]:
    """``levels`` with each top-level row that lost its mark (``unmarked``) moved one level down where
    the maxima say it is a criterion of the field above (see the module's note); None stays None."""
    out = list(levels)
    tops = [i for i, level in enumerate(out) if level == 1]
    field = None  # the row of the field the rows stand under
    for n, row in enumerate(tops):
        end = tops[n + 1] if n + 1 < len(tops) else len(out)
        if field is not None and unmarked[row] and _criterion_of(out, maxima, (field, row, end), settings):
            out[row] = 2
            continue
        field = row
    return out


def _children(levels: list[int | None], maxima: Sequence[float | None], start: int, end: int) -> list[float] | None:
    """The maxima of the level-2 rows between a field's row (``start``) and the next field's (``end``);
    None when one of them was not read (no sum can be asked of them)."""
    kids = [maxima[k] for k in range(start + 1, end) if levels[k] == 2]
    return None if any(m is None for m in kids) else [m for m in kids if m is not None]


def _criterion_of(
    levels: list[int | None],
    maxima: Sequence[float | None],
    rows: tuple[int, int, int],
    settings: MarkSumSettings,
) -> bool:
    """Whether the top-level row ``row`` completes the sum of the field at ``field`` with the rows under
    it (up to ``end``), its own rows not adding up to it."""
    field, row, end = rows
    above = _children(levels, maxima, field, row)
    own = _children(levels, maxima, row, end)
    whole, carried = maxima[field], maxima[row]
    if above is None or own is None or whole is None or carried is None:
        return False
    short = whole - sum(above)
    if short <= settings.tolerance or (own and abs(sum(own) - carried) <= settings.tolerance):
        return False  # the field above is whole, or the row heads its own criteria rightly
    return abs(short - carried - sum(own)) <= settings.tolerance

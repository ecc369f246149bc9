"""A share printed after a count broken down into parts, the count's own figure lost by OCR ("3.1
Tổng số TTHC … [lost]", "a) 57", "b) 32", "3.2 Tỷ lệ … 58,33%"): the share has no pair read to
be weighed against, yet its parts bound it. Its whole is at least the parts read added up, and
a share printed to its decimals names one whole for each numerator: when no whole count, at least
the parts read, makes the share of any part read (or of parts read added up), the share and the
counts disagree. The whole is ours to have lost, so the failure is doubted (``misread``) and the
share, its parts and the lost whole go to review: the commune's fault is flagged, never told on
figures we did not read (seed 11131's D20 dump: 3.2's 58,33% of 57 over 90 planted for 63,33%,
3.1 lost, no check at all).

Pure arithmetic over the rows; ``ratios`` records the check.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from itertools import combinations

from cchc_extract.reconcile.core import _decimals, _percent_matches, _vn
from schemas.records import StatRow


@dataclass(frozen=True)
class LostWholeSettings:
    # The parts tried as numerators, alone and added up (beyond, some sum fits any share).
    most_parts: int = 4
    # The decimals a share must print to be weighed so: a whole percentage fits too many wholes.
    min_decimals: int = 1


def whole_makes(share: float, decimals: int, numerators: list[float], floor: float) -> bool:
    """Whether some whole count of at least ``floor`` makes ``share`` (to its ``decimals``) of one
    of ``numerators``: the whole a numerator names is n ÷ share, so the counts either side of it
    are the only ones to try."""
    if share <= 0:
        return any(n == 0 for n in numerators)
    for n in numerators:
        near = n * 100.0 / share
        for whole in range(max(1, math.floor(near) - 1), math.ceil(near) + 2):
            if whole >= floor - 1e-9 and n <= whole and _percent_matches(share, 100.0 * n / whole, decimals):
                return True
    return False


def numerators(parts: list[float], s: LostWholeSettings = LostWholeSettings()) -> list[float]:
    """Each part read, and each sum of parts read (at most ``most_parts`` parts)."""
    if len(parts) > s.most_parts:
        return []
    out: list[float] = []
    for size in range(1, len(parts) + 1):
        for group in combinations(parts, size):
            if sum(group) not in out:
                out.append(sum(group))
    return out


def lost_whole_above(
    i: int,
    rows: list[StatRow],
    parents: list[int | None],
    kids: dict[int, list[int]],
    counted: Callable[[StatRow], bool],
) -> tuple[int, list[int]] | None:
    """(the count, its parts read) when the sibling just above share row i is a count whose own
    figure was not read and some of whose parts were (``counted``: a row is a count read)."""
    for j in range(i - 1, -1, -1):
        if parents[j] != parents[i]:
            continue
        parts = [k for k in kids.get(j, []) if counted(rows[k])]
        if rows[j].value is None and parts:
            return j, parts
        return None
    return None


def share_unmade(row: StatRow, decimals: int, parts: list[float], s: LostWholeSettings = LostWholeSettings()) -> bool:
    """Whether share ``row`` (printed to ``decimals``) is the share of no part read (nor parts
    read added up) over any whole count of at least the parts read added up."""
    tried = numerators(parts, s)
    if row.value is None or decimals < s.min_decimals or not tried or row.value > 100.0:
        return False
    return not whole_makes(row.value, decimals, tried, sum(parts))


def share_of_lost_whole(
    i: int,
    rows: list[StatRow],
    parents: list[int | None],
    kids: dict[int, list[int]],
    counted: Callable[[StatRow], bool],
) -> tuple[int, list[int], str] | None:
    """(the lost whole, its parts read, what to say) when share row i follows a count whose
    figure we lost and no whole makes the share of the parts read (``share_unmade``); None
    otherwise."""
    above = lost_whole_above(i, rows, parents, kids, counted)
    row = rows[i]
    if above is None:
        return None
    whole, parts = above
    if not share_unmade(row, _decimals(row.value, row.value_raw), [rows[k].value or 0.0 for k in parts]):
        return None
    message = (
        f"{row.code or row.indicator[:40]}: {_vn(row.value)}% is the share of none of "
        f"{', '.join(rows[k].code or 'a count' for k in parts)} over any whole of at least their sum; "
        f"{rows[whole].code or 'the whole'} printed no figure we read"
    )
    return whole, parts, message

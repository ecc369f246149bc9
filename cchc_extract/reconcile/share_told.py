"""A share beside counts of its group whose figure we did not read: the figure its group's sum
tells such a count (the whole less its other counts, or a lost whole as its counts' sum), and
whether that count makes the share (``ratios``' checks ask)."""

from __future__ import annotations

import math
from collections.abc import Sequence

from cchc_extract.reconcile.core import _percent_matches, _vn
from cchc_extract.reconcile.stat_rows import code_legend, is_percent
from schemas.records import StatRow


def _v(row: StatRow) -> float:
    """The value of a row the checks only reach with one (NaN, which fits nothing, otherwise)."""
    return row.value if row.value is not None else math.nan


def _ratio_of_told_count(
    row: StatRow,
    lost: Sequence[int],
    rows: list[StatRow],
    parents: list[int | None],
    kids: dict[int, list[int]],
    decimals: int,
) -> tuple[tuple[int, float], str, float] | None:
    """((the count, its figure told), message, ratio) of a percentage that a count whose figure we
    did not read (``lost``: a sibling above it printing no value, nor any row under it) makes,
    that count told by its group's sum (the whole less its other parts, every one read): "6.3 84,38%" under
    "6 634" beside "6.2 99" is 6.1's share, 535/634, when OCR lost 6.1's figure. The pair read
    (6.2 / 6) failing it is then a pairing of ours, not a fault of the commune; None when no
    count so told makes the percentage to its last printed digit. The caller asks only of a
    percentage printed with decimals: a whole one is made by too many figures (a stored test
    dump, OCR cutting digits: 3 495 read "45", 3.1 452 read "4", 3.3 91,31 read "91"; 3.2
    told as 45 - 4 = 41 and 41/45 = 91% vouched the wrong "91")."""
    for j in lost:
        part = _part_told(j, rows, parents, kids)
        if part is None:
            continue
        p, told = part
        whole = _v(rows[p])
        ratio = 100.0 * told / whole
        if _percent_matches(_v(row), ratio, decimals):
            label = row.code or row.indicator[:40]
            message = (
                f"{label}: {_vn(row.value)}% against {rows[j].code or 'a count'} / {rows[p].code or 'its whole'}"
                f" = {_vn(told)}/{_vn(whole)} = {_vn(round(ratio, 4))}%, {rows[j].code or 'the count'} not read"
                " but told by its group's sum"
            )
            return (j, told), message, round(ratio, 4)
    return None


def _part_told(
    j: int, rows: list[StatRow], parents: list[int | None], kids: dict[int, list[int]]
) -> tuple[int, float] | None:
    """(its whole, its figure) of a count j whose figure we did not read, told by its group's sum:
    the whole read less its other counts, every one read; None when the group cannot tell it."""
    p = parents[j]
    whole = rows[p].value if p is not None else None
    if p is None or not whole or is_percent(rows[p]):
        return None
    others = [k for k in kids.get(p, []) if k != j and not is_percent(rows[k]) and code_legend(rows[k]) is None]
    if any(rows[k].value is None for k in others):
        return None
    told = whole - sum(_v(rows[k]) for k in others)
    return (p, told) if told >= 0 else None


def _lost_count_makes(
    row: StatRow,
    unread: Sequence[int],
    rows: list[StatRow],
    parents: list[int | None],
    kids: dict[int, list[int]],
    decimals: int,
) -> bool:
    """Whether a count of the share's group we did not read (``unread``), told by its group's sum,
    makes the share with a count read: a lost whole as its counts' sum ("3.3 100%" of 3.1 / 3,
    3 lost, 3.1 21 and 3.2 0 read), a lost part as its whole less its other counts ("4.3 100%" of
    4.1 / 4, 4.1 lost, 4 21 and 4.2 0 read). The pair read that fails the share is then a pairing
    of ours, each of its counts as the page prints it. A count the group cannot tell, or told as
    a figure that does not make the share ("5.3 85%" beside 5.1 lost, "5 200" read for 20 and 5.2
    3: 197/200), leaves the pair in doubt."""
    for k in unread:
        parts = [j for j in kids.get(k, []) if not is_percent(rows[j]) and code_legend(rows[j]) is None]
        if rows[k].value is None and parts and all(rows[j].value is not None for j in parts):
            whole = sum(_v(rows[j]) for j in parts)
            if whole and any(_percent_matches(_v(row), 100.0 * _v(rows[j]) / whole, decimals) for j in parts):
                return True
            continue
        part = _part_told(k, rows, parents, kids)
        if part is not None and _percent_matches(_v(row), 100.0 * part[1] / _v(rows[part[0]]), decimals):
            return True
    return False

"""A figure moved between two sibling rows' parts, on OCR'd score tables: two sums of one column
that fail by the same amount, one short and one over ("7.1" short of its sub-criteria by 1,5 and
"7.2" over by 1,5), under one parent whose sum the move leaves whole. OCR put a figure of one
part's line on the other part's (lines run together, a row's figures read on its neighbour's
line): the points are all on the page, in the wrong rows. Ours (``misread``, queued), not the
commune's ``mismatch``.

A planted or real fault of the commune breaks one sum (a leaf's figure raised or lowered), or
keeps every sum (points moved from a sibling to a leaf at full marks, within one part): two
sibling parts failing exactly each other's way is a move across rows, the reader's."""

from __future__ import annotations

from collections.abc import Set
from dataclasses import dataclass

from schemas.records import Check

# The checks of a part's sum of each points column (``sums._SUM_KIND``'s kinds).
_PART_SUMS = frozenset({"sum_children", "sum_self", "sum_appraised"})
_FAILED = frozenset({"mismatch", "misread"})
MOVED_SAID = "; a figure moved between the rows of {a} and {b}: their sums fail by {d} each way and hold together"


@dataclass(frozen=True)
class FailedPart:
    """A part's failed sum: its check, the row it states, that row's parent, and by how much the
    stated figure is above its sub-criteria's (negative: below)."""

    check: Check
    row: int
    parent: int | None
    over: float


def failed_parts(checks: list[Check], ti: int, parents: list[int | None]) -> list[FailedPart]:
    """The part sums of table ``ti`` that failed (the commune blamed, ``mismatch``, or a reading of
    ours doubted already, ``misread``), each with a figure stated and one its parts add up to."""
    prefix = f"/score_tables/{ti}/rows/"
    out = []
    for c in checks:
        if c.kind not in _PART_SUMS or c.status not in _FAILED:
            continue
        item = c.id.split(":")[1] if c.id.count(":") >= 1 else ""
        if not item.startswith(prefix) or not isinstance(c.actual, (int, float)):
            continue
        if not isinstance(c.expected, (int, float)):
            continue
        row = int(item.removeprefix(prefix))
        out.append(FailedPart(c, row, parents[row], float(c.actual) - float(c.expected)))
    return out


def moved_pairs(parts: list[FailedPart], tol: float) -> list[tuple[FailedPart, FailedPart]]:
    """Pairs of sibling parts (one parent, or both top-level) whose sums of one column fail by the
    same amount each way; a part in two such pairs is left out (which neighbour took its figure
    cannot be told)."""
    pairs = [
        (a, b)
        for k, a in enumerate(parts)
        for b in parts[k + 1 :]
        if a.check.kind == b.check.kind and a.parent == b.parent and abs(a.over) > tol and abs(a.over + b.over) <= tol
    ]
    seen: dict[int, int] = {}
    for a, b in pairs:
        seen[a.row] = seen.get(a.row, 0) + 1
        seen[b.row] = seen.get(b.row, 0) + 1
    return [(a, b) for a, b in pairs if seen[a.row] == 1 and seen[b.row] == 1]


def mark_moved(
    checks: list[Check],
    ti: int,
    parents: list[int | None],
    codes: list[str | None],
    tol: float,
    told_in_bulk: Set[str] = frozenset(),
) -> int:
    """Make each pair of sibling part sums that a figure moved between ``misread``, saying so (one
    of them may be ``misread`` already, for a reading of its own; ``told_in_bulk``: the ids of
    checks told ours only because their table failed in bulk, which the move says more of than);
    the number of checks the commune was blamed for that are so marked. Their suspects are queued
    already (a failed sum queues them)."""
    n = 0
    for a, b in moved_pairs(failed_parts(checks, ti, parents), tol):
        said = MOVED_SAID.format(
            a=codes[a.row] or a.row, b=codes[b.row] or b.row, d=f"{abs(a.over):g}".replace(".", ",")
        )
        if "mismatch" not in (a.check.status, b.check.status) and not any(p.check.id in told_in_bulk for p in (a, b)):
            continue  # (both told ours for readings of their own; a bulk doubt says less than the move)
        for part in (a, b):
            n += part.check.status == "mismatch"
            part.check.status = "misread"
            part.check.message += said
    return n

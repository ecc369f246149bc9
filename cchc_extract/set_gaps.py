"""Rows of the criteria set lost between rows read: the account of rows no numbering jump shows.

A numbering jump (1.2 then 1.5) says the rows between were lost; a first sub-criterion lost under its
parent (1.1 then 1.1.2) or a field lost before the first one read (2, 3, 4 with no 1) shows none, and
OCR loses such rows often: a line merged into its parent's, a faint first line under the header.
Where the criteria set of the table is known, its criteria say which rows lie between those read.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex as re

from cchc_extract.reconcile.hierarchy import norm_code
from normalize.criteria import CriteriaSet, CriterionDef
from schemas.records import ScoreRow, ScoreTable, UnreadPart


@dataclass(frozen=True)
class SetGapSettings:
    # The table is numbered as the set when at least this share of its codes are the set's (a
    # table numbered otherwise, parts restarting at 1, says nothing of the set's rows by its codes).
    min_set_codes: float = 0.8
    # Characters of the criteria's names quoted in the part's text sample.
    sample_chars: int = 160


def absent_set_rows(
    table: ScoreTable,
    cset: CriteriaSet,
    known: list[UnreadPart],
    settings: SetGapSettings = SetGapSettings(),
    elsewhere: frozenset[str] = frozenset(),
) -> UnreadPart | None:
    """The set's criteria not read that lie before the last row read among their siblings (a
    parent's sub-criteria, or the top level) when some sibling was read, and that no unread part
    already tells (``known``: naming the code, or starting between the rows read around it): one
    ``rows`` part per table naming them, on the lines from the last of the row read before the
    first of them to the row read after it. Criteria after the last sibling read are not claimed:
    a document may print part of a set, and rows lost at a block's end are told by the sums
    (``coverage.lost_tail_rows``). ``elsewhere``: the codes the document's other score tables read
    (a table printed in parts, its header again over each, is read as one table per part): a
    criterion read there was read, and is no row lost between this table's."""
    rows = [r for r in table.rows if r.code]
    read = {norm_code(r.code) for r in rows}
    if not rows or sum(1 for c in read if c in cset.by_code()) < settings.min_set_codes * len(read):
        return None
    told = " ".join(p.reason for p in known)
    order = {c.code: k for k, c in enumerate(cset.rows)}
    absent: list[CriterionDef] = []
    for parent in dict.fromkeys(c.parent for c in cset.rows):
        siblings = cset.children(parent)
        found = [k for k, c in enumerate(siblings) if c.code in read]
        if found:
            absent += [
                c
                for c in siblings[: max(found)]
                if c.code not in read
                and c.code not in elsewhere
                and not _named(c.code, told)
                and not _told_between(*_around(rows, order, order[c.code]), known)
            ]
    if not absent:
        return None
    absent.sort(key=lambda c: order[c.code])
    before, after = _around(rows, order, order[absent[0].code])
    listed = ", ".join(c.code for c in absent)
    near = after or before
    lines = (_last_line(before), after.source.line_start if after is not None else None)
    return UnreadPart(
        page=near.source.page if near is not None else None,
        kind="rows",
        reason=f"rows of the criteria set {cset.id} not read between rows read: {listed}",
        text_sample=" | ".join(f"{c.code} {c.name}" for c in absent)[: settings.sample_chars],
        line_start=_min_line(*lines),
        line_end=_max_line(*lines),
    )


def _named(code: str, told: str) -> bool:
    return re.search(rf"(?<![\w.]){re.escape(code)}(?![\w.])", told) is not None


def _told_between(before: ScoreRow | None, after: ScoreRow | None, known: list[UnreadPart]) -> bool:
    """An unread part starts on the lines between the row read before and the row read after: it
    holds the lost row already (a region withdrawn as unsure, told by its line count)."""
    if before is None or after is None or before.source.page != after.source.page:
        return False
    low, high = before.source.line_end or before.source.line_start, after.source.line_start
    if low is None or high is None:
        return False
    return any(p.page == before.source.page and p.line_start is not None and low < p.line_start < high for p in known)


def _around(rows: list[ScoreRow], order: dict[str, int], at: int) -> tuple[ScoreRow | None, ScoreRow | None]:
    """The rows read just before and just after a criterion's place in the set's order."""
    placed = [(order[c], r) for r in rows if (c := norm_code(r.code) or "") in order]
    before = [r for k, r in placed if k < at]
    after = [r for k, r in placed if k > at]
    return (before[-1] if before else None), (after[0] if after else None)


def _min_line(a: int | None, b: int | None) -> int | None:
    """The first of two lines (rows OCR printed out of order give them either way round)."""
    return a if b is None else b if a is None else min(a, b)


def _max_line(a: int | None, b: int | None) -> int | None:
    return a if b is None else b if a is None else max(a, b)


def _last_line(row: ScoreRow | None) -> int | None:
    """The last line of the row read before a lost one: the lost row's line is often run into it."""
    if row is None:
        return None
    return row.source.line_end or row.source.line_start

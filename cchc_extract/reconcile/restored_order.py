"""What the criteria set's order says of rows OCR lost between rows read (``restored_rows``).

A score table prints the set's criteria in the set's order, depth first: 1.1.3, 1.1.4, 1.2. Two
rows read one after the other in the table whose codes the set's order puts apart had the set's
rows between them printed between them too: 1.1.3 then 1.2 read, 1.1.4 was printed (its line lost
to OCR, a last sub-criterion as often as a middle one); 1.1 then 1.1.2 read, 1.1.1 was. Only a few
rows (a whole block lost may be a page the document never had) and only at depths the table prints
(a table of fields and their sub-fields prints no sub-criterion of the set).

A parent lost above the table's first row read (1.1 over 1.1.1) is printed as well when the table
goes on to the parent's sibling or its rows (1.2, or 1.2.1): the table then prints that level of
the set, not the sub-criteria of one row under its caption; and only where the set puts nothing
but the parent's own ancestors before it (1.1 under 1): a table opening at 1.2.1 with no 1.1.x
read is an excerpt from 1.2.1 on (had it printed 1.2, it would have printed 1.1's rows before
it). A field (a top-level row) is not restored so: a table may print one field's rows under the
field's caption alone.
"""

from __future__ import annotations

from cchc_extract.reconcile.hierarchy import norm_code
from cchc_extract.reconcile.restored import FLAG_RESTORED
from normalize.criteria import CriteriaSet
from schemas.records import ScoreRow


def level_printed_after(rows: list[ScoreRow], code: str, cset: CriteriaSet) -> bool:
    """Whether a row of the table carries a sibling of ``code`` in the set (a child of its parent,
    not a field's) or a code under such a sibling: the table prints ``code``'s level; and whether
    the set puts only ``code``'s ancestors before it: the table opens where the set does."""
    crits = cset.by_code()
    crit = crits.get(code)
    if crit is None or not crit.parent or not _opens_the_set(code, cset):
        return False
    siblings = [c.code for c in cset.children(crit.parent) if c.code != code]
    carried = [c for r in rows if (c := norm_code(r.code))]
    return any(c == s or c.startswith(s + ".") for c in carried for s in siblings)


def lost_in_order(
    rows: list[ScoreRow], cset: CriteriaSet, have: set[str], most_between: int
) -> list[tuple[str, ScoreRow, ScoreRow]]:
    """The set's criteria no row carries that the set's order puts between two rows the table
    reads one after the other (rows restored between them aside), each with the two rows (the
    first read, the one after): at most ``most_between`` of the set's rows between the two (the
    ones restored already counted), each at a depth the table prints, and none where the two stand
    in the table against the set's order."""
    order = {c.code: k for k, c in enumerate(cset.rows)}
    # (rows read only: a row restored is no witness to what was printed beside it)
    read = [r for r in rows if FLAG_RESTORED not in r.flags]
    coded = [(r, c) for r in read if (c := norm_code(r.code)) is not None and c in order]
    deepest = max((c.count(".") for _, c in coded), default=0)
    out: list[tuple[str, ScoreRow, ScoreRow]] = []
    for (first, a), (after, b) in zip(coded, coded[1:]):
        if read.index(after) != read.index(first) + 1 or order[b] <= order[a] + 1:
            continue  # (rows between them not read as the set's, or nothing between in the set)
        between = [c.code for c in cset.rows[order[a] + 1 : order[b]]]
        if len(between) > most_between or any(c.count(".") > deepest for c in between):
            continue
        out += [(c, first, after) for c in between if c not in have]
    return out


def _opens_the_set(code: str, cset: CriteriaSet) -> bool:
    """Whether every criterion the set orders before ``code`` is one of its ancestors (1 and 1.1
    before 1.1.1): a table whose first row read is under ``code`` then begins with the set."""
    crits = cset.by_code()
    ancestors: set[str] = set()
    parent = crits[code].parent
    while parent and parent not in ancestors and parent in crits:
        ancestors.add(parent)
        parent = crits[parent].parent
    codes = [c.code for c in cset.rows]
    return set(codes[: codes.index(code)]) <= ancestors

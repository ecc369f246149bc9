"""An OCR'd annex's relations that a row its numbering says was printed, and no row read carries,
leaves short (``extract.segment.stat_numbering``): a total whose part was lost, a share whose count
may be the lost row. Such a relation failing on the rows read is ``incomplete`` (we did not read
all the rows), never a ``mismatch`` telling the commune it is wrong; its stated figure goes to the
queue, where a fault of the commune hiding in it is still looked at. A psm 3 dump: 3.1
"B1.) 5s6TIHC …" was read as no row, so "3 99" was weighed against 3.2 and 3.3 alone (25), and
the share 3.4 of 3.1 against 3.2."""

from __future__ import annotations

from collections.abc import Sequence

from cchc_extract.reconcile.hierarchy import norm_code
from extract.segment.stat_numbering import SiblingGap as SiblingGap, lost_parts_of, sibling_place as _place
from schemas.records import StatRow


def lost_under(gaps: Sequence[SiblingGap], row: StatRow) -> list[str]:
    """The codes lost under a row (its parts a total's sum lacks)."""
    code = norm_code(row.code)
    return lost_parts_of(gaps, code) if code else []


def lost_before_share(gaps: Sequence[SiblingGap], numerator: StatRow) -> list[str]:
    """The codes lost that a share failing against ``numerator`` may be of instead: the siblings
    of that count numbered before it. A share is of the first count of its group (read first as
    its numerator, ``ratios._ratio_reading``), so one lost before the count read is the likelier
    numerator; one lost after it leaves the pair as it is."""
    place = _place(numerator.code)
    if place is None:
        return []
    parent, n, lettered = place
    return [
        c for g in gaps if g.parent == parent for c in g.missing if (p := _place(c)) and p[2] == lettered and p[1] < n
    ]


def _parent_code(row: StatRow) -> str | None:
    code = norm_code(row.code) or ""
    return norm_code(row.parent) or (code.rpartition(".")[0] or None)


def lost_said(codes: Sequence[str], what: str) -> str:
    """The words a relation's message takes for the rows lost that may make it up."""
    listed = ", ".join(codes)
    return f"; {listed} printed {what} {'was' if len(codes) == 1 else 'were'} not read (the annex's numbering)"

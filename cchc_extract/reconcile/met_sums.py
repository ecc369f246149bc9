"""Two failed sums that one reading of one cell mends at once, on OCR'd score tables.

A cell takes part in up to three sums: its own (a parent's points against its sub-criteria's), its
parent's (as one of the parts) and the table's stated total (as a top-level row). When OCR
misreads the figure ("5,5" read "5,2"), every sum it takes part in fails by the same amount, and
each asks for the same figure in its place: the sub-criteria add up to 5,5, and the total holds
with 5,5. Two relations that ask for one figure, one glyph from the characters read, meet on our
slip: both are ``misread``, the cell queued with that reading, not two faults of the commune's.

A commune's slip breaks one sum: a sub-criterion's points changed leave its parent's sum failing
and nothing above it (the parent's figure, the total, were written from the true points); a
total written wrong fails alone. Two faults of the commune under one parent pull the parent's
figure opposite ways (a part lowered asks for a smaller parent, a sibling lowered under the
grandparent for a larger one), so they do not meet on one figure. A figure that is no glyph
from the one read is no misreading, and left the commune's.

A row's other points cell printing the very characters of a cell so found, whose own failed sums
ask for that same reading, is the same slip on the same line ("2,5 2,5" for "5,5 5,5"): an
appraised column has no stated total, so its one failing sum could never meet a second, and the
commune's appraised figure is not a fault where its self score, printed alike, is our misreading."""

from __future__ import annotations

from dataclasses import dataclass, replace

from cchc_extract.reconcile.core import _Ledger, _vn
from cchc_extract.reconcile.score_refs import _score_ref
from normalize.numbers import format_vn
from schemas.records import Check, ScoreRow

MET_SAID = "; {code} {field} read as {read} may be {reading}, which mends {n} sums at once"
TWIN_SAID = "; {code} {field} read as {read} may be {reading}, as its {twin} printed alike"


@dataclass(frozen=True)
class TableShape:
    """What the sums of one score table were checked over: its index, rows, each row's parent,
    each row's children, its top-level rows and each sum check's kind by field."""

    ti: int
    rows: list[ScoreRow]
    parents: list[int | None]
    kids: dict[int, list[int]]
    top: list[int]
    sum_kind: dict[str, str]
    name: str


def one_edit_apart(raw: str | None, reading: float) -> bool:
    """Whether ``reading`` written as the page writes it is the characters read with one glyph
    taken for another, lost or added ("5,2" for 5,5; "3,5" for 3,75): what OCR does to a figure."""
    a, b = (raw or "").strip(), format_vn(reading)
    if not a or a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:k] + long_[k + 1 :] == short for k in range(len(long_)))


def _asked(check: Check, value: float, stated: bool, parts: list[float | None], tol: float) -> float | None:
    """The figure a failed sum asks for in one member's place (the stated figure's when
    ``stated``, else a part's, ``value`` as read); None unless its ``parts`` (each as read) are
    all known and make the sum it was checked with: a blank part, or a group standing for its own
    sub-criteria, leaves the sum of those read short of any figure the relation asks for."""
    if not isinstance(check.expected, (int, float)) or not isinstance(check.actual, (int, float)):
        return None
    expected, actual = float(check.expected), float(check.actual)
    if any(p is None for p in parts) or abs(sum(p for p in parts if p is not None) - expected) > tol:
        return None
    return expected if stated else value + actual - expected


def _relations(shape: TableShape, i: int, field_: str) -> list[tuple[str, bool, list[int]]]:
    """The ids of the sums row i's ``field_`` takes part in, each with whether it is their
    stated figure, and their parts' rows."""
    kind, base = shape.sum_kind[field_], f"/score_tables/{shape.ti}"
    own = shape.kids.get(i)
    out = [(f"{kind}:{base}/rows/{i}:{field_}", True, own)] if own else []
    parent = shape.parents[i]
    if parent is not None:
        out.append((f"{kind}:{base}/rows/{parent}:{field_}", False, shape.kids.get(parent, [])))
    elif i in shape.top:
        out.append((f"stated_total:{base}:{field_}", False, shape.top))
    return out


def settle_met_sums(shape: TableShape, ledger: _Ledger, tol: float) -> int:
    """Make the failed sums of one table that one reading of one cell mends together ``misread``,
    the cell queued with the reading; the number of cells so found. OCR's word confidence is not
    asked: a figure read surely broke two sums so too ("3,75" read "3,5", ``misread.read_surely``),
    and the two relations meeting is the stronger witness."""
    by_id = {c.id: c for c in ledger.checks}
    n = 0
    for i, row in enumerate(shape.rows):
        for field_ in shape.sum_kind:
            value = getattr(row, field_)
            if value is None:
                continue
            asked = _asked_of(shape, by_id, i, field_, tol)
            readings = {round(r, 2) for _, r in asked if r is not None}
            if len(asked) < 2 or len(readings) != 1:
                continue
            reading = readings.pop()
            if any(r is None or abs(r - reading) > tol for _, r in asked):
                continue
            if reading < -tol or not one_edit_apart(getattr(row, f"{field_}_raw"), reading):
                continue
            if field_ != "max_points" and row.max_points is not None and reading > row.max_points + tol:
                continue
            _settle(shape, i, field_, reading, [c for c, _ in asked], ledger)
            n += 1 + _settle_twins(shape, by_id, i, field_, reading, ledger, tol)
    return n


def _asked_of(
    shape: TableShape, by_id: dict[str, Check], i: int, field_: str, tol: float
) -> list[tuple[Check, float | None]]:
    """Each failed sum row i's ``field_`` takes part in, with the figure it asks in the cell's place."""
    value = getattr(shape.rows[i], field_)
    failed = [
        (by_id[cid], stated, [getattr(shape.rows[k], field_) for k in parts])
        for cid, stated, parts in _relations(shape, i, field_)
        if cid in by_id and by_id[cid].status in ("mismatch", "misread")
    ]
    return [(c, _asked(c, value, stated, parts, tol)) for c, stated, parts in failed]


def _settle_twins(
    shape: TableShape, by_id: dict[str, Check], i: int, field_: str, reading: float, ledger: _Ledger, tol: float
) -> int:
    """Row i's other points cells printing the characters of its ``field_`` read as ``reading``,
    each of whose failed sums asks for that very reading: the same slip, told ``misread`` alike."""
    row, n = shape.rows[i], 0
    raw = (getattr(row, f"{field_}_raw") or "").strip()
    for twin in shape.sum_kind:
        if twin == field_ or twin == "max_points" or (getattr(row, f"{twin}_raw") or "").strip() != raw:
            continue
        asked = [(c, r) for c, r in _asked_of(shape, by_id, i, twin, tol) if c.status == "mismatch"]
        if asked and all(r is not None and abs(r - reading) <= tol for _, r in asked):
            said = TWIN_SAID.format(
                code=row.code or i,
                field=twin.replace("_", " "),
                read=_vn(getattr(row, twin)),
                reading=_vn(reading),
                twin=field_.replace("_", " "),
            )
            _settle(shape, i, twin, reading, [c for c, _ in asked], ledger, said)
            n += 1
    return n


def _settle(
    shape: TableShape, i: int, field_: str, reading: float, checks: list[Check], ledger: _Ledger, said: str = ""
) -> None:
    """Tell each of ``checks`` ``misread`` by row i's ``field_`` read as ``reading`` (``said`` why;
    by default the sums it mends), and queue the cell."""
    row = shape.rows[i]
    said = said or MET_SAID.format(
        code=row.code or i,
        field=field_.replace("_", " "),
        read=_vn(getattr(row, field_)),
        reading=_vn(reading),
        n=len(checks),
    )
    key = (f"/score_tables/{shape.ti}/rows/{i}", field_, reading)
    ref = _score_ref(shape.ti, i, row, field_, shape.name)
    for check in checks:
        if check.status == "mismatch":
            check.status = "misread"
        check.message += said
        ledger.explained.setdefault(key, set()).add(check.id)
        ledger.readings_of[check.id] = ledger.readings_of.get(check.id, frozenset()) | {key}
        ledger.flag(replace(ref, alternatives=[reading]), check.message)

"""A failed sum that a reading another sum already found explains, on OCR'd score tables.

The sums are checked top-down, each on its own: "1" against 1.1, 1.2 and 1.3 before "1.2" against
its sub-criteria. When 1.2's own sum finds that its figure, read "1,5:", may be 1,25 (its
sub-criteria add up to 1,25), and "1" holds with 1.2 at 1,25 too, the two relations meet on one
reading of one cell: the slip is ours, and the commune's figures agree. "1" is then ``misread``
like "1.2", not the commune's ``mismatch``, and the reading explains both (``_Ledger.corroborated``).

A fault of the commune breaks a sum no reading of ours mends; one that a reading found by
another relation mends exactly is the coincidence this leaves to the reviewer: the cell with the
reading is queued either way, and the failed sum's own entries stay in the queue."""

from __future__ import annotations

from cchc_extract.reconcile.core import SUM_KINDS, _Ledger, _vn
from schemas.records import Check

_PART_SUMS = SUM_KINDS - {"stated_total"}
SHARED_SAID = "; explained by the reading the sum of {code} found: {code} {field} read as {read} may be {reading}"


def _row_of(check: Check, ti: int) -> int | None:
    """The row a part sum of table ``ti`` states, from the check's id."""
    parts = check.id.split("#")[0].split(":")
    prefix = f"/score_tables/{ti}/rows/"
    if len(parts) < 2 or not parts[1].startswith(prefix):
        return None
    return int(parts[1].removeprefix(prefix))


def _holds_with(check: Check, value: float, reading: float, stated: bool) -> bool:
    """Whether the check's sum holds with one member's ``value`` read as ``reading`` instead (the
    stated figure's when ``stated``, else a part's)."""
    if not isinstance(check.expected, (int, float)) or not isinstance(check.actual, (int, float)):
        return False
    expected, actual = float(check.expected), float(check.actual)
    if stated:
        actual = reading
    else:
        expected += reading - value
    return abs(expected - actual) <= (check.tolerance or 0.0)


def settle_by_shared_readings(
    ti: int, values: list[dict[str, float | None]], kids: dict[int, list[int]], codes: list[str | None], ledger: _Ledger
) -> int:
    """Make each ``mismatch`` part sum of table ``ti`` that a reading found by another sum mends
    ``misread``, saying which; the number so marked. ``values`` gives each row's figure by field."""
    n = 0
    for check in ledger.checks:
        if check.kind not in _PART_SUMS or check.status != "mismatch" or not check.field:
            continue
        row = _row_of(check, ti)
        if row is None:
            continue
        found = _shared_reading(check, row, values, kids.get(row, []), ti, ledger)
        if found is None:
            continue
        member, reading = found
        key = (f"/score_tables/{ti}/rows/{member}", check.field, reading)
        check.status = "misread"
        check.message += SHARED_SAID.format(
            code=codes[member] or member,
            field=check.field.replace("_", " "),
            read=_vn(values[member][check.field]),
            reading=_vn(reading),
        )
        ledger.explained.setdefault(key, set()).add(check.id)
        ledger.readings_of[check.id] = frozenset({key})
        n += 1
    return n


def _shared_reading(
    check: Check, row: int, values: list[dict[str, float | None]], children: list[int], ti: int, ledger: _Ledger
) -> tuple[int, float] | None:
    """The one (member row, reading) another sum found under which this sum holds; none when
    there is none or more than one (which cell slipped cannot be told)."""
    field_ = check.field or ""
    hits = set()
    for member in (row, *children):
        value = values[member].get(field_)
        if value is None:
            continue
        pointer = f"/score_tables/{ti}/rows/{member}"
        for (item, f, reading), ids in ledger.explained.items():
            if item == pointer and f == field_ and ids - {check.id}:
                if _holds_with(check, value, reading, stated=member == row):
                    hits.add((member, reading))
    return hits.pop() if len(hits) == 1 else None

"""A row whose printed code OCR garbled, placed one level off by the column repair, put back
where two sums say it stands (OCR'd tables only).

The column repair reads a garbled code from its neighbours: "7.43" after 7.2.2 becomes 7.2.3 (a
next sub-criterion) as readily as 7.3 (the next criterion). When the table's sums are whole under
the other place and broken under the one taken, the arithmetic has said which: 7.2 then states 8
over sub-criteria adding up to 12 (over by exactly the row's 4) and 7 states 18 over criteria
adding up to 14 (short by exactly 4). A commune's slip breaks one sum; two sums failing exactly
each other's way by the figures of a row whose code was guessed is the guess's fault, in every
points column the row fills. The row is moved (its printed code kept in ``code_raw``), flagged
``FLAG_CODE_BY_SUMS`` and its code goes to review, so a person confirms the place; the two sums
are then checked whole, not reported to the commune.

Only a leaf row, the last under its parent (moving up: the parent's next sibling) or right after
a sibling's subtree and the last under its parent (moving down: that sibling's next child), into
a code no row has: the document's order stays the set's depth-first order either way.
"""

from __future__ import annotations

from dataclasses import dataclass

from cchc_extract.reconcile.core import _Ledger
from cchc_extract.reconcile.hierarchy import children_of, norm_code, resolve_parents
from cchc_extract.reconcile.ocr_readings import record_repaired_cell
from cchc_extract.reconcile.score_cells import PLACED_FLAGS, coded_by_name
from cchc_extract.reconcile.score_refs import POINT_FIELDS, _table_name
from schemas.records import ScoreRow, ScoreTable

# A row's code taken from where the table's sums put it (its printed code garbled, its guessed
# place breaking two sums that the move makes whole): "code_by_sums:<the code guessed>".
FLAG_CODE_BY_SUMS = "code_by_sums"


@dataclass(frozen=True)
class Move:
    """Row ``row`` from code ``old`` to ``new``: the sums of ``over`` (rows' index, which counted
    the row's figures and should not) and ``short`` (which should) are whole after it."""

    row: int
    old: str
    new: str
    over: int
    short: int


def place_codes_by_sums(ti: int, table: ScoreTable, ledger: _Ledger, tolerance: float) -> None:
    """Move each row whose guessed code two failing sums put elsewhere (``find_move``), one at a
    time (each move changes the tree); a row moved on an earlier run is said again, unchanged."""
    rows = table.rows
    name = _table_name(table, ti)
    for i, row in enumerate(rows):
        for flag in row.flags:
            if flag.startswith(f"{FLAG_CODE_BY_SUMS}:"):
                _record(ledger, ti, i, row, name, flag.partition(":")[2])
    moved: set[int] = set()
    while (move := find_move(rows, tolerance, moved)) is not None:
        row = rows[move.row]
        row.code = move.new
        row.parent = move.new.rsplit(".", 1)[0] if "." in move.new else None
        row.flags.append(f"{FLAG_CODE_BY_SUMS}:{move.old}")
        moved.add(move.row)
        _record(ledger, ti, move.row, row, name, move.old)


def find_move(rows: list[ScoreRow], tolerance: float, done: set[int] = frozenset()) -> Move | None:  # type: ignore[assignment]
    """The first row (not in ``done``) whose guessed code two sums refuse and another place makes
    whole, or None."""
    parents, _ = resolve_parents(rows)
    kids = children_of(parents)
    codes = {norm_code(r.code) for r in rows if r.code}
    for i, row in enumerate(rows):
        p = parents[i]
        if i in done or p is None or not _guessed(row) or i in kids:
            continue
        siblings = kids[p]
        if siblings[-1] != i:
            continue  # (not the last under its parent: a move would skip a number)
        up = _up(rows, parents, kids, i, p)
        down = _down(rows, kids, i, p, siblings)
        for target, over, short in (up, down):
            if target and target not in codes and _explains(rows, kids, i, over, short, tolerance):
                return Move(i, str(row.code), target, over, short)
    return None


def _guessed(row: ScoreRow) -> bool:
    """A row whose code the column repair guessed or bent, its name not confirming it."""
    return bool(row.code) and any(f in row.flags for f in PLACED_FLAGS) and not coded_by_name(row)


def _up(
    rows: list[ScoreRow], parents: list[int | None], kids: dict[int, list[int]], i: int, p: int
) -> tuple[str | None, int, int]:
    """The parent's next sibling: the parent counts the row's figures, the grandparent does not."""
    g = parents[p]
    if g is None:
        return None, p, p
    return _next_sibling(norm_code(rows[p].code)), p, g


def _down(
    rows: list[ScoreRow], kids: dict[int, list[int]], i: int, p: int, siblings: list[int]
) -> tuple[str | None, int, int]:
    """The previous sibling's next child: the parent counts the row's figures, that sibling not."""
    at = siblings.index(i)
    if at == 0 or siblings[at - 1] not in kids:
        return None, p, p
    q = siblings[at - 1]
    return _next_sibling(norm_code(rows[kids[q][-1]].code)), p, q


def _next_sibling(code: str | None) -> str | None:
    """ "7.2" → "7.3"; None for a code that ends in no number."""
    if not code:
        return None
    head, dot, last = code.rpartition(".")
    return f"{head}{dot}{int(last) + 1}" if last.isdigit() else None


def _explains(rows: list[ScoreRow], kids: dict[int, list[int]], i: int, over: int, short: int, tol: float) -> bool:
    """Whether, in every points column the row fills and both sums can be taken of, ``over``'s
    children add up to its figure plus the row's and ``short``'s to its figure less the row's
    (the row's maximum at least; a zero moves no sum, so its column is no witness either way:
    a column the commune mis-summed beside it stays its own finding)."""
    row = rows[i]
    if over == short or not row.max_points:
        return False
    taken = 0
    for f in POINT_FIELDS:
        value = getattr(row, f)
        gaps = (_gap(rows, kids, over, f), _gap(rows, kids, short, f))
        if not value or None in gaps:
            if f == "max_points":
                return False
            continue  # (a zero or a blank says nothing of where the row stands)
        g_over, g_short = gaps
        if abs(g_over + value) > tol or abs(g_short - value) > tol:
            return False
        taken += 1
    return taken > 0


def _gap(rows: list[ScoreRow], kids: dict[int, list[int]], k: int, f: str) -> float | None:
    """A row's figure less its children's sum in column ``f``; None when any is not read."""
    stated = getattr(rows[k], f)
    figures = [getattr(rows[c], f) for c in kids.get(k, [])]
    if stated is None or not figures or any(v is None for v in figures):
        return None
    return stated - sum(figures)


def _record(ledger: _Ledger, ti: int, i: int, row: ScoreRow, name: str, old: str) -> None:
    """A ``repaired`` ``code_place`` check on the row's code (``old``: the code guessed): the code
    goes to review."""
    message = (
        f"{row.code}: code printed {row.code_raw!r}, placed as {old} it breaks two sums; as {row.code} "
        "every sum around it holds"
    )
    record_repaired_cell(ledger, "code_place", (ti, i, name), row, "code", (old, row.code), message, raw=row.code_raw)

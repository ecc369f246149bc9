"""Cells OCR lost whose value the output still gives, vouched for twice, are no part of the
document left unread (issue 16: no unread entry on a document read completely).

A cell is recovered when two things the document prints agree on its value: a cell the table's
sums determine by two routes, or by one route and the criteria set's maximum for it, from inputs
at or over the review threshold (``derived.Derivation.confirmed``: the queue already lets it go);
or a maximum a surely recognised criteria set filled in (``max_from_criteria_set:``, before the
checks) that a relation holding with every member read vouches for (``held``). Such a cell is
not data lost: the parts of ``unread`` that name it (``queue_once.cell_clause``: "figures not
read …: 1.2 self points", "points of 1.3 not read …") no longer do, and a part naming nothing else
goes, with its review entry. The output still says the value was not read: the cell's flag
(``derived_from_sums:``, ``max_from_criteria_set:``) and its blank ``*_raw``.

A value one sum alone gave, or the set's maximum alone, is not recovered: the sum that gave it is
the very one a commune's fault would break, and a commune may print a maximum of its own. It stays
queued (``derived._queue``), and its cell stays told unread."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from cchc_extract.reconcile.held import _held_values
from cchc_extract.reconcile.queue_once import cell_clause, pointer_of_code
from cchc_extract.reconcile.score_cells import set_filled, table_fields
from cchc_extract.reconcile.score_refs import score_row_at
from extract.segment.unread_review import UNREAD_PREFIX
from normalize.lazy_regex import lazy_compile
from schemas.records import REASONS_SEPARATOR, ExtractionResult, ReviewItem, UnreadPart, reasons_of

Cell = tuple[str, str]  # (row pointer, field)

_UNREAD_ITEM = lazy_compile(r"/unread/(\d+)")


def recovered_cells(result: ExtractionResult, confirmed: set[Cell]) -> set[Cell]:
    """The cells recovered: the derived ones ``confirmed`` (two relations agree, inputs sure), and
    the maxima a sure criteria set filled in that a relation holding vouches for."""
    held = _held_values(result, result.checks)
    filled = {
        (f"/score_tables/{ti}/rows/{ri}", "max_points")
        for ti, table in enumerate(result.score_tables)
        for ri, row in enumerate(table.rows)
        if set_filled(row, "max_points")
    }
    return set(confirmed) | (filled & held)


def account_recovered(result: ExtractionResult, recovered: set[Cell]) -> None:
    """Drop the recovered cells from the parts of ``unread`` that name them: a part naming no other
    cell goes, one naming others names those only; the review follows (a part's entry, or its
    reason told on a cell's entry, goes or names what is left; ``/unread/N`` pointers renumbered)."""
    if not recovered or not result.unread:
        return
    reword_unread(result, lambda part: _unrecovered_reason(part, result, recovered))


def reword_unread(result: ExtractionResult, reason_now: Callable[[UnreadPart], str | None]) -> None:
    """Each part of ``unread`` given the reason ``reason_now`` says (None: the part goes); the review
    follows (a part's entry, or its reason told on a cell's entry, goes or says the new reason;
    ``/unread/N`` pointers renumbered)."""
    kept: list[UnreadPart] = []
    renamed: dict[str, str | None] = {}  # a part's reason → its reason now (None: gone)
    moved: dict[int, int] = {}
    for i, part in enumerate(result.unread):
        reason = reason_now(part)
        if reason != part.reason:
            renamed[part.reason] = reason
        if reason is None:
            continue
        moved[i] = len(kept)
        kept.append(part if reason == part.reason else replace(part, reason=reason))
    if not renamed:
        return
    result.unread = kept
    result.review = _review_after(result.review, renamed, moved)


def _unrecovered_reason(part: UnreadPart, result: ExtractionResult, recovered: set[Cell]) -> str | None:
    """The part's reason naming only the cells not recovered; None when it named recovered cells
    only; its reason unchanged when it names anything but cells of rows found."""
    if part.kind != "rows":
        return part.reason
    clauses = []
    for clause in part.reason.split("; "):
        pieces = cell_clause(clause)
        if pieces is None:
            return part.reason
        left = []
        for item in pieces.items:
            pointer = pointer_of_code(result, part, item[1])
            if pointer is None:
                return part.reason
            if not _is_recovered(result, pointer, item[2], recovered):
                left.append(item)
        if left:
            clauses.append(pieces.with_items(left))
    return "; ".join(clauses) or None


def _is_recovered(result: ExtractionResult, pointer: str, field: str | None, recovered: set[Cell]) -> bool:
    """Whether a cell named unread is recovered; a row named as a whole ("points of 1.3 not
    read") is when each of its points cells is read or recovered: a blank one is lost, flagged or
    not (a row recovered by the set's order carries no ``missing_*`` flag for the cells it lacks)."""
    if field is not None:
        return (pointer, field) in recovered
    at = score_row_at(pointer)
    if at is None:
        return False
    rows = result.score_tables[at[0]].rows
    row = rows[at[1]]
    fields = table_fields(rows)
    for f in fields:
        if (pointer, f) in recovered:
            continue
        if getattr(row, f) is None or not (getattr(row, f"{f}_raw", None) or "").strip():
            return False  # (a value no character of the row gave, and nothing vouches for twice)
    # (a row whose cells all came from its own characters was read after all: not this module's)
    return any((pointer, f) in recovered for f in fields)


def _review_after(items: list[ReviewItem], renamed: dict[str, str | None], moved: dict[int, int]) -> list[ReviewItem]:
    """The review with each changed part's entry, or its reason told on a cell's entry, following
    the part: gone with it, or naming what it names now; ``/unread/N`` renumbered."""
    said = {f"{UNREAD_PREFIX}{old}": (f"{UNREAD_PREFIX}{new}" if new else None) for old, new in renamed.items()}
    out = []
    for entry in items:
        m = _UNREAD_ITEM.fullmatch(entry.item)
        if m is not None:
            at = moved.get(int(m.group(1)))
            if at is None:
                continue
            entry = replace(entry, item=f"/unread/{at}")
        had = reasons_of(entry)
        if any(r in said for r in had):
            left = [now for r in had if (now := said.get(r, r))]
            if not left:
                continue
            entry = replace(entry, reason=REASONS_SEPARATOR.join(left))
        out.append(entry)
    return out

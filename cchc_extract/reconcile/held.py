"""Which values a relation that holds vouches for: the members of a sum, a table total or a share
whose check came out ``ok`` with all its members read. The confidence model (``confidence``) counts
them as confirmed ("held"), and the queue leaves a row whose code was inferred out of review when
one of its values is held (``queue``)."""

from __future__ import annotations

from cchc_extract.reconcile.cell_grids import blanks_printed
from cchc_extract.reconcile.hierarchy import children_of, resolve_parents
from cchc_extract.reconcile.misread import ocr_read
from cchc_extract.reconcile.score_cells import APPRAISED, MISSING_FLAG, column_guessed, table_fields
from normalize.lazy_regex import lazy_compile
from schemas.records import Check, ExtractionResult

_TABLE_POINTER = lazy_compile(r"(/(?:score_tables|statistics)/\d+)(?:/rows/(\d+))?")

_HELD_KINDS = ("sum_children", "sum_self", "sum_appraised", "stated_total", "total_parts", "ratio")


def pointer_field(check: Check) -> tuple[str, str | None]:
    """(item pointer, field) a check is recorded on: its id is ``kind:pointer[:field][#n]``."""
    parts = check.id.split("#")[0].split(":")
    return (parts[1] if len(parts) > 1 else ""), (parts[2] if len(parts) > 2 else None)


def _held_values(result: ExtractionResult, checks: list[Check]) -> set[tuple[str, str]]:
    """(row pointer, field) of every value in a relation that holds with all its members read.

    A sum holds "ok" when some children hang under an ancestor because their own parent was lost,
    or when the maxima read already make the whole and other children's are blank: the check is
    right not to call that a fault, but it vouches for nothing. Two misreadings may cancel among
    the parts read (an "S" read as 5 beside a 2 read as 3 under a parent of 10), and the lost or
    blank parts would have to be zero, which a criterion's maximum never is. (A blank self score or
    statistics value may well be zero or "not applicable": those sums still vouch, unless the
    segmenter says the cell was lost: ``_lost``.)"""
    read_by_ocr = ocr_read(result)
    held: set[tuple[str, str]] = set()
    zeros: set[tuple[str, str]] = set()
    kids_of: dict[str, tuple[dict[int, list[int]], list[int | None], set[int], list, bool]] = {}
    # (whether the table has an appraised column whose cells can be lost, so that a score's column
    # may be a guess, told once per table: asked per member of every check, it read the whole table
    # each time; a printed grid's blank is printed, ``blanks_printed``, and its columns no guess)
    for ti, table in enumerate(result.score_tables):
        parents, orphans = resolve_parents(table.rows)
        guessable = APPRAISED in table_fields(table.rows) and not blanks_printed(table, result.source, read_by_ocr)
        kids_of[f"/score_tables/{ti}"] = (children_of(parents), parents, orphans, table.rows, guessable)
    for ai, annex in enumerate(result.statistics):
        parents, orphans = resolve_parents(annex.rows)
        kids_of[f"/statistics/{ai}"] = (children_of(parents), parents, orphans, annex.rows, False)
    for check in checks:
        if check.status != "ok" or check.kind not in _HELD_KINDS:
            continue
        pointer, field_ = pointer_field(check)
        m = _TABLE_POINTER.fullmatch(pointer)
        if not m or m.group(1) not in kids_of:
            continue
        table = m.group(1)
        kids, parents, orphans, rows, guessable = kids_of[table]
        field_ = field_ or "value"
        if m.group(2) is None:  # a table's total: its top-level rows
            members = [i for i, p in enumerate(parents) if p is None]
        else:
            i = int(m.group(2))
            members = [i, *(kids.get(i, []) if _sums_every_child(check, table) else [])]
        partial = any(k in orphans or _lost(rows[k], field_) for k in members)
        if check.kind != "ratio" and partial:
            continue
        # Scores whose column is a guess (their row lost a cell beside them) in a table with two
        # score columns: a sum holding with two of them may hold in the other column, each row's
        # figure of that column read into this one (seed 472: a parent's and a child's appraised
        # scores read as self scores, their sum of self scores holding with them at 0.94).
        guessed = [i for i in members if guessable and _column_guessed(rows[i], field_)]
        held |= {(f"{table}/rows/{i}", field_) for i in members if len(guessed) < 2 or i not in guessed}
        zeros |= {(f"{table}/rows/{i}", field_) for i in members if _zero_placed_by_position(rows[i], field_)}
    # A zero adds nothing: a sum (or a ratio of zero) holds with it whether or not the row belongs
    # where it stands, so a zero whose code was inferred from its place is vouched by its relations
    # only where another of its values, not zero, holds in one (that places the row; a parent's
    # zero then makes its children's zeros): a share read "0" that slid under the counts above it
    # is vouched neither in its place nor in its value.
    placed = {pointer for pointer, f in held - zeros}
    return {(pointer, f) for pointer, f in held if (pointer, f) not in zeros or pointer in placed}


def _sums_every_child(check: Check, table: str) -> bool:
    """Whether a check that holds vouches for every child of its row: a score table's sums do (each
    child is a part). A share vouches for its counts, and an annex total for the parts it summed,
    which are not all the row's children (a share under the count, a coded answer, a row whose unit
    is not the total's): the check records the members it summed in the ledger
    (``_Ledger.confirmed``, by ``stat_check.check_stat_value``), which the confidence counts as held
    too. Seed 18221's D07 dump: "2: total 185, its 2 parts add up to 185" (162 + 23) vouched at 0.915
    for a third child read "21" with no unit, no part of that sum, and wrong (silent)."""
    return check.kind != "ratio" and not table.startswith("/statistics/")


def _column_guessed(row, field_: str) -> bool:
    """Whether a score row's figure in ``field_`` stands in a column guessed (of a table with an
    appraised column: the caller tells)."""
    return field_ in ("self_points", APPRAISED) and column_guessed(row, field_)


def _lost(row, field_: str) -> bool:
    """Whether a member's cell is blank where the sum needs a figure: a maximum (never zero), or a
    score or value the segmenter says it lost (its ``missing_*`` flag: the page printed a figure
    we did not read). A sum that holds with that cell counted as zero vouches for nothing: the
    figures read may be off by exactly the lost one ("1" for 1,25 under a parent whose other
    child's "0,25" was lost: 1 + blank = 1 holds). A maximum read as zero is such a cell too: no
    criterion is worth nothing, so its figure was misread (a speck of a leader read "0") and the
    sum holding with it counts a cell as zero all the same."""
    value = getattr(row, field_, None)
    if value is not None:
        return field_ == "max_points" and value == 0
    return field_ == "max_points" or MISSING_FLAG.get(field_, "") in row.flags


def _zero_placed_by_position(row, field_: str) -> bool:
    return getattr(row, field_, None) == 0 and "code_inferred" in row.flags

"""Which members of a failed sum a person should look at: the value where several failed
relations cross, else the ones no holding relation vouches for; less, on OCR'd text, the maxima the
criteria set vouches for (``sums`` queues them)."""

from __future__ import annotations

from cchc_extract.reconcile.hierarchy import norm_code
from cchc_extract.reconcile.score_cells import coded_by_name, printed_max, set_filled
from cchc_extract.reconcile.set_maxima import agrees_with_set
from schemas.records import ScoreRow

# The segmenter's flags of a row's code taken from its position or repaired (``extract/segment``).
_PLACED_FLAGS = ("code_inferred", "code_repaired")


def not_set_vouched(
    members: list[int], rows: list[ScoreRow], field_: str, maxima: dict[str, float], ocr: bool
) -> list[int]:
    """The suspects of a failed relation on OCR'd text less the maxima the criteria set vouches
    for: a printed maximum equal to the set's for its code is what the page prints (a misreading
    seldom lands on the set's figure) and is no commune's slip either. Typed text keeps its
    suspects (``one_cause`` narrows them)."""
    if not ocr or field_ != "max_points":
        return members
    return [k for k in members if not (printed_max(rows[k]) and agrees_with_set(rows[k], field_, maxima) > 0)]


def set_vouched(row: ScoreRow, field_: str, maxima: dict[str, float]) -> bool:
    """Whether the criteria set vouches for a row's maximum: printed, and the set's figure for its
    code; or filled in from the set (its cell not read) under a code the row printed or its name
    settles (``coded_by_name``), and the set the table agrees with most gives that figure too."""
    if field_ != "max_points" or row.max_points is None:
        return False
    if set_filled(row, field_):
        settled = coded_by_name(row) or not any(flag in row.flags for flag in _PLACED_FLAGS)
        expected = maxima.get(norm_code(row.code) or "")
        return settled and expected is not None and abs(expected - row.max_points) < 0.011
    return printed_max(row) and agrees_with_set(row, field_, maxima) > 0


def withheld_members(
    ti: int, members: list[int], rows: list[ScoreRow], field_: str, maxima: dict[str, float], ocr: bool
) -> frozenset[tuple[str, str]]:
    """(pointer, field) of the members of a relation, on OCR'd text, that a failure of it leaves
    out of the queue: maxima the criteria set vouches for (``set_vouched``). A sum of maxima that
    fails on a dump is a misreading of another member (the figure the relation states, a maximum
    the set disputes) or a row we lost; a misreading seldom lands on the set's figure for its code.
    (Seed 479's dumps: 20 such maxima queued for a failed sum or total, all right.) The relation
    still counts them as read unsurely (it is not told as the commune's fault)."""
    if not ocr or field_ != "max_points":
        return frozenset()
    return frozenset((f"/score_tables/{ti}/rows/{k}", field_) for k in members if set_vouched(rows[k], field_, maxima))


def below_every_member(
    ti: int, i: int, children: list[int], rows: list[ScoreRow], field_: str, tol: float, ocr: bool
) -> frozenset[tuple[str, str]]:
    """(pointer, field) of the members of row i's failed sum, on OCR'd text, that the failure leaves
    out of the queue when the figure row i states is below every member read (two or more): no
    reading of one member can make a sum that small, so the doubt is the stated figure's, or its
    row's place. A row of the table given the parent's code (OCR lost the code "1.1.1" and its
    place made it "1") or a parent's figure that lost a digit ("1" for 11) shows so. Seed 9001's
    D19 dump: "1" stated 1 over five sub-criteria of 2 to 2,5, and nine right members queued with it.
    The relation still counts them as read unsurely (it is not told as the commune's fault), and
    each is still queued for its own confidence."""
    stated = getattr(rows[i], field_)
    read = [v for v in (getattr(rows[c], field_) for c in children) if v is not None]
    if not ocr or stated is None or len(read) < 2 or any(v <= stated + tol for v in read):
        return frozenset()
    return frozenset((f"/score_tables/{ti}/rows/{c}", field_) for c in children)


def total_suspects(
    top: list[int],
    rows: list[ScoreRow],
    field_: str,
    parents: list[int | None],
    kids: dict[int, list[int]],
    tol: float,
    maxima: dict[str, float],
) -> list[int]:
    """The top rows a failed table total puts in the queue: ``suspects`` (the set's maxima do not
    narrow them: a top row's maximum may be the commune's own where the total is the slip); none
    when the field is the maximum and the criteria set vouches for every top row's (the total
    row's own figure is then the one to look at, not the rows a set confirms one by one)."""
    vouched = field_ == "max_points" and bool(maxima) and all(agrees_with_set(rows[k], field_, maxima) > 0 for k in top)
    return [] if vouched else suspects(top, rows, field_, parents, kids, tol)


def suspects(
    members: list[int],
    rows: list[ScoreRow],
    field_: str,
    parents: list[int | None],
    kids: dict[int, list[int]],
    tol: float,
    maxima: dict[str, float] | None = None,
) -> list[int]:
    """The rows of a failed relation a person should look at: a row whose other relations fail
    too is where they cross (the one value that breaks them all); else the rows no relation
    that holds vouches for; else all of them. A row printed blank is never a suspect, nor a row
    whose value the criteria set vouches for (``maxima``) while another's it does not."""
    if maxima:
        doubted = [k for k in members if agrees_with_set(rows[k], field_, maxima) < 0]
        if doubted and len(doubted) < len(members):
            members = doubted
    tally = {}
    for k in members:
        value = getattr(rows[k], field_)
        if value is None:
            continue
        held, checkable, bounded = relations_held(rows, k, field_, value, parents, kids, tol)
        tally[k] = (checkable - held + (not bounded), held)
    if not tally:
        return list(members)
    most = max(f for f, _ in tally.values())
    if most >= 2:
        return [k for k in members if k in tally and tally[k][0] == most]
    unvouched = [k for k in members if k in tally and tally[k][1] == 0]
    return unvouched or [k for k in members if k in tally]


def relations_held(
    rows: list[ScoreRow],
    i: int,
    field_: str,
    value: float,
    parents: list[int | None],
    kids: dict[int, list[int]],
    tol: float,
) -> tuple[int, int, bool]:
    """With ``value`` in cell (i, field): (sum relations that hold, sum relations checkable,
    self ≤ max holds)."""
    held = checkable = 0
    children = kids.get(i, [])
    parts = [getattr(rows[c], field_) for c in children]
    if parts and all(p is not None for p in parts):
        checkable += 1
        held += abs(sum(parts) - value) <= tol
    p = parents[i]
    if p is not None and getattr(rows[p], field_) is not None:
        siblings = [getattr(rows[c], field_) if c != i else value for c in kids.get(p, [])]
        if all(v is not None for v in siblings):
            checkable += 1
            held += abs(sum(siblings) - getattr(rows[p], field_)) <= tol
    # A score (self or appraised) is at most its row's maximum.
    max_v = value if field_ == "max_points" else rows[i].max_points
    scores = [value] if field_ != "max_points" else [rows[i].self_points, rows[i].appraised_points]
    if field_ == "max_points":
        # A score printed with the very digits of its maximum ("25 25" for 2,5 2,5) lost its mark
        # with it: OCR loses the mark of a stretch of a faint line, so the twin is read back with
        # the maximum's reading, not held against it.
        scores = [_twin_read_back(v, rows[i].max_points, value) for v in scores]
    bounded = max_v is None or all(v is None or v <= max_v + tol for v in scores)
    return held, checkable, bounded


def _twin_read_back(score: float | None, read: float | None, reading: float) -> float | None:
    """``score`` read back as its maximum is when both print the same digits and ``reading`` is
    the maximum with its decimal mark put back (a tenth or a hundredth of it)."""
    if score is None or read is None or abs(score - read) > 1e-9 or reading == read:
        return score
    lost = next((f for f in (10, 100) if abs(reading * f - read) < 1e-6), None)
    return score if lost is None else score / lost


def confirmed_by_children(rows: list[ScoreRow], k: int, field_: str, kids: dict[int, list[int]], tol: float) -> bool:
    """Whether row k's figure of ``field_`` is what its sub-criteria add up to, every one of them
    read: two readings apart agree on it. A row read unsurely (its code repaired, a cell doubted)
    whose figure its children confirm is no doubtful member of another relation (a table total):
    the doubt on its line is not on that figure."""
    value, children = getattr(rows[k], field_), kids.get(k, [])
    parts = [getattr(rows[c], field_) for c in children]
    return value is not None and bool(parts) and None not in parts and abs(sum(parts) - value) <= tol

"""Recording a check on a statistics row's value against the rows it relates to (a ratio, a
count's sum): who goes to review, who is doubted, what a relation that holds confirms."""

from __future__ import annotations

from collections.abc import Collection, Sequence

from cchc_extract.reconcile.core import _Ledger, one_cause
from cchc_extract.reconcile.stat_readings import REPAIRED_VALUE
from cchc_extract.reconcile.stat_rows import _stat_ref, figures_in_name
from cchc_extract.review_threshold import REVIEW_BELOW
from extract.segment.units_sums import UNITS_SUM_FLAG
from schemas.records import ReviewItem, StatRow


def check_stat_value(
    ledger: _Ledger,
    kind: str,
    ai: int,
    members: tuple[int, ...],
    rows: list[StatRow],
    name: str,
    *,
    expected: float | None,
    tol: float,
    status: str,
    message: str,
    found: list,
    ocr: bool,
    unread: Sequence[int] = (),
    confirms: bool = True,
    impossible: Sequence[int] = (),
    stated_too: bool = False,
    lost_makes: bool = False,
    unmade: Collection[int] = (),
) -> None:
    """Record a check on the value of statistics row ``members[0]`` against the rows it relates to
    (the rest): when the relation fails they go to review (on typed text one entry, the stated
    figure: ``one_cause``), with the readings that explain it (``found``). ``unread``: rows the
    relation may be of whose figure we did not read (a ratio's count lost beside the pair read):
    a failure may then be a pairing of ours, doubted as a member read unsurely is. ``confirms``:
    when the relation holds, its arithmetic confirms every member's value (``_Ledger.confirmed``).
    ``impossible``: members whose figure no page prints so (a part above its whole on OCR'd
    text; a part whose unit OCR did not read, ``annex._unit_unread``): doubted, the relation is a
    reading of ours, not the commune's fault. ``stated_too``: the readings found are guesses, so
    the stated figure goes to review beside them. ``lost_makes``:
    a count the relation may be of whose figure we did not read, told by its group's sum, makes
    it (``_lost_count_makes``): the members read surely are not doubted, only the figure it states
    and the rows read unsurely go to review. ``unmade``: rows of OCR'd groups whose parts, every
    one read, do not make them: one of their figures was misread, so a member among them is
    doubted as a row read unsurely is (a share of "5 39" over "5.1 29" fails on the whole OCR
    read 39 for 29, which its own sum of 29 + 0 fails too). A member whose figure is a reading we
    took (``REPAIRED_VALUE``) is doubted so too."""
    row = rows[members[0]]
    if status == "ok" and confirms:
        ledger.confirmed |= {(f"/statistics/{ai}/rows/{k}", "value") for k in members if rows[k].value is not None}
    refs = tuple(_stat_ref(ai, k, rows[k], name) for k in members)
    stated = refs[0]
    doubted = tuple(
        ref
        for k, ref in zip(members, refs)
        if rows[k].confidence < REVIEW_BELOW
        or k in unmade
        or (ocr and figures_in_name(rows[k]))
        # a reading we took for the figure printed (``repair_stat_readings``: one sum chose it)
        # that this relation refuses: the reading is ours, and so may the failure be
        or REPAIRED_VALUE in rows[k].flags
    )
    ungrouped = [rows[k].code or "a count" for k in members if k in unmade]
    if status == "mismatch" and not found and ungrouped:
        message += f"; {', '.join(ungrouped)} in a group its counts do not make (a figure misread)"
    taken = [f"{rows[k].code or 'a count'} ('{rows[k].value_raw}')" for k in members if REPAIRED_VALUE in rows[k].flags]
    if status == "mismatch" and not found and taken:
        message += f"; {', '.join(taken)} read otherwise by us to make another sum (a figure misread)"
    if status == "mismatch" and not found:
        refs, doubted = _less_vouched(ai, members, rows, refs, doubted, ledger)
    if status == "mismatch" and not found and lost_makes and not impossible:
        # the pair read is no pair of the share's, the lost count told by its group is: the
        # members read surely are what the page prints, only the stated figure is suspect
        refs = (stated,)
    doubted += tuple(_stat_ref(ai, k, rows[k], name) for k in unread if k not in members or k == members[0])
    doubted += tuple(
        _stat_ref(ai, k, rows[k], name) for k in impossible if k not in members or rows[k].confidence >= REVIEW_BELOW
    )
    if status == "incomplete":  # rows lost may make it hold: the figure it states is looked at
        ledger.flag(stated, message)
    ledger.check(
        kind,
        f"/statistics/{ai}/rows/{members[0]}",
        table=name,
        code=row.code,
        field_="value",
        expected=expected,
        actual=row.value,
        tolerance=tol,
        status=status,
        message=message,
        rows=one_cause(refs, stated, ocr),
        misread=[(c.ref, r) for c, r in found],
        # rows the segmenter read unsurely (a code inferred, columns inferred from the rows):
        # a failed relation among them may be ours, not the commune's
        doubted=doubted,
        stated_too=stated_too,
    )


def _less_vouched(
    ai: int,
    members: tuple[int, ...],
    rows: list[StatRow],
    refs: tuple[ReviewItem, ...],
    doubted: tuple[ReviewItem, ...],
    ledger: _Ledger,
) -> tuple[tuple[ReviewItem, ...], tuple[ReviewItem, ...]]:
    """(suspects, doubted) of a failed relation less the members another relation that holds
    confirmed already (``_Ledger.confirmed``: a group its parts add up to, checked before the
    percentage below it; or ``units_vouched``), when at least one member is not so confirmed:
    "2.3 94%" against "2.1 21" of "2 25" where 21 + 4 = 25 holds points at 2.3, not at the counts
    the sum vouches for (on an OCR dump every row read with columns inferred is "unsure", which
    alone would queue all three). Nothing is narrowed when every member is confirmed or none is."""
    mine = {(f"/statistics/{ai}/rows/{k}", "value") for k in members}
    held = {key for key in mine if key in ledger.confirmed} | units_vouched(ai, members, rows)
    if not held or held == mine:
        return refs, doubted
    return (
        tuple(r for r in refs if (r.item, r.field) not in held),
        tuple(r for r in doubted if (r.item, r.field) not in held),
    )


def units_vouched(ai: int, members: tuple[int, ...], rows: list[StatRow]) -> set[tuple[str, str]]:
    """The members whose figure the commune's units add up to (``UNITS_SUM_FLAG``, set where a
    table by hamlet prints the commune's row beside its units' rows): a sum that holds, as a
    group's does, though it is read with the table (``stat_across``), not checked in the ledger.
    A share failing against two such counts is the share's slip or the commune's fault, not
    theirs (seed 18221's scan of a units table: "4 60,36%" against "2 53" of "1 83", both counts
    their units' sums, queued all three for the one planted fault in 4)."""
    return {(f"/statistics/{ai}/rows/{k}", "value") for k in members if UNITS_SUM_FLAG in rows[k].flags}

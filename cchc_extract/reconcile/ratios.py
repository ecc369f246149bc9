"""Ratios: a percentage row of an annex against its counts, and the share an annex row's note
states is ``note_ratio``. Ratios printed inside free text are ``text_ratios``."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import replace
from functools import partial
from itertools import combinations

from cchc_extract.reconcile.core import _decimals, _Ledger, _percent_matches, _vn, one_cause
from cchc_extract.reconcile.hierarchy import norm_code
from cchc_extract.reconcile.lost_whole_share import share_of_lost_whole
from cchc_extract.reconcile.misread import (
    Cell,
    explain,
    lost_digit_readings,
    other_readings,
    run_readings,
    share_holds,
)
from cchc_extract.reconcile.score_cells import MISSING_FLAG
from cchc_extract.reconcile.settings import ReconcileSettings
from cchc_extract.reconcile.share_told import _lost_count_makes, _ratio_of_told_count, _v
from cchc_extract.reconcile.stat_lost_rows import SiblingGap, lost_before_share, lost_said
from cchc_extract.reconcile.stat_readings import REPAIRED_VALUE, rule_readings
from cchc_extract.reconcile.stat_rows import (
    _denominator,
    _stat_ref,
    _unit_key,
    code_legend,
    counts_named,
    figures_in_name,
    is_percent,
    same_unit_rows,
    worded_apart,
)
from cchc_extract.review_threshold import REVIEW_BELOW
from extract.segment.body_stat_ocr import SIGN_AS_NINE_FLAG
from extract.segment.stat_line_periods import short_row_readings
from normalize.lazy_regex import lazy_compile
from normalize.text import fold
from schemas.records import ReviewItem, StatRow


def _usable(row: StatRow) -> bool:
    return row.value is not None and not is_percent(row) and code_legend(row) is None


def _ratio_candidates(
    i: int, rows: list[StatRow], parents: list[int | None], kids: dict[int, list[int]], s: ReconcileSettings
) -> list[int]:
    """Count rows a percentage row i may be the ratio of, in every placement: its children (a
    parent ratio); else the siblings just above it (a ratio row after its counts), back to the
    previous percentage sibling, skipping the siblings' own children, and its parent when it is a
    count (the whole, with a sibling as the part)."""
    candidates = [j for j in kids.get(i, []) if _usable(rows[j])]
    if candidates:
        return candidates
    siblings = _siblings_above(i, parents, rows, s)
    candidates = [j for j in reversed(siblings) if _usable(rows[j])]
    p = parents[i]
    if p is not None and _usable(rows[p]):
        candidates.insert(0, p)
    if len(candidates) < 2 and siblings and _usable(rows[siblings[0]]):
        # One count above, itself broken down ("3.1 hồ sơ đã giải quyết: a) trước hạn, b) đúng
        # hạn, c) quá hạn", then "3.2 Tỷ lệ …"): the ratio is of that breakdown, parts over whole.
        whole = siblings[0]
        candidates = [whole, *(k for k in kids.get(whole, []) if _usable(rows[k]))]
    return candidates


def _siblings_above(i: int, parents: list[int | None], rows: list[StatRow], s: ReconcileSettings) -> list[int]:
    """The sibling rows just above row i, nearest first, back to the previous percentage sibling
    (at most ``ratio_siblings``), skipping the siblings' own children."""
    siblings: list[int] = []
    for j in range(i - 1, -1, -1):
        if parents[j] == parents[i]:
            if is_percent(rows[j]) or len(siblings) >= s.ratio_siblings or _codes_part(rows[j], rows[i]):
                break
            siblings.append(j)
        elif not _descends(j, parents[i], parents):
            break  # above the parent: out of the group
    return siblings


def _codes_part(above: StatRow, row: StatRow) -> bool:
    """Whether two rows of one parent as resolved print codes of different parents ("1" above
    "2.2" when OCR lost the row "2"): the group "2" ends there, the row above is not a sibling."""
    a, b = norm_code(above.code) or "", norm_code(row.code) or ""
    dotted = _DOTTED_CODE.fullmatch(a) and _DOTTED_CODE.fullmatch(b)
    return bool(dotted) and a.rpartition(".")[0] != b.rpartition(".")[0]


# A code numbered from its top level ("2", "2.1", "2.1.a"): its parent is what its last dot leaves.
_DOTTED_CODE = lazy_compile(r"\d+(?:\.\w+)*")


def _group_lost(i: int, rows: list[StatRow], parents: list[int | None]) -> bool:
    """Whether row i's code names a group ("4" of "4.3") that no row of the table prints, while
    rows of another group stand above it under the same parent as resolved (the group's row was
    lost between them, not left out of an excerpt that opens with its parts)."""
    code = norm_code(rows[i].code) or ""
    group = code.rpartition(".")[0]
    if not group or any(norm_code(r.code) == group for r in rows):
        return False
    return any(parents[j] == parents[i] and _codes_part(rows[j], rows[i]) for j in range(i))


def _lost_parts(
    i: int, rows: list[StatRow], parents: list[int | None], kids: dict[int, list[int]], s: ReconcileSettings
) -> list[int]:
    """The counts whose figure we did not read that a percentage row i may be the share of: its
    siblings above printing no value (nor any row under them), and the lost parts of a whole
    broken down above it ("2.1 104" over "2.1.a" lost, "2.1.b 21", "2.1.c 2", then "2.2 77,88%")."""
    siblings = _siblings_above(i, parents, rows, s)
    lost = [
        j
        for j in siblings
        if rows[j].value is None
        and not is_percent(rows[j])
        and code_legend(rows[j]) is None
        and all(rows[k].value is None for k in kids.get(j, []))
    ]
    return lost + [
        k
        for j in siblings
        if rows[j].value is not None
        for k in kids.get(j, [])
        if rows[k].value is None and not is_percent(rows[k]) and code_legend(rows[k]) is None and not kids.get(k)
    ]


def _unread_counts(
    i: int, rows: list[StatRow], parents: list[int | None], kids: dict[int, list[int]], s: ReconcileSettings
) -> list[int]:
    """The counts a percentage row after its counts may be of whose figure was not read (a count
    row, not a group, printing no value we took): the ratio may be of one of them, so a pair the
    others make that fails it may be ours, not the commune's. A parent ratio's children are its
    counts whatever we read. The ratio's parent, a count whose figure we did not read, is one
    too: the share may be of that whole ("6.3 92%" of 6.1 / 6 when 6 printed no figure we took),
    so the two parts read beside it are no certain pair. A parent printing neither unit nor
    figure, its figure not told lost, is a heading ("2 Kết quả giải quyết hồ sơ"), no count."""
    if any(_usable(rows[j]) for j in kids.get(i, [])):
        return []
    p = parents[i]
    whole = [p] if p is not None and rows[p].value is None and _lost_count(rows[p]) else []
    return whole + [
        j
        for j in _siblings_above(i, parents, rows, s)
        if rows[j].value is None and not kids.get(j) and _count_row(rows[j])
    ]


def _lost_count(row: StatRow) -> bool:
    """Whether a row that printed no figure we read is a count's: it prints a unit, or the
    segmenter told its figure lost (``missing_value``)."""
    return (bool(_unit_key(row)) or MISSING_FLAG["value"] in row.flags) and _count_row(row)


def _count_row(row: StatRow) -> bool:
    """Whether a row is a count's (no percentage, no coded answer), whatever figure it printed."""
    return not is_percent(row) and code_legend(row) is None


def _descends(j: int, ancestor: int | None, parents: list[int | None]) -> bool:
    k: int | None = j
    while k is not None:
        k = parents[k]
        if k == ancestor:
            return True
    return ancestor is None


def _pairs(
    i: int,
    candidates: list[int],
    rows: list[StatRow],
    parents: list[int | None],
    units: bool = True,
) -> tuple[list[tuple[int, int]], bool]:
    """((numerator, denominator) pairs to try, whether the pair is certain). The denominator is
    the row worded as one ("Tổng số ...", "... đề ra"), else the count the others are parts of
    (the ratio's parent, or a whole broken down above it), else of two counts the larger (a
    share is at most the whole); with more counts and no wording, which two make the ratio is not
    certain."""

    def same_unit(a: int, b: int) -> bool:
        return not units or not _unit_key(rows[a]) or not _unit_key(rows[b]) or same_unit_rows(rows[a], rows[b])

    den = _denominator([(j, rows[j]) for j in candidates])
    if den is None:
        # the whole the others are parts of: the ratio's parent, or the count broken down above it
        den = next((j for j in candidates if all(parents[k] == j for k in candidates if k != j)), None)
    if den is not None:
        return [(j, den) for j in candidates if j != den and same_unit(j, den)], True
    if len(candidates) == 2:
        a, b = candidates
        small, large = (a, b) if _v(rows[a]) <= _v(rows[b]) else (b, a)
        return ([(small, large)] if same_unit(a, b) else []), True
    return [
        (a, b) for a in candidates for b in candidates if a != b and _v(rows[a]) <= _v(rows[b]) and same_unit(a, b)
    ], False


def stat_cell(ai: int, i: int, row: StatRow, name: str, s: ReconcileSettings, ocr: bool) -> Cell:
    """A statistics value and, on OCR'd documents, the other values its text could mean."""
    kind = "score" if is_percent(row) else "count"
    readings = other_readings(row.value_raw, row.value, s, ocr=ocr, kind=kind, alternatives=short_row_readings(row))
    if ocr and kind == "count":
        # a count OCR ran together with the next cell's figure ("21 00" read 2100)
        readings += tuple(r for r in run_readings(row.value_raw) if r != row.value and r not in readings)
        # ... or a ruling line beside its cell read as one more digit ("5295" for 529)
        readings += tuple(r for r in rule_readings(row.value_raw) if r != row.value and r not in readings)
    return Cell(_stat_ref(ai, i, row, name), row.value, readings)


def _check_ratio(
    ai: int,
    i: int,
    rows: list[StatRow],
    parents: list[int | None],
    kids: dict[int, list[int]],
    name: str,
    ledger: _Ledger,
    s: ReconcileSettings,
    ocr: bool = False,
    gaps: Sequence[SiblingGap] = (),
    unmade: frozenset[int] = frozenset(),
) -> None:
    row = rows[i]
    candidates = _ratio_candidates(i, rows, parents, kids, s)
    if len(candidates) < 2:
        _doubt_share_over_whole(ai, i, row, name, ledger, ocr)
        if ocr and (lost_whole := share_of_lost_whole(i, rows, parents, kids, _usable)) is not None:
            # a share after a count whose figure we lost, that none of its parts read makes
            # (the share goes to review, and the whole we lost; the parts read are as printed)
            (whole, _, message), tol = lost_whole, 10.0 ** -_decimals(row.value, row.value_raw)
            check_stat_value(
                ledger, "ratio", ai, (i,), rows, name, expected=None, tol=tol,
                status="mismatch", message=message, found=[], ocr=True, unread=[whole],
            )  # fmt: skip
        return
    pairs, certain = _pairs(i, candidates, rows, parents)
    if certain and _group_lost(i, rows, parents) and _denominator([(j, rows[j]) for j in candidates]) is None:
        # The group's own row is not in the table (OCR lost its code: seed 498's "4 Số nhiệm vụ
        # trong Kế hoạch" read as "3.4"): the whole may be that row, so two counts of the group
        # read beside the share are no certain pair (26/30 = 86,67%, not 4/26).
        certain = False
    # A share whose lost decimal mark was put back (share_readings) has the decimals of that
    # reading, not of the digits OCR gave ("944" read back 94,4: one decimal, not none).
    # (so has a share whose per cent sign OCR read as a last "9": "83,339" read 83,33)
    read_back = REPAIRED_VALUE in row.flags or SIGN_AS_NINE_FLAG in row.flags
    decimals = _decimals(row.value) if read_back else _decimals(row.value, row.value_raw)
    if not pairs and ocr:
        # Every count's unit differs from the whole's only where OCR garbled one ("Thituc" for
        # "Thủ tục"): a pair that makes the percentage, units aside, is the ratio's; a pair that
        # does not is not checked (no fault is told on units we may have misread).
        loose, loose_certain = _pairs(i, candidates, rows, parents, units=False)
        live_loose = [(j, d) for j, d in loose if rows[d].value != 0]
        if live_loose and _ratio_reading(row, live_loose, rows, loose_certain, decimals)[0] == "ok":
            pairs, certain = loose, loose_certain
    if not pairs:
        _doubt_share_over_whole(ai, i, row, name, ledger, ocr)
        return
    unread = _unread_counts(i, rows, parents, kids, s)
    label = row.code or row.indicator[:40]
    tol = 10.0**-decimals
    live = [(j, d) for j, d in pairs if rows[d].value != 0]
    found = []
    beside = False
    members: tuple[int, ...] = ()
    expected: float | None = None
    if not live:
        status, message = "skipped", f"{label}: denominator {rows[pairs[0][1]].code} is 0"
    else:
        status, message, members, expected = _ratio_reading(row, live, rows, certain, decimals)
        lost = _lost_parts(i, rows, parents, kids, s)
        # A whole percentage (tolerance 1) is made by too many figures to say a told count is its.
        told = (
            _ratio_of_told_count(row, lost, rows, parents, kids, decimals)
            if status == "mismatch" and decimals >= 1
            else None
        )
        if told is not None:
            (lost_count, count), status, message, expected, members = told[0], "ok", told[1], told[2], ()
            # The count itself printed no figure we read: it goes to review with the one its group
            # tells (the percentage's other witness), not the pair that held.
            ledger.flag(replace(_stat_ref(ai, lost_count, rows[lost_count], name), alternatives=[count]), message)
        if status == "mismatch" and ocr:
            # A count whose unit OCR garbled ("lš: HD sơ" for "Hồ sơ") is left out of the pairs:
            # when the counts, their units aside, make the percentage to its last printed digit,
            # the ratio holds and the unit is our misreading, not the commune's fault.
            loose, _ = _pairs(i, candidates, rows, parents, units=False)
            again = _ratio_reading(row, [(j, d) for j, d in loose if rows[d].value != 0], rows, certain, decimals)
            if again[0] == "ok":
                status, message, members, expected = again
        unread_counts = list(dict.fromkeys((*unread, *lost)))
        untold = [rows[k].code or "a count" for k in unread_counts]
        named_read = _names_read_counts(row, pairs, unread_counts, rows)  # ("… và …" names counts all read)
        if status == "mismatch" and untold and _joins(row.indicator) and not named_read:
            # A share of several counts joined ("trước hạn và đúng hạn") with one of them unread:
            # its numerator is that count plus others, any figure up to the whole, so no pair
            # read can fail it (seed 497: "4.4 99,65%" of 4.1 + 4.2 over 4, 4.1 lost, queued
            # three right figures).
            status = "skipped"
            message += f"; its label joins counts and {', '.join(untold)} printed no figure we read"
        if status == "mismatch" and worded_apart(row, [rows[j] for j, _ in pairs], rows[pairs[0][1]]):
            status = "skipped"  # a share of counts the annex does not print: no pair read is its
            message += "; its label names what none of those counts counts"
            # (none weighs it, but a share over 100% is a reading of ours all the same: "98,78"
            # read 798,78 under a label OCR garbled, which no pair of the group matches)
            _doubt_share_over_whole(ai, i, row, name, ledger, ocr)
        if status == "mismatch":
            # a share is at most its whole: a reading making it more explains nothing
            cells = [stat_cell(ai, k, rows[k], name, s, ocr) for k in (i, *members)]
            found = explain(cells, partial(share_holds, decimals))
            if not found and ocr and decimals >= 1:
                # A count OCR dropped a digit of ("12" read "2"): only a share exact to its printed
                # decimals picks the reading out of the many; the percentage goes to review beside
                # it (the reading is a guess of a lost glyph, the share may be the slip).
                found = explain(_with_lost_digits(cells), partial(share_holds, decimals))
                beside = bool(found)
            elif not found and ocr and decimals == 0:
                # A whole percentage OCR dropped a glyph of ("75,91" read "5]"): the one figure
                # its counts make, a digit put back, is a reading of ours, not the commune's slip
                # (its counts, read as printed, stay out of it: a share of two sure counts is one
                # figure, and a lost digit seldom lands on it by chance).
                found = explain([_with_lost_digits_of(cells[0]), *cells[1:]], partial(share_holds, decimals))
            elif found and ocr and _v(row) == 100.0:
                # 100% says its two counts are equal: one read as the other's figure explains it
                # no better than the other read as the first's, a glyph it lost ("12" read "2"):
                # both readings go to review, not the one tried first alone.
                seen = {(c.ref.item, r) for c, r in found}
                more = explain(_with_lost_digits(cells), partial(share_holds, decimals))
                found += [(c, r) for c, r in more if (c.ref.item, r) not in seen]
            elif found and ocr and decimals == 0 and all(c is not cells[0] for c, _ in found):
                # A whole percentage holds under many readings of its counts: one found says
                # little of which figure is wrong, the percentage itself as likely ("84,38" lost
                # to "1"), so it goes to review beside them.
                beside = True
        lost_rows = lost_before_share(gaps, rows[members[0]]) if members else []
        if status == "mismatch" and not found and lost_rows:  # its first count was printed, and lost
            status, message = "incomplete", message + lost_said(lost_rows, "above it")
    if status != "ok" and _v(row) > 100.0:
        # A share printed over 100% is no share of any pair (each numerator is at most its
        # denominator): the failure is the percentage's alone (a decimal mark OCR lost,
        # "84,02" read 84025117), not its counts', which it cannot doubt. On OCR'd text it is a
        # reading of ours ("94,4" read 944): doubted, to review, not the commune's fault.
        members = ()
        if ocr:
            unread = [*unread, i]
    over = _counts_over_whole(members, live, rows) if status == "mismatch" and ocr and not found else ()
    if over:
        message += (
            f"; {'counts' if len(over) > 2 else 'its count'} {', '.join(rows[k].code or 'a count' for k in over[:-1])}"
            f" {'are' if len(over) > 2 else 'is'} above the whole"
            f" {rows[over[-1]].code or 'denominator'}: a figure was misread (no share is over its whole)"
        )
    check_stat_value(
        ledger,
        "ratio",
        ai,
        (i, *members),
        rows,
        name,
        expected=expected,
        tol=tol,
        status=status,
        message=message,
        found=found,
        ocr=ocr,
        unread=unread,
        # a percentage printed with decimals that its pair makes vouches for the counts too; a
        # whole percentage (tolerance 1) is made by too many pairs to say which counts are right,
        # but for 100% of a count read equal to its whole, to the unit: one pair alone makes it
        confirms=decimals >= 1 or _whole_share(row, [rows[k] for k in members]),
        impossible=over,
        stated_too=beside,
        lost_makes=status == "mismatch" and _lost_count_makes(row, unread, rows, parents, kids, decimals),
        unmade=unmade,
    )


def _doubt_share_over_whole(ai: int, i: int, row: StatRow, name: str, ledger: _Ledger, ocr: bool) -> None:
    """An OCR'd percentage over 100 with no pair of counts read to weigh it (its counts lost):
    no share is over its whole, so the figure is a reading of ours (its decimal mark lost,
    "92,91" read 8291), to review on its own, as when a pair is weighed (``_check_ratio``)."""
    if ocr and _v(row) > 100.0:
        label = row.code or row.indicator[:40]
        message = f"{label}: {_vn(row.value)}% is over 100 (no share is over its whole): a figure was misread"
        ledger.flag(_stat_ref(ai, i, row, name), message)


def _with_lost_digits_of(cell: Cell) -> Cell:
    """A cell with its readings widened by a digit OCR dropped (``lost_digit_readings``)."""
    more = tuple(r for r in lost_digit_readings(cell.ref.raw) if r not in cell.readings)
    return replace(cell, readings=(*cell.readings, *more))


def _with_lost_digits(cells: list[Cell]) -> list[Cell]:
    """A share's cells (the percentage first, then its counts) with each count's readings widened
    by a digit OCR dropped (``lost_digit_readings``)."""
    return [cells[0], *(_with_lost_digits_of(c) for c in cells[1:])]


def _counts_over_whole(members: tuple[int, ...], live: list[tuple[int, int]], rows: list[StatRow]) -> tuple[int, ...]:
    """The counts of a failed share on OCR'd text that are above the whole it is of (the pair's
    denominator), then that whole: no share's count is, so a figure among them is ours (two cells
    run together, "21 00" read 2100; a digit lost from the whole), and the share may be of that
    count read right; all go to review, the failure is not the commune's. Counts in order stay
    the document's to answer for."""
    if len(members) != 2:
        return ()
    whole = members[1]
    over = tuple(j for j, d in live if d == whole and _v(rows[j]) > _v(rows[whole]))
    return (*over, whole) if over else ()


def _whole_share(row: StatRow, pair: list[StatRow]) -> bool:
    """Whether a percentage is 100 and the pair that makes it two equal counts ("6 12 Phản ánh",
    "6.1 12 đã xử lý", "6.3 100"): no other pair rounds to it exactly, so the figures vouch for
    each other as a decimal share's do (seed 497's dumps: two right counts left in the queue).
    Not for a pair read one way of two ("3,887" twice: 3887 or 3,887 alike make 100%)."""
    return (
        row.value == 100.0
        and len(pair) == 2
        and pair[0].value is not None
        and pair[0].value == pair[1].value
        and not any(flag.startswith("ambiguous") for p in pair for flag in p.flags)
    )


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
    text): doubted, the relation is a reading of ours, not the commune's fault. ``stated_too``: the
    readings found are guesses, so the stated figure goes to review beside them. ``lost_makes``:
    a count the relation may be of whose figure we did not read, told by its group's sum, makes
    it (``_lost_count_makes``): the members read surely are not doubted, only the figure it states
    and the rows read unsurely go to review. ``unmade``: rows of OCR'd groups whose parts, every
    one read, do not make them: one of their figures was misread, so a member among them is
    doubted as a row read unsurely is (a share of "5 39" over "5.1 29" fails on the whole OCR
    read 39 for 29, which its own sum of 29 + 0 fails too)."""
    row = rows[members[0]]
    if status == "ok" and confirms:
        ledger.confirmed |= {(f"/statistics/{ai}/rows/{k}", "value") for k in members if rows[k].value is not None}
    refs = tuple(_stat_ref(ai, k, rows[k], name) for k in members)
    stated = refs[0]
    doubted = tuple(
        ref
        for k, ref in zip(members, refs)
        if rows[k].confidence < REVIEW_BELOW or k in unmade or (ocr and figures_in_name(rows[k]))
    )
    ungrouped = [rows[k].code or "a count" for k in members if k in unmade]
    if status == "mismatch" and not found and ungrouped:
        message += f"; {', '.join(ungrouped)} in a group its counts do not make (a figure misread)"
    if status == "mismatch" and not found:
        refs, doubted = _less_vouched(ai, members, refs, doubted, ledger)
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
    ai: int, members: tuple[int, ...], refs: tuple[ReviewItem, ...], doubted: tuple[ReviewItem, ...], ledger: _Ledger
) -> tuple[tuple[ReviewItem, ...], tuple[ReviewItem, ...]]:
    """(suspects, doubted) of a failed relation less the members another relation that holds
    confirmed already (``_Ledger.confirmed``: a group its parts add up to, checked before the
    percentage below it), when at least one member is not so confirmed: "2.3 94%" against "2.1
    21" of "2 25" where 21 + 4 = 25 holds points at 2.3, not at the counts the sum vouches for
    (on an OCR dump every row read with columns inferred is "unsure", which alone would queue
    all three). Nothing is narrowed when every member is confirmed or none is."""
    mine = {(f"/statistics/{ai}/rows/{k}", "value") for k in members}
    held = {key for key in mine if key in ledger.confirmed}
    if not held or held == mine:
        return refs, doubted
    return (
        tuple(r for r in refs if (r.item, r.field) not in held),
        tuple(r for r in doubted if (r.item, r.field) not in held),
    )


def _ratio_reading(
    row: StatRow, live: list[tuple[int, int]], rows: list[StatRow], certain: bool, decimals: int
) -> tuple[str, str, tuple[int, ...], float]:
    """(status, message, members, ratio) of a percentage row against the pairs of counts it may
    be of: the pair that makes it (numerator, denominator), else the counts its label joins (its
    parts, then the denominator: the share they make vouches for each, as a pair's does), else
    the first pair (a mismatch when the pair is certain)."""
    label = row.code or row.indicator[:40]
    ratios = [(j, d, 100.0 * _v(rows[j]) / _v(rows[d])) for j, d in live]
    match = next(((j, d, r) for j, d, r in ratios if _percent_matches(_v(row), r, decimals)), None)
    joined = None if match or not certain else _joined_numerator(row, live, rows, decimals)
    if joined is not None:
        parts, den, ratio = joined
        codes = " + ".join(rows[k].code or "part" for k in parts)
        message = (
            f"{label}: {_vn(row.value)}% against ({codes}) / {rows[den].code or 'denominator'}"
            f" = {_vn(sum(_v(rows[k]) for k in parts))}/{_vn(rows[den].value)} = {_vn(round(ratio, 4))}%"
        )
        return "ok", message, (*parts, den), round(ratio, 4)
    j, den, ratio = match or ratios[0]
    status = "ok" if match else ("mismatch" if certain else "skipped")
    message = (
        f"{label}: {_vn(row.value)}% against {rows[j].code or 'numerator'} / {rows[den].code or 'denominator'}"
        f" = {_vn(rows[j].value)}/{_vn(rows[den].value)} = {_vn(round(ratio, 4))}%"
    )
    if status == "skipped":
        message += "; no pair of the rows above makes it, and which two it is of is not certain"
    return status, message, (j, den), round(ratio, 4)


# A ratio whose label joins several of its counts ("trước hạn và đúng hạn"): its
# numerator is their sum. Matched on the label folded (``_joins``): OCR drops the word's marks
# ("trước han va đúng han" on a scan), which leave no other word between two counts' names.
_JOINS = lazy_compile(r"\s(?:va|hoac)\s")


def _names_read_counts(row: StatRow, pairs: list[tuple[int, int]], unread: list[int], rows: list[StatRow]) -> bool:
    """Whether a joined share's label names two or more of its group's counts and none of those
    unread ("trước hạn và đúng hạn" with "quá hạn" unread): its numerator is then the named counts
    read, and a pair that fails it is a finding, not a figure we could not see."""
    group = list(dict.fromkeys((*(j for j, _ in pairs), *unread)))
    named = dict(zip(group, counts_named(row, [rows[k] for k in group])))
    return sum(named.values()) >= 2 and not any(named[k] for k in unread)


def _joins(indicator: str | None) -> bool:
    """Whether an indicator's label joins counts ("và", "hoặc"), marks or none."""
    return bool(_JOINS.search(fold(indicator or "")))


def _joined_numerator(
    row: StatRow, live: list[tuple[int, int]], rows: list[StatRow], decimals: int
) -> tuple[tuple[int, ...], int, float] | None:
    """(parts, denominator, ratio) when the ratio is of the sum of several of its counts, in the
    order printed, and its label joins them; None otherwise."""
    if not _joins(row.indicator):
        return None
    den = live[0][1]
    nums = [j for j, d in live if d == den]
    for size in range(2, len(nums) + 1):
        for parts in combinations(nums, size):
            total = sum(_v(rows[k]) for k in parts)
            if total <= _v(rows[den]) and _percent_matches(_v(row), 100.0 * total / _v(rows[den]), decimals):
                return parts, den, 100.0 * total / _v(rows[den])
    return None

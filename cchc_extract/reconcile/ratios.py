"""Ratios: a percentage row of an annex against its counts, and the share an annex row's note
states is ``note_ratio``. Ratios printed inside free text are ``text_ratios``."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from functools import partial
from itertools import combinations

from cchc_extract.reconcile.core import _decimals, _Ledger, _percent_matches, _vn
from cchc_extract.reconcile.lost_whole_share import share_of_lost_whole
from cchc_extract.reconcile.misread import (
    Cell,
    digit_confusions,
    explain,
    lost_digit_readings,
    other_readings,
    run_readings,
    share_holds,
)
from cchc_extract.reconcile.ratio_pairs import (
    _group_lost,
    _lost_parts,
    _pairs,
    _ratio_candidates,
    _unread_counts,
    _usable,
)
from cchc_extract.reconcile.row_figures import last_column_readings, row_figures
from cchc_extract.reconcile.settings import ReconcileSettings
from cchc_extract.reconcile.share_told import _lost_count_makes, _ratio_of_told_count, _v
from cchc_extract.reconcile.stat_check import check_stat_value
from cchc_extract.reconcile.stat_lost_rows import SiblingGap, lost_before_share, lost_said
from cchc_extract.reconcile.stat_readings import REPAIRED_VALUE, rule_readings
from cchc_extract.reconcile.stat_rows import (
    _GENERIC_WORDS,
    _denominator,
    _plain,
    _stat_ref,
    counts_named,
    is_percent,
    worded_apart,
)
from cchc_extract.reconcile.unseen_periods import other_period_readings
from extract.segment.body_stat_ocr import SIGN_AS_NINE_FLAG
from extract.segment.stat_line_periods import short_row_readings
from normalize.lazy_regex import lazy_compile
from normalize.text import fold
from schemas.records import StatRow


def stat_cell(ai: int, i: int, row: StatRow, name: str, s: ReconcileSettings, ocr: bool) -> Cell:
    """A statistics value and, on OCR'd documents, the other values its text could mean."""
    kind = "score" if is_percent(row) else "count"
    readings = other_readings(row.value_raw, row.value, s, ocr=ocr, kind=kind, alternatives=short_row_readings(row))
    if ocr and kind == "count":
        # a count OCR ran together with the next cell's figure ("21 00" read 2100)
        readings += tuple(r for r in run_readings(row.value_raw) if r != row.value and r not in readings)
        # ... or a ruling line beside its cell read as one more digit ("5295" for 529)
        readings += tuple(r for r in rule_readings(row.value_raw) if r != row.value and r not in readings)
        # ... or the figure of another column of its row taken for it (``row_figures``)
        readings += tuple(r for r in row_figures(row) if r not in readings)
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
            if not found and ocr and decimals >= 1:
                # the share read with a look-alike only a share's exact decimals pick out
                found = explain([_with_share_look_alikes(cells[0], s), *cells[1:]], partial(share_holds, decimals))
            if not found:
                # an annex of two periods under a header naming neither: the figures read in the
                # other period's column, all together (``unseen_periods``)
                period = other_period_readings(rows, (i, *members), partial(share_holds, decimals), ocr)
                found = [(c, v) for k, c in zip((i, *members), cells) if (v := period.get(k)) is not None]
            if not found:
                # a row per period of plan then result, the plan's figure taken (``row_figures``)
                # (the share weighed to the decimals of the figure read there: "61,4" beside a whole "90")
                last = last_column_readings(rows, (i, *members), _share_to_its_decimals, ocr)
                found = [(c, v) for k, c in zip((i, *members), cells) if (v := last.get(k)) is not None]
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


def _share_to_its_decimals(v: list[float | None]) -> bool:
    """``share_holds`` to the decimals the share's figure prints."""
    return v[0] is not None and share_holds(_decimals(v[0]), v)


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


def _with_share_look_alikes(cell: Cell, s: ReconcileSettings) -> Cell:
    """A share's cell with its readings widened by the look-alikes weighed on a share alone
    (``ocr_share_confusions``)."""
    more = tuple(r for r in digit_confusions(cell.ref.raw, s.ocr_share_confusions) if r not in cell.readings)
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
    if joined is None and not match and certain and decimals >= 1 and not _names_a_count(row, live, rows):
        # A share whose label names none of its counts whole ("Tỷ lệ (%)" beside a total, its
        # "online in full" and "online in part"): when no pair makes it and the sum of its counts
        # over the whole makes it to its printed decimals, that sum is what it is of (the
        # document's own arithmetic, one figure in a hundred or a thousand by chance), not a
        # pair failed. A label holding every word of one count ("Tỷ lệ … được xử lý" over
        # "… đã xử lý") is that count's share, failed or not.
        joined = _joined_numerator(row, live, rows, decimals, worded=False)
    if joined is not None:
        parts, den, ratio = joined
        return "ok", _joined_said(label, row, parts, den, rows, ratio), (*parts, den), round(ratio, 4)
    named = None if match or not certain else _named_numerator(row, live, rows)
    if named is not None:
        # No pair makes it and its label names the counts it is of: the check is against them,
        # not the first pair ("4.2 Tỷ lệ … trước hạn và đúng hạn" of 4.1.a + 4.1.b over 4.1, not
        # 4.1.a alone), so a misreading of the share is weighed against the figure it states
        # (a scan's 97,85 read 37,85 is ours, not 4.1.a / 4.1 = 85,84% failed).
        parts, den = named
        ratio = 100.0 * sum(_v(rows[k]) for k in parts) / _v(rows[den])
        return "mismatch", _joined_said(label, row, parts, den, rows, ratio), (*parts, den), round(ratio, 4)
    j, den, ratio = match or ratios[0]
    status = "ok" if match else ("mismatch" if certain else "skipped")
    message = (
        f"{label}: {_vn(row.value)}% against {rows[j].code or 'numerator'} / {rows[den].code or 'denominator'}"
        f" = {_vn(rows[j].value)}/{_vn(rows[den].value)} = {_vn(round(ratio, 4))}%"
    )
    if status == "skipped":
        message += "; no pair of the rows above makes it, and which two it is of is not certain"
    return status, message, (j, den), round(ratio, 4)


def _joined_said(label: str, row: StatRow, parts: tuple[int, ...], den: int, rows: list[StatRow], ratio: float) -> str:
    """The check's message for a share of the sum of several counts over their whole."""
    codes = " + ".join(rows[k].code or "part" for k in parts)
    return (
        f"{label}: {_vn(row.value)}% against ({codes}) / {rows[den].code or 'denominator'}"
        f" = {_vn(sum(_v(rows[k]) for k in parts))}/{_vn(rows[den].value)} = {_vn(round(ratio, 4))}%"
    )


# A ratio whose label joins several of its counts ("trước hạn và đúng hạn", or listed with a
# comma as qualifiers of one word, "trước hạn, đúng hạn"): its numerator is their sum. Matched on
# the label folded (``_joins``): OCR drops the word's marks ("trước han va đúng han" on a scan),
# which leave no other word between two counts' names. A comma between two nouns of one thing
# ("phản ánh, kiến nghị", "cán bộ, công chức") joins no counts: its two sides end in other words.
_JOINS = lazy_compile(r"\s(?:va|hoac)\s|\b[a-z]+\s+([a-z]+),\s*[a-z]+\s+\1\b")


def _names_read_counts(row: StatRow, pairs: list[tuple[int, int]], unread: list[int], rows: list[StatRow]) -> bool:
    """Whether a joined share's label names two or more of its group's counts and none of those
    unread ("trước hạn và đúng hạn" with "quá hạn" unread): its numerator is then the named counts
    read, and a pair that fails it is a finding, not a figure we could not see."""
    group = list(dict.fromkeys((*(j for j, _ in pairs), *unread)))
    named = dict(zip(group, counts_named(row, [rows[k] for k in group])))
    return sum(named.values()) >= 2 and not any(named[k] for k in unread)


def _names_a_count(row: StatRow, live: list[tuple[int, int]], rows: list[StatRow]) -> bool:
    """Whether a share's label holds every word of one of its numerators' labels (less the words
    any label holds), that count having words of its own."""
    label = set(_plain(row.indicator).split())
    own = (set(_plain(rows[j].indicator).split()) - _GENERIC_WORDS for j, _ in live)
    return any(words and words <= label for words in own)


def _joins(indicator: str | None) -> bool:
    """Whether an indicator's label joins counts ("và", "hoặc"), marks or none."""
    return bool(_JOINS.search(fold(indicator or "")))


def _named_numerator(
    row: StatRow, live: list[tuple[int, int]], rows: list[StatRow]
) -> tuple[tuple[int, ...], int] | None:
    """(parts, denominator) of a share whose label joins counts and names two or more of those
    over its whole (``counts_named``), in the order printed; None otherwise."""
    if not _joins(row.indicator):
        return None
    den = live[0][1]
    nums = [j for j, d in live if d == den]
    named = tuple(sorted(j for j, hit in zip(nums, counts_named(row, [rows[j] for j in nums])) if hit))
    return (named, den) if len(named) >= 2 else None


def _joined_numerator(
    row: StatRow, live: list[tuple[int, int]], rows: list[StatRow], decimals: int, worded: bool = True
) -> tuple[tuple[int, ...], int, float] | None:
    """(parts, denominator, ratio) when the ratio is of the sum of several of its counts, in the
    order printed, and its label joins them (``worded``; else any label); None otherwise."""
    if worded and not _joins(row.indicator):
        return None
    den = live[0][1]
    nums = [j for j, d in live if d == den]
    for size in range(2, len(nums) + 1):
        for parts in combinations(nums, size):
            total = sum(_v(rows[k]) for k in parts)
            if total <= _v(rows[den]) and _percent_matches(_v(row), 100.0 * total / _v(rows[den]), decimals):
                return parts, den, 100.0 * total / _v(rows[den])
    return None

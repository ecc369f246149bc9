"""Statistics annexes: allowed_code, count_value and total_parts (ratios are in ``ratios``)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from functools import partial

from cchc_extract.reconcile.core import (
    _EPS,
    _clean,
    _compare_sum,
    _Ledger,
    _plain,
    _sum_tolerance,
    _vn,
)
from cchc_extract.reconcile.hierarchy import children_of, parent_indices
from cchc_extract.reconcile.lost_units import units_lost
from cchc_extract.reconcile.misread import explain, sum_holds
from cchc_extract.reconcile.note_ratio import check_note_ratio
from cchc_extract.reconcile.period_change import check_period_change
from cchc_extract.reconcile.period_parts import check_period_parts
from cchc_extract.reconcile.ratios import _check_ratio, stat_cell
from cchc_extract.reconcile.settings import ReconcileSettings
from cchc_extract.reconcile.share_readings import repair_share_readings
from cchc_extract.reconcile.stat_check import check_stat_value
from cchc_extract.reconcile.stat_lost_rows import lost_said, lost_under
from cchc_extract.reconcile.stat_readings import REPAIRED_VALUE, repair_stat_readings
from cchc_extract.reconcile.stat_rows import (
    _stat_ref,
    _unit_key,
    code_legend,
    is_count,
    is_percent,
    lost_with_unit,
    same_unit_rows,
)
from extract.segment.stat_numbering import SiblingGap, lost_siblings
from extract.segment.stat_values import FRACTIONAL_COUNT
from normalize.lazy_regex import lazy_compile
from schemas.records import TOTAL_COLUMN_FLAG, StatAnnex, StatRow


def _check_annex(ai: int, annex: StatAnnex, ledger: _Ledger, s: ReconcileSettings, ocr: bool = False) -> None:
    if ocr:  # a figure OCR misread, chosen back by its group's sum before the checks weigh it
        repair_stat_readings(ai, annex, ledger, s)
        # …and a share read over 100% for its lost decimal mark, by the counts it is the ratio of
        repair_share_readings(ai, annex, ledger, s)
    rows = annex.rows
    parents = parent_indices(rows)
    kids = children_of(parents)
    name = annex.annex or annex.title or f"statistics/{ai}"
    # rows the annex's numbering says OCR lost: the sums and shares they leave short are ours
    gaps = lost_siblings([r.code for r in rows]) if ocr else []
    unmade: list[tuple[int, ...]] = []
    # OCR'd totals whose sum a misreading explains: a figure of the group was misread, so a share
    # of it is weighed as one of an unmade group's (no second review entry: the check queued them)
    misread_totals: list[tuple[int, ...]] = []
    for i, row in enumerate(rows):
        item = f"/statistics/{ai}/rows/{i}"
        label = row.code or row.indicator[:40]
        legend = code_legend(row)
        if legend is not None:
            if row.value is not None:
                ok = any(abs(row.value - v) < _EPS for v in legend.values())
                codes = ", ".join(_vn(v) for v in sorted(set(legend.values())))
                ledger.check(
                    "allowed_code",
                    item,
                    table=name,
                    code=row.code,
                    field_="value",
                    expected=codes,
                    actual=row.value,
                    tolerance=0.0,
                    status="ok" if ok else "mismatch",
                    message=f"{label}: coded answer {_vn(row.value)} "
                    + ("is one of" if ok else "is not one of")
                    + f" the codes {codes}",
                    rows=(_stat_ref(ai, i, row, name),),
                )
            continue
        if row.value is not None and is_count(row) and (row.value < 0 or not float(row.value).is_integer()):
            ledger.check(
                "count_value",
                item,
                table=name,
                code=row.code,
                field_="value",
                expected="whole number ≥ 0",
                actual=row.value,
                tolerance=0.0,
                status="mismatch",
                message=f"{label}: a count of {row.unit.strip()} must be a whole number ≥ 0, got {_vn(row.value)}",
                rows=(_stat_ref(ai, i, row, name),),
                # On OCR'd text a figure no count can be is a reading of ours (a code of the next
                # row taken for a lost cell, "5.3"; a speck read as a decimal mark), not the
                # commune's: doubted, it goes to review without a reading to offer. So is one the
                # reader itself read unsurely where the text was not judged OCR's (a clean dump).
                doubted=(_stat_ref(ai, i, row, name),) if ocr or row.confidence < s.review_below else (),
            )
        if row.value is None:
            continue
        check_period_change(ai, i, rows, name, ledger, s, ocr)  # "Cùng kỳ | Kỳ này | Tăng (+), giảm (-) | %"
        if is_percent(row):
            # the counts of OCR'd groups checked above whose parts do not make them: a figure
            # among them was misread, and a share of them may fail on that figure, not the page's
            unsure = frozenset(k for members in (*unmade, *misread_totals) for k in members) if ocr else frozenset()
            _check_ratio(ai, i, rows, parents, kids, name, ledger, s, ocr, gaps, unsure)
            continue
        check_note_ratio(ai, i, rows, parents, name, ledger, s)
        check_period_parts(ai, i, rows, name, ledger, s, ocr)  # (a figure per quarter: stat_period_parts)
        if _TOTAL_LABEL.match(_plain(row.indicator)) or TOTAL_COLUMN_FLAG in row.flags:
            garbled, misread = _check_total(ai, i, rows, kids, name, ledger, s, ocr, gaps)
            unmade.append(garbled)
            misread_totals.append(misread)
        else:
            unmade.append(_confirm_group(ai, i, rows, kids, ledger, ocr))
    for members in unmade:
        if ocr and members:
            _doubt_unmade_group(ai, members, rows, name, ledger, s)
    if ocr:
        _doubt_over_whole(ai, rows, parents, name, ledger)


def _confirm_group(
    ai: int, i: int, rows: list[StatRow], kids: dict[int, list[int]], ledger: _Ledger, ocr: bool = False
) -> tuple[int, ...]:
    """A count not worded as a total ("Số cán bộ, công chức cấp xã" over "đạt chuẩn" and "chưa
    đạt chuẩn") need not be the sum of its children, so no fault is told on it; but when its
    counts, two or more and every one read, make it exactly, the arithmetic confirms each of
    them (``_Ledger.confirmed``): misread figures seldom add up to another printed one."""
    row = rows[i]
    parts = [j for j in kids.get(i, []) if not is_percent(rows[j]) and code_legend(rows[j]) is None]
    counted = is_count(row) or _own_unit(row, [rows[j] for j in parts])
    garbled = ocr and _unit_garbled(row, [rows[j] for j in parts])
    # units OCR lost: the sum alone may confirm, it tells no doubt (``lost_units``)
    lost = ocr and not counted and not garbled and units_lost(row, [rows[j] for j in parts])
    if row.value is None or not (counted or garbled or lost):
        return ()
    values = [rows[j].value for j in parts]
    if len(parts) < 2 or any(v is None for v in values):
        return ()
    if abs(sum(values) - row.value) > _EPS:  # type: ignore[arg-type]
        return () if lost else (i, *parts)
    if not (counted or lost) or any(REPAIRED_VALUE in rows[k].flags for k in (i, *parts)):
        # (a sum made by a reading it chose itself, ``repair_stat_readings``, vouches for nothing:
        # a whole misread with its parts, a plan's figure taken for the result's, chose it too)
        return ()
    ledger.confirmed |= {(f"/statistics/{ai}/rows/{k}", "value") for k in (i, *parts)}
    return ()


def _doubt_unmade_group(
    ai: int, members: tuple[int, ...], rows: list[StatRow], name: str, ledger: _Ledger, s: ReconcileSettings
) -> None:
    """An OCR'd count whose counts, every one read, do not make it: no fault is told (a group
    need not be the sum of its parts), but the forms' groups are, and OCR's slips ("0" for 38,
    "318" for 18) hide in them: the figures no other arithmetic vouches for go to review, with
    the readings that make the sum hold where there are some."""
    cells = [stat_cell(ai, k, rows[k], name, s, True) for k in members]
    tol = max(_sum_tolerance(rows[members[0]].value or 0.0, 0.0, s.relative_tolerance), 1e-6)
    found = explain(cells, partial(sum_holds, tol, []))
    label = rows[members[0]].code or rows[members[0]].indicator[:40]
    parts = [rows[k].value for k in members[1:]]
    message = f"{label}: {_vn(rows[members[0]].value)}, its {len(parts)} counts add up to {_vn(sum(parts))}"  # type: ignore[arg-type]
    readings: dict[str, list[float]] = {}
    for cell, reading in found:
        readings.setdefault(cell.ref.item, []).append(_clean(reading))
    # A reading that makes the sum hold is offered, not believed: OCR's slip may be in the
    # figure no reading was found for ("4" for 18 beside a "15" that could be "1").
    for cell in cells:
        if (cell.ref.item, "value") not in ledger.confirmed or cell.ref.item in readings:
            ledger.flag(replace(cell.ref, alternatives=readings.get(cell.ref.item, [])), message)


def _doubt_over_whole(ai: int, rows: list[StatRow], parents: list[int | None], name: str, ledger: _Ledger) -> None:
    """An OCR'd count whose figure is above its whole's (a count, its unit read or garbled): no
    count's part is over its whole, so one of the two figures was misread. Where the part's unit
    cell was not read, the part is the one whose figure may be the wrong token (its line's cells
    OCR did not tell apart: "trực tuyến : H8SH 84071" under "Hồ sơ 373"), and it alone is doubted.
    Where both units were read, either figure may have lost or gained a digit (a whole "313" read
    13 under parts 174 and 128; a part "17" read 3317 under 20: seed 18001's D07 and D31 dumps,
    both silent at 0.995, their group's sum left unchecked for a part lost or a unit garbled):
    both are doubted. Their sum left unchecked, no other arithmetic doubts them: they go to
    review, as figures no page prints so."""
    for i, row in enumerate(rows):
        p = parents[i]
        if p is None or row.value is None or is_percent(row) or code_legend(row) is not None:
            continue
        # the whole a count's, its unit read or garbled ("Hose" for "Hồ sơ"): no share, no code
        whole = rows[p].value
        if whole is None or is_percent(rows[p]) or code_legend(rows[p]) is not None or row.value <= whole:
            continue
        label = row.code or row.indicator[:40]
        if not row.unit.strip():
            message = (
                f"{label}: {_vn(row.value)}, its unit not read, is above its whole"
                f" {rows[p].code or 'the group'} ({_vn(whole)} {rows[p].unit.strip()}) alone: a figure was misread"
            )
            ledger.flag(_stat_ref(ai, i, row, name), message)
            continue
        if not (same_unit_rows(row, rows[p]) or _garbled_unit(row) or _garbled_unit(rows[p])):
            continue  # (a count of another thing under a heading's count: "đơn vị" under "cuộc")
        message = (
            f"{label}: {_vn(row.value)} is above its whole {rows[p].code or 'the group'} ({_vn(whole)}):"
            " no part is over its whole, one of the two figures was misread"
        )
        ledger.flag(_stat_ref(ai, i, row, name), message)
        ledger.flag(_stat_ref(ai, p, rows[p], name), message)


def _own_unit(row: StatRow, parts: list[StatRow]) -> bool:
    """Whether a group and its parts print one unit, a word not in the count units' list
    ("Phản ánh" over "Phản ánh"): figures of one unit adding up to the group's are counted the
    same way, whatever the unit's word."""
    unit = _unit_key(row)
    return bool(unit) and "%" not in unit and bool(parts) and all(same_unit_rows(p, row) for p in parts)


def _unit_garbled(row: StatRow, parts: list[StatRow]) -> bool:
    """Whether an OCR'd group's own unit is garbled past reading ("Mu a8", "'T tục", "Phandnh")
    over two or more counts of one unit: the group counts in that unit, as the forms print it.
    That unit is a count unit a part prints, else one two parts print alike ("Phản ánh"); a part
    whose unit OCR garbled too ("Nhiệm aa" beside "Nhiệm vụ": no count unit, no share, no legend)
    is one of those counts. Seed 1405's "3 Nhiémvu = 335" over "34 Nhiệm aa" and "1 Nhiệm vụ"
    (35 printed), and seed 1305's "2 Phandnh 20" over "0 Phản ánh" twice (20 + 0 printed), were
    weighed against no sum and passed at 0.995."""
    if is_percent(row) or len(parts) < 2:
        return False
    counts = [p for p in parts if is_count(p)]
    unit = counts[0] if counts else next((p for p in parts if p.unit.strip()), None)
    if unit is None or (not counts and sum(same_unit_rows(p, unit) for p in parts) < 2):
        return False
    return all(same_unit_rows(p, unit) or (not is_count(p) and _garbled_unit(p)) for p in parts)


def _garbled_line(row: StatRow) -> bool:
    """Whether an OCR'd part's line was garbled past reading: its unit cell holds no unit we know
    (``_garbled_unit``) and its figure is no count (a fraction where a count stands: a share or
    a change of another column taken for it). It is still a part of its group, its figure not
    read: weighed as blank, not left out, so that its group's sum tells no fault on a part we
    lost (a comparison annex's "3.2 … Bi BL (2. 96,2" left its total 299 against 3.1's 248 alone,
    the commune's ``mismatch``)."""
    return FRACTIONAL_COUNT in row.flags and _garbled_unit(row)


def _unit_unread(row: StatRow) -> bool:
    """Whether an OCR'd part's unit cell was not read as a unit: blank, or no unit we know
    (``_garbled_unit``). Its unit cannot tell whether it counts in its total's unit, and the line
    that lost it may have lost its figure's place too: it is a part of its total, its figure
    doubted (seed 18001's dumps: "2.2 … HÊU 7 | G7" left 2's 611 against 2.1's 544 alone, and
    "6.1 … Hồ sơ 385" whose cells slid left 6's 421 against 6.2's 36: two false faults)."""
    return row.value is not None and (not _unit_key(row) or _garbled_unit(row))


def _no_count(row: StatRow) -> bool:
    """Whether a part whose unit OCR did not read prints a figure no count can be (a share or a
    change of another column slid into its cell: "91,45"): the part's own figure was not read."""
    return _unit_unread(row) and row.value is not None and not float(row.value).is_integer()


def _garbled_unit(row: StatRow) -> bool:
    """Whether a row's unit cell printed something that is no unit we know: no count unit, no
    share, no coded answer's legend (OCR's letters for a count's unit)."""
    return bool(row.unit.strip()) and not is_count(row) and not is_percent(row) and code_legend(row) is None


# A total's label opens with "Tổng", after what OCR left of its code when the code was not read
# ("5) Tổng số thủ tục": the "3" of a lost code column went into the label): a leading run with
# no letters is no word of the label.
_TOTAL_LABEL = lazy_compile(r"[^\p{L}]*tong")


def _check_total(
    ai: int,
    i: int,
    rows: list[StatRow],
    kids: dict[int, list[int]],
    name: str,
    ledger: _Ledger,
    s: ReconcileSettings,
    ocr: bool,
    gaps: Sequence[SiblingGap] = (),
) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """The total's sum checked. On OCR'd text, returned: a total whose own unit OCR garbled and
    whose parts, every one read, do not make it, first (no fault told on a unit we misread); a
    total and its parts whose failed sum a reading of ours explains, second (a share of them may
    fail on the figure misread, not on the page's)."""
    row = rows[i]
    parts_idx = [
        j
        for j in kids.get(i, [])
        if (same_unit_rows(rows[j], row) or (ocr and (lost_with_unit(rows[j]) or _garbled_line(rows[j]))))
        and not is_percent(rows[j])
        and code_legend(rows[j]) is None
    ]
    parts = [None if ocr and _garbled_line(rows[j]) else rows[j].value for j in parts_idx]
    unit_unread: list[int] = []
    if row.value is None:  # the caller passes rows with values
        return (), ()
    tol = max(_sum_tolerance(row.value, 0.0, s.relative_tolerance), 1e-6)
    if ocr and (not parts or _compare_sum(row.value, parts, tol)[0] != "ok"):
        # A part whose unit OCR garbled ("Thituc" beside "Thủ tục"), or the total's own, is left
        # out above: when the children, their units aside and every one read, make the total,
        # the sum holds and the unit is our misreading. A sum that fails so is told on the parts
        # whose units agree, as before.
        loose = [j for j in kids.get(i, []) if not is_percent(rows[j]) and code_legend(rows[j]) is None]
        values = [rows[j].value for j in loose]
        if loose and all(v is not None for v in values) and _compare_sum(row.value, values, tol)[0] == "ok":
            parts_idx, parts = loose, values
        elif not parts and _unit_garbled(row, [rows[j] for j in loose]) and all(v is not None for v in values):
            return (i, *loose), ()
        else:
            # the parts whose unit OCR did not read, left out above, are parts still: the sum
            # without them is no fault of the commune's; with them it is told, they doubted
            # (not one whose figure alone is above the total: it restores no sum, and is told as a
            # part above its whole, the whole, its unit read, not doubted)
            unit_unread = [
                j
                for j in loose
                if j not in parts_idx and _unit_unread(rows[j]) and not _above_whole(rows[j].value, row.value, tol)
            ]
            parts_idx = sorted((*parts_idx, *unit_unread))
            parts = [None if _garbled_line(rows[j]) or _no_count(rows[j]) else rows[j].value for j in parts_idx]
    if not parts or all(p is None for p in parts):
        return (), ()
    status, expected = _compare_sum(row.value, parts, tol)
    label = row.code or row.indicator[:40]
    blanks = sum(p is None for p in parts)
    found = []
    if status == "mismatch":
        found = explain([stat_cell(ai, k, rows[k], name, s, ocr) for k in (i, *parts_idx)], partial(sum_holds, tol, []))
    lost = lost_under(gaps, row)
    # parts short of the total, no reading of ours explaining it, and parts the numbering says
    # were lost: the rows lost make it up
    short = status == "mismatch" and not found and bool(lost) and expected is not None and expected < row.value
    status = "incomplete" if short else status
    message = f"{label}: total {_vn(row.value)}, its {len(parts)} parts add up to {_vn(expected)}" + (
        f" ({blanks} blank)" if blanks else ""
    )
    message += lost_said(lost, "under it") if short else ""
    over = _parts_over_whole(row.value, parts_idx, rows, tol) if status == "mismatch" and ocr and not found else []
    if over:
        message += "; " + ", ".join(f"{rows[j].code or 'a part'} ({_vn(rows[j].value)})" for j in over)
        message += " is above the total alone: OCR ran cells together or misread a figure"
    unit_unread = unit_unread if status == "mismatch" and not found else []
    if unit_unread:
        message += "; " + ", ".join(rows[j].code or "a part" for j in unit_unread)
        message += (
            ": units not read (OCR garbled the lines)"
            if len(unit_unread) > 1
            else ": unit not read (OCR garbled the line)"
        )
    check_stat_value(
        ledger,
        "total_parts",
        ai,
        (i, *parts_idx),
        rows,
        name,
        expected=expected,
        tol=tol,
        status=status,
        message=message,
        found=found,
        ocr=ocr,
        impossible=[*over, *(j for j in unit_unread if j not in over)],
    )
    return (), ((i, *parts_idx) if ocr and status == "mismatch" and found else ())


def _parts_over_whole(whole: float, parts_idx: list[int], rows: list[StatRow], tol: float) -> list[int]:
    """The parts of an OCR'd total that are each above the whole alone: no count's part is, so the
    figure is ours ("21 00" of two cells run together read 2100 under a total of 127, a digit
    doubled), far likelier than a commune printing it; a sum of parts merely over the whole is
    still the document's."""
    return [j for j in parts_idx if (value := rows[j].value) is not None and value > whole + tol]


def _above_whole(part: float | None, whole: float | None, tol: float) -> bool:
    """Whether a part's figure alone is above its whole's (either unread: not known to be)."""
    return part is not None and whole is not None and part > whole + tol

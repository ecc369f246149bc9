"""Figures a score table printed that OCR lost, and what can still be checked without them.

A totals row that was printed but not read: its stated total cannot be checked, so it is
``skipped`` and the table is queued for a person to read the printed total against the rows
(``check_lost_totals``: where the segmenter told a lost totals line, not the numbers). A
criterion whose own row was lost: its sub-criteria's sums check nothing, unless the criteria set
still gives its figures (``check_lost_parents``)."""

from __future__ import annotations

import re
from itertools import combinations

from cchc_extract.reconcile.core import _Ledger, _sum_tolerance
from cchc_extract.reconcile.hierarchy import children_of, norm_code, resolve_parents
from cchc_extract.reconcile.score_cells import MISSING_FLAG
from cchc_extract.reconcile.score_refs import POINT_FIELDS, _score_ref, _table_name
from cchc_extract.reconcile.set_maxima import table_maxima
from extract.segment.unread_lost_total import lost_total_field
from extract.segment.unread_tail import TAIL_MARK
from normalize.numbers import format_vn, lost_decimal_readings
from schemas.records import LOST_TOTAL_REASON, ExtractionResult, ReviewItem, ScoreRow, ScoreTable, UnreadPart


def check_lost_totals(result: ExtractionResult, ledger: _Ledger) -> None:
    """A score table whose totals row was printed but not read (an unread part the segmenter told,
    ``LOST_TOTAL_REASON``, after the table's last row and before any other table's): its stated
    total is ``skipped``, and the table goes to the queue, where a person reads the printed total
    against the rows (a total the commune got wrong is found nowhere else)."""
    starts = sorted(_row_place(t.rows[0]) for t in result.score_tables if t.rows)
    lost = [p for p in result.unread if p.reason == LOST_TOTAL_REASON]
    for ti, table in enumerate(result.score_tables):
        if not table.rows or table.stated_total_max is not None or table.stated_total_self is not None:
            continue
        # (after the last row's first line: the segmenter tells a totals line that row took into
        # its own span, ``unread_lost_total.lost_total``)
        end = _row_place(table.rows[-1])
        following = [place for place in starts if place > end]
        part = next(
            (p for p in lost if end < _part_place(p) and (not following or _part_place(p) < following[0])), None
        )
        reason = LOST_TOTAL_REASON
        if part is None:
            # Lines read as nothing from within the table on past its last row: where a totals
            # row stands, if the table printed one, OCR left nothing read either (a table whose
            # rows were only recovered by their names in the criteria set).
            others = [_row_place(r) for t in result.score_tables if t is not table for r in t.rows]
            part = next((p for p in result.unread if _runs_past(p, table.rows, others)), None)
            reason = _TOTAL_PLACE_UNREAD
        if part is None:
            # Rows lost after the last row read (lines naming criteria that gave no row,
            # ``unread_tail``): the table's end was not read, and a totals row printed after
            # those rows was not read either (its label and figures garbled with them): nothing
            # says what the rows should add up to, nor that a total the commune got wrong is right.
            part = next((p for p in result.unread if _tail_lost(p, end, following)), None)
            reason = f"{_TAIL_UNREAD} ({part.reason})" if part is not None else ""
        if part is None:
            continue
        _skip_total(ledger, _table_name(table, ti), ti, None, part, reason)


def _skip_total(ledger: _Ledger, name: str, ti: int, field: str | None, part: UnreadPart, reason: str) -> None:
    """A table's stated total (``field``'s, or the whole row's: None) checked ``skipped`` for what
    was not read, and the table queued; the entry stands for the unread part too
    (``unread_review_items``): its page, its text."""
    message = f"table total: {reason}"
    ledger.check(
        "stated_total",
        f"/score_tables/{ti}",
        table=name,
        code=None,
        field_=field,
        expected=None,
        actual=None,
        tolerance=None,
        status="skipped",
        message=message,
    )
    ref = ReviewItem(item=f"/score_tables/{ti}", table=name, page=part.page, raw=part.text_sample or None)
    ledger.flag(ref, message)


def check_lost_total_fields(result: ExtractionResult, ledger: _Ledger) -> None:
    """A score table whose totals row was read with one figure and the other printed garbled (an
    unread part the segmenter told, ``lost_total_field``, after the table's last row and before any
    other table's): that field's stated total is ``skipped``, and the table goes to the queue, where
    a person reads the printed total against the rows (a total the commune got wrong there is
    found nowhere else)."""
    starts = sorted(_row_place(t.rows[0]) for t in result.score_tables if t.rows)
    lost = [(p, f) for p in result.unread if (f := lost_total_field(p)) is not None]
    for ti, table in enumerate(result.score_tables):
        if not table.rows:
            continue
        end = _row_place(table.rows[-1])
        following = [place for place in starts if place > end]
        for part, field in lost:
            if getattr(table, f"stated_total_{field.removesuffix('_points')}") is not None:
                continue
            if not (end < _part_place(part) and (not following or _part_place(part) < following[0])):
                continue
            _skip_total(ledger, _table_name(table, ti), ti, field, part, part.reason)


_TAIL_UNREAD = (
    "rows after the table's last row read were printed and not read, and a total row printed after "
    "them cannot be checked against the rows"
)


def _tail_lost(part: UnreadPart, end: tuple[int, int], following: list[tuple[int, int]]) -> bool:
    """Whether an unread part tells the table's rows lost after its last row read (``unread_tail``),
    opening after that row and before any other table's."""
    place = _part_place(part)
    return part.kind == "rows" and TAIL_MARK in part.reason and end < place and (not following or place < following[0])


_TOTAL_PLACE_UNREAD = (
    "the lines after the table's last row were not read (an unread part runs on past it): a total "
    "row printed there cannot be checked against the rows"
)


def _runs_past(part: UnreadPart, rows: list[ScoreRow], others: list[tuple[int, int]]) -> bool:
    """Whether an unread part of rows opens at the table's lines (its header's too) and runs on
    past its last row, no other table's row (``others``' places) after its opening: lines read
    as nothing about two tables are as often one's rows as its total (a table OCR split in two)."""
    start, end = _part_place(part), (part.page_end or part.page or 0, part.line_end or part.line_start or 0)
    last = _row_place(rows[-1], last=True)
    return part.kind == "rows" and start <= last < end and not any(start <= o for o in others)


def _row_place(row: ScoreRow, last: bool = False) -> tuple[int, int]:
    """(page, line) of a row's first line, or of its last (``last``)."""
    src = row.source
    line = (src.line_end or src.line_start) if last else src.line_start
    return (src.page or 0, line or 0)


def _part_place(part: UnreadPart) -> tuple[int, int]:
    return (part.page or 0, part.line_start or 0)


def check_lost_parents(result: ExtractionResult, ledger: _Ledger, tolerance: float, ocr: bool) -> None:
    """A criterion whose own row OCR lost (its sub-criteria hang under the row above it:
    ``resolve_parents``' orphans) checks nothing by its own figures: a fault among its
    sub-criteria would pass. Where the criteria set the table agrees with lists its sub-criteria
    and each was read, its figures are still known: its maximum is the set's, and each score is
    its parent's stated score less its siblings' (all read). Each is checked against the
    sub-criteria read ("lost_parent_sum", a set-based check); one that fails sends the
    sub-criteria to the queue: one of them is misread or the commune's own figure is wrong. It is
    ``incomplete``, never a ``mismatch``: the figure it checks against is no reading of ours."""
    if not ocr:
        return
    for ti, table in enumerate(result.score_tables):
        rows = table.rows
        parents, orphans = resolve_parents(rows)
        maxima = table_maxima(rows)
        kids = children_of(parents)
        name = _table_name(table, ti)
        for code, group in _lost_parents(rows, orphans, maxima).items():
            above = parents[group[0]]
            for field_ in POINT_FIELDS:
                stated, how = _lost_figure(rows, kids, above, group, code, field_, maxima)
                parts = [getattr(rows[i], field_) for i in group]
                if stated is None or any(p is None for p in parts):
                    continue
                read = sum(p for p in parts if p is not None)
                tol = _sum_tolerance(stated, tolerance, 0.0)
                holds = abs(read - stated) <= tol
                what = field_.replace("_", " ")
                message = (
                    f"{code} (its row not read): {what} of its {len(group)} sub-criteria add up to "
                    f"{read:g}, {how} gives {stated:g}"
                    + ("" if holds else "; one of them is misread, or the document's figure is wrong")
                )
                ledger.check(
                    "lost_parent_sum",
                    f"/score_tables/{ti}/rows/{group[0]}",
                    table=name,
                    code=code,
                    field_=field_,
                    expected=read,
                    actual=stated,
                    tolerance=tol,
                    status="ok" if holds else "incomplete",
                    message=message,
                )
                for i in [] if holds else _suspects(rows, group, field_, maxima, tol):
                    ledger.flag(_score_ref(ti, i, rows[i], field_, name), f"set-based check: {message}")


def _lost_parents(rows: list[ScoreRow], orphans: set[int], maxima: dict[str, float]) -> dict[str, list[int]]:
    """Lost parent code → its sub-criteria read (row indices), where the set lists them all and
    no other: the lost row's figures are then theirs."""
    groups: dict[str, list[int]] = {}
    for i in sorted(orphans):
        code = norm_code(rows[i].code) or ""
        if "." in code:
            groups.setdefault(code.rsplit(".", 1)[0], []).append(i)
    whole = {}
    for parent, group in groups.items():
        listed = {k for k in maxima if k.rpartition(".")[0] == parent}
        read = [norm_code(rows[i].code) for i in group]
        if parent in maxima and listed and listed == set(read) and len(read) == len(listed):
            whole[parent] = group
    return whole


def _suspects(rows: list[ScoreRow], group: list[int], field_: str, maxima: dict[str, float], tol: float) -> list[int]:
    """The sub-criteria a failed set-based check queues: for maxima, those that are not the set's
    own (the set's add up to its parent's); for scores, which the set does not give, all."""
    if field_ != "max_points":
        return group
    own = [maxima.get(norm_code(rows[i].code) or "", 0.0) for i in group]
    differ = [i for i, m in zip(group, own) if abs((rows[i].max_points or 0.0) - m) > tol]
    return differ or group


def _lost_figure(
    rows: list[ScoreRow],
    kids: dict[int, list[int]],
    above: int | None,
    group: list[int],
    code: str,
    field_: str,
    maxima: dict[str, float],
) -> tuple[float | None, str]:
    """(the lost row's figure of ``field_``, where it comes from): the set's maximum; a score as
    the row above's stated score less its other sub-criteria's, all read (None otherwise)."""
    if field_ == "max_points":
        return maxima.get(code), "the criteria set's maximum"
    if above is None or getattr(rows[above], field_) is None:
        return None, ""
    others = [getattr(rows[k], field_) for k in kids.get(above, []) if k not in group]
    if any(v is None for v in others):
        return None, ""
    rest = sum(v for v in others if v is not None)
    parent = rows[above].code or "the row above"
    return getattr(rows[above], field_) - rest, f"{parent}'s stated {field_.replace('_', ' ')} less its other rows'"


def made_up(shortfall: float, lost: list[float], field_: str, tol: float) -> bool:
    """Whether rows whose maxima are ``lost`` can make up ``shortfall``: for maxima, a shortfall
    at least the smallest of them (a total of maxima one point over the rows read is the
    commune's slip, not rows of 15,5 lost) and at most all of them: some of them exactly, or
    rows lost and a slip too, which the rows read cannot tell apart (a row read under a
    neighbour's code holds another maximum than its code's); for scores, anything up to all."""
    if shortfall <= tol or not lost:
        return False
    if field_ != "max_points":
        return shortfall <= sum(lost) + tol
    return min(lost) - tol <= shortfall <= sum(lost) + tol


def exactly(shortfall: float, lost: list[float], tol: float) -> bool:
    """Some of the ``lost`` maxima add up to ``shortfall``."""
    return any(abs(sum(group) - shortfall) <= tol for n in range(1, len(lost) + 1) for group in combinations(lost, n))


def maxima_shortfall(stated_total_max: float | None, read: list[float | None]) -> float | None:
    """How far the top-level rows' maxima ``read`` fall short of the table's stated total of maxima
    (None when either is unknown): what rows lost are worth, whichever field's sum fell short."""
    if stated_total_max is None or None in read:
        return None
    return stated_total_max - sum(v for v in read if v is not None)


def making_up(shortfall: float | None, lost: dict[str, float], tol: float) -> list[str] | None:
    """The one group of the ``lost`` criteria (code → the set's maximum) whose maxima add up to
    the total of maxima's ``shortfall``: the rows lost, the set's other criteria being ones the
    document does not print. None when no group does, or more than one (the rows read cannot say
    which)."""
    if shortfall is None:
        return None
    codes = list(lost)
    groups = [
        group
        for n in range(1, len(codes) + 1)
        for group in combinations(codes, n)
        if abs(sum(lost[k] for k in group) - shortfall) <= tol
    ]
    return list(groups[0]) if len(groups) == 1 else None


def top_rows_lost(
    rows: list[ScoreRow], top: list[int], field_: str, table: ScoreTable, maxima: dict[str, float], tol: float
) -> bool:
    """Whether the criteria set names top-level criteria no row read, and the table's stated
    total of maxima (when the field is another) does not hold with the top rows read: a total of
    maxima the rows read make up says no top row is missing."""
    if not set_top_unread(rows, maxima):
        return False
    if field_ == "max_points" or table.stated_total_max is None:
        return True
    read = [rows[i].max_points for i in top]
    if any(v is None for v in read):
        return True
    # (the total of maxima as OCR printed it, or with the decimal mark it lost put back: "685" for
    # 68,5 made up by the rows read says as surely that none is missing)
    stated = table.stated_total_max
    readings = [stated, *(lost_decimal_readings(format_vn(stated)) if stated.is_integer() else [])]
    return all(abs(sum(v or 0.0 for v in read) - r) > tol for r in readings)


def set_top_unread(rows: list[ScoreRow], maxima: dict[str, float]) -> list[str]:
    """Top-level codes of the criteria set the table agrees with (``maxima``) that no row read
    carries."""
    read = {norm_code(r.code) for r in rows}
    return [k for k in maxima if "." not in k and k not in read]


_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50}


def _top_number(code: str) -> tuple[str, int] | None:
    """("arabic" | "roman", its number) of a top-level code ("3", "IV"); None for another code."""
    if code.isdigit():
        return "arabic", int(code)
    if code and all(ch in _ROMAN_VALUES for ch in code):
        values = [_ROMAN_VALUES[ch] for ch in code]
        return "roman", sum(-v if k + 1 < len(values) and v < values[k + 1] else v for k, v in enumerate(values))
    return None


def _roman(n: int) -> str:
    out = ""
    for value, letters in ((50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out, n = out + letters, n - value
    return out


def top_rows_unnumbered(rows: list[ScoreRow], top: list[int]) -> list[str]:
    """Top-level codes the table's own numbering says were printed and no row read carries,
    without a criteria set to name them: a number skipped below the highest read ("1", "3": "2"),
    and the code a row read at top level is a part of ("2.1" read, "2" not: OCR lost the field's
    own line, its sub-criteria stand in its place)."""
    codes = [norm_code(rows[i].code) or "" for i in top]
    numbered = [n for n in map(_top_number, codes) if n is not None]
    missing: list[str] = []
    for style in ("arabic", "roman"):
        read = {n for kind, n in numbered if kind == style}
        missing += [str(n) if style == "arabic" else _roman(n) for n in range(1, max(read, default=0)) if n not in read]
    for code in codes:
        head = code.split(".")[0]
        if "." in code and head not in codes and head not in missing:
            missing.append(head)
    return missing


def figureless_top(rows: list[ScoreRow], parents: list[int | None], kids: dict[int, list[int]], field_: str) -> int:
    """How many top-level criteria (a numbered row, no sub-criteria) OCR left without any figure,
    that of ``field_`` not read (the segmenter's ``missing_*`` flag: not seen printed blank). Each is a
    part of the table's total no reading gives: the total is checked against the rows read as one
    with unknown parts, never as though those rows were not in it (a heading printing no figure
    is left out, as before)."""
    flag = MISSING_FLAG[field_]
    return sum(
        p is None
        and not kids.get(i)
        and rows[i].max_points is None  # (a row with a figure read is among the rows read already)
        and rows[i].self_points is None
        and flag in rows[i].flags
        and bool(re.match(r"\d", rows[i].code or ""))
        for i, p in enumerate(parents)
    )

"""Reconciliation: every arithmetic relation a document implies, checked.

A converted document states the same quantities more than once: a parent criterion's points and
its children's, a percentage and the two counts it is the ratio of, a narrative count and the
annex row that reports it. Each relation becomes a ``Check`` (kind, expected, actual, tolerance,
status); every row caught in a failed relation, every repaired or inferred value and every row
under the confidence threshold becomes a ``ReviewItem``.

Kinds of check:
  score tables  sum_children (max points), sum_self (self points), self_le_max, stated_total,
                ocr_reading (a cell whose other OCR reading was taken to restore its sums)
  statistics    ratio, total_parts, allowed_code, count_value
  narrative     count_parts, text_ratio, group_statement, narrative_annex

Relations between cells are recorded whether they hold or not; one-cell domain checks
(self_le_max, count_value) only when they fail, so the list stays readable. A relation with some
parts blank is only checked one way (the parts may not exceed the whole); when they fall short it
is ``skipped``, never a mismatch. Nothing clearly read is changed: only a cell with another
reading of the same characters can be repaired, and only when that reading is the one that
restores its sums.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

import regex as re
from rapidfuzz import fuzz

from cchc_extract.records import (
    Check,
    Count,
    ExtractionResult,
    ReviewItem,
    ScoreRow,
    ScoreStatement,
    ScoreTable,
    StatAnnex,
    StatRow,
)
from normalize.numbers import format_vn, lost_decimal_readings, parse_number
from normalize.text import fold, strip_markup

_EPS = 1e-9


@dataclass(frozen=True)
class ReconcileSettings:
    review_below: float = 0.8
    # Points are given to at most 2 decimals: a sum may be off by rounding, never by more.
    points_tolerance: float = 0.011
    # Large amounts (money) are compared relatively.
    relative_tolerance: float = 0.001
    # "a/b ... c%": at most this many characters (no digits) between the fraction and its percent.
    ratio_gap: int = 90
    # A narrative count and an annex row are the same figure only above this label similarity
    # (rapidfuzz token_set_ratio, 0..100) and this far ahead of the next candidate.
    label_match: float = 85.0
    label_margin: float = 8.0


# Units whose values are counts of things (whole, non-negative); compared without accents.
_COUNT_UNITS = ("ho so", "van ban", "nguoi", "nhiem vu", "thu tuc", "tthc", "van de", "pakn", "co quan",
                "don vi", "ban", "to chuc", "so luong", "phieu", "cuoc", "tin", "bai", "luot", "xa", "thon")
# Wording of the denominator of a ratio, strongest first ("Tổng số ...", "Số ... đề ra").
_DENOMINATOR_WORDS = ("tong so", "de ra", "duoc giao", "can phai", "phai xu ly", "ke hoach")
_CODE_LEGEND = re.compile(r"(?P<label>[^=;]+?)\s*=\s*(?P<code>\d+)(?=\s|;|,|$)")


# --------------------------------------------------------------------------- ledger


@dataclass
class _Ledger:
    checks: list[Check] = field(default_factory=list)
    review: list[ReviewItem] = field(default_factory=list)
    _ids: dict[str, int] = field(default_factory=dict)
    _reviewed: set = field(default_factory=set)

    def check(self, kind: str, item: str, *, table: str | None, code: str | None, field_: str | None,
              expected, actual, tolerance: float | None, status: str, message: str,
              rows: tuple[ReviewItem, ...] = ()) -> Check:
        base = f"{kind}:{item}" + (f":{field_}" if field_ else "")
        n = self._ids.get(base, 0) + 1
        self._ids[base] = n
        check = Check(id=base if n == 1 else f"{base}#{n}", kind=kind, table=table, code=code, field=field_,
                      expected=_clean(expected), actual=_clean(actual),
                      tolerance=None if tolerance is None else round(tolerance, 6),
                      status=status, message=message)
        self.checks.append(check)
        if status in ("mismatch", "repaired"):
            for ref in rows:
                self.flag(ref, message)
        return check

    def flag(self, ref: ReviewItem, reason: str) -> None:
        key = (ref.item, ref.field, reason)
        if key in self._reviewed:
            return
        self._reviewed.add(key)
        self.review.append(replace(ref, value=_clean(ref.value), reason=reason))


def _clean(value):
    if isinstance(value, float):
        value = round(value, 6)
        return int(value) if value.is_integer() and abs(value) < 2**53 else value
    return value


def _vn(value: float | None) -> str:
    return "blank" if value is None else format_vn(value, 4)


# --------------------------------------------------------------------------- entry point


def reconcile(result: ExtractionResult, settings: ReconcileSettings = ReconcileSettings()) -> None:
    """Fill ``result.checks`` and ``result.review`` (replacing what was there); may repair a
    cell's value from its other OCR reading, keeping the raw text and flagging the row."""
    ledger = _Ledger()
    for ti, table in enumerate(result.score_tables):
        _check_score_table(ti, table, ledger, settings)
    for ai, annex in enumerate(result.statistics):
        _check_annex(ai, annex, ledger, settings)
    _check_counts(result.counts, ledger)
    _check_group_statements(result.score_statements, ledger, settings)
    _check_narrative_against_annexes(result, ledger, settings)
    _check_text_ratios(result, ledger, settings)
    _review_doubtful(result, ledger, settings)
    result.checks = ledger.checks
    result.review = ledger.review


# --------------------------------------------------------------------------- hierarchy


def norm_code(code: str | None) -> str | None:
    """"3. 1" → "3.1", "2.1." → "2.1"; roman numerals upper-cased."""
    if code is None:
        return None
    text = re.sub(r"\s+", "", strip_markup(str(code))).strip(".)")
    return text.upper() if re.fullmatch(r"[ivxlIVXL]+", text) else text or None


def parent_indices(rows: list) -> list[int | None]:
    """Index of each row's parent (see ``resolve_parents``)."""
    return resolve_parents(rows)[0]


def resolve_parents(rows: list) -> tuple[list[int | None], set[int]]:
    """(parent index of each row, orphans). The parent is the row's stated ``parent`` code, else
    its code minus the last segment ("1.2.3" → "1.2"), resolved to the nearest row above with that
    code; an undotted code under a roman section belongs to the section above it. A row whose
    parent is missing from the table (lost by OCR) is an orphan, attached to its nearest present
    ancestor: its lost parent may have had other children, so sums over it are only partial."""
    out: list[int | None] = []
    orphans: set[int] = set()
    for i, row in enumerate(rows):
        code = norm_code(row.code)
        wanted = norm_code(row.parent)
        if wanted is None and code and "." in code:
            wanted = code.rsplit(".", 1)[0]
        found = None
        if wanted is not None:
            ancestor: str | None = wanted
            while ancestor and found is None:
                found = next((j for j in range(i - 1, -1, -1) if norm_code(rows[j].code) == ancestor), None)
                if found is None:
                    ancestor = ancestor.rsplit(".", 1)[0] if "." in ancestor else None
            if found is not None and ancestor != wanted:
                orphans.add(i)
        elif code and re.fullmatch(r"\d+", code):
            found = next((j for j in range(i - 1, -1, -1) if _is_roman(norm_code(rows[j].code))), None)
        out.append(found)
    return out, orphans


def _is_roman(code: str | None) -> bool:
    return bool(code) and re.fullmatch(r"[IVXL]+", code) is not None


def children_of(parents: list[int | None]) -> dict[int, list[int]]:
    kids: dict[int, list[int]] = {}
    for i, p in enumerate(parents):
        if p is not None:
            kids.setdefault(p, []).append(i)
    return kids


def _decimals(value: float | None, raw: str | None = None) -> int:
    """Decimals a figure was written with: from its raw text when it has one."""
    if raw:
        m = re.search(r"\d+(?:[.,](\d+))?\s*%?\s*$", raw.strip())
        if m:
            return len(m.group(1) or "")
    if value is None:
        return 0
    text = f"{value:.6f}".rstrip("0")
    return len(text.split(".")[1]) if "." in text else 0


def _sum_tolerance(stated: float, base: float, relative: float) -> float:
    """Rounding allowed between a stated figure and the sum of its parts: ``base`` (points are
    exact to 2 decimals, so only float noise and a rounded last digit), and ``relative`` of large
    amounts (money totals rounded to a unit)."""
    return max(base, abs(stated) * relative) if abs(stated) >= 1000 else base


def _compare_sum(stated: float | None, parts: Sequence[float | None], tol: float) -> tuple[str, float | None]:
    """(status, expected) of "stated = sum of parts". Blank parts may hold anything non-negative:
    parts that already make the whole are ok, parts above it a mismatch, parts short of it
    unknowable (skipped)."""
    known = [p for p in parts if p is not None]
    if stated is None or not known:
        return "skipped", None
    total = sum(known)
    if abs(total - stated) <= tol:
        return "ok", total
    if len(known) == len(parts) or total > stated:
        return "mismatch", total
    return "skipped", total


# --------------------------------------------------------------------------- score tables


def _score_ref(ti: int, ri: int, row: ScoreRow, field_: str | None, table: str) -> ReviewItem:
    raw = getattr(row, f"{field_}_raw", None) if field_ in ("max_points", "self_points") else None
    value = getattr(row, field_, None) if field_ else None
    return ReviewItem(item=f"/score_tables/{ti}/rows/{ri}", field=field_, table=table, code=row.code,
                   page=row.source.page, raw=raw, value=value if isinstance(value, (int, float, str)) else None,
                   confidence=row.confidence)


def _table_name(table: ScoreTable, ti: int) -> str:
    return table.title.strip() or f"score_tables/{ti}"


def _effective(rows: list[ScoreRow], kids: dict[int, list[int]], i: int, field_: str) -> float | None:
    """A row's own value, or for a row printed without one the sum of its children's (None when
    any of them is unknown too)."""
    own = getattr(rows[i], field_)
    if own is not None or not kids.get(i):
        return own
    parts = [_effective(rows, kids, c, field_) for c in kids[i]]
    known = [p for p in parts if p is not None]
    return None if len(known) < len(parts) else sum(known)


def _reaches_end(i: int, n_rows: int, kids: dict[int, list[int]]) -> bool:
    """Whether row i's subtree runs to the table's last row."""
    last = i
    while kids.get(last):
        last = kids[last][-1]
    return last == n_rows - 1


def _check_score_table(ti: int, table: ScoreTable, ledger: _Ledger, s: ReconcileSettings) -> None:
    rows = table.rows
    parents, orphans = resolve_parents(rows)
    kids = children_of(parents)
    name = _table_name(table, ti)
    _repair_ocr_readings(ti, table, parents, kids, ledger, s)
    open_ended = table.stated_total_max is None and table.stated_total_self is None
    for i, row in enumerate(rows):
        label = row.code or row.name[:40]
        for field_, kind in (("max_points", "sum_children"), ("self_points", "sum_self")):
            children = kids.get(i)
            if not children:
                continue
            stated = getattr(row, field_)
            parts = [getattr(rows[c], field_) for c in children]
            if stated is None or all(p is None for p in parts):
                continue
            if any(c in orphans for c in children):
                parts.append(None)  # the orphans' lost parent may have had other children
            tol = _sum_tolerance(stated, s.points_tolerance, s.relative_tolerance)
            status, expected = _compare_sum(stated, parts, tol)
            what = "max points" if field_ == "max_points" else "self-assessed points"
            blanks = sum(p is None for p in parts)
            message = (f"{label}: {what} of its {len(children)} sub-criteria add up to {_vn(expected)}, "
                       f"the row states {_vn(stated)}" + (f" ({blanks} unknown)" if blanks else ""))
            if status == "mismatch" and open_ended and _reaches_end(i, len(rows), kids):
                # Still a mismatch (planted faults must be caught), but a table with no total row
                # that ends inside this subtree may simply go on past the pages we have.
                message += "; the table has no total row and may continue beyond the last page read"
            refs = (_score_ref(ti, i, row, field_, name),
                    *(_score_ref(ti, c, rows[c], field_, name) for c in children))
            ledger.check(kind, f"/score_tables/{ti}/rows/{i}", table=name, code=row.code, field_=field_,
                         expected=expected, actual=stated, tolerance=tol, status=status, message=message,
                         rows=refs if status == "mismatch" else ())
        if row.self_points is not None and row.max_points is not None \
                and row.self_points > row.max_points + s.points_tolerance:
            ledger.check("self_le_max", f"/score_tables/{ti}/rows/{i}", table=name, code=row.code,
                         field_="self_points", expected=row.max_points, actual=row.self_points,
                         tolerance=s.points_tolerance, status="mismatch",
                         message=f"{label}: self-assessed {_vn(row.self_points)} exceeds the maximum "
                                 f"{_vn(row.max_points)}",
                         rows=(_score_ref(ti, i, row, "self_points", name),))
    # Top-level rows against the stated total; a section row printed without numbers stands for
    # the sum of its children (a heading with neither numbers nor children is left out).
    top = [i for i, p in enumerate(parents) if p is None
           and (rows[i].max_points is not None or rows[i].self_points is not None or kids.get(i))]
    for field_, stated in (("max_points", table.stated_total_max), ("self_points", table.stated_total_self)):
        if stated is None or not top:
            continue
        parts = [_effective(rows, kids, i, field_) for i in top]
        tol = _sum_tolerance(stated, s.points_tolerance, s.relative_tolerance)
        status, expected = _compare_sum(stated, parts, tol)
        ledger.check("stated_total", f"/score_tables/{ti}", table=name, code=None, field_=field_,
                     expected=expected, actual=stated, tolerance=tol, status=status,
                     message=f"table total of {field_.replace('_', ' ')}: its {len(parts)} top-level rows add "
                             f"up to {_vn(expected)}, the total row states {_vn(stated)}",
                     rows=tuple(_score_ref(ti, i, rows[i], field_, name) for i in top)
                     if status == "mismatch" else ())


def _relations_held(rows: list[ScoreRow], i: int, field_: str, value: float, parents: list[int | None],
                    kids: dict[int, list[int]], tol: float) -> tuple[int, int, bool]:
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
    row = rows[i]
    self_v = value if field_ == "self_points" else row.self_points
    max_v = value if field_ == "max_points" else row.max_points
    bounded = self_v is None or max_v is None or self_v <= max_v + tol
    return held, checkable, bounded


def _repair_ocr_readings(ti: int, table: ScoreTable, parents: list[int | None], kids: dict[int, list[int]],
                         ledger: _Ledger, s: ReconcileSettings) -> None:
    """Take another reading of an OCR'd cell ("35" → 3.5) when the cell breaks its relations and
    exactly one other reading does better: restores a sum, or (no sum to tell) is the one reading
    that fits under the row's maximum."""
    rows = table.rows
    name = _table_name(table, ti)
    tol = s.points_tolerance
    for i, row in enumerate(rows):
        for field_ in ("max_points", "self_points"):
            value = getattr(row, field_)
            flag = f"repaired_{field_}"
            raw_attr = f"{field_}_raw"
            if flag in row.flags:  # repaired on an earlier run: say so again, change nothing
                old = parse_number(getattr(row, raw_attr), kind="score")
                _record_repair(ledger, ti, i, row, field_, name, old.value if old else None, value)
                continue
            if value is None:
                continue
            readings = [a for a in row.alternatives.get(field_, []) if a != value]
            raw = getattr(row, raw_attr)
            if not readings and field_ == "self_points" and row.max_points is not None \
                    and value > row.max_points + tol:
                # A self score above the maximum cannot be right; OCR may have lost its decimal point.
                readings = lost_decimal_readings(raw or format_vn(value, 4), upper=row.max_points)
            if not readings:
                continue
            held, checkable, bounded = _relations_held(rows, i, field_, value, parents, kids, tol)
            if held == checkable and bounded:
                continue
            scored = []
            for reading in readings:
                h, c, b = _relations_held(rows, i, field_, reading, parents, kids, tol)
                # Better means: restores a sum, or brings an impossible score under its maximum
                # without breaking a sum the first reading kept.
                if b and (h > held or (not bounded and h >= held)):
                    scored.append((h, reading))
            if not scored:
                continue
            best = max(h for h, _ in scored)
            winners = [r for h, r in scored if h == best]
            if len(winners) != 1:
                ledger.flag(_score_ref(ti, i, row, field_, name),
                            f"{row.code}: readings {', '.join(_vn(r) for r in winners)} all restore the sums")
                continue
            if raw is None:
                setattr(row, raw_attr, format_vn(value, 4))
            setattr(row, field_, winners[0])
            row.flags.append(flag)
            _record_repair(ledger, ti, i, row, field_, name, value, winners[0])


def _record_repair(ledger: _Ledger, ti: int, i: int, row: ScoreRow, field_: str, name: str,
                   old: float | None, new: float | None) -> None:
    raw = getattr(row, f"{field_}_raw")
    ledger.check("ocr_reading", f"/score_tables/{ti}/rows/{i}", table=name, code=row.code, field_=field_,
                 expected=new, actual=old, tolerance=None, status="repaired",
                 message=f"{row.code}: {field_.replace('_', ' ')} read as {raw!r} breaks its sums; "
                         f"the reading {_vn(new)} restores them",
                 rows=(_score_ref(ti, i, row, field_, name),))


# --------------------------------------------------------------------------- statistics


def _plain(text: str) -> str:
    """Lower-case text without accents or markup, for matching wording."""
    return fold(strip_markup(text or ""))


def _unit_key(row: StatRow) -> str:
    return _plain(row.unit).strip(" .:")


def is_percent(row: StatRow) -> bool:
    return "%" in row.unit or row.value_raw.strip().endswith("%") or _plain(row.indicator).startswith("ty le")


def is_count(row: StatRow) -> bool:
    unit = _unit_key(row)
    return bool(unit) and "%" not in unit and "=" not in unit and "dong" not in unit \
        and any(re.search(rf"\b{re.escape(u)}\b", unit) for u in _COUNT_UNITS)


def code_legend(row: StatRow) -> dict[str, float] | None:
    """The coded answers a row allows: its ``allowed_values``, else the legend in its unit cell
    ("Chưa = 0 Đang làm = 1 Hoàn thành = 2")."""
    if row.allowed_values:
        return row.allowed_values
    pairs = {m["label"].strip(" ;,"): float(m["code"]) for m in _CODE_LEGEND.finditer(strip_markup(row.unit))}
    return pairs if len(pairs) >= 2 else None


def _stat_ref(ai: int, ri: int, row: StatRow, annex: str) -> ReviewItem:
    return ReviewItem(item=f"/statistics/{ai}/rows/{ri}", field="value", table=annex, code=row.code,
                   page=row.source.page, raw=row.value_raw or None, value=row.value, confidence=row.confidence)


def _percent_matches(stated: float, true: float, decimals: int) -> bool:
    """A percentage written to ``decimals`` places matches when it is the true ratio rounded or
    cut off there (78,94% for 15/19 = 78,947...% is cut off)."""
    scale = 10 ** decimals
    rounded = math.floor(true * scale + 0.5) / scale
    cut = math.floor(true * scale + _EPS) / scale
    return abs(stated - rounded) < _EPS * 100 or abs(stated - cut) < _EPS * 100


def _denominator(candidates: list[tuple[int, StatRow]]) -> int | None:
    for word in _DENOMINATOR_WORDS:
        for j, row in candidates:
            if re.search(rf"\b{word}\b", _plain(row.indicator)):
                return j
    return None


def _check_annex(ai: int, annex: StatAnnex, ledger: _Ledger, s: ReconcileSettings) -> None:
    rows = annex.rows
    parents = parent_indices(rows)
    kids = children_of(parents)
    name = annex.annex or annex.title or f"statistics/{ai}"
    for i, row in enumerate(rows):
        item = f"/statistics/{ai}/rows/{i}"
        label = row.code or row.indicator[:40]
        legend = code_legend(row)
        if legend is not None:
            if row.value is not None:
                ok = any(abs(row.value - v) < _EPS for v in legend.values())
                codes = ", ".join(_vn(v) for v in sorted(set(legend.values())))
                ledger.check("allowed_code", item, table=name, code=row.code, field_="value",
                             expected=codes, actual=row.value, tolerance=0.0, status="ok" if ok else "mismatch",
                             message=f"{label}: coded answer {_vn(row.value)} "
                                     + ("is one of" if ok else "is not one of") + f" the codes {codes}",
                             rows=(_stat_ref(ai, i, row, name),))
            continue
        if row.value is not None and is_count(row) and (row.value < 0 or not float(row.value).is_integer()):
            ledger.check("count_value", item, table=name, code=row.code, field_="value", expected="whole number ≥ 0",
                         actual=row.value, tolerance=0.0, status="mismatch",
                         message=f"{label}: a count of {row.unit.strip()} must be a whole number ≥ 0, "
                                 f"got {_vn(row.value)}",
                         rows=(_stat_ref(ai, i, row, name),))
        if row.value is None:
            continue
        if is_percent(row):
            _check_ratio(ai, i, rows, parents, kids, name, ledger)
        elif _plain(row.indicator).startswith("tong"):
            _check_total(ai, i, rows, kids, name, ledger, s)


def _ratio_parts(i: int, rows: list[StatRow], parents: list[int | None],
                 kids: dict[int, list[int]]) -> tuple[int | None, list[int]]:
    """(denominator, numerator candidates) of percentage row i: its children, else the two rows
    just above it under the same parent, told apart by wording."""
    def usable(j: int) -> bool:
        return rows[j].value is not None and not is_percent(rows[j]) and code_legend(rows[j]) is None

    candidates = [j for j in kids.get(i, []) if usable(j)]
    if not candidates:
        siblings = [j for j in range(i - 1, max(i - 3, -1), -1) if parents[j] == parents[i]]
        candidates = [j for j in reversed(siblings) if usable(j)]
        if len(candidates) < 2:
            return None, []
    den = _denominator([(j, rows[j]) for j in candidates])
    if den is None:
        return None, []
    return den, [j for j in candidates if j != den]


def _check_ratio(ai: int, i: int, rows: list[StatRow], parents: list[int | None], kids: dict[int, list[int]],
                 name: str, ledger: _Ledger) -> None:
    row = rows[i]
    den, nums = _ratio_parts(i, rows, parents, kids)
    if den is None or not nums:
        return
    value, den_value = row.value, rows[den].value
    if value is None or den_value is None:  # never: the caller and _ratio_parts pass rows with values
        return
    label = row.code or row.indicator[:40]
    decimals = _decimals(row.value, row.value_raw)
    tol = 10.0 ** -decimals
    item = f"/statistics/{ai}/rows/{i}"
    if den_value == 0:
        ledger.check("ratio", item, table=name, code=row.code, field_="value", expected=None, actual=row.value,
                     tolerance=tol, status="skipped", message=f"{label}: denominator {rows[den].code} is 0")
        return
    ratios = [(j, 100.0 * num / den_value) for j in nums if (num := rows[j].value) is not None]
    match = next(((j, r) for j, r in ratios if _percent_matches(value, r, decimals)), None)
    j, ratio = match or ratios[0]
    status = "ok" if match else "mismatch"
    message = (f"{label}: {_vn(row.value)}% against {rows[j].code or 'numerator'} / {rows[den].code or 'denominator'}"
               f" = {_vn(rows[j].value)}/{_vn(rows[den].value)} = {_vn(round(ratio, 4))}%")
    ledger.check("ratio", item, table=name, code=row.code, field_="value", expected=round(ratio, 4),
                 actual=row.value, tolerance=tol, status=status, message=message,
                 rows=tuple(_stat_ref(ai, k, rows[k], name) for k in (i, j, den)))


def _check_total(ai: int, i: int, rows: list[StatRow], kids: dict[int, list[int]], name: str,
                 ledger: _Ledger, s: ReconcileSettings) -> None:
    row = rows[i]
    unit = _unit_key(row)
    parts_idx = [j for j in kids.get(i, []) if _unit_key(rows[j]) == unit and not is_percent(rows[j])
                 and code_legend(rows[j]) is None]
    parts = [rows[j].value for j in parts_idx]
    if row.value is None or not parts or all(p is None for p in parts):  # the caller passes rows with values
        return
    tol = max(_sum_tolerance(row.value, 0.0, s.relative_tolerance), 1e-6)
    status, expected = _compare_sum(row.value, parts, tol)
    label = row.code or row.indicator[:40]
    blanks = sum(p is None for p in parts)
    ledger.check("total_parts", f"/statistics/{ai}/rows/{i}", table=name, code=row.code, field_="value",
                 expected=expected, actual=row.value, tolerance=tol, status=status,
                 message=f"{label}: total {_vn(row.value)}, its {len(parts)} parts add up to {_vn(expected)}"
                         + (f" ({blanks} blank)" if blanks else ""),
                 rows=tuple(_stat_ref(ai, k, rows[k], name) for k in (i, *parts_idx)))


# --------------------------------------------------------------------------- narrative


def _check_counts(counts: list[Count], ledger: _Ledger) -> None:
    for ci, count in enumerate(counts):
        if count.total is None or not count.parts:
            continue
        parts = [p.value for p in count.parts]
        if all(p is None for p in parts):
            continue
        expected: float | None
        if len(parts) == 1 and parts[0] is not None:  # (it is: not all parts are None)
            # "902 hồ sơ (trong đó có 11 hồ sơ trễ hạn)": one part is a subset, not a breakdown.
            status, expected = ("ok" if parts[0] <= count.total else "mismatch"), parts[0]
        else:
            status, expected = _compare_sum(count.total, parts, 1e-6)
        label = count.label or count.text[:40]
        detail = " + ".join(_vn(p) for p in parts)
        ledger.check("count_parts", f"/counts/{ci}", table=None, code=None, field_="total", expected=expected,
                     actual=count.total, tolerance=0.0, status=status,
                     message=f"{label}: total {_vn(count.total)} {count.unit}, parts {detail} = {_vn(expected)}",
                     rows=(ReviewItem(item=f"/counts/{ci}", field="total", page=count.source.page, raw=count.text[:200],
                                   value=count.total, confidence=count.confidence),))


def _criterion_number(code: str | None) -> tuple[str, int] | None:
    m = re.fullmatch(r"(\d+)\.(\d+)", norm_code(code) or "")
    return (m[1], int(m[2])) if m else None


def group_criteria(statements: list[ScoreStatement]) -> dict[int, list[int]]:
    """Criterion statements of each group statement: by their ``group`` label, else those that
    follow the group statement up to the next group."""
    def label(text: str | None) -> str:
        return (text or "").strip(" )").lower()

    groups: dict[int, list[int]] = {i: [] for i, st in enumerate(statements) if st.kind == "group"}
    for i, st in enumerate(statements):
        if st.kind == "group":
            continue
        above = [g for g in groups if g < i]
        # The nearest group above with the criterion's label (labels can repeat when OCR or
        # repair garbles "b)"), else simply the nearest group above.
        named = [g for g in above if st.group and label(statements[g].code) == label(st.group)]
        if named or above:
            groups[(named or above)[-1]].append(i)
    return groups


def _check_group_statements(statements: list[ScoreStatement], ledger: _Ledger, s: ReconcileSettings) -> None:
    """A group's stated points against its criteria's. Checked only when the group's criteria are
    all listed: their codes share one prefix and run 1..k without a gap, and their maxima add up
    to at least the group's maximum (criteria left out could only make the sum short, so a
    shortfall means an incomplete list, not an error)."""
    for gi, members in group_criteria(statements).items():
        group = statements[gi]
        crit = [statements[i] for i in members]
        if not crit or group.max_points is None:
            continue
        numbers = [n for c in crit if (n := _criterion_number(c.code)) is not None]
        prefixes = {n[0] for n in numbers}
        if (len(numbers) < len(crit) or len(prefixes) != 1
                or sorted(n[1] for n in numbers) != list(range(1, len(crit) + 1))):
            continue
        maxima = [m for c in crit if (m := c.max_points) is not None]
        if len(maxima) < len(crit) or sum(maxima) < group.max_points - s.points_tolerance:
            continue
        label = f"group {group.code or ''}".strip()
        ref = ReviewItem(item=f"/score_statements/{gi}", field=None, code=group.code, page=group.source.page,
                      raw=group.text[:200] or None, confidence=group.confidence)
        for field_, stated, parts in (("max_points", group.max_points, maxima),
                                      ("points", group.points, [c.points for c in crit])):
            if stated is None or any(p is None for p in parts):
                continue
            tol = _sum_tolerance(stated, s.points_tolerance, s.relative_tolerance)
            status, expected = _compare_sum(stated, parts, tol)
            what = "maximum" if field_ == "max_points" else "points"
            first, last = (f"{numbers[0][0]}.{k}" for k in (1, len(crit)))
            codes = f"{first}–{last}"
            ledger.check("group_statement", f"/score_statements/{gi}", table=None, code=group.code, field_=field_,
                         expected=expected, actual=stated, tolerance=tol, status=status,
                         message=f"{label}: states {what} {_vn(stated)}, its criteria {codes} add up to {_vn(expected)}",
                         rows=(ReviewItem(**{**ref.__dict__, "field": field_, "value": stated}),))


def _label_key(text: str) -> str:
    """Wording of a figure for matching: accents, markup, counting words and units dropped."""
    t = _plain(text)
    t = re.sub(r"\b(tong so|tong|so luong|so|la|co|duoc|cua|trong do|ky bao cao)\b", " ", t)
    return re.sub(r"[^a-z ]+", " ", re.sub(r"\s+", " ", t)).strip()


def _check_narrative_against_annexes(result: ExtractionResult, ledger: _Ledger, s: ReconcileSettings) -> None:
    """A narrative count against the annex row reporting the same figure: same unit, a label
    match well above the threshold and clearly ahead of every other row with a value."""
    rows = [(ai, ri, r) for ai, a in enumerate(result.statistics) for ri, r in enumerate(a.rows)
            if r.value is not None and not is_percent(r) and code_legend(r) is None]
    for ci, count in enumerate(result.counts):
        if count.total is None or not count.unit.strip() or not count.label.strip():
            continue
        unit = _plain(count.unit)
        key = _label_key(count.label)
        if not key:
            continue
        scored = sorted(((fuzz.token_set_ratio(key, _label_key(r.indicator)), ai, ri, r)
                         for ai, ri, r in rows if _plain(r.unit) == unit), key=lambda t: -t[0])
        if not scored or scored[0][0] < s.label_match:
            continue
        if len(scored) > 1 and scored[0][0] - scored[1][0] < s.label_margin:
            continue
        score, ai, ri, row = scored[0]
        annex = result.statistics[ai].annex or f"statistics/{ai}"
        ok = row.value is not None and abs(row.value - count.total) < 1e-6  # (rows hold values only)
        ledger.check("narrative_annex", f"/counts/{ci}", table=annex, code=row.code, field_="total",
                     expected=row.value, actual=count.total, tolerance=0.0, status="ok" if ok else "mismatch",
                     message=f"{count.label}: the text says {_vn(count.total)} {count.unit}, {annex} row "
                             f"{row.code} says {_vn(row.value)} (label match {score:.0f})",
                     rows=(ReviewItem(item=f"/counts/{ci}", field="total", page=count.source.page,
                                   raw=count.text[:200] or None, value=count.total, confidence=count.confidence),
                           _stat_ref(ai, ri, row, annex)))


def _text_sources(result: ExtractionResult):
    """(pointer, field, text, page, confidence, table, code) of every free text held in the output."""
    for ti, table in enumerate(result.score_tables):
        for ri, row in enumerate(table.rows):
            yield (f"/score_tables/{ti}/rows/{ri}", "explanation", row.explanation, row.source.page,
                   row.confidence, _table_name(table, ti), row.code)
    for ai, annex in enumerate(result.statistics):
        for ri, stat_row in enumerate(annex.rows):
            yield (f"/statistics/{ai}/rows/{ri}", "note", stat_row.note, stat_row.source.page, stat_row.confidence,
                   annex.annex, stat_row.code)
    for i, st in enumerate(result.score_statements):
        yield f"/score_statements/{i}", "text", st.text or st.reason, st.source.page, st.confidence, None, st.code
    for i, count in enumerate(result.counts):
        yield f"/counts/{i}", "text", count.text, count.source.page, count.confidence, None, None
    for i, target in enumerate(result.targets):
        yield f"/targets/{i}", "text", target.text, target.source.page, target.confidence, None, None


def fraction_percents(text: str, gap: int = 90):
    """Every "a/b ... c%" in a text: (a, b, c, c's decimals, matched text). Dates ("30/12/2022")
    are not fractions; the percent must follow within ``gap`` characters with no number or
    clause break between."""
    pattern = re.compile(r"(?<![\d/.,])(\d{1,7})\s*/\s*(\d{1,7})(?![\d/])" rf"([^\d;\n]{{0,{gap}}}?)"
                         r"(\d{1,3}(?:[.,]\d+)?)\s*%")
    for m in pattern.finditer(text or ""):
        if re.search(r"\.\s+\p{Lu}|:", m[3]) or re.match(r"\s*(điểm|diem)\b", m[3], flags=re.I):
            continue  # a sentence or clause ended in between, or "3/3 điểm" is a score, not a ratio
        before = text[max(0, m.start() - 16):m.start()]
        if re.search(r"\d\s*/\s*\d|\b(ngày|ngay|tháng|thang)\s*$", before, flags=re.I):
            continue  # a list of dates ("ngày 05/4, 05/7, 05/10"), not a ratio
        stated = parse_number(m[4], kind="score")
        if stated is None:
            continue
        yield int(m[1]), int(m[2]), stated.value, _decimals(stated.value, m[4]), m[0].strip()


def _check_text_ratios(result: ExtractionResult, ledger: _Ledger, s: ReconcileSettings) -> None:
    seen = set()
    for item, field_, text, page, conf, table, code in _text_sources(result):
        for num, den, stated, decimals, quote in fraction_percents(text, s.ratio_gap):
            if den == 0 or (quote, page) in seen:
                continue
            seen.add((quote, page))
            tol = 10.0 ** -decimals
            true = 100.0 * num / den
            ref = ReviewItem(item=item, field=field_, table=table, code=code, page=page, raw=quote, value=stated,
                          confidence=conf)
            status = "ok" if _percent_matches(stated, true, decimals) else "mismatch"
            message = f"“{quote}”: {num}/{den} = {_vn(round(true, 4))}%, the text says {_vn(stated)}%"
            if status == "mismatch" and num > den and stated <= 100 + tol and len(str(num)) > 1 \
                    and str(num).startswith("1"):
                # OCR reads a table rule before a figure as "1": "|664/664" → "1664/664".
                alt = int(str(num)[1:])
                if _percent_matches(stated, 100.0 * alt / den, decimals):
                    status, true = "repaired", 100.0 * alt / den
                    message = f"“{quote}”: read {num} as {alt} (a table rule taken for 1): {alt}/{den} = {_vn(stated)}%"
            ledger.check("text_ratio", item, table=table, code=code, field_=field_, expected=round(true, 4),
                         actual=stated, tolerance=tol, status=status, message=message, rows=(ref,))


# --------------------------------------------------------------------------- review queue


def _review_doubtful(result: ExtractionResult, ledger: _Ledger, s: ReconcileSettings) -> None:
    """Rows whose code was inferred, whose value was repaired, or whose confidence is low."""
    def visit(ref: ReviewItem, flags: list[str]) -> None:
        if "code_inferred" in flags:
            ledger.flag(ReviewItem(**{**ref.__dict__, "field": "code", "raw": None, "value": ref.code}),
                        "code inferred from the row's position, not read")
        if ref.confidence is not None and ref.confidence < s.review_below:
            ledger.flag(ref, f"confidence {ref.confidence:.2f} below {s.review_below:.2f}")

    for ti, table in enumerate(result.score_tables):
        name = _table_name(table, ti)
        for ri, row in enumerate(table.rows):
            field_ = "self_points" if row.self_points is not None else "max_points"
            visit(_score_ref(ti, ri, row, field_, name), row.flags)
    for ai, annex in enumerate(result.statistics):
        for ri, stat_row in enumerate(annex.rows):
            visit(_stat_ref(ai, ri, stat_row, annex.annex), stat_row.flags)
    for ti, task_table in enumerate(result.task_tables):
        for ri, task_row in enumerate(task_table.rows):
            visit(ReviewItem(item=f"/task_tables/{ti}/rows/{ri}", field=None, table=task_table.title or None,
                          code=task_row.criterion_code or task_row.code, page=task_row.source.page, raw=None,
                          value=(task_row.task or task_row.activity or task_row.criterion)[:120] or None,
                          confidence=task_row.confidence), task_row.flags)
    narrative: list[tuple[str, list[Any], Callable[[Any], float | None]]] = [
        ("score_statements", result.score_statements, lambda x: x.points),
        ("targets", result.targets, lambda x: x.value),
        ("counts", result.counts, lambda x: x.total)]
    for name, items, value_of in narrative:
        for i, x in enumerate(items):
            visit(ReviewItem(item=f"/{name}/{i}", field=None, code=getattr(x, "code", None), page=x.source.page,
                          raw=(x.text or "")[:200] or None, value=value_of(x), confidence=x.confidence), [])

"""Which counts a percentage row of an annex is the share of: the rows it may divide in every
placement (a parent ratio, a ratio row after its counts, parts over a whole broken down above
it), the counts we did not read beside them, and the pairs to try (``ratios`` checks them)."""

from __future__ import annotations

from collections.abc import Callable

from cchc_extract.reconcile.hierarchy import norm_code
from cchc_extract.reconcile.score_cells import MISSING_FLAG
from cchc_extract.reconcile.settings import ReconcileSettings
from cchc_extract.reconcile.share_told import _v
from cchc_extract.reconcile.stat_rows import _denominator, _unit_key, code_legend, is_percent, same_unit_rows
from normalize.lazy_regex import lazy_compile
from schemas.records import StatRow


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


def _whole_printed_first(
    candidates: list[int], rows: list[StatRow], same_unit: Callable[[int, int], bool]
) -> int | None:
    """The count printed first of three or more, when the others, of its unit, add up to no more
    than it: a whole and its breakdown printed side by side, unworded ("Số TTHC thuộc thẩm quyền
    96", "… toàn trình 41", "… một phần 13", then "Tỷ lệ (%)"), not a chain of counts each within
    the last (received 120, settled 100, on time 90: 190 is over 120, no whole is said). The share
    after them is of a part over that whole, as under a worded one ("Tổng số TTHC"); a share the
    annex prints of counts it does not list is told by its label (``worded_apart``)."""
    if len(candidates) < 3:
        return None
    first = min(candidates)
    others = [j for j in candidates if j != first]
    if not all(same_unit(j, first) for j in others):
        return None
    return first if sum(_v(rows[j]) for j in others) <= _v(rows[first]) else None


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
    if den is None:
        den = _whole_printed_first(candidates, rows, same_unit)
    if den is not None:
        return [(j, den) for j in candidates if j != den and same_unit(j, den)], True
    if len(candidates) == 2:
        a, b = candidates
        small, large = (a, b) if _v(rows[a]) <= _v(rows[b]) else (b, a)
        return ([(small, large)] if same_unit(a, b) else []), True
    return [
        (a, b) for a in candidates for b in candidates if a != b and _v(rows[a]) <= _v(rows[b]) and same_unit(a, b)
    ], False

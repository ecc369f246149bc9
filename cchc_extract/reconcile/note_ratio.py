"""The share an annex row's note states ("đạt 99,25 %") against the counts it is of: one
relation of its own, apart from the percentage rows of ``ratios``."""

from __future__ import annotations

from cchc_extract.reconcile.core import _decimals, _Ledger, _percent_matches, _vn
from cchc_extract.reconcile.period_change import comparison_parts
from cchc_extract.reconcile.ratio_pairs import _usable
from cchc_extract.reconcile.settings import ReconcileSettings
from cchc_extract.reconcile.share_told import _v
from cchc_extract.reconcile.stat_rows import _denominator, _stat_ref, same_unit_rows
from normalize.lazy_regex import lazy_compile
from normalize.numbers import parse_number
from normalize.text import fold
from schemas.records import StatRow

_NOTE_PERCENT = lazy_compile(r"(?<![\d/.,])(\d{1,3}(?:[.,]\d+)?)\s?%")


def check_note_ratio(
    ai: int, i: int, rows: list[StatRow], parents: list[int | None], name: str, ledger: _Ledger, s: ReconcileSettings
) -> None:
    """A count row whose note states its share ("đạt 99,25 %"): against its parent when that is a
    count in the same unit, else against the sibling above worded as the whole ("Tổng số ..."); a
    share over 100% is no part's of its whole and is not checked, and one naming a base of its own
    (the plan) that the whole's counts do not make is skipped, not a mismatch."""
    row = rows[i]
    note = comparison_parts(row.note)[1]  # the change on last year's figure is no share
    if not note or row.value is None or not _usable(row) or "/" in note:
        return  # "a/b = c%" in a note is a text ratio
    stated = list(_NOTE_PERCENT.finditer(note))
    if len(stated) != 1:
        return
    p = parents[i]
    whole = p if p is not None and _usable(rows[p]) and same_unit_rows(rows[p], row) else None
    if whole is None:
        above = [
            j
            for j in range(i - 1, max(-1, i - 1 - s.ratio_siblings), -1)
            if parents[j] == p and _usable(rows[j]) and same_unit_rows(rows[j], row)
        ]
        whole = _denominator([(j, rows[j]) for j in above])
    if whole is None or not rows[whole].value or _share_of_other(note, rows[whole], s):
        return
    parsed = parse_number(stated[0][1], kind="score")
    if parsed is None or parsed.value > 100.0:
        return  # a part is no more than its whole: "đạt 110%" is of a plan or a year, not of the whole
    decimals = _decimals(parsed.value, stated[0][1])
    ratio = 100.0 * _v(row) / _v(rows[whole])
    ok = _percent_matches(parsed.value, ratio, decimals)
    label = row.code or row.indicator[:40]
    status, why = ("ok" if ok else "mismatch"), ""
    if not ok and _names_base(note, s):
        # "Đạt 95% kế hoạch" under "Số nhiệm vụ trong Kế hoạch": the whole counts the plan's items,
        # the note may be of the row's own target, which the table does not print (seed 21001's
        # "chưa hoàn thành 0 … Đạt 95% kế hoạch" of 18 tasks); held, it is the whole's share.
        status, why = "skipped", "; its note names a base of its own (the plan, the target), maybe not this whole"
    ledger.check(
        "ratio",
        f"/statistics/{ai}/rows/{i}",
        table=name,
        code=row.code,
        field_="note",
        expected=round(ratio, 4),
        actual=parsed.value,
        tolerance=10.0**-decimals,
        status=status,
        message=f"{label}: its note says {_vn(parsed.value)}%, {_vn(row.value)}/{_vn(rows[whole].value)} "
        f"({rows[whole].code or 'the whole'}) = {_vn(round(ratio, 4))}%{why}",
        rows=(_stat_ref(ai, i, row, name), _stat_ref(ai, whole, rows[whole], name)),
    )


def _names_base(note: str, s: ReconcileSettings) -> bool:
    """Whether a note's per cent names what it is of ("kế hoạch", "chỉ tiêu", "cùng kỳ")."""
    said = fold(note)
    return any(word in said for word in s.note_share_of_other)


def _share_of_other(note: str, whole: StatRow, s: ReconcileSettings) -> bool:
    """Whether the note's per cent is of something it names that the whole's indicator does not
    ("Đạt 95% kế hoạch" under "Tổng số hồ sơ"): the plan's, the target's or last year's share, which
    the counts cannot check (read as the count's share, it was a false mismatch)."""
    said, of = fold(note), fold(whole.indicator)
    return any(word in said and word not in of for word in s.note_share_of_other)

"""Statistics figures OCR misread, chosen back by the annex's own sums.

An annex states each count more than once: a group's whole ("Số hồ sơ TTHC đã giải quyết 401")
and its parts, the rows under it in the same unit (1.1, 1.2 …, or the a), b), c) of "trong đó").
On an OCR'd annex a figure whose characters OCR changed breaks that sum: a digit confused with one
of like shape ("38" for 33), a digit doubled or lost, a ruling line beside the cell read as one
more digit ("23" for 3). When exactly one other reading of one member's characters restores its
group's sum, and breaks no sum the figure as read kept, that reading is taken: the characters stay
in ``value_raw``, the figure as read is kept as the alternative in its review entry, and an
``ocr_reading`` check says ``repaired`` (the row stays in the review queue). Two readings that
would each do leave the figures as read (the ``total_parts`` and ``ratio`` checks then say
``misread`` where they reach). Typed annexes print what they print: nothing is chosen there.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from cchc_extract.reconcile.core import _Ledger, _vn
from cchc_extract.reconcile.hierarchy import children_of, parent_indices
from cchc_extract.reconcile.misread import other_readings
from cchc_extract.reconcile.settings import ReconcileSettings
from cchc_extract.reconcile.stat_rows import (
    _stat_ref,
    _unit_key,
    code_legend,
    is_percent,
    lost_with_unit,
    same_unit_rows,
)
from normalize.numbers import format_vn, parse_number
from schemas.records import StatAnnex, StatRow

# A row whose figure was taken from another reading of its characters.
REPAIRED_VALUE = "repaired_value"
# Counts are whole numbers: a sum of them holds exactly.
_EPS = 1e-6


@dataclass(frozen=True)
class Group:
    """A count and the rows under it in its unit: the whole is the sum of the parts."""

    whole: int
    parts: tuple[int, ...]


def count_groups(rows: list[StatRow]) -> list[Group]:
    """Each count row with two or more rows under it in its own unit (no percentage, no coded
    answer): its breakdown. A row under it whose figure and unit OCR lost together is one of its
    parts, blank (``lost_with_unit``): a group with it has a figure lost, and no reading of the
    others is chosen by a sum that cannot be made without it (two dumps: "3.3 Số TTHC chỉ
    cung cấp thông tin" lost "1 Thủ tục", and 55 of 3.1 was taken for 56 to make 97)."""
    kids = children_of(parent_indices(rows))
    groups = []
    for i, row in enumerate(rows):
        if not _countable(row):
            continue
        parts = tuple(
            j
            for j in kids.get(i, [])
            if (_countable(rows[j]) and same_unit_rows(rows[j], row)) or _lost_part(rows[j], kids.get(j, []))
        )
        if len(parts) >= 2:
            groups.append(Group(i, parts))
    return groups


def _countable(row: StatRow) -> bool:
    return bool(_unit_key(row)) and not is_percent(row) and code_legend(row) is None


def _lost_part(row: StatRow, kids: list[int]) -> bool:
    """A row with no rows under it whose figure and unit OCR lost together (no percentage's)."""
    return lost_with_unit(row) and not kids and not is_percent(row) and code_legend(row) is None


def _held(groups: list[Group], values: list[float | None]) -> set[int]:
    """The groups whose parts, all read, add up to their whole."""
    out = set()
    for g, group in enumerate(groups):
        whole, parts = values[group.whole], [values[j] for j in group.parts]
        if whole is not None and all(p is not None for p in parts) and abs(whole - sum(parts)) < _EPS:  # type: ignore[arg-type]
            out.add(g)
    return out


def _from_letters(raw: str | None) -> bool:
    """Whether a figure was read from characters none of which is a digit (OCR's "ii", "lI")."""
    return bool(raw and raw.strip() and not any(ch.isdigit() for ch in raw))


def rule_readings(raw: str | None) -> list[float]:
    """A whole number with its first or last digit dropped: a ruling line beside the cell read as
    one more digit ("|3" → "23")."""
    text = (raw or "").strip()
    if not text.isdigit() or len(text) < 2:
        return []
    return sorted({float(int(t)) for t in (text[1:], text[:-1]) if t})


def readings(row: StatRow, s: ReconcileSettings) -> tuple[float, ...]:
    """The other values a count's characters could mean on an OCR'd page."""
    found = list(other_readings(row.value_raw, row.value, s, ocr=True, kind="count"))
    found += [r for r in rule_readings(row.value_raw) if r != row.value and r not in found]
    return tuple(found)


def repair_stat_readings(ai: int, annex: StatAnnex, ledger: _Ledger, s: ReconcileSettings) -> None:
    """Take the one other reading of an OCR'd count that restores its group's sum (see the module's
    note). Call on OCR'd annexes only, before their checks."""
    rows = annex.rows
    name = annex.annex or annex.title or f"statistics/{ai}"
    for k, row in enumerate(rows):
        if REPAIRED_VALUE in row.flags:  # repaired on an earlier run: say so again, change nothing
            parsed = parse_number(row.value_raw, kind="count")
            _record(ledger, ai, k, row, name, parsed.value if parsed else None)
    groups = count_groups(rows)
    if not groups:
        return
    values = [r.value for r in rows]
    held = _held(groups, values)
    for g, group in enumerate(groups):
        if g in held:
            continue
        members = (group.whole, *group.parts)
        if any(values[k] is None for k in members):
            continue  # a lost figure is told (``stat_unread.lost_figures``), not guessed
        if any(_from_letters(rows[k].value_raw) for k in members):
            continue  # a figure read from letters alone ("ii" for 11) vouches for no other reading
        found: list[tuple[int, float]] = []
        for k in members:
            for reading in readings(rows[k], s):
                trial = list(values)
                trial[k] = reading
                after = _held(groups, trial)
                if g in after and held <= after:
                    found.append((k, reading))
        if len(found) != 1:
            continue
        k, reading = found[0]
        row = rows[k]
        old = row.value
        if not row.value_raw:
            row.value_raw = format_vn(old or 0.0, 4)
        row.value = reading
        row.flags.append(REPAIRED_VALUE)
        values[k] = reading
        held = _held(groups, values)
        _record(ledger, ai, k, row, name, old)


def _record(ledger: _Ledger, ai: int, k: int, row: StatRow, name: str, old: float | None) -> None:
    record_repaired(
        ledger,
        ai,
        k,
        row,
        name,
        old,
        f"{row.code or row.indicator[:40]}: figure read as {row.value_raw!r} breaks its group's sum; "
        f"the reading {_vn(row.value)} restores it",
    )


def record_repaired(ledger: _Ledger, ai: int, k: int, row: StatRow, name: str, old: float | None, message: str) -> None:
    """The ``repaired`` check of a figure taken from another reading; the figure as read is its
    review entry's alternative."""
    ledger.check(
        "ocr_reading",
        f"/statistics/{ai}/rows/{k}",
        table=name,
        code=row.code,
        field_="value",
        expected=row.value,
        actual=old,
        tolerance=None,
        status="repaired",
        message=message,
        rows=(replace(_stat_ref(ai, k, row, name), alternatives=[old] if old is not None else []),),
    )

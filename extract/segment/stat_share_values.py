"""A count's share of its whole read for the count: an annex printing each item's share of the
group's whole beside its count ("STT | Nội dung | ĐVT | Số liệu | Tỷ lệ so với tổng số (%)": "6.1 |
Giải quyết trước hạn | Hồ sơ | 462 | 71,63" under "6 | Số hồ sơ đã giải quyết | Hồ sơ | 645").

OCR of such a page loses a count's cell (its digits smeared: "Thủ tục oe 2,78") or the bar
between the unit and the count ("Hồ sơ 462 | 71,63": the count run into the unit's cell), and the
line cutter then takes the share, the row's only figure left, for the count. A count is a whole
number; a fraction read in its place is the share when the whole's figure makes it one: some whole
number of items over the whole is that fraction, to the decimals printed (462 / 645 = 71,63 %;
3 / 108 = 2,78 %). The annex's own arithmetic says so, not the column's place in the line:

- the count is the unit cell's trailing figure where it is that whole number (read: OCR printed
  it, in the wrong cell), the unit cell's words its unit;
- otherwise the whole number the share gives (the count not printed legibly: derived, its cell's
  characters, the share's, kept in ``value_raw``).

Either way the share goes to the row's note, the row is flagged and its confidence held doubted:
a reading chosen by arithmetic is reviewed, never taken silently. A fraction the whole does not
make a share of stays as read (``fractional_count``, weighed by the checks)."""

from __future__ import annotations

from dataclasses import dataclass, replace

from extract.segment.stat_headings import worded_as_share
from extract.segment.stat_values import FRACTIONAL_COUNT, parse_stat_value
from schemas.records import StatRow

# The flag of a count read from its share of the whole (see the module's note).
COUNT_FROM_SHARE_FLAG = "count_from_share"


@dataclass(frozen=True)
class ShareValueSettings:
    # Decimals a share is printed with, at most ("71,63"): a fraction with more is no share.
    max_decimals: int = 2
    # The confidence a count chosen by the share's arithmetic is held at, at most: below the
    # review threshold, so a person confirms it.
    doubted_confidence: float = 0.5


def _decimals(raw: str) -> int:
    """Digits printed after the decimal mark of a figure's characters ("71,63" → 2, "462" → 0)."""
    text = raw.strip().rstrip("%").strip()
    for mark in (",", "."):
        if mark in text:
            return len(text) - text.rindex(mark) - 1
    return 0


def _count_of_share(share: float, decimals: int, whole: float) -> int | None:
    """The whole number of items that over ``whole`` is ``share`` per cent to ``decimals``
    decimals, or None where none is."""
    count = round(share * whole / 100.0)
    if not 0 <= count <= whole:
        return None
    return count if abs(100.0 * count / whole - share) <= 0.5 * 10.0**-decimals + 1e-9 else None


def _whole(row: StatRow, rows: list[StatRow], at: int) -> float | None:
    """The count of the group a row is a part of: its parent's figure, read as a whole number in
    a unit that counts (not a share, not itself a fraction)."""
    if not row.parent:
        return None
    parent = next((r for r in reversed(rows[:at]) if r.code == row.parent), None)
    if parent is None or parent.value is None or parent.value <= 0 or parent.value != int(parent.value):
        return None
    if "%" in parent.unit or FRACTIONAL_COUNT in parent.flags or worded_as_share(parent.indicator):
        return None
    return parent.value


def _unit_count(unit: str, count: int) -> tuple[str, str] | None:
    """(unit, figure) of a unit cell that ends in the count itself ("Hồ sơ 462"), or None."""
    words = unit.split()
    if len(words) < 2:
        return None
    value = parse_stat_value(words[-1], "", ocr=True)[0]
    return (" ".join(words[:-1]), words[-1]) if value == count else None


def _as_count(row: StatRow, whole: float, settings: ShareValueSettings) -> StatRow | None:
    decimals = _decimals(row.value_raw)
    if row.value is None or not 0 < decimals <= settings.max_decimals:
        return None
    count = _count_of_share(row.value, decimals, whole)
    if count is None:
        return None
    share = row.value_raw.strip()
    note = " ".join(p for p in (f"{share}%" if not share.endswith("%") else share, row.note) if p)
    confidence = min(row.confidence, settings.doubted_confidence)
    flags = [f for f in row.flags if f not in (FRACTIONAL_COUNT, "ambiguous_separator")] + [COUNT_FROM_SHARE_FLAG]
    placed = _unit_count(row.unit, count)
    if placed is not None:  # (the count read, in the unit's cell: its bar lost)
        row = replace(row, unit=placed[0], value_raw=placed[1])
    return replace(row, value=float(count), note=note, flags=flags, confidence=confidence)


def shares_as_counts(rows: list[StatRow], settings: ShareValueSettings = ShareValueSettings()) -> list[StatRow]:
    """An OCR'd annex's rows with each count read as a fraction that is its share of its group's
    whole read as that count (see the module's note); the other rows as they are."""
    out = list(rows)
    for i, row in enumerate(rows):
        if FRACTIONAL_COUNT not in row.flags or worded_as_share(row.indicator):
            continue
        whole = _whole(row, out, i)
        counted = _as_count(row, whole, settings) if whole is not None else None
        if counted is not None:
            out[i] = counted
    return out

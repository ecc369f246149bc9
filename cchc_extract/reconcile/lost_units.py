"""An OCR'd group whose unit cells were lost: what its arithmetic still says.

A text dump of a scanned annex often loses a row's unit cell, or glues it into the indicator
("Số hồ sơ TTHC đã giải quyết ; Hoso" over "Giải quyết đúng hạn : Hoso"): the row keeps its figure
but prints no unit, or one OCR garbled past reading ("Nhiémvu" over "(NRQmvy"). The units then
cannot tell whether a group's parts count what it counts, so its sum was neither weighed nor
believed, and each of its figures went to review on its dump's reading confidence alone: right
figures the arithmetic of the page vouches for (seed 2301's "314" over "251", "63" and "0": four
entries on four right values).

When the parts, two or more and every one read, make the group's figure exactly, and every figure
is a whole number (counts are; a share's decimals are not), the sum holds whatever the lost units
were: misread figures seldom add up to another printed one. Such a group is confirmed, as a group
of one read unit is (``annex._confirm_group``). When the sum fails nothing is told: without units
the parts may count something else, and no fault of the commune's is made out of a lost cell.
"""

from __future__ import annotations

from cchc_extract.reconcile.stat_rows import is_count
from schemas.records import StatRow


def units_lost(row: StatRow, parts: list[StatRow]) -> bool:
    """Whether an OCR'd group's unit or one of its parts' was lost (blank or garbled), so that its units
    cannot say whether the parts count what it counts; its figures all whole numbers, the group's
    above 0 (0 over blank parts of 0 is no evidence of a reading)."""
    if len(parts) < 2 or row.value is None or row.value <= 0:
        return False
    values = [row.value, *(p.value for p in parts)]
    if any(v is None or not float(v).is_integer() for v in values):
        return False
    # (a unit OCR garbled past reading, "Nhiémvu" beside "(NRQmvy", says no more than a blank one)
    return any(not r.unit.strip() or not is_count(r) for r in (row, *parts))

"""A figure printed over its whole with its share, in one value cell: "259/282 hồ sơ (91,84%)",
"259/282 hồ sơ, chiếm 91,84%", "259/282 (91,84%)".

Reports print a breakdown item this way beside the numbered total it belongs to ("3. Tổng số hồ sơ
… | 282 hồ sơ" over "- Số hồ sơ tiếp nhận trực tuyến | 259/282 hồ sơ (91,84%)"). The item's own
figure is the part, the first number: the whole is the total's figure, printed again, and the share
is the part over the whole. Neither is dropped: both go to the row's note ("trên tổng số 282;
91,84%"). A share that the part over the whole does not give (beyond its rounding) says one of the
three figures is misprinted or misread: the cell is read all the same and marked doubtful, to be
reviewed, never taken silently.

"1/2" alone (no unit, no share) is no part over a whole here: a date, a ratio or a code may print
so, and a cell needs its unit or its share to say it counts."""

from __future__ import annotations

from dataclasses import dataclass

import regex as re

from normalize.lazy_regex import lazy_compile
from normalize.numbers import parse_number


@dataclass(frozen=True)
class PartWholeSettings:
    # Percentage points the printed share may stand from the part over the whole: its rounding to
    # two decimals, and a report's habit of one decimal or none.
    share_tolerance: float = 0.51
    # Words a unit printed after the whole may have ("hồ sơ", "thủ tục hành chính").
    unit_words: int = 4


# "<part>/<whole> [unit words][, chiếm | (] <share>% [)]": the unit letters only, the share after a
# bracket, a comma, "chiếm", "đạt", "bằng" or "tỷ lệ".
_PART_WHOLE = lazy_compile(
    r"^\s*(?P<part>\d[\d.]*)\s*/\s*(?P<whole>\d[\d.]*)\s*(?P<unit>[\p{L} ]*?)\s*"
    r"(?:(?:\(|,|;|-|–)?\s*(?:(?:chiếm|đạt|bằng|tỷ lệ|tỉ lệ)\s*)?(?P<share>\d+(?:[.,]\d+)?)\s*%\s*\)?)?\s*\.?\s*$",
    re.I,
)


@dataclass(frozen=True)
class PartOverWhole:
    part: str  # as printed
    unit: str  # the words after the whole ("hồ sơ"), "" when none
    whole: str  # as printed
    share: str | None  # as printed, its "%" kept
    doubtful: bool  # the share is not the part over the whole

    @property
    def note(self) -> str:
        """What the cell printed besides the part, for the row's note ("trên tổng số 282; 91,84%")."""
        return f"trên tổng số {self.whole}" + (f"; {self.share}" if self.share else "")


def part_over_whole(raw: str, settings: PartWholeSettings = PartWholeSettings()) -> PartOverWhole | None:
    """The cell read as a part over its whole, or None when it does not print one (a unit or a
    share needed, the part no larger than the whole)."""
    m = _PART_WHOLE.match(raw or "")
    if m is None:
        return None
    unit = " ".join(m.group("unit").split())
    share_text = m.group("share")
    if (not unit and share_text is None) or len(unit.split()) > settings.unit_words:
        return None
    part_read = parse_number(m.group("part"), kind="count")
    whole_read = parse_number(m.group("whole"), kind="count")
    if part_read is None or whole_read is None or not 0 <= part_read.value <= whole_read.value or not whole_read.value:
        return None
    share = parse_number(share_text, kind="score") if share_text else None
    computed = 100.0 * part_read.value / whole_read.value
    doubtful = share is not None and abs(computed - share.value) > settings.share_tolerance
    printed_share = f"{share_text}%" if share_text else None
    return PartOverWhole(m.group("part"), unit, m.group("whole"), printed_share, doubtful)

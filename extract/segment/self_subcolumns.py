"""Self points split in sub-columns under a merged "Điểm tự chấm" heading: "Tổng số | Trong đó: điểm
thưởng" (the bonus a part of the points beside it) or the parts first and their sum last, "Điểm
đạt | Điểm thưởng | Cộng", "Điểm theo tiêu chí | Điểm cộng | Tổng". The self points are the sum's
column, the one whose own label names a total; the parts are how it was made up, read as context
(never the self points, never an appraisal: "Điểm cộng" was taken for the appraised points and
"Điểm đạt", the first, for the self points, the bonus left out of every sum).

Without one sub-column naming the total the mapping stands as ``map_columns`` made it."""

from __future__ import annotations

from dataclasses import dataclass

from extract.segment.header_groups import group_of
from extract.segment.joined import JoinedTable
from extract.segment.score_grid_drafts import TOTAL_ROW
from normalize.text import fold


@dataclass(frozen=True)
class SelfColumns:
    columns: dict[str, int]
    context: frozenset[int] = frozenset()  # the parts beside the sum: read as context


def _names_total(label: str) -> bool:
    return TOTAL_ROW.match(" ".join(fold(label).replace(":", " ").split())) is not None


def self_total_column(joined: JoinedTable, columns: dict[str, int]) -> SelfColumns:
    """The columns with the self points moved to their sum's sub-column, the other sub-columns under
    the same heading no field's."""
    self_col = columns.get("self")
    if self_col is None or len(joined.header) < 2:
        return SelfColumns(columns)
    group = group_of(joined, self_col)
    last = joined.header[-1]
    totals = [c for c in group if c < len(last) and _names_total(last[c])]
    if len(group) < 2 or len(totals) != 1:
        return SelfColumns(columns)
    moved = {key: col for key, col in columns.items() if col not in group}
    moved["self"] = totals[0]
    return SelfColumns(moved, frozenset(c for c in group if c != totals[0]))

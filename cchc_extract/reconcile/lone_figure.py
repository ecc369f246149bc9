"""A score row's one figure read beside its lost self score: which column it stands in is a guess.

An OCR'd line that kept one figure of its two ("1.1.1 | Ban hành kế hoạch … 0,75 | Quyết định …",
the maximum 1 lost) is read with that figure as the maximum and the self score lost. The self
score is queued as lost; the figure was not, at the row's own confidence, yet it may be the self
score the line printed. Two signs say so: the criteria set disputes it as the maximum, or it is
written in quarters (x,25 / x,75), as scores are and maxima are not (every maximum of the
corpus's sets and of the province sets in ``normalize/criteria`` is whole or a half; seed 5191
d15-i3's 1.1.1 and 3.2.3: "0,75" read as the maximum where 1 and 1,5 were printed, 0.82, silent).
A third sign is arithmetic: the maxima of the figure's part add up short of the part's own
(``short_of_parent``). A self score read as the maximum is never more than the maximum printed, so
it leaves the part's sum short, never over (seed 7191's dumps: 3.4's "3" and 8.2's "0", the self
scores of maxima 4 and 5, read as maxima at 0.82 in parts whose maxima fell short, silent; the
lone maxima in parts whose children add up over their own figure were right).
``reconcile.confidence`` then holds the figure's row confidence down to an unsure cell's.
"""

from __future__ import annotations

from dataclasses import dataclass

from schemas.records import MISSING_FLAG, Check, ScoreRow

# The statuses of a sum that does not hold as read (``schemas.records.Check``).
FAILED_STATUSES = ("mismatch", "misread")


@dataclass(frozen=True)
class LoneFigureSettings:
    # The fractions a maximum is printed with (of a point): a lone figure with another one is
    # more likely a score. Halves are maxima too ("1,5 điểm").
    maximum_fractions: tuple[float, ...] = (0.0, 0.5)
    tolerance: float = 0.011


def lone_figure_unsure(
    row: ScoreRow, disputed: bool, s: LoneFigureSettings = LoneFigureSettings(), short: bool = False
) -> bool:
    """Whether a row's maximum is the one figure its line kept beside a lost self score, and the
    set disputes it, or it is written as a score is (in quarters), or its part's maxima fall
    short of the part's (``short``: ``short_of_parent``)."""
    if MISSING_FLAG["self_points"] not in row.flags or row.max_points is None:
        return False
    fraction = row.max_points % 1
    # A maximum of 0 scores nothing: a lone "0" is the score the line printed (seed 11161's dump:
    # 2.1's self 0 read as its maximum, its maximum 3 lost, at 0.82 out of the queue).
    as_a_score = row.max_points < s.tolerance or not any(abs(fraction - f) < s.tolerance for f in s.maximum_fractions)
    return disputed or as_a_score or short


def short_of_parent(checks: list[Check], parent_pointer: str | None) -> bool:
    """Whether the sum of the maxima under the part at ``parent_pointer`` failed short: its
    children's maxima add up to less than the part states (a figure of theirs read in the wrong
    column, a self score for the maximum, would do that)."""
    if parent_pointer is None:
        return False
    wanted = f"sum_children:{parent_pointer}:max_points"
    return any(
        c.id == wanted
        and c.status in FAILED_STATUSES
        and isinstance(c.expected, (int, float))
        and isinstance(c.actual, (int, float))
        and c.expected < c.actual - (c.tolerance or 0.0)
        for c in checks
    )

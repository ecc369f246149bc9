"""A score row's one figure read beside its lost self score: which column it stands in is a guess.

An OCR'd line that kept one figure of its two ("1.1.1 | Ban hành kế hoạch … 0,75 | Quyết định …",
the maximum 1 lost) is read with that figure as the maximum and the self score lost. The self
score is queued as lost; the figure was not, at the row's own confidence, yet it may be the self
score the line printed. Two signs say so: the criteria set disputes it as the maximum, or it is
written in quarters (x,25 / x,75), as scores are and maxima are not (every maximum of the
corpus's sets and of the province sets in ``normalize/criteria`` is whole or a half; seed 5191
d15-i3's 1.1.1 and 3.2.3: "0,75" read as the maximum where 1 and 1,5 were printed, 0.82, silent).
``reconcile.confidence`` then holds the figure's row confidence down to an unsure cell's.
"""

from __future__ import annotations

from dataclasses import dataclass

from schemas.records import MISSING_FLAG, ScoreRow


@dataclass(frozen=True)
class LoneFigureSettings:
    # The fractions a maximum is printed with (of a point): a lone figure with another one is
    # more likely a score. Halves are maxima too ("1,5 điểm").
    maximum_fractions: tuple[float, ...] = (0.0, 0.5)
    tolerance: float = 0.011


def lone_figure_unsure(row: ScoreRow, disputed: bool, s: LoneFigureSettings = LoneFigureSettings()) -> bool:
    """Whether a row's maximum is the one figure its line kept beside a lost self score, and the
    set disputes it or it is written as a score is (in quarters)."""
    if MISSING_FLAG["self_points"] not in row.flags or row.max_points is None:
        return False
    fraction = row.max_points % 1
    as_a_score = not any(abs(fraction - f) < s.tolerance for f in s.maximum_fractions)
    return disputed or as_a_score

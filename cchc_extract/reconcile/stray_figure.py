"""A score row of OCR'd text whose explanation is one lone points figure that is not the row's
share: its line printed one figure more than the columns the segmenter placed, so which of the
figures is the self score is our placing, not the page's. A dump's line keeps no column positions:
"1 1,5" read as a self score 1 beside an explanation "1,5" may be the maximum and the score, and
"2 1 20" a score "2,0" whose mark OCR lost, the 1 another cell's (seed 19001's dumps: two such self
scores wrong, at 0.922, out of the queue).

A figure that is the share the row's score makes of its maximum ("95,5" beside 10,5 of 11; "948"
beside 13,75 of 14,5, its mark lost) is the table's share column read as explanation: it vouches
for the score rather than doubting it."""

from __future__ import annotations

from cchc_extract.reconcile.core import _decimals, _percent_matches
from cchc_extract.reconcile.score_cells import explanation_points
from cchc_extract.reconcile.share_readings import lost_mark_readings
from schemas.records import ScoreRow


def stray_figure(row: ScoreRow) -> bool:
    """Whether a scored row's explanation is a lone points figure that is not the share its self
    score makes of its maximum (as printed, or with a decimal mark OCR lost put back)."""
    figure = explanation_points(row)
    if figure is None or row.self_points is None:
        return False
    if not row.max_points:
        return True
    share = 100.0 * row.self_points / row.max_points
    text = (row.explanation or "").strip()
    readings = [(figure, _decimals(figure, text)), *lost_mark_readings(text)]
    return not any(_percent_matches(value, share, decimals) for value, decimals in readings)

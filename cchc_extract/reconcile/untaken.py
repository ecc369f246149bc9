"""Self points of a table whose grid holds a points column no field took: told, not trusted.

The segmenter flags such rows (``extract.segment.untaken_columns``: a column beside the taken ones
printing points on most rows, none signed, none above its row's maximum, not the gap between two
points columns). The self points read then came from one of two candidate columns, or from none,
by the header's words alone, and nothing in the row's own evidence doubts them: a number cleanly
printed, its sums holding (a wrong year's column adds up as well as the right one's). So the
calibrated confidence, which weighs that evidence, says 0.90–1.0 of values mostly wrong
(lead-nd2501's two-year tables: 15% right at 0.902). The value's confidence is held at
``UntakenDoubtSettings.confidence`` and it goes to the review queue naming the columns, one entry per
row's self points: the person reads which column the score is in.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from cchc_extract.reconcile.core import _Ledger
from cchc_extract.reconcile.score_refs import _score_ref, _table_name
from extract.segment.untaken_columns import untaken_labels
from schemas.records import ExtractionResult

SELF = "self_points"


@dataclass(frozen=True)
class UntakenDoubtSettings:
    # Confidence of a self score read beside a points column no field took: on the two-year
    # tables of lead-nd2501 (the layout this was measured on, before any rule for it) a quarter
    # of such values were right (those where both columns print the same figure).
    confidence: float = 0.3


def untaken_reason(labels: list[str]) -> str:
    named = ", ".join(f"'{label}'" for label in labels)
    return (
        f"the table prints points in column {named}, which no field took: the self points may be read "
        "from the wrong column, or not read"
    )


def tell_untaken(
    result: ExtractionResult, ledger: _Ledger, settings: UntakenDoubtSettings = UntakenDoubtSettings()
) -> None:
    """Hold the self points of each flagged row (one printing a figure) at the settings'
    confidence and queue them with the columns named."""
    for ti, table in enumerate(result.score_tables):
        name = _table_name(table, ti)
        for ri, row in enumerate(table.rows):
            labels = untaken_labels(row.flags)
            if not labels or (row.max_points is None and row.self_points is None):
                continue  # (a heading's blanks: no score there to take from any column)
            held = min(row.value_confidence.get(SELF, row.confidence), settings.confidence)
            row.value_confidence[SELF] = round(held, 3)
            ledger.flag(replace(_score_ref(ti, ri, row, SELF, name), confidence=held), untaken_reason(labels))

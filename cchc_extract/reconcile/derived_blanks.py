"""Blank sub-criteria under a score the sums derived: the derived whole says they hold it.

The checks run before lost cells are derived (``derived``), so a group whose own score OCR lost
has no sum of its own to fall short: its sub-criteria read blank look like the document's blanks
at their row's confidence. Once the sums give the group's score (its siblings and parent, or the
table's total), a blank part under a score above what its read parts add up to is where the rest
must be — lost as ``short_sums`` finds under a score read. Each such blank is weighed as a lost
cell (the ``missing`` evidence, nothing else known of it) and queued under that confidence.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from cchc_extract.reconcile.confidence_model import FEATURES, ConfidenceSettings, logit, probability
from cchc_extract.reconcile.hierarchy import children_of, resolve_parents
from cchc_extract.reconcile.misread import ocr_read
from cchc_extract.reconcile.queue import value_threshold
from cchc_extract.reconcile.score_cells import cell_confidence
from cchc_extract.reconcile.score_refs import _score_ref, _table_name
from cchc_extract.reconcile.settings import LOW_CONFIDENCE_REASON, ReconcileSettings
from cchc_extract.reconcile.short_sums import blank_cells
from schemas.records import ExtractionResult

if TYPE_CHECKING:
    from cchc_extract.reconcile.derived import Derivation

_SCORE_FIELDS = ("self_points", "appraised_points")


def queue_blanks_under_derived(
    result: ExtractionResult, done: list[Derivation], s: ReconcileSettings = ReconcileSettings()
) -> list[Derivation]:
    """Doubt and queue the blank parts of each score ``done`` derived that its read parts fall
    short of (OCR'd text only: a typed grid's blank is printed blank); ``done`` returned."""
    if not ocr_read(result):
        return done
    queued = {(r.item, r.field) for r in result.review}
    for d in done:
        if d.field not in _SCORE_FIELDS or d.value <= s.points_tolerance:
            continue
        table = result.score_tables[d.table]
        rows = table.rows
        kids = children_of(resolve_parents(rows)[0])
        children = kids.get(d.row, [])
        blanks = [k for c in children for k in blank_cells(rows, kids, c, d.field)]
        read = [getattr(rows[c], d.field) for c in children if c not in blanks]
        if not blanks or any(v is None for v in read) or sum(read) + s.points_tolerance >= d.value:
            continue
        name = _table_name(table, d.table)
        for k in blanks:
            row = rows[k]
            p = lost_cell_confidence(cell_confidence(row, d.field, s.confidence), s.confidence)
            row.value_confidence[d.field] = min(row.value_confidence.get(d.field, p), p)
            below = value_threshold(s)
            ref = replace(_score_ref(d.table, k, row, d.field, name), confidence=row.value_confidence[d.field])
            if (ref.item, ref.field) in queued or (ref.item, None) in queued or ref.confidence is None:
                continue
            if ref.confidence < below:
                queued.add((ref.item, ref.field))
                result.review.append(
                    replace(ref, reason=f"{LOW_CONFIDENCE_REASON}{ref.confidence:.2f} below {below:.2f}")
                )
    return done


def lost_cell_confidence(row_confidence: float, s: ConfidenceSettings) -> float:
    """The model's confidence in a cell lost (``missing``) and known by nothing else, read in a
    row of ``row_confidence``: what ``confidence`` gives such a blank once it is known lost."""
    features = dict.fromkeys(FEATURES, 0.0) | {"row": logit(row_confidence, s.clip), "missing": 1.0}
    return round(probability(features, s), 3)

"""Reconciliation: every arithmetic relation a document implies, checked.

A converted document states the same quantities more than once: a parent criterion's points and
its children's, a percentage and the two counts it is the ratio of, a narrative count and the
annex row that reports it. Each relation becomes a ``Check`` (kind, expected, actual, tolerance,
status); every row caught in a failed relation, every repaired or inferred value and every row
under the confidence threshold becomes a ``ReviewItem``.

One module per kind of check, the settings in one place (``settings``):
  sums        score tables: sum_children (max points), sum_self (self points), self_le_max,
              stated_total, ocr_reading (a cell whose other OCR reading was taken to restore its sums),
              score_column (a row's one score moved to the appraised column where its sums hold),
              score_from_max (a row's one figure read as its maximum moved to the self column where
              its sums hold so and not as the maximum)
  annex       statistics: total_parts, allowed_code, count_value, period_parts (a figure per quarter)
  ratios      ratio (a percentage row against its counts: as their parent, as a sibling after
              them, or stated in a row's note), text_ratio ("a/b ... c%" in free text)
  counts      count_parts (a narrative total against its breakdown), narrative_annex
  statements  group_statement (a group's narrative score against its criteria's)
  misread     whether a failed relation is explained by a reading we doubt
  confidence  each value's calibrated confidence from its evidence (``value_confidence``)
  queue       the review queue beyond failed checks

Statuses: ``ok``; ``mismatch`` — the document's own numbers disagree and no plausible misreading
explains it (a fault to report to the commune); ``misread`` — a value we read may be wrong (an
OCR digit confusion, a lost decimal mark) and one of its other readings makes the relation hold:
it goes to the review queue with its alternatives and is not the commune's fault; ``repaired`` —
exactly one other reading restores the sums and was taken; ``skipped`` — the relation cannot be
decided (blank parts short of the whole, a breakdown whose structure is not certain).

Relations between cells are recorded whether they hold or not; one-cell domain checks
(self_le_max, count_value) only when they fail, so the list stays readable. Nothing clearly read
is changed: only a cell with another reading of the same characters can be repaired, and only
when that reading is the one that restores its sums.
"""

from __future__ import annotations

from functools import partial

from cchc_extract.reconcile.adjusted import check_adjusted_totals, check_counted_out
from cchc_extract.reconcile.annex import _check_annex
from cchc_extract.reconcile.bulk_misread import bulk_doubt
from cchc_extract.reconcile.cell_grids import blanks_printed
from cchc_extract.reconcile.confidence import set_value_confidence
from cchc_extract.reconcile.core import _Ledger
from cchc_extract.reconcile.counts import (
    _check_counts,
    _check_narrative_against_annexes,
    table_lines,
)
from cchc_extract.reconcile.derived import clear_derived
from cchc_extract.reconcile.hierarchy import (
    children_of,
    norm_code,
    parent_indices,
    resolve_parents,
)
from cchc_extract.reconcile.lost_totals import check_lost_parents, check_lost_total_fields, check_lost_totals
from cchc_extract.reconcile.misread import ocr_read, scanned
from cchc_extract.reconcile.queue import _review_doubtful
from cchc_extract.reconcile.restored import withdrawn_while_checked
from cchc_extract.reconcile.settings import ReconcileSettings
from cchc_extract.reconcile.stat_derived import clear_derived_stats
from cchc_extract.reconcile.stat_rows import code_legend, is_count, is_percent
from cchc_extract.reconcile.statements import _check_group_statements, group_criteria
from cchc_extract.reconcile.sums import _check_score_table
from cchc_extract.reconcile.text_ratios import check_text_ratios, fraction_percents
from cchc_extract.reconcile.unchecked import flag_unchecked
from cchc_extract.reconcile.untaken import tell_untaken
from schemas.records import ExtractionResult

__all__ = [
    "ReconcileSettings",
    "check_relations",
    "children_of",
    "code_legend",
    "fraction_percents",
    "group_criteria",
    "is_count",
    "is_percent",
    "norm_code",
    "parent_indices",
    "reconcile",
    "resolve_parents",
]

_DEFAULT = ReconcileSettings()


def check_relations(result: ExtractionResult, settings: ReconcileSettings = _DEFAULT) -> _Ledger:
    """Every relation checked, and the review entries of those that fail: the evidence each
    value's confidence is computed from, before the confidence itself adds its doubts to the
    queue (``tools/fit_confidence.py`` fits on this evidence, not on the queue it produced)."""
    ocr = ocr_read(result)
    ledger = _Ledger(sure_cells=scanned(result), clean_fault=ocr)
    for ti, table in enumerate(result.score_tables):
        check_table = partial(
            _check_score_table,
            ti,
            s=settings,
            ocr=ocr,
            printed_cells=blanks_printed(table, result.source, ocr),
            tables=result.score_tables,
        )
        # a dump keeps no word confidence: its table's own sums say whether it was read wrong in bulk
        ledger.bulk_doubt = bulk_doubt(check_table, table, ledger, settings) if ocr and not ledger.sure_cells else ""
        check_table(table, ledger)
        ledger.bulk_doubt = ""
    check_lost_totals(result, ledger)
    check_lost_total_fields(result, ledger)  # a totals row read with one figure, the other garbled
    check_adjusted_totals(result, ledger, settings.points_tolerance, ocr)  # sum + bonus - penalty
    check_counted_out(result, ledger, settings.points_tolerance, ocr)  # full maximum - criteria not scored
    check_lost_parents(result, ledger, settings.points_tolerance, ocr)
    for ai, annex in enumerate(result.statistics):
        _check_annex(ai, annex, ledger, settings, ocr)
    _check_counts(result.counts, ledger, settings, ocr, table_lines(result))
    _check_group_statements(result.score_statements, ledger, settings, ocr)
    _check_narrative_against_annexes(result, ledger, settings)
    check_text_ratios(result, ledger, settings)
    ledger.withdraw_corroborated()
    return ledger


def reconcile(result: ExtractionResult, settings: ReconcileSettings = _DEFAULT) -> None:
    """Fill ``result.checks`` and ``result.review`` (replacing what was there); may repair a
    cell's value from its other OCR reading, keeping the raw text and flagging the row. Cells the
    sums derived before (a result read back) are blanked first: the checks weigh what was read."""
    clear_derived(result)
    clear_derived_stats(result)
    restored = withdrawn_while_checked(result)  # (rows restored from the code tree: not read, no witness)
    ledger = check_relations(result, settings)
    vouched, headings = set_value_confidence(
        result, ledger.checks, ledger.review, settings.confidence, ledger.confirmed
    )
    _review_doubtful(result, ledger, settings, vouched, headings)
    tell_untaken(result, ledger)  # a points column no field took: the self points told, not trusted
    flag_unchecked(result, ledger, ocr_read(result))
    result.checks = ledger.checks
    result.review = ledger.review
    restored.put_back(result)

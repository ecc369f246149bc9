"""Whether an OCR dump's score table was read wrong in bulk, as its own sums measure it.

A dump keeps no word confidence: a figure it prints wrong ("7" read "2", "7,75" read "7/5" and a
stray "1" taken for the score) looks as sure as any other, and a sum it alone breaks, with no
reading of its characters that mends it, would be told as the commune's fault. A commune's slip
breaks one relation or two (its own sum, its row's score against its maximum); a table whose
sums fail in bulk (seed 9221's degraded side-by-side dump: 7 of its 13 sums) was read wrong in
bulk, and a failed sum there is our misreading as likely as the commune's fault: it is
``misread``, every member queued, never a ``mismatch`` the commune is told of.

The measure is taken on a trial run of the table's own checks (on a copy: a check may repair a
cell), before the checks the document keeps.
"""

from __future__ import annotations

import copy
from collections.abc import Callable

from cchc_extract.reconcile.core import SUM_KINDS, _Ledger
from cchc_extract.reconcile.settings import ReconcileSettings
from schemas.records import Check, ScoreTable

# What a failed relation's message says when the table was read wrong in bulk.
BULK_MISREAD = "; the table's figures were read wrong in bulk ({failed} of its {decided} sums fail)"

# The statuses of a sum decided either way (``skipped``: parts lost, nothing decided).
_FAILED = frozenset({"mismatch", "misread", "repaired"})


def failed_in_bulk(checks: list[Check], s: ReconcileSettings) -> str:
    """The doubt to say on a failed relation of a table whose sums (``checks``: that table's)
    fail in bulk: at least ``bulk_misread_failed`` of them, and ``bulk_misread_share`` of those
    decided; "" for a table read well enough that a sum failing alone is the document's."""
    decided = [c for c in checks if c.kind in SUM_KINDS and (c.status == "ok" or c.status in _FAILED)]
    failed = sum(c.status in _FAILED for c in decided)
    if failed < s.bulk_misread_failed or failed < s.bulk_misread_share * len(decided):
        return ""
    return BULK_MISREAD.format(failed=failed, decided=len(decided))


def bulk_doubt(
    check_table: Callable[[ScoreTable, _Ledger], None], table: ScoreTable, ledger: _Ledger, s: ReconcileSettings
) -> str:
    """``failed_in_bulk`` of one score table, measured on a trial run of ``check_table`` (the
    table's checks) over a copy of it into a ledger of its own, so that nothing the trial does
    (a cell repaired, an entry queued) reaches the document."""
    trial = _Ledger(sure_cells=ledger.sure_cells, clean_fault=ledger.clean_fault)
    check_table(copy.deepcopy(table), trial)
    return failed_in_bulk(trial.checks, s)

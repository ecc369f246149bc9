"""A value queued for a flag the segmenter put on how it was taken (a guessed column, unplaced
plan/result pairs, an unplaced whole) says so in its entry, beside its confidence, in English and
in Vietnamese (``reconcile/settings.ROW_DOUBT_REASONS``, ``reason.<flag>`` of ``messages``): the
entry used to say only "confidence 0.50 below 0.80", which does not tell the reviewer which figure
of the line to check.

The end-to-end case is the annex page of seed 21001's D31 dump (its i3, N92 halves first; the
excerpt ``tests/test_plan_pairs_unplaced.py`` reads): the rows the truth file gives other values
(1: 22, 2: 24, 2.3: 83,33; their first figure, the first half's plan, was taken) are the rows
``PAIRS_UNPLACED_FLAG`` marks."""

from __future__ import annotations

from pathlib import Path

import cchc_extract
from cchc_extract.reconcile.core import _Ledger
from cchc_extract.reconcile.queue import _review_doubtful
from cchc_extract.reconcile.settings import ROW_DOUBT_REASONS, ReconcileSettings
from cchc_extract.review.model import classify
from extract.segment.stat_plan_pairs import PAIRS_UNPLACED_FLAG
from extract.segment.statistics import COLUMN_GUESSED_FLAG
from schemas.records import ExtractionResult, StatAnnex, StatRow, reasons_of

EXCERPT = Path(__file__).parent / "data" / "queue80" / "d21001-n92-halves-first-annex.txt"
# The truth file's values of rows read wrong there (the first half's plan taken).
WRONG = {"1": 22.0, "2": 24.0, "2.3": 83.33}


def test_a_dump_row_whose_pairs_were_not_placed_is_queued_saying_why():
    data = cchc_extract.convert(EXCERPT).data
    (annex,) = data["statistics"]
    reasons = {e["item"]: reasons_of(e) for e in data["review"] if e.get("field") == "value"}
    for i, row in enumerate(annex["rows"]):
        if row["code"] in WRONG:
            assert row["value"] != WRONG[row["code"]]
            said = reasons[f"/statistics/0/rows/{i}"]
            assert ROW_DOUBT_REASONS[PAIRS_UNPLACED_FLAG] in said, row["code"]
            assert any(r.startswith("confidence ") for r in said)  # one entry, both reasons


def test_the_reason_is_given_only_where_the_value_is_queued_and_is_translated():
    doubted = StatRow(code="3.1", value=66.0, value_raw="66", confidence=0.5, flags=[COLUMN_GUESSED_FLAG])
    doubted.value_confidence["value"] = 0.5
    sure = StatRow(code="2", value=23.0, value_raw="23", confidence=0.99, flags=[COLUMN_GUESSED_FLAG])
    sure.value_confidence["value"] = 0.99
    result = ExtractionResult(statistics=[StatAnnex(annex="Biểu", rows=[doubted, sure])])
    ledger = _Ledger()
    _review_doubtful(result, ledger, ReconcileSettings())
    (entry,) = ledger.review
    assert entry.item == "/statistics/0/rows/0" and entry.field == "value"
    told = [classify({**entry.__dict__, "reason": r}, {}, {}) for r in reasons_of(entry)]
    guessed = next(r for r in told if r.kind == COLUMN_GUESSED_FLAG)
    assert guessed.text("en") == ROW_DOUBT_REASONS[COLUMN_GUESSED_FLAG]
    assert guessed.text("vi").startswith("số liệu được lấy từ cột đầu tiên")

"""An annex OCR'd as sparse text (``--psm 11``, one cell a line) whose code column it mostly lost
(7 codes of 21 rows, one garbled out of order: "3:3" for 5.3) and whose header it garbled ("Noi
oo" for "Nội dung"): the cells rejoined into rows that give their units and figures are the
annex's, read with their layout inferred (its figures queued but where the annex's arithmetic
holds), not said unread whole for want of a code column in sequence. The dump is real Tesseract
output of the corpus generator (seed 1901, spent), its truth beside it."""

from __future__ import annotations

from pathlib import Path

from benchmarks.corpus_scoring import score_document
from corpus_helpers import converted_with_truth

DUMP = Path(__file__).parent / "data" / "dumps_stats_sparse" / "s1901-d07-i5-annex-psm11-eng-degraded.txt"


def test_sparse_annex_whose_codes_ocr_lost_is_read_from_its_cells():
    out, truth = converted_with_truth(DUMP, DUMP.stem)
    tally = score_document(truth, out)["tally"]
    assert tally["stat_found"] >= 18 and tally["stat_invented"] <= 3  # of 20 rows (none read before)
    assert tally["numbers_right"] >= 15
    rows = {r["indicator"]: r for r in out["statistics"][0]["rows"]}
    assert rows["Số cuộc tuyên truyền CCHC"]["value"] == 23
    # the layout is a guess: a figure is queued unless the annex's sums and ratios hold with it
    # (5 = 5.1 + 5.2 and 5.3 = 5.1 / 5: 218, 192, 26, 88,07), none of the wrong ones silent
    assert tally["wrong_values"] == tally["wrong_queued"] > 0
    rows = out["statistics"][0]["rows"]
    queued = {e["item"] for e in out["review"]}
    assert f"/statistics/0/rows/{[r['value'] for r in rows].index(23)}" in queued
    assert f"/statistics/0/rows/{[r['value'] for r in rows].index(88.07)}" not in queued

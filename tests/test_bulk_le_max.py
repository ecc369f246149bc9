"""A score above its maximum in a dump's table read wrong in bulk queues the maximum too (issue 14:
silent errors). Seed 13001's D17 i2 (an N35 report, degraded, vie, psm 3, 250 dpi;
tests/data/dumps_queue68 with the generator's truth): 5 of the table's 7 sums fail, and criterion
2.3 prints "2 3" for a maximum 3 and a score 3. Before, the failed self ≤ max relation queued the
score (right) and left the maximum 2 (wrong) silent at 0.922: the check names the score as the
commune's fault, and a table read in bulk doubted that member alone. In a table read wrong in bulk
either figure is as likely the one misread (``le_max``, ``_Ledger.check``'s ``in_bulk_too``)."""

from pathlib import Path

from tests.corpus_helpers import score_rows_with_truth

DUMP = next((Path(__file__).parent / "data" / "dumps_queue68").glob("d17-i2-*.txt"))


def test_a_maximum_under_its_score_in_a_table_read_in_bulk_is_queued():
    rows, printed, output = score_rows_with_truth(DUMP)
    assert (printed["2.3"]["max_points"], printed["2.3"]["self_points"]) == (3, 3)
    assert "kiểm tra việc thực hiện 2 3" in DUMP.read_text(encoding="utf-8")
    assert (rows["2.3"]["max_points"], rows["2.3"]["self_points"]) == (2, 3)  # the maximum misread
    check = next(c for c in output["checks"] if c["kind"] == "self_le_max" and c["code"] == "2.3")
    # The maximum prints 3 (truth) and reads "2": a faint "3" read "2" is a maximum's look-alike
    # (``ReconcileSettings.ocr_max_confusions``, faults74), so the check now names that very
    # misreading, the maximum's, rather than the table's bulk doubt; the source bears it out (the
    # printed maximum is 3), and the requirement below (both cells queued) is unchanged.
    assert check["status"] == "misread" and "max_points read as '2' may be 3" in check["message"]
    item = "/score_tables/0/rows/" + str(list(rows).index("2.3"))
    queued = {q["field"] for q in output["review"] if q["item"] == item}
    assert {"max_points", "self_points"} <= queued  # before: the score alone

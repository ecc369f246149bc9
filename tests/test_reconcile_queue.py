"""The review queue that reconciliation fills (values doubted, lost cells, calibrated confidences) and
the result's round trip through JSON, on records built from the seeds' real values."""

import copy

from cchc_extract.reconcile import ReconcileSettings, reconcile
from schemas import schema_errors
from schemas.records import (
    ExtractionResult,
    ScoreTable,
    from_dict,
    to_dict,
)
from test_reconcile import huong_son, ngoc_ky_section_3, quang_thanh_statements, row, score_result

# --------------------------------------------------------------------- review queue and round trip


def test_low_confidence_and_inferred_codes_go_to_review():
    rows = [row("1.1", 2, 2, confidence=0.55), row("1.2", 1, 1, flags=["code_inferred"])]
    result = score_result(rows)
    reconcile(result, ReconcileSettings(review_below=0.8))
    reasons = {(r.item, r.field): r.reason for r in result.review}
    # Each value under its own calibrated confidence: both values of the unsure row, none of the other.
    first = result.score_tables[0].rows[0].value_confidence
    assert first["self_points"] == first["max_points"] < 0.8
    assert f"confidence {first['self_points']:.2f}" in reasons[("/score_tables/0/rows/0", "self_points")]
    assert ("/score_tables/0/rows/0", "max_points") in reasons
    assert not {("/score_tables/0/rows/1", "self_points"), ("/score_tables/0/rows/1", "max_points")} & set(reasons)
    assert "inferred" in reasons[("/score_tables/0/rows/1", "code")]  # no sum vouches for its place
    reconcile(result, ReconcileSettings(review_below=0.5))
    assert ("/score_tables/0/rows/0", "self_points") not in {(r.item, r.field) for r in result.review}


def test_reconcile_is_idempotent_through_json():
    result = huong_son()
    result.score_tables = [ScoreTable(title="Chỉ số", rows=ngoc_ky_section_3())]
    result.score_statements = quang_thanh_statements()
    reconcile(result)
    data = to_dict(result)
    assert schema_errors(data) == []
    again = from_dict(ExtractionResult, data)
    reconcile(again)
    assert to_dict(again)["checks"] == data["checks"]
    assert to_dict(again)["review"] == data["review"]


def test_rows_whose_parent_was_lost_only_bound_their_ancestor():
    # Seed 003's section 4 as OCR left it: 4.1 lost, its child 4.1.2 kept.
    rows = [row("I", 6.5, None), row("4", 6, 6), row("4.1.2", 0.5, 0.5), row("4.2", 0.5, 0.5), row("4.3", 1, 1)]
    rows[1].parent = "I"
    result = score_result(copy.deepcopy(rows), stated_total_max=6.5)
    reconcile(result)
    assert {(c.kind, c.code): c.status for c in result.checks} == {
        ("sum_children", "4"): "skipped",
        ("sum_self", "4"): "skipped",
        ("sum_children", "I"): "mismatch",
        ("stated_total", None): "ok",
    }
    rows[4].max_points = 6  # parts above the whole stay wrong whatever the lost row held
    result = score_result(rows, stated_total_max=6.5)
    reconcile(result)
    assert next(c for c in result.checks if c.code == "4" and c.kind == "sum_children").status == "mismatch"


def test_sum_over_a_lost_parent_vouches_for_no_value():
    # An OCR dump's section 1 (d01-i3's shape): 1.1 and 1.2 lost, their children hang under 1; an
    # "S" read as 5 (1.3, truly 3) and a 2 read as 3 (1.1.4) cancel with the lost rows so that the
    # parts read add up to 10. The sum is "ok" (nothing to report), yet vouches for neither value,
    # and the set recognised for the document (its flag) says both maxima differ: both are queued.
    flag = "max_differs_from_criteria_set:ca-mau_2013"
    rows = [
        row("1", 10, 7, confidence=0.82),
        row("1.1.2", 1, None, confidence=0.82, flags=["missing_self"]),
        row("1.1.3", None, None, confidence=0.72, flags=["missing_max", "missing_self"]),
        row("1.1.4", 3, None, confidence=0.82, flags=["missing_self", flag]),
        row("1.2.1", 1, 0.5, confidence=0.92),
        row("1.3", 5, None, confidence=0.82, flags=["missing_self", flag]),
    ]
    result = score_result(rows)
    reconcile(result, ReconcileSettings(review_below=0.8))
    assert next(c for c in result.checks if c.kind == "sum_children").status == "ok"
    queued = {(r.item, r.field) for r in result.review}
    assert {("/score_tables/0/rows/3", "max_points"), ("/score_tables/0/rows/5", "max_points")} <= queued
    # A maximum the set agrees with (1.2.1) is not doubted for the partial sum alone.
    assert ("/score_tables/0/rows/4", "max_points") not in queued
    # The same sum with every child read (no parent lost) vouches for its members.
    whole = score_result(
        [row("1", 3, 2, confidence=0.82), row("1.1", 1, 1, confidence=0.82), row("1.2", 2, 1, confidence=0.82)]
    )
    reconcile(whole, ReconcileSettings(review_below=0.8))
    assert not [r for r in whole.review if r.field == "max_points"]


def test_a_typed_grid_cell_left_blank_is_not_doubted_but_an_ocr_one_is():
    # A self score left blank beside its maximum (a criterion the commune did not score): a DOCX or
    # a PDF's text layer prints its cells as they are, so the blank is the document's; OCR or a
    # text export split into columns may lose the cell, so there it is doubted.
    def blank_self(method):
        rows = [
            row("1", 3, 2, confidence=0.92),
            row("1.1", 1, 1, confidence=0.92),
            row("1.2", 2, None, confidence=0.82, flags=["missing_self"]),
        ]
        result = score_result(rows)
        result.source.method = method
        reconcile(result, ReconcileSettings(review_below=0.8))
        return result.score_tables[0].rows[2].value_confidence["self_points"], {
            (r.item, r.field) for r in result.review
        }

    for typed in ("docx", "pdf-text"):
        confidence, queued = blank_self(typed)
        assert confidence >= 0.8 and ("/score_tables/0/rows/2", "self_points") not in queued
    for read in ("ocr", "text"):
        confidence, queued = blank_self(read)
        assert confidence < 0.8 and ("/score_tables/0/rows/2", "self_points") in queued


def test_a_row_that_lost_both_cells_is_doubted_as_a_lost_cell_not_taken_for_a_heading():
    # An OCR dump's criterion whose two numbers OCR dropped (the segmenter flags both cells
    # missing): its blanks are lost cells, weighed as such (they were wrong nearly always on the
    # corpus's dumps), not a heading's blanks at the row's own confidence. A typed grid's
    # numberless row stays a heading.
    def numberless(method):
        rows = [
            row("1", 3, 2, confidence=0.92),
            row("1.1", None, None, confidence=0.72, flags=["missing_max", "missing_self"]),
            row("1.2", 2, 1, confidence=0.92),
        ]
        result = score_result(rows)
        result.source.method = method
        reconcile(result, ReconcileSettings(review_below=0.8))
        return result.score_tables[0].rows[1].value_confidence

    assert max(numberless("ocr").values()) < 0.2
    assert set(numberless("docx").values()) == {0.72}


def test_a_calibrated_confidence_is_queued_under_the_calibrated_threshold():
    # With a calibration, a value's confidence is the share of such values read right, and goes
    # to review under the calibrated scale's own threshold (a value 5% likely to be wrong is
    # looked at), not under the rows' 0.8; a heading's blanks keep the row's own confidence and
    # the rows' threshold.
    from cchc_extract.reconcile.confidence_model import ConfidenceSettings

    calibrated = ConfidenceSettings(calibration=((0.0, 0.95), (1.0, 0.95)), review_below=0.99)
    rows = [row("I", None, None, confidence=0.92), row("1", 3, 2, confidence=0.92)]
    result = score_result(rows)
    reconcile(result, ReconcileSettings(review_below=0.8, confidence=calibrated))
    assert result.score_tables[0].rows[1].value_confidence == {"max_points": 0.95, "self_points": 0.95}
    queued = {(r.item, r.field) for r in result.review}
    assert {("/score_tables/0/rows/1", "max_points"), ("/score_tables/0/rows/1", "self_points")} <= queued
    assert result.score_tables[0].rows[0].value_confidence["max_points"] == 0.92
    assert not {(item, f) for item, f in queued if item == "/score_tables/0/rows/0"}
    # Without a calibration the logistic score stands against the rows' threshold, as before.
    plain = score_result([row("I", None, None, confidence=0.92), row("1", 3, 2, confidence=0.92)])
    reconcile(plain, ReconcileSettings(review_below=0.8))
    assert not plain.review


def test_each_kind_of_source_takes_its_own_calibration():
    # The same evidence says less on a scan than on a typed grid: a scan's values go through the
    # scan's map, a typed document's through the common one, and a kind with no map of its own
    # (here the dump's) falls back to the common one.
    from cchc_extract.reconcile.confidence_model import ConfidenceSettings

    calibrated = ConfidenceSettings(
        calibration=((0.0, 0.999), (1.0, 0.999)), calibration_scan=((0.0, 0.9), (1.0, 0.9)), review_below=0.99
    )

    def confidences(method):
        result = score_result([row("1", 3, 2, confidence=0.92), row("2", 1, 1, confidence=0.92)])
        result.source.method = method
        reconcile(result, ReconcileSettings(review_below=0.8, confidence=calibrated))
        return result.score_tables[0].rows[1].value_confidence, {(r.item, r.field) for r in result.review}

    typed, typed_queue = confidences("docx")
    assert set(typed.values()) == {0.999} and not typed_queue
    scanned, scan_queue = confidences("ocr")
    assert set(scanned.values()) == {0.9} and ("/score_tables/0/rows/1", "self_points") in scan_queue


def test_a_number_ocr_read_unsurely_doubts_that_cell_not_its_row():
    # OCR read the self points of criterion 2 with a word confidence of 0.42 (the segmenter's
    # per-cell flag), and no sum vouches for it: that value goes to review; the max points of the
    # same row, read surely, do not, as they did when the doubt capped the whole row.
    from schemas.records import unsure_flag

    rows = [
        row("1", 3, 2, confidence=0.92),
        row("2", 1, 1, confidence=0.92, flags=["number_unsure", unsure_flag("self_points", 0.42)]),
        row("3", 2, 1, confidence=0.92),
    ]
    result = score_result(rows)
    result.source.method = "ocr"
    reconcile(result, ReconcileSettings(review_below=0.8))
    confidence = result.score_tables[0].rows[1].value_confidence
    queued = {(r.item, r.field) for r in result.review}
    assert confidence["self_points"] < 0.8 and ("/score_tables/0/rows/1", "self_points") in queued
    assert confidence["max_points"] >= 0.8 and ("/score_tables/0/rows/1", "max_points") not in queued

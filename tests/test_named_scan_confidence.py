"""A scanned score row's numbers weighed apart from the doubt on its code
(cchc_extract/reconcile/score_cells.named_scan_confidence)."""

import pytest

from schemas.records import ScoreRow, unsure_flag


def test_a_scan_rows_code_settled_by_its_name_takes_its_penalty_back_from_its_numbers():
    # A scanned row read "4A." for criterion 4, its code taken from the set by its name: the
    # segmenter's 0.35 off the row was the code's doubt; its numbers keep their own (an unsure
    # cell, a lost one), and on a dump the row's confidence stays all there is of them.
    from cchc_extract.reconcile.score_cells import named_scan_confidence

    flags = ["code_inferred", "code_from_criteria_set:bnv-tinh_2948"]
    row = ScoreRow(
        code="4",
        name="Cải cách tổ chức bộ máy hành chính",
        max_points=11,
        self_points=9.5,
        confidence=0.57,
        flags=flags,
    )
    assert named_scan_confidence(row, "self_points") == pytest.approx(0.92)
    unsure = ScoreRow(**{**row.__dict__, "flags": [*flags, unsure_flag("self_points", 0.42)]})
    assert named_scan_confidence(unsure, "self_points") is None
    unnamed = ScoreRow(**{**row.__dict__, "flags": ["code_inferred"]})
    assert named_scan_confidence(unnamed, "self_points") is None
    lost = ScoreRow(**{**row.__dict__, "self_points": None, "flags": [*flags, "missing_self"]})
    assert named_scan_confidence(lost, "max_points") is None

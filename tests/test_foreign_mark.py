"""A self score OCR read with a decimal mark its table never prints (issue 14: no false mismatch):
seed 16001's D06 i6 dump (the f11 layout "explanation before points", Tesseract ``vie``, psm 3,
250 dpi, degraded; tests/data/faults71, the generator's truth beside it) prints row 2 as "'10 10.1.
10": its maximum 10, its self score 10, its appraised 10 (the truth's), a speck and a rule after
the self score read ".1". Every other fraction of the table prints a comma ("14,5", "13,5",
"15,25", "15,75"): "10.1" is no figure the commune typed, and its reading 10 makes the row hold.
Before, the self score 10,1 above the maximum 10 was told as the commune's fault (none is planted)."""

import json
from pathlib import Path

from cchc_extract.pipeline import convert_file, result_to_json
from cchc_extract.reconcile.foreign_mark import foreign_mark_reading
from schemas.records import ScoreRow

DUMP = Path(__file__).parent / "data" / "faults71" / "d16001-f11-self-speck-mark-psm3-degraded.txt"


def test_a_score_read_with_a_mark_its_table_never_prints_is_our_misreading():
    truth = json.loads(DUMP.with_name(DUMP.name + ".truth.json").read_text(encoding="utf-8"))
    assert truth["faults"] == []
    row2 = next(r for r in truth["score_tables"][0]["rows"] if r["code"] == "2")
    assert (row2["max_points"], row2["self_points"], row2["appraised_points"]) == (10.0, 10.0, 10.0)
    out = result_to_json(convert_file(DUMP))
    checks = [c for c in out["checks"] if c["code"] == "2" and c["kind"] == "self_le_max"]
    assert [c["status"] for c in checks] == ["misread"]  # ours, not the commune's
    assert not [c for c in out["checks"] if c["status"] == "mismatch"]
    entry = next(q for q in out["review"] if q["code"] == "2" and q["field"] == "self_points")
    assert entry["alternatives"] == [row2["self_points"]]


def _row(code: str, m: str, own: str) -> ScoreRow:
    return ScoreRow(code=code, name="Tiêu chí", max_points=float(m.replace(",", ".")), max_points_raw=m,
                    self_points=float(own.replace(",", ".")), self_points_raw=own)  # fmt: skip


def test_a_table_printing_both_marks_or_too_few_fractions_says_nothing():
    rows = [_row("1", "10", "10.1"), _row("2", "14,5", "13,5"), _row("3", "16", "15,25")]
    assert foreign_mark_reading(rows, 0, "self_points", ocr=True) == 10.0
    assert foreign_mark_reading(rows, 0, "self_points", ocr=False) is None  # typed: as printed
    assert foreign_mark_reading(rows[:2] + [_row("3", "16", "15.25")], 0, "self_points", ocr=True) is None
    assert foreign_mark_reading(rows[:2], 0, "self_points", ocr=True) is None  # two fractions only
    assert foreign_mark_reading([_row("1", "10", "10.25"), *rows[1:]], 0, "self_points", ocr=True) is None

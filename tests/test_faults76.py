"""False faults of seed 19001's dumps (issue 14: a `mismatch` only where the document's own numbers
disagree), each a relation one misreading of ours broke; the dumps are in tests/data/faults76 with
the generator's truth beside them, and every value asserted as printed is the truth's.

- d05 i2 (Tesseract ``vie``, 250 dpi): field 1 prints "5,5 5,5" (self, appraised), read "2,5 2,5".
  The self score's misreading mends two sums (its sub-criteria's, the table total's:
  ``met_sums``); the appraised column has no stated total, so its one failing sum was told as the
  commune's fault. The same characters on the same line are the same slip.
- d31 i1 (psm 3, 300 dpi): field 6 prints self 5,5, read "5,0", in a table printing every other
  whole figure bare ("9", "11", "15"): a quarter's "5" read as "0" (``foreign_mark.zero_decimal_reading``),
  and the table's true total of self points 85,25 was told as the commune's fault.
"""

import json
from pathlib import Path

from cchc_extract.pipeline import convert_file, result_to_json
from cchc_extract.reconcile.foreign_mark import zero_decimal_reading
from schemas.records import ScoreRow

DATA = Path(__file__).parent / "data" / "faults76"


def _truth(dump: Path) -> dict:
    return json.loads(dump.with_name(dump.name + ".truth.json").read_text(encoding="utf-8"))


def _row(out_or_truth: dict, code: str) -> dict:
    return next(r for r in out_or_truth["score_tables"][0]["rows"] if r["code"] == code)


def test_a_twin_cell_printed_alike_is_the_same_misreading():
    dump = DATA / "d19001-d05-i2-twin-cells.txt"
    truth = _truth(dump)
    assert [f["kind"] for f in truth["faults"]] == ["parent_max_sum"]  # 1.2's maxima: the one fault planted
    field = _row(truth, "1")
    assert (field["self_points"], field["appraised_points"]) == (5.5, 5.5)
    out = result_to_json(convert_file(dump))
    assert (_row(out, "1")["self_points_raw"], _row(out, "1")["appraised_points_raw"]) == ("2,5", "2,5")
    checks = {c["id"]: c for c in out["checks"]}
    for field_, kind in (("self_points", "sum_self"), ("appraised_points", "sum_appraised")):
        check = checks[f"{kind}:/score_tables/0/rows/0:{field_}"]
        assert check["status"] == "misread" and "may be 5,5" in check["message"], field_
    # the planted fault is still told: 1.2's maximum 2 against its sub-criteria's 3 (a review entry)
    assert any(q["code"] == "1.2" for q in out["review"])
    entry = next(q for q in out["review"] if q["code"] == "1" and q["field"] == "appraised_points")
    assert 5.5 in entry["alternatives"]


def test_a_score_read_with_a_zero_decimal_among_bare_whole_figures_is_ours():
    dump = DATA / "d19001-d31-i1-zero-decimal.txt"
    truth = _truth(dump)
    assert [f["kind"] for f in truth["faults"]] == ["total_sum"]  # of the maxima: 102 over 100
    assert _row(truth, "6")["self_points"] == 5.5 and truth["score_tables"][0]["stated_total_self"] == 85.25
    out = result_to_json(convert_file(dump))
    assert _row(out, "6")["self_points_raw"] == "5,0"
    checks = {c["id"]: c for c in out["checks"]}
    assert checks["stated_total:/score_tables/0:self_points"]["status"] == "misread"
    assert checks["stated_total:/score_tables/0:max_points"]["status"] == "mismatch"  # the planted fault


def _bare(code: str, own: str) -> ScoreRow:
    return ScoreRow(code=code, name="Tiêu chí", max_points=16.0, max_points_raw="16",
                    self_points=float(own.replace(",", ".")), self_points_raw=own)  # fmt: skip


def test_a_zero_decimal_is_doubted_only_where_the_table_prints_none_and_on_ocr():
    rows = [_bare("1", "5,0"), _bare("2", "9"), _bare("3", "11")]
    assert zero_decimal_reading(rows, 0, "self_points", ocr=True) == 5.5
    assert zero_decimal_reading(rows, 0, "self_points", ocr=False) is None  # typed: as printed
    assert zero_decimal_reading(rows, 0, "max_points", ocr=True) is None  # maxima: whole or halves
    rows.append(_bare("4", "7,0"))  # the table's own way of printing a whole figure
    assert zero_decimal_reading(rows, 0, "self_points", ocr=True) is None

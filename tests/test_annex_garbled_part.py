"""A statistics part whose line OCR garbled (its unit no unit, its figure no count) is a part of
its group not read, not a part of another unit: its total's sum is undecided, never the commune's
``mismatch`` (issue 14: false alarms). Real Tesseract dump of seed 6191, with its truth."""

from pathlib import Path

from corpus_helpers import converted_with_truth

DUMP = Path(__file__).parent / "data" / "dump_garbled_part_s6191"


def test_a_part_whose_line_ocr_garbled_leaves_its_total_undecided():
    (path,) = DUMP.glob("*.txt")
    data, truth = converted_with_truth(path)
    rows = data["statistics"][0]["rows"]
    by_code = {r["code"]: (i, r) for i, r in enumerate(rows)}
    i32, garbled = by_code["3.2"]
    # the line read "Bi BL (2. 96,2": no unit, a fraction where a count of files stands
    assert garbled["value"] == 96.2 and "fractional_count" in garbled["flags"]
    truth_values = {r["code"]: r["value"] for a in truth["statistics"] for r in a["rows"]}
    assert (truth_values["3"], truth_values["3.1"], truth_values["3.2"]) == (299.0, 248.0, 51.0)
    (total,) = [c for c in data["checks"] if c["kind"] == "total_parts" and c["code"] == "3"]
    assert total["status"] == "skipped", total["message"]
    assert "1 blank" in total["message"]
    assert not [c for c in data["checks"] if c["status"] == "mismatch"]
    # the figure misread stays in the queue; the total and the part read right are not blamed
    queued = {(e["item"], e.get("field")) for e in data["review"]}
    assert (f"/statistics/0/rows/{i32}", "value") in queued
    assert (f"/statistics/0/rows/{by_code['3'][0]}", "value") not in queued

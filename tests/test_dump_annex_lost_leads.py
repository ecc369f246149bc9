"""Issue 11, numbers of an OCR'd annex printed as lines with leaders ("4. Số cán bộ … 24 người"):
a figure before a count unit OCR garbled past its first letter ("24 TĐƯỜI") is read, not told lost,
and a share whose first digit OCR lost into the leader ("1,67" for 91,67) or read as a zero ("04,18"
for 94,18) takes the one reading with that digit put back that is the ratio of its counts, the
figure as read kept as its alternative, to review. ``tests/data/dump_numbers72``: a real Tesseract
dump of seed 18161's D15 instance 2; the expected values are its truth file's."""

from pathlib import Path

from cchc_extract.pipeline import convert_file, result_to_json
from cchc_extract.reconcile.share_readings import lost_lead_readings
from extract.segment.stat_code_column import COUNTED_UNITS
from extract.segment.stat_garbled_cells import garbled_count_unit
from normalize.count_units import unit_key

DUMPS = Path(__file__).parent / "data" / "dump_numbers72"


def test_a_count_unit_garbled_past_its_first_letter_is_one():
    assert garbled_count_unit(unit_key("TĐƯỜI"), COUNTED_UNITS)  # "người", the dump's line 4
    assert garbled_count_unit(unit_key("EƯỜI"), COUNTED_UNITS)  # its line 4.2
    # a short unit is two edits from any short garble ("HƯỢT" may be "lượt" or a word): not one
    assert not garbled_count_unit(unit_key("HƯỢT"), COUNTED_UNITS)
    assert not garbled_count_unit(unit_key("thành"), COUNTED_UNITS)
    assert not garbled_count_unit(unit_key("người ta"), COUNTED_UNITS)


def test_a_shares_lost_first_digit_readings():
    assert (91.67, 2) in lost_lead_readings("1,67")
    assert (94.18, 2) in lost_lead_readings("04,18")
    assert all(value <= 100.0 for value, _ in lost_lead_readings("4,5"))
    # a share with two digits before its mark, or none after it, has no digit to put back
    assert lost_lead_readings("12,5") == [] and lost_lead_readings("85") == []


def test_the_dumps_garbled_units_and_lost_leads_are_read_and_queued():
    out = result_to_json(convert_file(DUMPS / "annex-garbled-units-lost-leads.txt"))
    rows = {r["code"]: r for r in out["statistics"][0]["rows"]}
    assert (rows["4"]["value"], rows["4.1"]["value"], rows["4.2"]["value"]) == (24.0, 22.0, 2.0)
    assert (rows["4.3"]["value"], rows["6.3"]["value"]) == (91.67, 94.18)
    queued = {(q["code"], q["field"]): q for q in out["review"]}
    assert queued[("4.3", "value")]["alternatives"] == [1.67]
    assert queued[("6.3", "value")]["alternatives"] == [4.18]
    repaired = {c["code"] for c in out["checks"] if c["status"] == "repaired"}
    assert {"4.3", "6.3"} <= repaired

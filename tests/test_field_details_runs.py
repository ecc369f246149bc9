"""A report scoring only its fields, then an annex of one criteria table per field: where two
fields' tables were read as one grid (field 4's at the foot of a page, field 5's heading and
table over the next), the grid's rows are split by field (``field_details._runs_by_field``) and
each run goes under its field, so field 4's planted fault (its criteria's maxima add to 7,5, the
field states 7) is flagged, as in the same report's DOCX; on main that grid stayed a table of its
own and the fault went unseen. An N25 report of a held-out commune; truth from the generator."""

from __future__ import annotations

from pathlib import Path

from corpus_helpers import converted_with_truth

DATA = Path(__file__).parent / "data" / "fields67"


def test_two_fields_criteria_in_one_grid_go_under_their_fields_and_the_fault_is_flagged():
    data, truth = converted_with_truth(DATA / "two_fields_one_grid.pdf")
    assert len(data["score_tables"]) == 1
    rows = data["score_tables"][0]["rows"]
    codes = [r["code"] for r in rows]
    assert codes.index("4.1") == codes.index("4") + 1 and codes.index("5.1") == codes.index("5") + 1
    assert sorted(codes) == sorted(r["code"] for t in truth["score_tables"] for r in t["rows"])
    (fault,) = truth["faults"]
    i = codes.index(fault["code"])
    flagged = [c for c in data["checks"] if c["status"] == "mismatch" and f"/rows/{i}:" in c["id"]]
    assert flagged and flagged[0]["expected"] == 7.5 and flagged[0]["actual"] == 7

"""A score table printing each field's self points again in a last column ("Điểm lĩnh vực"), read
from an OCR dump (issues 11, 16). Seed 13103's D25 i1 (an N66 report: eng, psm 3, 300 dpi;
tests/data/dumps_fields67 with the generator's truth): a field's line prints its maximum, its self
points and its self points again ("1. Cong tac chi dao, diéu hanh cai 12 9,25 9,25"), a
criterion's line two figures. Before, the third figure was read as the field's appraisal, and an
appraisal column was told lost on every criterion of a table read whole. Now a third figure that
only parents print, each their self points again, under a header naming no appraisal, is the
field's subtotal (``field_points_lines``)."""

import json
from pathlib import Path

from cchc_extract.pipeline import convert_file, result_to_json
from extract.segment.field_points_lines import subtotals_dropped
from extract.segment.row_draft import LineTable, RowDraft

DATA = Path(__file__).parent / "data" / "dumps_fields67"
DUMP = next(DATA.glob("s13103-*.txt"))
# Seed 13129's D25 i1 (psm 4, 250 dpi): "STT Linh vuc, tiéu chi Diém | Diém tu Giai trinh Diém" over
# "chuan cham linh vurc", the explanation between the self points and the field's.
STACKED = next(DATA.glob("s13129-*.txt"))


def test_the_fields_points_again_are_no_appraisal():
    truth = json.loads(DUMP.with_name(DUMP.name + ".truth.json").read_text(encoding="utf-8"))
    printed = {r["code"]: r for t in truth["score_tables"] for r in t["rows"]}
    assert (printed["1"]["max_points"], printed["1"]["self_points"]) == (12, 9.25)
    assert all(r.get("appraised_points") is None for r in printed.values())
    assert "1. Cong tac chi dao, diéu hanh cai 12 9,25 9,25" in DUMP.read_text(encoding="utf-8")
    output = result_to_json(convert_file(DUMP))
    rows = {r["code"]: r for t in output["score_tables"] for r in t["rows"]}
    assert len([c for c in printed if c in rows]) == len(printed)
    for code, row in printed.items():
        assert (rows[code]["max_points"], rows[code]["self_points"]) == (row["max_points"], row["self_points"]), code
        assert rows[code]["appraised_points"] is None, code  # before: 9.25 on 1, 6.5 on 2, ...
    assert not [u for u in output["unread"] if "appraised" in u["reason"]]  # before: 19 told lost
    # "Điểm | Điểm tự | … Điểm" over "lĩnh vực": the third label the field's, no appraisal column lost
    assert not [r for r in rows.values() if "missing_appraised" in r["flags"]]


def test_three_points_labels_with_a_fields_name_no_appraisal_column():
    truth = json.loads(STACKED.with_name(STACKED.name + ".truth.json").read_text(encoding="utf-8"))
    printed = {r["code"]: r for t in truth["score_tables"] for r in t["rows"]}
    assert all(r.get("appraised_points") is None for r in printed.values())
    assert "chuan cham linh vurc" in STACKED.read_text(encoding="utf-8")
    output = result_to_json(convert_file(STACKED))
    rows = [r for t in output["score_tables"] for r in t["rows"]]
    assert len(rows) >= len(printed) - 2
    # before: every row flagged missing_appraised and queued at 0.21
    assert not [r for r in rows if "missing_appraised" in r["flags"] or r["appraised_points"] is not None]
    assert not [q for q in output["review"] if q.get("field") == "appraised_points"]


def _row(code: str, *raws: str | None) -> RowDraft:
    return RowDraft(code=code, max_raw=raws[0], self_raw=raws[1], appraised_raw=raws[2])


def test_an_appraisal_that_scores_the_criteria_stays():
    rows = [
        _row("1", "12", "9", "9"),
        _row("1.1", "3", "2", None),
        _row("2", "8", "6", "6"),
        _row("2.1", "3", "2", None),
    ]
    assert all(r.appraised_raw is None for r in subtotals_dropped(LineTable(rows=rows, pages=[1])).rows)
    # a criterion appraised too: a column of appraisals
    rows[1] = _row("1.1", "3", "2", "2")
    assert subtotals_dropped(LineTable(rows=rows, pages=[1])).rows[0].appraised_raw == "9"
    # the header names the appraisal: read as printed
    named = LineTable(rows=rows[:1] + rows[2:], pages=[1], header_points=frozenset({"max", "self", "appraised"}))
    assert subtotals_dropped(named).rows[0].appraised_raw == "9"

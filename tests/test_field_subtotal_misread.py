"""A field's self points printed again in a last column ("Tổng điểm lĩnh vực"), read from an OCR
dump where one field's self points were misread (issue 14: review load). Seed 13001's D25 i1 (an
N66 report, eng, psm 3, 300 dpi; tests/data/dumps_queue68 with the generator's truth): field 2's
line reads "8 5,9 5,5", its self points 5,5 misread "5,9", its subtotal 5,5 what its sub-criteria's
self points add up to. Before, that one row kept the whole third figure column as an appraisal:
every criterion's appraisal blank and every self score read beside it was queued (70 right entries).
Now a third figure that is the row's children's self points added up is the subtotal too
(``field_points_lines``), and only the misread figure is queued."""

import json
from pathlib import Path

from cchc_extract.pipeline import convert_file, result_to_json
from extract.segment.field_points_lines import subtotals_dropped
from extract.segment.row_draft import LineTable, RowDraft

DATA = Path(__file__).parent / "data" / "dumps_queue68"
DUMP = next(DATA.glob("d25-i1-*.txt"))


def test_a_misread_fields_subtotal_is_no_appraisal():
    truth = json.loads(DUMP.with_name(DUMP.name + ".truth.json").read_text(encoding="utf-8"))
    printed = {r["code"]: r for t in truth["score_tables"] for r in t["rows"]}
    assert (printed["2"]["max_points"], printed["2"]["self_points"]) == (8, 5.5)
    assert [printed[c]["self_points"] for c in ("2.1", "2.2", "2.3")] == [1.5, 1.75, 2.25]
    assert all(r.get("appraised_points") is None for r in printed.values())
    assert "2. Xay dung va to chifc thurc hién 8 5,9 5,5" in DUMP.read_text(encoding="utf-8")
    output = result_to_json(convert_file(DUMP))
    rows = {r["code"]: r for t in output["score_tables"] for r in t["rows"]}
    for code, row in printed.items():
        assert rows[code]["self_points"] == row["self_points"], code
        assert rows[code]["appraised_points"] is None, code  # before: 10.5 on 1, 5.5 on 2, ...
    assert not [u for u in output["unread"] if "appraised" in u["reason"]]
    queued = [(q["item"], q["field"]) for q in output["review"] if q["item"].startswith("/score_tables")]
    # only the misread self points of 2 (before: 70 entries, every criterion's appraisal blank)
    assert queued == [("/score_tables/0/rows/" + str(list(rows).index("2")), "self_points")]


def _row(code: str, *raws: str | None) -> RowDraft:
    return RowDraft(code=code, max_raw=raws[0], self_raw=raws[1], appraised_raw=raws[2])


def test_only_a_few_summed_subtotals():
    rows = [
        _row("1", "12", "9", "9"),
        _row("1.1", "3", "2", None),
        _row("1.2", "9", "7", None),
        _row("2", "8", "6,9", "6"),  # self misread; its children add up to the third figure
        _row("2.1", "3", "2", None),
        _row("2.2", "5", "4", None),
        _row("3", "5", "4", "4"),
        _row("3.1", "5", "4", None),
    ]
    assert all(r.appraised_raw is None for r in subtotals_dropped(LineTable(rows=rows, pages=[1])).rows)
    # a third figure neither the self points nor the children's sum: an appraisal
    rows[3] = _row("2", "8", "6,9", "5")
    assert subtotals_dropped(LineTable(rows=rows, pages=[1])).rows[0].appraised_raw == "9"
    # most third figures differing from the self points: a column of appraisals, however they add up
    rows[3] = _row("2", "8", "6,9", "6")
    rows[0] = _row("1", "12", "9,5", "9")
    assert subtotals_dropped(LineTable(rows=rows, pages=[1])).rows[0].appraised_raw == "9"

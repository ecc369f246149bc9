"""A field's self points printed again in a last column ("Tổng điểm lĩnh vực"), read from an OCR
dump where one field's self points were misread (issue 14: review load). Seed 13001's D25 i1 (an
N66 report, eng, psm 3, 300 dpi; tests/data/dumps_queue68 with the generator's truth): field 2's
line reads "8 5,9 5,5", its self points 5,5 misread "5,9", its subtotal 5,5 what its sub-criteria's
self points add up to. Before, that one row kept the whole third figure column as an appraisal:
every criterion's appraisal blank and every self score read beside it was queued (70 right entries).
Now a third figure that is the row's children's self points added up is the subtotal too
(``field_points_lines``), and only the misread figure is queued."""

from pathlib import Path

from extract.segment.field_points_lines import subtotals_dropped
from extract.segment.row_draft import LineTable, RowDraft
from tests.corpus_helpers import score_rows_with_truth

DUMP = next((Path(__file__).parent / "data" / "dumps_queue68").glob("d25-i1-*.txt"))


def test_a_misread_fields_subtotal_is_no_appraisal():
    rows, printed, output = score_rows_with_truth(DUMP)
    assert (printed["2"]["max_points"], printed["2"]["self_points"]) == (8, 5.5)
    assert [printed[c]["self_points"] for c in ("2.1", "2.2", "2.3")] == [1.5, 1.75, 2.25]
    assert all(r.get("appraised_points") is None for r in printed.values())
    assert "2. Xay dung va to chifc thurc hién 8 5,9 5,5" in DUMP.read_text(encoding="utf-8")
    for code, row in printed.items():
        assert rows[code]["self_points"] == row["self_points"], code
        assert rows[code]["appraised_points"] is None, code  # before: 10.5 on 1, 5.5 on 2, ...
    assert not [u for u in output["unread"] if "appraised" in u["reason"]]
    queued = [(q["item"], q["field"]) for q in output["review"] if q["item"].startswith("/score_tables")]
    # only the misread self points of 2 (before: 70 entries, every criterion's appraisal blank)
    assert queued == [("/score_tables/0/rows/" + str(list(rows).index("2")), "self_points")]


def _table(*printed: tuple[str, str, str, str | None]) -> LineTable:
    """A table read from lines: (code, maximum, self points, third figure) a row."""
    return LineTable(
        rows=[RowDraft(code=c, max_raw=m, self_raw=s, appraised_raw=a) for c, m, s, a in printed], pages=[1]
    )


FIELDS = (("1", "12", "9", "9"), ("1.1", "3", "2", None), ("1.2", "9", "7", None))
OTHERS = (("2.1", "3", "2", None), ("2.2", "5", "4", None), ("3", "5", "4", "4"), ("3.1", "5", "4", None))


def test_only_a_few_summed_subtotals():
    # field 2's self points misread; its children add up to the third figure
    assert all(
        r.appraised_raw is None for r in subtotals_dropped(_table(*FIELDS, ("2", "8", "6,9", "6"), *OTHERS)).rows
    )
    # a third figure neither the self points nor the children's sum: an appraisal
    assert subtotals_dropped(_table(*FIELDS, ("2", "8", "6,9", "5"), *OTHERS)).rows[0].appraised_raw == "9"
    # most third figures differing from the self points: a column of appraisals, however they add up
    first = (("1", "12", "9,5", "9"), *FIELDS[1:])
    assert subtotals_dropped(_table(*first, ("2", "8", "6,9", "6"), *OTHERS)).rows[0].appraised_raw == "9"

"""A sum's parent whose code the document prints in another score table for another criterion,
with the sum's very figure (issue 14: a misreading told as the commune's fault). Seed 18191's D14
dump of an N25 report (tools/make_corpus.py): its fields summary prints "7 Xây dựng chính quyền
số, chuyển đổi số 18", and in the details "Quản lý, sử dụng tài sản công 2 2" (6.3, its number
lost) took the "7:" of the field heading under it, so field 7's sub-criteria (18) were summed
against its 2. The truth file: 6.3 is that criterion at 2 points, 7 is "Xây dựng chính quyền số"
at 18, and the document carries no planted fault, so no check may be a mismatch."""

from pathlib import Path

from cchc_extract.pipeline import convert_file, result_to_json
from cchc_extract.reconcile.twin_codes import twin_states_sum
from schemas.records import ScoreRow, ScoreTable

DATA = Path(__file__).parent / "data" / "faults72"


def test_a_sum_under_a_code_the_document_prints_for_another_criterion_is_misread():
    out = result_to_json(convert_file(DATA / "d14_code_from_heading.txt"))
    assert not [c["id"] for c in out["checks"] if c["status"] == "mismatch"]
    told = [c for c in out["checks"] if c["kind"] == "sum_children" and c["actual"] == 2.0 and c["expected"] == 18.0]
    assert [c["status"] for c in told] == ["misread"]
    item = told[0]["id"].split(":")[1]
    assert any(e["item"] == item for e in out["review"])  # the row goes to review for its code


def _row(code: str, name: str, max_points: float) -> ScoreRow:
    return ScoreRow(code=code, name=name, max_points=max_points)


def test_the_same_criterion_in_two_tables_is_no_twin():
    summary = ScoreTable(rows=[_row("7", "Xây dựng chính quyền số, chuyển đổi số", 18.0)])
    details = ScoreTable(rows=[_row("7", "Xây dựng chính quyền sô, chuyên đôi số", 2.0)])
    assert twin_states_sum(1, details.rows[0], [summary, details], "max_points", 18.0, 0.011, 60.0) is None


def test_another_criterion_under_the_code_at_the_sum_is_a_twin():
    summary = ScoreTable(rows=[_row("7", "Xây dựng chính quyền số, chuyển đổi số", 18.0)])
    details = ScoreTable(rows=[_row("7", "Quản lý, sử dụng tài sản công", 2.0)])
    assert twin_states_sum(1, details.rows[0], [summary, details], "max_points", 18.0, 0.011, 60.0) is not None
    assert twin_states_sum(1, details.rows[0], [summary, details], "max_points", 16.0, 0.011, 60.0) is None

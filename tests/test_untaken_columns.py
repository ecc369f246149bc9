"""A score table's points column that no field took is told: its rows' self points go to the
review queue naming the column, their confidence held low (extract/segment/untaken_columns.py,
cchc_extract/reconcile/untaken.py); a column the table's own figures explain (the gap between two
points columns) or one printing signed differences is no such column."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from cchc_extract.pipeline import convert_file, result_to_json
from cchc_extract.reconcile.untaken import UntakenDoubtSettings
from extract.segment.untaken_columns import UNTAKEN_FLAG
from tests.corpus_helpers import converted_corpus

ROWS = (  # code, name, maximum, self, last year's self, appraised
    ("1", "Công tác chỉ đạo, điều hành cải cách hành chính", "10", "8", "9", "8"),
    ("1.1", "Kế hoạch cải cách hành chính năm", "4", "3", "4", "3"),
    ("1.2", "Báo cáo cải cách hành chính", "3", "2", "2", "2"),
    ("1.3", "Kiểm tra công tác cải cách hành chính", "3", "3", "3", "3"),
    ("2", "Cải cách thủ tục hành chính", "6", "5,5", "4", "5,5"),
)


def _docx(path: Path, header: list[str], cells) -> Path:
    document = docx.Document()
    document.add_paragraph("BẢNG TỰ ĐÁNH GIÁ, CHẤM ĐIỂM CẢI CÁCH HÀNH CHÍNH NĂM 2024")
    table = document.add_table(rows=1, cols=len(header))
    for cell, text in zip(table.rows[0].cells, header):
        cell.text = text
    for row in cells:
        for cell, text in zip(table.add_row().cells, row):
            cell.text = text
    document.save(str(path))
    return path


def _untaken_entries(out: dict) -> list[dict]:
    return [r for r in out["review"] if "no field took" in (r.get("reason") or "")]


def test_a_second_years_points_column_sends_each_self_score_to_review(tmp_path):
    header = ["TT", "Nội dung tiêu chí", "Điểm tối đa", "Điểm tự chấm", "Kết quả năm trước"]
    path = _docx(tmp_path / "two-years.docx", header, [r[:5] for r in ROWS])
    out = result_to_json(convert_file(path))
    rows = out["score_tables"][0]["rows"]
    assert [r["self_points"] for r in rows] == [8, 3, 2, 3, 5.5]  # read, as before
    assert all(f"{UNTAKEN_FLAG}:Kết quả năm trước" in r["flags"] for r in rows)
    told = _untaken_entries(out)
    assert {(e["item"], e["field"]) for e in told} == {(f"/score_tables/0/rows/{i}", "self_points") for i in range(5)}
    assert "'Kết quả năm trước'" in told[0]["reason"]
    assert all(r["value_confidence"]["self_points"] <= UntakenDoubtSettings().confidence for r in rows)


@pytest.mark.parametrize("gap", ["0", ""])
def test_a_difference_column_the_scores_explain_is_not_told(tmp_path, gap):
    header = ["TT", "Nội dung tiêu chí", "Điểm tối đa", "Điểm tự chấm", "Điểm thẩm định", "Chênh lệch"]
    cells = [(*r[:4], r[5], gap) for r in ROWS]
    out = result_to_json(convert_file(_docx(tmp_path / "appraised.docx", header, cells)))
    assert [r["appraised_points"] for r in out["score_tables"][0]["rows"]] == [8, 3, 2, 3, 5.5]
    assert not _untaken_entries(out)
    assert not any(f.startswith(UNTAKEN_FLAG) for r in out["score_tables"][0]["rows"] for f in r["flags"])


def test_signed_changes_are_no_points_column(tmp_path):
    header = ["TT", "Nội dung tiêu chí", "Điểm tối đa", "Điểm tự chấm", "Tăng (+), giảm (-)"]
    cells = [(*r[:4], "-1" if r[4] > r[3] else "+1") for r in ROWS]
    out = result_to_json(convert_file(_docx(tmp_path / "change.docx", header, cells)))
    assert not _untaken_entries(out)


def test_generated_two_year_tables_leave_no_wrong_self_score_silent(tmp_path):
    """N19 (two years' self points side by side) as the generator writes it: every self score
    read wrong, or lost, is in the queue; N17's appraisal and its difference, read right, gain
    no entry."""
    for doc, truth, out in converted_corpus(tmp_path, "N17,N19", seed=2449):
        queued = {(r["item"], r["field"]) for r in out["review"]}
        truth_self = {r["code"]: r["self_points"] for t in truth["score_tables"] for r in t["rows"]}
        for ti, table in enumerate(out["score_tables"]):
            for ri, row in enumerate(table["rows"]):
                if row["code"] in truth_self and row["self_points"] != truth_self[row["code"]]:
                    assert (f"/score_tables/{ti}/rows/{ri}", "self_points") in queued, (doc["path"], row["code"])
        if doc["family"].startswith("N17"):
            assert not _untaken_entries(out), doc["path"]

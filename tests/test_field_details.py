"""The fields' points in the report, each field's criteria in a table of its own in the annex
(extract/segment/field_details.py, field_summary.py): one table whose field rows are the summary's,
a field's closing "Cộng lĩnh vực" its table's total and never a criterion, the fields' headings not
told unread, and a field whose criteria disagree with the summary flagged — read from generated
reports of that layout (N25, both variants)."""

from __future__ import annotations

from pathlib import Path

from extract.segment.field_details import details_under_summary, field_headings
from extract.segment.field_summary import FLAG_FROM_SUMMARY, fields_from_summary
from extract.segment.score_grid_drafts import TOTAL_ROW
from schemas.records import ScoreRow, ScoreTable
from tests.corpus_helpers import converted_corpus


def _row(code: str, parent: str | None, name: str, most: float | None, own: float | None) -> ScoreRow:
    return ScoreRow(code=code, parent=parent, name=name, max_points=most, self_points=own)


def test_a_fields_closing_sum_is_a_total_row_not_a_criterion():
    for label in ("cong linh vuc", "cong diem linh vuc", "tong diem linh vuc 2", "cong linh vuc: 12 11,25"):
        found = TOTAL_ROW.match(label)
        assert found and found.group("field"), label
    assert not TOTAL_ROW.match("cong tac chi dao, dieu hanh")


def test_criteria_tables_of_the_summarys_fields_join_under_them_and_others_are_left():
    summary = ScoreTable(rows=[_row("1", None, "Công tác chỉ đạo", 6, 5), _row("2", None, "Cải cách thủ tục", 4, 4)])
    first = ScoreTable(rows=[_row("1.1", None, "Kế hoạch", 3, 3), _row("1.2", None, "Báo cáo", 3, 2)])
    second = ScoreTable(rows=[_row("2.1", None, "Công khai", 4, 4)])
    joined = details_under_summary([summary, first, second])
    assert joined.summaries == [summary] and len(joined.tables) == 1
    rows = joined.tables[0].rows
    assert [(r.code, r.parent) for r in rows] == [("1", None), ("1.1", "1"), ("1.2", "1"), ("2", None), ("2.1", "2")]
    # Two fields' criteria read as one grid, field by field: each run under its field.
    both = ScoreTable(rows=[_row("1.1", None, "Kế hoạch", 3, 3), _row("2.1", None, "Công khai", 4, 4)])
    rows = details_under_summary([summary, both]).tables[0].rows
    assert [(r.code, r.parent) for r in rows] == [("1", None), ("1.1", "1"), ("2", None), ("2.1", "2")]
    # Interleaved (a field's criteria in two runs): no field's own, left as read.
    mixed = ScoreTable(rows=[*both.rows, _row("1.2", None, "Báo cáo", 3, 2)])
    assert details_under_summary([summary, mixed]).tables == [summary, mixed]
    headings = ScoreTable(rows=[_row("1", None, "Công tác chỉ đạo", None, None)])
    assert field_headings(headings, joined.tables)
    assert not field_headings(ScoreTable(rows=[_row("3", None, "Tài chính công", None, None)]), joined.tables)


def test_fields_then_details_read_as_one_table_with_its_faults_flagged(tmp_path: Path):
    converted = converted_corpus(tmp_path / "c", "N25_fields_then_details", seed=2533)
    assert {doc["variant"] for doc, _, _ in converted} >= {
        "fields-then-details-headings",
        "fields-then-details-sums",
    }
    for doc, truth, out in converted:
        assert len(out["score_tables"]) == 1, doc["path"]
        table, want = out["score_tables"][0], truth["score_tables"][0]
        assert [r["code"] for r in table["rows"]] == [r["code"] for r in want["rows"]], doc["path"]
        got = {r["code"]: r for r in table["rows"]}
        for row in want["rows"]:
            assert (got[row["code"]]["max_points"], got[row["code"]]["self_points"]) == (
                row["max_points"],
                row["self_points"],
            ), (doc["path"], row["code"])
            assert got[row["code"]]["name"] == row["name"], (doc["path"], row["code"])
        assert not out["unread"], doc["path"]
        failed = {(c["code"], c["field"]) for c in out["checks"] if c["status"] == "mismatch"}
        for fault in truth["faults"]:
            assert (fault["code"], fault["field"]) in failed, (doc["path"], fault)


def test_a_field_row_the_detail_lost_is_restored_from_the_summary():
    summary = ScoreTable(rows=[_row("1", None, "Công tác chỉ đạo", 6, 5), _row("2", None, "Cải cách thủ tục", 4, 4)])
    detail = ScoreTable(
        rows=[_row("1", None, "Công tác chỉ đạo", None, None), _row("1.1", "1", "Kế hoạch", 6, 5)]
        + [_row("2.1", None, "Công khai", 4, 4)]  # the heading of field 2 garbled past reading
    )
    summed = fields_from_summary([summary, detail])
    assert summed.summaries == [summary] and len(summed.tables) == 1
    rows = summed.tables[0].rows
    assert [(r.code, r.parent) for r in rows] == [("1", None), ("1.1", "1"), ("2", None), ("2.1", "2")]
    assert FLAG_FROM_SUMMARY in rows[2].flags and (rows[2].max_points, rows[2].self_points) == (4, 4)

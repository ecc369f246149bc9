"""A summary table of the fields' points (extract/segment/field_summary.py): it fills the detail
table's blank field rows, gives its stated totals, is no table of its own and is not told unread;
the fields' sums are then checked — read from generated self-assessments (N09, both variants)."""

from __future__ import annotations

from pathlib import Path

from extract.segment.field_summary import FLAG_FROM_SUMMARY, fields_from_summary
from schemas.records import ScoreRow, ScoreTable
from tests.corpus_helpers import converted_corpus


def _row(code: str, parent: str | None, name: str, most: float | None, own: float | None) -> ScoreRow:
    return ScoreRow(code=code, parent=parent, name=name, max_points=most, self_points=own)


def test_a_summary_disagreeing_with_a_printed_field_figure_is_left_a_table_of_its_own():
    detail = ScoreTable(
        rows=[_row("1", None, "Công tác chỉ đạo", 6, None), _row("1.1", "1", "Kế hoạch", 6, 5)]
        + [_row("2", None, "Cải cách thủ tục", None, None), _row("2.1", "2", "Công khai", 4, 4)]
    )
    summary = ScoreTable(rows=[_row("1", None, "Công tác chỉ đạo", 7, 5), _row("2", None, "Cải cách thủ tục", 4, 4)])
    assert fields_from_summary([detail, summary]).tables == [detail, summary]
    agreeing = ScoreTable(rows=[_row("1", None, "Công tác chỉ đạo", 6, 5), _row("2", None, "Cải cách thủ tục", 4, 4)])
    summed = fields_from_summary([agreeing, detail])
    assert summed.summaries == [agreeing] and len(summed.tables) == 1
    field = summed.tables[0].rows[2]
    assert (field.max_points, field.self_points) == (4, 4) and FLAG_FROM_SUMMARY in field.flags


def test_fields_summed_apart_fill_the_detail_and_their_faults_are_flagged(tmp_path: Path):
    converted = converted_corpus(tmp_path / "c", "N09_fields_summed_apart", seed=2322)
    assert {doc["variant"] for doc, _, _ in converted} >= {"summary-after", "summary-before"}
    for doc, truth, out in converted:
        assert len(out["score_tables"]) == 1, doc["path"]
        table, want = out["score_tables"][0], truth["score_tables"][0]
        assert (table["stated_total_max"], table["stated_total_self"]) == (
            want["stated_total_max"],
            want["stated_total_self"],
        )
        got = {r["code"]: r for r in table["rows"]}
        for row in want["rows"]:
            assert (got[row["code"]]["max_points"], got[row["code"]]["self_points"]) == (
                row["max_points"],
                row["self_points"],
            ), (doc["path"], row["code"])
        assert not [u for u in out["unread"] if u["kind"] == "table"], doc["path"]
        failed = {(c["code"], c["field"]) for c in out["checks"] if c["status"] == "mismatch"}
        for fault in truth["faults"]:
            assert (fault["code"], fault["field"]) in failed, (doc["path"], fault)


def test_a_summary_numbering_its_fields_otherwise_is_matched_by_name():
    detail = ScoreTable(
        rows=[_row("I", None, "Công tác chỉ đạo, điều hành", None, None), _row("I.1", "I", "Kế hoạch", 6, 5)]
        + [_row("II", None, "Cải cách thủ tục hành chính", None, None), _row("II.1", "II", "Công khai", 4, 3)]
    )
    summary = ScoreTable(
        rows=[
            _row("1", None, "Công tác chỉ đạo, điều hành", 6, 5),
            _row("2", None, "Cải cách thủ tục hành chính", 4, 3),
        ],
        stated_total_max=10,
        stated_total_self=8,
    )
    summed = fields_from_summary([detail, summary])
    assert len(summed.tables) == 1 and summed.tables[0].stated_total_self == 8
    assert [(r.code, r.max_points, r.self_points) for r in summed.tables[0].rows if r.parent is None] == [
        ("I", 6, 5),
        ("II", 4, 3),
    ]

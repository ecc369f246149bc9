"""A dump whose appraised figures OCR lost on every row still prints the appraised column (the
segmenter flags each row's ``missing_appraised``): a row whose two figures slid one column left
under the criteria set's maximum (its maximum lost, "6,75 6,75" read as maximum and self) has that
column to move into. Before, only a table with an appraised figure read counted as having the
column, and the pair stayed a maximum the set disputes. The small dump of
tests/data/dumps_appraised23 is edited into the case and read end to end."""

from pathlib import Path

from corpus_helpers import edited_dump_rows
from normalize.criteria.set_shifts import appraised_column
from schemas.records import ScoreRow

DUMP = Path(__file__).parent / "data" / "dumps_appraised23" / "cells-between.txt"

# Every row's appraised figure dropped; row 6's maximum lost, its scores 6,75 and 6,75 left.
EDITS = {
    "10 10 10 Dat": "10 10 Dat",
    "10 9 8,75": "10 9",
    "14,5 14,5 14,5 Cong": "14,5 14,5 Cong",
    "11 ii 11 Hoan": "11 ii Hoan",
    "16 16 SH 16": "16 16",
    "7 7 6,75 Thong": "6,75 6,75 Thong",
    "Ö16 16 15,75 Bao": "16 16 Bao",
    "15,5 15 15\n": "15,5 15\n",
    "TONG DIEM 100 97,5 96,75": "TONG DIEM 100 97,25",
}


def _rows(tmp_path: Path) -> dict[str, ScoreRow]:
    return edited_dump_rows(DUMP, EDITS, tmp_path)


def test_a_pair_slid_left_moves_into_an_appraised_column_no_row_read(tmp_path):
    rows = _rows(tmp_path)
    assert all(r.appraised_points is None for c, r in rows.items() if c != "6")
    six = rows["6"]
    assert (six.max_points, six.self_points, six.appraised_points) == (7.0, 6.75, 6.75)
    assert any(f.startswith("max_from_criteria_set:") for f in six.flags)  # the set's, said so
    assert any(f.startswith("columns_from_criteria_set:") for f in six.flags)
    # which cells the figures were is the set's guess: both doubted, for the review
    assert {"unsure_self_points:0.50", "unsure_appraised_points:0.50"} <= set(six.flags)
    assert six.alternatives["max_points"][0] == 6.75  # the reading before, kept
    # the rows whose figures agree with the set stay as read, their appraised cell told lost
    assert (rows["2"].max_points, rows["2"].self_points) == (10.0, 9.0)
    assert "missing_appraised" in rows["2"].flags


def test_the_column_is_known_by_a_figure_read_or_a_figure_lost():
    read = ScoreRow(code="1", appraised_points=7.0)
    lost = ScoreRow(code="1", flags=["missing_appraised"])
    plain = ScoreRow(code="1", max_points=10.0, self_points=9.0, flags=["missing_self"])
    assert appraised_column([plain, read]) and appraised_column([plain, lost])
    assert not appraised_column([plain])

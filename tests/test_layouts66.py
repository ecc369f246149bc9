"""Documents of the sixteenth batch (seed 12261, batch66's development seed), read whole and
checked against the generator's truth stored beside them: a score table whose last column holds
each field's self points in one cell merged down over the field's rows, a score table with two
rounds of appraisal beside the self points, and a plan whose task table gives each task's field in
a column of its own merged down over the field's tasks."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.segment.appraisal_rounds import final_rounds
from extract.segment.column_labels import labels_around_figure
from extract.segment.field_points_column import field_points_column
from extract.segment.task_numbering import numbering_column
from tests.corpus_helpers import converted_with_truth

DATA = Path(__file__).parent / "data" / "layouts66"


def _points(table: dict) -> list[tuple]:
    return [(r["code"], r["max_points"], r["self_points"], r["appraised_points"]) for r in table["rows"]]


@pytest.mark.parametrize(
    "name", ["s12261-n66-i2-field-points-merged-only.docx", "s12261-n66-i4-field-points-merged-only.pdf"]
)
def test_a_fields_points_merged_down_a_last_column_are_the_fields_own(name):
    # "STT | Lĩnh vực, tiêu chí | … | Điểm lĩnh vực": the field's row prints its maximum alone, its
    # self points only in the last column's cell merged down over the field's rows
    out, truth = converted_with_truth(DATA / name)
    (want,) = truth["score_tables"]
    (read,) = out["score_tables"]
    assert _points(read) == _points(want)
    fields = [r for r in want["rows"] if "." not in r["code"]]
    assert len(fields) >= 5 and all(r["self_points"] is not None for r in fields)
    assert not out["unread"]  # the field points' column is read as what it is, not left unread


def test_a_field_points_label_is_no_name_column():
    found = field_points_column(["STT", "Lĩnh vực, tiêu chí", "Điểm chuẩn", "Điểm tự chấm", "Ghi chú", "Điểm lĩnh vực"])
    assert found.column == 5 and found.labels[5] == "" and found.labels[1] == "Lĩnh vực, tiêu chí"
    assert field_points_column(["TT", "Lĩnh vực", "Điểm tối đa", "Điểm tự chấm"]).column is None


@pytest.mark.parametrize("name", ["s12261-n68-i1-rounds-grouped.docx", "s12261-n68-i3-rounds-grouped.pdf"])
def test_of_two_appraisal_rounds_the_final_is_the_appraisal(name):
    # "Điểm thẩm định" merged over "Lần 1 | Lần 2 (sau giải trình)": the second round's points
    out, truth = converted_with_truth(DATA / name)
    (want,) = truth["score_tables"]
    (read,) = out["score_tables"]
    assert _points(read) == _points(want)
    # the first round differs on some row: reading it would be wrong there
    assert ("4", 11.0, 11.0, 10.75) in _points(want)


def test_round_labels_move_the_points_to_the_last_round():
    labels = ["TT", "Nội dung", "Thang điểm", "Tự chấm", "Điểm thẩm định Lần 1", "Lần 2 (sau giải trình)", "Ghi chú"]
    cols = {"code": 0, "name": 1, "max": 2, "self": 3, "appraised": 4, "explanation": 6}
    rounds = final_rounds(labels, cols, ("max", "self", "appraised"))
    assert rounds.columns["appraised"] == 5 and rounds.earlier == frozenset({4})
    plain = ["TT", "Nội dung", "Thang điểm", "Tự chấm", "Điểm thẩm định", "Ghi chú"]
    assert final_rounds(plain, cols, ("max", "self", "appraised")).columns == cols


@pytest.mark.parametrize(
    "name", ["s12261-n69-i2-field-column-first-restart.docx", "s12261-n69-i4-field-column-first-restart.pdf"]
)
def test_a_field_column_merged_down_beside_tasks_is_their_section(name):
    out, truth = converted_with_truth(DATA / name)
    rows = [r for t in out["task_tables"] for r in t["rows"]]
    got = [(r["task"], r["code"], r["section"], r["lead"], r["coordinator"]) for r in rows]
    want = [(r["task"], r["code"], r["section"], r["lead"], r["coordinator"]) for r in truth["task_rows"]]
    assert len({w[2] for w in want}) >= 3
    assert got == want
    assert all(r["criterion"] == "" and r["section_title"] for r in rows)
    # (in the PDF the last field's title runs onto the next row's cell: it is the title's rest)
    assert all(not r["section_title"].endswith("chính") for r in rows if r["section"] == "V")


def test_a_scanned_field_column_and_a_number_column_ocr_misread_are_read():
    # a scan of the plan's appendix (page 2 cropped to its table, 183 dpi): "ST T" read as "5",
    # the numerals "I." read as "1.", "II." as "1L.", "III." as "HI."; the last task runs on to
    # page 3, left out of the crop
    out, truth = converted_with_truth(DATA / "s12261-s31-i4-n69-page2-table.pdf")
    rows = [r for t in out["task_tables"] for r in t["rows"]]
    want = [(r["section"], r["code"]) for r in truth["task_rows"]][:13]
    assert [(r["section"], r["code"]) for r in rows] == want
    assert want[4] == ("II", "1") and want[8] == ("III", "1")  # the numbering restarts in each field


def test_a_number_column_is_told_by_its_running_numbers():
    cells = [["1", "2", "3", "1", "2"], ["a", "b", "c", "d", "e"], ["1/2024", "", "", "", ""]]
    assert numbering_column(cells, taken=()) == 0
    assert numbering_column(cells, taken={0}) is None
    assert numbering_column([["3", "9", "12", "4"]], taken=()) is None  # figures, not a numbering


def test_a_header_row_with_one_label_ocr_read_as_a_figure_is_labels():
    row = ["Nội dung cải cách", "5", "Tên nhiệm vụ", "Hình thức sản phẩm", "Thời gian hoàn thành", "Đơn vị chủ trì"]
    assert labels_around_figure(row)
    assert not labels_around_figure(["I. Cải cách thể chế", "1", "Tổ chức phổ biến", "Văn bản", "Quý I/2024", "2"])

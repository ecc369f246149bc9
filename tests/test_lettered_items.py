"""A criterion's lettered items inside its own row: the name cell "Kế hoạch cải cách hành chính năm"
then "a) Ban hành …", "b) Mức độ …" a line each, the figure cells "3 / 1 / 2" or "3 / a) 1 / b) 2"
(held-out N70, PDF and DOCX, corpus seed 13271). On 836fc4df each such row was one criterion with
its items' names glued to its own and its figures lost, the items missing: 31 of 44 rows read.
Expected values from the generator's truth files beside the documents."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cchc_extract.pipeline import convert_file, result_to_json
from extract.segment.joined import JoinedRow, JoinedTable
from extract.segment.lettered_items import split_lettered_items

DATA = Path(__file__).parent / "data" / "layouts67"
COLUMNS = {"code": 0, "name": 1, "max": 2, "self": 3, "explanation": 4}


@pytest.mark.parametrize(
    "name", ["s13271-n70-i1-items-in-cell-lines.pdf", "s13271-n70-i2-items-in-cell-lettered-points.docx"]
)
def test_items_lettered_in_a_criterion_row_are_rows(name):
    out = result_to_json(convert_file(DATA / name))
    truth = json.loads((DATA / f"{name}.truth.json").read_text())
    fields = ("code", "parent", "name", "max_points", "self_points")
    got = [tuple(r.get(f) for f in fields) for r in out["score_tables"][0]["rows"]]
    assert got == [tuple(r.get(f) for f in fields) for r in truth["score_tables"][0]["rows"]]


def _row(lines: list[list[str]]) -> JoinedRow:
    cells = [" ".join(cell) for cell in lines]
    return JoinedRow(cells=cells, bold=[False] * len(cells), page=1, line_start=0, line_end=0, fragment=0, lines=lines)


def _table(*rows: JoinedRow) -> JoinedTable:
    return JoinedTable(
        [["TT", "Tiêu chí", "Điểm tối đa", "Điểm tự chấm", "Ghi chú"]], list(rows), [1], 5, "docx", 0, 1, 0
    )


def test_lettered_figures_go_to_their_items_and_unmatched_rows_stay():
    row = _row(
        [
            ["1.1"],
            ["Kế hoạch", "a) Ban hành", "kịp thời", "b) Mức độ"],
            ["3", "a) 1", "b) 2"],
            ["3", "b) 2"],
            ["b) Công văn"],
        ]
    )
    got = [r.cells for r in split_lettered_items(_table(row), COLUMNS).rows]
    assert got == [
        ["1.1", "Kế hoạch", "3", "3", ""],
        ["a)", "Ban hành kịp thời", "1", "", ""],
        ["b)", "Mức độ", "2", "2", "Công văn"],
    ]
    glued = _row([["1.1"], ["Kế hoạch", "a) Ban hành", "b) Mức độ"], ["3", "1"], ["3"], []])  # two figures, three rows
    table = _table(glued)
    assert split_lettered_items(table, COLUMNS) is table


def test_items_lettered_with_no_figure_are_rows_left_blank():
    """A field the commune does not score (seed 18001's N70 instance 2, its field 7: the truth's self
    points None): the self cell letters its items and prints no figure ("", "a)", "b)"). Before, the
    cell's first line was no figure, the row was not split and its two items were lost."""
    row = _row(
        [
            ["7.1"],
            ["Ứng dụng công nghệ thông tin", "a) Tỷ lệ văn bản điện tử", "b) Sử dụng chữ ký số"],
            ["6", "a) 3", "b) 3"],
            ["a)", "b)"],
            ["a) Thông báo số 255/TB-UBND", "b) Ban hành chậm"],
        ]
    )
    got = [r.cells for r in split_lettered_items(_table(row), COLUMNS).rows]
    assert got == [
        ["7.1", "Ứng dụng công nghệ thông tin", "6", "", ""],
        ["a)", "Tỷ lệ văn bản điện tử", "3", "", "Thông báo số 255/TB-UBND"],
        ["b)", "Sử dụng chữ ký số", "3", "", "Ban hành chậm"],
    ]
    # a lettered line holding words, not a figure, is no figure cell: the row stays whole
    worded = _row([["1.1"], ["Kế hoạch", "a) Ban hành", "b) Mức độ"], ["3", "a) 1", "b) 2"], ["a) đạt", "b)"], []])
    table = _table(worded)
    assert split_lettered_items(table, COLUMNS) is table

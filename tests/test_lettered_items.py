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

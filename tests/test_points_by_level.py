"""Points in a staircase, one column per level: "Điểm tự chấm" (and, in the even variant, "Thang
điểm") merged over "Lĩnh vực | Tiêu chí | Tiêu chí thành phần" ("Tiêu chí con"), each row's figure
in its level's column (held-out N72, DOCX and PDF, corpus seed 13271). On 836fc4df the lower labels
took the criterion's name ("Tiêu chí thành phần") and the self points one column only: no row of
either table read. Expected values from the generator's truth files beside the documents."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cchc_extract.pipeline import convert_file, result_to_json
from extract.segment.joined import JoinedRow, JoinedTable
from extract.segment.points_by_level import points_by_level

DATA = Path(__file__).parent / "data" / "layouts67"


@pytest.mark.parametrize(
    "name", ["s13271-n72-i1-self-by-level-self-only.docx", "s13271-n72-i2-self-by-level-max-too.pdf"]
)
def test_a_staircase_of_level_columns_is_one_points_column(name):
    out = result_to_json(convert_file(DATA / name))
    truth = json.loads((DATA / f"{name}.truth.json").read_text())
    fields = ("code", "name", "max_points", "self_points")
    got = [tuple(r.get(f) for f in fields) for r in out["score_tables"][0]["rows"]]
    assert got == [tuple(r.get(f) for f in fields) for r in truth["score_tables"][0]["rows"]]
    queued = {(item["code"], item["field"]) for item in out["review"]}
    assert {(f["code"], f["field"]) for f in truth["faults"]} <= queued


def _table(header: list[list[str]], rows: list[list[str]]) -> JoinedTable:
    joined_rows = [
        JoinedRow(cells=r, bold=[False] * len(r), page=1, line_start=i, line_end=i, fragment=0)
        for i, r in enumerate(rows)
    ]
    return JoinedTable(header, joined_rows, [1], len(header[0]), "docx", 0, len(rows), 0)


def test_two_figures_in_a_row_are_no_staircase():
    header = [["TT", "Tiêu chí", "Điểm tối đa", "Điểm tự chấm", ""], ["", "", "", "Lĩnh vực", "Tiêu chí"]]
    staircase = _table(header, [["1", "A", "4", "3", ""], ["1.1", "B", "4", "", "3"]])
    assert [r.cells for r in points_by_level(staircase).rows] == [["1", "A", "4", "3", ""], ["1.1", "B", "4", "3", ""]]
    assert points_by_level(staircase).header_text[3] == "Điểm tự chấm"
    both = _table(header, [["1", "A", "4", "3", "2"]])  # a field's sum beside its criterion's: left as it is
    assert points_by_level(both) is both

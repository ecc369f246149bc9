"""A plan's task table whose deadline and lead cells are merged down over several tasks (issue 16):
each task carries its merged cell's text, from the DOCX (vMerge) and the PDF (one tall cell) the
generator writes; a merge a page break cut, or a blank in a column filled elsewhere, is doubted."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.base import ingest
from extract.segment.merged_down import (
    MERGED_DOWN,
    blank_doubt,
    doubt_blank_cells,
    merged_above,
    merged_down_values,
    page_break_doubt,
)
from extract.segment.task_doubt_settings import DOUBT
from extract.segment.task_lines import find_task_lines
from extract.segment.task_tables import find_task_tables
from schemas.records import TaskRow
from tests.corpus_helpers import make_corpus, manifest_documents, read_truth
from tests.test_task_line_evidence import _TWO_ROWS_ONE_PRODUCT, _doc


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return make_corpus(tmp_path_factory.mktemp("n10"), "N10", "docx,pdf", False, 2333)


def test_every_task_carries_its_merged_deadline_and_lead(corpus):
    documents = manifest_documents(corpus)
    assert {d["format"] for d in documents} == {"docx", "pdf"}
    merged = 0
    for doc in documents:
        truth = read_truth(corpus, doc)
        rows = [r for t in find_task_tables(ingest(corpus / doc["path"])) for r in t.rows]
        by_task = {r.task: r for r in rows}
        for task in truth["task_rows"]:
            row = by_task[task["task"]]
            assert (row.deadline, row.lead) == (task["deadline"], task["lead"]), (doc["path"], task["task"])
            carried = any(f.startswith(DOUBT) and "top of a page" in f for f in row.flags)
            assert carried or not any(f.startswith(DOUBT) for f in row.flags), (doc["path"], row.flags)
            if doc["format"] == "docx":  # one grid over the pages: every merge is the grid's, no guess
                assert not carried
        merged += sum(MERGED_DOWN in r.flags for r in rows)
    assert merged >= 2 * len(documents)  # each plan merges a run of two tasks at least


def test_merged_above_gives_the_covering_cell_at_its_first_column_only(corpus):
    doc = next(d for d in manifest_documents(corpus) if d["format"] == "docx")
    table = max(ingest(corpus / doc["path"]).tables(), key=lambda t: t.n_rows)
    grid = table.grid()
    tall = next(c for c in table.cells if c.row_span > 1 and c.text)
    below = merged_above(grid, tall.row + 1)
    assert below[tall.col] == tall.text
    assert merged_above(grid, tall.row)[tall.col] is None  # its own row has its own cell
    own = [c for c, cell in enumerate(grid[tall.row + 1]) if cell is not None and cell.row == tall.row + 1]
    assert own and all(below[c] is None for c in own)


def test_a_merge_cut_by_a_page_break_takes_the_row_above_doubted():
    previous = TaskRow(task="Rà soát", deadline="Tháng 02/2025", lead="Công an xã")
    mapping = {"code": 0, "task": 1, "deadline": 2, "lead": 3}
    # the first row of a new page: its own cells empty (a PDF draws the cut merge's rest as a cell)
    values = {"code": "12", "task": "Xây dựng", "deadline": "", "lead": ""}
    flags = merged_down_values(values, [None] * 4, mapping, previous, page_turned=True)
    assert values["deadline"] == "Tháng 02/2025" and values["lead"] == "Công an xã"
    assert flags == [page_break_doubt("deadline", "Tháng 02/2025"), page_break_doubt("lead", "Công an xã")]
    # not at a page's top, a cell of its own left blank: kept blank (doubted by the table's pass)
    values = {"code": "13", "task": "Quản lý", "deadline": "", "lead": ""}
    assert merged_down_values(values, [None] * 4, mapping, previous, page_turned=False) == []
    assert values["deadline"] == ""
    # a merged cell with text: taken, no doubt
    values = {"code": "14", "task": "Công khai", "deadline": "", "lead": "Bộ phận Một cửa"}
    flags = merged_down_values(values, [None, None, "Quý II/2025", None], mapping, previous, page_turned=False)
    assert values["deadline"] == "Quý II/2025" and flags == [MERGED_DOWN]


def test_a_blank_in_a_column_filled_elsewhere_is_doubted_not_silent():
    rows = [TaskRow(task=f"t{i}", deadline="Quý I/2025", lead="Công an xã") for i in range(4)]
    rows[2].deadline = ""
    doubt_blank_cells(rows)
    assert rows[2].flags == [blank_doubt("deadline")]
    assert not any(r.flags for i, r in enumerate(rows) if i != 2)
    # a column mostly empty is the writer's choice: no doubt
    sparse = [TaskRow(task=f"t{i}", budget="5 triệu" if i == 0 else "") for i in range(4)]
    doubt_blank_cells(sparse)
    assert not any(r.flags for r in sparse)


# A plan's grid read from an OCR dump's lines (tests/test_task_line_evidence.py's), row 3's deadline
# not on its lines: printed once, in a cell merged down from row 2 (a dump keeps no rules).
_MERGED_IN_A_DUMP = _TWO_ROWS_ONE_PRODUCT.replace("Quyết định Tháng ", "Quyết định ").replace(
    "ngưng hiệu lực 01/2023 ", "ngưng hiệu lực "
)


def test_a_dumps_row_under_a_merged_deadline_is_doubted_not_silent():
    assert _MERGED_IN_A_DUMP != _TWO_ROWS_ONE_PRODUCT
    (table,) = find_task_lines(_doc(_MERGED_IN_A_DUMP))
    # the row's line lacks the deadline's words: the rest shift a column over, its task left blank
    blank = [r for r in table.rows if not r.task]
    assert [r.code for r in blank] == ["3"]
    assert blank_doubt("task") in blank[0].flags
    assert not any(f.startswith(DOUBT) for r in table.rows if r.task for f in r.flags)

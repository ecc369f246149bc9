"""A statistics annex printed as a matrix of units (a row per field of procedures under the
commune's total row "Toàn xã", a column per figure) is read across: a row per figure column of the
commune's row, each flagged that the units' rows are not read. Such a table owes a row per figure
column, not per printed row: read whole, it carries no `unread` entry (before, its nine printed rows
against four read told "only 4 of the 9 rows of this table were read" on a document read
completely). The DOCX is a generated report (tools/make_corpus.py, family N84 at a held-out seed of
the lead's), its truth beside it."""

from __future__ import annotations

import json
from pathlib import Path

from cchc_extract.pipeline import convert_file
from extract.model import Cell, Table
from extract.segment.unread_grids import figure_columns, unread_table
from extract.segment.unread_settings import UnreadSettings
from schemas.records import UNITS_ROWS_FLAG, SourceRef

DATA = Path(__file__).parent / "data" / "unread71"


def test_an_annex_of_units_read_whole_across_tells_nothing_unread():
    path = DATA / "units_matrix_total_first.docx"
    truth = json.loads(path.with_name(path.name + ".truth.json").read_text(encoding="utf-8"))
    want = {row["indicator"]: row["value"] for row in truth["statistics"][0]["rows"]}
    result = convert_file(path)
    rows = [row for annex in result.statistics for row in annex.rows]
    assert {row.indicator: row.value for row in rows} == want  # every row of the truth, right
    assert all(UNITS_ROWS_FLAG in row.flags for row in rows)
    assert result.unread == []
    assert not any(item.item.startswith("/unread/") for item in result.review)


def _matrix() -> Table:
    rows = [
        ["STT", "Lĩnh vực", "Tổng số", "Toàn trình", "Một phần", "Tỷ lệ (%)"],
        ["", "Toàn xã", "130", "30", "53", "15,83"],
        *[[str(n), f"Lĩnh vực {n}", "11", "2", "5", "18,18"] for n in range(1, 9)],
    ]
    cells = [Cell(r, c, text) for r, row in enumerate(rows) for c, text in enumerate(row)]
    return Table(page=2, cells=cells, n_rows=len(rows), n_cols=6, source="docx", line_start=20, line_end=29)


def test_a_matrix_read_across_owes_a_row_per_figure_column():
    table = _matrix()
    assert figure_columns(table) == 4
    ref = SourceRef(page=2, line_start=21, line_end=21)
    settings = UnreadSettings()
    assert unread_table(table, [ref] * 4, settings, across=[ref] * 4) is None
    # read down instead, four rows of the nine printed are too few
    short = unread_table(table, [ref] * 4, settings)
    assert short is not None and short.kind == "rows"

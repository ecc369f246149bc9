"""A statistics annex with no unit column ("STT | Nội dung | Số liệu | Ghi chú", the unit in the
indicator's brackets, "Số hồ sơ (hồ sơ)") was read whole as an annex and also as a task table of
20 phantom tasks (its figures taken for their numbers), on every such document of the
seventeenth batch (N71, seen by no one before the lead's stop-66 measurement). A header naming
the annex's figures ("Số liệu") is no task framework's (``TaskTableSettings.annex_header_words``).
Its other variant ("TT | Chỉ tiêu | Kết quả | Ghi chú", seed 13001's held-out N71) was read as
20 phantom tasks still: its header's words read across its cells ("chú" of "Ghi chú" for "chủ" of a
lead) made a criterion, a product and a lead. A header whose cells each print one label is read
cell by cell (``task_header.cell_columns``): three fields, none only tasks have. Truth from the
generator."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpus_helpers import converted_with_truth
from extract.segment.task_header import cell_columns

DATA = Path(__file__).parent / "data" / "annex67"


@pytest.mark.parametrize("name", ["three_levels_no_unit_column.pdf", "indicator_result_columns.pdf"])
def test_an_annex_without_a_unit_column_is_no_task_table(name: str):
    data, truth = converted_with_truth(DATA / name)
    assert data["task_tables"] == []
    want = {r["code"]: r["value"] for t in truth["statistics"] for r in t["rows"]}
    got = {r["code"]: r["value"] for a in data["statistics"] for r in a["rows"]}
    assert got == want


def test_a_header_cell_by_cell():
    """Each cell its own label: read alone ("Ghi chú" names nothing, "Bộ phận chủ tr" a lead); a
    cell empty, a speck, or naming two columns: merged, read across (``header_columns``)."""
    assert cell_columns(["TT", "Chỉ tiêu", "Kết quả", "Ghi chú"]) == ["code", "criterion_code", "product", None]
    assert cell_columns(["TT", "Nhiệm vụ", "Bộ phận chủ tr", "Thời hạn"]) == ["code", "task", "lead", "deadline"]
    assert cell_columns(["ST", "TC Nhiệm vụ Chủ trì Phối hợp Thời hạn", "", ""]) is None
    assert cell_columns(["ST", "TC Nhiệm vụ Chủ trì Phối hợp Thời hạn", "|", "i"]) is None

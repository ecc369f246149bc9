"""A statistics annex with no unit column ("STT | Nội dung | Số liệu | Ghi chú", the unit in the
indicator's brackets, "Số hồ sơ (hồ sơ)") was read whole as an annex and also as a task table of
20 phantom tasks (its figures taken for their numbers), on every such document of the
seventeenth batch (N71, seen by no one before the lead's stop-66 measurement). A header naming
the annex's figures ("Số liệu") is no task framework's (``TaskTableSettings.annex_header_words``).
Truth from the generator."""

from __future__ import annotations

from pathlib import Path

from corpus_helpers import converted_with_truth

DATA = Path(__file__).parent / "data" / "annex67"


def test_an_annex_without_a_unit_column_is_no_task_table():
    data, truth = converted_with_truth(DATA / "three_levels_no_unit_column.pdf")
    assert data["task_tables"] == []
    want = {r["code"]: r["value"] for t in truth["statistics"] for r in t["rows"]}
    got = {r["code"]: r["value"] for a in data["statistics"] for r in a["rows"]}
    assert got == want

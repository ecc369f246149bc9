"""A score table whose explanations are footnotes listed under it (generated N38 document, corpus
seed 12001): notes (9)–(24) cite documents by number and date ("(9) Công văn số 232/CV-VP ngày
03/06/2024"), so the line reader also took them for a table of 16 rows, which was withdrawn as
unsure and told as an unread part of a document read whole. They are the rows' explanations.
Expected values from the generator's truth file, checked against the document."""

from __future__ import annotations

from pathlib import Path

import pytest

from cchc_extract.pipeline import convert_file, result_to_json

DATA = Path(__file__).parent / "data"


@pytest.mark.parametrize("name", ["footnotes_with_figures.docx", "footnotes_with_figures.pdf"])
def test_notes_full_of_figures_are_explanations_not_an_unread_table(name):
    out = result_to_json(convert_file(DATA / name))
    assert out["unread"] == []
    assert len(out["score_tables"]) == 1
    rows = {r["code"]: r for r in out["score_tables"][0]["rows"]}
    assert len(rows) == 44
    assert rows["3.2.3"]["explanation"] == "Công văn số 232/CV-VP ngày 03/06/2024"
    assert rows["8.4"]["explanation"] == "Quyết định số 262/QĐ-UBND ngày 18/9/2024"

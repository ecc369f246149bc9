"""The second batch of held-out layouts (tools/corpusgen/new_layouts_b.py, N06-N10): the DOCX and PDF
written carry every truth row (code, name, numbers; an annex's indicator and value; a task's deadline
and lead) as the layout prints it, read from the files."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from tests.corpus_helpers import (
    batch_corpus_fixture,
    docx_tables,
    manifest_documents,
    pdf_text,
    read_truth,
    squash,
)

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "tools")]

from corpusgen.new_layouts_b import NEW_LAYOUT_FAMILIES_B  # noqa: E402

from normalize.numbers import format_vn  # noqa: E402

NEW = tuple(NEW_LAYOUT_FAMILIES_B)


def _numbers(text: str) -> set[str]:
    return set(re.findall(r"\d+(?:,\d+)?", text))


def _code_cells(code: str) -> set[str]:
    """What a code cell may print for a normalised code: the code, or its last part ("II.1.a": "a")."""
    return {code, code.split(".")[-1]}


corpus = batch_corpus_fixture("newb", NEW, 2204)


def test_every_truth_row_is_one_printed_row_of_the_docx(corpus):
    """A score row is a table row with its name in a cell, its code in a cell of its own and its
    numbers in that row (a field whose points the detail leaves blank: in the summary's row); an
    annex row is a key cell "<code>. <indicator>" beside its value; a task row holds its task, its
    deadline and its lead (a merged cell is read as every row's it spans)."""
    documents = [d for d in manifest_documents(corpus) if d["format"] == "docx"]
    assert {d["family"] for d in documents} == set(NEW)
    assert len(documents) == 4 * len(NEW)
    for doc in documents:
        truth = read_truth(corpus, doc)
        assert truth["split"] == "heldout"
        rows = [row for t in docx_tables(corpus / doc["path"]) for row in t]
        where = doc["path"]
        for table in truth["score_tables"]:
            for r in table["rows"]:
                holding = [row for row in rows if any(squash(c) == squash(r["name"]) for c in row)]
                assert holding, (where, r["code"])
                assert any(_code_cells(r["code"]) & {c.strip().rstrip(".") for c in row} for row in holding)
                for key in ("max_points", "self_points", "appraised_points"):
                    if r[key] is not None:
                        assert any(format_vn(r[key]) in _numbers(" ".join(row)) for row in holding), (where, r, key)
        for annex in truth["statistics"]:
            for r in annex["rows"]:
                mark = r["code"].split(".")[-1] + ")" if r["code"][-1].isalpha() else r["code"] + "."
                row = next(x for x in rows if squash(x[0]).startswith(squash(f"{mark} {r['indicator']}")))
                if r["value"] is not None:
                    assert format_vn(r["value"]) in _numbers(row[1]), (where, r)
        for task in truth["task_rows"]:
            row = next(x for x in rows if task["task"] in x)
            assert task["code"] in row and task["deadline"] in row and task["lead"] in row, (where, task)


def test_every_truth_value_is_in_the_pdf(corpus):
    for doc in manifest_documents(corpus):
        if doc["format"] != "pdf":
            continue
        truth = read_truth(corpus, doc)
        text = pdf_text(corpus / doc["path"])
        squashed, numbers, where = squash(text), _numbers(text), doc["path"]
        words = {w.rstrip(".:") for w in text.split()}
        for table in truth["score_tables"]:
            for r in table["rows"]:
                assert squash(r["name"]) in squashed, (where, r["name"])
                assert _code_cells(r["code"]) & words, (where, r["code"])
                for key in ("max_points", "self_points", "appraised_points"):
                    if r[key] is not None:
                        assert format_vn(r[key]) in numbers, (where, r["code"], key)
            for total in (table["stated_total_max"], table["stated_total_self"]):
                assert total is None or format_vn(total) in numbers, where
        for annex in truth["statistics"]:
            for r in annex["rows"]:
                assert squash(r["indicator"]) in squashed, (where, r["indicator"])
                mark = r["code"].split(".")[-1] + ")" if r["code"][-1].isalpha() else r["code"]
                assert mark in words, (where, r["code"])
                assert r["value"] is None or format_vn(r["value"]) in numbers, (where, r["code"])
        for task in truth["task_rows"]:
            assert task["code"] in words, (where, task["code"])
            for key in ("task", "deadline", "lead"):
                # a task's row may split at a page break (the header repeated between its halves)
                whole = squash(task[key]) in squashed
                assert whole or set(task[key].split()) <= words, (where, key, task[key])
        for key in ("title", "signer", "commune", "number"):
            assert not truth["document"][key] or squash(truth["document"][key]) in squashed, (where, key)


def test_each_layout_is_in_the_docx(corpus):
    """What makes each family new is printed: verdicts beside the points, a code column per level
    under a header whose points sit under "Điểm số", a two-column key-value annex, field rows with no
    points and a summary of them, a task table's cells merged down."""
    import docx

    for doc in manifest_documents(corpus):
        if doc["format"] != "docx":
            continue
        path, truth, family = corpus / doc["path"], read_truth(corpus, doc), doc["family"]
        tables = docx_tables(path)
        cells = {c for t in tables for row in t for c in row}
        if family.startswith("N06"):
            assert cells & {"Đạt", "Không đạt"}, doc["path"]  # the verdicts, or the ticks' header
            assert "ticks" not in doc["path"] or "x" in cells, doc["path"]
        elif family.startswith("N07"):
            grid = next(t for t in tables if "Điểm số" in t[0])
            assert grid[0].count("Điểm số") == 3 and "Điểm chuẩn" in grid[1], doc["path"]
            levels = {len([c for c in row[:3] if c.strip()]) for row in grid[2:] if row[0] != row[3]}
            assert levels == {1}, doc["path"]  # each row's code in one of the three code columns
        elif family.startswith("N08"):
            assert len(tables[-1][0]) == 2 and all(len(row) == 2 for row in tables[-1]), doc["path"]
        elif family.startswith("N09"):
            fields = [r for r in truth["score_tables"][0]["rows"] if r["parent"] is None]
            detail = next(t for t in tables if len(t[0]) == 5)
            for f in fields:
                row = next(x for x in detail if squash(x[1]) == squash(f["name"]))
                assert row[2] == row[3] == "", (doc["path"], f["code"])
        elif family.startswith("N10"):
            xml = docx.Document(str(path)).tables[-1]._tbl.xml
            assert 'w:vMerge w:val="restart"' in xml and "<w:vMerge/>" in xml, doc["path"]

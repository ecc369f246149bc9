"""The twenty-third batch of held-out layouts (tools/corpusgen/new_layouts_w.py, N94-N97): the DOCX and
PDF written carry every truth row as the layout prints it (files per department; the evidence a line of
the name cell; the form of files handled per field; the self points with their rate), read from the
files with python-docx and pdfplumber, never by the pipeline."""

from __future__ import annotations

import sys
from pathlib import Path

from tests.corpus_helpers import (
    assert_batch_pdfs_carry_truth,
    batch_corpus_fixture,
    cell_points,
    documents_of,
    docx_tables,
    read_truth,
)

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "tools")]

from corpusgen.new_layouts_w import NEW_LAYOUT_FAMILIES_W  # noqa: E402

NEW = tuple(NEW_LAYOUT_FAMILIES_W)


corpus = batch_corpus_fixture("neww", NEW, 0)


def _widest(path: Path) -> list[list[str]]:
    """The DOCX's table with the most rows (the score table or the annex), cells stripped."""
    table = max(docx_tables(path), key=len)
    return [[c.strip() for c in row] for row in table]


def _figures(row: list[str]) -> list[float | None]:
    return [cell_points(c) for c in row]


def test_files_per_department_add_up_to_the_total_row(corpus):
    """N94: a row per department or official, each resolving at most what it received and its on
    time and late files adding up to its resolved ones; the total row (last, odd instances; first
    under a two-row header, even) the truth's figures and each of its counts the departments' sum."""
    documents = documents_of(corpus, "docx", "N94")
    assert len(documents) == 4
    for doc in documents:
        truth, where = read_truth(corpus, doc), doc["path"]
        table = _widest(corpus / doc["path"])
        merged = "total-first" in where
        header = 2 if merged else 1
        assert (table[0][3] == table[0][4] == table[0][5]) == merged, (where, table[0])
        body = table[header:]
        total = body[0] if merged else body[-1]
        units = body[1:] if merged else body[:-1]
        assert total[0] == "" and all(u[0].isdigit() for u in units), where
        values = [r["value"] for r in truth["statistics"][0]["rows"]]
        assert _figures(total[2:7]) == values, (where, total)
        for k in range(4):
            assert sum(_figures(u[2:6])[k] or 0.0 for u in units) == values[k], (where, k)
        for u in units:
            received, resolved, on_time, late = _figures(u[2:6])
            assert resolved <= received and on_time + late == resolved, (where, u)


def test_evidence_stands_on_a_line_of_the_name_cell(corpus):
    """N95: four columns, no evidence column; each row's name cell the truth's name, then (a row
    with an explanation) the explanation on its second line, after a lead (odd instances) or in
    parentheses (even); the points the truth's."""
    documents = documents_of(corpus, "docx", "N95")
    assert len(documents) == 4
    carried = 0
    for doc in documents:
        truth, where = read_truth(corpus, doc), doc["path"]
        table = _widest(corpus / doc["path"])
        assert len(table[0]) == 4, (where, table[0])
        rows = truth["score_tables"][0]["rows"]
        body = [x for x in table[1:] if x[0]]
        assert len(body) == len(rows), where
        for r, x in zip(rows, body):
            lines = x[1].split("\n")
            assert lines[0] == r["name"], (where, x)
            assert (cell_points(x[2]), cell_points(x[3])) == (r["max_points"], r["self_points"]), (where, x)
            if not r["explanation"]:
                assert len(lines) == 1, (where, x)
                continue
            carried += 1
            second = lines[1]
            if "bracketed" in where:
                assert second == f"({r['explanation']})", (where, x)
            else:
                assert second.endswith(": " + r["explanation"]), (where, x)
    assert carried >= 4


def test_the_handling_form_counts_add_up(corpus):
    """N96: "STT | Lĩnh vực", three merged groups of 4, 4 and 3 counts and the share; under the
    header the column numbers "(3)=(4)+(5)+(6)" and the total row last (odd instances), or the total
    row first (even); the total row's figures the truth's, in its order; in every row a group's
    total the sum of its parts and the received ones all resolved or pending."""
    documents = documents_of(corpus, "docx", "N96")
    assert len(documents) == 4
    for doc in documents:
        truth, where = read_truth(corpus, doc), doc["path"]
        table = _widest(corpus / doc["path"])
        numbered = "numbered" in where
        assert len(table[0]) == 14 and table[0][2] == table[0][5] != table[0][6], (where, table[0])
        assert (table[2][2] == "(3)=(4)+(5)+(6)") == numbered, (where, table[2])
        body = table[3:] if numbered else table[2:]
        total = body[-1] if numbered else body[0]
        assert total[0] == "", (where, total)
        by_code = {r["code"]: r["value"] for r in truth["statistics"][0]["rows"]}
        order = ("1", "1.1", "1.2", "1.3", "2", "2.1", "2.2", "2.3", "3", "3.1", "3.2", "2.4")
        assert _figures(total[2:14]) == [by_code[c] for c in order], (where, total)
        for x in body:
            c = _figures(x[2:13])
            assert c[0] == sum(c[1:4]) and c[4] == sum(c[5:8]) and c[8] == sum(c[9:11]), (where, x)
            assert c[0] == c[4] + c[8], (where, x)


def test_the_self_points_carry_the_rate_that_scored_them(corpus):
    """N97: each row's self points cell opens on the truth's points; a leaf's carries its points over
    its maximum in per cent, on a second line (odd instances) or after "đạt" (even); a row made of
    others prints its points alone."""
    documents = documents_of(corpus, "docx", "N97")
    assert len(documents) == 4
    rates = 0
    for doc in documents:
        truth, where = read_truth(corpus, doc), doc["path"]
        table = _widest(corpus / doc["path"])
        rows = truth["score_tables"][0]["rows"]
        parents = {r["parent"] for r in rows}
        body = [x for x in table[1:] if x[0]]
        assert len(body) == len(rows), where
        for r, x in zip(rows, body):
            assert x[1] == r["name"] and cell_points(x[2]) == r["max_points"], (where, x)
            cell = x[3]
            head = cell.split("\n")[0].split(" (")[0]
            assert cell_points(head) == r["self_points"], (where, x)
            if r["code"] in parents or r["self_points"] is None:
                assert cell == head, (where, x)
                continue
            rate = round(100 * r["self_points"] / r["max_points"], 1)
            tail = cell[len(head) :]
            shown = tail.strip().strip("()").removeprefix("đạt ").removesuffix("%")
            assert cell_points(shown) == rate, (where, x)
            assert tail.startswith("\n(" if "second-line" in where else " (đạt "), (where, x)
            rates += 1
    assert rates >= 8


def test_every_truth_row_is_in_the_pdf(corpus):
    """Every score row's name and points, and every statistics row's indicator and figure, are in
    the PDF's text (pdfplumber's lines and cells)."""
    assert_batch_pdfs_carry_truth(corpus, ("N94", "N95", "N96", "N97"), figures=True)

"""The twenty-first batch of held-out layouts (tools/corpusgen/new_layouts_u.py, N86-N89): the DOCX and
PDF written carry every truth row as the layout prints it (last year's points beside this year's; a
count column among the points; the fields across a summary; the last quarter beside the year so far),
read from the files with python-docx and pdfplumber, never by the pipeline."""

from __future__ import annotations

import sys
from pathlib import Path

from tests.corpus_helpers import (
    assert_batch_pdfs_carry_truth,
    batch_corpus_fixture,
    cell_points,
    documents_of,
    docx_score_table,
    docx_tables,
    landscape_pdf,
    read_truth,
)

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "tools")]

from corpusgen.new_layouts_u import NEW_LAYOUT_FAMILIES_U  # noqa: E402

NEW = tuple(NEW_LAYOUT_FAMILIES_U)


corpus = batch_corpus_fixture("newu", NEW, 0)


def _body(table: list[list[str]], truth_rows: list[dict]) -> list[list[str]]:
    """The table's rows that print a code (the total row prints none), one per truth row."""
    body = [x for x in table[1:] if x[0]]
    assert len(body) == len(truth_rows)
    return body


def _sum(values: list[str]) -> float:
    return sum(cell_points(v) or 0.0 for v in values)


def test_last_years_points_stand_beside_this_years(corpus):
    """N86: "code | name | max | last year | this year | change | evidence" (odd instances) or "code
    | name | max | this year | last year | evidence" (even); this year's column the truth's self
    points, its head naming the document's year, last year's the year before; a row made of others
    prints its children's sum of last year's points, and the change is this year's less last's."""
    documents = documents_of(corpus, "docx", "N86")
    assert len(documents) == 4
    for doc in documents:
        truth, where = read_truth(corpus, doc), doc["path"]
        table = docx_score_table(corpus / doc["path"])
        rows = truth["score_tables"][0]["rows"]
        before_first = "before-change" in where
        now_at, past_at = (4, 3) if before_first else (3, 4)
        assert len(table[0]) == (7 if before_first else 6), where
        year = int(table[0][now_at][-4:])
        assert table[0][past_at].endswith(str(year - 1)), (where, table[0])
        body = _body(table, rows)
        by_code = {r["code"]: x for r, x in zip(rows, body)}
        for r, x in zip(rows, body):
            assert x[0].rstrip(".") == r["code"].split(".")[-1] or x[0].rstrip(".") == r["code"], (where, x)
            assert x[1] == r["name"], (where, x)
            assert cell_points(x[2]) == r["max_points"], (where, x)
            assert cell_points(x[now_at]) == r["self_points"], (where, x)
            kids = [by_code[k["code"]] for k in rows if k["parent"] == r["code"]]
            if kids:
                assert abs(_sum([k[past_at] for k in kids]) - _sum([x[past_at]])) < 1e-6, (where, x)
            if before_first and r["self_points"] is not None:
                assert abs(_sum([x[now_at]]) - _sum([x[past_at]]) - _sum([x[5].lstrip("+")])) < 1e-6, (where, x)


def test_a_count_column_stands_among_the_points(corpus):
    """N87: a count column after the maximum (odd instances) or before it (even), blank on a row made
    of others and on the total; the maximum and self points the truth's in their columns."""
    documents = documents_of(corpus, "docx", "N87")
    assert len(documents) == 4
    for doc in documents:
        truth, where = read_truth(corpus, doc), doc["path"]
        table = docx_score_table(corpus / doc["path"])
        rows = truth["score_tables"][0]["rows"]
        count_at = 3 if "after-max" in where else 2
        max_at, self_at = (2, 4) if count_at == 3 else (3, 4)
        assert "Số lượng" in table[0][count_at] or "số lượng" in table[0][count_at], (where, table[0])
        parents = {r["parent"] for r in rows}
        counted = 0
        for r, x in zip(rows, _body(table, rows)):
            assert x[1] == r["name"], (where, x)
            assert cell_points(x[max_at]) == r["max_points"], (where, x)
            assert cell_points(x[self_at]) == r["self_points"], (where, x)
            if r["code"] in parents:
                assert x[count_at] == "", (where, x)
            elif x[count_at]:
                assert x[count_at].isdigit(), (where, x)
                counted += 1
        assert counted >= 1, where


def test_the_fields_stand_across_the_summary(corpus):
    """N88: one column per field, headed by its code and name, and a total column; the rows the
    maximum and the self points (and, even instances, each field's share of its maximum); the
    truth the fields alone; landscape with more than five fields."""
    documents = documents_of(corpus, "docx", "N88")
    assert len(documents) == 4
    for doc in documents:
        truth, where = read_truth(corpus, doc), doc["path"]
        table = next(t for t in docx_tables(corpus / doc["path"]) if len(t) in (3, 4) and len(t[0]) >= 4)
        score = truth["score_tables"][0]
        rows = score["rows"]
        assert all(r["parent"] is None for r in rows), where
        assert len(table[0]) == len(rows) + 2, where
        assert len(table) == (4 if "share-row" in where else 3), where
        for k, r in enumerate(rows, start=1):
            assert table[0][k].endswith(r["name"]) and table[0][k].startswith(r["code"]), (where, table[0][k])
            assert cell_points(table[1][k]) == r["max_points"], (where, k)
            assert cell_points(table[2][k]) == r["self_points"], (where, k)
        assert cell_points(table[1][-1]) == score["stated_total_max"], where
        assert cell_points(table[2][-1]) == score["stated_total_self"], where
    pdfs = documents_of(corpus, "pdf", "N88")
    for doc in pdfs:
        rows = read_truth(corpus, doc)["score_tables"][0]["rows"]
        assert landscape_pdf(corpus / doc["path"]) == (len(rows) > 5), doc["path"]


def test_the_last_quarter_stands_beside_the_year_so_far(corpus):
    """N89: "STT | indicator | unit" then the last quarter and the year so far (odd instances, under
    a merged "Kết quả thực hiện") or the year so far first (even); the truth's value the figure
    since the start of the year; a count's quarter figure at most its cumulative one."""
    documents = documents_of(corpus, "docx", "N89")
    assert len(documents) == 4
    for doc in documents:
        truth, where = read_truth(corpus, doc), doc["path"]
        table = next(t for t in docx_tables(corpus / doc["path"]) if len(t[0]) == 5)
        first = "cumulative-first" in where
        header = 1 if first else 2
        cum_at, quarter_at = (3, 4) if first else (4, 3)
        assert "Lũy kế" in table[header - 1][cum_at], (where, table[header - 1])
        assert "quý" in table[header - 1][quarter_at].lower(), where
        if not first:
            assert table[0][3] == table[0][4] == "Kết quả thực hiện", where
        rows = truth["statistics"][0]["rows"]
        body = table[header:]
        assert len(body) == len(rows), where
        for r, x in zip(rows, body):
            assert x[1] == r["indicator"], (where, x)
            assert cell_points(x[cum_at]) == r["value"], (where, x)
            if r["unit"] != "%" and r["value"] is not None and x[quarter_at] and not truth["faults"]:
                assert (cell_points(x[quarter_at]) or 0.0) <= r["value"] + 1e-6, (where, x)


def test_every_truth_row_is_in_the_pdf(corpus):
    """Every score row's name and points, and every statistics row's indicator and figure, are in
    the PDF's text (pdfplumber's lines and cells)."""
    assert_batch_pdfs_carry_truth(corpus, ("N86", "N87", "N88", "N89"), figures=True)

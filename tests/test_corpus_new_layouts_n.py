"""The fourteenth batch of held-out layouts (tools/corpusgen/new_layouts_n.py, N58-N61): the DOCX and
PDF written carry every truth row as the layout prints it (the self points between the explanation and
the evidence; a score table in two halves side by side; an annex per quarter with the same period last
year and the comparison; a plan's tasks with a start and an end date and a notes column), read from the
files with python-docx and pdfplumber, never by the pipeline."""

from __future__ import annotations

import datetime as dt
import re
import sys
from pathlib import Path

from tests.corpus_helpers import (
    assert_batch_pdfs_carry_truth,
    assert_period_figures,
    batch_corpus_fixture,
    cell_points,
    documents_of,
    docx_score_table,
    docx_tables,
    landscape_pdf,
    pdf_text,
    read_truth,
)

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "tools")]

from corpusgen.grid import printed_code  # noqa: E402
from corpusgen.new_layouts_c import STOCK_UNITS  # noqa: E402
from corpusgen.new_layouts_n import (  # noqa: E402
    AGAINST_HEADS,
    END_HEADS,
    EVIDENCE_HEADS,
    EXPLAIN_HEADS,
    NEW_LAYOUT_FAMILIES_N,
    START_HEADS,
)

NEW = tuple(NEW_LAYOUT_FAMILIES_N)
CITED = re.compile(r"(Kế hoạch|Báo cáo|Quyết định|Thông báo|Công văn) số \d+/[A-ZĐ]+-[A-Z]+ ngày \d{1,2}/\d{1,2}/\d{4}")


corpus = batch_corpus_fixture("newn", NEW, 10104)


def _row_of(table: list[list[str]], code: str, name: str, at: int = 0) -> list[str]:
    """The one row of ``table`` whose cells from ``at`` print ``code`` and ``name``."""
    (row,) = [x for x in table if x[at] == printed_code(code, "mixed") and x[at + 1] == name]
    return row


def test_the_self_points_stand_between_the_explanation_and_the_evidence(corpus):
    """N58: "STT | name | max | explanation | self | evidence" (odd instances) or "STT | name |
    explanation | max | self | evidence" (even); each truth row a row with its maximum and self
    points, its explanation as the truth's (blank for none), and its evidence one or two cited
    documents for a scored leaf, blank for a row made of others."""
    documents = documents_of(corpus, "docx", "N58")
    assert len(documents) == 4
    for doc in documents:
        truth, where = read_truth(corpus, doc), doc["path"]
        table = docx_score_table(corpus / doc["path"])
        head = table[0]
        order = ["max", "explanation", "self"] if "max-first" in where else ["explanation", "max", "self"]
        at = {k: 2 + i for i, k in enumerate(order)}
        assert head[at["explanation"]] in EXPLAIN_HEADS and head[5] in EVIDENCE_HEADS, (where, head)
        rows = truth["score_tables"][0]["rows"]
        parents = {r["parent"] for r in rows}
        for r in rows:
            x = _row_of(table, r["code"], r["name"])
            assert [cell_points(x[at["max"]]), cell_points(x[at["self"]])] == [r["max_points"], r["self_points"]]
            assert x[at["explanation"]] == (r["explanation"] or ""), (where, x)
            if r["code"] in parents:
                assert x[5] == "", (where, x)
            else:
                cited = x[5].split("\n")
                assert 1 <= len(cited) <= 2 and all(CITED.fullmatch(c) for c in cited), (where, x[5])


def test_a_score_table_in_two_halves_side_by_side(corpus):
    """N59: a landscape page; one table whose header is the same four labels twice; every truth row
    a four-cell group "code | name | max | self" in the left or the right half, the left half's rows
    first in truth order and the right half's after them; the right half starts at a field (odd
    instances, when the set has more than one) or at the middle row (even); the total row closes
    the right half."""
    documents = documents_of(corpus, "docx", "N59")
    assert len(documents) == 4
    for doc in documents:
        truth, where = read_truth(corpus, doc), doc["path"]
        table = docx_score_table(corpus / doc["path"])
        assert len(table[0]) == 8 and table[0][:4] == table[0][4:], (where, table[0])
        halves = [x[:4] for x in table[1:]] + [x[4:] for x in table[1:]]
        printed = [h for h in halves if any(h)]
        score = truth["score_tables"][0]
        rows = score["rows"]
        assert [h[0] for h in printed[: len(rows)]] == [printed_code(r["code"], "mixed") for r in rows], where
        for r, h in zip(rows, printed):
            assert h[1] == r["name"], (where, h)
            assert [cell_points(h[2]), cell_points(h[3])] == [r["max_points"], r["self_points"]], (where, h)
        assert [cell_points(v) for v in printed[-1][2:]] == [score["stated_total_max"], score["stated_total_self"]]
        left = sum(1 for x in table[1:] if any(x[:4]))
        fields = [i for i, r in enumerate(rows) if r["parent"] is None and i > 0]
        if "at-field" in where and fields:
            assert left in fields, (where, left)
        if "at-middle" in where:
            assert left == (len(rows) + 1) // 2, (where, left)
    for doc in documents_of(corpus, "pdf", "N59"):
        assert landscape_pdf(corpus / doc["path"]), doc["path"]


def test_the_annex_sets_the_period_against_the_same_period_last_year(corpus):
    """N60: the annex's header ends "… | same period last year | comparison (%)"; each truth row a
    row (printed code, indicator, unit) whose whole-period cell is the truth's value, its quarters
    adding up to it (a stock the same each quarter), last year's figure printed for every figure,
    and the comparison 100 × value / last year's (two decimals) for a count, blank for a share."""
    documents = documents_of(corpus, "docx", "N60")
    assert len(documents) == 4
    compared = 0
    for doc in documents:
        truth, where = read_truth(corpus, doc), doc["path"]
        table = next(t for t in docx_tables(corpus / doc["path"]) if t[0][-1] in AGAINST_HEADS)
        assert "cùng kỳ" in table[0][-2].lower(), (where, table[0])
        first = "total-first" in where
        rows = table[2:] if not first else table[1:]
        stats = truth["statistics"][0]["rows"]
        assert len(rows) == len(stats), where
        for r, x in zip(stats, rows):
            assert x[1] == r["indicator"] and x[2] == r["unit"], (where, x)
            periods = x[3:-2]
            whole, quarters = (periods[0], periods[1:]) if first else (periods[-1], periods[:-1])
            assert cell_points(whole.replace(".", "") if r["unit"] != "%" else whole) == r["value"], (where, x)
            if r["unit"] != "%":
                assert_period_figures([q.replace(".", "") for q in quarters], r, where, STOCK_UNITS)
            before, against = x[-2], x[-1]
            assert (before == "") == (r["value"] is None), (where, x)
            if r["value"] is None or r["unit"] == "%":
                assert against == "", (where, x)
                continue
            last = float(before.replace(".", "").replace(",", "."))
            assert cell_points(against) == round(100 * r["value"] / last, 2), (where, x)
            compared += 1
    assert compared


def _date(text: str) -> dt.date:
    day, month, year = (int(p) for p in text.split()[-1].split("/"))
    return dt.date(year, month, day)


def test_each_task_has_a_start_an_end_and_a_note(corpus):
    """N61: the appendix's task table "TT | task | product | start | end | lead | coordinator |
    Ghi chú"; its task rows (those numbered) are the truth's tasks in order, the end cell the
    truth's deadline ("Trước ngày 30/06/2025" in odd instances, the bare date in even), the start
    an exact date of the same year no later than the end; the PDF prints every task's words and
    its deadline's."""
    documents = documents_of(corpus, "docx", "N61")
    assert len(documents) == 4
    for doc in documents:
        truth, where = read_truth(corpus, doc), doc["path"]
        assert truth["split"] == "heldout" and truth["task_rows"]
        table = next(t for t in docx_tables(corpus / doc["path"]) if t[0][-1] == "Ghi chú")
        assert len(table[0]) == 8 and table[0][3] in START_HEADS and table[0][4] in END_HEADS, (where, table[0])
        tasks = [row for row in table[1:] if row[0].isdigit()]
        assert len(tasks) == len(truth["task_rows"]), where
        for t, row in zip(truth["task_rows"], tasks):
            assert [row[0], row[1], row[2], row[4], row[6]] == [
                t["code"],
                t["task"],
                t["product"],
                t["deadline"],
                t["coordinator"],
            ], (where, row)
            assert re.fullmatch(re.escape(t["lead"]) + r"\S*", row[5]), (where, row)  # a footnote mark may follow
            assert t["deadline"].startswith("Trước ngày ") == ("before" in where), (where, row)
            assert re.fullmatch(r"\d{1,2}/\d{1,2}/\d{4}", row[3]) and _date(row[3]) <= _date(row[4]), (where, row)
    for doc in documents_of(corpus, "pdf", "N61"):  # a tall row may break over a page: words, not runs
        words = set(pdf_text(corpus / doc["path"]).split())
        for t in read_truth(corpus, doc)["task_rows"]:
            assert set(t["task"].split()) | set(t["deadline"].split()) <= words, (doc["path"], t)


def test_every_truth_row_is_in_the_pdf(corpus):
    """Every score row's name and points, and every statistics row's indicator and figure, are in
    the PDF's text (pdfplumber's lines and cells)."""
    assert_batch_pdfs_carry_truth(corpus, ("N58", "N59", "N60"), figures=True)

"""The eighteenth batch of held-out layouts (tools/corpusgen/new_layouts_r.py, N74-N77): the DOCX and
PDF written carry every truth row as the layout prints it (an annex's results set against the year's
plan; each criterion's evidence a row of its own; a plan's work assigned in a matrix of units; a plan's
tasks priced with a total row), read from the files with python-docx and pdfplumber, never by the
pipeline."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.corpus_helpers import (
    assert_batch_pdfs_carry_truth,
    assert_pdfs_print_tasks,
    batch_corpus_fixture,
    cell_points,
    documents_of,
    docx_tables,
    read_truth,
)

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "tools")]

from corpusgen.new_layouts_r import (  # noqa: E402
    COST_HEADS,
    COST_TOTALS,
    EVIDENCE_LABELS,
    MATRIX_GROUPS,
    NEW_LAYOUT_FAMILIES_R,
    PLAN_RATIO_HEADS,
    RESULT_FIRST_HEADS,
)

from normalize.numbers import format_vn  # noqa: E402

NEW = tuple(NEW_LAYOUT_FAMILIES_R)


corpus = batch_corpus_fixture("newr", NEW, 0)


def _points(value: float | None) -> str:
    return "" if value is None else format_vn(value)


def _heads_words(heads: tuple[tuple[str, ...], ...]) -> set[str]:
    """The first word of each head of ``heads`` (a head's period and year are filled in)."""
    return {h.split()[0] for group in heads for h in group}


def test_each_result_is_set_against_the_year_s_plan(corpus):
    """N74: "STT | Nội dung | ĐVT | plan | result | ratio | Ghi chú" (odd instances) or "… | result |
    plan | ratio | …" (even); every truth row in order a row: its code, indicator, unit and result
    (the truth's value); where a plan is printed, the ratio is the result over it in per cent, and a
    breakdown item prints none."""
    documents = documents_of(corpus, "docx", "N74")
    assert len(documents) == 4
    for doc in documents:
        truth, where = read_truth(corpus, doc), doc["path"]
        table = next(t for t in docx_tables(corpus / doc["path"]) if len(t[0]) == 7)
        first = "result-first" in where
        heads = RESULT_FIRST_HEADS if first else PLAN_RATIO_HEADS
        assert table[0][3].split()[0] in _heads_words(heads), (where, table[0])
        stats = truth["statistics"][0]["rows"]
        assert len(table) == 1 + len(stats), where
        planned = 0
        for r, x in zip(stats, table[1:]):
            result, plan = (x[3], x[4]) if first else (x[4], x[3])
            assert [x[1], x[2], result] == [r["indicator"], r["unit"], _points(r["value"])], (where, x)
            if plan:
                planned += 1
                ratio = round(100.0 * r["value"] / cell_points(plan), 2)
                assert cell_points(x[5]) == ratio, (where, x)
            if r["code"] is not None and r["code"][-1].isalpha():
                assert not plan, (where, x)
        assert planned >= 3, where


def test_each_criterion_s_evidence_is_a_row_under_it(corpus):
    """N75: "TT | name | max | self", no evidence column; every truth row in order a row of its
    own, and under each that has an explanation a row carrying it: one cell across the table after
    a label "Tài liệu kiểm chứng:" (odd instances), or a blank code cell and the explanation in
    brackets across the rest (even)."""
    documents = documents_of(corpus, "docx", "N75")
    assert len(documents) == 4
    for doc in documents:
        truth, where = read_truth(corpus, doc), doc["path"]
        table = next(t for t in docx_tables(corpus / doc["path"]) if len(t[0]) == 4 and "điểm" in t[0][2].lower())
        labelled = "labelled" in where
        rows = iter(table[1:])
        shown = 0
        for r in truth["score_tables"][0]["rows"]:
            x = next(rows)
            assert [x[0].rstrip("."), x[1]] == [r["code"], r["name"]], (where, x)
            assert [cell_points(x[2]), cell_points(x[3])] == [r["max_points"], r["self_points"]], (where, x)
            if not r["explanation"]:
                continue
            e = next(rows)
            if labelled:
                assert len(set(e)) == 1, (where, e)
                label = next(a for a in EVIDENCE_LABELS if e[0].startswith(a))
                assert e[0] == f"{label} {r['explanation']}", (where, e)
            else:
                assert e[0] == "" and e[1:] == [f"({r['explanation']})"] * 3, (where, e)
            shown += 1
        assert shown, where


def test_the_work_is_assigned_in_a_matrix_of_units(corpus):
    """N76: a two-row header, "TT | task | product | deadline" then one column per unit under a
    merged "Phân công thực hiện"; every truth task's row in order, "CT" / "Chủ trì" in its lead's
    column and "PH" / "Phối hợp" in each coordinator's, the coordinators named in the columns'
    order."""
    documents = documents_of(corpus, "docx", "N76")
    assert len(documents) == 4
    for doc in documents:
        truth, where = read_truth(corpus, doc), doc["path"]
        table = max(docx_tables(corpus / doc["path"]), key=len)
        assert table[0][4] in MATRIX_GROUPS and len(set(table[0][4:])) == 1, (where, table[0])
        units = table[1][4:]
        lead_mark, helper_mark = ("CT", "PH") if "letters" in where else ("Chủ trì", "Phối hợp")
        tasks = truth["task_rows"]
        rows = [x for x in table[2:] if x[0].isdigit()]  # a section's row prints its numeral "I"
        assert len(rows) == len(tasks), where
        for t, x in zip(tasks, rows):
            assert x[:4] == [t["code"], t["task"], t["product"], t["deadline"]], (where, x)
            marks = dict(zip(units, x[4:]))
            assert [u for u, m in marks.items() if m == lead_mark] == [t["lead"]], (where, x)
            assert ", ".join(u for u, m in marks.items() if m == helper_mark) == t["coordinator"], (where, x)
    assert_pdfs_print_tasks(corpus, "N76")


def test_each_task_is_priced_and_the_costs_add_up_in_a_total_row(corpus):
    """N77: a cost column ("Kinh phí (triệu đồng)") and a source column after the product; every
    truth task's row in order; a total row, last (odd instances) or first under the header (even),
    whose figure is the sum of the costs."""
    documents = documents_of(corpus, "docx", "N77")
    assert len(documents) == 4
    for doc in documents:
        truth, where = read_truth(corpus, doc), doc["path"]
        table = max(docx_tables(corpus / doc["path"]), key=len)
        assert table[0][3] in COST_HEADS, (where, table[0])
        total = table[-1] if "total-last" in where else table[1]
        assert total[0] in COST_TOTALS, (where, total)
        tasks = truth["task_rows"]
        rows = [x for x in table[1:] if x[0].isdigit()]
        assert len(rows) == len(tasks), where
        for t, x in zip(tasks, rows):
            assert [x[0], x[1], x[2], x[5], x[6], x[7]] == [
                t["code"],
                t["task"],
                t["product"],
                t["deadline"],
                t["lead"],
                t["coordinator"],
            ], (where, x)
        costs = [cell_points(x[3]) for x in rows if x[3] != "-"]
        assert cell_points(total[3]) == pytest.approx(sum(c for c in costs if c is not None)), (where, total)
    assert_pdfs_print_tasks(corpus, "N77")


def test_every_truth_row_is_in_the_pdf(corpus):
    """Every score row's name and points, and every statistics row's indicator and figure, are in
    the PDF's text (pdfplumber's lines and cells)."""
    assert_batch_pdfs_carry_truth(corpus, ("N74", "N75"), figures=True)

"""The tenth batch of held-out layouts (tools/corpusgen/new_layouts_j.py, N42-N45): the DOCX and PDF
written carry every truth row as the layout prints it (a figure per month in a report's annex; a plan's
targets in a table beside last year's result; the self points as a verdict with the points; the names
in two columns side by side, landscape), read from the files with python-docx, pdfplumber and
pdftotext, never by the pipeline."""

from __future__ import annotations

import re
import subprocess
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
    pdf_text,
    read_truth,
    squash,
)

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "tools")]

from corpusgen.grid import printed_code  # noqa: E402
from corpusgen.new_layouts_c import STOCK_UNITS  # noqa: E402
from corpusgen.new_layouts_j import NEW_LAYOUT_FAMILIES_J, PARTLY  # noqa: E402

from normalize.numbers import format_vn  # noqa: E402

NEW = tuple(NEW_LAYOUT_FAMILIES_J)


corpus = batch_corpus_fixture("newj", NEW, 6314)


def test_the_annex_gives_a_figure_per_month(corpus):
    """N42: the annex's header names the six months in order, "T1 … T6" (odd instances) or "Tháng 1
    … Tháng 6" (even), the six months' column last (odd) or first (even); every truth row is one
    table row whose six months' figure is the truth's value; a count's months add up to it, a
    stock's are all of it, a share's months are shares (0-100)."""
    documents = documents_of(corpus, "docx", "N42")
    assert len(documents) == 4
    for doc in documents:
        truth, where = read_truth(corpus, doc), doc["path"]
        assert truth["split"] == "heldout" and "6 tháng" in truth["statistics"][0]["title"].lower(), where
        table = next(t for t in docx_tables(corpus / doc["path"]) if len(t[0]) == 10)
        odd = "months-total-last" in where
        header = next(r for r in table if "T1" in r or "Tháng 1" in r)
        months = [f"T{m}" if odd else f"Tháng {m}" for m in range(1, 7)]
        assert header[3:9] == months if odd else header[4:10] == months, (where, header)
        rows = [r for r in table if r is not header and r[1] != header[1]]
        for t in truth["statistics"][0]["rows"]:
            (x,) = [r for r in rows if r[1] == t["indicator"] and r[2] == t["unit"]]
            whole, each = (x[9], x[3:9]) if odd else (x[3], x[4:10])
            assert cell_points(whole) == t["value"], (where, x)
            assert_period_figures(each, t, where, STOCK_UNITS)


# A target cell's words before the figure (tools/corpusgen/plans.TARGET_CELL_WORDS read back).
CELL_COMPARATORS = {"≥": ">=", "Trên": ">", "≤": "<=", "Dưới": "<"}


def _target_cell(text: str) -> tuple[str, float]:
    m = re.fullmatch(r"(≥|Trên|≤|Dưới)? ?(\d+(?:,\d+)?)", text.strip())
    assert m, text
    return CELL_COMPARATORS.get(m.group(1) or "", "="), float(m.group(2).replace(",", "."))


def test_the_plan_targets_sit_in_a_table_beside_last_year(corpus):
    """N43: the targets' table "TT | Chỉ tiêu | ĐVT | <last year> | <this year's target>" (odd
    instances) or "… | <this year's target> | Ghi chú" with "Năm <last> đạt …" in the note (even);
    its rows are the truth's targets in order (indicator, unit, comparator and figure from the
    target cell), the year the one the target column names, last year's figure no target; the
    PDF carries every target's indicator and cell."""
    documents = documents_of(corpus, "docx", "N43")
    assert len(documents) == 4
    for doc in documents:
        truth, where = read_truth(corpus, doc), doc["path"]
        assert truth["split"] == "heldout" and truth["targets"] and not truth["task_rows"], where
        (table,) = [t for t in docx_tables(corpus / doc["path"]) if t[0][0] == "TT"]
        beside = "targets-beside-last-year" in where
        aim = 4 if beside else 3
        year = truth["targets"][0]["year"]
        assert str(year) in table[0][aim] and (not beside or str(year - 1) in table[0][3]), (where, table[0])
        assert len(table) - 1 == len(truth["targets"]), where
        text = squash(pdf_text(corpus / doc["path"].replace(".docx", ".pdf")))
        for t, row in zip(truth["targets"], table[1:]):
            assert [row[1], row[2], t["year"]] == [t["indicator"], t["unit"], year], (where, row)
            assert _target_cell(row[aim]) == (t["comparator"], t["value"]), (where, row)
            if beside:
                assert re.fullmatch(r"\d+(,\d+)?", row[3]), (where, row)
            else:
                assert row[4].startswith(f"Năm {year - 1} đạt "), (where, row)
            assert squash(t["indicator"]) in text and squash(row[aim]) in text, (where, t)


def _verdict(text: str, bracketed: bool) -> tuple[str, float]:
    pattern = r"(.+) \((\d+(?:,\d+)?)\)" if bracketed else r"(.+): (\d+(?:,\d+)?) điểm"
    m = re.fullmatch(pattern, text)
    assert m, text
    return m.group(1), float(m.group(2).replace(",", "."))


def test_the_self_points_are_a_verdict_with_its_points(corpus):
    """N44: every truth row is one table row with its maximum; a leaf's self cell is its verdict
    and its points, "Đạt (2)" (odd instances) or "Đạt: 2 điểm" (even), the points the truth's,
    "Đạt" on full points, "Không đạt" on none, a partial word between; a row made of others prints
    its points as a figure; a row without self points prints nothing."""
    documents = documents_of(corpus, "docx", "N44")
    assert len(documents) == 4
    for doc in documents:
        truth, where = read_truth(corpus, doc), doc["path"]
        rows = docx_score_table(corpus / doc["path"])
        bracketed = "verdict-bracketed" in where
        score = truth["score_tables"][0]
        parents = {r["parent"] for r in score["rows"]}
        verdicts = 0
        for r in score["rows"]:
            (x,) = [x for x in rows[1:] if x[0] == printed_code(r["code"], "mixed") and x[1] == r["name"]]
            assert cell_points(x[2]) == r["max_points"], (where, x)
            if r["self_points"] is None:
                assert x[3] == "", (where, x)
            elif r["code"] in parents:
                assert cell_points(x[3]) == r["self_points"], (where, x)
            else:
                word, value = _verdict(x[3], bracketed)
                full, none = r["self_points"] >= r["max_points"], r["self_points"] == 0
                assert value == r["self_points"], (where, x)
                expected = "Đạt" if full else "Không đạt" if none else None
                assert word == expected or (expected is None and word in PARTLY), (where, x)
                verdicts += 1
        assert verdicts, where


def test_the_names_sit_side_by_side_on_a_landscape_page(corpus):
    """N45: the header names two name columns; a field's name across both, a criterion's in the
    first with the second blank, a sub-criterion's in the second with the first its criterion's
    (the merged cell, odd instances) or blank (even); points as the truth's; the page landscape."""
    import pdfplumber

    documents = documents_of(corpus, "docx", "N45")
    assert len(documents) == 4
    deep = 0
    for doc in documents:
        truth, where = read_truth(corpus, doc), doc["path"]
        rows = docx_score_table(corpus / doc["path"])
        merged = "side-by-side-merged" in where
        assert len(rows[0]) == 6 and rows[0][1] != rows[0][2], (where, rows[0])
        by_code = {r["code"]: r for r in truth["score_tables"][0]["rows"]}
        for r in by_code.values():
            (x,) = [x for x in rows[1:] if x[0] == printed_code(r["code"], "mixed")]
            level, up = 0, r
            while up["parent"] is not None:
                level, up = level + 1, by_code[up["parent"]]
            if level == 0:
                assert x[1] == x[2] == r["name"], (where, x)
            elif level == 1:
                assert [x[1], x[2]] == [r["name"], ""], (where, x)
            else:
                criterion = r
                while by_code[criterion["parent"]]["parent"] is not None:
                    criterion = by_code[criterion["parent"]]
                assert [x[1], x[2]] == [criterion["name"] if merged else "", r["name"]], (where, x)
                deep += 1
            assert [cell_points(x[3]), cell_points(x[4])] == [r["max_points"], r["self_points"]], (where, x)
        with pdfplumber.open(corpus / doc["path"].replace(".docx", ".pdf")) as pdf:
            assert all(p.width > p.height for p in pdf.pages), where
    assert deep


def test_every_truth_row_is_in_the_pdf(corpus):
    """Every score row's name and points, and every statistics row's indicator and figure, are in
    the PDF's text (pdfplumber's lines and cells); N42's figures also in pdftotext's."""
    assert_batch_pdfs_carry_truth(corpus, ("N42", "N44", "N45"), figures=True)
    for doc in documents_of(corpus, "pdf", "N42"):
        text = subprocess.run(["pdftotext", str(corpus / doc["path"]), "-"], capture_output=True, text=True).stdout
        for r in read_truth(corpus, doc)["statistics"][0]["rows"]:
            assert r["value"] is None or format_vn(r["value"]) in text, (doc["path"], r)

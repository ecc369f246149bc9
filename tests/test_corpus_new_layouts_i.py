"""The ninth batch of held-out layouts (tools/corpusgen/new_layouts_i.py, N38-N41): the DOCX and PDF
written carry every truth row as the layout prints it (the evidence as numbered footnotes under the
table; a share column after the self points; the statistics as numbered lines in the report's body; a
budget column in a plan's task table), read from the files with python-docx, pdfplumber and pdftotext,
never by the pipeline."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from tests.corpus_helpers import (
    assert_batch_pdfs_carry_truth,
    batch_corpus_fixture,
    cell_points,
    documents_of,
    docx_paragraphs,
    docx_score_table,
    docx_tables,
    pdf_text,
    read_truth,
    squash,
)

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "tools")]

from corpusgen.grid import printed_code  # noqa: E402
from corpusgen.new_layouts_i import NEW_LAYOUT_FAMILIES_I  # noqa: E402

from normalize.numbers import format_vn  # noqa: E402

NEW = tuple(NEW_LAYOUT_FAMILIES_I)


corpus = batch_corpus_fixture("newi", NEW, 5314)


def _rows_of(rows: list[list[str]], r: dict) -> list[list[str]]:
    return [x for x in rows if x[0] == printed_code(r["code"], "mixed") and squash(x[1]).startswith(squash(r["name"]))]


def test_the_evidence_is_footnoted_under_the_table(corpus):
    """N38: four columns, no evidence column; every truth row is one table row whose points are the
    truth's; a row with an explanation prints its name and the next footnote's mark, "(k)" (odd
    instances) or " [k]" (even), a row without one its name alone; the notes under the table are
    "(k) <explanation>" in the marks' order."""
    documents = documents_of(corpus, "docx", "N38")
    assert len(documents) == 4
    marked = 0
    for doc in documents:
        truth, where = read_truth(corpus, doc), doc["path"]
        assert truth["split"] == "heldout"
        rows = docx_score_table(corpus / doc["path"])
        assert len(rows[0]) == 4 and not any("kiểm chứng" in c.lower() for c in rows[0]), (where, rows[0])
        paragraphs = [p.strip() for p in docx_paragraphs(corpus / doc["path"])]
        k = 0
        for r in truth["score_tables"][0]["rows"]:
            (x,) = _rows_of(rows[1:], r)
            assert [cell_points(x[2]), cell_points(x[3])] == [r["max_points"], r["self_points"]], (where, x)
            if r["explanation"]:
                k += 1
                mark = f"({k})" if "footnotes-bracketed" in where else f" [{k}]"
                assert x[1] == r["name"] + mark, (where, x[1])
                assert f"({k}) {r['explanation']}" in paragraphs, (where, k)
            else:
                assert x[1] == r["name"], (where, x[1])
        marked += k
        assert len([p for p in paragraphs if re.match(r"\(\d+\) ", p)]) == k, where
    assert marked


def test_the_share_column_is_self_over_max(corpus):
    """N39: a share column after the self points ("Tỷ lệ đạt (%)", "Tỷ lệ (%)", …); every truth
    row is one table row with its points; the share is the self points over the maximum in per
    cent to one decimal, on the fields and the total only (odd instances) or on every row (even),
    blank where there are no self points; the evidence column last."""
    documents = documents_of(corpus, "docx", "N39")
    assert len(documents) == 4
    for doc in documents:
        truth, where = read_truth(corpus, doc), doc["path"]
        rows = docx_score_table(corpus / doc["path"])
        assert "Tỷ lệ" in rows[0][4] and "%" in rows[0][4], (where, rows[0])
        score = truth["score_tables"][0]
        for r in score["rows"]:
            (x,) = _rows_of(rows[1:], r)
            assert x[1] == r["name"] and [cell_points(x[2]), cell_points(x[3])] == [r["max_points"], r["self_points"]]
            shown = r["parent"] is None or "every-row" in where
            want = format_vn(round(100 * r["self_points"] / r["max_points"], 1)) if r["self_points"] is not None else ""
            assert x[4] == (want if shown else ""), (where, x)
            assert x[5] == (r["explanation"] or ""), (where, x)
        if score["stated_total_max"] is not None:
            total = next(x for x in rows[1:] if x[0] == "" and x[2])
            assert cell_points(total[2]) == score["stated_total_max"], where
            self_total, full = score["stated_total_self"], score["stated_total_max"]
            assert total[4] == ("" if self_total is None else format_vn(round(100 * self_total / full, 1))), where


def _figure(row: dict) -> str:
    value = format_vn(row["value"])
    return value + "%" if row["unit"] == "%" else f"{value} {row['unit'].lower()}"


def test_the_statistics_are_numbered_lines(corpus):
    """N40: no table of figures; each top indicator is a line "k. <indicator>: <figure> <unit>",
    its items (code None in the truth) told in brackets after it (odd instances) or as "- " lines
    under it (even), each with its figure; a share "… đạt 87,72%" (or ": 87,72%"), the printed
    share the truth's (a planted ratio fault printed as planted)."""
    documents = documents_of(corpus, "docx", "N40")
    assert len(documents) == 4
    for doc in documents:
        truth, where = read_truth(corpus, doc), doc["path"]
        assert len(docx_tables(corpus / doc["path"])) <= 2  # the header and the signature only
        paragraphs = [p.strip() for p in docx_paragraphs(corpus / doc["path"])]
        rows = truth["statistics"][0]["rows"]
        assert rows[0]["code"] == "1" and all(r["code"] is None or "." not in r["code"] for r in rows), where
        at = 0
        for r in rows:
            if r["code"] is not None:
                head = f"{r['code']}. {r['indicator']}: {_figure(r)}"
                at = next(k for k, p in enumerate(paragraphs) if p.startswith(head))
                continue
            item = r["indicator"][1:]
            told = f"{item}: {_figure(r)}" if r["unit"] != "%" or " đạt" in item else f"{item} đạt {_figure(r)}"
            if "stat-lines-inline" in where:
                assert "(trong đó: " in paragraphs[at] and told in paragraphs[at], (where, r["indicator"])
            else:
                dashed = [p for p in paragraphs[at + 1 :] if p.startswith("- ")]
                assert any(told in p for p in dashed[:4]), (where, r["indicator"])
        for f in truth["faults"]:
            assert f["kind"] == "ratio" and f["code"] is None, (where, f)


def test_the_plan_has_a_budget_column(corpus):
    """N41: the appendix's task table has a budget column, "Kinh phí (triệu đồng)" / "Dự toán kinh
    phí (triệu đồng)" after the product with sums or words (odd instances), or "Nguồn kinh phí" /
    "Kinh phí thực hiện" last with words (even); its task rows are the truth's tasks in order, each
    column as printed; the PDF carries every task's first words and its deadline."""
    documents = documents_of(corpus, "docx", "N41")
    assert len(documents) == 4
    for doc in documents:
        truth, where = read_truth(corpus, doc), doc["path"]
        assert truth["split"] == "heldout" and truth["task_rows"] and truth["targets"]
        table = next(t for t in docx_tables(corpus / doc["path"]) if any("kinh phí" in c.lower() for c in t[0]))
        header = [c.lower() for c in table[0]]
        budget = next(i for i, c in enumerate(header) if "kinh phí" in c)
        assert budget == (3 if "budget-after-product" in where else len(header) - 1), (where, header)
        tasks = [row for row in table[1:] if row[0].isdigit()]
        assert len(tasks) == len(truth["task_rows"]), where
        for t, row in zip(truth["task_rows"], tasks):
            kept = row[:budget] + row[budget + 1 :]
            assert kept == [t["code"], t["task"], t["product"], t["deadline"], t["lead"], t["coordinator"]], (
                where,
                row,
            )
            assert row[budget], (where, row)
            if "budget-last" in where:
                assert not re.search(r"\d", row[budget]), (where, row)
        text = squash(pdf_text(corpus / doc["path"].replace(".docx", ".pdf")))
        for t in truth["task_rows"]:
            assert squash(" ".join(t["task"].split()[:3])) in text and squash(t["deadline"]) in text, (where, t)


def test_every_truth_row_is_in_the_pdf(corpus):
    """Every score row's name and points, and every statistics row's indicator and figure, are in
    the PDF's text (pdfplumber's lines and cells); N40's lines also in pdftotext's."""
    assert_batch_pdfs_carry_truth(corpus, ("N38", "N39", "N40"), figures=True)
    for doc in documents_of(corpus, "pdf", "N40"):
        text = subprocess.run(["pdftotext", str(corpus / doc["path"]), "-"], capture_output=True, text=True).stdout
        for r in read_truth(corpus, doc)["statistics"][0]["rows"]:
            assert squash(r["indicator"][1:]) in squash(text) and format_vn(r["value"]) in text, (doc["path"], r)

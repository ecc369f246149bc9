"""The third batch of held-out layouts (tools/corpusgen/new_layouts_c.py, N11-N15): the DOCX and PDF
written carry every truth row as the layout prints it (a table continued after a page break, a
deduction beside the maximum, a verdict for the points, figures per quarter, a statistics table in a
report's body), read from the files with python-docx, pdfplumber and pdftotext, never by the pipeline."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from tests.corpus_helpers import (
    batch_corpus_fixture,
    cell_points,
    documents_of,
    docx_tables,
    pdf_text,
    read_truth,
    squash,
)

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "tools")]

from corpusgen.new_layouts_c import NEW_LAYOUT_FAMILIES_C, STOCK_UNITS  # noqa: E402

from normalize.numbers import format_vn  # noqa: E402

NEW = tuple(NEW_LAYOUT_FAMILIES_C)
VERDICT_WORDS = {"Đạt", "Không đạt", "Chưa đạt"}


def _numbers(text: str) -> set[str]:
    return set(re.findall(r"-?\d+(?:,\d+)?", text))


def _score_grids(path: Path) -> list[list[list[str]]]:
    """The score tables of a DOCX (the header block and the signature are tables too): those whose
    first row names a points column or numbers the columns ("1", "2", …: a continuation)."""
    return [t for t in docx_tables(path) if any("điểm" in c.lower() for c in t[0]) or t[0][:2] == ["1", "2"]]


corpus = batch_corpus_fixture("newc", NEW, 2365)


def _row_of(rows: list[list[str]], r: dict) -> list[str]:
    """The one table row printing a truth row's name and, in a cell of its own, its code."""
    code = r["code"]
    found = [
        row
        for row in rows
        if any(squash(c) == squash(r["name"]) for c in row) and code in {c.strip().rstrip(".") for c in row}
    ]
    assert len(found) == 1, (code, r["name"], len(found))
    return found[0]


def test_every_score_row_is_one_printed_row_of_the_docx(corpus):
    """N11, N12, N14: each truth row is one row of a score table, its code and name in cells of
    their own and its numbers as the layout prints them: the points (N11), the deduction = max −
    self beside the maximum, and the self points unless the layout leaves them out (N12), the
    points or, for a yes/no criterion, "Đạt" at full marks and "Không đạt"/"Chưa đạt" at none (N14);
    the explanation (N12: the reason) in the row."""
    documents = [d for d in documents_of(corpus, "docx") if d["family"][:3] in ("N11", "N12", "N14")]
    assert len(documents) == 12
    verdicts = 0
    for doc in documents:
        truth, path, family = read_truth(corpus, doc), corpus / doc["path"], doc["family"]
        assert truth["split"] == "heldout"
        grids = _score_grids(path)
        rows = [row for grid in grids for row in grid]
        header = grids[0][0]
        table = truth["score_tables"][0]
        for r in table["rows"]:
            row = _row_of(rows, r)
            cells = [c.strip() for c in row]
            name_at = next(k for k, c in enumerate(row) if squash(c) == squash(r["name"]))
            figures = cells[name_at + 1 :]
            assert cell_points(figures[0]) == r["max_points"], (doc["path"], r["code"])
            if family.startswith("N12"):
                deducted = None if r["self_points"] is None else round(r["max_points"] - r["self_points"], 4)
                assert cell_points(figures[1]) == deducted, (doc["path"], r["code"])
                if "deduction-and-points" in doc["path"]:
                    assert cell_points(figures[2]) == r["self_points"], (doc["path"], r["code"])
                else:  # no self column: the reason follows the deduction
                    assert len(figures) == 3 and not any("tự" in h for h in header), doc["path"]
            elif family.startswith("N14") and figures[1] in VERDICT_WORDS:
                verdicts += 1
                assert r["code"] not in {x["parent"] for x in table["rows"]}, (doc["path"], r["code"])
                full = figures[1] == "Đạt"
                assert r["self_points"] == (r["max_points"] if full else 0.0), (doc["path"], r["code"])
            else:
                assert cell_points(figures[1]) == r["self_points"], (doc["path"], r["code"])
                if r["appraised_points"] is not None:
                    assert cell_points(figures[2]) == r["appraised_points"], (doc["path"], r["code"])
            if r["explanation"]:
                assert r["explanation"] in cells[-1], (doc["path"], r["code"])
        total = next(
            (row for row in rows if any(squash(c) in ("tổngcộng", "tổngđiểm", "tổngsốđiểm") for c in row)), None
        )
        assert (total is None) == (table["stated_total_max"] is None), doc["path"]
    assert verdicts >= 4  # every N14 document prints a verdict at least once


def test_a_continued_table_breaks_at_a_page_and_starts_again(corpus):
    """N11: the DOCX holds two score tables; the second starts with the header again (odd
    instances, "(tiếp theo)" printed between them) or with a row "1 2 3 …" that the first prints
    under its header (even). In the PDF (pdftotext) the second part starts on a later page than
    the first table's first row."""
    for doc in documents_of(corpus, "docx", "N11"):
        grids = _score_grids(corpus / doc["path"])
        tables = [t for t in docx_tables(corpus / doc["path"]) if t[0] == grids[0][0] or t[0][0] == "1"]
        first, second = tables[0], tables[-1]
        assert len(tables) == 2, doc["path"]
        numbers = [str(i) for i in range(1, len(first[0]) + 1)]
        if "numbers-row" in doc["path"]:
            assert first[1] == numbers and second[0] == numbers, doc["path"]
        else:
            assert second[0] == first[0], doc["path"]
    for doc in documents_of(corpus, "pdf", "N11"):
        truth = read_truth(corpus, doc)
        text = subprocess.run(
            ["pdftotext", "-layout", str(corpus / doc["path"]), "-"], capture_output=True, text=True, check=True
        ).stdout
        pages = [squash(p) for p in text.split("\f")]
        rows = truth["score_tables"][0]["rows"]
        first_page = next(k for k, p in enumerate(pages) if squash(rows[0]["name"])[:25] in p)
        last_page = next(k for k, p in enumerate(pages) if squash(rows[-1]["name"])[:25] in p)
        assert last_page > first_page, doc["path"]
        if "header-again" in doc["path"]:
            marked = next(k for k, p in enumerate(pages) if "tiếptheo)" in p)
            assert marked == first_page + 1, doc["path"]  # the break where the first page ends


def test_every_annex_row_has_its_periods_and_its_whole(corpus):
    """N13: each truth row is a table row (its printed code, its indicator) whose whole-period cell
    holds the truth value, under the label "Cả năm" / "6 tháng" …; a flow's quarters add up to it,
    a stock's quarters each print it."""
    for doc in documents_of(corpus, "docx", "N13"):
        truth = read_truth(corpus, doc)
        grid = docx_tables(corpus / doc["path"])[-1]
        header = grid[1] if grid[1][0] == grid[0][0] and grid[1][3] != grid[0][3] else grid[0]
        body = grid[2:] if header is grid[1] else grid[1:]
        quarters = [k for k, h in enumerate(header) if h.startswith("Quý")]
        assert quarters and len(quarters) in (2, 4), doc["path"]
        whole = 3 if quarters[0] == 4 else len(header) - 1
        for r in truth["statistics"][0]["rows"]:
            mark = r["code"].split(".")[-1] + ")" if r["code"][-1].isalpha() else r["code"]
            row = next(x for x in body if x[0] == mark and squash(x[1]) == squash(r["indicator"]))
            assert cell_points(row[whole]) == r["value"], (doc["path"], r["code"])
            figures = [cell_points(row[k]) for k in quarters]
            if r["value"] is None or r["unit"] == "%":
                continue
            if r["unit"] in STOCK_UNITS:
                assert figures == [r["value"]] * len(quarters), (doc["path"], r["code"])
            else:
                assert sum(f or 0.0 for f in figures) == r["value"], (doc["path"], r["code"])


def test_a_body_table_sits_among_the_sentences(corpus):
    """N15: no annex; one statistics table in the body holding every truth row (printed code,
    indicator, value), and every count's sentence a paragraph before it (odd instances) or after
    it (even); no indicator the sentences count is in the table."""
    import docx

    for doc in documents_of(corpus, "docx", "N15"):
        truth = read_truth(corpus, doc)
        document = docx.Document(str(corpus / doc["path"]))
        children = list(document.element.body.iterchildren())
        assert not any(p.text.startswith("Phụ lục") for p in document.paragraphs), doc["path"]
        stats = next(t for t in document.tables if t.rows[0].cells[1].text in ("Nội dung", "Chỉ tiêu"))
        table = [[c.text for c in row.cells] for row in stats.rows]
        for r in truth["statistics"][0]["rows"]:
            mark = r["code"].split(".")[-1] + ")" if r["code"][-1].isalpha() else r["code"]
            row = next(x for x in table if x[0] == mark and x[1] == r["indicator"])
            assert cell_points(row[3]) == r["value"] and row[2] == r["unit"], (doc["path"], r["code"])
            assert r["unit"] not in ("Thủ tục", "Hồ sơ", "Phản ánh"), (doc["path"], r["code"])
        stat_at = children.index(stats._tbl)
        assert truth["counts"], doc["path"]
        for count in truth["counts"]:
            para = next(p for p in document.paragraphs if count["text"] in p.text)
            before = children.index(para._p) < stat_at
            assert before == ("after-sentences" in doc["path"]), (doc["path"], count["text"][:40])


def test_every_truth_value_is_in_the_pdf(corpus):
    """Every truth name, code and number (N12 even: the deduction, as the self points are not
    printed; N14: the verdict where the self points are not printed), every annex indicator and
    value, every count's sentence, the title, signer, commune and number, in the PDF's text
    (pdfplumber)."""
    for doc in documents_of(corpus, "pdf"):
        truth = read_truth(corpus, doc)
        text = pdf_text(corpus / doc["path"])
        squashed, numbers, where = squash(text), _numbers(text), doc["path"]
        words = {w.rstrip(".:") for w in text.split()}
        for table in truth["score_tables"]:
            for r in table["rows"]:
                assert squash(r["name"]) in squashed, (where, r["name"])
                assert r["code"] in words, (where, r["code"])
                assert format_vn(r["max_points"]) in numbers, (where, r["code"])
                if r["self_points"] is None:
                    continue
                if "deduction-only" in where:
                    assert format_vn(round(r["max_points"] - r["self_points"], 4)) in numbers, (where, r["code"])
                elif "verdict" not in where or format_vn(r["self_points"]) not in numbers:
                    assert format_vn(r["self_points"]) in numbers or "Đạt" in words, (where, r["code"])
            stated_max, stated_self = table["stated_total_max"], table["stated_total_self"]
            if "deduction-only" in where and stated_self is not None:  # the total's deduction instead
                stated_self = round(stated_max - stated_self, 4)
            for total in (stated_max, stated_self):
                assert total is None or format_vn(total) in numbers, where
        for annex in truth["statistics"]:
            for r in annex["rows"]:
                assert squash(r["indicator"]) in squashed, (where, r["indicator"])
                assert r["value"] is None or format_vn(r["value"]) in numbers, (where, r["code"])
        for count in truth["counts"]:
            assert squash(count["text"]) in squashed, (where, count["text"][:40])
        for key in ("title", "signer", "commune", "number"):
            assert not truth["document"][key] or squash(truth["document"][key]) in squashed, (where, key)

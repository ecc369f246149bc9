"""The fourth batch of held-out layouts (tools/corpusgen/new_layouts_d.py, N16-N20): the DOCX and PDF
written carry every truth row as the layout prints it (the maximum in the name cell, the appraisal with
its difference, figures per hamlet and the commune's total, two years' self points and their change, an
annex continued with no header), read from the files with python-docx, pdfplumber and pdftotext, never
by the pipeline."""

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
    printed_numbers,
    read_truth,
    squash,
)

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "tools")]

from corpusgen.new_layouts_c import STOCK_UNITS  # noqa: E402
from corpusgen.new_layouts_d import NEW_LAYOUT_FAMILIES_D  # noqa: E402

from normalize.numbers import format_vn  # noqa: E402

NEW = tuple(NEW_LAYOUT_FAMILIES_D)


corpus = batch_corpus_fixture("newd", NEW, 2395)


def _score_rows(path: Path) -> list[list[str]]:
    """The rows of the DOCX's score table (the header block and the signature are tables too)."""
    grid = next(t for t in docx_tables(path) if any("điểm" in c.lower() for c in t[0] + t[-1]))
    return [[c.strip() for c in row] for row in grid]


def _row_of(rows: list[list[str]], code: str, name: str) -> list[str]:
    """The one table row printing a truth row's code in a cell of its own and its name."""
    found = [row for row in rows if code == row[0].rstrip(".") and squash(row[1]).startswith(squash(name))]
    assert len(found) == 1, (code, name, len(found))
    return found[0]


def test_the_maximum_is_in_the_name_cell_and_nowhere_else(corpus):
    """N16: no column is labelled with a maximum; each truth row's name cell is its name followed by
    "(m điểm)" (odd instances) or "(tối đa m điểm)" (even), m its maximum; the self points in the next
    cell; the total's label carries the total's maximum."""
    documents = documents_of(corpus, "docx", "N16")
    assert len(documents) == 4
    for doc in documents:
        truth, where = read_truth(corpus, doc), doc["path"]
        assert truth["split"] == "heldout"
        rows = _score_rows(corpus / doc["path"])
        assert not any("tối đa" in c.lower() or "chuẩn" in c.lower() for c in rows[0]), where
        word = "tối đa " if "toi-da" in where else ""
        table = truth["score_tables"][0]
        for r in table["rows"]:
            row = _row_of(rows, r["code"], r["name"])
            assert squash(row[1]) == squash(f"{r['name']} ({word}{format_vn(r['max_points'])} điểm)"), (where, r)
            assert cell_points(row[2]) == r["self_points"], (where, r["code"])
            if r["explanation"]:
                assert r["explanation"] in row[3], (where, r["code"])
        totals = [row for row in rows if row[0] == "" and row[1].startswith(("Tổng", "TỔNG", "Cộng"))]
        assert len(totals) == (table["stated_total_max"] is not None), where
        if totals:
            assert f"({word}{format_vn(table['stated_total_max'])} điểm)" in totals[0][1], where
            assert cell_points(totals[0][2]) == table["stated_total_self"], where


def test_the_difference_is_the_appraisal_less_the_self_points(corpus):
    """N17: max | self | appraised | difference in each truth row, the difference the appraised
    points less the self points, signed, "0" where they agree (odd instances) or blank (even, with
    the points under a merged "Số điểm"); the total's the same."""
    documents = documents_of(corpus, "docx", "N17")
    assert len(documents) == 4
    for doc in documents:
        truth, where = read_truth(corpus, doc), doc["path"]
        rows = _score_rows(corpus / doc["path"])
        blank_zero = "blank-zero" in where
        assert any(c.startswith(("Chênh lệch", "Tăng (+)")) for c in rows[0]), where
        assert ("Số điểm" in rows[0]) == blank_zero, where
        table = truth["score_tables"][0]
        for r in table["rows"]:
            row = _row_of(rows, r["code"], r["name"])
            values = [cell_points(c) for c in row[2:5]]
            assert values == [r["max_points"], r["self_points"], r["appraised_points"]], (where, r["code"])
            if r["self_points"] is None or r["appraised_points"] is None:
                assert row[5] == "", (where, r["code"])
                continue
            gap = round(r["appraised_points"] - r["self_points"], 4)
            assert cell_points(row[5] or "0") == gap, (where, r["code"])
            assert (row[5] == "") == (blank_zero and gap == 0), (where, r["code"])
            assert gap <= 0 or row[5].startswith("+"), (where, r["code"])
            if r["explanation"]:
                assert r["explanation"] in row[6], (where, r["code"])
        totals = [row for row in rows if row[0] == "" and squash(row[1]).startswith(("tổng", "cộng"))]
        assert len(totals) == (table["stated_total_max"] is not None), where
        for total in totals:  # the total's difference is its printed appraisal less its self points
            assert cell_points(total[2]) == table["stated_total_max"], where
            assert cell_points(total[3]) == table["stated_total_self"], where
            gap = round((cell_points(total[4]) or 0.0) - (cell_points(total[3]) or 0.0), 4)
            assert cell_points(total[5] or "0") == gap, where


def test_every_annex_row_has_its_hamlets_and_the_communes_total(corpus):
    """N18: each truth row is a row of the annex (printed code, indicator) whose total cell, under
    "Toàn xã" / "Tổng số" / "Tổng cộng", holds the truth value; a flow's hamlets add up to it, a
    stock's hamlet cells are blank; the hamlets are numbered 1, 2, … under a merged label."""
    documents = documents_of(corpus, "docx", "N18")
    assert len(documents) == 4
    for doc in documents:
        truth, where = read_truth(corpus, doc), doc["path"]
        grid = [[c.strip() for c in row] for row in docx_tables(corpus / doc["path"])[-1]]
        top, header, body = grid[0], grid[1], grid[2:]
        hamlets = [k for k, h in enumerate(header) if h[-1].isdigit()]
        assert [header[k].rsplit(" ", 1)[1] for k in hamlets] == [str(i) for i in range(1, len(hamlets) + 1)], where
        assert 4 <= len(hamlets) <= 6, where
        whole = 3 if "total-first" in where else len(header) - 1
        assert top[whole] in ("Toàn xã", "Tổng số", "Tổng cộng"), where
        for r in truth["statistics"][0]["rows"]:
            mark = r["code"].split(".")[-1] + ")" if r["code"][-1].isalpha() else r["code"]
            row = next(x for x in body if x[0] == mark and squash(x[1]) == squash(r["indicator"]))
            assert cell_points(row[whole]) == r["value"], (where, r["code"])
            figures = [cell_points(row[k]) for k in hamlets]
            if r["value"] is None or r["unit"] == "%":
                continue
            if r["unit"] in STOCK_UNITS:
                assert figures == [None] * len(hamlets), (where, r["code"])
            else:
                assert sum(f or 0.0 for f in figures) == r["value"], (where, r["code"])


def _year_columns(rows: list[list[str]]) -> dict[int, int]:
    """The year each points column is headed by (its header cells read top to bottom)."""
    header = [row for row in rows[:2] if not row[0][:1].isdigit()]
    out: dict[int, int] = {}
    for k in range(len(rows[0])):
        found = re.findall(r"\b(20\d\d)\b", " ".join(row[k] for row in header))
        if found:
            out[int(found[-1])] = k
    return out


def test_this_years_points_are_the_later_years_column(corpus):
    """N19: two columns headed by consecutive years; the later one holds each truth row's self
    points, in either order; the change column (next after the three points columns) is this year's
    less last year's, signed."""
    documents = documents_of(corpus, "docx", "N19")
    assert len(documents) == 4
    for doc in documents:
        truth, where = read_truth(corpus, doc), doc["path"]
        rows = _score_rows(corpus / doc["path"])
        years = _year_columns(rows)
        assert len(years) == 2 and max(years) - min(years) == 1, (where, years)
        now, before = years[max(years)], years[min(years)]
        assert (now < before) == ("this-first" in where), where
        for r in truth["score_tables"][0]["rows"]:
            row = _row_of(rows, r["code"], r["name"])
            assert cell_points(row[2]) == r["max_points"] and cell_points(row[now]) == r["self_points"], (
                where,
                r["code"],
            )
            assert r["appraised_points"] is None, (where, r["code"])
            if r["self_points"] is None:
                continue
            change = round(r["self_points"] - (cell_points(row[before]) or 0.0), 4)
            assert cell_points(row[5]) == change and (change <= 0 or row[5].startswith("+")), (where, r["code"])


def test_the_annex_goes_on_with_no_header_after_its_marker(corpus):
    """N20: the annex is two DOCX tables, the first under its header, the second opening on a body
    row (a code, no label, no column numbers) after a paragraph "… (tiếp theo)" / "(Tiếp theo …)";
    every truth row is a row of one of them, its value in the fourth cell. In pdftotext's pages the
    marker opens a page after the one the annex starts on, and the second table's first row is on it."""
    import docx

    documents = documents_of(corpus, "docx", "N20")
    assert len(documents) == 4
    for doc in documents:
        truth, where = read_truth(corpus, doc), doc["path"]
        document = docx.Document(str(corpus / doc["path"]))
        first, second = ([[c.text.strip() for c in row.cells] for row in t.rows] for t in document.tables[-2:])
        assert first[0][1] in ("Nội dung", "Chỉ tiêu") and first[0][0] in ("STT", "TT"), where
        opening = second[0][0]
        assert second[0][:2] != ["1", "2"] and (opening[:1].isdigit() or opening.endswith(")")), (where, opening)
        marker = [p.text for p in document.paragraphs if "tiếp theo" in p.text.lower()]
        assert len(marker) == 1 and "Phụ lục 1" in marker[0], (where, marker)
        body = first[1:] + second
        for r in truth["statistics"][0]["rows"]:
            mark = r["code"].split(".")[-1] + ")" if r["code"][-1].isalpha() else r["code"]
            row = next(x for x in body if x[0] == mark and x[1] == r["indicator"])
            assert cell_points(row[3]) == r["value"] and row[2] == r["unit"], (where, r["code"])
        pdf = corpus / doc["path"].replace(".docx", ".pdf")
        text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True)
        pages = [squash(p) for p in text.stdout.split("\f")]
        annex = next(k for k, p in enumerate(pages) if "phụlục1" in p and "kèmtheo" in p)
        marked = next(k for k, p in enumerate(pages) if "tiếptheo" in p)
        assert marked > annex and squash(second[0][1])[:20] in pages[marked], where


def test_every_truth_value_is_in_the_pdf(corpus):
    """Every truth name, code and number (N16: the maximum inside the name's parentheses; N17: the
    appraised points), every annex indicator and value, the title, signer, commune and number, in
    the PDF's text (pdfplumber)."""
    documents = documents_of(corpus, "pdf")
    assert len(documents) == 4 * len(NEW)
    for doc in documents:
        truth = read_truth(corpus, doc)
        text = pdf_text(corpus / doc["path"])
        squashed, numbers, where = squash(text), printed_numbers(text), doc["path"]
        words = {w.rstrip(".:") for w in text.split()}
        for table in truth["score_tables"]:
            for r in table["rows"]:
                assert squash(r["name"]) in squashed, (where, r["name"])
                assert r["code"] in words, (where, r["code"])
                assert format_vn(r["max_points"]) in numbers, (where, r["code"])
                for key in ("self_points", "appraised_points"):
                    assert r[key] is None or format_vn(r[key]) in numbers, (where, r["code"], key)
            for key in ("stated_total_max", "stated_total_self"):
                assert table.get(key) is None or format_vn(table[key]) in numbers, (where, key)
        for annex in truth["statistics"]:
            for r in annex["rows"]:
                assert squash(r["indicator"]) in squashed, (where, r["indicator"])
                assert r["value"] is None or format_vn(r["value"]) in numbers, (where, r["code"])
        for key in ("title", "signer", "commune", "number"):
            assert not truth["document"][key] or squash(truth["document"][key]) in squashed, (where, key)

"""The eleventh batch of held-out layouts (tools/corpusgen/new_layouts_k.py, N46-N49): the DOCX and PDF
written carry every truth row as the layout prints it (a figure per month for the year with a share
column, landscape; every row's path repeated; a leaf scored by its level's column; the figures in a
two-column "Nội dung | Kết quả" table), read from the files with python-docx, pdfplumber and pdftotext,
never by the pipeline."""

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
    landscape_pdf,
    read_truth,
)

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "tools")]

from corpusgen.grid import printed_code  # noqa: E402
from corpusgen.new_layouts_c import STOCK_UNITS  # noqa: E402
from corpusgen.new_layouts_k import LEVELS, NEW_LAYOUT_FAMILIES_K, TICKS  # noqa: E402

from normalize.numbers import format_vn  # noqa: E402

NEW = tuple(NEW_LAYOUT_FAMILIES_K)


corpus = batch_corpus_fixture("newk", NEW, 7314)


def test_the_annex_gives_a_figure_per_month_of_the_year_and_a_share(corpus):
    """N46: a yearly report; the annex's header names the twelve months in order, "T1 … T12" (odd
    instances) or "Tháng 1 … Tháng 12" (even), then the year's figure, then a share "(%)"; every
    truth row is one table row whose year's figure is the truth's value; a count's months add up to
    it, a stock's are all of it, a share's are shares; the share column an item's part of its count
    (odd) or a per cent (even); the annex's page landscape."""
    documents = documents_of(corpus, "docx", "N46")
    assert len(documents) == 4
    for doc in documents:
        truth, where = read_truth(corpus, doc), doc["path"]
        assert truth["split"] == "heldout" and "năm" in truth["statistics"][0]["title"].lower(), where
        assert "6 tháng" not in truth["statistics"][0]["title"].lower(), where
        table = next(t for t in docx_tables(corpus / doc["path"]) if len(t[0]) == 17)
        odd = "part-share" in where
        header = next(r for r in table if "T1" in r or "Tháng 1" in r)
        assert header[3:15] == [f"T{m}" if odd else f"Tháng {m}" for m in range(1, 13)], (where, header)
        assert "(%)" in header[16], (where, header)
        rows = [r for r in table if r is not header and r[1] != header[1]]
        by_code = {t["code"]: t for t in truth["statistics"][0]["rows"]}
        for t in truth["statistics"][0]["rows"]:
            (x,) = [r for r in rows if r[1] == t["indicator"] and r[2] == t["unit"]]
            whole, each, share = x[15], x[3:15], x[16]
            assert cell_points(whole) == t["value"], (where, x)
            assert_period_figures(each, t, where, STOCK_UNITS)
            assert not share or (t["unit"] != "%" and t["value"] is not None), (where, x)
            whole_row = by_code.get(t["code"].rsplit(".", 1)[0]) if t["code"] and "." in t["code"] else None
            if odd and share:
                assert whole_row and whole_row["value"], (where, x)
                assert share == format_vn(round(100 * t["value"] / whole_row["value"], 2)), (where, x)
            elif not odd and t["unit"] != "%" and t["value"] is not None:
                assert 80 <= (cell_points(share) or 0) <= 130, (where, x)
        assert landscape_pdf(corpus / doc["path"].replace(".docx", ".pdf")), where


def _path(r: dict, by_code: dict) -> list[dict]:
    path = [r]
    while path[0]["parent"] is not None:
        path.insert(0, by_code[path[0]["parent"]])
    return path


def test_every_row_repeats_its_path(corpus):
    """N47: one name column per level (two at least), headed by the levels' words; a row's
    ancestors' names, bare (odd instances) or after their code "1.2." (even), in the columns of
    their levels, its own name in its level's, blank after; points as the truth's; landscape."""
    documents = documents_of(corpus, "docx", "N47")
    assert len(documents) == 4
    repeated = 0
    for doc in documents:
        truth, where = read_truth(corpus, doc), doc["path"]
        rows = docx_score_table(corpus / doc["path"])
        coded = "paths-coded" in where
        by_code = {r["code"]: r for r in truth["score_tables"][0]["rows"]}
        width = max(2, max(len(_path(r, by_code)) for r in by_code.values()))
        assert len(rows[0]) == 1 + width + 3 and len(set(rows[0][1 : 1 + width])) == width, (where, rows[0])
        for r in by_code.values():
            (x,) = [x for x in rows[1:] if x[0] == printed_code(r["code"], "mixed")]
            path = _path(r, by_code)
            above = [f"{printed_code(a['code'], 'dot')} {a['name']}" if coded else a["name"] for a in path[:-1]]
            assert x[1 : 1 + width] == above + [r["name"]] + [""] * (width - len(path)), (where, x)
            assert [cell_points(v) for v in x[1 + width : 3 + width]] == [r["max_points"], r["self_points"]], where
            repeated += len(above)
        assert landscape_pdf(corpus / doc["path"].replace(".docx", ".pdf")), where
    assert repeated


def test_a_leaf_is_scored_in_its_level_column(corpus):
    """N48: a two-row header, three level columns under a merged group; a leaf's self points in
    the cell of its level (full points the first, none the last, else the middle; odd instances),
    or an "x" there and the points in the self column after the levels (even); a row made of others
    its sum across the levels (odd) or in the self column (even); points as the truth's."""
    documents = documents_of(corpus, "docx", "N48")
    assert len(documents) == 4
    leaves = 0
    for doc in documents:
        truth, where = read_truth(corpus, doc), doc["path"]
        table = docx_score_table(corpus / doc["path"])
        odd = "levels-points" in where
        assert tuple(table[1][3:6]) in LEVELS and table[0][3] == table[0][4] == table[0][5], (where, table[:2])
        rows = table[2:]
        score = truth["score_tables"][0]
        parents = {r["parent"] for r in score["rows"]}
        for r in score["rows"]:
            (x,) = [x for x in rows if x[0] == printed_code(r["code"], "mixed") and x[1] == r["name"]]
            assert cell_points(x[2]) == r["max_points"], (where, x)
            cells = x[3:6]
            if r["code"] in parents:
                if odd:
                    assert cells == [cells[0]] * 3 and cell_points(cells[0]) == r["self_points"], (where, x)
                else:
                    assert cells == [""] * 3 and cell_points(x[6]) == r["self_points"], (where, x)
                continue
            if r["self_points"] is None:
                assert cells == [""] * 3, (where, x)
                continue
            full, none = r["self_points"] >= r["max_points"], r["self_points"] == 0
            level = 0 if full else 2 if none else 1
            assert [k for k, c in enumerate(cells) if c] == [level], (where, x)
            if odd:
                assert cell_points(cells[level]) == r["self_points"], (where, x)
            else:
                assert cells[level] in TICKS and cell_points(x[6]) == r["self_points"], (where, x)
            leaves += 1
    assert leaves


def _result(content: str, result: str) -> tuple[str, str, float]:
    """(indicator, unit, figure) of a row: "Tổng số hồ sơ (hồ sơ)" | "238", or "…" | "238 hồ sơ"."""
    m = re.fullmatch(r"(.+) \(([^()]+)\)", content)
    if m and re.fullmatch(r"\d+(,\d+)?", result):
        return m.group(1), m.group(2), float(result.replace(",", "."))
    m = re.fullmatch(r"(\d+(?:,\d+)?)(%| (.+))", result)
    assert m, result
    return content, "%" if m.group(2) == "%" else m.group(3), float(m.group(1).replace(",", "."))


def test_the_figures_sit_in_a_two_column_table(corpus):
    """N49: a two-column table "Nội dung | Kết quả"; its rows are the truth's in order, a top
    indicator "1. …" (its code), an item "- …" (code None); the result "238 hồ sơ" / "96,22%"
    (odd instances) or the bare figure with the unit in brackets after the indicator (even)."""
    documents = documents_of(corpus, "docx", "N49")
    assert len(documents) == 4
    for doc in documents:
        truth, where = read_truth(corpus, doc), doc["path"]
        (table,) = [t for t in docx_tables(corpus / doc["path"]) if len(t[0]) == 2 and len(t) > 3]
        stats = truth["statistics"][0]["rows"]
        assert len(table) - 1 == len(stats), where
        for t, (content, result) in zip(stats, table[1:]):
            head = f"{t['code']}. " if t["code"] is not None else "- "
            assert content.startswith(head), (where, content)
            indicator, unit, value = _result(content[len(head) :], result)
            assert (indicator, unit.lower(), value) == (t["indicator"], t["unit"].lower(), t["value"]), (where, content)
            assert ("(" in content) == ("unit-in-name" in where), (where, content)


def test_every_truth_row_is_in_the_pdf(corpus):
    """Every score row's name and points, and every statistics row's indicator and figure, are in
    the PDF's text (pdfplumber's lines and cells); N46's and N49's figures also in pdftotext's."""
    assert_batch_pdfs_carry_truth(corpus, ("N46", "N47", "N48", "N49"), figures=True)
    for doc in documents_of(corpus, "pdf", "N46") + documents_of(corpus, "pdf", "N49"):
        text = subprocess.run(["pdftotext", str(corpus / doc["path"]), "-"], capture_output=True, text=True).stdout
        for r in read_truth(corpus, doc)["statistics"][0]["rows"]:
            assert r["value"] is None or format_vn(r["value"]) in text, (doc["path"], r)

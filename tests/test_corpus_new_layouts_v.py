"""The twenty-second batch of held-out layouts (tools/corpusgen/new_layouts_v.py, N90-N93): the DOCX
and PDF written carry every truth row as the layout prints it (carry lines at a page break; the self
points split in sub-columns; a plan and a result per half year; a unit printed once for its run), read
from the files with python-docx and pdfplumber, never by the pipeline."""

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

from corpusgen.new_layouts_c import STOCK_UNITS  # noqa: E402
from corpusgen.new_layouts_v import NEW_LAYOUT_FAMILIES_V  # noqa: E402

NEW = tuple(NEW_LAYOUT_FAMILIES_V)


corpus = batch_corpus_fixture("newv", NEW, 0)


def _score_tables(path: Path) -> list[list[list[str]]]:
    """The DOCX's tables whose header names points ("điểm"), cells stripped."""
    tables = [t for t in docx_tables(path) if any("điểm" in c.lower() for c in t[0])]
    return [[[c.strip() for c in row] for row in t] for t in tables]


def _sum(values: list[float | None]) -> float:
    return round(sum(v or 0.0 for v in values), 4)


def test_carry_lines_close_and_open_the_pages(corpus):
    """N90: two tables with the header each; the rows that print a code are the truth's rows in
    order; the second part opens on a carry line, and (odd instances) the first closes on one, whose
    figures are the maximum and self points of the fields printed in the first part."""
    documents = documents_of(corpus, "docx", "N90")
    assert len(documents) == 4
    for doc in documents:
        truth, where = read_truth(corpus, doc), doc["path"]
        first, second = _score_tables(corpus / doc["path"])
        rows = truth["score_tables"][0]["rows"]
        body = [x for x in first[1:] + second[1:] if x[0]]
        assert len(body) == len(rows), where
        for r, x in zip(rows, body):
            assert x[1] == r["name"], (where, x)
            assert (cell_points(x[2]), cell_points(x[3])) == (r["max_points"], r["self_points"]), (where, x)
        carry_in = second[1]
        assert carry_in[0] == "" and "chuyển sang" in carry_in[1], (where, carry_in)
        on_first = rows[: sum(1 for x in first[1:] if x[0])]
        fields = [r for r in on_first if r["parent"] is None]
        assert cell_points(carry_in[2]) == _sum([r["max_points"] for r in fields]), (where, carry_in)
        if all(r["self_points"] is not None for r in fields):
            assert cell_points(carry_in[3]) == _sum([r["self_points"] for r in fields]), (where, carry_in)
        carry_out = [x for x in first[1:] if not x[0] and "trang" in x[1].lower()]
        assert len(carry_out) == (1 if "out-and-in" in where else 0), where
        if carry_out:
            assert carry_out[0][2:4] == carry_in[2:4], where


def test_the_self_points_split_in_sub_columns(corpus):
    """N91: a two-row header, "Điểm tự chấm" merged over its parts; the total column (Tổng số, odd
    instances; the last of three, even) the truth's self points; a bonus at most the points it is
    part of, and (even) the parts adding up to the total."""
    documents = documents_of(corpus, "docx", "N91")
    assert len(documents) == 4
    bonuses = 0
    for doc in documents:
        truth, where = read_truth(corpus, doc), doc["path"]
        (table,) = _score_tables(corpus / doc["path"])
        rows = truth["score_tables"][0]["rows"]
        parts_first = "parts-first" in where
        total_at, bonus_at = (5, 4) if parts_first else (3, 4)
        assert table[0][3] == table[0][4] and table[0][3] != table[1][3], (where, table[:2])
        assert table[1][3] == "Tổng số" or parts_first, (where, table[1])
        body = [x for x in table[2:] if x[0]]
        assert len(body) == len(rows), where
        for r, x in zip(rows, body):
            assert x[1] == r["name"], (where, x)
            assert cell_points(x[2]) == r["max_points"], (where, x)
            assert cell_points(x[total_at]) == r["self_points"], (where, x)
            bonus = cell_points(x[bonus_at]) or 0.0
            bonuses += bonus > 0
            assert bonus <= (r["self_points"] or 0.0), (where, x)
            if parts_first and r["self_points"] is not None:
                assert _sum([cell_points(x[3]), bonus]) == r["self_points"], (where, x)
    assert bonuses >= 1


def _stat_body(path: Path, columns: int, header: int) -> list[list[str]]:
    table = next(t for t in docx_tables(path) if len(t[0]) == columns)
    return table[header:]


def test_plan_and_result_stand_per_half_and_for_the_year(corpus):
    """N92: "STT | indicator | unit" then three "plan | result" pairs under the halves and the year
    (the year last, odd instances; first, even); the year's result the truth's value; a count's
    halves adding up to the year (a stock's each the year's) in the results and, where printed, the
    plans."""
    documents = documents_of(corpus, "docx", "N92")
    assert len(documents) == 4
    for doc in documents:
        truth, where = read_truth(corpus, doc), doc["path"]
        table = next(t for t in docx_tables(corpus / doc["path"]) if len(t[0]) == 9)
        year_first = "year-first" in where
        year_at = 3 if year_first else 7
        halves_at = (5, 7) if year_first else (3, 5)
        assert table[0][year_at] == table[0][year_at + 1] and table[0][halves_at[0]].startswith("6 tháng"), where
        rows = truth["statistics"][0]["rows"]
        body = table[2:]
        assert len(body) == len(rows), where
        for r, x in zip(rows, body):
            assert x[1] == r["indicator"] and x[2] == r["unit"], (where, x)
            assert cell_points(x[year_at + 1]) == r["value"], (where, x)
            if r["value"] is None or r["unit"] == "%" or not r["code"]:
                continue
            for k in (0, 1):  # plan, result
                whole, halves = cell_points(x[year_at + k]), [cell_points(x[h + k]) for h in halves_at]
                if whole is None:
                    assert halves == [None, None], (where, x)
                elif r["unit"] in STOCK_UNITS:
                    assert halves == [whole, whole], (where, x)
                else:
                    assert _sum(halves) == whole, (where, x)


def _unit_merges(path: Path) -> list[str | None]:
    """Each body row's vMerge on the unit cell (the third) of the annex table: "restart", "continue"
    (python-docx reads a merged cell's text in every row it spans, so the XML says which it is)."""
    import docx
    from docx.oxml.ns import qn

    table = next(t for t in docx.Document(str(path)).tables if len(t.columns) == 5 and len(t.rows) > 5)
    out = []
    for tr in table._tbl.tr_lst[1:]:
        merge = tr.tc_lst[2].find(qn("w:tcPr") + "/" + qn("w:vMerge"))
        out.append(None if merge is None else (merge.get(qn("w:val")) or "continue"))
    return out


def test_a_unit_stands_once_for_its_run(corpus):
    """N93: each row's unit the truth's; a row with its previous row's unit prints it merged into the
    cell above (odd instances, a "continue" vMerge) or "nt" (even); any other row prints its own."""
    documents = documents_of(corpus, "docx", "N93")
    assert len(documents) == 4
    runs = 0
    for doc in documents:
        truth, where = read_truth(corpus, doc), doc["path"]
        rows = truth["statistics"][0]["rows"]
        body = _stat_body(corpus / doc["path"], 5, 1)
        merges = _unit_merges(corpus / doc["path"])
        assert len(body) == len(rows) == len(merges), where
        for k, (r, x) in enumerate(zip(rows, body)):
            assert x[1] == r["indicator"] and cell_points(x[3]) == r["value"], (where, x)
            same = k > 0 and r["unit"] != "" and rows[k - 1]["unit"] == r["unit"]
            runs += same
            if "merged" in where:
                assert x[2] == r["unit"] and (merges[k] == "continue") == same, (where, x, merges[k])
            else:
                assert (x[2].lower().strip("-") == "nt") == same and (same or x[2] == r["unit"]), (where, x)
    assert runs >= 4


def test_every_truth_row_is_in_the_pdf(corpus):
    """Every score row's name and points, and every statistics row's indicator and figure, are in
    the PDF's text (pdfplumber's lines and cells)."""
    assert_batch_pdfs_carry_truth(corpus, ("N90", "N91", "N92", "N93"), figures=True)

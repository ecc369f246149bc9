"""The fifteenth batch of held-out layouts (tools/corpusgen/new_layouts_o.py, N62-N65): the DOCX and
PDF written carry every truth row as the layout prints it (a field's numeral in a column of its own
merged down over the field; an annex with the unit column last, the figures bare or carrying their
unit; an annex turned over, the periods as rows; a plan's tasks grouped under their leading body), read
from the files with python-docx and pdfplumber, never by the pipeline."""

from __future__ import annotations

import sys
from pathlib import Path

import docx

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
from corpusgen.new_layouts_c import QUARTERS, STOCK_UNITS  # noqa: E402
from corpusgen.new_layouts_o import (  # noqa: E402
    FIELD_HEADS,
    NEW_LAYOUT_FAMILIES_O,
    NUMBER_HEADS,
    PERIOD_HEADS,
    RESULT_HEADS,
)

from normalize.numbers import format_vn  # noqa: E402

NEW = tuple(NEW_LAYOUT_FAMILIES_O)
UNIT_HEADS = ("ĐVT", "Đơn vị tính")


corpus = batch_corpus_fixture("newo", NEW, 11254)


def _field_of(rows: list[dict], r: dict) -> str:
    parents = {x["code"]: x["parent"] for x in rows}
    code = r["code"]
    while parents[code] is not None:
        code = parents[code]
    return code


def test_the_field_numeral_is_a_column_merged_down_over_the_field(corpus):
    """N62: "Lĩnh vực | TT | name | max | self | …"; each truth row in order a row whose first cell
    is its field's roman numeral, one cell merged down over the field's rows (python-docx gives
    the same cell in every row it spans); a field's own row prints no number, its title in the name
    column (odd instances) or spanning the number and the name (even); the criteria numbered
    afresh under each field ("II.1" prints "1")."""
    documents = documents_of(corpus, "docx", "N62")
    assert len(documents) == 4
    restarted = merged = 0
    for doc in documents:
        truth, where = read_truth(corpus, doc), doc["path"]
        table = docx_score_table(corpus / doc["path"])
        assert table[0][0] in FIELD_HEADS and table[0][1] in NUMBER_HEADS, (where, table[0])
        rows = truth["score_tables"][0]["rows"]
        spans = "title-spans" in where
        for r, x in zip(rows, table[1:]):
            field = _field_of(rows, r)
            assert x[0] == field, (where, x)
            if r["code"] == field:
                assert x[1] == (r["name"] if spans else "") and x[2] == r["name"], (where, x)
            else:
                assert x[1] == printed_code(r["code"], "plain") and x[2] == r["name"], (where, x)
                restarted += r["code"].startswith("II.") and x[1] == "1"
            assert [cell_points(x[3]), cell_points(x[4])] == [r["max_points"], r["self_points"]], (where, x)
        grid = max(docx.Document(str(corpus / doc["path"])).tables, key=lambda t: len(t.rows))
        merges = [row._tr.tc_lst[0].vMerge for row in grid.rows[1 : 1 + len(rows)]]
        fields = [_field_of(rows, r) for r in rows]
        expected = [
            ("restart" if fields[i + 1 : i + 2] == [field] else None) if r["code"] == field else "continue"
            for i, (r, field) in enumerate(zip(rows, fields))
        ]  # a field with no criteria printed is one cell, not merged
        assert merges == expected, where
        merged += merges.count("continue")
    assert restarted and merged


def _expected(value: float | None, unit: str, carried: bool) -> str:
    if value is None:
        return ""
    if not carried:
        return format_vn(value)
    return format_vn(value) + ("%" if unit == "%" else f" {unit.lower()}")


def test_the_annex_prints_the_unit_last(corpus):
    """N63: "STT | Nội dung | Kết quả | ĐVT", the unit's column last; each truth row a row (printed
    code, indicator, figure, unit), the figure bare (odd instances) or followed by its unit in
    lower case, "565 hồ sơ", a share "88,67%" (even)."""
    documents = documents_of(corpus, "docx", "N63")
    assert len(documents) == 4
    for doc in documents:
        truth, where = read_truth(corpus, doc), doc["path"]
        table = next(t for t in docx_tables(corpus / doc["path"]) if t[0][-1] in UNIT_HEADS)
        assert len(table[0]) == 4 and table[0][2] in RESULT_HEADS, (where, table[0])
        stats = truth["statistics"][0]["rows"]
        assert len(table) == 1 + len(stats), where
        carried = "carried" in where
        for r, x in zip(stats, table[1:]):
            assert x[1:] == [r["indicator"], _expected(r["value"], r["unit"], carried), r["unit"]], (where, x)


def test_the_annex_is_turned_over_the_periods_as_rows(corpus):
    """N64: a landscape page; the header a column per truth row in order ("1.1. <indicator>"), a
    row of their units "(Hồ sơ)"; a row per quarter, their figures adding up to the whole (a stock
    the same each quarter), and the whole period's row, last (odd instances) or first (even),
    printing the truth's values."""
    documents = documents_of(corpus, "docx", "N64")
    assert len(documents) == 4
    for doc in documents:
        truth, where = read_truth(corpus, doc), doc["path"]
        table = next(t for t in docx_tables(corpus / doc["path"]) if t[0][0] in PERIOD_HEADS)
        stats = truth["statistics"][0]["rows"]
        assert len(table[0]) == 1 + len(stats), where
        for k, r in enumerate(stats, start=1):
            assert table[0][k].endswith(" " + r["indicator"]), (where, table[0][k])
            assert table[1][k] == (f"({r['unit']})" if r["unit"] else ""), (where, table[1][k])
        body = table[2:]
        whole, parts = (body[0], body[1:]) if "whole-first" in where else (body[-1], body[:-1])
        assert [p[0] for p in parts] == list(QUARTERS[: len(parts)]) and len(parts) in (2, 4), (where, parts)
        for k, r in enumerate(stats, start=1):
            assert whole[k] == ("" if r["value"] is None else format_vn(r["value"])), (where, r["code"])
            if r["unit"] != "%":
                assert_period_figures([p[k] for p in parts], r, where, STOCK_UNITS)
    for doc in documents_of(corpus, "pdf", "N64"):
        assert landscape_pdf(corpus / doc["path"]), doc["path"]


def test_the_tasks_are_grouped_under_their_leading_body(corpus):
    """N65: "TT | task | product | deadline | coordinator", no lead column; a heading row before
    each body's tasks, "I. <body>" across the table (odd instances) or "I" in the TT cell and the
    body across the rest (even), each body heading one group; every truth task in order under the
    heading of its section, ``lead`` that heading's body, numbered on across the table (odd) or
    afresh under each body (even)."""
    documents = documents_of(corpus, "docx", "N65")
    assert len(documents) == 4
    for doc in documents:
        truth, where = read_truth(corpus, doc), doc["path"]
        tables = docx_tables(corpus / doc["path"])
        table = next(t for t in tables if len(t[0]) == 5 and t[0][0] in ("TT", "STT", "Số TT"))
        restart = "restart" in where
        heading, bodies, tasks = ("", ""), [], []
        for x in table[1:]:
            if len(set(x[1:])) == 1 and not x[0].isdigit():
                if restart:
                    heading = (x[0], x[1])
                else:
                    numeral, _, body = x[0].partition(". ")
                    heading = (numeral, body)
                assert len(set(x[1:] if restart else x)) == 1, (where, x)
                bodies.append(heading[1])
            else:
                tasks.append((heading, x))
        assert len(bodies) == len(set(bodies)) >= 2, (where, bodies)
        assert len(tasks) == len(truth["task_rows"]), where
        for n, (t, ((numeral, body), x)) in enumerate(zip(truth["task_rows"], tasks), start=1):
            assert [t["section"], t["lead"]] == [numeral, body], (where, x)
            assert x == [t["code"], t["task"], t["product"], t["deadline"], t["coordinator"]], (where, x)
            if not restart:
                assert t["code"] == str(n), (where, x)
        if restart:
            firsts = [x[0] for i, (h, x) in enumerate(tasks) if i == 0 or tasks[i - 1][0] != h]
            assert set(firsts) == {"1"}, (where, firsts)
    for doc in documents_of(corpus, "pdf", "N65"):  # a tall row may break over a page: words, not runs
        words = set(pdf_text(corpus / doc["path"]).split())
        for t in read_truth(corpus, doc)["task_rows"]:
            assert set(t["task"].split()) | set(t["lead"].split()) | set(t["deadline"].split()) <= words, t


def test_every_truth_row_is_in_the_pdf(corpus):
    """Every score row's name and points, and every statistics row's indicator and figure, are in
    the PDF's text (pdfplumber's lines and cells)."""
    assert_batch_pdfs_carry_truth(corpus, ("N62", "N63", "N64"), figures=True)

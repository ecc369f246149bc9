"""The seventeenth batch of held-out layouts (tools/corpusgen/new_layouts_q.py, N70-N73): the DOCX and
PDF written carry every truth row as the layout prints it (sub-items lettered inside their criterion's
cells; an annex three levels deep with the unit in brackets; the points in one column per level; a
plan's products counted), read from the files with python-docx and pdfplumber, never by the pipeline."""

from __future__ import annotations

import sys
from pathlib import Path

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

from corpusgen.new_layouts_q import (  # noqa: E402
    COUNT_HEADS,
    LEVEL_HEADS,
    NEW_LAYOUT_FAMILIES_Q,
    SELF_GROUPS,
    THREE_LEVEL_HEADS,
)

from normalize.numbers import format_vn  # noqa: E402

NEW = tuple(NEW_LAYOUT_FAMILIES_Q)


corpus = batch_corpus_fixture("newq", NEW, 0)


def _points(value: float | None) -> str:
    return "" if value is None else format_vn(value)


def _level(rows: list[dict], r: dict) -> int:
    parents = {x["code"]: x["parent"] for x in rows}
    level, parent = 0, r["parent"]
    while parent is not None:
        level, parent = level + 1, parents[parent]
    return level


def test_sub_items_are_lettered_lines_of_their_criterion_s_cells(corpus):
    """N70: "TT | name | max | self | note"; every truth row that is not a lettered item ("1.1.a")
    in order a row of its own; a criterion's items are lines of its cells: the name cell its name
    then "a) <item>" one line each, the points cells its points then each item's, bare (odd
    instances) or after the item's letter, "a) 1" (even); some criterion in every document has
    items."""
    documents = documents_of(corpus, "docx", "N70")
    assert len(documents) == 4
    for doc in documents:
        truth, where = read_truth(corpus, doc), doc["path"]
        table = next(t for t in docx_tables(corpus / doc["path"]) if len(t[0]) == 5 and "điểm" in t[0][2].lower())
        rows = truth["score_tables"][0]["rows"]
        lettered = "lettered-points" in where
        own = [r for r in rows if not r["code"].split(".")[-1].isalpha()]
        folded = 0
        for r, x in zip(own, table[1:]):
            items = [i for i in rows if i["parent"] == r["code"] and i["code"].split(".")[-1].isalpha()]
            letters = [i["code"].split(".")[-1] + ")" for i in items]
            assert x[0].rstrip(".") == r["code"], (where, x)
            assert x[1].split("\n") == [r["name"], *(f"{a} {i['name']}" for a, i in zip(letters, items))], (where, x)
            for at, key in ((2, "max_points"), (3, "self_points")):
                lines = x[at].split("\n")
                assert cell_points(lines[0]) == r[key], (where, x)
                each = [_points(i[key]) for i in items]
                if lettered:
                    each = [f"{a} {v}".strip() for a, v in zip(letters, each)]
                assert lines[1:] == each, (where, x)
            folded += bool(items)
        assert len(table) - 1 in (len(own), len(own) + 1), where  # a total row or none
        assert folded, where


def test_the_annex_is_numbered_three_levels_deep_with_the_unit_in_brackets(corpus):
    """N71: "STT | Nội dung | Số liệu | Ghi chú", no unit column; every truth row in order a row:
    its code as printed, "2.1.1." (odd instances) or "2.1.1" (even), the indicator with its unit in
    brackets, the figure; three levels deep somewhere."""
    documents = documents_of(corpus, "docx", "N71")
    assert len(documents) == 4
    for doc in documents:
        truth, where = read_truth(corpus, doc), doc["path"]
        table = next(t for t in docx_tables(corpus / doc["path"]) if tuple(t[0][:3]) in THREE_LEVEL_HEADS)
        assert len(table[0]) == 4, (where, table[0])
        stats = truth["statistics"][0]["rows"]
        assert len(table) == 1 + len(stats), where
        dot = "." if "dotted" in where else ""
        for r, x in zip(stats, table[1:]):
            assert x[:3] == [r["code"] + dot, r["indicator"], _points(r["value"])], (where, x)
            if r["unit"]:
                assert r["indicator"].endswith(")") and "(" in r["indicator"], (where, r)
        assert any(r["code"].count(".") == 2 for r in stats), where


def test_each_row_s_points_stand_in_its_level_s_column(corpus):
    """N72: a two-row header, the self points split into one column per level under a merged
    "Điểm tự chấm" (and, even instances, the maximum as well); every truth row in order a row whose
    points stand in its level's column, the other levels' cells blank."""
    documents = documents_of(corpus, "docx", "N72")
    assert len(documents) == 4
    for doc in documents:
        truth, where = read_truth(corpus, doc), doc["path"]
        table = next(t for t in docx_tables(corpus / doc["path"]) if len(t) > 2 and tuple(t[1][-4:-1]) in LEVEL_HEADS)
        both = "max-too" in where
        assert table[0][-2] in SELF_GROUPS and table[0][-4] == table[0][-2], (where, table[0])
        rows = truth["score_tables"][0]["rows"]
        for r, x in zip(rows, table[2:]):
            level = _level(rows, r)
            assert [x[0], x[1]] == [r["code"], r["name"]], (where, x)
            selfs = x[-4:-1]
            assert selfs[level] == _points(r["self_points"]), (where, x)
            assert not any(v for i, v in enumerate(selfs) if i != level), (where, x)
            if both:
                maxes = x[2:5]
                assert maxes[level] == _points(r["max_points"]), (where, x)
                assert not any(v for i, v in enumerate(maxes) if i != level), (where, x)
            else:
                assert cell_points(x[2]) == r["max_points"], (where, x)
        assert {_level(rows, r) for r in rows} == {0, 1, 2}, where


def test_each_task_s_products_are_counted(corpus):
    """N73: the task table with a count column ("Số lượng") after the product, figures of two digits or more
    (odd instances), or the count in the product's cell, "04 báo cáo" / "100% hồ sơ …" (even, the
    truth's ``product`` as printed); every truth task's row in order."""
    documents = documents_of(corpus, "docx", "N73")
    assert len(documents) == 4
    for doc in documents:
        truth, where = read_truth(corpus, doc), doc["path"]
        table = max(docx_tables(corpus / doc["path"]), key=len)
        tasks = truth["task_rows"]
        rows = [x for x in table[1:] if x[0].isdigit()]  # a section's row prints its numeral "I"
        assert len(rows) == len(tasks), where
        column = "column" in where
        if column:
            assert table[0][3] in COUNT_HEADS, (where, table[0])
        for t, x in zip(tasks, rows):
            assert [x[0], x[1], x[2]] == [t["code"], t["task"], t["product"]], (where, x)
            if column:
                assert x[3].isdigit() and len(x[3]) >= 2, (where, x)
            else:
                assert t["product"].split()[0].rstrip("%").isdigit(), (where, t)
    assert_pdfs_print_tasks(corpus, "N73")


def test_every_truth_row_is_in_the_pdf(corpus):
    """Every score row's name and points, and every statistics row's indicator and figure, are in
    the PDF's text (pdfplumber's lines and cells)."""
    assert_batch_pdfs_carry_truth(corpus, ("N70", "N71", "N72"), figures=True)

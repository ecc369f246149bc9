"""The sixteenth batch of held-out layouts (tools/corpusgen/new_layouts_p.py, N66-N69): the DOCX and
PDF written carry every truth row as the layout prints it (each field's points in a last column merged
down over the field; an annex in two panels side by side; two rounds of appraisal beside the self
points; a plan's field in a column merged down over its tasks), read from the files with python-docx
and pdfplumber, never by the pipeline."""

from __future__ import annotations

import sys
from pathlib import Path

import docx

from tests.corpus_helpers import (
    assert_batch_pdfs_carry_truth,
    batch_corpus_fixture,
    cell_points,
    documents_of,
    docx_tables,
    landscape_pdf,
    pdf_text,
    read_truth,
)

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "tools")]

from corpusgen.new_layouts_p import (  # noqa: E402
    BODY_HEADS,
    FIELD_POINTS_HEADS,
    FIELD_TASK_HEADS,
    NEW_LAYOUT_FAMILIES_P,
    ROUND_GROUPS,
    ROUND_HEADS,
    VALUE_HEADS,
)

from normalize.numbers import format_vn  # noqa: E402

NEW = tuple(NEW_LAYOUT_FAMILIES_P)


corpus = batch_corpus_fixture("newp", NEW, 12294)


def _field_of(rows: list[dict], r: dict) -> str:
    parents = {x["code"]: x["parent"] for x in rows}
    code = r["code"]
    while parents[code] is not None:
        code = parents[code]
    return code


def _points(value: float | None) -> str:
    return "" if value is None else format_vn(value)


def _largest(path: Path):
    return max(docx.Document(str(path)).tables, key=lambda t: len(t.rows))


def test_each_field_s_points_stand_in_a_last_column_merged_down_over_the_field(corpus):
    """N66: "TT | name | max | self | note | Điểm lĩnh vực"; each truth row in order a row whose last
    cell is its field's self points, one cell merged down over the field's rows (python-docx gives
    the same cell in every row it spans); the field's own row prints its self points as well
    (odd instances) or leaves its self cell blank (even); every other row its max and self."""
    documents = documents_of(corpus, "docx", "N66")
    assert len(documents) == 4
    merged = blanked = 0
    for doc in documents:
        truth, where = read_truth(corpus, doc), doc["path"]
        table = next(t for t in docx_tables(corpus / doc["path"]) if t[0][-1] in FIELD_POINTS_HEADS)
        rows = truth["score_tables"][0]["rows"]
        by_code = {r["code"]: r for r in rows}
        only = "merged-only" in where
        for r, x in zip(rows, table[1:]):
            field = _field_of(rows, r)
            assert [x[1].strip(), x[-1]] == [r["name"], _points(by_code[field]["self_points"])], (where, x)
            assert cell_points(x[2]) == r["max_points"], (where, x)
            if r["code"] == field and only:
                assert x[3] == "", (where, x)
                blanked += 1
            else:
                assert cell_points(x[3]) == r["self_points"], (where, x)
        grid = _largest(corpus / doc["path"])
        merges = [row._tr.tc_lst[-1].vMerge for row in grid.rows[1 : 1 + len(rows)]]
        fields = [_field_of(rows, r) for r in rows]
        expected = [
            ("restart" if fields[i + 1 : i + 2] == [field] else None) if r["code"] == field else "continue"
            for i, (r, field) in enumerate(zip(rows, fields))
        ]  # a field with no criteria printed is one cell, not merged
        assert merges == expected, where
        merged += merges.count("continue")
    assert merged and blanked


def test_the_annex_is_printed_in_two_panels_side_by_side(corpus):
    """N67: a landscape page; "STT | Nội dung | ĐVT | Số liệu" twice in one header row; the left
    panel's rows then the right panel's, blank padding aside, are the truth rows in order
    (indicator, unit, figure); the right panel starts at a top indicator (odd instances) or at the
    middle row (even)."""
    documents = documents_of(corpus, "docx", "N67")
    assert len(documents) == 4
    for doc in documents:
        truth, where = read_truth(corpus, doc), doc["path"]
        table = next(t for t in docx_tables(corpus / doc["path"]) if len(t[0]) == 8 and t[0][3] in VALUE_HEADS)
        assert table[0][:4] == table[0][4:], (where, table[0])
        stats = truth["statistics"][0]["rows"]
        left = [x[:4] for x in table[1:] if any(x[:4])]
        right = [x[4:] for x in table[1:] if any(x[4:])]
        assert left and right and len(left) >= len(right), where
        for r, x in zip(stats, left + right):
            assert x[1:] == [r["indicator"], r["unit"], _points(r["value"])], (where, x)
        assert len(left) + len(right) == len(stats), where
        first = right[0][0]
        if "at-group" in where:
            assert first.isdigit(), (where, first)
        else:
            assert len(left) == (len(stats) + 1) // 2, where
    for doc in documents_of(corpus, "pdf", "N67"):
        assert landscape_pdf(corpus / doc["path"]), doc["path"]


def test_two_rounds_of_appraisal_the_last_the_truth(corpus):
    """N68: "TT | name | max | self | first round | final round | note", the rounds under a merged
    "Điểm thẩm định" over "Lần 1 | Lần 2 …" (odd instances, two header rows) or the appraising
    bodies' columns (even); each truth row's max, self and appraised points (the final round) in
    order; the first round the same or lower, by halves of a point, and lower somewhere."""
    documents = documents_of(corpus, "docx", "N68")
    assert len(documents) == 4
    lower = 0
    for doc in documents:
        truth, where = read_truth(corpus, doc), doc["path"]
        table = next(
            t
            for t in docx_tables(corpus / doc["path"])
            if len(t[0]) == 7 and (t[0][4] in ROUND_GROUPS or tuple(t[0][4:6]) in BODY_HEADS)
        )
        grouped = "grouped" in where
        if grouped:
            assert table[0][4] == table[0][5] and tuple(table[1][4:6]) in ROUND_HEADS, (where, table[:2])
        body = table[2:] if grouped else table[1:]
        rows = truth["score_tables"][0]["rows"]
        for r, x in zip(rows, body):
            assert x[1] == r["name"], (where, x)
            final = [r["max_points"], r["self_points"], r["appraised_points"]]
            assert [cell_points(x[2]), cell_points(x[3]), cell_points(x[5])] == final, (where, x)
            first = cell_points(x[4])
            if r["appraised_points"] is None:
                assert first is None, (where, x)
                continue
            assert first is not None and first <= r["appraised_points"], (where, x)
            halves = (r["appraised_points"] - first) * 2
            assert abs(halves - round(halves)) < 1e-9, (where, x)
            lower += first < r["appraised_points"]
    assert lower


def test_each_task_s_field_stands_in_a_column_merged_down_over_its_tasks(corpus):
    """N69: "TT | Lĩnh vực | task | product | deadline | lead | coordinator" (odd instances, the
    tasks numbered on across the table) or the field first (even, numbered afresh in each field);
    no heading rows: every truth task in order a row whose field cell reads "<section>. <title>",
    one cell merged down over the field's tasks."""
    documents = documents_of(corpus, "docx", "N69")
    assert len(documents) == 4
    for doc in documents:
        truth, where = read_truth(corpus, doc), doc["path"]
        tables = docx_tables(corpus / doc["path"])
        table = next(t for t in tables if len(t[0]) == 7 and {t[0][0], t[0][1]} & set(FIELD_TASK_HEADS))
        restart = "first-restart" in where
        at = 0 if restart else 1
        assert table[0][at] in FIELD_TASK_HEADS, (where, table[0])
        tasks = truth["task_rows"]
        assert len(table) == 1 + len(tasks), where
        sections = []
        for n, (t, x) in enumerate(zip(tasks, table[1:]), start=1):
            field = x.pop(at)
            assert field.partition(". ")[0] == t["section"], (where, x)
            assert x == [t["code"], t["task"], t["product"], t["deadline"], t["lead"], t["coordinator"]], (where, x)
            if not restart:
                assert t["code"] == str(n), (where, x)
            elif not sections or sections[-1] != t["section"]:
                assert t["code"] == "1", (where, x)
            sections.append(t["section"])
        assert len(set(sections)) >= 2, where
        grid = _largest(corpus / doc["path"])
        merges = [row._tr.tc_lst[at].vMerge for row in grid.rows[1:]]
        assert merges.count("restart") == len(set(sections)) and "continue" in merges, where
    for doc in documents_of(corpus, "pdf", "N69"):  # a tall row may break over a page: words, not runs
        words = set(pdf_text(corpus / doc["path"]).split())
        for t in read_truth(corpus, doc)["task_rows"]:
            assert set(t["task"].split()) | set(t["lead"].split()) | set(t["deadline"].split()) <= words, t


def test_every_truth_row_is_in_the_pdf(corpus):
    """Every score row's name and points, and every statistics row's indicator and figure, are in
    the PDF's text (pdfplumber's lines and cells)."""
    assert_batch_pdfs_carry_truth(corpus, ("N66", "N67", "N68"), figures=True)

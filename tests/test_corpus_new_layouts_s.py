"""The nineteenth batch of held-out layouts (tools/corpusgen/new_layouts_s.py, N78-N81): the DOCX and
PDF written carry every truth row as the layout prints it (the appraisal before the self points; points
with a decimal point; each item's share of its count in a column; a label row "Trong đó:" between a
count and its items), read from the files with python-docx and pdfplumber, never by the pipeline."""

from __future__ import annotations

import sys
from pathlib import Path

from tests.corpus_helpers import (
    assert_batch_pdfs_carry_truth,
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

from corpusgen.new_layouts_s import (  # noqa: E402
    APPRAISED_HEADS,
    LABEL_ROWS,
    NEW_LAYOUT_FAMILIES_S,
    SHARE_HEADS,
    VALUE_HEADS,
)

from normalize.numbers import format_vn  # noqa: E402

NEW = tuple(NEW_LAYOUT_FAMILIES_S)


corpus = batch_corpus_fixture("news", NEW, 0)


def _figure(value: float | None) -> str:
    return "" if value is None else format_vn(value)


def _score_table(path: Path) -> list[list[str]]:
    return next(t for t in docx_tables(path) if any("điểm" in c.lower() for c in t[0]))


def test_the_appraisal_stands_before_the_self_points(corpus):
    """N78: "TT | name | max | appraisal | self | evidence" (odd instances) or "TT | name | appraisal
    | self | max" (even); every truth row in order a row, its maximum, appraisal and self points in
    their columns."""
    documents = documents_of(corpus, "docx", "N78")
    assert len(documents) == 4
    for doc in documents:
        truth, where = read_truth(corpus, doc), doc["path"]
        table = _score_table(corpus / doc["path"])
        max_last = "max-last" in where
        at = {"max": 4, "appraised": 2, "self": 3} if max_last else {"max": 2, "appraised": 3, "self": 4}
        assert table[0][at["appraised"]] in APPRAISED_HEADS, (where, table[0])
        assert len(table[0]) == (5 if max_last else 6), where
        truth_rows = truth["score_tables"][0]["rows"]
        rows = table[1 : 1 + len(truth_rows)]  # a total row, if any, last
        assert len(table) - 1 - len(truth_rows) in (0, 1), where
        for r, x in zip(truth_rows, rows):
            assert [x[0].rstrip("."), x[1]] == [r["code"], r["name"]], (where, x)
            got = [cell_points(x[at[k]]) for k in ("max", "appraised", "self")]
            assert got == [r["max_points"], r["appraised_points"], r["self_points"]], (where, x)


def test_the_points_are_written_with_a_decimal_point(corpus):
    """N79: every points cell a figure with a decimal point and no comma, "1.5" (odd instances) or
    two decimals "2.00" (even), the truth's maximum and self points; the codes "1.1" beside them."""
    documents = documents_of(corpus, "docx", "N79")
    assert len(documents) == 4
    for doc in documents:
        truth, where = read_truth(corpus, doc), doc["path"]
        table = _score_table(corpus / doc["path"])
        two_places = "two-places" in where
        truth_rows = truth["score_tables"][0]["rows"]
        rows = table[1 : 1 + len(truth_rows)]  # a total row, if any, last
        assert len(table) - 1 - len(truth_rows) in (0, 1), where
        dotted = 0
        for r, x in zip(truth_rows, rows):
            assert [x[0].rstrip("."), x[1]] == [r["code"], r["name"]], (where, x)
            for text, value in ((x[2], r["max_points"]), (x[3], r["self_points"])):
                assert "," not in text, (where, x)
                assert (float(text) if text else None) == value, (where, x)
                if text:
                    assert not two_places or text[-3] == ".", (where, x)
                    dotted += "." in text
        assert dotted, where


def test_each_item_s_share_of_its_count_is_in_a_column(corpus):
    """N80: "STT | Nội dung | ĐVT | Số liệu | Tỷ lệ (%) | Ghi chú"; every truth row in order a row,
    its figure the truth's value; a breakdown item's share its value over its count's in per cent;
    a count with items "100" in the even variant, blank in the odd."""
    documents = documents_of(corpus, "docx", "N80")
    assert len(documents) == 4
    for doc in documents:
        truth, where = read_truth(corpus, doc), doc["path"]
        table = next(t for t in docx_tables(corpus / doc["path"]) if len(t[0]) == 6)
        assert table[0][3] in VALUE_HEADS and table[0][4] in SHARE_HEADS, (where, table[0])
        stats = truth["statistics"][0]["rows"]
        assert len(table) == 1 + len(stats), where
        values = {r["code"]: r["value"] for r in stats}
        shared = 0
        for r, x in zip(stats, table[1:]):
            assert [x[1], x[2], x[3]] == [r["indicator"], r["unit"], _figure(r["value"])], (where, x)
            parent = values.get(r["code"].rpartition(".")[0])
            if r["unit"] != "%" and parent:
                assert cell_points(x[4]) == round(100.0 * r["value"] / parent, 2), (where, x)
                shared += 1
            elif x[4]:
                assert x[4] == "100" and "with-whole" in where, (where, x)
        assert shared >= 2, where


def test_a_label_row_stands_between_a_count_and_its_items(corpus):
    """N81: "STT | Nội dung | ĐVT | Số liệu | Ghi chú"; every truth row in order a row; right after
    each count whose next row is one of its items, a row with no code and no figure carrying the
    label ("Trong đó:"), in the indicator's cell (odd instances) or across the rest (even)."""
    documents = documents_of(corpus, "docx", "N81")
    assert len(documents) == 4
    for doc in documents:
        truth, where = read_truth(corpus, doc), doc["path"]
        table = next(t for t in docx_tables(corpus / doc["path"]) if len(t[0]) == 5 and t[0][3] in VALUE_HEADS)
        stats = truth["statistics"][0]["rows"]
        rows = iter(table[1:])
        labelled = 0
        for r, nxt in zip(stats, [*stats[1:], None]):
            x = next(rows)
            assert x[1:4] == [r["indicator"], r["unit"], _figure(r["value"])], (where, x)
            item = nxt is not None and nxt["unit"] != "%" and nxt["code"].rpartition(".")[0] == r["code"]
            if r["value"] is not None and r["unit"] != "%" and item:
                e = next(rows)
                assert e[0] == "" and e[1] in LABEL_ROWS, (where, e)
                assert e[2:] == ([e[1]] * 3 if "across" in where else ["", "", ""]), (where, e)
                labelled += 1
        assert next(rows, None) is None, where
        assert labelled >= 2, where


def test_every_truth_row_is_in_the_pdf(corpus):
    """Every score row's name and points, and every statistics row's indicator and figure, are in
    the PDF's text (pdfplumber's lines and cells); N79's points as it prints them, with a point."""
    assert_batch_pdfs_carry_truth(corpus, ("N78", "N80", "N81"), figures=True)
    documents = documents_of(corpus, "pdf", "N79")
    assert len(documents) == 4
    for doc in documents:
        truth, where = read_truth(corpus, doc), doc["path"]
        text = pdf_text(corpus / doc["path"])
        flat = squash(text)
        two_places = "two-places" in where
        for r in truth["score_tables"][0]["rows"]:
            assert squash(r["name"]) in flat, (where, r["code"])
            for v in (r["max_points"], r["self_points"]):
                assert v is None or (f"{v:.2f}" if two_places else f"{v:g}") in text, (where, r["code"])

"""The twentieth batch of held-out layouts (tools/corpusgen/new_layouts_t.py, N82-N85): the DOCX and
PDF written carry every truth row as the layout prints it (a field a heading across the table, its
points in words; a leaf's scale in its name; the procedures per field with the total row first; counts
as bullets with their shares), read from the files with python-docx and pdfplumber, never by the
pipeline."""

from __future__ import annotations

import sys
from pathlib import Path

from tests.corpus_helpers import (
    assert_batch_pdfs_carry_truth,
    batch_corpus_fixture,
    cell_points,
    documents_of,
    docx_paragraphs,
    docx_tables,
    pdf_text,
    read_truth,
    squash,
)

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "tools")]

from corpusgen.new_layouts_t import FIELD_TOTAL_LABELS, NEW_LAYOUT_FAMILIES_T  # noqa: E402

from normalize.numbers import format_vn  # noqa: E402

NEW = tuple(NEW_LAYOUT_FAMILIES_T)


corpus = batch_corpus_fixture("newt", NEW, 0)


def _score_table(path: Path) -> list[list[str]]:
    return next(t for t in docx_tables(path) if any("điểm" in c.lower() for c in t[0]))


def _figure(value: float | None) -> str:
    return "" if value is None else format_vn(value)


def test_a_field_made_of_criteria_is_a_heading_across_the_table(corpus):
    """N82: a field with criteria is one cell across the table (python-docx reads it in every
    column) holding its name and its maximum and self points in words; every other truth row in
    order a row, its code, name and points in their columns."""
    documents = documents_of(corpus, "docx", "N82")
    assert len(documents) == 4
    for doc in documents:
        truth, where = read_truth(corpus, doc), doc["path"]
        table = _score_table(corpus / doc["path"])
        truth_rows = truth["score_tables"][0]["rows"]
        parents = {r["code"].rpartition(".")[0] for r in truth_rows if "." in r["code"]}
        assert len(table) - 1 - len(truth_rows) in (0, 1), where
        headings = 0
        for r, x in zip(truth_rows, table[1:]):
            if "." not in r["code"] and r["code"] in parents:
                assert len(set(x)) == 1 and r["name"] in x[0], (where, x)
                words = ("tối đa {} điểm, tự chấm {} điểm)", "điểm tối đa {}; điểm tự chấm {}")
                said = words["colon" in where].format(_figure(r["max_points"]), _figure(r["self_points"]) or "-")
                assert x[0].endswith(said), (where, x)
                headings += 1
            else:
                assert [x[0].rstrip("."), x[1]] == [r["code"], r["name"]], (where, x)
                assert [cell_points(x[2]), cell_points(x[3])] == [r["max_points"], r["self_points"]], (where, x)
        assert headings >= 2, where


def test_a_leaf_writes_its_scale_in_its_name(corpus):
    """N83: "STT | name | self | evidence", no maximum column; a leaf's name followed by its scale,
    "(0 - 2 điểm)" or "(từ 0 đến 2 điểm)", a row made of others by its sum "(14,5 điểm)"; the self
    points in their column."""
    documents = documents_of(corpus, "docx", "N83")
    assert len(documents) == 4
    for doc in documents:
        truth, where = read_truth(corpus, doc), doc["path"]
        table = _score_table(corpus / doc["path"])
        assert len(table[0]) == 4, where
        truth_rows = truth["score_tables"][0]["rows"]
        parents = {r["code"].rpartition(".")[0] for r in truth_rows if "." in r["code"]}
        body = [x for x in table[1:] if x[0]]  # the total row prints no number
        assert len(body) == len(truth_rows), where
        ranges = 0
        for r, x in zip(truth_rows, body):
            assert x[0].rstrip(".") == r["code"], (where, x)
            top = _figure(r["max_points"])
            if r["code"] in parents:
                assert x[1] == f"{r['name']} ({top} điểm)", (where, x)
            else:
                scale = f"(từ 0 đến {top} điểm)" if "tu-den" in where else f"(0 - {top} điểm)"
                assert x[1] == f"{r['name']} {scale}", (where, x)
                ranges += 1
            assert cell_points(x[2]) == r["self_points"], (where, x)
        assert ranges >= 3, where


def test_the_procedures_per_field_print_their_total_first(corpus):
    """N84: "STT | Lĩnh vực | three counts | share"; the row under the header the commune's total
    (no number, a total's label), its figures the truth's "1", "1.1", "1.2", "1.3"; the fields under
    it numbered 1, 2, … and adding up to it, each share its own."""
    documents = documents_of(corpus, "docx", "N84")
    assert len(documents) == 4
    for doc in documents:
        truth, where = read_truth(corpus, doc), doc["path"]
        table = next(t for t in docx_tables(corpus / doc["path"]) if len(t[0]) == 6)
        stats = truth["statistics"][0]["rows"]
        assert [r["code"] for r in stats] == ["1", "1.1", "1.2", "1.3"], where
        assert table[0][2:] == [r["indicator"] for r in stats], (where, table[0])
        first = table[1]
        assert first[0] == "" and first[1] in FIELD_TOTAL_LABELS, (where, first)
        assert [cell_points(c) for c in first[2:]] == [r["value"] for r in stats], (where, first)
        fields = table[2:]
        assert [x[0] for x in fields] == [str(k) for k in range(1, len(fields) + 1)], where
        for k in (2, 3, 4):
            assert sum(int(x[k]) for x in fields) == int(first[k]), (where, k)
        online = (3, 4) if "online" in where else (3,)
        for x in fields:
            own = format_vn(round(100.0 * sum(int(x[k]) for k in online) / int(x[2]), 2))
            assert x[5] == own, (where, x)


def test_the_counts_are_bullets_with_their_shares(corpus):
    """N85: each truth count a paragraph "- " and its text; its total and its parts printed in it,
    each part's share of the whole after it (odd instances) or one share at the end (even); no
    table."""
    documents = documents_of(corpus, "docx", "N85")
    assert len(documents) == 4
    for doc in documents:
        truth, where = read_truth(corpus, doc), doc["path"]
        paragraphs = docx_paragraphs(corpus / doc["path"])
        assert truth["counts"] and not truth["statistics"] and not truth["score_tables"], where
        for c in truth["counts"]:
            assert f"- {c['text']}" in paragraphs, (where, c["text"])
            assert str(c["total"]) in c["text"] or f"{c['total']:02d}" in c["text"], (where, c["text"])
            whole = sum(c["parts"])
            shares = [format_vn(round(100.0 * p / whole, 2)) + "%" for p in c["parts"]]
            if "shares-inline" in where:
                assert all(f"(chiếm {s})" in c["text"] for s in shares), (where, c["text"])
            else:
                assert "chiếm" not in c["text"], (where, c["text"])


def test_every_truth_row_is_in_the_pdf(corpus):
    """Every score row's name and points, every statistics row's indicator and figure, and every
    count's text are in the PDF's text (pdfplumber's lines and cells)."""
    assert_batch_pdfs_carry_truth(corpus, ("N82", "N83", "N84"), figures=True)
    documents = documents_of(corpus, "pdf", "N85")
    assert len(documents) == 4
    for doc in documents:
        truth, where = read_truth(corpus, doc), doc["path"]
        flat = squash(pdf_text(corpus / doc["path"]))
        for c in truth["counts"]:
            assert squash(c["text"]) in flat, (where, c["text"])

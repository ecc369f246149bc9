"""The twenty-fifth batch of held-out layouts (tools/corpusgen/new_layouts_y.py, N102-N105): the DOCX
and PDF written carry every truth row as the layout prints it (the self points and the explanation in
one cell; halves and quarters as common fractions; remarks holding numbers in the notes; the field's
name down the left of "Nội dung | Tiêu chí"), read from the files with python-docx and pdfplumber,
never by the pipeline. The expected values are the truth files' rows."""

from __future__ import annotations

import sys
from fractions import Fraction
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

from corpusgen.new_layouts_y import NEW_LAYOUT_FAMILIES_Y  # noqa: E402

NEW = tuple(NEW_LAYOUT_FAMILIES_Y)


corpus = batch_corpus_fixture("newy", NEW, 0)


def _widest(path: Path) -> list[list[str]]:
    """The DOCX's table with the most rows (the score table or the annex), cells stripped."""
    return [[c.strip() for c in row] for row in max(docx_tables(path), key=len)]


def _rows_by_code(table: list[list[str]]) -> dict[str, list[str]]:
    """The table's rows by their printed code ("1." is "1"); the header and total rows have none."""
    return {x[0].rstrip("."): x for x in table[1:] if x[0] and x[0] not in ("STT", "TT")}


def test_the_self_cell_holds_the_points_and_the_explanation(corpus):
    """N102: four columns, no explanation column; each row's self cell its points, then (a leaf with
    an explanation) the explanation after " - " (odd instances) or on the next line (even)."""
    documents = documents_of(corpus, "docx", "N102_")
    assert len(documents) == 4
    explained = 0
    for doc in documents:
        truth, where = read_truth(corpus, doc), doc["path"]
        table = [[c for c in row] for row in max(docx_tables(corpus / doc["path"]), key=len)]
        assert len(table[0]) == 4, (where, table[0])
        rows = _rows_by_code(table)
        glue = "\n" if "lines" in where else " - "
        for r in truth["score_tables"][0]["rows"]:
            x = rows[r["code"]]
            assert x[1].strip() == r["name"] and cell_points(x[2]) == r["max_points"], (where, x)
            points, _, said = x[3].partition(glue) if r["self_points"] is not None else ("", "", x[3])
            assert cell_points(points) == r["self_points"], (where, x)
            assert said == (r["explanation"] or ""), (where, x)
            explained += bool(said)
    assert explained >= 8


def _fraction(text: str) -> float | None:
    """A points cell as a figure: "1 1/2" is 1.5, "3/4" 0.75, "14,5" 14.5; blank is None."""
    if not text:
        return None
    return float(sum(Fraction(part.replace(",", ".")) for part in text.split()))


def test_halves_and_quarters_are_common_fractions(corpus):
    """N103: every self cell (and every maximum, odd instances) holding a half or a quarter prints
    it as a common fraction, never with a comma; the figures are the truth's."""
    documents = documents_of(corpus, "docx", "N103_")
    assert len(documents) == 4
    fractions = 0
    for doc in documents:
        truth, where = read_truth(corpus, doc), doc["path"]
        rows = _rows_by_code(_widest(corpus / doc["path"]))
        max_too = "max-and-self" in where
        for r in truth["score_tables"][0]["rows"]:
            x = rows[r["code"]]
            assert x[1] == r["name"], (where, x)
            assert (_fraction(x[2]), _fraction(x[3])) == (r["max_points"], r["self_points"]), (where, x)
            assert "," not in x[3] and (not max_too or "," not in x[2]), (where, x)
            fractions += "/" in x[3]
    assert fractions >= 8


def test_the_pdf_prints_the_fractions(corpus):
    """N103's PDFs: every row's name, and its self points as the common fraction the DOCX holds."""
    for doc in documents_of(corpus, "pdf", "N103_"):
        truth, where = read_truth(corpus, doc), doc["path"]
        docx_rows = _rows_by_code(_widest(corpus / doc["path"].replace(".pdf", ".docx")))
        text = pdf_text(corpus / doc["path"])
        for r in truth["score_tables"][0]["rows"]:
            assert squash(r["name"]) in squash(text), (where, r["code"])
            assert docx_rows[r["code"]][3] in text, (where, r["code"])


def test_the_remarks_hold_numbers_that_are_not_values(corpus):
    """N104: the annex's value column holds the truth's values; the notes hold a remark with a number
    on every row with a value (odd instances) or on some (even), none on a row without."""
    documents = documents_of(corpus, "docx", "N104_")
    assert len(documents) == 4
    for doc in documents:
        truth, where = read_truth(corpus, doc), doc["path"]
        table = _widest(corpus / doc["path"])
        assert table[0][-1] == "Ghi chú", (where, table[0])
        body = table[1:]
        rows = truth["statistics"][0]["rows"]
        assert len(body) == len(rows), where
        noted = 0
        for r, x in zip(rows, body):
            assert (x[1], x[2], cell_points(x[3])) == (r["indicator"], r["unit"], r["value"]), (where, x)
            if r["value"] is None:
                assert x[4] == "", (where, x)
            elif "every-row" in where:
                assert any(ch.isdigit() for ch in x[4]), (where, x)
            noted += bool(x[4])
        assert noted >= 3, where


def test_the_field_name_stands_down_the_left(corpus):
    """N105: "STT | Nội dung | Tiêu chí | max | self | evidence"; a field's name in the second column
    and its third blank; each criterion's name in the third, the second the field's name (a merged
    cell, odd instances: python-docx reads it in every row it spans) or blank (even)."""
    documents = documents_of(corpus, "docx", "N105_")
    assert len(documents) == 4
    for doc in documents:
        truth, where = read_truth(corpus, doc), doc["path"]
        rows = _rows_by_code(_widest(corpus / doc["path"]))
        merged = "merged" in where
        score_rows = truth["score_tables"][0]["rows"]
        field = {}
        for r in score_rows:
            field[r["code"]] = r["name"] if r["parent"] is None else field[r["parent"]]
        assert sum(r["parent"] is not None for r in score_rows) >= 4, where
        for r in score_rows:
            x = rows[r["code"]]
            if r["parent"] is None:
                assert (x[1], x[2]) == (r["name"], ""), (where, x)
            else:
                assert (x[1], x[2]) == (field[r["code"]] if merged else "", r["name"]), (where, x)
            assert (cell_points(x[3]), cell_points(x[4])) == (r["max_points"], r["self_points"]), (where, x)
            assert x[5] == (r["explanation"] or ""), (where, x)


def test_every_truth_row_is_in_the_pdf(corpus):
    """Every score row's name and points, and every statistics row's indicator and figure, are in
    the PDF's text (pdfplumber's lines and cells); N103's fractions are checked above."""
    assert_batch_pdfs_carry_truth(corpus, ("N102", "N104", "N105"), figures=True)

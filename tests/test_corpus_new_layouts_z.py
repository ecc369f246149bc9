"""The twenty-sixth batch of held-out layouts (tools/corpusgen/new_layouts_z.py, N106-N109): the DOCX
and PDF written carry every truth row as the layout prints it (the header's labels turned bottom to
top; the total in words too; each breakdown closed by a "Cộng" row; the list of evidence documents
after the score table), read from the files with python-docx and pdfplumber, never by the pipeline.
The expected values are the truth files' rows (the words read back to a figure by the small reader
below, not by the generator's speller)."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import docx
from docx.oxml.ns import qn

from tests.corpus_helpers import (
    assert_batch_pdfs_carry_truth,
    batch_corpus_fixture,
    cell_points,
    documents_of,
    docx_paragraphs,
    docx_tables,
    read_truth,
)

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "tools")]

from corpusgen.new_layouts_z import NEW_LAYOUT_FAMILIES_Z  # noqa: E402

NEW = tuple(NEW_LAYOUT_FAMILIES_Z)
TOTAL_LABELS = ("Tổng cộng", "TỔNG ĐIỂM", "Tổng số điểm")


corpus = batch_corpus_fixture("newz", NEW, 0)


def _score_table(path: Path) -> list[list[str]]:
    """The DOCX's first table whose header names points ("điểm")."""
    return next(t for t in docx_tables(path) if any("điểm" in c.lower() for c in t[0]))


def _data_rows(table: list[list[str]]) -> list[list[str]]:
    """The score table's rows with a code: neither header, number row ("(1)") nor total."""
    return [x for x in table[1:] if x[0].strip() and not x[0].startswith("(") and x[1] not in TOTAL_LABELS]


def _assert_rows_are_the_truth(rows: list[list[str]], truth_rows: list[dict], where: str) -> None:
    """name | max | self | evidence in columns 1-4, one row per truth row in order."""
    assert len(rows) == len(truth_rows), where
    for r, x in zip(truth_rows, rows):
        assert x[1] == r["name"], (where, x)
        assert (cell_points(x[2]), cell_points(x[3])) == (r["max_points"], r["self_points"]), (where, x)
        assert x[4] == (r["explanation"] or ""), (where, x)


def test_the_header_labels_run_bottom_to_top(corpus):
    """N106: the header cells over the maximum and the self points (and "STT", even instances, with a
    number row "(1) (2) …" under the header) are turned (Word's "btLr"); the name's and evidence's
    are not; every row's figures are the truth's."""
    documents = documents_of(corpus, "docx", "N106_")
    assert len(documents) == 4
    for doc in documents:
        truth, where = read_truth(corpus, doc), doc["path"]
        path = corpus / doc["path"]
        table = next(
            t for t in docx.Document(str(path)).tables if any("điểm" in c.text.lower() for c in t.rows[0].cells)
        )
        turned = [
            bool(c._tc.tcPr is not None and c._tc.tcPr.find(qn("w:textDirection")) is not None)
            for c in table.rows[0].cells
        ]
        code_too = "code-and-points" in where
        assert turned == [code_too, False, True, True, False], (where, turned)
        cells = _score_table(path)
        assert (cells[1][0] == "(1)") == code_too, (where, cells[1])
        _assert_rows_are_the_truth(_data_rows(cells), truth["score_tables"][0]["rows"], where)


DIGIT_WORDS = {
    "không": 0,
    "một": 1,
    "mốt": 1,
    "hai": 2,
    "ba": 3,
    "bốn": 4,
    "tư": 4,
    "năm": 5,
    "lăm": 5,
    "sáu": 6,
    "bảy": 7,
    "tám": 8,
    "chín": 9,
}


def _whole_read(words: list[str]) -> int:
    """A whole number read from its Vietnamese words ("một trăm linh năm" 105, "hai mươi mốt" 21)."""
    value, digit = 0, 0
    for w in words:
        if w == "trăm":
            value, digit = value + digit * 100, 0
        elif w == "mươi":
            value, digit = value + digit * 10, 0
        elif w == "mười":
            value += 10
        elif w != "linh":
            digit = DIGIT_WORDS[w]
    return value + digit


def words_value(text: str) -> float:
    """Points read from words: "Tám mươi hai phẩy năm" is 82.5, "Bốn phẩy bảy mươi lăm" 4.75."""
    whole, _, part = text.lower().partition(" phẩy ")
    value = float(_whole_read(whole.split()))
    if part:
        after = str(_whole_read(part.split()))
        value += int(after) / 10 ** len(after)
    return value


def _said_in_words(text: str) -> float:
    """The figure of the "(Bằng chữ: …)" in ``text``."""
    found = re.search(r"\((?:Bằng chữ|bằng chữ|Viết bằng chữ): ([^)]*?)(?: điểm)?\)", text)
    assert found, text
    return words_value(found.group(1))


def test_the_total_is_written_in_words_too(corpus):
    """N107: the total's self points (its maximum where a field is not scored yet and the total's self
    is blank) in words read back to the truth's stated total: in the total row's cell under the figure
    (odd instances) or in a line under the table (even); the rows are the truth's."""
    documents = documents_of(corpus, "docx", "N107_")
    assert len(documents) == 4
    for doc in documents:
        truth, where = read_truth(corpus, doc), doc["path"]
        score = truth["score_tables"][0]
        said = score["stated_total_self"] if score["stated_total_self"] is not None else score["stated_total_max"]
        cells = _score_table(corpus / doc["path"])
        total = next(x for x in cells if x[1] in TOTAL_LABELS)
        assert (cell_points(total[2]), cell_points(total[3].split("\n")[0])) == (
            score["stated_total_max"],
            score["stated_total_self"],
        ), (where, total)
        if "cell" in where:
            assert _said_in_words(total[2] + total[3]) == said, (where, total)
        else:
            line = next(p for p in docx_paragraphs(corpus / doc["path"]) if "ằng chữ" in p)
            assert _said_in_words(line) == said, (where, line)
            assert not any("ằng chữ" in c for c in total), (where, total)
        _assert_rows_are_the_truth(_data_rows(cells), score["rows"], where)


def test_each_breakdown_is_closed_by_a_sum_row(corpus):
    """N108: the annex's rows but the "Cộng" ones are the truth's rows in order; each "Cộng" row, no
    code, holds the count its parts above belong to (the nearest truth row above whose code begins
    the last part's, in the same unit), whose own cell is blank (odd instances) or holds it too (even)."""
    documents = documents_of(corpus, "docx", "N108_")
    assert len(documents) == 4
    for doc in documents:
        truth, where = read_truth(corpus, doc), doc["path"]
        body = max(docx_tables(corpus / doc["path"]), key=len)[1:]
        rows = truth["statistics"][0]["rows"]
        printed = [x for x in body if not x[1].startswith("Cộng")]
        assert len(printed) == len(rows), where
        of = {id(x): r for r, x in zip(rows, printed)}
        by_code = {r["code"]: (r, x) for r, x in zip(rows, printed)}
        blank = "count-below" in where
        sums = 0
        for k, x in enumerate(body):
            if not x[1].startswith("Cộng"):
                continue
            sums += 1
            last = of[id(body[k - 1])]
            heads = [last["code"].rsplit(".", n)[0] for n in range(1, last["code"].count(".") + 1)]
            count, own = next(by_code[h] for h in heads if by_code[h][0]["unit"] == last["unit"])
            assert (x[0], x[2], cell_points(x[3])) == ("", count["unit"], count["value"]), (where, x)
            assert cell_points(own[3]) == (None if blank else count["value"]), (where, own)
        assert sums >= 2, where
        for r, x in zip(rows, printed):
            assert (x[1], x[2]) == (r["indicator"], r["unit"]), (where, x)
            assert cell_points(x[3]) in (r["value"], None), (where, x)


def test_the_evidence_list_follows_the_score_table(corpus):
    """N109: the score rows are the truth's; a second table listing the evidence follows, one line per
    scored row with an explanation and no rows under it (the truth's), its code, a document and its
    number "12/KH-UBND"; right after the score table (odd instances) or last, after the signature (even)."""
    documents = documents_of(corpus, "docx", "N109_")
    assert len(documents) == 4
    for doc in documents:
        truth, where = read_truth(corpus, doc), doc["path"]
        tables = docx_tables(corpus / doc["path"])
        score = next(t for t in tables if any("điểm" in c.lower() for c in t[0]))
        rows = truth["score_tables"][0]["rows"]
        _assert_rows_are_the_truth(_data_rows(score), rows, where)
        listed = next(t for t in tables if t is not score and any("tài liệu" in c.lower() for c in t[0]))
        at = tables.index(listed)
        assert at == (tables.index(score) + 1 if "below" in where else len(tables) - 1), where
        parents = {r["parent"] for r in rows}
        want = [
            r["code"] for r in rows if r["explanation"] and r["self_points"] is not None and r["code"] not in parents
        ]
        assert len(want) >= 2 and [x[1] for x in listed[1:]] == want, (where, listed)
        assert all(re.fullmatch(r"\d+/[A-ZĐ]+-[A-ZĐ]+", x[3]) for x in listed[1:]), (where, listed)


def test_every_truth_row_is_in_the_pdf(corpus):
    """Every score row's name and points, and every statistics row's indicator and figure, are in
    the PDF's text (pdfplumber's lines and cells)."""
    assert_batch_pdfs_carry_truth(corpus, ("N106", "N107", "N108", "N109"), figures=True)

"""The sixth batch of held-out layouts (tools/corpusgen/new_layouts_f.py, N26-N29): the DOCX and PDF
written carry every truth row as the layout prints it (a scoring software's export with zero-padded
codes and file names, a statistics annex typed as dot-leader lines, bonus and penalty points after the
total, scores and counts in sentences only), read from the files with python-docx, pdfplumber and
pdftotext, never by the pipeline."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.corpus_helpers import (
    assert_truth_rows_in_pdf,
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

from corpusgen.new_layouts_f import NEW_LAYOUT_FAMILIES_F  # noqa: E402

from normalize.numbers import format_vn  # noqa: E402

NEW = tuple(NEW_LAYOUT_FAMILIES_F)


corpus = batch_corpus_fixture("newf", NEW, 2598)


def _layout_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True).stdout


def _normalised(printed: str) -> str:
    """A printed arabic code with its zero padding dropped ("01.02.03" is "1.2.3")."""
    return ".".join(str(int(p)) if p.isdigit() else p for p in printed.rstrip(".").split("."))


def test_the_export_pads_its_codes_and_names_the_files(corpus):
    """N26: the code column is headed "Mã …"; every truth row is one table row whose code cell,
    zero-padded ("1.01", "01.01.02"), reads back to its code, with its name, maximum, self points
    and its evidence as printed; odd instances number every row 1, 2, 3 … in a first column that is
    no code; some evidence is an uploaded file's name; the export's stamp is under the table."""
    documents = documents_of(corpus, "docx", "N26")
    assert len(documents) == 4
    for doc in documents:
        truth, where = read_truth(corpus, doc), doc["path"]
        assert truth["split"] == "heldout"
        table = next(t for t in docx_tables(corpus / doc["path"]) if any(c.startswith("Mã") for c in t[0]))
        rows = [[c.strip() for c in row] for row in table]
        counter = "software-counter" in where
        code = int(counter)
        assert rows[0][code].startswith("Mã"), (where, rows[0])
        body = [x for x in rows[1:] if x[code]]
        if counter:
            assert [x[0] for x in body] == [str(k) for k in range(1, len(body) + 1)], where
        score = truth["score_tables"][0]
        assert len(body) == len(score["rows"]), where
        for r, x in zip(score["rows"], body):
            assert _normalised(x[code]) == r["code"] and squash(x[code + 1]) == squash(r["name"]), (where, r["code"])
            if r["code"].isdigit() and not counter:
                assert x[code] == f"{int(r['code']):02d}", (where, x[code])
            elif "." in r["code"]:
                assert re.fullmatch(r"\d+(\.\d\d)+", x[code]), (where, x[code])
            assert [cell_points(x[code + 2]), cell_points(x[code + 3])] == [r["max_points"], r["self_points"]]
            assert x[code + 4] == (r["explanation"] or ""), (where, r["code"])
        files = [r["explanation"] for r in score["rows"] if r["explanation"] and r["explanation"].endswith(".pdf")]
        assert all(re.fullmatch(r"\d+_[A-Z]+(-[A-Z]+)*_\d\d-\d\d-\d{4}\.pdf", f) for f in files), (where, files)
        assert any(("xuất" in p.lower() or "trích xuất" in p) for p in docx_paragraphs(corpus / doc["path"])), where
    assert any(
        r["explanation"] and r["explanation"].endswith(".pdf")
        for doc in documents
        for r in read_truth(corpus, doc)["score_tables"][0]["rows"]
    )


def test_the_statistics_are_lines_with_dot_leaders_and_no_table(corpus):
    """N27: no table holds the annex; every truth row is a paragraph "<code> <indicator>" (broken by
    hand where long), a tab, its figure grouped by thousands, and its unit in lower case after it
    (at a stop of its own or after a space); a heading has no figure and ends with a colon; in the
    PDF, dots run from the indicator up to every figure."""
    documents = documents_of(corpus, "docx", "N27")
    assert len(documents) == 4
    for doc in documents:
        truth, where = read_truth(corpus, doc), doc["path"]
        assert not any(len(t) > 4 for t in docx_tables(corpus / doc["path"])), where
        paragraphs = docx_paragraphs(corpus / doc["path"])
        layout = _layout_text(corpus / doc["path"].replace(".docx", ".pdf"))
        for r in truth["statistics"][0]["rows"]:
            mark = r["code"].split(".")[-1] + ")" if r["code"][-1].isalpha() else r["code"] + "."
            found = [
                p
                for p in paragraphs
                if squash(p.split("\t")[0]) == squash(f"{mark} {r['indicator']}" + ":" * (r["value"] is None))
            ]
            assert len(found) == 1, (where, r["code"])
            if r["value"] is None:
                assert "\t" not in found[0], (where, r["code"])
                continue
            figure, unit = re.split(r"[\t ]", found[0].split("\t", 1)[1], maxsplit=1)
            assert re.fullmatch(r"\d{1,3}(\.\d{3})*(,\d{1,2})?", figure), (where, figure)
            assert float(figure.replace(".", "").replace(",", ".")) == r["value"], (where, r["code"])
            assert unit == (r["unit"] if r["unit"] == "%" else r["unit"].lower()), (where, unit)
            assert re.search(r"\.{5,}\s*" + re.escape(figure) + r"\b", layout), (where, figure)


def _adjustments(texts: list[str]) -> list[float]:
    """The bonus, the penalty and the adjusted total as printed (a penalty "-1,5" read as 1,5)."""
    return [abs(float(re.search(r"-?\d+(?:,\d+)?", t).group().replace(",", "."))) for t in texts]


def test_bonus_and_penalty_follow_the_total_and_are_no_rows(corpus):
    """N28: every truth row is one table row (code, name, maximum, self points); the total row holds
    the stated totals (the criteria's sum); after it, rows (odd instances) or lines under the table
    (even) print the bonus, the penalty and, where the sum is not blank, the total after them = sum
    + bonus − penalty; no truth row carries their words."""
    documents = documents_of(corpus, "docx", "N28")
    assert len(documents) == 4
    for doc in documents:
        truth, where = read_truth(corpus, doc), doc["path"]
        score = truth["score_tables"][0]
        table = next(t for t in docx_tables(corpus / doc["path"]) if any("điểm" in c.lower() for c in t[0]))
        rows = [[c.strip() for c in row] for row in table]
        for r in score["rows"]:
            found = [x for x in rows if x[0].rstrip(".") == r["code"] and squash(x[1]) == squash(r["name"])]
            assert len(found) == 1, (where, r["code"])
            assert [cell_points(found[0][2]), cell_points(found[0][3])] == [r["max_points"], r["self_points"]]
            assert not re.search("thưởng|trừ", r["name"]), (where, r["name"])
        total = next(k for k, x in enumerate(rows) if x[0] == "" and x[2])
        assert [cell_points(rows[total][2]), cell_points(rows[total][3])] == [
            score["stated_total_max"],
            score["stated_total_self"],
        ]
        if "bonus-penalty-rows" in where:
            after = [x[3] for x in rows[total + 1 :]]
            assert "thưởng" in rows[total + 1][1].lower() and "trừ" in rows[total + 2][1].lower(), where
        else:
            lines = docx_paragraphs(corpus / doc["path"])
            after = [p.split(":")[1] for p in lines if p.startswith(("- Điểm", "- Tổng điểm"))]
        figures = _adjustments(after)
        assert len(figures) == (3 if score["stated_total_self"] is not None else 2), (where, after)
        if len(figures) == 3:
            assert figures[2] == pytest.approx(score["stated_total_self"] + figures[0] - figures[1]), where


def test_the_scores_and_counts_are_in_sentences_only(corpus):
    """N29: no table prints points; each field statement is a paragraph naming "lĩnh vực <code>" with
    "<points>/<max> điểm" and its share; each criterion statement is "tiêu chí <code> (…) đạt
    <points>/<max> điểm" in its field's paragraph (even instances); each count is one paragraph as
    its truth text, printing its total and parts; the PDF carries them all."""
    documents = documents_of(corpus, "docx", "N29")
    assert len(documents) == 4
    for doc in documents:
        truth, where = read_truth(corpus, doc), doc["path"]
        assert not any(any("điểm" in c.lower() for c in t[0]) for t in docx_tables(corpus / doc["path"])), where
        paragraphs = docx_paragraphs(corpus / doc["path"])
        statements = truth["score_statements"]
        assert statements and ("narrative-criteria" in where) == any(s["kind"] == "criterion" for s in statements)
        for s in statements:
            score = f"{format_vn(s['points'])}/{format_vn(s['max_points'])} điểm"
            if s["kind"] == "field":
                field = re.compile(rf"lĩnh vực {s['code']}\b", re.IGNORECASE)
                holding = [p for p in paragraphs if field.search(p) and score in p.split(";")[0]]
                share = format_vn(round(s["points"] / s["max_points"] * 100, 2))
                assert len(holding) == 1 and f"{share}%" in holding[0], (where, s["code"])
            else:
                assert any(
                    re.search(rf"tiêu chí {re.escape(s['code'])} \(.+?\) đạt {re.escape(score)}", p) for p in paragraphs
                )
        for c in truth["counts"]:
            assert c["text"] in paragraphs, (where, c["text"])
            numbers = re.findall(r"\d+", c["text"])
            assert str(c["total"]) in numbers and all(str(p) in numbers for p in c["parts"]), (where, c["text"])
        text = squash(pdf_text(corpus / doc["path"].replace(".docx", ".pdf")))
        assert all(squash(c["text"]) in text for c in truth["counts"]), where


def test_every_truth_row_is_in_the_pdf(corpus):
    """Every score row's code as printed, name and points, and every statistics row's indicator and
    figure, are in the PDF's text (pdfplumber's lines and cells)."""
    documents = [d for d in documents_of(corpus, "pdf") if d["family"][:3] in ("N26", "N27", "N28")]
    assert len(documents) == 12
    for doc in documents:
        assert_truth_rows_in_pdf(corpus, doc)

"""The fifth batch of held-out layouts (tools/corpusgen/new_layouts_e.py, N21-N25): the DOCX and PDF
written carry every truth row as the layout prints it (the evidence column first, figures grouped by
thousands, the levels shown by bullets with no code column, rows typed on tab stops with no table, the
fields in the report and their criteria in the annex), read from the files with python-docx, pdfplumber
and pdftotext, never by the pipeline."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from tests.corpus_helpers import (
    batch_corpus_fixture,
    cell_points,
    documents_of,
    docx_tables,
    pdf_text,
    printed_numbers,
    read_truth,
    squash,
)

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "tools")]

from corpusgen.new_layouts_e import NEW_LAYOUT_FAMILIES_E  # noqa: E402

from normalize.numbers import format_vn  # noqa: E402

NEW = tuple(NEW_LAYOUT_FAMILIES_E)


corpus = batch_corpus_fixture("newe", NEW, 2495)


def _table(path: Path, word: str) -> list[list[str]]:
    """The DOCX table whose first row holds ``word`` (the header block and the signature are tables too)."""
    grid = next(t for t in docx_tables(path) if any(word in c.lower() for c in t[0]))
    return [[c.strip() for c in row] for row in grid]


def test_the_evidence_column_comes_first_under_unfamiliar_words(corpus):
    """N21: the evidence column ("… kiểm chứng", "… minh chứng") is the first column (odd instances)
    or the second, after the number (even); no header cell is the usual "Điểm tối đa", "Điểm tự
    đánh giá" or "Điểm tự chấm"; each
    truth row is a row printing its code, its evidence in the evidence column, its name, maximum and
    self points after it; a total row, where printed, holds the stated totals."""
    documents = documents_of(corpus, "docx", "N21")
    assert len(documents) == 4
    for doc in documents:
        truth, where = read_truth(corpus, doc), doc["path"]
        assert truth["split"] == "heldout"
        rows = _table(corpus / doc["path"], "chứng")
        header = [c.lower() for c in rows[0]]
        evidence = 0 if "evidence-first" in where else 1
        assert "chứng" in header[evidence] and "chứng" not in " ".join(header[:evidence] + header[evidence + 1 :])
        code = 1 - evidence
        assert header[code] in ("stt", "tt", "số tt"), (where, header)
        assert not {"điểm tối đa", "điểm tự đánh giá", "điểm tự chấm"} & set(header), (where, header)
        table = truth["score_tables"][0]
        for r in table["rows"]:
            found = [x for x in rows if x[code].rstrip(".") == r["code"] and squash(x[2]) == squash(r["name"])]
            assert len(found) == 1, (where, r["code"])
            row = found[0]
            assert [cell_points(row[3]), cell_points(row[4])] == [r["max_points"], r["self_points"]], (where, r["code"])
            assert squash(row[evidence]) == squash(r["explanation"] or ""), (where, r["code"])
        totals = [x for x in rows[1:] if x[code] == "" and x[2] and x[3]]
        assert len(totals) == (table["stated_total_max"] is not None), where
        for total in totals:
            assert [cell_points(total[3]), cell_points(total[4])] == [
                table["stated_total_max"],
                table["stated_total_self"],
            ]


def _grouped_value(text: str, style: str) -> float | None:
    """A figure printed grouped by thousands: "12.560" / "96,15" (dot) or "12,560" / "96.15" (comma)."""
    if not text:
        return None
    pattern = r"\d{1,3}(\.\d{3})*(,\d{1,2})?" if style == "dot" else r"\d{1,3}(,\d{3})*(\.\d{1,2})?"
    assert re.fullmatch(pattern, text), (text, style)
    thousands, point = (".", ",") if style == "dot" else (",", ".")
    return float(text.replace(thousands, "").replace(point, "."))


def test_the_annex_figures_are_grouped_by_thousands(corpus):
    """N22: every truth row is an annex row (printed code, indicator, unit) whose figure, read with
    the variant's marks (a dot for the thousands and a comma for the decimals, or the reverse), is its
    value; some figure runs past a thousand and prints its separator; the figures are right-aligned."""
    documents = documents_of(corpus, "docx", "N22")
    assert len(documents) == 4
    for doc in documents:
        truth, where = read_truth(corpus, doc), doc["path"]
        style = "dot" if "thousands-dot" in where else "comma"
        rows = docx_tables(corpus / doc["path"])[-1]
        body = [[c.strip() for c in row] for row in rows[1:]]
        big = 0
        for r in truth["statistics"][0]["rows"]:
            mark = r["code"].split(".")[-1] + ")" if r["code"][-1].isalpha() else r["code"]
            row = next(x for x in body if x[0] == mark and squash(x[1]) == squash(r["indicator"]))
            assert row[2] == r["unit"] and _grouped_value(row[3], style) == r["value"], (where, r["code"], row[3])
            big += r["value"] is not None and r["value"] >= 1000
        assert big >= 1, where


def test_the_levels_are_shown_by_bullets_with_no_code_column(corpus):
    """N23: no column is headed by a number word; the body rows are the truth rows in order, each
    name cell its name behind its level's mark (a field none and bold, a criterion "- ", a
    sub-criterion "+ " or its letter "a) "), the maximum and self points beside it."""
    import docx

    documents = documents_of(corpus, "docx", "N23")
    assert len(documents) == 4
    for doc in documents:
        truth, where = read_truth(corpus, doc), doc["path"]
        tables = docx.Document(str(corpus / doc["path"])).tables
        table = next(t for t in tables if "điểm" in t.rows[0].cells[1].text.lower())
        header = [c.text.strip() for c in table.rows[0].cells]
        assert not {"STT", "TT", "Số TT"} & set(header), where
        body = [row for row in table.rows[1:] if not row.cells[0].text.strip().upper().startswith(("TỔNG", "CỘNG"))]
        rows = truth["score_tables"][0]["rows"]
        assert len(body) == len(rows), where
        letters = "letters" in where
        assert any(r["code"][-1].isalpha() for r in rows) == letters, where
        for r, row in zip(rows, body):
            level = r["code"].count(".")
            last = r["code"].split(".")[-1]
            mark = f"{last}) " if last.isalpha() else ("", "- ", "+ ", "* ")[min(level, 3)]
            name = row.cells[0].text
            assert name == mark + r["name"], (where, r["code"], name)
            assert [cell_points(row.cells[1].text), cell_points(row.cells[2].text)] == [
                r["max_points"],
                r["self_points"],
            ]
            runs = [run for p in row.cells[0].paragraphs for run in p.runs if run.text.strip()]
            assert all(run.bold for run in runs) == (level == 0), (where, r["code"])


def test_every_truth_value_is_in_the_pdf(corpus):
    """Every truth name (N24's read across the figures after its first line) and number (N21: the
    code and evidence too; N22: each figure as the variant groups it), every annex indicator, the
    title, signer, commune and number, in the PDF's text (pdfplumber); N22's figures also in
    pdftotext's layout text."""
    from corpusgen.new_layouts_e import grouped

    documents = documents_of(corpus, "pdf")
    assert len(documents) == 4 * len(NEW)
    for doc in documents:
        truth = read_truth(corpus, doc)
        text = pdf_text(corpus / doc["path"])
        squashed, numbers, where = squash(text), printed_numbers(text), doc["path"]
        words = {w.rstrip(".:") for w in text.split()}
        for table in truth["score_tables"]:
            for r in table["rows"]:
                # N24's plain lines print the figures after a name's first line, before its next
                assert _bare(squash(r["name"])) in _bare(squashed), (where, r["name"])
                assert "N23" in doc["family"] or r["code"] in words, (where, r["code"])
                assert not r["explanation"] or squash(r["explanation"]) in squashed, (where, r["code"])
                for key in ("max_points", "self_points"):
                    assert r[key] is None or format_vn(r[key]) in numbers, (where, r["code"], key)
            for key in ("stated_total_max", "stated_total_self"):
                assert table.get(key) is None or format_vn(table[key]) in numbers, (where, key)
        if truth["statistics"]:
            style = "vi" if "thousands-dot" in where else "en"
            layout = subprocess.run(["pdftotext", "-layout", str(corpus / doc["path"]), "-"], capture_output=True)
            lines = layout.stdout.decode("utf-8")
            for r in truth["statistics"][0]["rows"]:
                assert squash(r["indicator"]) in squashed, (where, r["indicator"])
                figure = grouped(r["value"], style)
                assert not figure or re.search(rf"(?<![\d.,]){re.escape(figure)}(?![\d.,])", lines), (where, figure)
        for key in ("title", "signer", "commune", "number"):
            assert not truth["document"][key] or squash(truth["document"][key]) in squashed, (where, key)


def test_the_tab_aligned_lines_carry_every_row_and_stand_in_two_columns(corpus):
    """N24: no table in the DOCX; a paragraph per truth row, "code<tab>name<tab>max<tab>self", the
    name's lines broken by hand (joined, the truth's name), the figures after the first line (plain)
    or the last (dots, the dot leader on the maximum's stop); fields bold. In the PDF every figure
    between the header line and "Nơi nhận" stands centred on the maximum's stop or the self
    points' (pdfplumber's words): the columns are only where the text stands."""
    import docx
    import pdfplumber

    documents = documents_of(corpus, "docx", "N24")
    assert len(documents) == 4
    for doc in documents:
        truth, where = read_truth(corpus, doc), doc["path"]
        document = docx.Document(str(corpus / doc["path"]))
        assert not [t for t in document.tables if any("điểm" in c.text.lower() for c in t.rows[0].cells)], where
        paragraphs = [p for p in document.paragraphs if "\t" in p.text]
        table = truth["score_tables"][0]
        dots = "dots" in where
        for r in table["rows"]:
            found = [p for p in paragraphs if p.text.split("\t")[0].rstrip(".") == r["code"]]
            assert len(found) == 1, (where, r["code"])
            lines = found[0].text.split("\n")
            name_lines = [lines[0].split("\t")[1]] + [line.split("\t")[0] for line in lines[1:]]
            assert " ".join(name_lines) == r["name"], (where, r["code"])
            figures = lines[-1 if dots else 0].split("\t")[-2:]
            assert [cell_points(f) for f in figures] == [r["max_points"], r["self_points"]], (where, r["code"])
            assert all(run.bold for run in found[0].runs) == ("." not in r["code"]), (where, r["code"])
        total = [p for p in paragraphs if p.text.startswith("\t")]
        assert len(total) == (table["stated_total_max"] is not None), where
        with pdfplumber.open(corpus / doc["path"].replace(".docx", ".pdf")) as pdf:
            inside, centres = False, []
            for page in pdf.pages:
                for line in _pdf_lines(page):
                    if inside and line[0]["text"].startswith("Nơi"):
                        inside = False
                    if inside:
                        centres += [(w["x0"] + w["x1"]) / 2 for w in line if re.fullmatch(r"\d+(,\d+)?", w["text"])]
                    inside = inside or line[0]["text"] in ("TT", "STT")
        stops = (2.0 + 12.8) / 2.54 * 72, (2.0 + 15.6) / 2.54 * 72
        figures = [c for c in centres if c > stops[0] - 40]
        assert figures and all(min(abs(c - s) for s in stops) < 2 for c in figures), (where, figures)


def _bare(text: str) -> str:
    """Text without its figures and their marks (a name read across the figures printed inside it)."""
    return re.sub(r"[\d,.]", "", text)


def _pdf_lines(page) -> list[list[dict]]:
    """A PDF page's words grouped into lines by their top (to the nearest 2 points), left to right."""
    lines: dict[int, list[dict]] = {}
    for w in page.extract_words():
        lines.setdefault(round(w["top"] / 2), []).append(w)
    return [sorted(ws, key=lambda w: w["x0"]) for _, ws in sorted(lines.items())]


def test_the_fields_are_in_the_report_and_their_criteria_in_the_annex(corpus):
    """N25: the report's table prints the fields only (truth's top rows: code, name, max, self) and
    the total; the annex has a heading per field ("Lĩnh vực 1: name" or "1. NAME"), in order, and a
    table per field after the summary holding exactly that field's criteria (code, name, max, self,
    evidence) and, in the even instances, a "Cộng" row repeating the field's points."""
    import docx

    documents = documents_of(corpus, "docx", "N25")
    assert len(documents) == 4
    for doc in documents:
        truth, where = read_truth(corpus, doc), doc["path"]
        document = docx.Document(str(corpus / doc["path"]))
        grids = [[[c.text.strip() for c in row.cells] for row in t.rows] for t in document.tables]
        scored = [g for g in grids if g[0][0] in ("STT", "TT")]
        summary, details = scored[0], scored[1:]
        table = truth["score_tables"][0]
        fields = [r for r in table["rows"] if "." not in r["code"]]
        assert "Lĩnh vực" in summary[0] and len(summary) == len(fields) + 2, where
        for r, row in zip(fields, summary[1:]):
            assert row[:2] == [r["code"], r["name"]], (where, row)
            assert [cell_points(row[2]), cell_points(row[3])] == [r["max_points"], r["self_points"]], (where, r["code"])
        assert [cell_points(summary[-1][2]), cell_points(summary[-1][3])] == [
            table["stated_total_max"],
            table["stated_total_self"],
        ], where
        sums = "sums" in where
        headings = [p.text for p in document.paragraphs if p.runs and p.runs[0].bold and p.text[:1] in "L123456789"]
        wanted = [f"{f['code']}. {f['name'].upper()}" if sums else f"Lĩnh vực {f['code']}: {f['name']}" for f in fields]
        assert [h for h in headings if h in wanted] == wanted, (where, headings)
        assert len(details) == len(fields), where
        for f, grid in zip(fields, details):
            criteria = [r for r in table["rows"] if r["code"].startswith(f["code"] + ".")]
            body = [row for row in grid[1:] if row[0]]
            assert [row[0].rstrip(".") for row in body] == [r["code"] for r in criteria], (where, f["code"])
            for r, row in zip(criteria, body):
                assert squash(row[1]) == squash(r["name"]), (where, r["code"])
                assert [cell_points(row[2]), cell_points(row[3])] == [r["max_points"], r["self_points"]], (
                    where,
                    r["code"],
                )
                assert squash(row[4]) == squash(r["explanation"] or ""), (where, r["code"])
            closing = [row for row in grid[1:] if not row[0]]
            assert len(closing) == sums, (where, f["code"])
            for row in closing:
                assert row[1].startswith("Cộng"), (where, row)
                assert [cell_points(row[2]), cell_points(row[3])] == [f["max_points"], f["self_points"]], (
                    where,
                    f["code"],
                )

"""The seventh batch of held-out layouts (tools/corpusgen/new_layouts_g.py, N30-N33): the DOCX and PDF
written carry every truth row as the layout prints it (the maximum as a scale "0 - 2" or in words,
criteria pasted several to a row one a line, a plan's targets bulleted under each reform area with
their deadlines, a wide annex printed page by page with its header again and a page mark), read from
the files with python-docx, pdfplumber and pdftotext, never by the pipeline."""

from __future__ import annotations

import re
import sys
from pathlib import Path

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

from corpusgen.grid import printed_code  # noqa: E402
from corpusgen.new_layouts_g import NEW_LAYOUT_FAMILIES_G  # noqa: E402

from normalize.numbers import format_vn  # noqa: E402

NEW = tuple(NEW_LAYOUT_FAMILIES_G)
NUMBER = r"\d+(?:,\d+)?"


corpus = batch_corpus_fixture("newg", NEW, 3113)


def _figure(text: str) -> float:
    return float(text.replace(",", "."))


def test_the_maximum_is_printed_as_a_scale(corpus):
    """N30: every truth row is one table row (code as printed, name, self points); a row made of
    others prints its maximum as a figure, every other row as a scale whose top is its maximum: a
    range "0 - 2" or its steps "0 - 0,5 - 1" (odd instances), or words "Tối đa 2; không đạt 0"
    (even); the scale is headed "Thang điểm" or "Khung điểm"."""
    documents = documents_of(corpus, "docx", "N30")
    assert len(documents) == 4
    ranges = words = 0
    for doc in documents:
        truth, where = read_truth(corpus, doc), doc["path"]
        assert truth["split"] == "heldout"
        table = next(t for t in docx_tables(corpus / doc["path"]) if any("điểm" in c.lower() for c in t[0]))
        assert table[0][2] in ("Thang điểm", "Khung điểm", "Thang điểm đánh giá"), (where, table[0])
        rows = [[c.strip() for c in row] for row in table[1:]]
        score = truth["score_tables"][0]
        parents = {r["parent"] for r in score["rows"]}
        for r in score["rows"]:
            found = [x for x in rows if x[0] == printed_code(r["code"], "mixed") and squash(x[1]) == squash(r["name"])]
            assert len(found) == 1, (where, r["code"])
            cell = found[0][2]
            assert cell_points(found[0][3]) == r["self_points"], (where, r["code"])
            if r["code"] in parents:
                assert cell_points(cell) == r["max_points"], (where, cell)
                continue
            assert max(_figure(n) for n in re.findall(NUMBER, cell)) == r["max_points"], (where, cell)
            if "scale-range" in where:
                assert re.fullmatch(rf"0\s?[-–÷]\s?({NUMBER}\s?[-–]\s?)?{NUMBER}", cell), (where, cell)
                ranges += 1
            else:
                assert re.fullmatch(rf"(Tối đa:? |Đạt: ){NUMBER}(; k|\nK)hông đạt:? 0", cell), (where, cell)
                words += 1
        if score["stated_total_max"] is not None:
            total = next(x for x in rows if x[0] == "" and x[2])
            assert [cell_points(total[2]), cell_points(total[3])] == [
                score["stated_total_max"],
                score["stated_total_self"],
            ]
    assert ranges and words


def _pasted(rows: list[list[str]], code_column: bool) -> list[tuple[str, ...]]:
    """Every criterion of the pasted rows: each row's cells split at their line breaks, line k of
    every cell one criterion (code, name, maximum, self points, note)."""
    out = []
    for row in rows:
        cells = [c.split("\n") for c in row]
        if not code_column:  # "1.1. Ban hành …": the code before the name
            pairs = [re.match(r"(\S+?)\.? (.*)", line).groups() for line in cells[0]]
            cells = [[p[0] for p in pairs], [p[1] for p in pairs], *cells[1:]]
        assert len({len(c) for c in cells}) == 1, row  # every cell holds a line per criterion
        out.extend(zip(*cells))
    return out


def test_several_criteria_in_one_row_one_a_line(corpus):
    """N31: the table's rows, their cells split at the line breaks, give the truth rows in order
    (code as printed, name, maximum, self points, note); some row holds two or more criteria; the
    total row holds the stated totals where there is one."""
    documents = documents_of(corpus, "docx", "N31")
    assert len(documents) == 4
    most = 0
    for doc in documents:
        truth, where = read_truth(corpus, doc), doc["path"]
        code_column = "pasted-code-column" in where
        table = next(t for t in docx_tables(corpus / doc["path"]) if any("điểm" in c.lower() for c in t[0]))
        body = table[1:]  # as typed: a blank note is an empty line of its cell
        score = truth["score_tables"][0]
        total = score["stated_total_max"] is not None
        criteria = _pasted(body[:-1] if total else body, code_column)
        assert len(criteria) == len(score["rows"]), where
        for r, x in zip(score["rows"], criteria):
            assert x[0].strip() == printed_code(r["code"], "plain") and squash(x[1]) == squash(r["name"]), (where, x)
            assert [cell_points(x[2]), cell_points(x[3])] == [r["max_points"], r["self_points"]], (where, x)
            assert x[4].strip() == (r["explanation"] or ""), (where, x)
        most = max(most, max(len(row[-1].split("\n")) for row in body))
        if total:
            assert [cell_points(body[-1][-3]), cell_points(body[-1][-2])] == [
                score["stated_total_max"],
                score["stated_total_self"],
            ]
    assert most >= 2


COMPARATOR_WORDS = {
    "=": ("",),
    ">": ("trên ",),
    ">=": ("ít nhất ", "tối thiểu "),
    "<=": ("không quá ",),
    "<": ("dưới ",),
}


def test_the_plan_bullets_its_targets_under_each_area(corpus):
    """N32: no table; each target is one bulleted paragraph ("- " or "+ ") under a "Mục tiêu"
    heading: a share printed before its subject ("95% hồ sơ …") with its comparator's words, or an
    amount after it ("… đạt 15,5 tỷ đồng"), then a deadline in the plan's year; as many bullets
    under the "Mục tiêu" headings as targets; the PDF carries every subject."""
    documents = documents_of(corpus, "docx", "N32")
    assert len(documents) == 4
    for doc in documents:
        truth, where = read_truth(corpus, doc), doc["path"]
        assert truth["split"] == "heldout" and truth["targets"] and not truth["task_rows"]
        assert not any(len(t) > 3 for t in docx_tables(corpus / doc["path"])), where
        paragraphs = docx_paragraphs(corpus / doc["path"])
        bullets, under = [], False
        for p in paragraphs:
            if p.endswith("Mục tiêu") or p.endswith("Nhiệm vụ") or re.match(r"\d+\. |[IV]+\. ", p):
                under = p.endswith("Mục tiêu")
            elif under:
                bullets.append(p)
        assert len(bullets) == len(truth["targets"]), where
        for t, p in zip(truth["targets"], bullets):
            assert p[:2] in ("- ", "+ ") and t["indicator"] in p, (where, p)
            amount = format_vn(t["value"])
            if t["unit"] == "%":
                said = p[2:].lower().removeprefix("phấn đấu ").removeprefix("bảo đảm ")
                assert any(said.startswith(w + amount + "% ") for w in COMPARATOR_WORDS[t["comparator"]]), (where, p)
            else:
                assert f"đạt {amount} {t['unit']}" in p, (where, p)
            assert str(t["year"]) in p.split(t["indicator"])[-1], (where, p)
        text = squash(pdf_text(corpus / doc["path"].replace(".docx", ".pdf")))
        assert all(squash(t["indicator"]) in text for t in truth["targets"]), where


def test_the_annex_is_printed_page_by_page(corpus):
    """N33: the annex is two or three tables with the same header; their body rows, the page marks
    left out, are the truth rows in order (code as printed, indicator, unit, value); each part is
    followed by its mark "Trang k/n" as a last row across the table (odd) or a line under it
    (even); in the PDF each part is on a landscape page of its own with its mark."""
    import pdfplumber

    documents = documents_of(corpus, "docx", "N33")
    assert len(documents) == 4
    for doc in documents:
        truth, where = read_truth(corpus, doc), doc["path"]
        parts = [t for t in docx_tables(corpus / doc["path"]) if len(t[0]) == 6 and t[0][0] in ("STT", "TT")]
        assert len(parts) in (2, 3) and len({tuple(t[0]) for t in parts}) == 1, where
        mark = re.compile(rf"(Trang {{k}} ?/ ?{len(parts)}|- {{k}}/{len(parts)} -)")
        in_table = "paged-mark-row" in where
        body = []
        for k, part in enumerate(parts, start=1):
            rows = part[1:]
            if in_table:
                assert re.fullmatch(mark.pattern.format(k=k), rows[-1][0]) and len(set(rows[-1])) == 1, (where, k)
                rows = rows[:-1]
            body.extend(rows)
        if not in_table:
            page_mark = re.compile(r"Trang \d ?/ ?\d|- \d/\d -")
            marks = [p for p in docx_paragraphs(corpus / doc["path"]) if page_mark.fullmatch(p)]
            assert len(marks) == len(parts), (where, marks)
            assert all(re.fullmatch(mark.pattern.format(k=k), p) for k, p in enumerate(marks, start=1)), where
        stats = truth["statistics"][0]["rows"]
        assert len(body) == len(stats), where
        for r, x in zip(stats, body):
            assert x[1] == r["indicator"] and x[2] == r["unit"], (where, r["code"])
            assert (cell_points(x[4]) if x[4] else None) == r["value"], (where, r["code"])
            assert x[0].rstrip(".)") == r["code"].split(".")[-1] or x[0] == r["code"], (where, x[0])
        header = [squash(c) for c in parts[0][0]]
        with pdfplumber.open(corpus / doc["path"].replace(".docx", ".pdf")) as pdf:
            annex = [
                (p.width > p.height, p.extract_text() or "")
                for p in pdf.pages
                if any([squash(c or "") for c in t[0]] == header for t in p.extract_tables())
            ]
        assert len(annex) == len(parts) and all(wide for wide, _ in annex), where
        for k, (_, text) in enumerate(annex, start=1):
            assert re.search(mark.pattern.format(k=k), text), (where, k)


def test_every_truth_row_is_in_the_pdf(corpus):
    """Every score row's name and points, and every statistics row's indicator and figure, are in
    the PDF's text (pdfplumber's lines and cells)."""
    documents = [d for d in documents_of(corpus, "pdf") if d["family"][:3] in ("N30", "N31", "N33")]
    assert len(documents) == 12
    for doc in documents:
        assert_truth_rows_in_pdf(corpus, doc, figures=True)

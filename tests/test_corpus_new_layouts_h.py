"""The eighth batch of held-out layouts (tools/corpusgen/new_layouts_h.py, N34-N37): the DOCX and PDF
written carry every truth row as the layout prints it (criteria not scored, "Không chấm", with the
maximum counted out under the table; fields closed by subtotal rows; an annex set against last year's
with signed differences; a plan's deadlines by quarters with the lead and coordinating units in one
cell), read from the files with python-docx, pdfplumber and pdftotext, never by the pipeline."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from tests.corpus_helpers import (
    assert_batch_pdfs_carry_truth,
    batch_corpus_fixture,
    cell_points,
    documents_of,
    docx_paragraphs,
    docx_score_table,
    docx_tables,
    pdf_text,
    read_truth,
    squash,
)

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "tools")]

from corpusgen.grid import printed_code  # noqa: E402
from corpusgen.new_layouts_h import NEW_LAYOUT_FAMILIES_H  # noqa: E402

from normalize.numbers import format_vn  # noqa: E402

NEW = tuple(NEW_LAYOUT_FAMILIES_H)


corpus = batch_corpus_fixture("newh", NEW, 4313)


def _row_of(rows: list[list[str]], r: dict, where: str) -> list[str]:
    found = [x for x in rows if x[0] == printed_code(r["code"], "mixed") and squash(x[1]) == squash(r["name"])]
    assert len(found) == 1, (where, r["code"])
    return found[0]


NOT_SCORED = r"(Không phát sinh|Không áp dụng|Trong năm không phát sinh)"


def test_criteria_not_scored_keep_their_maximum(corpus):
    """N34: every truth row is one table row with its maximum; a criterion not scored has no self
    points in the truth and prints "Không chấm" / "Không chấm điểm" / "KCĐ" in its self cell (odd
    instances) or nothing (even), its reason in the note; every other row prints its self points;
    the line under the table gives the maximum with the criteria not scored counted out."""
    documents = documents_of(corpus, "docx", "N34")
    assert len(documents) == 4
    words = notes = 0
    for doc in documents:
        truth, where = read_truth(corpus, doc), doc["path"]
        assert truth["split"] == "heldout"
        rows = docx_score_table(corpus / doc["path"])[1:]
        score = truth["score_tables"][0]
        out = [r for r in score["rows"] if r["self_points"] is None and re.match(NOT_SCORED, r["explanation"] or "")]
        assert 1 <= len(out) <= 3, where
        for r in score["rows"]:
            x = _row_of(rows, r, where)
            assert cell_points(x[2]) == r["max_points"], (where, r["code"])
            if r in out:
                assert x[4] == r["explanation"], (where, x)
                if "not-scored-word" in where:
                    assert x[3] in ("Không chấm", "Không chấm điểm", "KCĐ"), (where, x)
                    words += 1
                else:
                    assert x[3] == "", (where, x)
                    notes += 1
            else:
                assert cell_points(x[3]) == r["self_points"], (where, r["code"])
        full = sum(r["max_points"] for r in score["rows"] if r["parent"] is None)
        left = format_vn(round(full - sum(r["max_points"] for r in out), 2))
        line = next(p for p in docx_paragraphs(corpus / doc["path"]) if "không chấm điểm" in p.lower())
        assert f"{left} điểm" in line, (where, line)
        if score["stated_total_max"] is not None:
            total = next(x for x in rows if x[0] == "" and x[2])
            assert cell_points(total[2]) == score["stated_total_max"], where
            assert cell_points(total[3]) == score["stated_total_self"], where
    assert words and notes


def test_each_field_is_closed_by_its_subtotal(corpus):
    """N35: a field's row prints its code and name and no points; after its last criterion a
    subtotal row, "Cộng" (odd instances) or "Cộng lĩnh vực 1" / "Cộng mục 1" / "Cộng (1)" (even),
    prints the field's maximum and self points; every other truth row prints its own; as many
    subtotals as fields, before the total row where there is one."""
    documents = documents_of(corpus, "docx", "N35")
    assert len(documents) == 4
    for doc in documents:
        truth, where = read_truth(corpus, doc), doc["path"]
        rows = docx_score_table(corpus / doc["path"])[1:]
        score = truth["score_tables"][0]
        fields = [r for r in score["rows"] if r["parent"] is None]
        assert len(fields) >= 2 and len(fields) < len(score["rows"]), where
        subtotals = [k for k, x in enumerate(rows) if x[0] == "" and x[1].startswith("Cộng")]
        assert len(subtotals) == len(fields), where
        for f, k in zip(fields, subtotals):
            field_row = _row_of(rows, f, where)
            assert field_row[2:4] == ["", ""], (where, field_row)
            code = printed_code(f["code"], "plain")
            label = rows[k][1]
            if "subtotals-cong-field" in where:
                assert label in (f"Cộng lĩnh vực {code}", f"Cộng mục {code}", f"Cộng ({code})"), (where, label)
            else:
                assert label == "Cộng", (where, label)
            assert [cell_points(rows[k][2]), cell_points(rows[k][3])] == [f["max_points"], f["self_points"]]
            # the subtotal follows the field's last row
            under = [i for i, r in enumerate(score["rows"]) if (r["code"] + ".").startswith(f["code"] + ".")]
            last = max(under)
            assert rows[k - 1] == _row_of(rows, score["rows"][last], where), (where, f["code"])
        for r in score["rows"]:
            if r["parent"] is not None:
                x = _row_of(rows, r, where)
                assert [cell_points(x[2]), cell_points(x[3])] == [r["max_points"], r["self_points"]], (where, x)
        if score["stated_total_max"] is not None:
            assert subtotals[-1] == len(rows) - 2, where
            assert [cell_points(rows[-1][2]), cell_points(rows[-1][3])] == [
                score["stated_total_max"],
                score["stated_total_self"],
            ]


def _figure(text: str) -> float:
    return float(text.replace(".", "").replace(",", ".").rstrip("%"))


def test_the_annex_sets_the_period_against_last_year(corpus):
    """N36: the annex's body rows are the truth rows in order (code as printed, indicator, unit),
    "Kỳ này" / this period's column the truth's value, last year's before it; the difference
    column is this less last, signed ("+12", "-3", "0"); the per cent column this over last
    (odd instances) or the change with its sign and "%" (even), blank on a share."""
    documents = documents_of(corpus, "docx", "N36")
    assert len(documents) == 4
    for doc in documents:
        truth, where = read_truth(corpus, doc), doc["path"]
        table = next(t for t in docx_tables(corpus / doc["path"]) if len(t[0]) == 8)
        assert re.search(r"Tăng|Chênh lệch", table[0][5]) and "%" in table[0][6], (where, table[0])
        body = table[1:]
        stats = truth["statistics"][0]["rows"]
        assert len(body) == len(stats), where
        for r, x in zip(stats, body):
            assert x[1] == r["indicator"] and x[2] == r["unit"], (where, r["code"])
            assert x[0].rstrip(".)") == (r["code"] or "").split(".")[-1] or x[0] == r["code"], (where, x[0])
            if r["value"] is None:
                assert x[4] == x[5] == x[6] == "", (where, x)
                continue
            now, before = _figure(x[4]), _figure(x[3])
            assert now == r["value"], (where, r["code"])
            diff = round(now - before, 2)
            assert x[5] == ("0" if diff == 0 else ("+" if diff > 0 else "-") + format_vn(abs(diff))), (where, x)
            if r["unit"] == "%" or not before:
                assert x[6] == "", (where, x)
            elif "change-percent" in where:
                assert re.fullmatch(r"[+-]?\d+(,\d)?%", x[6]) and abs(_figure(x[6]) - 100 * diff / before) < 0.051
            else:
                assert abs(_figure(x[6]) - 100 * now / before) < 0.051, (where, x)


DEADLINE = re.compile(
    r"Quý [IV]+(, [IV]+)*( - [IV]+)?(/\d{4}| năm \d{4})?|Thường xuyên(, hằng quý)?|Hằng quý"
    r"|Tháng 6 và tháng 12|Cả năm \d{4}"
)


def test_the_plan_gives_quarters_and_units_in_one_cell(corpus):
    """N37: the appendix's task rows are the truth's tasks in order; each deadline cell is the
    truth's deadline, by quarters ("Quý I, II", "Quý II - III") or all year ("Thường xuyên");
    the units cell holds the lead and the coordinators: "Chủ trì: …" over "Phối hợp: …" (odd
    instances) or the lead over "(Phối hợp: …)" (even); the PDF carries every task and deadline."""
    documents = documents_of(corpus, "docx", "N37")
    assert len(documents) == 4
    for doc in documents:
        truth, where = read_truth(corpus, doc), doc["path"]
        assert truth["split"] == "heldout" and truth["task_rows"] and truth["targets"]
        table = next(t for t in docx_tables(corpus / doc["path"]) if any("phối hợp" in c.lower() for c in t[0]))
        header = [c.lower() for c in table[0]]
        at = {"task": 1, "units": next(i for i, c in enumerate(header) if "phối hợp" in c)}
        at["deadline"] = next(i for i, c in enumerate(header) if re.search("thời|tiến độ|lộ trình", c))
        tasks = [row for row in table[1:] if row[0].isdigit()]
        assert len(tasks) == len(truth["task_rows"]), where
        for t, row in zip(truth["task_rows"], tasks):
            assert row[0] == t["code"] and row[at["task"]] == t["task"], (where, row)
            assert row[at["deadline"]] == t["deadline"] and DEADLINE.fullmatch(t["deadline"]), (where, row)
            if "units-labelled" in where:
                assert row[at["units"]] == f"Chủ trì: {t['lead']}\nPhối hợp: {t['coordinator']}", (where, row)
            else:
                assert row[at["units"]] == f"{t['lead']}\n(Phối hợp: {t['coordinator']})", (where, row)
        # a row may break across pages (the header repeated between its halves): the task's first
        # words and its deadline, each on one line, are what the PDF must carry whole
        text = squash(pdf_text(corpus / doc["path"].replace(".docx", ".pdf")))
        for t in truth["task_rows"]:
            assert squash(" ".join(t["task"].split()[:3])) in text and squash(t["deadline"]) in text, (where, t)


def test_every_truth_row_is_in_the_pdf(corpus):
    """Every score row's name and points, and every statistics row's indicator and figure, are in
    the PDF's text (pdfplumber's lines and cells)."""
    assert_batch_pdfs_carry_truth(corpus, ("N34", "N35", "N36"), figures=True)

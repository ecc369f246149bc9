"""The thirteenth batch of held-out layouts (tools/corpusgen/new_layouts_m.py, N54-N57): the DOCX and
PDF written carry every truth row as the layout prints it (a running number beside the criterion's
code; each received count split by channel beside its total; a breakdown item printed over its whole
with its share; the leading and coordinating units in one cell), read from the files with python-docx
and pdfplumber, never by the pipeline."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from tests.corpus_helpers import (
    assert_batch_pdfs_carry_truth,
    batch_corpus_fixture,
    cell_points,
    documents_of,
    docx_score_table,
    docx_tables,
    pdf_text,
    read_truth,
)

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "tools")]

from corpusgen.grid import printed_code  # noqa: E402
from corpusgen.new_layouts_k import COUNT_HEADS  # noqa: E402
from corpusgen.new_layouts_m import (  # noqa: E402
    CHANNEL_UNITS,
    NEW_LAYOUT_FAMILIES_M,
    OWN_CODE_HEADS,
    RUNNING_HEADS,
    UNITS_HEADS,
    in_sentence,
)

NEW = tuple(NEW_LAYOUT_FAMILIES_M)


corpus = batch_corpus_fixture("newm", NEW, 9314)


def test_a_running_number_stands_before_the_criterions_code(corpus):
    """N54: "STT | Mã tiêu chí | name | max | self | …"; each truth row a row whose second cell is
    its code as printed and whose third its name, its points after; the first cell a running number
    1, 2, 3, … over every row (odd instances) or over the scored leaves only, a row made of others
    blank (even); the total row's first cell blank."""
    documents = documents_of(corpus, "docx", "N54")
    assert len(documents) == 4
    for doc in documents:
        truth, where = read_truth(corpus, doc), doc["path"]
        table = docx_score_table(corpus / doc["path"])
        assert table[0][0] in RUNNING_HEADS and table[0][1] in OWN_CODE_HEADS, (where, table[0])
        score = truth["score_tables"][0]
        parents = {r["parent"] for r in score["rows"]}
        running = []
        for r in score["rows"]:
            (x,) = [x for x in table[1:] if x[1] == printed_code(r["code"], "mixed") and x[2] == r["name"]]
            assert [cell_points(x[3]), cell_points(x[4])] == [r["max_points"], r["self_points"]], (where, x)
            if "leaves" in where and r["code"] in parents:
                assert x[0] == "", (where, x)
            else:
                running.append(x[0])
        assert running == [str(k) for k in range(1, len(running) + 1)], (where, running)
        if score["stated_total_max"] is not None:
            assert table[-1][0] == "" and cell_points(table[-1][3]) == score["stated_total_max"], where


def test_each_received_count_is_split_by_channel_beside_its_total(corpus):
    """N55: a two-row header, "Trong đó" over the two channels after the total (odd instances) or
    "Chia ra" over them before it (even); each truth row a row (printed code, indicator, unit) whose
    total cell is the truth's value; a count of files or complaints its two channels adding up to the
    total unless its items are channels already; any other row's channel cells blank."""
    documents = documents_of(corpus, "docx", "N55")
    assert len(documents) == 4
    split = 0
    for doc in documents:
        truth, where = read_truth(corpus, doc), doc["path"]
        table = next(t for t in docx_tables(corpus / doc["path"]) if t[0][0] == "STT" and len(t[0]) == 7)
        first = "total-first" in where
        total_at, channels_at = (3, (4, 5)) if first else (5, (3, 4))
        assert table[0][channels_at[0]] == table[0][channels_at[1]] == ("Trong đó" if first else "Chia ra"), where
        assert "trực tuyến" in table[1][channels_at[0]].lower(), (where, table[1])
        rows = table[2:]
        assert len(rows) == len(truth["statistics"][0]["rows"]), where
        for r, x in zip(truth["statistics"][0]["rows"], rows):
            assert x[1] == r["indicator"] and x[2] == r["unit"], (where, x)
            assert cell_points(x[total_at]) == r["value"], (where, x)
            each = [cell_points(x[k]) for k in channels_at]
            if each != [None, None]:
                assert r["unit"] in CHANNEL_UNITS and "trực" not in r["indicator"].lower(), (where, x)
                assert sum(each) == r["value"], (where, x)  # type: ignore[arg-type]
                split += 1
    assert split


def test_an_item_is_printed_over_its_whole_with_its_share(corpus):
    """N56: the body's two-column table; a numbered indicator "1. …" with "238 hồ sơ"; a count item
    under it "- …" with its own count over the indicator's and its share, "45/47 hồ sơ (95,74%)"
    (odd instances) or "45/47 hồ sơ, chiếm 95,74%" (even), the share its count over the whole; a
    share item its bare share "95,74%". Every truth row is a row in order."""
    documents = documents_of(corpus, "docx", "N56")
    assert len(documents) == 4
    over = 0
    for doc in documents:
        truth, where = read_truth(corpus, doc), doc["path"]
        table = next(t for t in docx_tables(corpus / doc["path"]) if tuple(t[0]) in COUNT_HEADS)
        rows = table[1:]
        stats = truth["statistics"][0]["rows"]
        assert len(rows) == len(stats), where
        whole = None
        for r, (name, result) in zip(stats, rows):
            assert name.endswith(r["indicator"]), (where, name)
            if r["code"] is not None:
                whole = r
                continue
            m = re.fullmatch(r"([\d.]+)/([\d.]+) (.+?)(?: \(|, chiếm )([\d,]+)%\)?", result)
            if m is None:
                assert r["unit"] == "%" or r["value"] is None, (where, result)
                continue
            assert whole is not None and m.group(3) == r["unit"].lower(), (where, result)
            part, of = (float(g.replace(".", "")) for g in m.group(1, 2))
            assert (part, of) == (r["value"], whole["value"]), (where, result)
            assert abs(float(m.group(4).replace(",", ".")) - 100 * part / of) < 0.006, (where, result)
            assert ("chiếm" in result) == ("sentence" in where), (where, result)
            over += 1
    assert over


def test_the_leading_and_coordinating_units_share_a_cell(corpus):
    """N57: the appendix's task table "TT | task | product | deadline | units" under a header in
    ``UNITS_HEADS``; its task rows (those numbered) are the truth's tasks in order; the last
    cell "Chủ trì: <lead>" over "Phối hợp: <coordinator>" (odd instances) or "<lead> chủ trì, phối
    hợp với <coordinator>" (even; a generic "Các …" lower case); the PDF carries every word of
    each task, its lead and its deadline (a tall row may break over a page, as i4's at seed 9314)."""
    documents = documents_of(corpus, "docx", "N57")
    assert len(documents) == 4
    for doc in documents:
        truth, where = read_truth(corpus, doc), doc["path"]
        assert truth["split"] == "heldout" and truth["task_rows"]
        table = next(t for t in docx_tables(corpus / doc["path"]) if t[0][-1] in UNITS_HEADS)
        assert len(table[0]) == 5, (where, table[0])
        tasks = [row for row in table[1:] if row[0].isdigit()]
        assert len(tasks) == len(truth["task_rows"]), where
        for t, row in zip(truth["task_rows"], tasks):
            assert row[:4] == [t["code"], t["task"], t["product"], t["deadline"]], (where, row)
            lead, coordinator = t["lead"], t["coordinator"]
            if "sentence" in where:
                pattern = re.escape(lead) + r"\S* chủ trì, phối hợp với " + re.escape(in_sentence(coordinator))
            else:
                pattern = "Chủ trì: " + re.escape(lead) + r"\S*\nPhối hợp: " + re.escape(coordinator)
            assert re.fullmatch(pattern, row[4]), (where, row[4])
    for doc in documents_of(corpus, "pdf", "N57"):  # a tall row may break over a page: words, not runs
        printed = pdf_text(corpus / doc["path"])
        words = set(printed.split())
        for t in read_truth(corpus, doc)["task_rows"]:
            assert set(t["task"].split()) | set(t["deadline"].split()) <= words, (doc["path"], t)
            assert set(t["lead"].split()) <= words, (doc["path"], t)


def test_every_truth_row_is_in_the_pdf(corpus):
    """Every score row's name and points, and every statistics row's indicator and figure, are in
    the PDF's text (pdfplumber's lines and cells)."""
    assert_batch_pdfs_carry_truth(corpus, ("N54", "N55", "N56"), figures=True)

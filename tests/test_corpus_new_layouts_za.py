"""The twenty-seventh batch of held-out layouts (tools/corpusgen/new_layouts_za.py, N110-N113): the DOCX
and PDF written carry every truth item as the layout prints it (counts in thousands set against last
year; a count's parts in bullets or in the next sentence; targets in a table beside last year's
results; the plan's tasks with their outcomes), read from the files with python-docx and pdfplumber,
never by the pipeline. The expected values are the truth files' counts, targets and task rows."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from tests.corpus_helpers import (
    batch_corpus_fixture,
    documents_of,
    docx_paragraphs,
    docx_tables,
    pdf_text,
    read_truth,
    squash,
)

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "tools")]

from corpusgen.new_layouts_za import NEW_LAYOUT_FAMILIES_ZA  # noqa: E402
from corpusgen.plans import TARGET_CELL_WORDS  # noqa: E402

from normalize.numbers import format_vn  # noqa: E402

NEW = tuple(NEW_LAYOUT_FAMILIES_ZA)


corpus = batch_corpus_fixture("newza", NEW, 0)


def _odd(doc: dict) -> bool:
    return int(re.search(r"-i(\d+)", doc["path"]).group(1)) % 2 == 1


def _figures(text: str) -> list[int]:
    """The whole numbers of a sentence, a dot between thousands read as one number ("1.234")."""
    return [int(x.replace(".", "")) for x in re.findall(r"\d{1,3}(?:\.\d{3})+|\d+", text)]


def test_counts_in_thousands_are_set_against_last_year(corpus):
    """N110: each count a paragraph of its own; its total and parts of a thousand or more printed
    with a dot between the thousands; the comparison with last year in the sentence ("tăng 152 hồ
    sơ so với cùng kỳ", odd instances) or in brackets ("(cùng kỳ năm 2023: 1.082 hồ sơ)", even), its
    figure none of the parts; a total off its parts only where a count_sum fault is planted."""
    documents = documents_of(corpus, "docx", "N110_")
    assert len(documents) == 4
    for doc in documents:
        truth, where = read_truth(corpus, doc), doc["path"]
        paragraphs = docx_paragraphs(corpus / doc["path"])
        assert truth["counts"], where
        for c in truth["counts"]:
            assert c["text"] in paragraphs, (where, c["text"])
            big = [n for n in (c["total"], *c["parts"]) if n >= 1000]
            assert big and all(f"{n:,}".replace(",", ".") in c["text"] for n in big), (where, c)
            odd = r"(?:tăng|giảm) ([\d.]+) [^;]* so với cùng kỳ năm \d{4};"
            said = re.search(odd if _odd(doc) else r"\(cùng kỳ năm \d{4}: ([\d.]+) [^)]*\);", c["text"])
            assert said and _figures(said.group(1)) != [c["total"]], (where, c["text"])
        off = [c for c in truth["counts"] if sum(c["parts"]) != c["total"]]
        assert len(off) == sum(f["kind"] == "count_sum" for f in truth["faults"]), where


def test_a_counts_parts_run_over_lines(corpus):
    """N111: odd instances print the count's sentence ending with a colon and each part a paragraph
    of its own opened by "- " or "+ " (the truth's text those paragraphs joined by spaces); even ones
    the count in one sentence and its parts in the next, in one paragraph."""
    documents = documents_of(corpus, "docx", "N111_")
    assert len(documents) == 4
    for doc in documents:
        truth, where = read_truth(corpus, doc), doc["path"]
        paragraphs = docx_paragraphs(corpus / doc["path"])
        for c in truth["counts"]:
            if _odd(doc):
                first = next(i for i, p in enumerate(paragraphs) if c["text"].startswith(p) and p.endswith(":"))
                lines = paragraphs[first : first + 1 + len(c["parts"])]
                assert " ".join(lines) == c["text"], (where, lines)
                assert all(x[:2] in ("- ", "+ ") for x in lines[1:]), (where, lines)
                assert [_figures(x)[0] for x in lines[1:]] == c["parts"], (where, lines)
            else:
                assert c["text"] in paragraphs, (where, c["text"])
                count, rest = c["text"].split(". ", 1)
                assert _figures(count) == [c["total"]] and _figures(rest) == c["parts"], (where, c["text"])


def test_targets_stand_beside_last_years_results(corpus):
    """N112: the targets' table "STT | Chỉ tiêu | ĐVT | …" has last year's result column before the
    plan year's target column (odd instances) or after it (even); each truth target is its row's
    target cell ("≥ 90", "Trên 12,5", "95"), the result beside it none of the truth; the tasks are
    numbered paragraphs holding every field of the truth's task rows."""
    documents = documents_of(corpus, "docx", "N112_")
    assert len(documents) == 4
    for doc in documents:
        truth, where = read_truth(corpus, doc), doc["path"]
        table = next(t for t in docx_tables(corpus / doc["path"]) if t[0][2:3] in (["ĐVT"], ["Đơn vị tính"]))
        head = table[0]
        year = truth["targets"][0]["year"]
        target_col = next(i for i, h in enumerate(head) if h.endswith(f"năm {year}"))
        result_col = next(i for i, h in enumerate(head) if h.endswith(f"năm {year - 1}"))
        assert (result_col < target_col) == _odd(doc), (where, head)
        rows = {r[1]: r for r in table[1:]}
        assert len(rows) == len(truth["targets"]), where
        for t in truth["targets"]:
            assert t["year"] == year, (where, t)
            row = rows[t["indicator"]]
            assert row[target_col] == TARGET_CELL_WORDS[t["comparator"]] + format_vn(t["value"]), (where, row)
            assert row[2] == t["unit"], (where, row)
        body = "\n".join(docx_paragraphs(corpus / doc["path"]))
        for r in truth["task_rows"]:
            assert r["code"] is None and r["criterion_code"] is None, where
            for key in ("task", "product", "deadline", "lead", "coordinator"):
                assert r[key] in body, (where, key, r[key])


def test_the_tasks_carry_their_outcomes_and_the_tally_counts_them(corpus):
    """N113: the appendix prints every truth task row (code, task, lead, deadline; product and
    coordinator null) under its section; the outcome in words (odd instances) or an "x" in one of
    three columns (even); the body's tally sentence has the truth's count, whose parts are the
    table's tasks done, under way and not done."""
    documents = documents_of(corpus, "docx", "N113_")
    assert len(documents) == 4
    outcomes = ("Đã hoàn thành", "Đang thực hiện", "Chưa thực hiện")
    for doc in documents:
        truth, where = read_truth(corpus, doc), doc["path"]
        table = [[c.strip() for c in row] for row in max(docx_tables(corpus / doc["path"]), key=len)]
        tasks = [r for r in table if r[0].isdigit()]
        assert len(tasks) == len(truth["task_rows"]), where
        tally = [0, 0, 0]
        for row, r in zip(tasks, truth["task_rows"]):
            assert row[:4] == [r["code"], r["task"], r["lead"], r["deadline"]], (where, row)
            assert r["product"] is None and r["coordinator"] is None, where
            if _odd(doc):
                assert len(row) == 5, (where, row)
                tally[outcomes.index(row[4])] += 1
            else:
                assert len(row) == 7 and row[4:].count("x") == 1, (where, row)
                tally[row[4:].index("x")] += 1
        (count,) = truth["counts"]
        assert count["parts"] == [n for n in tally if n] and count["unit"] == "nhiệm vụ", (where, count)
        assert not re.search(r"(?<!\d)0 nhiệm vụ", count["text"]), (where, count)
        assert count["text"] in docx_paragraphs(corpus / doc["path"]), where
        assert (sum(tally) != count["total"]) == any(f["kind"] == "count_sum" for f in truth["faults"]), where


def test_every_truth_item_is_in_the_pdf(corpus):
    """Every count's sentence, every target's indicator and every task's name and lead are in the
    PDF's text (pdfplumber's lines and cells, white space aside)."""
    documents = [d for d in documents_of(corpus, "pdf") if d["family"] in NEW]
    assert len(documents) == 16
    for doc in documents:
        truth, where = read_truth(corpus, doc), doc["path"]
        text = squash(pdf_text(corpus / doc["path"]))
        items = [c["text"] for c in truth["counts"]] + [t["indicator"] for t in truth["targets"]]
        items += [r[k] for r in truth["task_rows"] for k in ("task", "lead")]
        assert items, where
        for item in items:
            assert squash(item) in text, (where, item)

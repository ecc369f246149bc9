"""P07 (tools/corpusgen/plan_layouts.py): a plan's task table at tab stops, with no TT column, or
under a header wrapped by hand. Made only when named and ranked last (the standing corpus is as it
was); its truth repeats; the DOCX and PDF written carry every truth task as the layout prints it,
read back with python-docx and pdfplumber, never by the pipeline. Then the pipeline reads the
layouts the readers were taught here (a bullet opening each task of a table with no code column)."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from tests.corpus_helpers import (
    assert_adds_up_and_repeats,
    assert_pdfs_print_tasks,
    documents_of,
    docx_paragraphs,
    docx_tables,
    make_corpus,
    pipeline_tasks,
    read_truth,
    squash,
)

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "tools")]

FAMILY = "P07_plan_task_layouts"
# Words a header label wrapped onto its second row ends with.
LABEL_ENDS = ("chủ trì", "phối hợp", "thực hiện", "hoàn thành", "nhiệm vụ", "công việc", "sản phẩm", "đầu ra")


def test_made_only_when_named_and_ranked_after_every_older_family():
    import make_corpus as mc

    whole, _ = mc.selected_families([])
    assert FAMILY not in whole  # the standing corpus (seed 0) is made without it
    named, unknown = mc.selected_families(["P07"])
    assert named == [FAMILY] and not unknown
    # the families listed before it (P08 and the twelfth batch, N50-N53, came after it and rank after it)
    order = list(mc.FAMILIES)
    older = order[: order.index(FAMILY)]
    assert max(mc.family_rank(f) for f in older) < mc.family_rank(FAMILY)


def test_truth_adds_up_and_is_deterministic():
    assert_adds_up_and_repeats(FAMILY, (6255, 6256))


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return make_corpus(tmp_path_factory.mktemp("p07"), "P07", "docx,pdf", False, 6257)


def _tasks(corpus: Path, doc: dict) -> list[dict]:
    return read_truth(corpus, doc)["task_rows"]


def test_tab_stop_variants_type_each_task_as_one_paragraph_of_tabbed_pieces(corpus):
    """Each task's row is one paragraph: its lead and deadline pieces after tabs, its task's words
    (broken by hand onto lines of the same paragraph) before them; no table holds a task."""
    docs = [d for d in documents_of(corpus, "docx", "P07") if "tab-stops" in d["path"]]
    assert docs
    for doc in docs:
        path = corpus / doc["path"]
        cells = squash(" ".join(c for t in docx_tables(path) for row in t for c in row))
        assert not any(squash(t["task"]) in cells for t in _tasks(corpus, doc))  # (only header and signature tables)
        paragraphs = [p for p in docx_paragraphs(path) if "\t" in p]
        for task in _tasks(corpus, doc):
            para = next(p for p in paragraphs if squash(task["task"][:20]) in squash(p))
            pieces = [x.strip() for x in re.split(r"[\t\n]", para)]
            assert task["lead"] in pieces and task["deadline"] in pieces
            # the task's words: its first line's piece, then the lines broken by hand after the last tab
            first = pieces[0][2:] if "no-code" in doc["path"] else pieces[1]  # (after the bullet, or the code)
            broken = pieces[len(pieces) - para.count("\n") :]
            assert squash(task["task"]) == squash(first + "".join(broken))
            if "no-code" in doc["path"]:
                assert pieces[0][:2] in ("- ", "+ ", "• ")  # a bullet, not a code, opens the task
            else:
                assert pieces[0] == task["code"]


def test_grid_variants_print_no_code_column_or_a_header_wrapped_by_hand(corpus):
    docs = [d for d in documents_of(corpus, "docx", "P07") if "tab-stops" not in d["path"]]
    assert docs
    for doc in docs:
        table = docx_tables(corpus / doc["path"])[-1]
        if "no-code-column" in doc["path"]:
            assert not any(c.strip() in ("TT", "STT", "Số TT") for c in table[0])
        else:  # the labels broken over two lines of one cell, or over a second header row
            second = " ".join(table[1]).lower()
            assert any("\n" in c for c in table[0]) or (
                any(w in second for w in LABEL_ENDS)
                and not any(squash(t["task"]) in squash(second) for t in _tasks(corpus, doc))
            )
        body = " ".join(c for row in table for c in row)
        for task in _tasks(corpus, doc):
            assert squash(task["task"]) in squash(body)
            assert task["lead"] in body and task["deadline"] in body


def test_pdfs_print_every_task_its_lead_and_its_deadline(corpus):
    assert_pdfs_print_tasks(corpus, "P07")


# The fields a task is read with (the code is not scored: a codeless table prints none).
FIELDS = ("section", "task", "lead", "coordinator", "deadline", "product")


@pytest.fixture(scope="module")
def read_back(tmp_path_factory) -> list[tuple[str, list[dict], list[dict], list]]:
    """Seed 6253's P07 (a tab-stop table running onto a third page with a section there, a header
    typed over two lines, a codeless table at tab stops going on over a page, a header wrapped over
    two grid rows), each document read by the pipeline: (path, truth tasks, tasks read, unread)."""
    return pipeline_tasks(make_corpus(tmp_path_factory.mktemp("p07read"), "P07", "docx,pdf", False, 6253), "P07")


def test_every_layout_reads_every_task_with_its_fields(read_back):
    """At tab stops (the header on one line or typed over two; the table going on over pages with
    no header, a section's title whole there), with no code column (a bullet opens a task and is
    not its words), under a header wrapped over two grid rows: every task, every field."""
    assert len(read_back) == 8
    for path, truth, rows, _ in read_back:
        assert len(rows) == len(truth), path
        for t, r in zip(truth, rows):
            assert {f: r.get(f) or None for f in FIELDS} == {f: t.get(f) or None for f in FIELDS}, path


def test_a_codeless_table_at_tab_stops_tells_nothing_unread(read_back):
    codeless = [x for x in read_back if "no-code-tab" in x[0]]
    assert len(codeless) == 2
    for path, _, rows, unread in codeless:
        assert rows and not [u for u in unread if u.get("kind") in ("table", "rows")], path

"""P08 (tools/corpusgen/plan_codeless.py): a plan's task table with no TT column and no bullet, its
tasks told apart by a bold first line or by the line whose other columns are filled, at tab stops or
in a grid typed line by line; and S25/S26, scans and dpi-less images of P07/P08's task appendices.
Made only when named and ranked last (the standing corpus is as it was); the truth repeats; the
DOCX, PDF and scans carry every truth task as the layout prints it, read back with python-docx,
pdfplumber and real Tesseract, never by the pipeline. Then the pipeline reads every P08 layout."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.corpus_helpers import (
    assert_adds_up_and_repeats,
    assert_pdfs_print_tasks,
    documents_of,
    docx_tables,
    make_corpus,
    pdf_text,
    pipeline_tasks,
    read_truth,
    squash,
)

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "tools")]

FAMILY = "P08_plan_codeless_tasks"
PROBES = ("S25_scan_plan_task_layouts", "S26_image_plan_task_layouts")
# The fields a task is read with (a codeless table prints no code).
FIELDS = ("section", "task", "lead", "coordinator", "deadline", "product")


def test_made_only_when_named_and_ranked_after_every_older_family():
    import make_corpus as mc
    from corpusgen.derived import PROBES as ALL_PROBES

    whole, _ = mc.selected_families([])
    assert not {FAMILY, *PROBES} & set(whole)  # the standing corpus (seed 0) is made without them
    named, unknown = mc.selected_families(["P08", "S25", "S26"])
    assert named == [FAMILY, *PROBES] and not unknown
    # the families listed before it (the twelfth batch, N50-N53, is listed and ranked after it on purpose)
    order = list(mc.FAMILIES)
    older = order[: order.index(FAMILY)]
    assert max(mc.family_rank(f) for f in older) < mc.family_rank(FAMILY)
    for probe in PROBES:  # every instance scans a plan task layout
        assert set(ALL_PROBES[probe].sources) == {"P07", "P08"}


def test_truth_adds_up_and_is_deterministic():
    assert_adds_up_and_repeats(FAMILY, (7255, 7256))


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return make_corpus(tmp_path_factory.mktemp("p08"), "P08", "docx,pdf", False, 7257)


def _tasks(corpus: Path, doc: dict) -> list[dict]:
    return read_truth(corpus, doc)["task_rows"]


def _paragraph_runs(path: Path) -> list[list[tuple[str, bool]]]:
    """Every body paragraph holding a tab, as its runs' (text, bold)."""
    import docx

    return [[(r.text, bool(r.bold)) for r in p.runs] for p in docx.Document(str(path)).paragraphs if "\t" in p.text]


def test_tab_stop_variants_mark_a_task_by_its_filled_line_alone_or_a_bold_first_line(corpus):
    """No code, no bullet before a task: its first line holds its first words, lead, coordinator and
    deadline after tabs; its other words follow with nothing beside them (in roman after a bold
    first line, or as paragraphs of their own); no table holds a task."""
    docs = [d for d in documents_of(corpus, "docx", "P08") if "tab-stops" in d["path"]]
    assert len(docs) == 2
    for doc in docs:
        path = corpus / doc["path"]
        cells = squash(" ".join(c for t in docx_tables(path) for row in t for c in row))
        paragraphs = _paragraph_runs(path)
        texts = ["".join(t for t, _ in runs) for runs in paragraphs]
        for task in _tasks(corpus, doc):
            assert squash(task["task"]) not in cells
            k = next(i for i, t in enumerate(texts) if t.split("\t")[0] and task["task"].startswith(t.split("\t")[0]))
            pieces = texts[k].split("\n")[0].split("\t")  # (a bold first line: its next lines after it)
            assert pieces[1:] == [task["lead"], task["coordinator"], task["deadline"]]
            assert pieces[0][:2] not in ("- ", "+ ", "• ") and not pieces[0][0].isdigit()
            if doc["variant"].startswith("bold"):
                (first, bold), *rest = paragraphs[k]
                assert bold and first.rstrip("\n") == texts[k].split("\n")[0] and not any(b for _, b in rest)
            else:
                assert not any(b for _, b in paragraphs[k]) and "\n" not in texts[k]


def test_grid_variants_type_a_row_per_printed_line(corpus):
    """A grid with no TT column: a task's first row holds its lead, coordinator and deadline (in bold
    words for the bold variant), the rows after it hold its next words and nothing else."""
    docs = [d for d in documents_of(corpus, "docx", "P08") if "grid-lines" in d["path"]]
    assert len(docs) == 2
    for doc in docs:
        table = docx_tables(corpus / doc["path"])[-1]
        assert not any(c.strip() in ("TT", "STT", "Số TT") for c in table[0])
        tasks = _tasks(corpus, doc)
        assert len(table) > len(tasks) + 2  # (the header, sections, and more rows than tasks)
        for task in tasks:
            k = next(i for i, row in enumerate(table) if task["task"].startswith(row[0]) and task["lead"] in row)
            assert task["deadline"] in table[k] and task["coordinator"] in table[k]
            words = [table[k][0]]
            for row in table[k + 1 :]:
                if any(c.strip() for c in row[1:]):
                    break  # (the next task's first row, or a section's merged row)
                words.append(row[0])
            assert " ".join(words) == task["task"]


def test_pdfs_print_every_task_its_lead_and_its_deadline(corpus):
    assert_pdfs_print_tasks(corpus, "P08")


@pytest.fixture(scope="module")
def read_back(corpus) -> list[tuple[str, list[dict], list[dict], list]]:
    """Each P08 document read by the pipeline: (path, truth tasks, tasks read, unread)."""
    return pipeline_tasks(corpus, "P08")


def test_every_codeless_layout_reads_every_task_with_its_fields(read_back):
    """At tab stops (bold first line; filled line, each line a paragraph) and in a grid typed line by
    line (bold or filled first row), DOCX and PDF: every task, every field, nothing told unread."""
    assert len(read_back) == 8
    for path, truth, rows, unread in read_back:
        assert len(rows) == len(truth), path
        for t, r in zip(truth, rows):
            assert {f: r.get(f) or None for f in FIELDS} == {f: t.get(f) or None for f in FIELDS}, path
        assert not [u for u in unread if u.get("kind") in ("table", "rows")], path


@pytest.fixture(scope="module")
def scans(tmp_path_factory) -> Path:
    return make_corpus(tmp_path_factory.mktemp("s25"), "S25,S26", None, True, 7257)


def test_scans_are_page_images_whose_ocr_prints_the_task_appendix(scans):
    """The scan is a PDF of page images with no text layer, the image a file with no dpi; real
    Tesseract finds the appendix's title and most of its tasks' leads on the last page."""
    import pytesseract
    from corpusgen.derived import render
    from PIL import Image

    scan = documents_of(scans, "pdf", "S25")
    image = documents_of(scans, "png", "S26") + documents_of(scans, "jpg", "S26") + documents_of(scans, "tif", "S26")
    assert len(scan) == 1 and len(image) == 1
    assert not pdf_text(scans / scan[0]["path"]).strip()
    with Image.open(scans / image[0]["path"]) as img:
        assert img.info.get("dpi", (0, 0))[0] in (0, 1)  # (a TIFF's resolution 1 with no unit)
    truth = read_truth(scans, scan[0])
    pages = render(scans / scan[0]["path"], dpi=200)
    ocr = squash(" ".join(pytesseract.image_to_string(p, lang="vie") for p in pages[-2:]))
    leads = {t["lead"] for t in truth["task_rows"]}
    assert "phụlục" in ocr or "nhiệmvụ" in ocr
    assert sum(squash(lead) in ocr for lead in leads) >= len(leads) // 2


def test_a_scanned_codeless_table_reads_its_tasks_over_the_image_frames(scans):
    """S26's first instance: P08's bold-first-line table at tab stops saved as a several-page image
    with no dpi, read by real Tesseract: the tasks are rebuilt from the header's columns (no code,
    no bullet: each opens at its filled line), the table going on over the frames."""
    from cchc_extract.pipeline import convert_file, result_to_json

    image = [d for d in documents_of(scans, "tif", "S26") + documents_of(scans, "png", "S26")]
    assert len(image) == 1
    truth = read_truth(scans, image[0])["task_rows"]
    got = result_to_json(convert_file(scans / image[0]["path"]))
    rows = [r for t in got["task_tables"] for r in t["rows"]]
    leads = [(r.get("lead"), r.get("deadline")) for r in rows]
    right = sum((t["lead"], t["deadline"]) in leads for t in truth)
    assert right >= 0.8 * len(truth)
    assert len(rows) <= len(truth)  # (no wrapped line read as a task of its own)

"""Making a corpus of layout families for a test (tools/make_corpus.py, tools/CORPUS.md), and reading
its manifest and truth: one place for what every corpus-driven test module needs."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

ROOT = Path(__file__).resolve().parents[1]


def make_corpus(out: Path, families: str, formats: str | None = None, quick: bool = True, seed: int = 0) -> Path:
    """Generate ``families`` (comma-separated ids) into ``out``; skip the test where LibreOffice
    cannot make PDFs (Writer missing or broken), fail on any other error with the tool's stderr."""
    command = [sys.executable, str(ROOT / "tools" / "make_corpus.py"), "--families", families, "--out", str(out)]
    if quick:
        command.append("--quick")
    if formats:
        command += ["--formats", formats]
    if seed:
        command += ["--seed", str(seed)]
    run = subprocess.run(command, check=False, cwd=ROOT, timeout=600, capture_output=True, text=True)
    if "LibreOffice made no" in run.stderr:
        pytest.skip("LibreOffice made no PDF (Writer missing or broken)")
    assert run.returncode == 0, run.stderr
    return out


def manifest_documents(corpus: Path) -> list[dict]:
    """The manifest's documents, in order."""
    return json.loads((corpus / "manifest.json").read_text(encoding="utf-8"))["documents"]


def read_truth(corpus: Path, doc: dict) -> dict:
    """The generator's truth of one manifest document."""
    return json.loads((corpus / (doc["path"] + ".truth.json")).read_text(encoding="utf-8"))


def converted_corpus(out: Path, families: str, seed: int, formats: str = "docx") -> list[tuple[dict, dict, dict]]:
    """(manifest document, truth, output of the whole pipeline) of every document of ``families``
    generated whole (not ``--quick``: every variant) into ``out``."""
    from cchc_extract.pipeline import convert_file, result_to_json

    corpus = make_corpus(out, families, formats=formats, quick=False, seed=seed)
    return [
        (doc, read_truth(corpus, doc), result_to_json(convert_file(corpus / doc["path"], doc["path"])))
        for doc in manifest_documents(corpus)
    ]


def statistics_read(corpus: Path, doc: dict):
    """The extraction of one generated document, with the (code, value) pairs its annexes were read
    with and those its truth holds."""
    from cchc_extract.api import convert

    result = convert(corpus / doc["path"]).extraction
    read = {(r.code, r.value) for a in result.statistics for r in a.rows}
    expected = {(r["code"], r["value"]) for a in read_truth(corpus, doc)["statistics"] for r in a["rows"]}
    return result, read, expected


def truth_beside(path: Path) -> dict:
    """The generator's truth stored beside a document copied into ``tests/data`` ("x.txt" and
    "x.txt.truth.json")."""
    return json.loads(path.with_name(path.name + ".truth.json").read_text(encoding="utf-8"))


def converted_with_truth(path: Path, name: str | None = None) -> tuple[dict, dict]:
    """A stored document converted by the whole pipeline (its JSON output, under ``name`` — the
    file's name by default) and the truth stored beside it."""
    from cchc_extract.pipeline import convert_file, result_to_json

    return result_to_json(convert_file(path, name or path.name)), truth_beside(path)


def score_rows_with_truth(path: Path) -> tuple[dict[str, dict], dict[str, dict], dict]:
    """A stored dump's score rows by code as converted, the truth's by code, and the whole output."""
    out, truth = converted_with_truth(path)
    rows = {r["code"]: r for t in out["score_tables"] for r in t["rows"]}
    want = {r["code"]: r for t in truth["score_tables"] for r in t["rows"]}
    return rows, want, out


def scored_rows_with_truth(path: Path) -> tuple[dict[str, dict], dict[str, dict], dict]:
    """A stored dump's score rows by code as converted (under its stem), the truth's by code, and
    the benchmark's tally of the output against the truth."""
    from benchmarks.corpus_scoring import score_document

    output, truth = converted_with_truth(path, path.stem)
    rows = {str(r["code"]): r for t in output["score_tables"] for r in t["rows"]}
    want = {str(r["code"]): r for t in truth["score_tables"] for r in t["rows"]}
    return rows, want, score_document(truth, output)["tally"]


def signed_report_page(tmp_path: Path, mode: str, seed: int) -> tuple[int, Image.Image, Image.Image, dict]:
    """A generated F01 report rendered at 300 dpi in ``mode`` ("L" a scanner's grey, "RGB" colour),
    and the one page the corpus generator signs and seals (``corpusgen.seal.sign_pages``, seeded by
    ``seed``): (its index, the page as printed, the page signed, the document's truth)."""
    import random

    import pypdfium2 as pdfium

    sys.path[:0] = [str(ROOT / "tools")]
    from corpusgen.seal import sign_pages

    out = make_corpus(tmp_path / "c", "F01", formats="pdf")
    (doc,) = manifest_documents(out)
    truth = read_truth(out, doc)
    pdf = out / doc["path"]
    document = pdfium.PdfDocument(str(pdf))
    pages = [page.render(scale=300 / 72).to_pil().convert(mode) for page in document]
    document.close()
    signed = sign_pages(pages, pdf, truth["document"]["commune"], random.Random(seed), 300)
    (index,) = [i for i, (a, b) in enumerate(zip(pages, signed)) if a.tobytes() != b.tobytes()]
    return index, pages[index], signed[index], truth


def arithmetic_truth(built) -> dict:
    """The parts of a built instance's truth whose arithmetic ``corpusgen.check.truth_problems``
    checks (score tables, statistics, counts, score statements) and the faults planted in them."""
    return {
        "score_tables": built.score_tables,
        "statistics": built.statistics,
        "counts": built.counts,
        "score_statements": built.score_statements,
        "faults": [f.truth() for f in built.faults],
    }


def assert_adds_up_and_repeats(family: str, seeds: tuple[int, ...]) -> None:
    """Every instance of ``family`` at each seed: its truth adds up but for its planted faults, and
    building it again gives the same metadata, score tables, statistics, counts, task rows, targets
    and score statements."""
    sys.path[:0] = [str(ROOT / "tools")]
    import make_corpus as mc
    from corpusgen.check import planted, truth_problems

    for seed in seeds:
        for inst in mc.instances(family, mc.load_sets(), 4, seed=seed):
            built = mc.FAMILIES[family](inst)
            truth = arithmetic_truth(built)
            assert (
                built.score_tables
                or built.statistics
                or built.task_rows
                or built.targets
                or built.score_statements
                or built.counts
            )
            assert truth_problems(truth) == planted(truth), inst.name
            again = mc.FAMILIES[family](inst)
            kinds = ("document", "score_tables", "statistics", "counts", "task_rows", "targets", "score_statements")
            assert [getattr(again, k) for k in kinds] == [getattr(built, k) for k in kinds], inst.name


def assert_named_only_ranked_last(new: tuple[str, ...], probes: tuple[str, ...]) -> None:
    """A batch of held-out layouts and its probes: made only when named (a whole run leaves them
    out; naming the first and last by their prefixes and the probes makes just those), ranked after
    every other family but a later batch's, listed held out."""
    sys.path[:0] = [str(ROOT / "tools")]
    import make_corpus as mc
    from corpusgen.common import family_code

    whole, _ = mc.selected_families([])
    assert not (set(new) | set(probes)) & set(whole)
    named, unknown = mc.selected_families([family_code(f) for f in (new[0], new[-1], *probes)])
    assert named == [new[0], new[-1], *probes]
    assert not unknown
    # only a later batch of held-out layouts ranks after them
    later = mc.LATE_FAMILIES[mc.LATE_FAMILIES.index(new[-1]) + 1 :]
    assert set(later) <= set(mc.NEW_LAYOUTS)
    earlier = [f for f in mc.FAMILIES if f not in new and f not in later]
    assert max(mc.family_rank(f) for f in earlier) < min(mc.family_rank(f) for f in new)
    assert set(new) <= set(mc.HELDOUT_FAMILIES)


# --- reading a batch of held-out layouts back from its files (tests/test_corpus_new_layouts*.py) ---


def assert_batch_held(new: tuple[str, ...], probes: tuple[str, ...], undumped: tuple[str, ...] = ()) -> None:
    """A batch of held-out layouts: made only when named, ranked last, held out, and its scan and
    dump probes taking every family of the batch (one instance each) but, for the dump, the
    ``undumped`` ones (a plan: a dump's figures are scores and statistics)."""
    assert_named_only_ranked_last(new, probes)
    from corpusgen.common import family_code
    from corpusgen.derived import PROBES as ALL_PROBES

    for probe in probes:
        dump = ALL_PROBES[probe].kind == "dump"
        assert ALL_PROBES[probe].sources == tuple(
            family_code(f) for f in new if not (dump and family_code(f) in undumped)
        )


def assert_batch_pdfs_carry_truth(corpus: Path, families: tuple[str, ...], figures: bool = False) -> None:
    """Every PDF of ``families`` (their codes, "N94", "N100"; four instances each) carries its truth
    rows (``assert_truth_rows_in_pdf``)."""
    from corpusgen.common import family_code

    documents = [d for d in documents_of(corpus, "pdf") if family_code(d["family"]) in families]
    assert len(documents) == 4 * len(families)
    for doc in documents:
        assert_truth_rows_in_pdf(corpus, doc, figures=figures)


def batch_corpus(tmp_path_factory, name: str, new: tuple[str, ...], seed: int) -> Path:
    """Every instance of a batch's families, DOCX and PDF, at ``seed``."""
    from corpusgen.common import family_code

    return make_corpus(tmp_path_factory.mktemp(name), ",".join(family_code(f) for f in new), "docx,pdf", False, seed)


def batch_corpus_fixture(name: str, new: tuple[str, ...], seed: int):
    """A batch test module's ``corpus`` fixture: its families' every instance, DOCX and PDF, at
    ``seed`` (``batch_corpus``), made once for the module."""

    @pytest.fixture(scope="module", name="corpus")
    def corpus(tmp_path_factory) -> Path:
        return batch_corpus(tmp_path_factory, name, new, seed)

    return corpus


def documents_of(corpus: Path, fmt: str, prefix: str = "N") -> list[dict]:
    """The manifest's documents of one format whose family starts with ``prefix``."""
    return [d for d in manifest_documents(corpus) if d["format"] == fmt and d["family"].startswith(prefix)]


def squash(text: str) -> str:
    """Text with no white space, lower case: a name wrapped over lines compares with its truth."""
    return re.sub(r"\s+", "", text).lower()


def docx_tables(path: Path) -> list[list[list[str]]]:
    """Every table of a DOCX as rows of cell texts (a merged cell is read in every row it spans)."""
    import docx

    return [[[c.text for c in row.cells] for row in t.rows] for t in docx.Document(str(path)).tables]


def docx_score_table(path: Path) -> list[list[str]]:
    """The first DOCX table whose header names points ("điểm"), its cells stripped."""
    table = next(t for t in docx_tables(path) if any("điểm" in c.lower() for c in t[0]))
    return [[c.strip() for c in row] for row in table]


def pdf_text(path: Path) -> str:
    """A PDF's text as pdfplumber reads it: the page's lines and each ruled table's cells (a name
    wrapped in its cell is one cell's text, not lines interleaved with the neighbouring columns')."""
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        pages = [page.extract_text() or "" for page in pdf.pages]
        cells = [c for page in pdf.pages for t in page.extract_tables() for row in t for c in row if c]
    return "\n".join(pages + cells)


def landscape_pdf(path: Path) -> bool:
    """Whether any page of a PDF is landscape (wider than tall, pdfplumber)."""
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return any(p.width > p.height for p in pdf.pages)


def printed_numbers(text: str) -> set[str]:
    """Every number printed ("2", "1,5", "10,00" also as "10"): a cell's "2,0 điểm" holds 2."""
    from normalize.numbers import format_vn

    out = set()
    for n in re.findall(r"\d+(?:,\d+)?", text):
        out.add(n)
        if "," in n:
            out.add(format_vn(float(n.replace(",", "."))))
    return out


def cell_points(text: str) -> float | None:
    """A points cell's figure ("1,5" is 1.5); a blank cell is None."""
    return float(text.replace(",", ".")) if text.strip() else None


def assert_period_figures(each: list[str], row: dict, where: str, stock_units: tuple[str, ...]) -> None:
    """A statistics row's figures for the parts of its period (months, quarters) as printed: none
    without a value, a stock's every part its value, a share's parts shares (0-100), a count's
    parts adding up to its value."""
    if row["value"] is None:
        assert not any(each), (where, each)
    elif row["unit"] in stock_units:
        assert {cell_points(v) for v in each} == {row["value"]}, (where, each)
    elif row["unit"] == "%":
        assert all(v == "" or 0 <= (cell_points(v) or 0) <= 100 for v in each), (where, each)
    else:
        assert sum(cell_points(v) or 0 for v in each) == row["value"], (where, each)


def docx_paragraphs(path: Path) -> list[str]:
    """The text of every paragraph of a DOCX body (tables' cells not included), in order."""
    import docx

    return [p.text for p in docx.Document(str(path)).paragraphs]


def assert_truth_rows_in_pdf(corpus: Path, doc: dict, figures: bool = False) -> None:
    """Every score row's name and points, and every statistics row's indicator (and, with
    ``figures``, its figure as ``format_vn`` prints it), are in the PDF's text (pdfplumber's lines
    and cells)."""
    from normalize.numbers import format_vn

    truth, where = read_truth(corpus, doc), doc["path"]
    text = pdf_text(corpus / doc["path"])
    flat = squash(text)
    for table in truth["score_tables"]:
        for r in table["rows"]:
            assert squash(r["name"]) in flat, (where, r["code"])
            for v in (r["max_points"], r["self_points"]):
                assert v is None or format_vn(v) in text, (where, r["code"])
    for annex in truth["statistics"]:
        for r in annex["rows"]:
            assert squash(r["indicator"]) in flat, (where, r["code"])
            assert not figures or r["value"] is None or format_vn(r["value"]) in text, (where, r["code"])


def not_read(row: dict) -> bool:
    """Whether an annex row's figure was not read from the text: blank, or the value its annex's
    arithmetic gave after the checks (``reconcile.stat_derived``: flagged, its characters blank)."""
    return row["value"] is None or ("derived_from_sums:value" in row["flags"] and not row["value_raw"])


def edited_dump_rows(dump: Path, edits: dict[str, str], tmp_path: Path) -> dict:
    """The score rows, by code, of a stored OCR dump with ``edits`` made to its text (each old text
    must be in it): a real dump turned to a case it did not print, read end to end."""
    from cchc_extract.pipeline import convert_file

    text = dump.read_text(encoding="utf-8")
    for old, new in edits.items():
        assert old in text
        text = text.replace(old, new)
    edited = tmp_path / "dump.txt"
    edited.write_text(text, encoding="utf-8")
    (table,) = convert_file(edited).score_tables
    return {str(r.code): r for r in table.rows}


# --- plans' task tables read back (tests/test_corpus_plan_layouts.py, test_corpus_plan_codeless.py) ---


def assert_pdfs_print_tasks(corpus: Path, prefix: str) -> None:
    """Every PDF of the family ``prefix`` (four instances) prints each truth task's words (at tab stops
    its lines interleave with the other columns), its lead and its deadline (pdfplumber)."""
    docs = documents_of(corpus, "pdf", prefix)
    assert len(docs) == 4
    for doc in docs:
        printed = pdf_text(corpus / doc["path"])
        text, words = squash(printed), set(printed.split())
        for task in read_truth(corpus, doc)["task_rows"]:
            assert set(task["task"].split()) <= words
            assert squash(task["lead"]) in text and squash(task["deadline"]) in text


def pipeline_tasks(corpus: Path, prefix: str) -> list[tuple[str, list[dict], list[dict], list]]:
    """Each DOCX, then each PDF, of the family ``prefix`` read by the pipeline: (path, truth tasks,
    tasks read, unread)."""
    from cchc_extract.pipeline import convert_file, result_to_json

    out = []
    for doc in documents_of(corpus, "docx", prefix) + documents_of(corpus, "pdf", prefix):
        got = result_to_json(convert_file(corpus / doc["path"]))
        rows = [r for t in got["task_tables"] for r in t["rows"]]
        out.append((doc["path"], read_truth(corpus, doc)["task_rows"], rows, got.get("unread") or []))
    return out

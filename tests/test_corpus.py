"""The corpus generator (tools/make_corpus.py): real files that open, truth that adds up except where
a fault is planted, and every planted fault listed (tools/CORPUS.md)."""

import shutil
import sys
from pathlib import Path

import pytest

from corpus_helpers import make_corpus, manifest_documents, read_truth

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "tools")]
FAMILIES = "F01,F08,F12,F13,F14,F15"

needs_writer = pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice Writer not installed")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return make_corpus(tmp_path_factory.mktemp("corpus"), FAMILIES)


@needs_writer
def test_files_open_and_truth_is_complete(corpus):
    import docx
    import pdfplumber

    docs = manifest_documents(corpus)
    assert {d["family"].split("_")[0] for d in docs} == set(FAMILIES.split(","))
    assert {d["format"] for d in docs} >= {"docx", "pdf", "md", "tsv", "txt"}
    for d in docs:
        path = corpus / d["path"]
        truth = read_truth(corpus, d)
        assert truth["split"] == d["split"] and truth["faults"].__len__() == d["faults"]
        if d["format"] == "docx":
            assert docx.Document(str(path)).paragraphs
        elif d["format"] == "pdf":
            with pdfplumber.open(path) as pdf:
                text = "".join(page.extract_text() or "" for page in pdf.pages)
            # the document prints its own number and commune (truth written from the same data)
            assert truth["document"]["number"].split("/")[1] in text
            assert truth["document"]["commune"] in text
        else:
            assert path.read_text(encoding="utf-8").strip()


@needs_writer
def test_truth_adds_up_except_planted_faults(corpus):
    from corpusgen.check import planted, truth_problems

    planted_any = 0
    for d in manifest_documents(corpus):
        truth = read_truth(corpus, d)
        planted_any += len(truth["faults"])
        assert truth_problems(truth) == planted(truth), d["path"]
    assert planted_any, "no instance of the quick run carries a planted fault"


def test_heldout_lists_are_in_the_contract():
    import make_corpus

    text = (ROOT / "tools" / "CORPUS.md").read_text(encoding="utf-8")
    for name in make_corpus.HELDOUT_FAMILIES + make_corpus.HELDOUT_SETS:
        assert f"`{name}`" in text

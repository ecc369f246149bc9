"""End to end on generated documents: the pipeline's output against the generator's truth files
(tools/make_corpus.py writes them from its own data, never from what the pipeline reads).

Families: F16 (borderless table, column-number row, names wrapping over several lines), F17
(borderless landscape table, roman parts restarting their numbering, a second page) and F12
(statistics annex with a)/b) items), each in DOCX and in LibreOffice's PDF of it."""

import json
import shutil
from pathlib import Path

import pytest

from corpus_helpers import make_corpus, manifest_documents

ROOT = Path(__file__).resolve().parents[1]
FAMILIES = "F12,F16,F17"

needs_writer = pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice Writer not installed")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return make_corpus(tmp_path_factory.mktemp("corpus-e2e"), FAMILIES, formats="docx,pdf")


def _convert(path: Path) -> dict:
    from cchc_extract.pipeline import convert_file, result_to_json

    return result_to_json(convert_file(path))


@needs_writer
def test_score_tables_as_the_truth_says(corpus):
    docs = [d for d in manifest_documents(corpus) if not d["family"].startswith("F12")]
    assert {d["format"] for d in docs} == {"docx", "pdf"} and len(docs) == 4
    for d in docs:
        truth = json.loads((corpus / (d["path"] + ".truth.json")).read_text(encoding="utf-8"))
        out = _convert(corpus / d["path"])
        rows = [r for t in out["score_tables"] for r in t["rows"]]
        expected = [r for t in truth["score_tables"] for r in t["rows"]]
        # every row, no other: codes as the contract writes them (II.1 under a restarting part)
        assert [r["code"] for r in rows] == [r["code"] for r in expected], d["path"]
        for got, want in zip(rows, expected):
            assert got["name"] == want["name"], (d["path"], want["code"])
            assert got["max_points"] == want["max_points"], (d["path"], want["code"])
            assert got["self_points"] == want["self_points"], (d["path"], want["code"])
            if truth["score_tables"][0]["rows"][0]["appraised_points"] is not None:
                assert got["appraised_points"] == want["appraised_points"], (d["path"], want["code"])
        # a document read whole lists nothing as unread
        assert out["unread"] == [], d["path"]
        for key in ("number", "date", "signer"):
            assert out["document"][key] == truth["document"][key], (d["path"], key)


@needs_writer
def test_statistics_annex_as_the_truth_says(corpus):
    docs = [d for d in manifest_documents(corpus) if d["family"].startswith("F12")]
    assert docs
    for d in docs:
        truth = json.loads((corpus / (d["path"] + ".truth.json")).read_text(encoding="utf-8"))
        out = _convert(corpus / d["path"])
        got = {r["code"]: r["value"] for a in out["statistics"] for r in a["rows"]}
        want = {r["code"]: r["value"] for a in truth["statistics"] for r in a["rows"]}
        assert got == want, d["path"]


@needs_writer
def test_a_borderless_table_that_cannot_be_read_is_reported_not_invented(corpus, monkeypatch):
    """When the columns of a borderless table cannot be found, its lines give no rows of guesswork:
    the region is listed as unread (and goes to the review queue)."""
    import extract.pdf_unruled as unruled

    monkeypatch.setattr(unruled, "gutters", lambda lines, size, s: [])  # no column is ever found
    doc = next(d for d in manifest_documents(corpus) if d["family"].startswith("F16") and d["format"] == "pdf")
    truth = json.loads((corpus / (doc["path"] + ".truth.json")).read_text(encoding="utf-8"))
    out = _convert(corpus / doc["path"])
    codes = {r["code"]: r for r in truth["score_tables"][0]["rows"]}
    for table in out["score_tables"]:
        for row in table["rows"]:  # whatever is still given as a row is a true row
            assert row["code"] in codes and row["name"] == codes[row["code"]]["name"]
    assert out["unread"] and all(u["page"] == 1 for u in out["unread"])
    assert any(item["reason"].startswith("not read:") for item in out["review"])

"""The scan and photo families of the corpus (tools/corpusgen/derived.py): typed documents printed,
degraded into a scanned PDF and a phone photo, carrying their source's truth; then read end to end
with real Tesseract and scored against that truth (benchmarks/corpus_scoring.py)."""

import json
import random
import sys
from pathlib import Path

import pytest

from corpus_helpers import make_corpus, read_truth

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tools")]
# One page each: a 200-dpi scan askew up to 3° of F08's first instance, a photo of F01's.
FAMILIES = "F01,F08,S02,S04"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return make_corpus(tmp_path_factory.mktemp("scan-corpus"), FAMILIES, formats="pdf,jpg")


def _documents(corpus: Path) -> dict[str, dict]:
    docs = json.loads((corpus / "manifest.json").read_text(encoding="utf-8"))["documents"]
    return {d["family"].split("_")[0]: d for d in docs}


@pytest.mark.needs_libreoffice
def test_derived_documents_carry_their_source_truth(corpus):
    from PIL import Image

    docs = _documents(corpus)
    assert docs["S02"]["format"] == "pdf" and docs["S04"]["format"] == "jpg"
    for derived, source in (("S02", "F08"), ("S04", "F01")):
        truth, source_truth = read_truth(corpus, docs[derived]), read_truth(corpus, docs[source])
        identity = ("family", "instance", "format", "variant")
        assert {k: v for k, v in truth.items() if k not in identity + ("score_tables",)} == {
            k: v for k, v in source_truth.items() if k not in identity + ("score_tables",)
        }
        rows = [t["rows"] for t in truth["score_tables"]]
        assert rows and rows == [t["rows"] for t in source_truth["score_tables"]]
        assert truth["variant"] == docs[source]["path"].split("/")[1].rsplit(".", 1)[0]
    with Image.open(corpus / docs["S04"]["path"]) as photo:
        assert photo.format == "JPEG" and photo.mode == "RGB"
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(corpus / docs["S02"]["path"]))
    try:
        objects = list(pdf[0].get_objects())
        assert len(objects) == 1 and objects[0].get_px_size()[0] == round(pdf[0].get_width() / 72 * 200)
    finally:
        pdf.close()


@pytest.mark.needs_libreoffice
@pytest.mark.needs_tesseract
@pytest.mark.parametrize("family, rows_min, numbers_min", [("S02", 0.98, 0.99), ("S04", 0.95, 0.95)])
def test_scan_and_photo_read_againsttruth(corpus, family, rows_min, numbers_min):
    """One generated document each, scored as benchmarks/generalisation scores: the scan meets the
    issue's scan targets (rows ≥ 98%, numbers ≥ 99%); the photo rows ≥ 95% and numbers ≥ 95% (one
    of its 20 numbers is lost: a lone "1" Tesseract does not see). Every number still wrong is on a
    row the review queue names."""
    from benchmarks.corpus_scoring import ScoringSettings, score_document
    from cchc_extract.pipeline import convert_file, result_to_json

    doc = _documents(corpus)[family]
    out = result_to_json(convert_file(corpus / doc["path"], doc["path"]))
    result = score_document(read_truth(corpus, doc), out, ScoringSettings())
    tally = result["tally"]
    assert tally["rows"] >= 4  # a page of real rows: the quick photo (8-field set since crit3) holds 4
    assert tally["found"] / tally["rows"] >= rows_min, tally
    assert tally["numbers_right"] / tally["numbers"] >= numbers_min, tally
    queued = {item["code"] for item in out["review"]}
    unqueued = [w for w in result["wrong_numbers"] if w["row_found"] and w["code"] not in queued]
    assert not unqueued, unqueued


@pytest.fixture(scope="module")
def unruled_scan(tmp_path_factory) -> tuple[Path, dict]:
    """A 200-dpi scan askew of a score table printed without ruling lines, names wrapped over two
    lines and numbers set in the middle of their rows (seed 12's S02 takes F10's unruled variant):
    Tesseract cuts such a page into one block per column and drops some lone numbers."""
    corpus = make_corpus(tmp_path_factory.mktemp("unruled-scan"), "S02", formats="pdf", quick=False, seed=12)
    (doc,) = [d for d in json.loads((corpus / "manifest.json").read_text())["documents"] if "unruled" in d["path"]]
    return corpus, doc


@pytest.mark.needs_libreoffice
@pytest.mark.needs_tesseract
def test_unruled_scan_read_as_a_table(unruled_scan):
    """The borderless table is found from the words' positions (source ocr-text), each row's code,
    name and points together, and the numbers Tesseract's page reading dropped read again from
    their cells: every row and number right (before: 2 of 16 numbers, rows shifted by one)."""
    from benchmarks.corpus_scoring import ScoringSettings, score_document
    from cchc_extract.pipeline import convert_file, result_to_json
    from extract.base import ingest

    corpus, doc = unruled_scan
    (table,) = [t for p in ingest(corpus / doc["path"]).pages for t in p.tables]
    assert table.source == "ocr-text"
    out = result_to_json(convert_file(corpus / doc["path"], doc["path"]))
    tally = score_document(read_truth(corpus, doc), out, ScoringSettings())["tally"]
    assert tally["found"] == tally["rows"] >= 8, tally
    assert tally["numbers_right"] == tally["numbers"], tally


@pytest.fixture(scope="module")
def typed_dump(tmp_path_factory) -> Path:
    # D06's first instance: F07's first instance (scale lines in names) as Tesseract's text dump.
    return make_corpus(tmp_path_factory.mktemp("typed-dump"), "F07,D06", formats="pdf,txt")


@pytest.mark.needs_libreoffice
@pytest.mark.needs_tesseract
def test_typed_layout_dump_carries_its_source_truth(typed_dump):
    docs = _documents(typed_dump)
    dump, source = docs["D06"], docs["F07"]
    assert dump["format"] == "txt" and dump["path"].startswith("D06_dump_typed_layouts/d06-i1-f07-i1-")
    truth, source_truth = read_truth(typed_dump, dump), read_truth(typed_dump, source)
    assert truth["ocr_dump"] is True and source_truth["ocr_dump"] is False
    assert truth["format"] == "txt" and truth["score_tables"][0]["pages"] is None
    assert [t["rows"] for t in truth["score_tables"]] == [t["rows"] for t in source_truth["score_tables"]]
    assert truth["document"] == source_truth["document"] and truth["faults"] == source_truth["faults"]
    lang, psm, dpi = truth["variant"].rsplit("-", 3)[1:4] if truth["variant"].endswith("dpi") else ("", "", "")
    assert lang in ("eng", "vie") and psm in ("psm3", "psm4", "psm6") and dpi.endswith("dpi")
    text = (typed_dump / dump["path"]).read_text(encoding="utf-8")
    # Tesseract's reading of the rendered page (``eng`` drops the marks): the header's "Điểm" is in it.
    from normalize.text import fold

    assert "diem" in fold(text).lower() and len(text.splitlines()) > 20


@pytest.fixture(scope="module")
def annex_dump(tmp_path_factory) -> Path:
    # D07's first instance: F12's first instance (a report and its statistics annex), eng --psm 6.
    return make_corpus(tmp_path_factory.mktemp("annex-dump"), "F12,D07", formats="pdf,txt")


@pytest.mark.needs_libreoffice
@pytest.mark.needs_tesseract
def test_statistics_annex_dump_carries_its_source_truth(annex_dump):
    docs = _documents(annex_dump)
    dump, source = docs["D07"], docs["F12"]
    assert dump["path"].startswith("D07_dump_statistics_annex/d07-i1-f12-i1-annex-eng-psm6-")
    truth, source_truth = read_truth(annex_dump, dump), read_truth(annex_dump, source)
    assert truth["ocr_dump"] is True and truth["format"] == "txt" and truth["score_tables"] == []
    assert truth["statistics"] == source_truth["statistics"] and truth["faults"] == source_truth["faults"]
    assert truth["document"] == source_truth["document"]
    from normalize.text import fold

    text = fold((annex_dump / dump["path"]).read_text(encoding="utf-8")).lower()
    assert "thong ke so lieu" in text  # the form's title, as eng reads it


def test_annex_dump_family_meets_each_segmentation_in_both_languages():
    from corpusgen.derived import DERIVED
    from corpusgen.dumps import derived_dump_spec

    derivation = DERIVED["D07_dump_statistics_annex"]
    count = len(derivation.sources)
    specs = [derived_dump_spec(i, count, random.Random(i), derivation.psms) for i in range(1, count + 1)]
    assert {(s.lang, s.psm) for s in specs} == {(lang, p) for lang in ("eng", "vie") for p in (3, 4, 6, 11)}
    assert any(s.degrade for s in specs) and not all(s.degrade for s in specs)
    # A family listing no segmentations draws as D06 always did: the same specs from the same draws.
    d06 = [derived_dump_spec(i, 6, random.Random(i)) for i in range(1, 7)]
    assert all(s.psm in (3, 4, 6) for s in d06)

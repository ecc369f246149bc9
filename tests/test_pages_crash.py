"""A crash inside Tesseract's library kills the worker process that runs it (libtesseract runs in
the converting process, extract/tesseract_api.py). The batch must answer with one error record
for that file, keep the rest of the batch, and lose no page range of the other scans."""

import faulthandler
import io
import json
import multiprocessing
import os
import shutil
from pathlib import Path

import pytest

import extract.ocr as ocr
import extract.pdf_reader as pdf_reader
from cchc_extract.batch import BatchSettings, run_convert
from cchc_extract.pipeline import PipelineOptions
from schemas import schema_errors

ROOT = Path(__file__).resolve().parents[1]
SCAN = ROOT / "samples" / "renderings" / "score_table_scan.pdf"
TEXT = sorted((ROOT / "samples").glob("*.txt"))[0]


def _three_page_scan(path: Path) -> None:
    import pypdfium2 as pdfium

    src, doc = pdfium.PdfDocument(str(SCAN)), pdfium.PdfDocument.new()
    for _ in range(3):
        doc.import_pages(src, [0])
    doc.save(str(path))


@pytest.mark.needs_tesseract
@pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="the workers inherit the crash")
def test_a_crash_in_the_ocr_stage_costs_its_file_only(tmp_path, monkeypatch):
    folder = tmp_path / "in"
    folder.mkdir()
    _three_page_scan(folder / "crash_scan.pdf")
    _three_page_scan(folder / "good_scan.pdf")
    shutil.copy(TEXT, folder / TEXT.name)

    # The worker reading a page of crash_scan.pdf aborts inside the OCR stage, as a fault in
    # libtesseract would take it down (the forked workers inherit both patches).
    reading: list[str] = []
    real_read, real_words = pdf_reader.PdfReader.read, ocr.tesseract_words

    def read(self, path, pages=None):
        reading.append(Path(path).name)
        return real_read(self, path, pages)

    def words(*args, **kwargs):
        if reading and reading[-1] == "crash_scan.pdf":
            faulthandler.disable()  # pytest's handler would print the worker's stack
            os.abort()
        return real_words(*args, **kwargs)

    monkeypatch.setattr(pdf_reader.PdfReader, "read", read)
    monkeypatch.setattr(ocr, "tesseract_words", words)
    out = tmp_path / "out"
    settings = BatchSettings(workers=2, split_min_pages=2, ranges_per_worker=2, timeout_s=600)
    summary = run_convert([folder], out, PipelineOptions(), settings, io.StringIO())

    assert (summary.converted, summary.failed) == (2, 1)
    crashed = json.loads((out / "crash_scan.pdf.json").read_text(encoding="utf-8"))
    assert schema_errors(crashed) == []
    assert [e["stage"] for e in crashed["errors"]] == ["ingest"]  # one record, not one per range
    assert "SIGABRT" in crashed["errors"][0]["message"]
    good = json.loads((out / "good_scan.pdf.json").read_text(encoding="utf-8"))
    assert good["errors"] == [] and good["source"]["pages"] == 3
    pages = {r["source"]["page"] for t in good["score_tables"] for r in t["rows"]}
    assert pages == {1, 2, 3}  # every page range of the other scan came back and was joined
    written = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert sorted(o["file"] for o in written["outcomes"]) == sorted(["crash_scan.pdf", "good_scan.pdf", TEXT.name])

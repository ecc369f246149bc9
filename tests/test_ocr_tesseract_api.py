"""Tesseract's library in process (extract/tesseract_api.py) reads exactly what the ``tesseract``
command reads, keeps a whitelist to its one reading, keeps the page deadline, and gives way to the
command when it cannot be had."""

from __future__ import annotations

import multiprocessing
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from extract.base import IngestError, IngestOptions
from extract.tesseract import tesseract_words
from extract.tesseract_api import TesseractApiSettings, read_tsv

SCAN = Path(__file__).resolve().parents[1] / "samples" / "renderings" / "score_table_scan.png"
COMMAND = TesseractApiSettings(in_process=False)


@pytest.fixture(scope="module")
def page() -> Image.Image:
    return Image.open(SCAN).convert("L")


def _band(page: Image.Image) -> Image.Image:
    """The page's top third: the heading and the first rows of the score table (letters, codes
    and points)."""
    return page.crop((0, 0, page.width, page.height // 3))


def _read(image: Image.Image, psm: int, config: str = "", api: TesseractApiSettings = TesseractApiSettings()):
    return [(key, w.text, w.bbox, w.conf) for key, w in tesseract_words(image, 300, IngestOptions(), psm, config, api)]


@pytest.mark.needs_tesseract
def test_library_reads_what_the_command_reads(page):
    band = _band(page)
    for psm in (11, 6):
        ours = _read(band, psm)
        assert ours == _read(band, psm, api=COMMAND)
        assert len(ours) > 50  # a real reading, not two empty ones
    # Confidences are whole percents, as pytesseract hands them over (the thresholds were set so).
    assert all(round(conf * 100, 6).is_integer() for *_, conf in _read(band, 11))


@pytest.mark.needs_tesseract
def test_a_whitelist_holds_for_its_reading_only(page):
    band = _band(page)
    digits = "-c tessedit_char_whitelist=0123456789"
    only_digits = _read(band, 6, digits)
    assert only_digits == _read(band, 6, digits, api=COMMAND)
    assert only_digits and all(text.isdigit() for _, text, *_ in only_digits)
    after = _read(band, 6)  # the same handle: letters again
    assert after == _read(band, 6, api=COMMAND)
    assert any(any(ch.isalpha() for ch in text) for _, text, *_ in after)


@pytest.mark.needs_tesseract
def test_the_page_deadline_holds_in_process(page):
    with pytest.raises(IngestError, match="OCR timed out after 0.05 s"):
        tesseract_words(page, 300, replace(IngestOptions(), ocr_timeout_s=0.05), 11)


@pytest.mark.needs_tesseract
def test_without_the_library_the_command_reads(page):
    band = _band(page).crop((0, 0, 1200, 400))
    missing = TesseractApiSettings(library="libtesseract-not-there.so.0")
    assert read_tsv(np.asarray(band), 300, "vie", 6, {}, 0, missing) is None
    assert _read(band, 6, api=missing) == _read(band, 6, api=COMMAND)
    assert read_tsv(np.asarray(band), 300, "vie", 6, {}, 0, COMMAND) is None


def _child_reading(queue, image) -> None:
    queue.put(read_tsv(np.asarray(image), 300, "vie", 6, {}, 0))


@pytest.mark.needs_tesseract
def test_a_forked_worker_loads_its_own_model(page):
    # The parent's handle exists before the fork; the child must not use the copy of it.
    band = _band(page).crop((0, 0, 1200, 400))
    parent = read_tsv(np.asarray(band), 300, "vie", 6, {}, 0)
    assert parent
    context = multiprocessing.get_context("fork")
    queue = context.Queue()
    child = context.Process(target=_child_reading, args=(queue, band))
    child.start()
    got = queue.get(timeout=60)
    child.join(timeout=60)
    assert child.exitcode == 0
    assert got == parent

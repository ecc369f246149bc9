"""Calling Tesseract: whether it (and a language model) is installed, and its words with boxes and
0..1 confidences for one image."""

from __future__ import annotations

import os
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache

import numpy as np
from PIL import Image

from extract.base import IngestError, IngestOptions
from extract.lifeline import tesseract_module
from extract.model import Word
from extract.tesseract_api import ApiTimeout, TesseractApiSettings, read_tsv, tsv_columns
from normalize.text import fold_spaces, nfc

# Punctuation-only "words" below this confidence are scanner noise.
NOISE_CONF = 0.5

TESSERACT_MISSING = "Tesseract not found: install tesseract-ocr and tesseract-ocr-vie"

# Measured by benchmarks/ingest on this 2-core machine: one Tesseract per process with OpenMP off
# is faster per page than OpenMP's threads, and pages/files already run in parallel processes,
# where OpenMP threads only fight each other for the same cores.
os.environ.setdefault("OMP_THREAD_LIMIT", "1")


def check_tesseract(lang: str) -> None:
    """IngestError (the one message users need) when the binary or a language model is missing.
    The answer follows ``pytesseract.tesseract_cmd``; a good answer is remembered per command, so a
    many-page scan asks once (a failure is never remembered)."""
    pytesseract = tesseract_module()

    _check_tesseract_cmd(pytesseract.pytesseract.tesseract_cmd, lang)


def has_language(lang: str) -> bool:
    """Whether Tesseract has this language model (asked once per command)."""
    try:
        check_tesseract(lang)
    except IngestError:
        return False
    return True


@lru_cache(maxsize=8)
def _check_tesseract_cmd(cmd: str, lang: str) -> None:
    try:
        out = subprocess.run([cmd, "--list-langs"], capture_output=True, timeout=30, text=True)
    except (OSError, subprocess.SubprocessError):
        raise IngestError(TESSERACT_MISSING) from None
    available = {line.strip() for line in (out.stdout + out.stderr).splitlines()}
    if out.returncode != 0 or any(part not in available for part in lang.split("+")):
        raise IngestError(TESSERACT_MISSING)


@contextmanager
def _image_file(image: Image.Image) -> Iterator[Image.Image | str]:
    """The image as Tesseract will read it: a greyscale or colour page written uncompressed (PGM,
    PPM) to a temporary file, whose name is handed over. pytesseract writes a PNG, whose zlib
    compression of a noisy 300-dpi page costs 0.2-0.7 s of CPU per call (benchmarks/ingest: a
    fifth of what we add to bare Tesseract); the raw file costs ~10 ms, and Tesseract reads the
    same pixels. Other modes go as they are."""
    if image.mode not in ("L", "RGB"):
        yield image
        return
    handle, name = tempfile.mkstemp(prefix="cchc_ocr_", suffix=".pgm" if image.mode == "L" else ".ppm")
    try:
        with os.fdopen(handle, "wb") as out:
            image.save(out, format="PPM")
        yield name
    finally:
        os.unlink(name)


def tesseract_words(
    image: Image.Image,
    dpi: int,
    options: IngestOptions,
    psm: int,
    config: str = "",
    api: TesseractApiSettings = TesseractApiSettings(),
) -> list[tuple[tuple[int, int, int], Word]]:
    """Tesseract's words with boxes and 0..1 confidences, each keyed by (block, par, line);
    ``config`` adds Tesseract options (a character whitelist). Read by the library in this
    process (extract/tesseract_api.py) when it can be, else by the ``tesseract`` command."""
    data = _read_in_process(image, dpi, options, psm, config, api)
    if data is None:
        data = _read_by_command(image, dpi, options, psm, config)
    out = []
    for i, text in enumerate(data["text"]):
        text = nfc((text or "").strip())
        conf = float(data["conf"][i])
        if data["level"][i] != 5 or not text or conf < 0:
            continue
        if conf < NOISE_CONF * 100 and not any(ch.isalnum() for ch in text):
            continue  # a speck or a remain of a ruling line read as punctuation
        x, y, w, h = data["left"][i], data["top"][i], data["width"][i], data["height"][i]
        key = (data["block_num"][i], data["par_num"][i], data["line_num"][i])
        out.append((key, Word(text=text, bbox=(x, y, x + w, y + h), conf=round(conf / 100, 3))))
    return out


def _read_by_command(image: Image.Image, dpi: int, options: IngestOptions, psm: int, config: str) -> dict:
    pytesseract = tesseract_module()

    config = f"--psm {psm} --dpi {dpi} {config}".strip()
    try:
        with _image_file(image) as source:
            return pytesseract.image_to_data(
                source,
                lang=options.ocr_lang,
                config=config,
                output_type=pytesseract.Output.DICT,
                timeout=options.ocr_timeout_s,
            )
    except pytesseract.TesseractNotFoundError:
        raise IngestError(TESSERACT_MISSING) from None
    except RuntimeError as exc:  # pytesseract's timeout
        raise IngestError(_timed_out(options)) from exc
    except pytesseract.TesseractError as exc:
        message = str(exc.message if hasattr(exc, "message") else exc)
        if "loading language" in message.lower():
            raise IngestError(TESSERACT_MISSING) from None
        raise IngestError(f"OCR failed: {fold_spaces(message)[:200]}") from None


def _timed_out(options: IngestOptions) -> str:
    return f"OCR timed out after {options.ocr_timeout_s:g} s on a page"


# Variables handed to the library for one reading and then set back to empty, their default.
_API_VARIABLES = frozenset({"tessedit_char_whitelist", "tessedit_char_blacklist"})


def _read_in_process(
    image: Image.Image, dpi: int, options: IngestOptions, psm: int, config: str, api: TesseractApiSettings
) -> dict | None:
    """The library's reading as pytesseract's columns, or None to run the command: the library is
    off or missing, the image is neither greyscale nor RGB, ``config`` holds more than ``-c`` of
    the variables above, or ``pytesseract.tesseract_cmd`` names another command than the default
    (a user's own Tesseract is honoured)."""
    if not api.in_process or image.mode not in ("L", "RGB"):
        return None
    if tesseract_module().pytesseract.tesseract_cmd != "tesseract":
        return None
    tokens = config.split()
    if len(tokens) % 2 or any(flag != "-c" for flag in tokens[::2]):
        return None
    variables = dict(token.partition("=")[::2] for token in tokens[1::2])
    if not set(variables) <= _API_VARIABLES:
        return None
    try:
        tsv = read_tsv(np.asarray(image), dpi, options.ocr_lang, psm, variables, options.ocr_timeout_s or 0, api)
    except ApiTimeout:
        raise IngestError(_timed_out(options)) from None
    return None if tsv is None else tsv_columns(tsv)

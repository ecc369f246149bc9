"""Tesseract's library in this process (``libtesseract``'s C API through ctypes): each language
model loaded once per process and kept, each image handed over as pixels.

Why: every ``tesseract`` command starts a process and loads the model again, ≈0.1-0.2 s of CPU a
call (benchmarks/ingest). A ruled scan page costs one page reading and up to four strip readings
(ocr_cells), so that start-up was most of what a scanned PDF adds to bare Tesseract. The library
is the one the command runs, with the same variables, and gives the same TSV: its words, boxes and
confidences are those of the command (checked by tests/test_tesseract_api.py on real scans).

When the library cannot be loaded or the model not initialised, ``read_tsv`` says so (None) and the
caller runs the command as before.
"""

from __future__ import annotations

import ctypes
import os
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

import numpy as np


@dataclass(frozen=True)
class TesseractApiSettings:
    # Off: every reading runs the ``tesseract`` command (a process and a model load per call).
    in_process: bool = True
    # The C API's library (Debian's libtesseract5, the one the tesseract-ocr command links).
    library: str = "libtesseract.so.5"
    # Tesseract's own messages ("Detected 812 diacritics", "Image too small to scale!!") go here,
    # not to our stderr: the command's stderr was swallowed by pytesseract the same way.
    debug_file: str = os.devnull
    # Leptonica (Tesseract's image library) prints its own errors ("box outside rectangle" on a
    # photo's page edge) to stderr unless told not to: silenced the same way when it is found.
    leptonica: str = "liblept.so.5"


class _Api:
    """One initialised TessBaseAPI (a language model loaded) and the lock that serialises its use:
    a handle is not safe to share between threads."""

    def __init__(self, lib: ctypes.CDLL, handle: int) -> None:
        self.lib = lib
        self.handle = handle
        self.lock = threading.Lock()


@lru_cache(maxsize=2)
def _library(name: str, leptonica: str) -> ctypes.CDLL | None:
    try:
        lib = ctypes.CDLL(name)
    except OSError:
        return None
    try:
        ctypes.CDLL(leptonica).setMsgSeverity(L_SEVERITY_NONE)
    except (OSError, AttributeError):
        pass  # its messages then reach stderr: nothing else changes
    vp, cp, i = ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int
    signatures = {
        "TessBaseAPICreate": ([], vp),
        "TessBaseAPIInit3": ([vp, cp, cp], i),
        "TessBaseAPISetVariable": ([vp, cp, cp], i),
        "TessBaseAPISetPageSegMode": ([vp, i], None),
        "TessBaseAPISetImage": ([vp, cp, i, i, i, i], None),
        "TessBaseAPIRecognize": ([vp, vp], i),
        "TessBaseAPIGetTsvText": ([vp, i], vp),
        "TessBaseAPIClear": ([vp], None),
        "TessBaseAPIDelete": ([vp], None),
        "TessDeleteText": ([vp], None),
        "TessMonitorCreate": ([], vp),
        "TessMonitorDelete": ([vp], None),
        "TessMonitorSetDeadlineMSecs": ([vp, i], None),
    }
    try:
        for fn, (args, result) in signatures.items():
            getattr(lib, fn).argtypes = args
            getattr(lib, fn).restype = result
    except AttributeError:  # an older library without part of the C API
        return None
    return lib


L_SEVERITY_NONE = 6  # leptonica's environ.h: no message printed


@lru_cache(maxsize=8)
def _api(library: str, leptonica: str, lang: str, debug_file: str, pid: int) -> _Api | None:
    """The initialised API of ``lang`` in process ``pid`` (a forked worker makes its own: a handle
    copied over from the parent is never used), or None when it cannot be had."""
    lib = _library(library, leptonica)
    if lib is None:
        return None
    handle = lib.TessBaseAPICreate()
    if not handle:
        return None
    lib.TessBaseAPISetVariable(handle, b"debug_file", debug_file.encode())
    if lib.TessBaseAPIInit3(handle, None, lang.encode()) != 0:
        lib.TessBaseAPIDelete(handle)
        return None
    return _Api(lib, handle)


class ApiTimeout(Exception):
    """The reading passed its deadline."""


def read_tsv(
    pixels: np.ndarray,
    dpi: int,
    lang: str,
    psm: int,
    variables: Mapping[str, str],
    timeout_s: float,
    settings: TesseractApiSettings = TesseractApiSettings(),
) -> str | None:
    """Tesseract's TSV (no header line) of a greyscale (h, w) or RGB (h, w, 3) uint8 image, read
    with page segmentation ``psm``, resolution ``dpi`` and Tesseract ``variables`` (each set for
    this reading only); None when the library is not to be or cannot be used. ``ApiTimeout``
    after ``timeout_s`` (0: no deadline)."""
    if not settings.in_process or pixels.dtype != np.uint8 or pixels.ndim not in (2, 3):
        return None
    api = _api(settings.library, settings.leptonica, lang, settings.debug_file, os.getpid())
    if api is None:
        return None
    lib, handle = api.lib, api.handle
    data = np.ascontiguousarray(pixels)
    height, width = data.shape[:2]
    depth = 1 if data.ndim == 2 else data.shape[2]
    with api.lock:
        lib.TessBaseAPISetPageSegMode(handle, int(psm))
        lib.TessBaseAPISetVariable(handle, b"user_defined_dpi", str(int(dpi)).encode())
        for name, value in variables.items():
            lib.TessBaseAPISetVariable(handle, name.encode(), value.encode())
        monitor = lib.TessMonitorCreate() if timeout_s else None
        try:
            if monitor:
                lib.TessMonitorSetDeadlineMSecs(monitor, int(timeout_s * 1000))
            lib.TessBaseAPISetImage(handle, data.tobytes(), width, height, depth, width * depth)
            if lib.TessBaseAPIRecognize(handle, monitor) != 0:
                raise ApiTimeout
            text = lib.TessBaseAPIGetTsvText(handle, 0)
            try:
                return ctypes.string_at(text).decode("utf-8", errors="replace") if text else ""
            finally:
                if text:
                    lib.TessDeleteText(text)
        finally:
            if monitor:
                lib.TessMonitorDelete(monitor)
            lib.TessBaseAPIClear(handle)
            for name in variables:  # back to Tesseract's default for the next reading
                lib.TessBaseAPISetVariable(handle, name.encode(), b"")


TSV_FIELDS = ("level", "page_num", "block_num", "par_num", "line_num", "word_num")


def tsv_columns(tsv: str) -> dict[str, list]:
    """The TSV as pytesseract's ``Output.DICT`` gives it: a list per column, the text a string,
    every other value an int — the confidence too, cut to a whole percent as pytesseract does
    (``int(float(...))``): the thresholds over confidences were set on those values."""
    names = (*TSV_FIELDS, "left", "top", "width", "height", "conf", "text")
    out: dict[str, list] = {name: [] for name in names}
    for line in tsv.splitlines():
        parts = line.split("\t")
        if len(parts) < len(names) - 1:
            continue
        parts += [""] * (len(names) - len(parts))
        for name, value in zip(names[:-2], parts):
            out[name].append(int(value))
        out["conf"].append(int(float(parts[-2])))
        out["text"].append(parts[-1])
    return out

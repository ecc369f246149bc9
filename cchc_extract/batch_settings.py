"""The settings of a batch and where it reports, apart from the batch itself so that the command
line reads them without importing the pipeline (``cchc-extract repair`` starts in a fraction of a
second)."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TextIO

from cchc_extract.i18n import DEFAULT_LANG

# What the batch tells a person: per-file problems (WARNING), the summary (INFO), each file as it is
# done (DEBUG). The command sets the level (-q, -v); ``run_convert(stream=...)`` sends it to a stream.
LOG = logging.getLogger("cchc_extract")


@dataclass(frozen=True)
class BatchSettings:
    workers: int = 0  # 0: one per CPU (Dask: one per CPU of a LocalCluster, or the scheduler's workers)
    timeout_s: float = 600.0  # per file (per page range of a split scan); 0 disables the watchdog
    force: bool = False  # convert even when the output is up to date
    progress: bool = False  # draw the progress bar even when stderr is not a terminal
    quiet: bool = False  # no progress bar even on a terminal (-q)
    lang: str = DEFAULT_LANG  # the summary line's language
    grace_s: float = 5.0  # how long a worker may take to stop when asked
    executor: str = "pool"  # pool: our own processes; dask: a dask.distributed cluster
    scheduler: str = ""  # dask: an existing scheduler's address; "" starts a LocalCluster
    # A scanned PDF of at least this many pages is read in page ranges on several workers (OCR is
    # ~2 s a page: fewer pages are not worth a second worker's start and the join).
    split_min_pages: int = 4
    # Page ranges per worker: more than one evens out pages that OCR slower than others.
    ranges_per_worker: int = 2
    # A batch of one small file of these formats is converted in the batch's own process, its
    # timeout kept by a timer: starting a worker cost more than converting a one-line text file.
    # They are read by our own Python code, no PDF, XML or image parser that hostile bytes could
    # crash; the size bound keeps its memory from ever costing the batch. DOCX (lxml), PDF
    # (pdfium) and images (OpenCV, Tesseract) always get a worker of their own.
    crash_safe_formats: frozenset[str] = frozenset({"txt", "md"})
    crash_safe_max_bytes: int = 1_000_000


@contextmanager
def log_to(stream: TextIO | None, level: int = logging.INFO) -> Iterator[None]:
    """The batch's messages on ``stream`` while the block runs (the API's and the tests' way to
    see them); with None, wherever the logging set-up sends them (the command's -q/-v)."""
    if stream is None:
        yield
        return
    handler = logging.StreamHandler(stream)
    handler.setFormatter(logging.Formatter("%(message)s"))
    saved = LOG.level, LOG.propagate
    LOG.addHandler(handler)
    LOG.setLevel(level)
    LOG.propagate = False
    try:
        yield
    finally:
        LOG.removeHandler(handler)
        LOG.setLevel(saved[0])
        LOG.propagate = saved[1]

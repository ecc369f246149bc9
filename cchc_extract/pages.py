"""The jobs of a batch: one per file, or, for a long scanned PDF, one per page range and a join.

OCR costs ~2 s a page on one core: a 100-page scan read page after page keeps one worker busy
for minutes while the others idle. Such a PDF is read in consecutive page ranges by several
workers (``PdfReader.read(path, pages)``); when the last range is back, a join job numbers the
lines on as the whole reading does (``join_ranges``) and runs the rest of the pipeline, so the
output is the same JSON as one worker's. A range that crashes or runs past the timeout fails its
file, with the same error record as a whole-file job.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from cchc_extract.crops import CropPart, crop_pages, has_pages
from cchc_extract.executors import Done, Job
from cchc_extract.outdir import relative_to_out
from cchc_extract.pipeline import PipelineOptions, _format_of, convert_file, one_line, result_to_json, write_json
from cchc_extract.progress import FileOutcome
from extract.base import IngestError, IngestOptions
from extract.model import IngestedDocument

if TYPE_CHECKING:
    from cchc_extract.batch import BatchSettings, InputFile


@dataclass
class RangeRead:
    """What one page range gave: its pages, or why it could not be read."""

    doc: IngestedDocument | None = None
    error: str = ""


def read_range(path: Path, first: int, stop: int, options: IngestOptions, debug: bool = False) -> RangeRead:
    """Pages ``first``..``stop - 1`` of a PDF (a job): errors as values, like the ingest stage."""
    from extract.pdf_reader import PdfReader

    try:
        return RangeRead(PdfReader(options).read(path, range(first, stop)))
    except IngestError as exc:
        return RangeRead(error=one_line(exc))
    except Exception as exc:  # noqa: BLE001  the ingest stage's error record, as a whole reading gives it
        import traceback

        return RangeRead(error=one_line(exc) + ("\n" + traceback.format_exc() if debug else ""))


def convert_joined(item: InputFile, out_dir: Path, options: PipelineOptions, parts: list[RangeRead]) -> FileOutcome:
    """The rest of the pipeline on the joined ranges, and the output JSON written (a job)."""
    from cchc_extract.batch import outcome_of, output_path
    from extract.pdf_reader import join_ranges

    def read(path: Path, ingest_options: IngestOptions) -> IngestedDocument:
        failed = next((p.error for p in parts if p.doc is None), None)
        if failed is not None:
            raise IngestError(failed)
        return join_ranges([p.doc for p in parts if p.doc is not None])

    started = time.perf_counter()
    try:
        data = result_to_json(convert_file(item.path, item.relative, options, read))
        write_json(data, output_path(out_dir, item), out_dir)
    except Exception as exc:  # e.g. the output folder is not writable
        return FileOutcome(item.relative, "failed", errors=[f"emit: {one_line(exc)}"])
    outcome = outcome_of(data, item.relative)
    outcome.seconds = time.perf_counter() - started
    return outcome


def scan_pages(path: Path, min_text_chars: int) -> int:
    """The page count of a PDF whose first page has no text layer (a scan), else 0. A guess for
    planning only: each page is still read as its own text layer says."""
    if path.suffix.lower() != ".pdf":
        return 0
    try:
        import pypdfium2 as pdfium

        doc = pdfium.PdfDocument(str(path))
        try:
            if len(doc) == 0:
                return 0
            text = doc[0].get_textpage().get_text_range()
            return len(doc) if len(text.strip()) < min_text_chars else 0
        finally:
            doc.close()
    except Exception:  # noqa: BLE001  a PDF pdfium cannot open: read whole, where its error is recorded
        return 0


def _crash_safe(item: InputFile, settings: BatchSettings) -> bool:
    """The file may be converted in the batch's own process (``BatchSettings.crash_safe_formats``)."""
    if item.refused or _format_of(item.path) not in settings.crash_safe_formats:
        return False
    try:
        return item.path.stat().st_size <= settings.crash_safe_max_bytes
    except OSError:
        return False


def page_ranges(pages: int, pieces: int) -> list[range]:
    """``pages`` cut into at most ``pieces`` consecutive ranges of near-equal length."""
    size = math.ceil(pages / max(1, pieces))
    return [range(a, min(a + size, pages)) for a in range(0, pages, size)]


@dataclass
class _Split:
    item: InputFile
    parts: list[RangeRead | None]
    seconds: float = 0.0
    failed: bool = False


@dataclass
class _Crops:
    json_relative: str
    parts: list[CropPart | None]
    failed: bool = False


@dataclass
class PagePlan:
    """The jobs of each input, and what each finished job means for its file."""

    out_dir: Path
    options: PipelineOptions
    settings: BatchSettings
    workers: int
    _files: dict[str, InputFile] = field(default_factory=dict)  # whole-file and join jobs
    _ranges: dict[str, tuple[_Split, int]] = field(default_factory=dict)  # range job → its split, index
    _read_s: dict[str, float] = field(default_factory=dict)  # a joined file's seconds reading its ranges
    _page_ranges: dict[str, list[range]] = field(default_factory=dict)  # a split file's ranges
    _crop_jobs: dict[str, tuple[_Crops, int]] = field(default_factory=dict)  # crop job → its document, index
    # The crops the jobs cut, per document JSON (relative to OUT): ``record_crops`` keeps them.
    crops: dict[str, list[CropPart]] = field(default_factory=dict)

    def jobs(self, item: InputFile) -> list[Job]:
        from cchc_extract.batch import convert_one

        timeout = self.settings.timeout_s
        pages = scan_pages(item.path, self.options.ingest.min_text_chars) if self.workers > 1 else 0
        if pages < max(2, self.settings.split_min_pages):
            self._files[item.relative] = item
            crash_safe = _crash_safe(item, self.settings)
            return [Job(item.relative, convert_one, (item, self.out_dir, self.options), timeout, crash_safe)]
        ranges = page_ranges(pages, self.workers * self.settings.ranges_per_worker)
        self._page_ranges[item.relative] = ranges
        split = _Split(item, [None] * len(ranges))
        jobs = []
        for n, pages_of in enumerate(ranges):
            key = f"{item.relative}#pages {pages_of.start + 1}-{pages_of.stop}"
            self._ranges[key] = (split, n)
            args = (item.path, pages_of.start, pages_of.stop, self.options.ingest, self.options.debug)
            jobs.append(Job(key, read_range, args, timeout))
        return jobs

    def done(self, done: Done) -> tuple[FileOutcome | None, list[Job]]:
        """The outcome of a file this job finished (None while its other ranges run), and the
        jobs it leads to (the join after the last range)."""
        from cchc_extract.batch import write_error_record

        key = done.job.key
        if key in self._crop_jobs:
            self._crop_done(done)
            return None, []
        if key in self._files:
            item = self._files.pop(key)
            ranges = self._page_ranges.pop(key, None)
            if done.failure:
                return write_error_record(item, self.out_dir, done.failure, done.seconds), []
            outcome: FileOutcome = done.value
            outcome.seconds += self._read_s.pop(key, 0.0)
            return outcome, self._crop_jobs_of(item, outcome, ranges)
        split, n = self._ranges.pop(key)
        split.seconds += done.seconds
        if split.failed:  # the file already has its error record
            return None, []
        if done.failure:
            split.failed = True
            return write_error_record(split.item, self.out_dir, done.failure, split.seconds), []
        split.parts[n] = done.value
        if any(p is None for p in split.parts):
            return None, []
        item = split.item
        self._files[item.relative] = item
        self._read_s[item.relative] = split.seconds
        parts = [p for p in split.parts if p is not None]
        args = (item, self.out_dir, self.options, parts)
        return None, [Job(item.relative, convert_joined, args, self.settings.timeout_s)]

    def _crop_jobs_of(self, item: InputFile, outcome: FileOutcome, ranges: list[range] | None) -> list[Job]:
        """The review crops of a converted PDF or image, cut by the workers (a long scan's by
        page range, each on a worker) instead of by the batch's process after the run."""
        from cchc_extract.batch import output_path

        if outcome.status != "converted" or not outcome.review or item.refused or not has_pages(item.path):
            return []
        json_path = output_path(self.out_dir, item)
        pieces: list[range | None] = list(ranges) if ranges else [None]
        crops = _Crops(relative_to_out(self.out_dir, json_path), [None] * len(pieces))
        jobs = []
        for n, pages_of in enumerate(pieces):
            key = f"{item.relative}#crops" + (f" {pages_of.start + 1}-{pages_of.stop}" if pages_of else "")
            self._crop_jobs[key] = (crops, n)
            jobs.append(Job(key, crop_pages, (self.out_dir, json_path, item.path, pages_of), self.settings.timeout_s))
        return jobs

    def _crop_done(self, done: Done) -> None:
        crops, n = self._crop_jobs.pop(done.job.key)
        if done.failure or not isinstance(done.value, CropPart):
            crops.failed = True  # the refresh cuts this document's crops
            return
        crops.parts[n] = done.value
        if not crops.failed and all(p is not None for p in crops.parts):
            self.crops[crops.json_relative] = [p for p in crops.parts if p is not None]

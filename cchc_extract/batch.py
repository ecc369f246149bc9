"""Converting many inputs: finding them, naming their outputs, planning the jobs, keeping the summary.

Each file is a job run by an executor (cchc_extract/executors.py: our own process pool, or a Dask
cluster); a long scanned PDF is split into page-range jobs that run on several workers and are
joined in page order (cchc_extract/pages.py). A file whose job crashes or runs past ``--timeout``
gets an error record and the batch goes on. Outputs already up to date (same input sha256, same
pipeline version) are skipped unless forced. After the run the dashboard tables and the review
files are brought up to date (cchc_extract/refresh.py); Ctrl-C stops the conversions and still
writes the summary and the tables of what finished.
"""

from __future__ import annotations

import json
import logging
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from cchc_extract.batch_settings import LOG, BatchSettings, log_to
from cchc_extract.executors import Done, Executor, ExecutorSettings, Job, make_executor, peak_rss_mb
from cchc_extract.outdir import OutputError, check_target, load_manifest, record_outputs, relative_to_out, reserved_name
from cchc_extract.pipeline import (
    PipelineOptions,
    _format_of,
    convert_file,
    file_sha256,
    one_line,
    result_to_json,
    write_json,
)
from cchc_extract.progress import BatchSummary, FileOutcome, Progress, summary_text
from cchc_extract.refresh import refresh_outputs
from extract.base import supported_extensions
from schemas.records import PIPELINE_VERSION, ErrorRecord, ExtractionResult, SourceInfo

SUMMARY_NAME = "summary.json"
__all__ = ["BatchSettings", "BatchSummary", "FileOutcome", "InputFile", "collect_inputs", "run_convert"]


@dataclass(frozen=True)
class InputFile:
    path: Path
    relative: str  # path relative to the folder it was given in; the output is OUT/<relative>.json
    refused: str = ""  # why it is not read (a symlink out of its folder): its error record's message


def collect_inputs(inputs: list[Path], exclude: Path | None = None) -> list[InputFile]:
    """The inputs to convert (``walk_inputs`` without the files it skips)."""
    return walk_inputs(inputs, exclude)[0]


def walk_inputs(inputs: list[Path], exclude: Path | None = None) -> tuple[list[InputFile], list[str]]:
    """Files as given, and folders walked recursively for the extensions we read; and the files of
    those folders left out for their extension (paths as given), so the summary can count and name
    them. A file given by name is taken whatever its extension (so it gets its own 'unsupported'
    error record). ``exclude`` (the output folder) is never walked into. Hidden files and Office's
    lock files (``~$``) are neither taken nor counted."""
    found: list[InputFile] = []
    skipped: list[str] = []
    exts = supported_extensions()
    skip = exclude.resolve() if exclude is not None else None
    for item in inputs:
        if item.is_dir():
            # Only an output folder strictly inside this one is left out (outputs written next
            # to their inputs are .json, which no reader takes).
            inner = (
                skip if skip is not None and skip != item.resolve() and skip.is_relative_to(item.resolve()) else None
            )
            root = item.resolve()
            for p in sorted(item.rglob("*")):
                if inner is not None and p.resolve().is_relative_to(inner):
                    continue
                if not p.is_file() or p.name.startswith((".", "~$")):
                    continue
                if p.suffix.lower() not in exts:
                    skipped.append(p.as_posix())
                    continue
                # A symlink out of the folder is not followed: the folder is what was given.
                outside = not p.resolve().is_relative_to(root)
                found.append(
                    InputFile(
                        p,
                        p.relative_to(item).as_posix(),
                        "a symlink to a file outside the input folder; not followed" if outside else "",
                    )
                )
        else:
            found.append(InputFile(item, item.name))
    return found, skipped


def output_path(out_dir: Path, item: InputFile) -> Path:
    return out_dir / (item.relative + ".json")


def outcome_of(data: dict, file: str, up_to_date: bool = False) -> FileOutcome:
    """The batch's view of one output document: failed when it could not be read at all."""
    errors = [
        f"{e.get('stage', '')}: {e.get('message', '').splitlines()[0] if e.get('message') else ''}"
        for e in data.get("errors", [])
    ]
    failed = any(e.get("stage") == "ingest" for e in data.get("errors", []))
    source = data.get("source", {})
    return FileOutcome(
        file=file,
        status="failed" if failed else "converted",
        up_to_date=up_to_date,
        format=source.get("format", ""),
        method=source.get("method", ""),
        pages=source.get("pages", 0),
        mismatches=sum(c.get("status") == "mismatch" for c in data.get("checks", [])),
        misreads=sum(c.get("status") == "misread" for c in data.get("checks", [])),
        review=len(data.get("review", [])),
        unread=len(data.get("unread", [])),
        short=short_sums(data.get("checks", [])),
        errors=errors,
    )


def short_sums(checks: list[dict]) -> int:
    """Sums of a document the rows read fall short of: its coverage checks (one per table), else
    its checks made ``incomplete`` by rows not read."""
    coverage = sum(c.get("kind") == "coverage" for c in checks)
    return coverage or sum(c.get("status") == "incomplete" for c in checks)


def output_problem(item: InputFile, out_dir: Path, owned: set[str]) -> str:
    """Why the output of ``item`` cannot be written, or "": among our own outputs' names, out of
    ``out_dir`` through a symlink, or over a file this tool did not write."""
    out = output_path(out_dir, item)
    relative = relative_to_out(out_dir, out)
    name = reserved_name(relative)
    if name is not None:
        return (
            f"its output would be {relative}, among this tool's own '{name}' outputs; "
            f"convert that folder on its own or rename it"
        )
    try:
        check_target(out_dir, out)
    except OutputError as exc:
        return str(exc)
    if (out.exists() or out.is_symlink()) and relative not in owned:
        return f"{out} exists and was not written by cchc-extract; not overwritten"
    return ""


def current_output(item: InputFile, out_dir: Path) -> dict | None:
    """The existing output of ``item`` when it was made from the same bytes by this pipeline version."""
    out = output_path(out_dir, item)
    try:
        data = json.loads(out.read_text(encoding="utf-8"))
        source_sha = data["source"]["sha256"]
        version = data["pipeline_version"]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    try:
        same = source_sha == file_sha256(item.path) and version == PIPELINE_VERSION
    except OSError:
        return None
    return data if same else None


def convert_one(item: InputFile, out_dir: Path, options: PipelineOptions) -> FileOutcome:
    """Convert one input and write its JSON: a job of the executors."""
    started = time.perf_counter()
    try:
        data = result_to_json(convert_file(item.path, item.relative, options))
        write_json(data, output_path(out_dir, item), out_dir)
    except Exception as exc:  # e.g. the output folder is not writable
        seconds = time.perf_counter() - started
        return FileOutcome(file=item.relative, status="failed", errors=[f"emit: {one_line(exc)}"], seconds=seconds)
    outcome = outcome_of(data, item.relative)
    outcome.seconds = time.perf_counter() - started
    return outcome


def write_error_record(item: InputFile, out_dir: Path, message: str, seconds: float) -> FileOutcome:
    """The output of a file whose worker died or timed out: its source and the reason."""
    result = ExtractionResult(
        source=SourceInfo(path=item.relative, format=_format_of(item.path)),
        errors=[ErrorRecord(stage="ingest", message=message)],
    )
    try:
        if not item.refused:  # a refused file is not read at all
            result.source.sha256 = file_sha256(item.path)
    except OSError:
        pass
    data = result_to_json(result)
    write_json(data, output_path(out_dir, item), out_dir)
    outcome = outcome_of(data, item.relative)
    outcome.seconds = seconds
    return outcome


def longest_first(items: list[InputFile]) -> list[InputFile]:
    """The largest inputs first, so no slow scan is left to finish alone while the other workers
    idle (longest-processing-time scheduling). Size is the estimate: benchmarks/batch measured
    12–50 µs per byte for every ingest path, OCR'd scans included."""

    def size(item: InputFile) -> int:
        try:
            return item.path.stat().st_size
        except OSError:
            return 0

    return sorted(items, key=size, reverse=True)


def run_convert(
    inputs: list[Path],
    out_dir: Path,
    options: PipelineOptions,
    settings: BatchSettings = BatchSettings(),
    stream: TextIO | None = None,
) -> BatchSummary:
    """Convert every input into ``out_dir``, then bring the tables and review files there up to date.
    Messages go to ``stream`` when given, else to the ``cchc_extract`` logger's handlers; the
    progress bar to ``stream`` or standard error."""
    with log_to(stream):
        return _run_convert(inputs, out_dir, options, settings, stream or sys.stderr)


def run_pool(
    items: list[InputFile],
    out_dir: Path,
    options: PipelineOptions,
    settings: BatchSettings,
    on_outcome: Callable[[FileOutcome], None],
    executor: Executor | None = None,
    on_peak: Callable[[float], None] = lambda mb: None,
) -> None:
    """Convert ``items`` (longest first) on the settings' executor, a long scan in page ranges,
    calling ``on_outcome`` as each file is done: the batch's conversions without its bookkeeping
    (the benchmarks convert a corpus through it)."""
    from cchc_extract.crops import record_crops
    from cchc_extract.pages import PagePlan

    if executor is None:
        executor = make_executor(
            settings.executor,
            ExecutorSettings(workers=settings.workers, grace_s=settings.grace_s, scheduler=settings.scheduler),
        )
    plan = PagePlan(out_dir, options, settings, executor.workers)

    def on_done(done: Done) -> Iterable[Job]:
        on_peak(done.peak_rss_mb)
        outcome, more = plan.done(done)
        if outcome is not None:
            on_outcome(outcome)
        return more

    try:
        executor.run((job for item in longest_first(items) for job in plan.jobs(item)), on_done)
    finally:  # the crops cut so far are kept, an interrupted run's too (the refresh cuts the rest)
        try:
            record_crops(out_dir, plan.crops)
        except (OSError, OutputError) as exc:
            LOG.warning(f"cchc-extract: could not record the review crops: {one_line(exc)}")


def _run_convert(
    inputs: list[Path], out_dir: Path, options: PipelineOptions, settings: BatchSettings, stream: TextIO
) -> BatchSummary:
    started = time.monotonic()
    executor = make_executor(
        settings.executor,
        ExecutorSettings(workers=settings.workers, grace_s=settings.grace_s, scheduler=settings.scheduler),
    )
    summary = BatchSummary(workers=executor.workers, executor=settings.executor)
    items, skipped = walk_inputs(inputs, exclude=out_dir)
    summary.files = len(items)
    summary.skipped, summary.skipped_files = len(skipped), skipped
    out_dir.mkdir(parents=True, exist_ok=True)
    owned = load_manifest(out_dir).files
    todo: list[InputFile] = []
    refused: list[InputFile] = []
    sources: list[InputFile] = []  # the inputs whose outputs are ours to write
    for item in items:
        problem = output_problem(item, out_dir, owned)
        if problem:  # nowhere to write its error record: reported in the summary only
            summary.add(FileOutcome(file=item.relative, status="failed", errors=[f"emit: {problem}"]))
            LOG.warning(f"{item.relative}: emit: {problem}")
            continue
        owned_now = relative_to_out(out_dir, output_path(out_dir, item)) in owned
        data = None if settings.force or item.refused or not owned_now else current_output(item, out_dir)
        if data is not None:
            summary.add(outcome_of(data, item.relative, up_to_date=True))
        else:
            (refused if item.refused else todo).append(item)
        if not item.refused:
            sources.append(item)
        del data  # an up-to-date output is summed up, not kept
    # Claimed before they are written: a run killed midway still owns what it wrote.
    # The inputs are remembered too (page crops are cut from them), up-to-date ones included.
    record_outputs(
        out_dir,
        [output_path(out_dir, item) for item in refused + todo],
        {output_path(out_dir, item): item.path for item in sources},
    )
    progress = Progress(len(todo) + len(refused), stream, not settings.quiet and (settings.progress or stream.isatty()))

    def finished(outcome: FileOutcome) -> None:
        summary.add(outcome)
        for error in outcome.errors:
            progress.note(f"{outcome.file}: {error}")
        progress.note(f"{outcome.file}: {outcome.status} in {outcome.seconds:.1f} s", logging.DEBUG)
        progress.advance(outcome.file)

    def peak(mb: float) -> None:
        summary.peak_rss_mb = max(summary.peak_rss_mb, mb)

    progress.draw()
    try:
        for item in refused:
            finished(write_error_record(item, out_dir, item.refused, 0.0))
        run_pool(todo, out_dir, options, settings, finished, executor=executor, on_peak=peak)
        summary.workers = executor.workers  # a Dask scheduler's, known once connected
    except KeyboardInterrupt:
        summary.interrupted = True
        progress.note(
            f"cchc-extract: interrupted; {len(summary.outcomes)} of {summary.files} files done, "
            f"writing the summary and the tables of those"
        )
    finally:
        progress.close()
    summary.seconds = round(time.monotonic() - started, 3)
    summary.outcomes.sort(key=lambda o: o.file)
    summary.output_error = refresh_outputs(out_dir, settings.lang)
    summary.parent_peak_rss_mb = peak_rss_mb()
    # A run that converted nothing (every output already up to date) keeps the summary of the run
    # that did: its times and memory are the batch's figures, not this run's 0 s.
    converted_now = bool(todo or refused) or summary.interrupted
    try:
        if converted_now or summary.output_error or not (out_dir / SUMMARY_NAME).is_file():
            write_json(summary.to_json(), out_dir / SUMMARY_NAME, out_dir)
    except (OSError, OutputError, ValueError) as exc:
        summary.output_error = summary.output_error or f"could not write {SUMMARY_NAME}: {one_line(exc)}"
        LOG.error(f"cchc-extract: {summary.output_error}")
    LOG.info(summary_text(summary, settings.lang))
    return summary

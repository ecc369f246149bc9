"""Converting many inputs: finding them, naming their outputs, running the pipeline on each.

Each file is converted in a worker process of our own pool, so a file that crashes the
interpreter or runs past ``--timeout`` costs only its worker: the parent kills it, writes that
file an error record and starts a fresh worker. Workers die with the batch (even a ``kill -9``
of it). Outputs already up to date (same input sha256, same pipeline version) are skipped unless
forced. After the run the dashboard tables and the review files are rebuilt from every JSON this
tool wrote in the output folder (its manifest, cchc_extract/outdir.py); Ctrl-C stops the
conversions and still writes the summary and the tables of what finished.
"""

from __future__ import annotations

import json
import logging
import multiprocessing
import os
import signal
import sys
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import TextIO

from cchc_extract.i18n import DEFAULT_LANG, translator
from cchc_extract.lifeline import die_with_parent
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
from cchc_extract.records import PIPELINE_VERSION, ErrorRecord, ExtractionResult, SourceInfo
from extract.base import supported_extensions

SUMMARY_NAME = "summary.json"
# What the batch tells a person: per-file problems (WARNING), the summary (INFO), each file as it is
# done (DEBUG). The command sets the level (-q, -v); ``run_convert(stream=...)`` sends it to a stream.
LOG = logging.getLogger("cchc_extract")


@dataclass(frozen=True)
class BatchSettings:
    workers: int = 0  # 0: one per CPU
    timeout_s: float = 600.0  # per file; 0 disables the watchdog
    force: bool = False  # convert even when the output is up to date
    progress: bool = False  # draw the progress bar even when stderr is not a terminal
    quiet: bool = False  # no progress bar even on a terminal (-q)
    lang: str = DEFAULT_LANG  # the summary line's language
    grace_s: float = 5.0  # how long a worker may take to stop when asked


@dataclass(frozen=True)
class InputFile:
    path: Path
    relative: str  # path relative to the folder it was given in; the output is OUT/<relative>.json
    refused: str = ""  # why it is not read (a symlink out of its folder): its error record's message


@dataclass
class FileOutcome:
    """What became of one input, read back from its output JSON."""

    file: str
    status: str  # converted | failed
    up_to_date: bool = False  # skipped: its output was already current
    format: str = ""
    method: str = ""
    pages: int = 0
    mismatches: int = 0  # checks with status mismatch: the document's own numbers disagree
    misreads: int = 0  # checks with status misread: a value we may have read wrong (not the commune's fault)
    review: int = 0  # rows sent to review
    unread: int = 0  # parts of the document that gave no data (tables, pages, rows): see its "unread"
    errors: list[str] = field(default_factory=list)  # "stage: message"
    seconds: float = 0.0


@dataclass
class BatchSummary:
    files: int = 0
    converted: int = 0
    up_to_date: int = 0
    with_mismatches: int = 0
    mismatches: int = 0  # the documents' faults, over all documents
    misreads: int = 0  # findings explained by a value we may have misread, over all documents
    failed: int = 0
    review_rows: int = 0
    with_unread: list[str] = field(default_factory=list)  # documents with parts not read
    # Files of the given folders not converted for their extension (a spreadsheet, a .json...).
    skipped: int = 0
    skipped_files: list[str] = field(default_factory=list)
    seconds: float = 0.0
    workers: int = 0
    peak_rss_mb: float = 0.0  # largest worker's resident memory
    interrupted: bool = False  # stopped by Ctrl-C: the files not done are not in the outcomes
    output_error: str = ""  # the tables or review files could not be written (the previous set stands)
    failures: list[tuple[str, str]] = field(default_factory=list)
    outcomes: list[FileOutcome] = field(default_factory=list)

    def add(self, outcome: FileOutcome) -> None:
        self.outcomes.append(outcome)
        self.up_to_date += outcome.up_to_date
        self.review_rows += outcome.review
        if outcome.status == "failed":
            self.failed += 1
            self.failures.append((outcome.file, outcome.errors[0] if outcome.errors else "failed"))
            return
        self.converted += 1
        self.with_mismatches += outcome.mismatches > 0
        self.mismatches += outcome.mismatches
        self.misreads += outcome.misreads
        if outcome.unread:
            self.with_unread.append(outcome.file)

    def to_json(self) -> dict:
        data = asdict(self)
        data["pipeline_version"] = PIPELINE_VERSION
        data["failures"] = [{"file": f, "message": m} for f, m in self.failures]
        return data


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
        errors=errors,
    )


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
    """Convert one input and write its JSON; used by the workers."""
    started = time.perf_counter()
    data = result_to_json(convert_file(item.path, item.relative, options))
    write_json(data, output_path(out_dir, item), out_dir)
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


# --- the worker pool --------------------------------------------------------------------------


def _worker_main(conn, out_dir: Path, options: PipelineOptions, parent_pid: int, inherited: list) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    die_with_parent(parent_pid)
    # Pipe ends forked from the parent (this worker's own other end, the other workers'): held
    # open here they would keep the parent's side from ever seeing this worker's end-of-file.
    for other in inherited:
        other.close()
    while True:
        try:
            task = conn.recv()
        except EOFError:
            return
        if task is None:
            return
        item: InputFile = task
        started = time.perf_counter()
        try:
            outcome = convert_one(item, out_dir, options)
        except Exception as exc:  # e.g. the output folder is not writable
            outcome = FileOutcome(
                file=item.relative,
                status="failed",
                errors=[f"emit: {one_line(exc)}"],
                seconds=time.perf_counter() - started,
            )
        conn.send(outcome)


@dataclass
class _Worker:
    process: multiprocessing.process.BaseProcess
    conn: Connection
    item: InputFile | None = None
    started: float = 0.0


def _mp_context():
    # fork: workers inherit the loaded modules (and a test's monkeypatches); spawn elsewhere.
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


def _start_worker(ctx, out_dir: Path, options: PipelineOptions, others: Sequence[_Worker] = ()) -> _Worker:
    parent_conn, child_conn = ctx.Pipe(duplex=True)
    # Only a forked child inherits the parent's pipe ends (spawn passes just the arguments).
    inherited = [parent_conn] + [w.conn for w in others] if ctx.get_start_method() == "fork" else []
    process = ctx.Process(target=_worker_main, args=(child_conn, out_dir, options, os.getpid(), inherited), daemon=True)
    process.start()
    child_conn.close()
    return _Worker(process, parent_conn)


def _stop(worker: _Worker, grace_s: float) -> None:
    try:
        worker.conn.send(None)
    except (OSError, ValueError):
        pass
    worker.process.join(grace_s)
    if worker.process.is_alive():
        worker.process.kill()
        worker.process.join()
    worker.conn.close()


def _kill(worker: _Worker) -> None:
    worker.process.kill()
    worker.process.join()
    worker.conn.close()


def _death_message(worker: _Worker) -> str:
    code = worker.process.exitcode
    if code is not None and code < 0:
        try:
            name = signal.Signals(-code).name
        except ValueError:
            name = f"signal {-code}"
        return f"the conversion crashed ({name}); the rest of the batch went on"
    return f"the conversion stopped its process (exit code {code}); the rest of the batch went on"


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


def run_pool(
    items: list[InputFile],
    out_dir: Path,
    options: PipelineOptions,
    settings: BatchSettings,
    on_done: Callable[[FileOutcome], None],
) -> None:
    """Convert ``items`` on ``settings.workers`` processes, calling ``on_done`` as each finishes."""
    if not items:
        return
    ctx = _mp_context()
    queue = deque(longest_first(items))
    count = min(settings.workers or os.cpu_count() or 1, len(items))
    workers: list[_Worker] = []
    for _ in range(count):
        workers.append(_start_worker(ctx, out_dir, options, workers))
    interrupted = False
    try:
        while True:
            for i, worker in enumerate(workers):
                if worker.item is None and queue:
                    worker.item, worker.started = queue.popleft(), time.monotonic()
                    try:
                        worker.conn.send(worker.item)
                    except (OSError, ValueError):  # died between tasks: replace, and retry the task
                        queue.appendleft(worker.item)
                        _kill(worker)
                        workers[i] = _start_worker(ctx, out_dir, options, _others(workers, worker))
            busy = [w for w in workers if w.item is not None]
            if not busy:
                return
            timeout = None
            if settings.timeout_s > 0:
                timeout = max(0.0, min(w.started for w in busy) + settings.timeout_s - time.monotonic())
            waited: list[Connection | int] = [w.conn for w in busy]
            ready = set(wait(waited + [w.process.sentinel for w in busy], timeout))
            now = time.monotonic()
            for worker in busy:
                i = workers.index(worker)
                item = worker.item
                assert item is not None  # busy: it has an item
                if worker.conn in ready:
                    try:
                        on_done(worker.conn.recv())
                        worker.item = None
                        continue
                    except (EOFError, OSError):
                        pass  # died: handled below as a crash
                if worker.conn in ready or worker.process.sentinel in ready:
                    worker.process.join()
                    message = _death_message(worker)
                elif settings.timeout_s > 0 and now - worker.started >= settings.timeout_s:
                    message = f"the conversion took longer than {settings.timeout_s:g} s (--timeout) and was stopped"
                else:
                    continue
                _kill(worker)
                workers[i] = _start_worker(ctx, out_dir, options, _others(workers, worker))
                on_done(write_error_record(item, out_dir, message, now - worker.started))
    except KeyboardInterrupt:
        interrupted = True
        raise
    finally:
        for worker in workers:
            if interrupted:  # no conversion is waited for
                _kill(worker)
            else:
                _stop(worker, settings.grace_s)


def _others(workers: list[_Worker], replaced: _Worker) -> list[_Worker]:
    return [w for w in workers if w is not replaced]


# --- progress and summary ---------------------------------------------------------------------


class Progress:
    """A one-line progress bar on a terminal: files done/total, elapsed, ETA."""

    def __init__(self, total: int, stream: TextIO, enabled: bool, width: int = 28) -> None:
        self.total, self.stream, self.enabled, self.width = total, stream, enabled and total > 0, width
        self.done = 0
        self.started = time.monotonic()

    def advance(self, name: str = "") -> None:
        self.done += 1
        self.draw(name)

    def draw(self, name: str = "") -> None:
        if not self.enabled:
            return
        elapsed = time.monotonic() - self.started
        filled = int(self.width * self.done / self.total)
        eta = elapsed / self.done * (self.total - self.done) if self.done else None
        line = (
            f"[{'#' * filled}{'.' * (self.width - filled)}] {self.done}/{self.total} files"
            f"  {format_duration(elapsed)}  ETA {format_duration(eta) if eta is not None else '?'}"
        )
        if name:
            line += f"  {name[-40:]}"
        self.stream.write("\r" + line + "\x1b[K")
        self.stream.flush()

    def note(self, message: str, level: int = logging.WARNING) -> None:
        """A message above the bar, through the log (the bar is redrawn after it)."""
        if self.enabled:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
        LOG.log(level, message)
        self.draw()

    def close(self) -> None:
        if self.enabled:
            self.stream.write("\n")
            self.stream.flush()


def format_duration(seconds: float) -> str:
    seconds = int(round(seconds))
    if seconds < 60:
        return f"{seconds}s"
    minutes, seconds = divmod(seconds, 60)
    if minutes < 60:
        return f"{minutes}m{seconds:02d}s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours}h{minutes:02d}m"


def summary_text(summary: BatchSummary, lang: str = DEFAULT_LANG) -> str:
    _ = translator(lang)
    head = "cchc-extract: " + _(
        "{files} files in {time}: {converted} converted ({up_to_date} already up to date), "
        "{with_mismatches} with mismatches ({mismatches} in all; {misreads} more explained by values we may "
        "have misread), {failed} failed, {review} rows sent to review"
    ).format(
        files=summary.files,
        time=format_duration(summary.seconds),
        converted=summary.converted,
        up_to_date=summary.up_to_date,
        with_mismatches=summary.with_mismatches,
        mismatches=summary.mismatches,
        misreads=summary.misreads,
        failed=summary.failed,
        review=summary.review_rows,
    )
    if summary.with_unread:
        head += _(", {n} with parts not read").format(n=len(summary.with_unread))
    if summary.skipped:
        head += _(", {n} files skipped (not a format we read)").format(n=summary.skipped)
    lines = [head] + ["  " + _("failed: {file}: {message}").format(file=f, message=m) for f, m in summary.failures]
    lines += [
        "  "
        + _('not all read: {file}: {n} part(s), see its "unread" and the review queue').format(file=o.file, n=o.unread)
        for o in summary.outcomes
        if o.unread and o.file in summary.with_unread
    ]
    lines += ["  " + _("skipped: {file}").format(file=f) for f in summary.skipped_files]
    if summary.interrupted:
        lines.append("  " + _("interrupted: {n} files not converted").format(n=summary.files - len(summary.outcomes)))
    if summary.output_error:
        lines.append("  " + _("not complete: {error}").format(error=summary.output_error))
    return "\n".join(lines)


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


def peak_child_rss_mb() -> float:
    import resource

    kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # KiB on Linux
    return round(kb / 1024, 1)


def run_convert(
    inputs: list[Path],
    out_dir: Path,
    options: PipelineOptions,
    settings: BatchSettings = BatchSettings(),
    stream: TextIO | None = None,
) -> BatchSummary:
    """Convert every input into ``out_dir``, then rebuild the tables and review files there.
    Messages go to ``stream`` when given, else to the ``cchc_extract`` logger's handlers; the
    progress bar to ``stream`` or standard error."""
    with log_to(stream):
        return _run_convert(inputs, out_dir, options, settings, stream or sys.stderr)


def _run_convert(
    inputs: list[Path], out_dir: Path, options: PipelineOptions, settings: BatchSettings, stream: TextIO
) -> BatchSummary:
    started = time.monotonic()
    summary = BatchSummary(workers=settings.workers or os.cpu_count() or 1)
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
    # Claimed before they are written: a run killed midway still owns what it wrote.
    # The inputs are remembered too (page crops are cut from them), up-to-date ones included.
    record_outputs(
        out_dir,
        [output_path(out_dir, item) for item in refused + todo],
        {output_path(out_dir, item): item.path for item in sources},
    )
    progress = Progress(len(todo) + len(refused), stream, not settings.quiet and (settings.progress or stream.isatty()))

    def done(outcome: FileOutcome) -> None:
        summary.add(outcome)
        for error in outcome.errors:
            progress.note(f"{outcome.file}: {error}")
        progress.note(f"{outcome.file}: {outcome.status} in {outcome.seconds:.1f} s", logging.DEBUG)
        progress.advance(outcome.file)

    progress.draw()
    try:
        for item in refused:
            done(write_error_record(item, out_dir, item.refused, 0.0))
        run_pool(todo, out_dir, options, settings, done)
    except KeyboardInterrupt:
        summary.interrupted = True
        progress.note(
            f"cchc-extract: interrupted; {len(summary.outcomes)} of {summary.files} files done, "
            f"writing the summary and the tables of those"
        )
    finally:
        progress.close()
    summary.seconds = round(time.monotonic() - started, 3)
    summary.peak_rss_mb = peak_child_rss_mb()
    summary.outcomes.sort(key=lambda o: o.file)
    summary.output_error = refresh_outputs(out_dir, settings.lang)
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


def refresh_outputs(out_dir: Path, lang: str = DEFAULT_LANG) -> str:
    """Rebuild the dashboard tables and the review files from every JSON this tool wrote in
    ``out_dir``; the error message ("" when written). A failed write leaves the previous tables
    (each set is swapped in whole), and the caller exits with an error."""
    from cchc_extract.review import refresh_outputs as rewrite

    try:
        rewrite(out_dir, [], lang)
    except Exception as exc:  # the JSON outputs stand even if a table cannot be written
        message = f"could not write the tables or review files: {one_line(exc)}"
        LOG.error(f"cchc-extract: {message}")
        return message
    return ""

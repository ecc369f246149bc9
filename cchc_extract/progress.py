"""What a batch shows and keeps of its run: the progress bar on a terminal, each file's outcome,
and the summary (printed at the end and written as ``OUT/summary.json``)."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import TextIO

from cchc_extract.i18n import DEFAULT_LANG, translator
from schemas.records import PIPELINE_VERSION

LOG = logging.getLogger("cchc_extract")


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
    # Sums the rows read cannot reach, rows we did not read being the reason: its ``coverage``
    # checks and the checks made ``incomplete`` (the document was not read whole either).
    short: int = 0
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
    executor: str = "pool"  # pool | dask
    peak_rss_mb: float = 0.0  # the largest worker's peak resident memory (VmHWM), over the run
    parent_peak_rss_mb: float = 0.0  # the batch process's own peak, tables and review files included
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
        if outcome.unread or outcome.short:
            self.with_unread.append(outcome.file)

    def to_json(self) -> dict:
        data = asdict(self)
        data["pipeline_version"] = PIPELINE_VERSION
        data["failures"] = [{"file": f, "message": m} for f, m in self.failures]
        return data


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


def _not_all_read(o: FileOutcome, _: Callable[[str], str]) -> str:
    """The line naming a document not read whole: its unread parts, and its sums the rows read
    fall short of (a coverage check names where)."""
    if not o.short:
        return _('not all read: {file}: {n} part(s), see its "unread" and the review queue').format(
            file=o.file, n=o.unread
        )
    return _(
        'not all read: {file}: {n} part(s), {short} sum(s) the rows read fall short of; see its "unread", '
        "its coverage checks and the review queue"
    ).format(file=o.file, n=o.unread, short=o.short)


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
        "  " + _not_all_read(o, _) for o in summary.outcomes if (o.unread or o.short) and o.file in summary.with_unread
    ]
    lines += ["  " + _("skipped: {file}").format(file=f) for f in summary.skipped_files]
    if summary.interrupted:
        lines.append("  " + _("interrupted: {n} files not converted").format(n=summary.files - len(summary.outcomes)))
    if summary.output_error:
        lines.append("  " + _("not complete: {error}").format(error=summary.output_error))
    return "\n".join(lines)

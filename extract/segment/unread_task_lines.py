"""A task grid's lines that no row was read from: a region of a plan's text whose lines still carry
the grid's column structure (its ruling bars, read by OCR as "|") and a task's cells (a lead unit,
a deadline), but lie outside every row, statement and target read. OCR broke the grid there (a
row's number garbled to "60)" or "Sires", a column run into the next) so the line reader lost its
place and stopped taking rows; numbering cannot tell it (the numbers are gone, or the list is
numbered "1.", "a)", "-"), the lines can: a grid's line read into no row is a task lost."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from extract.model import IngestedDocument, Line, Page
from extract.segment.unread_tasks import opens_row_number
from normalize.units import names_deadline, names_unit
from schemas.records import ExtractionResult, UnreadPart


@dataclass(frozen=True)
class UnreadTaskLineSettings:
    # Characters of the printed lines kept as the part's sample.
    sample_chars: int = 160
    # A region told holds at least this many grid lines (the grid's bars; its lines together name a
    # lead unit or a deadline, a task's cells, which OCR may have garbled on any one line)…
    region_lines: int = 3
    # …at least this many of them opening with a row's number ("12 | Rà soát", "7-| 2.3")…
    numbered_lines: int = 2
    # …no two of them further apart than this many lines (a row's cells wrap over a few lines).
    region_gap: int = 6
    # A grid line prints at least this many ruling bars, or one after its row's number.
    line_bars: int = 2


def unread_task_lines(
    doc: IngestedDocument,
    result: ExtractionResult,
    line_read: Callable[[Line, int], bool],
    settings: UnreadTaskLineSettings = UnreadTaskLineSettings(),
) -> list[UnreadPart]:
    """A ``rows`` part per region of task-grid lines read into nothing (``line_read`` false),
    in a document whose task grid was read from lines (rows flagged ``from_lines``): the rows
    printed there were lost. A document with score or annex rows is left to their tellers (their
    grids are barred lines naming units too); a typed grid's cells are read as a table, not
    from lines, and its lines are never looked at."""
    if any(t.rows for t in result.score_tables) or any(a.rows for a in result.statistics):
        return []
    if not any("from_lines" in r.flags for t in result.task_tables for r in t.rows):
        return []
    parts = []
    for page in doc.pages:
        for region in _regions(page, line_read, settings):
            parts.append(_part(page, region, settings))
    return parts


def _grid_line(line: Line, settings: UnreadTaskLineSettings) -> bool:
    """A line of a grid: its bars, several or one after its row's number."""
    text = line.raw or line.text or ""
    bars = text.count("|")
    return bars >= settings.line_bars or (bars > 0 and opens_row_number(text))


def _task_cells(page: Page, region: list[Line]) -> bool:
    """Whether a region's lines, with the unbarred lines between them, name a unit or a deadline."""
    first, last = region[0].number, region[-1].number
    text = " ".join(ln.raw or ln.text or "" for ln in page.lines if first <= ln.number <= last)
    return names_unit(text) or names_deadline(text)


def _inside_table(line: Line, page: Page) -> bool:
    if line.bbox is None:
        return False
    x, y = (line.bbox[0] + line.bbox[2]) / 2, (line.bbox[1] + line.bbox[3]) / 2
    return any(t.bbox is not None and t.bbox[0] <= x <= t.bbox[2] and t.bbox[1] <= y <= t.bbox[3] for t in page.tables)


def _regions(page: Page, line_read: Callable[[Line, int], bool], settings: UnreadTaskLineSettings) -> list[list[Line]]:
    """Runs of unread grid lines of ``page``, close together, with enough lines and row numbers."""
    regions: list[list[Line]] = []
    run: list[Line] = []
    for line in page.lines:
        if not _grid_line(line, settings) or _inside_table(line, page):
            continue
        if line_read(line, page.number):
            regions.append(run)  # a row read between: the region ends there
            run = []
            continue
        if run and line.number - run[-1].number > settings.region_gap:
            regions.append(run)
            run = []
        run.append(line)
    regions.append(run)
    return [
        r
        for r in regions
        if len(r) >= settings.region_lines
        and sum(opens_row_number(ln.raw or ln.text or "") for ln in r) >= settings.numbered_lines
        and _task_cells(page, r)
    ]


def _part(page: Page, region: list[Line], settings: UnreadTaskLineSettings) -> UnreadPart:
    sample = " / ".join(ln.text.strip() for ln in region[:3])
    if len(sample) > settings.sample_chars:
        sample = sample[: settings.sample_chars - 1] + "…"
    return UnreadPart(
        page=page.number,
        kind="rows",
        reason=f"{len(region)} lines of a task grid (its bars, lead units or deadlines) were read into "
        "no task: the grid's columns broke there and the rows printed on them were not read",
        text_sample=sample,
        line_start=region[0].number,
        line_end=region[-1].number,
    )

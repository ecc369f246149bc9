"""Task rows printed after the last row read of a scanned plan's task table: a line below that row,
or at the top of the next page, that opens with the next task's number ("11 Quản lý, sử dụng tài
sản công … Phòng Văn hóa - Xã hội Trước ngày 18/05/2024") and names a unit or a deadline (a task's
cells), read into nothing. A table's last rows run onto the next page alone, too few lines to show
their columns; when the reader did not carry the table there (the page before did not end with
it: a line of the table left unplaced), the rows were lost with nothing to say so. Numbering is
the commune's own, but the number after the last one read, with a task's cells beside it, is the
table going on."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from extract.model import IngestedDocument, Line
from normalize.lazy_regex import lazy_compile
from normalize.units import names_deadline, names_unit
from schemas.records import ExtractionResult, SourceRef, UnreadPart

# A line opening with a task's number past at most a few specks, a bar or a mark after it, then words.
_NUMBER = lazy_compile(r"^[^\p{L}\p{N}]{0,3}(?P<n>\d{1,2})(?![\d/.,]\d)\s*[|._)\]:-]*\s*(?=\p{L})")
_TYPED = ("docx", "pdf-text")


@dataclass(frozen=True)
class UnreadTaskNextSettings:
    # Lines at the top of the next page looked at (a table's last rows and their wrapped lines).
    next_page_lines: int = 12
    # Characters of the printed lines kept as the part's sample.
    sample_chars: int = 160


def _after(line: Line, source: SourceRef) -> bool:
    """Whether ``line`` stands below the row ``source`` (by its box, else by its line numbers)."""
    if source.bbox is not None and line.bbox is not None:
        return line.bbox[1] > source.bbox[3]
    return source.line_end is not None and line.number > source.line_end


def unread_task_next(
    doc: IngestedDocument,
    result: ExtractionResult,
    line_read: Callable[[Line, int], bool],
    settings: UnreadTaskNextSettings = UnreadTaskNextSettings(),
) -> list[UnreadPart]:
    """A ``rows`` part per task table whose next numbers (after its last numbered row) open lines
    read into nothing below that row or at the next page's top, on OCR'd pages."""
    pages = {p.number: p for p in doc.pages}
    parts = []
    for table in result.task_tables:
        numbered = [r for r in table.rows if (r.code or "").rstrip(".").isdigit() and r.source.page in pages]
        if not numbered:
            continue
        last = numbered[-1]
        page = pages[last.source.page or 0]
        if page.method in _TYPED:
            continue
        below = [ln for ln in page.lines if _after(ln, last.source)]
        following = pages.get(page.number + 1)
        if following is not None and following.method not in _TYPED:
            below += following.lines[: settings.next_page_lines]
        expected = int((last.code or "").rstrip(".")) + 1
        lost: list[tuple[int, Line]] = []
        for k, line in enumerate(below):
            m = _NUMBER.match(line.raw or line.text or "")
            if m is None or int(m.group("n")) != expected or line_read(line, line.page):
                continue
            text = " ".join(ln.raw or ln.text or "" for ln in below[k : k + 2])
            if names_unit(text) or names_deadline(text):
                lost.append((expected, line))
                expected += 1
        if lost:
            parts.append(_part(lost, settings))
    return parts


def _part(lost: list[tuple[int, Line]], settings: UnreadTaskNextSettings) -> UnreadPart:
    sample = " / ".join(ln.text.strip() for _, ln in lost)
    if len(sample) > settings.sample_chars:
        sample = sample[: settings.sample_chars - 1] + "…"
    numbers = ", ".join(str(n) for n, _ in lost)
    first, end = lost[0][1], lost[-1][1]
    return UnreadPart(
        page=first.page,
        kind="rows",
        reason=f"task rows {numbers} are printed after the task table's last row read, their number and a "
        "task's cells (a unit, a deadline) on the line, but were not read as tasks: the table went on there",
        text_sample=sample,
        line_start=first.number,
        line_end=end.number if end.page == first.page else first.number,
    )

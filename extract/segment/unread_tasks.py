"""Tasks of a plan printed but not read: a line, among a task list's lines, that opens with a task's
code ("2.2. Công bố danh mục …", after OCR's specks: "~ 2.2.", "4.2,") when no task row came out
under that code. OCR lost the line's place as a task (a code read "4.2," or behind a speck) and
its words went into the task above, so the row is missing with nothing else to say so. A plan's
numbering is the commune's own, and a gap in it says nothing; a printed code that gave no row
does."""

from __future__ import annotations

from dataclasses import dataclass

import regex as re

from extract.model import IngestedDocument
from normalize.lazy_regex import lazy_compile
from schemas.records import ExtractionResult, UnreadPart

# A sub-task's code opening a line past at most a few specks: "2.2.", "4.2,", "~ 2.2.", "Le 5.1.".
_OPENING_CODE = lazy_compile(r"^[^\p{L}\p{N}]{0,3}(?:\p{L}{1,2}\s+)?(\d{1,2}\.\d{1,2})[.,]\s+\p{L}")


@dataclass(frozen=True)
class UnreadTaskSettings:
    # Characters of the printed line kept as the part's sample.
    sample_chars: int = 160


def unread_task_codes(
    doc: IngestedDocument, result: ExtractionResult, settings: UnreadTaskSettings = UnreadTaskSettings()
) -> list[UnreadPart]:
    """One ``rows`` part per page of a task list whose lines print sub-task codes (two levels:
    "2.2") that no task row, score row or statement came out under, between the list's first and
    last rows read."""
    rows = [r for t in result.task_tables for r in t.rows if r.source.page is not None]
    if not rows:
        return []
    read = {(r.code or "").rstrip(".") for r in rows}
    read |= {(r.code or "").rstrip(".") for t in result.score_tables for r in t.rows}
    read |= {(s.code or "").rstrip(".") for s in result.score_statements}
    # A row whose code OCR hid in its task's words ("ưu 3.2. Tiếp nhận …", "Cải cách tài chính
    # công = cS 4.1, Công khai …": the section's heading and its first task as one row) was read
    # too, under another code or none.
    opened = " ".join(r.task or "" for r in rows)
    parts = []
    for page in doc.pages:
        on_page = [r.source for r in rows if r.source.page == page.number and r.source.line_start is not None]
        if not on_page:
            continue
        first = min(s.line_start or 0 for s in on_page)
        last = max(s.line_end or s.line_start or 0 for s in on_page)
        lost = []
        for line in page.lines:
            if not first <= line.number <= last:
                continue
            m = _OPENING_CODE.match(line.raw or line.text)
            if m is None or m.group(1) in read or re.search(rf"(?<![\d.]){re.escape(m.group(1))}[.,](?:\s|$)", opened):
                continue
            lost.append((m.group(1), line))
        if not lost:
            continue
        sample = " / ".join(line.text for _, line in lost)
        if len(sample) > settings.sample_chars:
            sample = sample[: settings.sample_chars - 1] + "…"
        parts.append(
            UnreadPart(
                page=page.number,
                kind="rows",
                reason=f"tasks {', '.join(code for code, _ in lost)} printed but not read as tasks "
                "(their lines went into the task above)",
                text_sample=sample,
                line_start=lost[0][1].number,
                line_end=lost[-1][1].number,
            )
        )
    return parts

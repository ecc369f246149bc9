"""Rows lost together are told once: the parts told unread on a run of lines of OCR'd text, one
just after another, go to the review queue as one entry for the run.

OCR loses a stretch of a page in one go: a faint or skewed band, a grid whose rules ran through
the words. Every teller that looks at that stretch then says what it could not read there: a line
of the numbered statistics not read as an indicator with its figure, the next line's figure in
specks, the numbering that jumps over the rows lost, a parent row not read and the gap it leaves in
the numbering. Each of these is a part of ``unread``, and each stays there (coverage, the unread
table). In the queue, though, a person reads the whole run at one look at the page, so one entry
sends them there: the first part's item, the lines the run covers, and every distinct reason it
holds. Seed 9001's D20 dump told ten parts on lines 17–34 of one page, ten entries for one look.

Only OCR'd text (a scan, a photo, an OCR dump), where damage comes in runs. A typed page's
parts are each their own cause: a table typed at tab stops, a picture of a page. Only parts of
kind ``rows`` that still have their own entry when this runs: a part told on the entries of the
cells it names (``queue_once``) is already asked there."""

from __future__ import annotations

from dataclasses import dataclass, replace

from cchc_extract.reconcile.misread import ocr_read
from extract.segment.unread_review import UNREAD_PREFIX
from normalize.lazy_regex import lazy_compile
from schemas.records import REASONS_SEPARATOR, ExtractionResult, ReviewItem, UnreadPart

_UNREAD_ITEM = lazy_compile(r"/unread/(\d+)")


@dataclass(frozen=True)
class RunSettings:
    # Lines between the end of one part and the start of the next, at most, for both to be in
    # one run: a blank line or a line read between them (a heading, a row whose figure OCR kept)
    # is still the same look at the page. Seed 9001's D20 dump: parts on lines 17, 19, 21–29, 31
    # and 34, one run.
    max_gap_lines: int = 2
    # Characters of each part's text kept in the run's entry (its ``raw``).
    sample_chars: int = 60
    # Characters of the run's entry's text at most (an unread part's own sample is as long).
    raw_chars: int = 200


def runs_told_once(
    items: list[ReviewItem], result: ExtractionResult, s: RunSettings = RunSettings()
) -> list[ReviewItem]:
    """``items`` with the entries of parts told unread on one run of lines of OCR'd text joined into
    the run's first entry, in the order of the entries kept."""
    if not ocr_read(result):
        return items
    at: dict[int, int] = {}  # part index -> entry index
    for k, ref in enumerate(items):
        m = _UNREAD_ITEM.fullmatch(ref.item)
        if m is not None and ref.field is None and int(m.group(1)) < len(result.unread):
            part = result.unread[int(m.group(1))]
            if part.kind == "rows" and part.line_start is not None:
                at[int(m.group(1))] = k
    out = list(items)
    gone: set[int] = set()
    for run in _runs(sorted(at, key=lambda i: _span(result.unread[i])), result.unread, s):
        if len(run) < 2:
            continue
        first = at[run[0]]
        out[first] = _run_entry([items[at[i]] for i in run], [result.unread[i] for i in run], s)
        gone.update(at[i] for i in run[1:])
    return [ref for k, ref in enumerate(out) if k not in gone]


def _span(part: UnreadPart) -> tuple[int, int]:
    start = part.line_start or 0
    return (start, part.line_end or start)


def _runs(order: list[int], parts: list[UnreadPart], s: RunSettings) -> list[list[int]]:
    """The parts (indices, in line order) cut into runs: each part starting at most
    ``max_gap_lines`` after the run's last line so far. Line numbers run on over the pages (a
    text's own, or a running index over the document's lines: ``extract.model.Line``), so a run
    goes on over a page break: a row told lost at the foot of one page and its numbering's gap at
    the head of the next are one place."""
    runs: list[list[int]] = []
    end = -1
    for i in order:
        start, stop = _span(parts[i])
        if runs and start <= end + s.max_gap_lines + 1:
            runs[-1].append(i)
            end = max(end, stop)
        else:
            runs.append([i])
            end = stop
    return runs


def _run_entry(entries: list[ReviewItem], parts: list[UnreadPart], s: RunSettings) -> ReviewItem:
    """One entry for a run: the first part's item, the lines it covers, every distinct reason."""
    start = min(_span(p)[0] for p in parts)
    stop = max(_span(p)[1] for p in parts)
    pages = sorted({p.page for p in parts if p.page is not None})
    where = f"page {pages[0]}" if len(pages) == 1 else f"pages {pages[0]}–{pages[-1]}" if pages else "the text"
    said = f"{UNREAD_PREFIX}{len(parts)} parts on lines {start}–{stop} of {where}, told together"
    reasons = dict.fromkeys(r for e in entries for r in (e.reason or "").split(REASONS_SEPARATOR) if r)
    samples = " / ".join(p.text_sample[: s.sample_chars] for p in parts if p.text_sample)
    if len(samples) > s.raw_chars:
        samples = samples[: s.raw_chars - 1].rstrip() + "…"
    return replace(
        entries[0],
        raw=samples or entries[0].raw,
        reason=REASONS_SEPARATOR.join([said, *reasons]),
        confidence=min((e.confidence for e in entries if e.confidence is not None), default=entries[0].confidence),
    )

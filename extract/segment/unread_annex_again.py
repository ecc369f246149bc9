"""Rows of an annex read from lines that carry on under its header printed again (issue 16).

A form printed over two pages repeats its header on the second ("Nội dung chỉ tiêu | ĐVT | Kết
quả thực hiện"), and the rows under it there may have lost their codes to OCR ("Tỷ lệ hồ sơ tiếp
nhận % 97,37 | 99,26 | …"). The line reader ends the annex at its last coded row; the repeated
header opens no table of its own (too few rows, none coded), so those rows were lost without a
word (seed 12101's D23 i3: 5.3 and 6). Lines after the annex's last row read, under a statistics
header, that print words and figures as a row does, are told: an ``unread`` part of kind "rows"
with their lines, unless another table's rows or an unread part already hold them."""

from __future__ import annotations

import re
from dataclasses import dataclass

from extract.model import IngestedDocument, Line
from extract.segment.stat_line_header import is_statistics_header
from extract.segment.unread_rows import LINE_METHODS
from normalize.lazy_regex import lazy_compile
from normalize.text import fold
from schemas.records import SourceRef, StatAnnex, UnreadPart

# Lines that close an annex: the next annex, the addressees, a signature block.
_STOP = lazy_compile(r"^\W*(?:phu\s*luc|bieu\s*(?:mau\s*)?so|noi\s*nhan|tm\.|kt\.)")
# A figure cell of a row ("97,37", "120,22", "2"), its grid's specks stripped; a date or a
# document's number ("28/11/2023", "193/BC-UBND") is none.
_FIGURE = lazy_compile(r"^\d{1,4}(?:[.,]\d{1,3})?%?$")
_SPECKS = "|[](){}_—-–.:;'‘’“”`\""


@dataclass(frozen=True)
class AgainSettings:
    # Lines after the annex's last row read in which its header must print again.
    header_lines: int = 8
    # Lines under the repeated header looked at for rows.
    row_lines: int = 16
    # Figures and letters a line prints, at least, to be a row's line.
    min_figures: int = 1
    min_letters: int = 4
    # Characters of the told part's text sample.
    sample_chars: int = 200


def _row_like(text: str, settings: AgainSettings) -> bool:
    """Whether a line prints words and figures as an annex's row does."""
    tokens = [t.strip(_SPECKS) for t in re.split(r"[\s|]+", text)]
    figures = sum(1 for t in tokens if t and _FIGURE.match(t))
    letters = sum(c.isalpha() for c in text)
    return figures >= settings.min_figures and letters >= settings.min_letters


def _at(page: int | None, line: int | None) -> tuple[int, int]:
    return page or 0, line or 0


def _held(at: tuple[int, int], spans: list[tuple[tuple[int, int], tuple[int, int]]]) -> bool:
    return any(lo <= at <= hi for lo, hi in spans)


def rows_under_header_again(
    doc: IngestedDocument,
    annexes: list[StatAnnex],
    known: list[UnreadPart],
    others: list[SourceRef],
    settings: AgainSettings = AgainSettings(),
) -> list[UnreadPart]:
    """The row lines of each line-read annex printed under its header again after its last row
    read (``settings.header_lines`` lines at most before the header), told as unread rows; none
    where the lines are another table's rows (``others``, the annexes') or a part already told."""
    lines = [ln for page in doc.pages if page.method in LINE_METHODS for ln in page.lines if ln.text.strip()]
    spans = [(_at(p.page, p.line_start), _at(p.page_end or p.page, p.line_end or p.line_start)) for p in known]
    spans += [(_at(s.page, s.line_start), _at(s.page, s.line_end or s.line_start)) for s in others]
    for a in annexes:
        spans += [(_at(r.source.page, r.source.line_start), _at(r.source.page, r.source.line_end)) for r in a.rows]
    parts: list[UnreadPart] = []
    for annex in annexes:
        if annex.read_from != "lines" or not annex.rows:
            continue
        last = max(_at(r.source.page, r.source.line_end or r.source.line_start) for r in annex.rows)
        after = [ln for ln in lines if _at(ln.page, ln.number) > last]
        rows = _rows_again(after, settings)
        rows = [ln for ln in rows if not _held(_at(ln.page, ln.number), spans)]
        if not rows:
            continue
        parts.append(
            UnreadPart(
                page=rows[0].page,
                kind="rows",
                reason=f"{len(rows)} line(s) of rows under the annex's header printed again after its last row "
                "read could not be read as rows (their codes not legible)",
                text_sample=" / ".join(ln.text.strip() for ln in rows)[: settings.sample_chars],
                page_end=rows[-1].page if rows[-1].page != rows[0].page else None,
                line_start=rows[0].number,
                line_end=rows[-1].number,
            )
        )
        spans.append((_at(rows[0].page, rows[0].number), _at(rows[-1].page, rows[-1].number)))
    return parts


def _rows_again(after: list[Line], settings: AgainSettings) -> list[Line]:
    """The row lines under a statistics header among the first lines ``after`` an annex, up to a
    line that closes it; none where no such header prints there."""
    head = next(
        (
            k
            for k, ln in enumerate(after[: settings.header_lines])
            if is_statistics_header(ln.text) or is_statistics_header(ln.text, garbled=True)
        ),
        None,
    )
    if head is None or any(_STOP.match(fold(ln.text)) for ln in after[:head]):
        return []
    rows: list[Line] = []
    for ln in after[head + 1 : head + 1 + settings.row_lines]:
        if _STOP.match(fold(ln.text)):
            break
        if _row_like(ln.text, settings):
            rows.append(ln)
    return rows

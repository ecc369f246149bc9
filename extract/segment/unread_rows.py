"""Rows of a score table that were only partly read, or not at all, on pages that reach us as
lines (OCR text dumps, OCR'd pages): OCR loses a row's numbers, a parent's whole line, or the
header that would have made its lines a table. Each such run is an ``unread`` part of kind
"rows" with the lines it covers, so a partly read document always says so.

Told apart from what a document is allowed to leave out: a criterion with a name and no
points at all is a row whose points were lost (a heading row with no code or level prints none);
a sub-criterion read under a parent that is not is a parent lost; lines shaped like score rows (a
code, then points) that no segmenter read are a table not recognised."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

import regex as re

from extract.model import IngestedDocument, Line
from extract.segment.line_common import is_points_reading, line_tokens
from normalize.codes import read_code_token
from normalize.criteria.match import FLAG_MAX_FROM_SET
from normalize.lazy_regex import lazy_compile
from schemas.records import ExtractionResult, ScoreRow, UnreadPart

_NUMBERED = lazy_compile(r"^\d{1,2}(?:\.\d{1,2}){0,3}$")
# Pages read from lines with no grid for their tables: plain text (OCR dumps) and OCR'd pages.
LINE_METHODS = frozenset({"text", "ocr"})


@dataclass(frozen=True)
class UnreadRowSettings:
    # Lines shaped like score rows (code, then points) that no segmenter read before they are
    # reported as a table not recognised.
    min_row_lines: int = 3
    # Rows a score table needs before its lost points and parents are reported.
    min_table_rows: int = 3


def unread_score_rows(
    doc: IngestedDocument,
    result: ExtractionResult,
    is_read: Callable[[Line, int], bool],
    settings: UnreadRowSettings = UnreadRowSettings(),
) -> list[UnreadPart]:
    """Lost points, lost parents and row-shaped lines no segmenter read (``is_read(line, page)``
    says whether an item came from a line), on line pages; text samples are whole, for the caller
    to cut."""
    line_pages = {p.number for p in doc.pages if p.method in LINE_METHODS}
    parts: list[UnreadPart] = []
    for score in result.score_tables:
        if len(score.rows) < settings.min_table_rows:
            continue  # a row or two taken from prose is no table that lost rows
        rows = [r for r in score.rows if r.source.page in line_pages]
        parts.extend(_lost_points(rows))
        parts.extend(_lost_parents(score.rows, rows))
    parts.extend(_unread_row_lines(doc, line_pages, is_read, settings))
    return parts


def _lost_points(rows: list[ScoreRow]) -> list[UnreadPart]:
    lost = [
        r
        for r in rows
        if r.code
        and (r.code_raw or len(r.name.split()) >= 2)  # a code inferred for one word ("Lưu:") is no row
        and r.max_points is None
        and r.self_points is None
        and r.appraised_points is None
    ]
    if not lost:
        return []
    return [_points_part(lost)]


def _points_part(lost: list[ScoreRow]) -> UnreadPart:
    codes = ", ".join(r.code or "" for r in lost)
    return _part(
        lost,
        f"points of {codes} not read (the text holds the row's name, not its numbers)",
        " ".join(f"{r.code_raw or r.code} {r.name_raw}" for r in lost),
    )


# The reason ``_points_part`` gives, its codes read back.
_POINTS_LOST = lazy_compile(r"^points of (.+?) not read \(the text holds the row's name, not its numbers\)$")
# A figure standing alone in a name: not a document's number ("số 74/KH", "2/15"), nor a date.
_NAME_FIGURE = lazy_compile(r"(?<![\w/.,-])(\d{1,2}(?:[.,]\d{1,2})?)(?![\w/.,-]|[.,]\d)")
_NUMBER_WORD = lazy_compile(r"(?:số|so|sé|s6|ngày|ngay|năm|nam)\W*$", re.I)


def figure_in_name(row: ScoreRow) -> str | None:
    """The token of a row's printed name that is its maximum (taken from the criteria set after
    OCR ran the points into the name: "Cải cách tài chính công 7 Chưa hoàn thành"), or None. The
    maximum stands in the row's text: it was printed and is read, not lost."""
    if row.max_points is None or not any(f.startswith(FLAG_MAX_FROM_SET) for f in row.flags):
        return None
    name = row.name_raw or ""
    for m in _NAME_FIGURE.finditer(name):
        if _NUMBER_WORD.search(name[: m.start()]):
            continue  # "Kế hoạch số 74": a document's number
        if float(m.group(1).replace(",", ".")) == row.max_points:
            return m.group(1)
    return None


def points_in_names(result: ExtractionResult, sample_chars: int = 160) -> None:
    """Rows told as "points … not read" whose maximum the criteria set then gave and which the
    name prints (``figure_in_name``) were read: the figure stood in the name, not in its column.
    They leave the part (and it goes when none is left); each is flagged ``max_in_name``, its
    printed figure its raw maximum. Their score cell is no loss to tell here: a row printing its
    maximum and no score is one the commune did not score, or one ``coverage`` tells by its
    siblings."""
    rows = {r.code: r for t in result.score_tables for r in t.rows if r.code}
    kept: list[UnreadPart] = []
    for part in result.unread:
        m = _POINTS_LOST.match(part.reason)
        if not m:
            kept.append(part)
            continue
        lost = [rows[c] for c in m.group(1).split(", ") if c in rows]
        if len(lost) != len(m.group(1).split(", ")):
            kept.append(part)
            continue
        read = [r for r in lost if figure_in_name(r) is not None]
        for row in read:
            row.max_points_raw = row.max_points_raw or figure_in_name(row)
            row.flags = row.flags + ["max_in_name"]
        rest = [r for r in lost if r not in read]
        if not read:
            kept.append(part)
        elif rest:
            new = _points_part(rest)
            kept.append(replace(new, text_sample=new.text_sample[:sample_chars]))
    result.unread = kept


def _lost_parents(every: list[ScoreRow], rows: list[ScoreRow]) -> list[UnreadPart]:
    codes = {r.code for r in every if r.code}
    parts = []
    seen: set[str] = set()
    for row in rows:
        parent = _parent_code(row)
        if not parent or parent in codes or parent in seen:
            continue
        seen.add(parent)
        children = [r for r in rows if _parent_code(r) == parent]
        parts.append(
            _part(
                children,
                f"row {parent} not read (its sub-criteria {', '.join(r.code or '' for r in children)} were)",
                " ".join(f"{r.code} {r.name}" for r in children),
            )
        )
    return parts


def _parent_code(row: ScoreRow) -> str | None:
    """The parent's code, from the row's own ("1.1.2" → "1.1"): a row whose parent was not read
    has no ``parent``."""
    if row.parent:
        return row.parent
    code = (row.code or "").rstrip(".")
    return code.rsplit(".", 1)[0] if "." in code else None


def _part(rows: list[ScoreRow], reason: str, sample: str) -> UnreadPart:
    starts = [r.source.line_start for r in rows if r.source.line_start is not None]
    ends = [r.source.line_end or r.source.line_start for r in rows if r.source.line_start is not None]
    return UnreadPart(
        page=rows[0].source.page,
        kind="rows",
        reason=reason,
        text_sample=sample,
        line_start=min(starts) if starts else None,
        line_end=max(e for e in ends if e is not None) if starts else None,
    )


def _unread_row_lines(
    doc: IngestedDocument, line_pages: set[int], is_read: Callable[[Line, int], bool], settings: UnreadRowSettings
) -> list[UnreadPart]:
    """Lines shaped like score rows (a code first, points after) that no item came from."""
    parts = []
    for page in doc.pages:
        if page.number not in line_pages:
            continue
        shaped = [ln for ln in page.lines if _row_shaped(ln) and not is_read(ln, page.number)]
        if len(shaped) < settings.min_row_lines:
            continue
        parts.append(
            UnreadPart(
                page=page.number,
                kind="rows",
                reason=f"{len(shaped)} lines shaped like score rows (a code, then points) gave no row: "
                "a table whose header or layout could not be read",
                text_sample=" / ".join(ln.text for ln in shaped),
                line_start=min(ln.number for ln in shaped),
                line_end=max(ln.number for ln in shaped),
            )
        )
    return parts


def _row_shaped(line: Line) -> bool:
    tokens = [raw.strip("|_.:;") for _, raw in line_tokens(line)]
    tokens = [t for t in tokens if t]
    # A numbered code ("1.2", "3"), not a prose bullet ("a)"), and points ending the line.
    if len(tokens) < 4 or not _NUMBERED.match(tokens[0]) or read_code_token(tokens[0]) is None:
        return False
    return all(is_points_reading(t) for t in tokens[-2:])

"""Rows of a score table that were only partly read, or not at all, on pages that reach us as
lines (OCR text dumps, OCR'd pages): OCR loses a row's numbers, a parent's whole line, or the
header that would have made its lines a table. Each such run is an ``unread`` part of kind
"rows" with the lines it covers, so a partly read document always says so.

Told apart from what a document is allowed to leave out: a criterion with a name and no
points at all is a row whose points were lost (a heading row with no code or level prints none);
a sub-criterion read under a parent that is not is a parent lost; lines shaped like score rows (a
code, then points) that no segmenter read are a table not recognised, and so are lines opening
with criterion codes in their order (1, 1.1, 1.1.2, 1.2 …) under a score table's header when none
of them gave a row (every points cell garbled: no line ends in points)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from extract.model import IngestedDocument, Line, Page
from extract.segment.line_common import is_points_reading, line_tokens
from extract.segment.line_header import HEADER_POINTS, header_concepts, is_header_line, keyed_concepts
from extract.segment.unread_lost_total import NUMBERED, holds_figures, lost_total, opening_code
from extract.segment.unread_named import criteria_named
from normalize.codes import read_code_token
from normalize.lazy_regex import lazy_compile
from normalize.text import fold
from schemas.records import ExtractionResult, ScoreRow, UnreadPart

# Pages read from lines with no grid for their tables: plain text (OCR dumps) and OCR'd pages.
LINE_METHODS = frozenset({"text", "ocr"})


@dataclass(frozen=True)
class UnreadRowSettings:
    # Lines shaped like score rows (code, then points) that no segmenter read before they are
    # reported as a table not recognised.
    min_row_lines: int = 3
    # Rows a score table needs before its lost points and parents are reported.
    min_table_rows: int = 3
    # Lines opening with criterion codes in their order (at least one a sub-criterion's "1.1")
    # under a score table's header, none of which gave a row, before they are a table not read.
    min_coded_lines: int = 3
    # Lines above the first coded line where the table's header is looked for.
    header_lines: int = 8
    # How far a code may run past the one it follows (1.1.1 lost: 1.1 then 1.1.2) and still be
    # in order: OCR loses a row's line, not a run of them.
    max_code_step: int = 3
    # Lines after a table's last row read where its totals row is looked for (before the
    # signature block).
    total_lines: int = 4
    # A line whose words are at least this share header words is a column header printed again
    # (on the next page), not counted among those ``total_lines``.
    header_line_share: float = 0.85
    # Lines under a score table's header looked at for its rows (``unread_headed_tables``), and
    # how many of them must hold a figure, none read, before the table is one not read: the
    # least table is two rows.
    body_lines: int = 10
    min_headed_lines: int = 2
    # ... the body runs on past ``body_lines``, at most this many lines, to the signature block
    # (or a line read): a table whose cells print scoring scales takes three lines a row.
    body_lines_most: int = 60
    # A body line naming this many column concepts is the header printed again, which ends it.
    repeated_header_concepts: int = 2


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
    # (a parent read in another table is read: a fields table printed apart from its criteria's)
    every = [r for score in result.score_tables for r in score.rows]
    for score in result.score_tables:
        if len(score.rows) < settings.min_table_rows:
            continue  # a row or two taken from prose is no table that lost rows
        rows = [r for r in score.rows if r.source.page in line_pages]
        parts.extend(_lost_points(rows))
        parts.extend(_lost_parents(every, rows))
        elsewhere = [
            (r.source.page, r.source.line_start)
            for other in result.score_tables
            if other is not score
            for r in other.rows
            if r.source.page is not None and r.source.line_start is not None
        ]
        parts.extend(lost_total(doc, score, rows, is_read, settings, elsewhere))
    shaped = _unread_row_lines(doc, line_pages, is_read, settings)
    parts.extend(shaped)
    parts.extend(p for p in _unread_coded_lines(doc, line_pages, is_read, settings) if not within_lines(p, shaped))
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
    return [points_part(lost)]


def points_part(lost: list[ScoreRow]) -> UnreadPart:
    codes = ", ".join(r.code or "" for r in lost)
    return _part(
        lost,
        f"points of {codes} not read (the text holds the row's name, not its numbers)",
        " ".join(f"{r.code_raw or r.code} {r.name_raw}" for r in lost),
    )


# A claim of loss among a part's clauses ("; "): "points of 4, 5 not read (…)", as ``points_part``
# and the criteria set's recovery of rows (``set_rows``) say it.
_POINTS_LOST_CLAUSE = lazy_compile(r"^points of (.+?) not read (\(.+\))$")


def points_claims_less(part: UnreadPart, codes: set[str]) -> list[str]:
    """The part's clauses once the rows ``codes`` are read: each "points of … not read (…)"
    clause loses those codes, and goes when none is left; the other clauses stay as they are."""
    clauses = []
    for clause in part.reason.split("; "):
        m = _POINTS_LOST_CLAUSE.match(clause)
        if m is None:
            clauses.append(clause)
            continue
        rest = [c for c in m.group(1).split(", ") if c not in codes]
        if rest:
            clauses.append(f"points of {', '.join(rest)} not read {m.group(2)}")
    return clauses


def _lost_parents(every: list[ScoreRow], rows: list[ScoreRow]) -> list[UnreadPart]:
    codes = {r.code for r in every if r.code}
    parts = []
    seen: set[str] = set()
    for row in rows:
        parent = parent_code(row)
        if not parent or parent in codes or parent in seen:
            continue
        seen.add(parent)
        children = [r for r in rows if parent_code(r) == parent]
        parts.append(
            _part(
                children,
                f"row {parent} not read (its sub-criteria {', '.join(r.code or '' for r in children)} were)",
                " ".join(f"{r.code} {r.name}" for r in children),
            )
        )
    return parts


def parent_code(row: ScoreRow) -> str | None:
    """The parent's code, from the row's own ("1.1.2" → "1.1"): a row whose parent was not read
    has no ``parent``."""
    if row.parent:
        return row.parent
    code = (row.code or "").rstrip(".")
    return code.rsplit(".", 1)[0] if "." in code else None


def _part(rows: list[ScoreRow], reason: str, sample: str) -> UnreadPart:
    starts = [r.source.line_start for r in rows if r.source.line_start is not None]
    ends = [r.source.line_end or r.source.line_start for r in rows if r.source.line_start is not None]
    # Rows of a table that runs over pages: the part says its last page too, so a person looking
    # for them turns to every page they stand on (``page`` alone sent them to the first).
    pages = [r.source.page for r in rows if r.source.page is not None]
    return UnreadPart(
        page=rows[0].source.page,
        page_end=max(pages) if pages and max(pages) != rows[0].source.page else None,
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
        shaped = [ln for ln in page.lines if row_shaped(ln) and not is_read(ln, page.number)]
        if len(shaped) < settings.min_row_lines:
            continue
        parts.append(
            lines_part(
                "rows",
                f"{len(shaped)} lines shaped like score rows (a code, then points) gave no row: "
                "a table whose header or layout could not be read",
                shaped,
            )
        )
    return parts


def row_shaped(line: Line) -> bool:
    tokens = [raw.strip("|_.:;") for _, raw in line_tokens(line)]
    tokens = [t for t in tokens if t]
    # A numbered code ("1.2", "3"), not a prose bullet ("a)"), and points ending the line.
    if len(tokens) < 4 or not NUMBERED.match(tokens[0]) or read_code_token(tokens[0]) is None:
        return False
    return all(is_points_reading(t) for t in tokens[-2:])


# A speck OCR put before a row's code ("r 1.1. | Kế hoạch"): one letter, no word.


def _unread_coded_lines(
    doc: IngestedDocument, line_pages: set[int], is_read: Callable[[Line, int], bool], settings: UnreadRowSettings
) -> list[UnreadPart]:
    """Lines opening with criterion codes in their order (``_in_order``) under a header line naming
    a score table's columns (criteria or points), at least half holding a figure past the code,
    none of which any item came from: a table whose
    points cells OCR garbled all, so that no line was shaped like a row. A table with some rows
    read is told by its lost points and parents; a run of numbered prose ("1. Công tác …") has
    no sub-criterion's code, and a plan's coded tasks are read by the task reader.

    A table running onto the next page prints no header there: a run with nothing read or ending
    a body above it on its page, after a page whose score table's header no signature block
    closed, is that table's continuation, under that header (``_header_left_open``)."""

    columns = {"criterion", "max", "self", "appraised"}
    parts = []
    for before, page in zip([None, *doc.pages], doc.pages):
        if page.number not in line_pages:
            continue
        open_header = _header_left_open(before) if before is not None and before.number in line_pages else None
        coded = [(ln, c) for ln in page.lines if (c := opening_code(ln)) is not None]
        for run in in_order(coded, settings):
            lines = [ln for ln, _ in run]
            if any(is_read(ln, page.number) for ln in lines):
                continue
            if len(lines) < settings.min_coded_lines or not any(len(c) > 1 for _, c in run):
                continue
            first = lines[0].number
            above = [ln for ln in page.lines if first - settings.header_lines <= ln.number < first]
            headers = [ln for ln in above if is_header_line(ln) and (header_concepts(ln.raw or ln.text) & columns)]
            continued = None if headers else _continues(run, page, open_header, is_read)
            if not headers and continued is None:
                continue
            named = False
            if sum(holds_figures(ln) for ln in lines) * 2 < len(lines):
                named = criteria_named(lines)
                if not named:
                    continue  # a plan's numbered headings ("1.1. Kết quả chung"): no points on them
            # (rows told by their names: from under the header, a heading's lines before the first
            # code included, for the set's wording to find them)
            start = headers[-1].number + 1 if named and headers else first
            if continued is not None:
                # (from the page's top: the lines above the run are the rows cut by the page's end)
                parts.append(_continued_part(page, run, continued))
                continue
            parts.append(
                UnreadPart(
                    page=page.number,
                    kind="table",
                    reason=f"{len(lines)} lines opening with criterion codes in order "
                    f"({run_codes(run)}) under a score table's header gave no "
                    "row: its points were not read (garbled by OCR), nor its rows",
                    text_sample=" / ".join(ln.text for ln in lines),
                    line_start=start,
                    line_end=lines[-1].number,
                )
            )
    return parts


def _header_left_open(page: Page) -> Line | None:
    """The last header line naming a score table's criterion and points columns on ``page`` when
    no signature block follows it there: its table runs on to the next page."""

    header = None
    for line in page.lines:
        text = line.raw or line.text
        if is_body_end(fold(text)):
            header = None
        elif is_header_line(line) and (concepts := header_concepts(text)) and "criterion" in concepts:
            header = line if concepts & set(HEADER_POINTS) else header
    return header


def _continues(
    run: list[tuple[Line, tuple[int, ...]]], page: Page, header: Line | None, is_read: Callable[[Line, int], bool]
) -> Line | None:
    """``header`` (of the page before) when the coded ``run`` continues its table: no line of the
    page above the run read, none opening a signature block."""
    first = run[0][0].number
    above = [ln for ln in page.lines if ln.number < first]
    if header is None or any(is_read(ln, page.number) or is_body_end(fold(ln.raw or ln.text)) for ln in above):
        return None
    return header


def _continued_part(page: Page, run: list[tuple[Line, tuple[int, ...]]], header: Line) -> UnreadPart:
    lines = [ln for ln, _ in run]
    top = min(ln.number for ln in page.lines if ln.text.strip())
    return UnreadPart(
        page=page.number,
        kind="rows",
        reason=f"{len(lines)} lines opening with criterion codes in order "
        f"({run_codes(run)}) continue the score table headed on page "
        f"{header.page} (its header not printed again) but gave no row: their points were not read "
        "(garbled by OCR)",
        text_sample=" / ".join(ln.text for ln in lines),
        line_start=top,
        line_end=lines[-1].number,
    )


# Where a table's body ends: the signature block's opening ("Nơi nhận:", "TM. UBND", "KT. CHỦ TỊCH").
_BODY_END = lazy_compile(r"^\W*(?:noi\s*nhan|tm\.?\s|kt\.?\s|t/m\b)")


def is_body_end(folded: str) -> bool:
    """Whether a folded line opens the signature block that ends a table's body."""
    return _BODY_END.match(folded) is not None


def lines_below(lines: list[Line], k: int, most: int, ends: Callable[[Line], bool]) -> list[Line]:
    """Line ``k`` (a table's header) and the lines under it that are still its body: at most
    ``most`` of them, up to the signature block or a line ``ends`` says opens something else (a
    header printed again)."""
    span = [lines[k]]
    for below in lines[k + 1 : k + 1 + most]:
        if is_body_end(fold(below.raw or below.text)) or ends(below):
            break
        span.append(below)
    return span


def unread_headed_tables(
    doc: IngestedDocument, is_read: Callable[[Line, int], bool], settings: UnreadRowSettings = UnreadRowSettings()
) -> list[UnreadPart]:
    """A score table's header (its lines naming the criterion column and a points column) over
    lines holding figures, none of which any item came from, on line pages: a table too short
    or too garbled for the other tells (two rows whose codes OCR lost: nothing is shaped like a
    row, no codes run in order). The part covers the lines under the header, to its signature
    block; a header with any line under it read is a table read."""

    parts = []
    for page in doc.pages:
        if page.method not in LINE_METHODS:
            continue
        lines = [ln for ln in page.lines if ln.text.strip()]
        i = 0
        while i < len(lines):
            if not is_header_line(lines[i]):
                i += 1
                continue
            j = i + 1

            def concepts(line: Line) -> set[str]:
                return header_concepts(line.raw or line.text) | keyed_concepts(line.raw or line.text)

            # A header line OCR garbled past ``is_header_line`` ("| ch epee Linh vuc, tiéu chi pees ~
            # danh =|") still names its columns: it is the header's, not the body's.
            while j < len(lines) and j - i < settings.header_lines and (is_header_line(lines[j]) or concepts(lines[j])):
                j += 1
            named = set().union(*(concepts(ln) for ln in lines[i:j]))
            body: list[Line] = []
            for line in lines[j : j + settings.body_lines]:
                # (a header printed again names columns; a name's wrapped tail "chinh | ; :" passes
                # ``is_header_line`` on its shape alone)
                if is_body_end(fold(line.raw or line.text)) or (is_header_line(line) and concepts(line)):
                    break
                body.append(line)
            i = j
            if "criterion" not in named or not named & set(HEADER_POINTS):
                continue
            if any(is_read(ln, page.number) for ln in body):
                continue
            figured = [ln for ln in body if holds_figures(ln, first=1)]
            if len(figured) < settings.min_headed_lines:
                continue
            # A table told so runs on to its signature block: one printing its criteria's scales
            # takes three lines a row, past the first ``body_lines``.
            body += _body_after(lines, j + len(body), page.number, concepts, is_read, settings)
            figured = [ln for ln in body if holds_figures(ln, first=1)]
            reason = (
                f"{len(figured)} lines holding figures under a score table's header (naming "
                f"{', '.join(sorted(named))}) gave no row: the table's codes and points were not read"
            )
            parts.append(lines_part("table", reason, figured, span=body))
    return parts


def _body_after(
    lines: list[Line],
    k: int,
    page: int,
    concepts: Callable[[Line], set[str]],
    is_read: Callable[[Line, int], bool],
    settings: UnreadRowSettings,
) -> list[Line]:
    """The lines from ``k`` on that go on a table's body told unread, at most ``body_lines_most``
    in all: to the signature block, a header printed again (a line naming two column concepts: a
    scoring scale's line "Hoàn thành từ 80% … kế" names one points word, a header two), or a line
    an item came from (what was read below the table is not its)."""

    after = []
    for line in lines[k : k + settings.body_lines_most - settings.body_lines]:
        again = is_header_line(line) and len(concepts(line)) >= settings.repeated_header_concepts
        if is_body_end(fold(line.raw or line.text)) or again or is_read(line, page):
            break
        after.append(line)
    return after


def lines_part(kind: str, reason: str, lines: list[Line], span: list[Line] | None = None) -> UnreadPart:
    """A part of one page's lines: their texts as its sample, its lines those of ``span`` (else
    of ``lines``)."""
    numbers = [ln.number for ln in span or lines]
    return UnreadPart(
        page=lines[0].page,
        kind=kind,
        reason=reason,
        text_sample=" / ".join(ln.text for ln in lines),
        line_start=min(numbers),
        line_end=max(numbers),
    )


def in_order(coded: list[tuple[Line, tuple[int, ...]]], settings: UnreadRowSettings) -> list[list]:
    """Runs of coded lines each following the one before as a table's next row: its first child,
    a next sibling, or an ancestor's next sibling (1 → 1.1 → 1.1.2 → 1.2 → 2), a step of at most
    ``max_code_step``; what breaks the order starts a new run."""
    runs: list[list] = []
    for item in coded:
        code = item[1]
        if runs and _follows(runs[-1][-1][1], code, settings.max_code_step):
            runs[-1].append(item)
        else:
            runs.append([item])
    return runs


def _follows(before: tuple[int, ...], code: tuple[int, ...], step: int, lost_parent: bool = True) -> bool:
    """Whether ``code`` may be the next row after ``before``; with ``lost_parent``, also as one of
    the first children of the row that would follow ``before`` whose own line OCR lost (1.1.3 →
    1.2.1: row 1.2's line kept no code)."""
    parent = code[:-1]
    if lost_parent and parent and code[-1] <= step and _follows(before, parent, step, lost_parent=False):
        return True
    if len(code) > len(before) + 1 or before[: len(parent)] != parent:
        return False
    last = before[len(parent)] if len(before) > len(parent) else 0
    return 0 < code[-1] - last <= step


def run_codes(run: list[tuple[Line, tuple[int, ...]]], most: int | None = None) -> str:
    """The codes of a run of coded lines as a part says them ("1, 1.1, 1.1.2"), the first ``most``
    of them and an ellipsis when there are more."""
    codes = [".".join(map(str, c)) for _, c in run]
    shown = codes if most is None else codes[:most]
    return ", ".join(shown) + ("…" if len(shown) < len(codes) else "")


def within_lines(part: UnreadPart, others: list[UnreadPart]) -> bool:
    """Whether another part already covers some of the lines of ``part`` (on its page)."""
    return any(
        o.page == part.page
        and o.line_start is not None
        and part.line_start is not None
        and o.line_start <= (part.line_end or part.line_start)
        and part.line_start <= (o.line_end or o.line_start)
        for o in others
    )

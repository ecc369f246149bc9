"""Rows lost after a score table's last row read, on pages read as lines (OCR text dumps, OCR'd
pages): OCR garbles the last rows of a table past reading ("Cai ech thi tye hanh chin ee",
"[4 | Cat each t chute b§ may hanh chin | —=a—~|"): no code, no points, nothing shaped like a
row. The other tells need what these lines lack (a code then points, codes in order, a table's
sums), and a table of two rows read is too short for them; so a short table lost its tail and
nothing said so.

What such a line still carries is a criterion's name: its letters stay close to the catalogue's
wording (every criteria set we know) even when its code and figures are gone. The lines right
after the table's last row read, up to its end, that no item came from and that open with a
criterion's name, are the table's rows not read. A sentence after the table ("Trên đây là kết quả
tự đánh giá …") opens with words of its own and ends the search, so does the signature block."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

import regex as re
from rapidfuzz import fuzz

from extract.model import IngestedDocument, Line
from extract.segment.unread_rows import LINE_METHODS, is_body_end
from normalize.criteria import folded_wordings
from normalize.lazy_regex import lazy_compile
from normalize.text import fold, fold_words
from schemas.records import ExtractionResult, ScoreRow, ScoreTable, UnreadPart


@dataclass(frozen=True)
class UnreadTailSettings:
    # Lines after a table's last row read that are looked at for its lost rows.
    tail_lines: int = 8
    # How near (rapidfuzz ratio, 0–100) a line's opening letters must be to a criterion's name, the
    # opening cut to the name's length: a name OCR garbled letter by letter ("cai ech thi tye hanh
    # chin" for "cải cách thủ tục hành chính": 80) passes, a sentence naming CCHC in passing does not.
    name_similarity: float = 75.0
    # Letters a criterion's name needs to be matched at all: short names ("Khác") match anything.
    min_name_letters: int = 12
    # How near a line of the last row's span must be to part of that row's own name to be its
    # name's wrapped line, not a lost row's.
    own_name_similarity: float = 90.0
    # A line of at most this many letters is a speck OCR left (a ruling line's "a", "—"): passed over.
    speck_letters: int = 3


def unread_tail_rows(
    doc: IngestedDocument,
    result: ExtractionResult,
    is_read: Callable[[Line, int], bool],
    settings: UnreadTailSettings = UnreadTailSettings(),
) -> list[UnreadPart]:
    """One ``rows`` part per score table whose last rows read are followed by lines naming
    criteria that gave no row (``is_read(line, page)``: whether an item came from a line)."""
    line_pages = {p.number: p for p in doc.pages if p.method in LINE_METHODS}
    parts = []
    for score in result.score_tables:
        rows = [r for r in score.rows if r.source.page in line_pages and r.source.line_start is not None]
        if not rows:
            continue
        last = max(rows, key=_row_end)
        page = line_pages[last.source.page or 0]
        named = _named_tail(page.lines, last, is_read, settings)
        if named:
            parts.append(_tail_part(page.number, named, last))
    return parts


def _row_end(row: ScoreRow) -> tuple[int, int]:
    return row.source.page or 0, row.source.line_end or row.source.line_start or 0


def _named_tail(
    lines: list[Line], last: ScoreRow, is_read: Callable[[Line, int], bool], settings: UnreadTailSettings
) -> list[Line]:
    """The lines after the first of row ``last`` that open with a criterion's name, up to the first
    line past the row that does not (a speck passed over), is read, or opens the signature block.
    The row's own lines are looked through: the reader takes the garbled rows under the last one
    for its name's or explanation's wrapped lines; a line of its own name is passed over."""
    start = last.source.line_start or 0
    end = _row_end(last)[1]
    own = _letters(last.name)  # (as the set wrote it: the raw name may hold the garbled rows)
    named: list[Line] = []
    after = [ln for ln in lines if ln.number > start and ln.text.strip()]
    for line in after[: end - start + settings.tail_lines]:
        text = line.raw or line.text
        inside = line.number <= end
        if (not inside and is_read(line, line.page)) or is_body_end(fold(text)):
            break
        letters = _letters(text)
        if len(letters.replace(" ", "")) <= settings.speck_letters:
            continue
        if _opens_with_name(letters, settings) and not (inside and _of_own_name(letters, own, settings)):
            named.append(line)
        elif not inside:
            break
    return named


def _of_own_name(letters: str, own: str, settings: UnreadTailSettings) -> bool:
    """Whether a line of the row's span is its own name's (wrapped: "quy pham phap luat …")."""
    return bool(own) and fuzz.partial_ratio(letters, own) >= settings.own_name_similarity


# What stands before a criterion's name on a row's line: a code, brackets, bars, specks.
_OPENING = lazy_compile(r"^[^\p{L}]*(?:\p{L}[^\p{L}\s]\s*)?")


def _letters(text: str) -> str:
    """The line's folded words past what opens it before the name."""
    return fold_words(_OPENING.sub("", text))


def _opens_with_name(letters: str, settings: UnreadTailSettings) -> bool:
    for name in _criterion_names(settings.min_name_letters):
        if fuzz.ratio(name, letters[: len(name)]) >= settings.name_similarity:
            return True
    return False


@cache
def _criterion_names(min_letters: int) -> tuple[str, ...]:
    """Every criteria set's names, folded, long enough to tell a row by."""
    return tuple(n for n in folded_wordings() if len(n.replace(" ", "")) >= min_letters)


# How a tail part names the row it follows (``reconcile.lost_totals``: the table's end not read).
TAIL_MARK = "(the last read of its table)"


def _tail_part(page: int, lines: list[Line], last: ScoreRow) -> UnreadPart:
    return UnreadPart(
        page=page,
        kind="rows",
        reason=f"{len(lines)} lines after row {last.code or '?'} {TAIL_MARK} name criteria "
        "but gave no row: their codes and points were not read (garbled by OCR)",
        text_sample=" / ".join(ln.text for ln in lines),
        line_start=lines[0].number,
        line_end=lines[-1].number,
    )


_TAIL_LINES = lazy_compile(rf"^(\d+) lines after row \S+ {re.escape(TAIL_MARK)}")


def tail_now_rows(part: UnreadPart, tables: list[ScoreTable]) -> bool:
    """Whether ``part`` is a tail part whose lines each open a row now: the criteria set's order
    recovered them after the part was told (``set_rows``), so it stands for rows read."""
    m = _TAIL_LINES.match(part.reason)
    if m is None or part.line_start is None:
        return False
    end = part.line_end or part.line_start
    opened = {
        r.source.line_start
        for t in tables
        for r in t.rows
        if r.source.page == part.page and part.line_start <= (r.source.line_start or -1) <= end
    }
    return len(opened) >= int(m.group(1))

"""Lines of a score table's rows that name their figures or code (shared by the unread
accounts), and a table's totals row that OCR garbled: a line opening with a criterion code, a
line holding what may be points cells, and the totals line just after the last row whose figures
were not read, told as a lost totals row so the rows' sums and a total the commune got wrong are
not taken as checked."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

import regex as re
from rapidfuzz import fuzz

from extract.model import IngestedDocument, Line, Page
from extract.segment.line_common import is_points_reading, line_tokens
from extract.segment.line_header import header_share
from extract.segment.table_end import is_garbled_total, is_signature, is_total_word
from normalize.codes import read_code_token
from normalize.lazy_regex import lazy_compile
from normalize.numbers import parse_number
from normalize.text import fold
from normalize.vietnamese.syllable import is_syllable_shape
from schemas.records import LOST_TOTAL_REASON, ScoreRow, UnreadPart

if TYPE_CHECKING:
    from extract.segment.unread_rows import UnreadRowSettings

NUMBERED = lazy_compile(r"^\d{1,2}(?:\.\d{1,2}){0,3}$")
_SPECK = lazy_compile(r"^[\p{Ll}]$")


def holds_figures(line: Line, first: int = 2) -> bool:
    """Whether a coded line holds, past its code, a token that may be a points cell (what OCR
    left of the row's figures: "CCHC is 10° 7,75 Le")."""
    tokens = [raw.strip("|_:;°") for _, raw in line_tokens(line)]
    return any(is_points_reading(t) for t in tokens[first:] if t)


def opening_code(line: Line) -> tuple[int, ...] | None:
    """The criterion code a line opens with, as numbers ("1.2." → (1, 2)), after a one-letter
    speck; None for a line opening otherwise (a date, a document's number, a bullet "a)")."""
    tokens = [raw.strip("|_:;") for _, raw in line_tokens(line)]
    tokens = [t for t in tokens if t]
    if len(tokens) >= 3 and _SPECK.match(tokens[0]) and "." in tokens[1].rstrip("."):
        tokens = tokens[1:]
    if len(tokens) < 2 or not NUMBERED.match(tokens[0].rstrip(".")) or read_code_token(tokens[0]) is None:
        return None
    return tuple(int(n) for n in tokens[0].rstrip(".").split("."))


def lost_total(
    doc: IngestedDocument,
    score,
    rows: list[ScoreRow],
    is_read: Callable[[Line, int], bool],
    settings: UnreadRowSettings,
    elsewhere: Sequence[tuple[int, int]] = (),
) -> list[UnreadPart]:
    """The totals row of a table read from lines that printed one ("Tổng" opens a line just after
    its last row) whose figures were not read: no stated total came out, so the rows' sums, and a
    total the commune got wrong, cannot be checked. A table printing no total has no such line.
    ``elsewhere``: the places (page, line) of the rows the document's other tables read: a grid's
    rows are no lines of the page, so the signature may look next to a line that another table
    read from a grid follows (a part's heading, "B. Mục 4 đến mục 6", over the table's next part)."""
    if not rows or score.stated_total_max is not None and score.stated_total_self is not None:
        return []
    if score.stated_total_max is not None or score.stated_total_self is not None:
        return _half_lost_total(doc, score, rows, settings)
    last = rows[-1].source
    end = last.line_end or last.line_start
    pages = [p for p in doc.pages if p.number in (last.page, (last.page or 0) + 1)]
    if not pages or pages[0].number != last.page or end is None:
        return []
    # The last row may have taken the totals line as the rest of its name ("Kiểm tra công tác
    # CCHC 3 as |" over "[Tongs dim SSSC~dYSCiS) is |"): a line of its own span after its first
    # that only a garbled totals label opens (or holds among specks) is that totals row, lost all
    # the same; so is the span's last line when it is letters garbled past any word and the
    # signature block (or the document's end) comes next: the place a totals row stands, OCR
    # leaving no word of it ("eG oe a" over "Nơi nhận:"); a name or a note wrapped onto it keeps
    # its words.
    for ln in pages[0].lines:
        text = ln.raw or ln.text
        if (last.line_start or end) < ln.number <= end and (
            _totals_label(text)
            or _totals_opening_garbled(text)
            or _garbled_label_among_specks(fold(text))
            or (
                ln.number == end
                and _garbled_remnant(ln, rows)
                and _signature_next(ln, pages[0].number, pages, elsewhere)
            )
        ):
            return [_lost_total_part(pages[0].number, ln)]
    # The totals may stand on the next page, under the column header printed again there: the
    # header's lines are no line of the table's own.
    after = [
        (ln, page)
        for page in pages
        for ln in page.lines
        if (page.number != last.page or end < ln.number)
        and ln.text.strip()
        and header_share(ln.raw or ln.text) < settings.header_line_share
    ][: settings.total_lines]
    for line, page in after:
        if opening_code(line) is not None:
            return []  # a row the reader left: not the totals row
        folded = fold(line.raw or line.text)
        if is_signature(folded):
            # the signature block: a totals row stands above it; the signer's name under it ("Tổng
            # Khắc Đạt", a surname opening as a totals label does) is none
            return []
        if is_read(line, page.number) or _SCALE_ITEM.match(folded):
            continue  # (a scale item the last row printed, left after it: words, not a total)
        if not (
            is_garbled_total(folded)
            or _TOTAL_OPENING.match(folded)
            or _totals_figures(line, score.rows)
            or _garbled_label_among_specks(folded)
            or (
                # a line read as nothing standing there: letters garbled past any word, or a
                # figure among garbled letters ("P| Ting sim | 7.25 | S|")
                _signature_next(line, page.number, pages, elsewhere)
                and (
                    _garbled_past_words(line.raw or line.text)
                    or (holds_figures(line, first=0) and not reads_as_sentence(line.raw or line.text))
                )
            )
        ):
            continue
        return [_lost_total_part(page.number, line)]
    return []


# A totals label opening a line: "Tổng" capitalised (a criterion's name wrapped onto a line of
# its own goes on in lower case, "tổng kết"), then a word like "điểm" / "cộng" / "số" (OCR'd
# "Tongs dim", "TONG CONG").
_TOTALS_LABEL = lazy_compile(r"^[^\p{L}]*T[OÔỐỔ]NG\p{L}?\s+(\p{L}+)", re.I)


def _totals_label(text: str) -> bool:
    m = _TOTALS_LABEL.match(text)
    if not m or not text.lstrip("[|(_-—:;.' ")[:1].isupper():
        return False
    word = fold(m.group(1))
    return is_total_word(word)


def _totals_opening_garbled(text: str) -> bool:
    """A line opening "Tổng" in a capital whose other word and the rest OCR garbled past any word
    ("Tong Sai ——SSCS~S~SSiS", "Tổng số điểm" and its figures smeared): the totals row, no
    name's wrap (a name goes on in words)."""
    m = _TOTALS_LABEL.match(text)
    if not m or not text.lstrip("[|(_-—:;.' ")[:1].isupper():
        return False
    return _garbled_past_words(text[m.end() :])


# How near each word of a garbled totals label must be to "tong" and to "cong"/"diem" ("rong
# cone" for "Tổng cộng": 75 each); the line's other tokens at most this many letters (specks).
_GARBLED_LABEL_SIMILARITY = 75.0
_SPECK_LETTERS = 2


def _garbled_label_among_specks(folded: str) -> bool:
    """A totals label OCR garbled letter by letter ("rong cone" for "Tổng cộng") among the specks
    a degraded grid leaves ("eS eS rong cone es |S | Te |"; its rules read as letters past any
    syllable, "Ty CTONG DIEM ——SSCS~S Se PSS"): two words, each near the label's, and no other
    word longer than a speck unless it is shaped like no Vietnamese syllable. A sentence after the
    table ("Trong công tác …") has words of its own."""
    cores = [re.sub(r"[^\p{L}\p{N}]", "", w) for w in folded.split()]
    cores = [c for c in cores if c]
    for i in range(len(cores) - 1):
        first, second = cores[i], cores[i + 1]
        if fuzz.ratio(first, "tong") < _GARBLED_LABEL_SIMILARITY:
            continue
        if max(fuzz.ratio(second, w) for w in ("cong", "diem")) < _GARBLED_LABEL_SIMILARITY:
            continue
        others = cores[:i] + cores[i + 2 :]
        return all(c.isdigit() or len(c) <= _SPECK_LETTERS or not is_syllable_shape(c) for c in others)
    return False


def _signature_next(line: Line, page: int, pages: list[Page], elsewhere: Sequence[tuple[int, int]] = ()) -> bool:
    """Whether the signature block (or the document's end) follows a line: where a table's
    totals row stands, after its last row. A row another table read (``elsewhere``) before the
    next line is what follows, and no signature."""
    at = (page, line.number)
    following = ((p.number, ln) for p in pages for ln in p.lines if (p.number, ln.number) > at and ln.text.strip())
    first = next(following, None)
    if any(at < place and (first is None or place < (first[0], first[1].number)) for place in elsewhere):
        return False
    return True if first is None else is_signature(fold(first[1].raw or first[1].text))


def _garbled_past_words(text: str) -> bool:
    """Letters OCR garbled past any word, and no figure: two runs of letters at least, none of
    three letters or more shaped like a Vietnamese syllable ("eG oe a", "op roncoifm fo"). A
    line of words ("theo kế hoạch"), a date or a figure is something read, not specks."""
    if any(ch.isdigit() for ch in text):
        return False
    cores = [c.lower() for c in re.findall(r"\p{L}+", text)]
    return len(cores) >= 2 and not any(len(c) >= 3 and is_syllable_shape(c) for c in cores)


# A line of at least this many words, nearly all shaped as Vietnamese syllables, is a sentence
# read (a note under the table: "* Tiêu chí không chấm điểm …: 7 điểm; tổng điểm … 93 điểm"),
# not a totals row OCR garbled around its figures.
_SENTENCE_WORDS = 6
_SENTENCE_SHARE = 0.75


def reads_as_sentence(text: str) -> bool:
    cores = [c.lower() for c in re.findall(r"\p{L}+", text)]
    words = [c for c in cores if is_syllable_shape(c)]
    return len(words) >= _SENTENCE_WORDS and len(words) >= _SENTENCE_SHARE * len(cores)


def _garbled_remnant(line: Line, rows: list[ScoreRow]) -> bool:
    """What OCR left of a totals row on the line its last row's span ends with: letters garbled
    past any word ("eG oe a"); or such letters beside a figure above every row's maximum read, a
    total's ("Po Tengen 85605 | 605" for "Tổng cộng 62,5 60,5", "| ee rn ee 53,75 ;"), none of
    them a figure the last row read. A name or a note wrapped onto that line keeps its words
    ("vién chifc 07/09/2024"); the last row's own figures wrapped there among specks are its
    cells ("Kiểm tra công tác CCHC" over "a8 3 275 | ay ae", read 8, 3 and 2,75)."""
    text = line.raw or line.text
    if _garbled_past_words(text):
        return True
    if not _garbled_past_words(re.sub(r"\d", " ", text)):
        return False
    tokens = _cell_tokens(line)
    own = {
        (getattr(rows[-1], f"{f}_raw", None) or "").strip() for f in ("max_points", "self_points", "appraised_points")
    }
    return not own & set(tokens) and _above_every_maximum(tokens, rows)


def _lost_total_part(page: int, line: Line) -> UnreadPart:
    return UnreadPart(
        page=page,
        kind="rows",
        reason=LOST_TOTAL_REASON,
        text_sample=line.text,
        line_start=line.number,
        line_end=line.number,
    )


def _totals_figures(line: Line, rows: list[ScoreRow]) -> bool:
    """A line of figures alone (its label lost: "| 45,5 | 44 |"), at least two, the largest above
    every row's maximum read: a table's totals, not a row's figures wrapped onto their own line
    (those are no larger than the row's maximum) nor a date or document number."""
    tokens = _cell_tokens(line)
    if len(tokens) < 2 or not all(is_points_reading(t) for t in tokens):
        return False
    return _above_every_maximum(tokens, rows)


def _cell_tokens(line: Line) -> list[str]:
    """A line's tokens without the rules and specks a grid leaves on their edges."""
    tokens = [raw.strip("|_.:;-—") for _, raw in line_tokens(line)]
    return [t for t in tokens if t]


def _above_every_maximum(tokens: list[str], rows: list[ScoreRow]) -> bool:
    """Whether the largest points figure among ``tokens`` is above every row's maximum read: a
    table's total, which no row's own figure is."""
    maxima = [r.max_points for r in rows if r.max_points is not None]
    figures = [
        parsed.value for t in tokens if is_points_reading(t) and (parsed := parse_number(t, "score")) is not None
    ]
    return bool(maxima) and max(figures, default=0.0) > max(maxima)


# One item of a criterion's scoring scale, however OCR printed its marks (folded: "- Hoan thanh dui
# 80% ké hoach: 0 diém", ".+ Dưới 90%: 0 điểm"): a bullet, words, a colon and the item's points.
# A column-wise OCR (psm 3) leaves the last row's scale lines after it, down to the signature
# block: they print a figure where a totals row would stand, and are no totals row.
_SCALE_ITEM = lazy_compile(r"^\W*[-–—+•·*]\s*\p{L}[^:]*:\s*\d+(?:[.,]\d+)?\s*(?:diem|d)?\W*$")


# A totals row's label opening a line, glued to a garbled word or behind a speck ("DI Tốngcny |
# 19 | 75"): "tong" opens one of its first two words.
_TOTAL_OPENING = lazy_compile(r"^\W*(?:\w{1,2}\W+){0,2}tong")


# What a totals row's figure that OCR garbled is told as: the field's total cannot be checked.
LOST_TOTAL_FIELD_REASON = (
    "the table's total row was read, but its {field} figure was printed garbled by OCR ({raw}): "
    "that total cannot be checked against the rows"
)
# The fields of a totals row, as the reason names them.
_TOTAL_FIELDS = {"max_points": "maximum", "self_points": "self points"}


def lost_total_field(part: UnreadPart) -> str | None:
    """The field (``max_points`` / ``self_points``) of a totals row whose figure an unread part
    tells garbled, else None."""
    for field, said in _TOTAL_FIELDS.items():
        head = LOST_TOTAL_FIELD_REASON.split("{raw}")[0].format(field=said)
        if part.reason.startswith(head):
            return field
    return None


def _half_lost_total(
    doc: IngestedDocument, score, rows: list[ScoreRow], settings: UnreadRowSettings
) -> list[UnreadPart]:
    """A totals row of a table read from lines of which one figure was read and the other not,
    where the line prints that other one as a token holding digits that reads as no figure
    ("Tổng số điểm “T01 95,25" for "101 | 95,25"): the total read checks its rows, the one lost
    checks nothing, and a total the commune got wrong there goes unseen unless told. A totals row
    printing one figure (a table stating only its self total) has no such token."""
    last = rows[-1].source
    end = last.line_end or last.line_start
    page = next((p for p in doc.pages if p.number == last.page), None)
    if page is None or end is None:
        return []
    after = [ln for ln in page.lines if ln.number > end and ln.text.strip()][: settings.total_lines]
    for line in after:
        text = line.raw or line.text
        if not (_totals_label(text) or _TOTAL_OPENING.match(fold(text))):
            continue
        garbled = [t for t in _cell_tokens(line) if any(c.isdigit() for c in t) and not is_points_reading(t)]
        if not garbled:
            return []
        lost = "max_points" if score.stated_total_max is None else "self_points"
        reason = LOST_TOTAL_FIELD_REASON.format(field=_TOTAL_FIELDS[lost], raw=" ".join(garbled))
        return [
            UnreadPart(
                page=page.number,
                kind="rows",
                reason=reason,
                text_sample=line.text,
                line_start=line.number,
                line_end=line.number,
            )
        ]
    return []

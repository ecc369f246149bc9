"""The points columns of a score table OCR cut into one text block per column (``column_blocks``
reads the whole table): where each block's head stands (a few short lines of header words:
"Điểm" / "chuẩn", "Điểm tự" / "đánh" / "giá"), which columns it names, and the numbers under it,
one a line, or a row's numbers and its explanation's words when one head names several columns.
The settings of the whole column-block reader are here, with the head's knobs they mostly are.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from extract.model import Line
from extract.segment.line_cells import garbled_cell
from extract.segment.line_common import CELL_SPECKS, JUNK, LineTableSettings, line_tokens, points_cell
from extract.segment.line_header import HEADER_POINTS, header_concepts, header_share, keyed_concepts
from normalize.lazy_regex import lazy_compile
from normalize.text import fold


@dataclass(frozen=True)
class ColumnBlockSettings:
    # A names block of fewer criteria is no table's (a header-like line over a paragraph).
    min_entries: int = 3
    # A column head is a few short lines ("Điểm" / "UBND" / "xã tự" / "chấm"): at most so many,
    # each at most so long; the words of a head are header words in this share at least.
    head_lines: int = 5
    head_line_chars: int = 24
    head_share: float = 0.5
    # How far past the names block (lines) its column blocks may start: the signature block and
    # the explanation column print between them.
    reach_lines: int = 80
    # The names block's head is a header line of header words mostly ("TT Nội dung tiêu chí").
    names_head_share: float = 0.7
    # A points block's numbers go to the names by their count alone: a line OCR lost from one
    # block and a name glued to the one above in the other keep the counts equal and shift every
    # number below by a row, and nothing on the page says so. Each number so placed is read as
    # unsurely as a cell OCR half read (``RowDraft.number_confs``), until a sum confirms it.
    paired_number_conf: float = 0.65
    # ... and the table's arithmetic says when it happened (``count_pairing``): a block paired in
    # order whose sums fail at so many relations at least (parents' sums, a child above its parent,
    # a score above its maximum), and at more than hold, is placed by the sums instead, where the
    # best placing weighs so much more (``AlignmentSettings``: a sum that holds 2, one that fails 1)
    # than the order; else the order stands. A commune's fault breaks one or two relations.
    order_doubt_broken: int = 3
    realign_margin: float = 6.0
    # A table whose points blocks none could be paired with its names (most of a column's numbers
    # OCR lost) keeps its criteria as rows with no figure, the blocks told unread: the names and
    # codes are the document's, and a reviewer fills the figures in against the rows. (Off: the
    # lines go back to the line reader, which reads no row from a names block printing no points.)
    names_without_points: bool = True


@dataclass
class PointsBlock:
    """A column block: the concepts its head names, and its rows (a row's points, its text)."""

    concepts: tuple[str, ...]
    rows: list[tuple[list[str], list[tuple[str, str]], Line]] = field(default_factory=list)
    garbled: int = 0  # lines of the block that are no number (a cell OCR garbled)
    first: int = 0  # the head's first line (index into the document's lines)
    last: int = 0


def is_head_line(text: str, line_settings: LineTableSettings) -> bool:
    words = text.split()
    return (
        0 < len(text) <= ColumnBlockSettings.head_line_chars * 2
        and len(words) <= 4
        and header_share(text, line_settings) >= ColumnBlockSettings.head_share
    )


def points_blocks(
    lines: list[Line],
    i: int,
    is_signature: Callable[[str], bool],
    settings: ColumnBlockSettings,
    line_settings: LineTableSettings,
) -> list[PointsBlock]:
    """The column blocks from line ``i`` on: each a head of short header lines and its body."""
    blocks: list[PointsBlock] = []
    stop = min(len(lines), i + settings.reach_lines)
    while i < stop:
        head = _head(lines, i, settings, line_settings)
        if head is None:
            i += 1
            continue
        concepts, i = head
        concepts, i = _head_wrapped(lines, i, concepts, settings, line_settings)
        block = PointsBlock(concepts, first=i - 1, last=i - 1)
        several = len([c for c in concepts if c in HEADER_POINTS]) > 1
        page = lines[i - 1].page
        while i < stop and lines[i].page == page and _head(lines, i, settings, line_settings) is None:
            line = lines[i]
            text = line.raw or line.text
            if is_signature(fold(text)):
                break
            tokens = [t for t in line_tokens(line) if not JUNK.match(t[1])]
            numbers = _leading_points(tokens)
            if several and block.rows and _garbled_cells(line_tokens(line), concepts):
                # A row's cells OCR spoilt ("K) K)", "&) &)" under "3 3"): the row is there, its
                # points kept as printed (no number: lost, and told), not the explanation's words.
                block.rows.append(([raw for _, raw in line_tokens(line)], [], line))
            elif COLUMN_NUMBERS.fullmatch(text):
                pass  # the "(3) (4)" row numbering the columns
            elif numbers and (several or len(numbers) == len(tokens)):
                block.rows.append((numbers, tokens[len(numbers) :], line))
            elif several and block.rows:
                block.rows[-1][1].extend(tokens)  # the explanation's wrapped lines
            elif several or len(text) > settings.head_line_chars:
                break  # text past the block: another column's, or the page's
            elif set(concepts) & set(HEADER_POINTS):
                block.garbled += 1  # a short line of no number inside a points column: a cell OCR spoilt
            block.last = i
            i += 1
        blocks.append(block)
    return blocks


def _head_wrapped(
    lines: list[Line],
    i: int,
    concepts: tuple[str, ...],
    settings: ColumnBlockSettings,
    line_settings: LineTableSettings,
) -> tuple[tuple[str, ...], int]:
    """A head whose lines OCR parted by a blank line ("Thang Điểm tự" / "" / "điểm đánh" / "giá"):
    the head at line ``i`` has no body, the next head follows it, and that head's lines print
    more numbers than it names columns but no more than both heads name: one head of those
    columns. (A head whose column OCR lost, over another column's one number a line, stays apart.)"""
    following = _head(lines, i, settings, line_settings) if i < len(lines) else None
    if following is None:
        return concepts, i
    merged = _concepts_union(concepts, following[0])
    own = len([c for c in following[0] if c in HEADER_POINTS])
    both = len([c for c in merged if c in HEADER_POINTS])
    j = following[1]
    widths = []
    while j < len(lines) and lines[j].page == lines[i].page:
        numbers = _leading_points([t for t in line_tokens(lines[j]) if not JUNK.match(t[1])])
        if not numbers:
            break
        widths.append(len(numbers))
        j += 1
    if widths and own < max(widths) <= both:
        return merged, following[1]
    return concepts, i


def _concepts_union(first: tuple[str, ...], second: tuple[str, ...]) -> tuple[str, ...]:
    order = ("criterion", "max", "self", "appraised", "explanation")
    return tuple(c for c in order if c in first or c in second)


def _garbled_cells(tokens: list[tuple[str, str]], concepts: tuple[str, ...]) -> bool:
    """A line of as many tokens as the head's points columns, each no word and no number (specks
    and lone marks included: "&)")."""
    points = [c for c in concepts if c in HEADER_POINTS]
    return len(tokens) == len(points) and all(garbled_cell(t) or JUNK.match(t[1]) for t in tokens)


# The row under a header numbering its columns ("(1) (2) (3)"; OCR reads brackets as letters too).
COLUMN_NUMBERS = lazy_compile(r"\W*(\(?\w\)\s*)+")


# A points cell of a column block: a total may pass 99 ("102").
_BLOCK_POINTS = lazy_compile(r"(?:0|[1-9]\d{0,2})(?:[.,]\d{1,2})?")


def _leading_points(tokens: list[tuple[str, str]]) -> list[str]:
    numbers: list[str] = []
    for _, raw in tokens:
        # (beside a number, a decimal comma OCR read as "/" is one: "1 0/75")
        cell = points_cell(raw, beside_points=bool(numbers)) or raw.strip(CELL_SPECKS)
        if not _BLOCK_POINTS.fullmatch(cell):
            break
        numbers.append(cell)
    return numbers


def _head(
    lines: list[Line], i: int, settings: ColumnBlockSettings, line_settings: LineTableSettings
) -> tuple[tuple[str, ...], int] | None:
    """(the column concepts a head names in print order, the line after it) when a column head
    opens at line ``i``: up to ``head_lines`` short lines of header words, one after another."""
    words: list[str] = []
    j = i
    while j < len(lines) and j - i < settings.head_lines:
        text = lines[j].raw or lines[j].text
        if j > i and lines[j].number > lines[j - 1].number + 1 and words and _concepts(words):
            break
        if len(text) > settings.head_line_chars or any(ch.isdigit() for ch in text):
            break
        # A head's first line is header words; a short word between its labels' words may be
        # none ("Điểm" / "UBND" / "xã tự" / "chấm").
        if header_share(text, line_settings) < settings.head_share and (j == i or len(text.split()) > 2):
            break
        words.append(text)
        j += 1
    concepts = _concepts(words)
    return (concepts, j) if concepts else None


def _concepts(words: list[str]) -> tuple[str, ...]:
    """The column concepts a head's lines name, in print order (its lines read one after another)."""
    joined = " ".join(words)
    found = header_concepts(joined) | keyed_concepts(joined)
    if "self" in found and "max" not in found and "toi da" in fold(joined):
        found.add("max")
    order = ("criterion", "max", "self", "appraised", "explanation")
    return tuple(c for c in order if c in found)

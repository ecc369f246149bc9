"""Scoring-scale lines inside a criterion's cell: "- Hoàn thành 100%: 1,5 điểm", "+ Dưới 50%: 0
điểm". Many criteria sets print, under a criterion's name, how its points are given; they are not
part of the name. Readers join a cell's lines with spaces, so the scale is found in the joined
text: from a bullet on, every bulleted item ends in a number of points."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex as re

from extract.segment.joined import JoinedRow, JoinedTable
from normalize.lazy_regex import lazy_compile


@dataclass(frozen=True)
class ScaleSettings:
    # Bullets that open a scale line (hyphen, en/em dash, plus, bullet signs).
    bullets: str = "-–—+•·*"
    # Least number of scale items for a split: one bulleted "…: 1 điểm" could be a name's own
    # wording ("Công tác kiểm tra - tối đa 1 điểm" is rare, a one-line scale rarer still).
    min_items: int = 1
    # Least number of items of a scale printed without bullets, one item a line under the name
    # ("Ban hành đúng thời hạn: 1 điểm" / "Ban hành chậm: 0,5 điểm"): with no bullet to open it,
    # a single line ending in points is as likely the name's own wording ("… năm 2025: 1 điểm").
    min_unbulleted_items: int = 2


# Points closing a scale item: "1,5 điểm", "0đ", "(2 điểm)", or a bare number after a colon
# (": 1", "= 0,5"), with a trailing ";" or ".".
_POINTS_END = lazy_compile(r"(?:\d+(?:[.,]\d+)?\s*(?:điểm|đ)|[:=]\s*\d+(?:[.,]\d+)?)\s*\)?\s*[;.,]?\s*$", re.I)

# How a printed line of a cell opens: an item of an unbulleted scale opens with a capital or a
# digit; a line that goes on with a small letter continues the one above (Vietnamese wraps
# mid-sentence in small letters, and a cell's new line of its own begins with a capital).
_OPENS_ITEM = lazy_compile(r"^[\p{Lu}\d]")
_BULLETED = lazy_compile(r"^[\-–—+•·*]\s")


def split_scale(text: str, settings: ScaleSettings = ScaleSettings()) -> tuple[str, list[str]]:
    """(name, scale items) from a name cell's text. The scale is the tail from the earliest
    bullet after which the text ends in points; it splits into items at the bullets that
    follow a points ending (a dash inside an item, "từ 50% - dưới 100%: 0,5 điểm", stays in
    it). Bullets are dropped. A cell that is nothing but scale lines keeps them as its name (no
    name is ever emptied)."""
    if not _POINTS_END.search(text):
        return text, []
    # A line's bullet is followed by a capital or a digit; a dash inside a line mostly by a
    # small letter ("chỉ đạo - điều hành", "từ 50% - dưới 100%"). Scales typed in small
    # letters are read on the second pass.
    for opener in (r"[\p{Lu}\d]", r"\S"):
        bullet = _bullet_at(settings.bullets, opener)
        found = _split_at(text, bullet, settings)
        if found is not None:
            return found
    return text, []


@lru_cache(maxsize=16)
def _bullet_at(bullets: str, opener: str | None):
    """The pattern of a scale line's bullet: before ``opener`` anywhere in a cell's text, or (None)
    at the start of one line. Compiled once per settings: every name cell of every table asks."""
    if opener is None:
        return re.compile(rf"^[{re.escape(bullets)}]\s+")
    return re.compile(rf"(?:^|(?<=\s))[{re.escape(bullets)}]\s+(?={opener})")


def _split_at(text: str, bullet, settings: ScaleSettings) -> tuple[str, list[str]] | None:
    starts = [m.start() for m in bullet.finditer(text)]
    for k, start in enumerate(starts):
        name = text[:start].strip()
        if not name:
            continue
        cuts = [start] + [b for b in starts[k + 1 :] if _POINTS_END.search(text[:b])] + [len(text)]
        items = [item_text(bullet.sub("", text[a:b], count=1)) for a, b in zip(cuts, cuts[1:])]
        if len(items) >= settings.min_items and all(_POINTS_END.search(i) for i in items):
            return name, items
    return None


def unbulleted_scale(lines: list[str], settings: ScaleSettings = ScaleSettings()) -> tuple[str, list[str]] | None:
    """(name, scale items) from a name cell's printed lines (DOCX paragraphs, a PDF or scan
    cell's visual lines) when the scale under the name is printed without bullets, one item a
    line, each ending in its points; None when it is not. The name is the shortest run of the
    first lines after which every line groups into items: an item opens with a capital or a
    digit, its wrapped lines go on in small letters, and its last line ends in points. The
    name's own last line ends in no points (else the name is a scale item too)."""
    lines = [" ".join(line.split()) for line in lines]
    lines = [line for line in lines if line]
    if len(lines) < 1 + settings.min_unbulleted_items or any(_BULLETED.match(line) for line in lines):
        return None
    for k in range(1, len(lines) - settings.min_unbulleted_items + 1):
        if _POINTS_END.search(lines[k - 1]):
            return None
        items = _items_of(lines[k:])
        if items is not None and len(items) >= settings.min_unbulleted_items:
            return " ".join(lines[:k]), [item_text(item) for item in items]
    return None


def name_cell_scale(
    joined: JoinedTable, row: JoinedRow, col: int | None, name: str, settings: ScaleSettings = ScaleSettings()
) -> tuple[str, list[str]] | None:
    """(name, scale items) when a table's name cell prints a scale under the name without
    bullets, one item a line (``unbulleted_scale`` on the cell's printed lines); None otherwise.
    Only where the cell's lines are the name's text (a code split off the name changes it: then
    they are not used)."""
    lines = joined.cell_lines(row, col) if col is not None else []
    if not lines or " ".join(lines) != name:
        return None
    return unbulleted_scale(lines, settings)


# What closes a scale item after its points: the list's punctuation (";", ",", a full stop) or,
# on a scan, a speck read as one ("1 .", "0 điểm."): no part of the item.
_ITEM_CLOSING = lazy_compile(r"\s*[;,.]+$")


def item_text(item: str) -> str:
    """A scale item as kept: trimmed, and its closing punctuation after the points dropped (a
    figure's own decimal comma has a digit after it and stays)."""
    item = item.strip()
    if _POINTS_END.search(item):
        item = _ITEM_CLOSING.sub("", item)
    return item.rstrip(";,").strip()


def _items_of(lines: list[str]) -> list[str] | None:
    """The lines as scale items, or None when they are not all items."""
    items: list[str] = []
    current: list[str] = []
    for line in lines:
        if not current and items and not _OPENS_ITEM.match(line) and _POINTS_END.search(f"{items[-1]} {line}"):
            items[-1] = f"{items[-1]} {line}"  # the points' word wrapped ("…: 1" / "điểm")
            continue
        if not current and not _OPENS_ITEM.match(line):
            return None
        if current and _OPENS_ITEM.match(line) and not line[0].isdigit():
            return None  # a capital inside an item that has not reached its points
        current.append(line)
        if _POINTS_END.search(" ".join(current)):  # (its points may wrap alone: "… quy định:" / "0")
            items.append(" ".join(current))
            current = []
    return items if not current else None


# A points ending followed by the start of the next line (a capital or a bullet).
_ITEM_END = lazy_compile(
    r"(?:\d+(?:[.,]\d+)?\s*(?:điểm|đ)|[:=]\s*\d+(?:[.,]\d+)?)\s*\)?\s*[;.,]?(?=\s+[\p{Lu}\-–—+•·*])"
)


def scale_items(text: str, settings: ScaleSettings = ScaleSettings()) -> list[str]:
    """The items of a cell that holds nothing but a scale (a "Cách tính điểm" column): one per
    line, a line ending in its points; bullets dropped. Empty for an empty cell."""
    text = " ".join(text.split())
    if not text:
        return []
    bullet = _bullet_at(settings.bullets, None)
    cuts = [0] + [m.end() for m in _ITEM_END.finditer(text)] + [len(text)]
    items = [item_text(bullet.sub("", text[a:b].strip())) for a, b in zip(cuts, cuts[1:])]
    return [i for i in items if i]


# A printed line that is one scale item: a bullet (OCR may double it or lose its space), a capital
# or a digit, and the item's points at the line's end ("- Ban hành kịp thời: 1", "+ Dưới 50%: 0 điểm").
# Specks before the bullet may hold one stray letter OCR made of a rule ("h + Không ban hành: 0").
_SCALE_LINE = lazy_compile(
    r"^[^\p{L}\p{N}\-–—+•·*]*(?:\p{L}\s+[^\p{L}\p{N}\-–—+•·*]*)?[\-–—+•·*]{1,2}\s*(?=[\p{Lu}\d])"
)

# Specks OCR leaves after the points ("0,5..", "1 |", "0 điểm :"): a rule's or the paper's.
_SPECKS_END = lazy_compile(r"(?<=[\p{L}\p{N}])\s*[^\p{L}\p{N})]+$")


# An item's points after its colon, then a capitalised word: the next cell's text on the same
# printed line ("- Ban hành đúng thời gian quy định: 14,5 UBND ngày 28/12/2024", the explanation
# column's wrapped line), since Vietnamese goes on in lower case within a cell.
_POINTS_THEN_CELL = lazy_compile(r"[:=]\s*\d+(?:[.,]\d+)?(?:\s*(?:[đĐ]iểm|đ)\b)?\s*[;.,]?(?=\s+\p{Lu})")


def closes_scale_item(text: str, settings: ScaleSettings = ScaleSettings()) -> bool:
    """Whether a line's text, up to and with a figure, ends in a bulleted scale item whose points
    that figure is ("1.2.1 | Tất cả báo cáo … | + Đủ số lượng …: 1"): the figure is the scale's. The
    item must have words: a dash and a colon OCR made of specks ("hành chính - : 16.") label none."""
    items = split_scale(text, settings)[1]
    return bool(items) and re.search(r"\p{L}{2}[^:]*:", items[-1]) is not None


def is_scale_line(text: str) -> bool:
    """Whether an OCR'd line is one item of a scoring scale (whole, or followed by another
    cell's text: ``scale_line_parts``)."""
    item, _ = scale_line_parts(text)
    return bool(_SCALE_LINE.match(item)) and bool(_POINTS_END.search(item))


def scale_line_parts(text: str) -> tuple[str, str]:
    """(the line up to its scale item's points, the rest: another cell's text, or "")."""
    text = " ".join(text.split())
    whole = _SPECKS_END.sub("", text)
    if _POINTS_END.search(whole):
        return whole, ""
    m = _POINTS_THEN_CELL.search(text)
    if m is None or not _SCALE_LINE.match(text):
        return whole, ""
    return text[: m.end()], text[m.end() :].strip()


def scale_line_text(text: str) -> str:
    """The scale item a line prints, its bullet and the specks before it dropped."""
    item, _ = scale_line_parts(text)
    return item_text(_SCALE_LINE.sub("", item))

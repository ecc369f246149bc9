"""Scoring-scale lines inside a criterion's cell: "- Hoàn thành 100%: 1,5 điểm", "+ Dưới 50%: 0
điểm". Many criteria sets print, under a criterion's name, how its points are given; they are not
part of the name. Readers join a cell's lines with spaces, so the scale is found in the joined
text: from a bullet on, every bulleted item ends in a number of points."""

from __future__ import annotations

from dataclasses import dataclass

import regex as re

from normalize.lazy_regex import lazy_compile


@dataclass(frozen=True)
class ScaleSettings:
    # Bullets that open a scale line (hyphen, en/em dash, plus, bullet signs).
    bullets: str = "-–—+•·*"
    # Least number of scale items for a split: one bulleted "…: 1 điểm" could be a name's own
    # wording ("Công tác kiểm tra - tối đa 1 điểm" is rare, a one-line scale rarer still).
    min_items: int = 1


# Points closing a scale item: "1,5 điểm", "0đ", "(2 điểm)", or a bare number after a colon
# (": 1", "= 0,5"), with a trailing ";" or ".".
_POINTS_END = lazy_compile(r"(?:\d+(?:[.,]\d+)?\s*(?:điểm|đ)|[:=]\s*\d+(?:[.,]\d+)?)\s*\)?\s*[;.,]?\s*$", re.I)


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
        bullet = re.compile(rf"(?:^|(?<=\s))[{re.escape(settings.bullets)}]\s+(?={opener})")
        found = _split_at(text, bullet, settings)
        if found is not None:
            return found
    return text, []


def _split_at(text: str, bullet, settings: ScaleSettings) -> tuple[str, list[str]] | None:
    starts = [m.start() for m in bullet.finditer(text)]
    for k, start in enumerate(starts):
        name = text[:start].strip()
        if not name:
            continue
        cuts = [start] + [b for b in starts[k + 1 :] if _POINTS_END.search(text[:b])] + [len(text)]
        items = [bullet.sub("", text[a:b], count=1).strip().rstrip(";,").strip() for a, b in zip(cuts, cuts[1:])]
        if len(items) >= settings.min_items and all(_POINTS_END.search(i) for i in items):
            return name, items
    return None


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
    bullet = re.compile(rf"^[{re.escape(settings.bullets)}]\s+")
    cuts = [0] + [m.end() for m in _ITEM_END.finditer(text)] + [len(text)]
    items = [bullet.sub("", text[a:b].strip()).rstrip(";,").strip() for a, b in zip(cuts, cuts[1:])]
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
    return _SCALE_LINE.sub("", item).rstrip(";,").strip()

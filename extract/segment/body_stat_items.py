"""What the item lines under a report's numbered statistics line say of it when OCR spoilt a cell
(``body_stat_lines``): the items of a results table print their parts over the whole ("- Số nhiệm vụ
đã hoàn thành 17/19 nhiệm vụ (89,47%)"), so the whole is the numbered line's count printed again —
the figure of a numbered line whose own cell OCR lost ("2. Số nhiệm vụ trong Kế hoạch CCHC năm a");
and a figure it did read that is not that whole is doubted. A line printing such a cell under a line
printing one is an item whose dash or words OCR lost, its own row, never the wrap of the line above
(whose cell it would take)."""

from __future__ import annotations

from normalize.lazy_regex import lazy_compile
from normalize.numbers import parse_number

# A part over its whole as a result cell prints it, its unit or share after it: "17/19 nhiệm vụ",
# "510/598 hồ sơ (85,28%) a", "3/15 (20%".
_PART_OVER = lazy_compile(
    r"(?<![\d.,/])\d[\d.]*\s*/\s*(?P<whole>\d[\d.]*)\s*(?:(?P<unit>\p{L}+(?:\s\p{L}+){0,2})|(?=\(?\d[\d.,]*\s*%))"
)


def own_cell(above: str, text: str, under_head: bool) -> bool:
    """Whether a line printing a part over its whole is a row of its own, not the wrap of the entry
    above it: that entry prints a result cell of its own already, or is a numbered line outside any
    bracket (a numbered row is a whole; a part over it is an item's cell). Its words OCR may have
    lost or garbled ("82/598 hồ sơ (13,71% : oe", "1286 TTHC cung cấp … 39/91 thủ tục (42,86%": an
    item's dash read as digits); as a wrap its cell would take the place of the cell above."""
    if _PART_OVER.search(text) is None:
        return False
    opened = above.rfind("(")
    return _PART_OVER.search(above) is not None or (under_head and (opened < 0 or ")" in above[opened:]))


def items_whole(after: list[tuple[bool, str]], min_items: int) -> tuple[str, str] | None:
    """(whole, unit) the item lines under a numbered line (``after``: each entry after it, whether an
    item and its text, up to the next numbered one) print their parts over ("17/19 nhiệm vụ
    (89,47%)", "2/19 nhiệm vụ"), where ``min_items`` cells print it and none another (one could be
    a misreading; two agreeing are the count printed again); None otherwise. Items whose words OCR
    lost count too: their cell still prints the whole."""
    found: list[tuple[str, str]] = []
    for bullet, text in after:
        if not bullet:
            break
        found += [(m["whole"], m["unit"] or "") for m in _PART_OVER.finditer(text)]
    if len(found) < min_items or len({whole for whole, _ in found}) > 1:
        return None
    units = [unit for _, unit in found if unit]
    return found[0][0], max(units, key=units.count) if units else ""


def parts_past_whole(after: list[tuple[bool, str]]) -> bool:
    """Whether the item lines under a numbered line (as for ``items_whole``) print parts over one
    whole that add up past it ("61/115", "93/115", "1/115": the page prints 53): one of them is a
    misreading the lines cannot place, so the list is left to the text's reading, which reads a part
    back by its siblings (test_ours_not_the_communes, seed 14001's D22 i3)."""
    parts = 0.0
    wholes: set[float] = set()
    for bullet, text in after:
        if not bullet:
            break
        for m in _PART_OVER.finditer(text):
            part = parse_number(m.group(0).split("/")[0].strip(), kind="count")
            whole = parse_number(m["whole"], kind="count")
            if part is None or whole is None:
                return False
            parts += part.value
            wholes.add(whole.value)
    return len(wholes) == 1 and parts > next(iter(wholes))


def same_figure(figure: str, whole: str) -> bool:
    """Whether a figure read is the whole printed (as counts: "1.250" is 1250)."""
    read, printed = parse_number(figure, kind="count"), parse_number(whole, kind="count")
    return read is not None and printed is not None and read.value == printed.value

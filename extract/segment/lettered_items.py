"""A criterion's lettered items printed inside its own row: the name cell "Kế hoạch cải cách hành
chính năm" then "a) Ban hành kế hoạch …", "b) Mức độ hoàn thành …" on lines of their own, the
maximum and self cells the criterion's points then each item's, a line each ("3 / 1 / 2") or each
after its letter ("3 / a) 1 / b) 2"), or no figure at all after the letters of a field left unscored
("a) / b)"), the notes lettered the same way. Read as one row, the
criterion's figure is glued to its items' ("3 1 2") and the items are lost.

So a row whose name cell's lines, after the criterion's own, open with the letters in order ("a)",
"b)", …) is split into the criterion and one row an item (its code cell "a)", composed under the
criterion's code as any lettered item; its name without the letter), where every figure cell gives
each of them one line: as many plain lines as rows, or the criterion's line then one line an item
opened by its letter. Any other row is left as it is (``pasted_rows`` and the sums read it)."""

from __future__ import annotations

from dataclasses import dataclass, replace

from extract.segment.joined import JoinedRow, JoinedTable
from normalize.lazy_regex import lazy_compile


@dataclass(frozen=True)
class LetteredItemSettings:
    # The items' letters in the order a list prints them (Vietnamese: "đ" after "d", no "f", "j", "w", "z").
    letters: str = "abcdđeghiklmnopqrstuvxy"
    # Fewest items a criterion's cell must letter before its row is split (one letter alone may be a
    # name quoting "a)" in a wrap).
    min_items: int = 2


# A line opening with an item's letter: "a) Ban hành …", "b. Mức độ …".
_LETTERED = lazy_compile(r"^([a-zđ])[).]\s*(.*)$")
# A points figure alone ("1", "0,75", "2.5").
_FIGURE = lazy_compile(r"^\d{1,3}(?:[.,]\d{1,2})?$")
# A figure a scan's OCR read as one letter ("b" for 5): a line of a figure cell still, its reading
# left to the cell readers and the sums.
_ONE_LETTER = lazy_compile(r"^[^\W\d_]$")

# The columns whose lines are figures, a line a row.
_FIGURE_KEYS = ("max", "self", "appraised")


def _lines(row: JoinedRow, col: int | None) -> list[str]:
    if col is None or col >= len(row.lines):
        return []
    return [line.strip() for line in row.lines[col] if line.strip()]


def _lettered_openings(lines: list[str], settings: LetteredItemSettings) -> list[int] | None:
    """The indices of the lines opening the items, their letters in order from "a)", after one line
    at least of the criterion's own; None where the cell letters no such list."""
    opens = [k for k, line in enumerate(lines) if _LETTERED.match(line)]
    letters = [_LETTERED.match(lines[k]).group(1) for k in opens]
    if len(opens) < settings.min_items or opens[0] == 0 or "".join(letters) != settings.letters[: len(letters)]:
        return None
    return opens


def _gathered(lines: list[str], opens: list[int]) -> list[str]:
    """The criterion's own text and each item's (its letter dropped), the wrapped lines run on."""
    bounds = [0, *opens, len(lines)]
    parts = [" ".join(lines[a:b]) for a, b in zip(bounds, bounds[1:])]
    return [parts[0]] + [_LETTERED.match(part).group(2) for part in parts[1:]]


def _figures(lines: list[str], count: int, settings: LetteredItemSettings) -> list[str] | None:
    """A figure cell's line for each of ``count`` rows (the criterion's, then its items'); None where
    its lines cannot be so given."""
    if not lines:
        return [""] * count
    if len(lines) == count and all(_FIGURE.match(line) for line in lines):
        return lines
    # One line a row, one of them a lone letter: a figure OCR garbled, not a letter opening an item.
    if len(lines) == count and sum(not _FIGURE.match(line) for line in lines) == 1:
        if all(_FIGURE.match(line) or _ONE_LETTER.match(line) for line in lines):
            return lines
    # The criterion's own figure first, or none (a field the commune does not score prints its
    # items' letters alone: "", "a)", "b)"); then each item's after its letter, or none.
    own = 0 if _LETTERED.match(lines[0]) else 1
    lettered = [_LETTERED.match(line) for line in lines[own:]]
    if (own and not _FIGURE.match(lines[0])) or not all(lettered):
        return None
    parts = [lines[0] if own else ""] + [""] * (count - 1)
    for match in lettered:
        at = settings.letters.find(match.group(1)) + 1
        text = match.group(2).strip()
        if not 0 < at < count or parts[at] or (text and not _FIGURE.match(text)):
            return None
        parts[at] = text
    return parts


def _notes(lines: list[str], count: int, settings: LetteredItemSettings) -> list[str]:
    """The notes cell's text for each row: lines lettered go to their item, the lines before the
    first letter to the criterion; a cell lettered otherwise kept whole on the criterion."""
    parts = [""] * count
    at = 0
    for line in lines:
        match = _LETTERED.match(line)
        if match and 0 < settings.letters.find(match.group(1)) + 1 < count:
            at = settings.letters.find(match.group(1)) + 1
            parts[at] = match.group(2)
        else:
            parts[at] = f"{parts[at]} {line}".strip()
    return parts


def split_items(row: JoinedRow, columns: dict[str, int], settings: LetteredItemSettings) -> list[JoinedRow] | None:
    """The row's criterion and items, a row each; None for a row that letters no items inside it."""
    if "name" not in columns or "code" not in columns:
        return None
    names = _lines(row, columns["name"])
    opens = _lettered_openings(names, settings)
    if opens is None:
        return None
    count = len(opens) + 1
    split = {columns["name"]: _gathered(names, opens)}
    split[columns["code"]] = [row.cells[columns["code"]]] + [f"{settings.letters[k]})" for k in range(count - 1)]
    for key in _FIGURE_KEYS:
        if key in columns:
            figures = _figures(_lines(row, columns[key]), count, settings)
            if figures is None:
                return None
            split[columns[key]] = figures
    if "explanation" in columns:
        split[columns["explanation"]] = _notes(_lines(row, columns["explanation"]), count, settings)
    pieces = []
    for k in range(count):
        cells = [split[c][k] if c in split else (text if k == 0 else "") for c, text in enumerate(row.cells)]
        above: list[str | None] = [None] * len(cells) if row.above else []
        printed = [[cell] if cell else [] for cell in cells]
        pieces.append(replace(row, cells=cells, lines=printed, places=[], line_confs=[], above=above))
    return pieces


def split_lettered_items(
    joined: JoinedTable, columns: dict[str, int], settings: LetteredItemSettings = LetteredItemSettings()
) -> JoinedTable:
    """``joined`` with each row lettering its criterion's items inside it split into a row each."""
    rows: list[JoinedRow] = []
    for row in joined.rows:
        rows += split_items(row, columns, settings) or [row]
    return joined if len(rows) == len(joined.rows) else replace(joined, rows=rows)

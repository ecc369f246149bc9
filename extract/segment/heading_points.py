"""A field printed as one row across the whole score table, its points in its words: "1. Công tác
chỉ đạo, điều hành CCHC (tối đa 10 điểm, tự chấm 9 điểm)", "…: điểm tối đa 10; điểm tự chấm 9".
The row has no cell in the points columns, so without this it read as a code with no name and no
points (the name cut away with the figures, the field's points then nowhere, a field's fault against
its criteria never seen).

The heading's words are cut into the cells the table's columns name: its code, its name, the
maximum and the self points each figure the words give. Only a row whose one text fills the row
(in one cell, or repeated by the merge in each) and closes on both a maximum and a self-score said
in words is touched; a name that speaks of points on the way keeps its words."""

from __future__ import annotations

from dataclasses import replace

import regex as re

from extract.segment.joined import JoinedRow, JoinedTable
from normalize.lazy_regex import lazy_compile

# The pieces, tolerant of OCR's lost or changed diacritics ("toi da", "tu cham", "diem").
_FIGURE = r"\d{1,3}(?:[.,]\d{1,2})?"
_UNIT = r"(?:\s*[đd][iíìịỉĩ]\S{0,2}m\b)?"
_POINTS = r"(?:[đd][iíìịỉĩ]\S{0,2}m\s+)?"  # "điểm tối đa", "điểm tự chấm"
_MOST = rf"{_POINTS}t\S{{1,2}}i\s*[đd][aáàảãạ]\s*[:=]?\s*(?P<max>{_FIGURE}){_UNIT}"
_SELF = rf"{_POINTS}t\S{{1,2}}\s*ch\S{{1,2}}m\s*[:=]?\s*(?P<self>{_FIGURE}|[-–]){_UNIT}"
_BOTH = rf"{_MOST}\s*[,;]\s*{_SELF}"
# Each closes the heading: bracketed, or after a colon or a dash.
_TAILS = (
    lazy_compile(rf"\s*[(\[]\s*{_BOTH}\s*[)\]]\s*\.?\s*$", re.I),
    lazy_compile(rf"\s*(?::|\s[-–])\s*{_BOTH}\s*\.?\s*$", re.I),
)
# A heading's code opening it: "1.", "I.", "1.2".
_CODE = lazy_compile(r"^\s*(?P<code>(?:[IVXLC]{1,6}|\d{1,2}(?:\.\d{1,2}){0,3})\.?)\s+(?P<name>\S.*)$")


def heading_points(text: str) -> tuple[str, str, str, str] | None:
    """A heading's code (blank when it prints none), its name without its points, its maximum and
    its self points as printed; None when its words do not close on both."""
    for tail in _TAILS:
        m = tail.search(text)
        if m and text[: m.start()].strip():
            head = text[: m.start()].rstrip(" ,;:-–")
            coded = _CODE.match(head)
            code, name = (coded.group("code"), coded.group("name")) if coded else ("", head.strip())
            return code, name, m.group("max"), m.group("self")
    return None


def points_from_headings(joined: JoinedTable, columns: dict[str, int]) -> JoinedTable:
    """The table with each field heading across it cut into its code, name and points cells;
    the table as it is when it has no such row (or no maximum and self columns to put them in)."""
    if not {"name", "max", "self"} <= set(columns):
        return joined
    rows = [_cut(row, columns) for row in joined.rows]
    if all(new is old for new, old in zip(rows, joined.rows)):
        return joined
    return replace(joined, rows=rows)


def _across(row: JoinedRow) -> str | None:
    """The row's one text when it fills the row alone (one cell, or the merge's repeats)."""
    filled = {c.strip() for c in row.cells if c.strip()}
    return filled.pop() if len(filled) == 1 else None


def _cut(row: JoinedRow, columns: dict[str, int]) -> JoinedRow:
    text = _across(row)
    found = heading_points(text) if text else None
    if found is None:
        return row
    code, name, most, own = found
    width = len(row.cells)
    placed = {columns["max"]: most, columns["self"]: own}
    if "code" in columns and columns["code"] != columns["name"]:
        placed |= {columns["code"]: code.rstrip("."), columns["name"]: name}
    else:
        placed[columns["name"]] = f"{code} {name}".strip()
    if any(at >= width for at in placed):
        return row
    cells = [placed.get(k, "") for k in range(width)]
    lines = [[cells[k]] if cells[k] else [] for k in range(width)]
    # (the cut cells' lines are new: their places and confidences no longer line up)
    confs = [[] if k in placed or k == 0 else list(c) for k, c in enumerate(row.line_confs)]
    places = [[] if k in placed or k == 0 else list(p) for k, p in enumerate(row.places)]
    return replace(row, cells=cells, lines=lines, line_confs=confs, places=places)

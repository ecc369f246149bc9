"""The header labels over a statistics annex printed one cell per line (``--psm 11``): where they
end and the first row begins, and how many of the form's columns they name.

OCR reads each cell's top, so a row's code cell, standing higher than the header's wrapped last
line, can come out among the labels ("STT" / "1" / "Nội dung" …, or "[ sTT" / "1" / "Số liệu lệ Ghi
chú" / "3" / "Số sáng kiến …"), and labels run together into one cell ("Số liệu … Ghi chú"). The
count of labels tells a form's rows from any other run of cells under its title."""

from __future__ import annotations

import regex as re

from extract.model import Line
from extract.segment.stat_cells import CODE, FIGURE, NUMBER, Cell
from extract.segment.stat_line_cells import _CODE, _CODE_SPECKS, _INDICATOR, _UNIT, _VALUE, _has_word, _header_cell
from normalize.text import fold

# The notes column's label, the header's last (OCR's "chi" for "chú" kept).
_NOTES_LABELS = ("ghi chu", "ghi chi")


def cells_under_labels(cells: list[Cell], lead: Cell | None) -> tuple[list[Cell], int]:
    """(the cells from the first row on, how many column labels the header's cells named). The
    labels are the cells before the first code or number, and a cell ending with the notes label
    right after the first row's code (which then opens the first row); ``lead`` is a code read
    between the labels above the cells (``code_between_labels``), which opens the first row."""
    first = next((k for k, c in enumerate(cells) if c.kind in (CODE, NUMBER, FIGURE)), len(cells))
    labels = [k for k in range(first) if _header_cell(cells[k].text)]
    named = len(labels)
    tail = _label_after_lead_code(cells, first)
    if tail is not None:
        named += _labels_named(cells[tail].text)
        cells = [cells[first], *cells[tail + 1 :]]
    elif labels:
        cells = cells[labels[-1] + 1 :]
    if lead is not None and (not cells or cells[0].kind not in (CODE, NUMBER)):
        cells = [lead, *cells]
    return cells, named


def _label_after_lead_code(cells: list[Cell], first: int) -> int | None:
    """The index of the header's last label when it stands right after the first row's lone code:
    a cell that ends with the notes column's label ("Số liệu … Ghi chú"), which no indicator ends
    with; else None."""
    k = first + 1
    if k >= len(cells) or cells[first].kind not in (CODE, NUMBER) or cells[k].kind in (CODE, NUMBER, FIGURE):
        return None
    folded = fold(cells[k].text).strip(" ,.;:|_-")
    return k if folded.endswith(_NOTES_LABELS) else None


def _labels_named(text: str) -> int:
    """How many of the form's column labels a header cell names ("Số liệu … Ghi chú": two)."""
    folded = fold(text)
    concepts = (_CODE, _INDICATOR, _UNIT, _VALUE, _NOTES_LABELS)
    return sum(1 for words in concepts if any(_has_word(folded, w) for w in words))


def code_between_labels(lines: list[Line], head: int) -> Cell | None:
    """The lone code printed between two header labels just above line ``head`` (a header's first
    label), as a code cell, or None: above the header the body starts under, so not among the
    cells; it opens the first row ("STT" / "1" / "Nội dung" / "ĐVT" …)."""
    if head < 2:
        return None
    above, label = lines[head - 1], lines[head - 2]
    token = above.text.strip().strip(_CODE_SPECKS)
    if not re.fullmatch(r"\d{1,2}\.?", token) or not _header_cell(label.text):
        return None
    return Cell(CODE, token, above.page, above.number)

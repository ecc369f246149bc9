"""A grid whose header only numbers its columns ("(1) | (2) | … | (5)") names them in a legend
printed beside the grid, most often as a note under it: "Ghi chú: cột (1): số thứ tự; cột (3):
điểm tối đa; …" (a spreadsheet's print, where the header row holds no words). The legend's labels
stand in for the header, so the same header matching reads the table."""

from __future__ import annotations

from dataclasses import dataclass

from extract.model import IngestedDocument, Line, Table
from extract.segment.joined import JoinedTable
from normalize.lazy_regex import lazy_compile
from normalize.text import fold


@dataclass(frozen=True)
class LegendSettings:
    # Lines looked at on each side of the grid (a note under it, or a key above it); the search
    # stops at another table, whose legend it would be.
    lines_around: int = 6


# "cột (3): điểm tối đa", "cột 3 - điểm tối đa", "(3): …": a column number, then its label up to
# the next entry's separator. Folded text (no diacritics, lower case).
_ENTRY = lazy_compile(r"(?:\bcot\s*)?\(\s*(\d{1,2})\s*\)\s*[:=–-]\s*([^;:()]+?)\s*(?=[;.]|$|(?:\bcot\b)|\()")
_PLAIN_ENTRY = lazy_compile(r"\bcot\s+(\d{1,2})\s*[:=–-]\s*([^;:()]+?)\s*(?=[;.]|$|\bcot\b)")


def legend_entries(text: str) -> dict[int, str]:
    """The column labels a legend line gives, by column number (folded text); {} for a line that
    is no legend. At least two entries: one "(3): …" alone is a footnote, not a key to columns."""
    folded = fold(text)
    entries: dict[int, str] = {}
    for pattern in (_ENTRY, _PLAIN_ENTRY):
        for m in pattern.finditer(folded):
            label = m.group(2).strip(" ,")
            if label:
                entries.setdefault(int(m.group(1)), label)
    return entries if len(entries) >= 2 else {}


def _lines_around(doc: IngestedDocument, table: JoinedTable, settings: LegendSettings) -> list[Line]:
    """The text lines just under the grid, then those just above it, each run stopping at a table."""
    blocks = list(doc.blocks())
    after = [i for i, b in enumerate(blocks) if isinstance(b, Table) and b.line_end == table.line_end]
    below: list[Line] = []
    for block in blocks[(after[-1] + 1 if after else table.block_index + 1) :]:
        if not isinstance(block, Line) or len(below) >= settings.lines_around:
            break
        below.append(block)
    above: list[Line] = []
    for block in reversed(blocks[: table.block_index]):
        if not isinstance(block, Line) or len(above) >= settings.lines_around:
            break
        above.append(block)
    return below + above


def legend_labels(
    doc: IngestedDocument, table: JoinedTable, settings: LegendSettings = LegendSettings()
) -> list[str] | None:
    """One label per column from the legend beside a grid whose columns are numbered, by the
    number each column's cell printed; None when the grid numbers no columns or no legend names
    them. A legend spread over several lines is gathered line by line."""
    if not table.column_marks or not any(m is not None for m in table.column_marks):
        return None
    entries: dict[int, str] = {}
    for line in _lines_around(doc, table, settings):
        for number, label in legend_entries(line.text).items():
            entries.setdefault(number, label)
    marks = table.column_marks + [None] * (table.n_cols - len(table.column_marks))
    labels = [entries.get(m, "") if m is not None else "" for m in marks[: table.n_cols]]
    return labels if sum(bool(label) for label in labels) >= 2 else None

"""A heading's row of cells printed one per line (``stat_cells.rejoin``) that took the next row's
cells: OCR's sparse text reads each row of the grid in an order of its own, and a row printing
its unit and figure (or its code) before its indicator, right under a heading, gives them to the
heading, which ``rejoin`` reads as a row awaiting them ("Công khai thủ tục hành chính" / "ui" /
"Thủ tục" / "133" / "Tổng số thủ tục …" / "a)"). The evidence is the two rows' own: a heading
is worded as no count is ("Số …", "Tổng số …", "Tỷ lệ …": ``stat_headings.count_worded``) and
prints neither a unit nor a figure, and the count under it is worded as one.

- The count under it holds no cell but its indicator: the heading's unit and figure are its.
- The count under it holds its own unit and figure and no code, and the heading a figure of
  two digits and no unit: the figure is the count's code, its dot lost ("21" for 2.1)."""

from __future__ import annotations

from extract.segment.stat_cells import CellRow
from extract.segment.stat_headings import count_worded
from normalize.codes import parse_code


def heading_cells_returned(rows: list[CellRow]) -> list[CellRow]:
    """The rows with each heading's cells given back to the count under it (see the module's note)."""
    for heading, count in zip(rows, rows[1:]):
        if not _heading(heading) or not count.indicator or not count_worded(" ".join(count.indicator)):
            continue
        if heading.unit and heading.value and not heading.unit_first and not (count.unit or count.value):
            count.unit, count.value, heading.unit, heading.value = heading.unit, heading.value, "", ""
        elif heading.value and not heading.unit and count.unit and count.value and not count.code:
            # (no code numbers a row 0: "20" is a figure, never 2.0)
            two_digits = len(heading.value) == 2 and heading.value.isdigit() and "0" not in heading.value
            dotted = ".".join(heading.value) if two_digits else ""
            if dotted and parse_code(dotted) is not None:
                count.code, count.undotted, heading.value = dotted, heading.value, ""
    return rows


def _heading(row: CellRow) -> bool:
    """A row worded as no count, its code lost or a section's number ("3")."""
    return bool(row.indicator) and not count_worded(" ".join(row.indicator)) and (not row.code or row.code.isdigit())

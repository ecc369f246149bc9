"""A plan's first section heading that a scan's grid read as the header's last row: the grid found
no rule between the header and the heading row under it ("I | CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH …",
the numeral OCR'd as "Í"), so the heading's cells were stacked onto the column labels ("TT Í",
"Tên nhiệm vụ CÔNG TÁC …") and, under a group head merged across a unit matrix, its blank cells
became the last header row the units' own labels are taken from. A header row is no label row
when its cells hold a section's numeral (as printed or as OCR reads it) and an upper-case title
that is no header's words, nothing else: it is put back as the body's first row, where the
section reader reads it as every other heading."""

from __future__ import annotations

from dataclasses import replace

from extract.segment.joined import JoinedRow, JoinedTable
from extract.segment.task_header import header_share
from extract.segment.task_sections import numeral_cell, ocr_section_parts, upper_title

# A title is a header row's words when at least this share of its words are header words
# ("ĐƠN VỊ THỰC HIỆN" printed in capitals is a label, not a section's title).
_MAX_HEADER_SHARE = 0.5


def _title(text: str) -> bool:
    return upper_title(text) and header_share(text) < _MAX_HEADER_SHARE


def heading_row(cells: list[str]) -> bool:
    """Whether a header row's cells are a section heading's: a numeral cell and a title cell after
    it, nothing else ("Í | CÔNG TÁC CHỈ ĐẠO …"), or one title merged across the row with its
    numeral ("I. CÔNG TÁC CHỈ ĐẠO …", the same text in every cell it spans)."""
    filled = [(c, t.strip()) for c, t in enumerate(cells) if t.strip()]
    distinct = list(dict.fromkeys(t for _, t in filled))
    if len(distinct) == 1:
        parts = ocr_section_parts(distinct[0])
        return parts is not None and _title(parts[1])
    return len(filled) == 2 and numeral_cell(filled[0][1]) and _title(filled[1][1])


def heading_out_of_header(table: JoinedTable) -> JoinedTable:
    """The table with its header's last row put back as its first body row when that row is a
    section heading (``heading_row``) under a header of its own; the table as it was otherwise."""
    if len(table.header) < 2 or not table.rows or not heading_row(table.header[-1]):
        return table
    first = table.rows[0]
    cells = list(table.header[-1]) + [""] * max(0, table.n_cols - len(table.header[-1]))
    row = JoinedRow(
        cells=cells,
        bold=[False] * len(cells),
        page=first.page,
        line_start=first.line_start,
        line_end=first.line_start,
        fragment=first.fragment,
    )
    return replace(table, header=table.header[:-1], rows=[row, *table.rows])

"""A plan's first section heading that a scan's grid read as the header's last row: the grid found
no rule between the header and the heading row under it ("I | CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH …",
the numeral OCR'd as "Í"), so the heading's cells were stacked onto the column labels ("TT Í",
"Tên nhiệm vụ CÔNG TÁC …") and, under a group head merged across a unit matrix, its blank cells
became the last header row the units' own labels are taken from. A header row is no label row
when its cells hold a section's numeral (as printed or as OCR reads it) and an upper-case title
that is no header's words, nothing else: it is put back as the body's first row, where the
section reader reads it as every other heading. A title in sentence case (a plan grouping its tasks
under their leading bodies: "I | Công chức Tư pháp - Hộ tịch", the numeral OCR'd as "lï") is a
heading too where the body prints rows of the same shape, a numeral and a title in the same two
cells and nothing else: a header's second row of labels is printed once, never again in the body."""

from __future__ import annotations

from dataclasses import replace

from extract.segment.joined import JoinedRow, JoinedTable, row_conf
from extract.segment.task_header import header_share
from extract.segment.task_sections import misread_numeral, numeral_cell, ocr_section_parts, upper_title

# A title is a header row's words when at least this share of its words are header words
# ("ĐƠN VỊ THỰC HIỆN" printed in capitals is a label, not a section's title).
_MAX_HEADER_SHARE = 0.5


def _title(text: str) -> bool:
    return upper_title(text) and header_share(text) < _MAX_HEADER_SHARE


def _numeral(text: str) -> bool:
    """A TT cell a section's numeral, as printed or OCR'd ("Í", "HI"), or a short run of letters no
    header word reads as ("lï"; "TT" is a label)."""
    return numeral_cell(text) or (misread_numeral(text) and header_share(text) == 0)


def _heading_shape(cells: list[str]) -> tuple[int, int] | None:
    """The (numeral, title) columns of a row holding a section's numeral and one cell after it,
    nothing else; None for any other row."""
    filled = [c for c, t in enumerate(cells) if t.strip()]
    if len(filled) != 2 or not _numeral(cells[filled[0]].strip()):
        return None
    return filled[0], filled[1]


def _body_heads_alike(cells: list[str], body: list[JoinedRow]) -> bool:
    """Whether a header row in sentence case is a section heading: its numeral and title, no
    header's words, in the two cells the body's own heading rows print theirs."""
    shape = _heading_shape(cells)
    if shape is None or header_share(cells[shape[1]]) >= _MAX_HEADER_SHARE:
        return False
    return any(_heading_shape(r.cells) == shape for r in body)


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
    if len(table.header) < 2 or not table.rows:
        return table
    if not heading_row(table.header[-1]) and not _body_heads_alike(table.header[-1], table.rows):
        return table
    first = table.rows[0]
    cells = list(table.header[-1]) + [""] * max(0, table.n_cols - len(table.header[-1]))
    # (a header keeps no cell's confidence: the row is told OCR'd as the row under it is, so the
    # section reader reads its numeral as OCR's, by the sequence: "lï" for "I")
    read = row_conf(first)
    row = JoinedRow(
        cells=cells,
        bold=[False] * len(cells),
        page=first.page,
        line_start=first.line_start,
        line_end=first.line_start,
        fragment=first.fragment,
        confs=[read] * len(cells) if read is not None else [],
    )
    return replace(table, header=table.header[:-1], rows=[row, *table.rows])

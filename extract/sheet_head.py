"""A spreadsheet printed as a document has no header above its grid: the issuing body ("UBND XÃ
…") and the sheet's title sit in merged rows at the top of the grid itself, each one cell across
the whole width. Those rows are the document's header lines; the metadata reader reads them as
it reads a letter's header printed above its body."""

from __future__ import annotations

from extract.letter_lines import is_upper
from extract.model import Cell, IngestedDocument, Line, Table


def sheet_head_lines(doc: IngestedDocument) -> list[Line]:
    """The leading full-width upper-case rows of a grid that opens the document (no text printed
    above it on its page), as lines; [] for a document whose header is printed as text, or whose
    first grid opens with its column labels."""
    if not doc.pages:
        return []
    first = next((b for b in doc.pages[0].blocks if not isinstance(b, Line) or b.text.strip()), None)
    if not isinstance(first, Table) or first.n_cols < 2:
        return []
    lines: list[Line] = []
    for row, cell in enumerate(full_width_rows(first)):
        if not is_upper(cell.text):
            break
        lines.append(
            Line(
                text=" ".join(cell.text.split()),
                page=first.page,
                number=first.line_start + row,
                bold=cell.bold,
                raw=cell.raw,
            )
        )
    return lines


def full_width_rows(table: Table) -> list[Cell]:
    """The cells of a grid's leading rows that are each one cell with text across the whole grid
    (a sheet's merged title rows): no column's label, whatever they say."""
    by_row: dict[int, list[Cell]] = {}
    for cell in table.cells:
        if cell.text.strip():
            by_row.setdefault(cell.row, []).append(cell)
    out: list[Cell] = []
    for row in range(table.n_rows):
        cells = by_row.get(row, [])
        if table.n_cols < 2 or len(cells) != 1 or cells[0].col_span < table.n_cols:
            break
        out.append(cells[0])
    return out

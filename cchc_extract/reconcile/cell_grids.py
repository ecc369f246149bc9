"""How a table's cells were made: a printed grid whose blanks are the document's (a typed table,
a PDF's text layer), or characters OCR made, where a cell can be lost; and the decimal mark a
score table writes, against which an OCR'd cell's other mark is a slip."""

from __future__ import annotations

from cchc_extract.reconcile.confidence_model import ConfidenceSettings
from cchc_extract.reconcile.printed_cells import DECIMAL_MARK
from schemas.records import ScoreRow, ScoreTable, SourceInfo, StatAnnex

# Grids whose cells are the document's own (``ScoreTable.read_from``, ``StatAnnex.read_from``): a
# DOCX table, a PDF's text layer (ruled or aligned), and text exports that delimit every cell
# (markdown pipes, HTML cells, tabs, a portal's bars). A blank there was printed blank, when the
# characters are not OCR's (``ocr_read``). Lines whose columns we split ourselves, and OCR's
# grids, can lose a cell.
PRINTED_GRIDS = frozenset({"docx", "pdf-lines", "pdf-text", "markdown", "html", "tsv", "portal"})


# Ingest methods (``Document.method``) whose tables are such grids: what an output written before
# tables recorded how they were read says.
CELL_METHODS = frozenset({"docx", "pdf-text"})


def blanks_printed(table: ScoreTable | StatAnnex, source: SourceInfo, ocr: bool) -> bool:
    """Whether a blank cell of ``table`` was printed blank, not a cell we lost: the table was read
    from a printed grid (``PRINTED_GRIDS``) whose characters are not OCR's (``ocr``: ``ocr_read``)."""
    if ocr:
        return False
    if table.read_from:
        return table.read_from in PRINTED_GRIDS
    return source.method in CELL_METHODS


def table_mark(rows: list[ScoreRow], fields: tuple[str, ...], s: ConfidenceSettings = ConfidenceSettings()) -> str:
    """The decimal mark a score table writes ("," or "."): the mark of at least ``own_mark_share``
    of its decimal figures, and at least ``own_mark_min`` of them; "" when it writes too few or
    both alike."""
    marks = [
        m.group(1)
        for row in rows
        for f in fields
        if (m := DECIMAL_MARK.fullmatch((getattr(row, f"{f}_raw", None) or "").strip()))
    ]
    for mark in (",", "."):
        n = marks.count(mark)
        if n >= s.own_mark_min and n >= s.own_mark_share * len(marks):
            return mark
    return ""

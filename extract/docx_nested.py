"""Tables inside tables in DOCX: a frame drawn round a score table, a data table set in a layout cell.

Communes box a whole annex in a one-column table (a frame with a caption row and the score table
inside), or set a table in one cell of a layout table. Word keeps the inner table inside the cell,
and a cell's text flattens it: the score table became one cell of text and was neither read nor
told. Two cases, both decided by shape, never by wording:
- a **frame**: a table of one grid column whose cells hold tables is not a table of its own; its
  cells' paragraphs and tables are read in order as if they stood in the body;
- a **data table** inside a cell of any other table (at least ``DocxReaderSettings.
  lift_min_rows`` rows and ``lift_min_cols`` columns: the small tables a Decree 30 header nests
  to lay out its lines stay flattened, as before) is lifted out: the outer table is read without it,
  the inner one follows as a table of its own.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _rows(tbl) -> list:
    return [tr for tr in tbl if tr.tag == W + "tr"]


def row_cells(tr) -> Iterator:
    """A row's cells (``w:tc``), looking through content controls and custom XML that wrap them."""
    for child in tr:
        if child.tag == W + "tc":
            yield child
        elif child.tag in (W + "sdt", W + "customXml"):
            content = child.find(W + "sdtContent") if child.tag == W + "sdt" else child
            if content is not None:
                yield from row_cells(content)


def _columns(tbl) -> int:
    """Grid columns: the widest row's cells (gridSpan counted) or the declared grid, whichever is larger."""
    grid = len(tbl.findall(f"{W}tblGrid/{W}gridCol"))
    widest = 0
    for tr in _rows(tbl):
        span = 0
        for tc in row_cells(tr):
            el = tc.find(f"{W}tcPr/{W}gridSpan")
            value = el.get(W + "val", "1") if el is not None else "1"
            span += int(value) if value.isdigit() else 1
        widest = max(widest, span)
    return max(grid, widest)


def inner_tables(tbl) -> list:
    """The tables set directly in ``tbl``'s cells (not those nested deeper inside them)."""
    return [t for t in tbl.iter(W + "tbl") if t is not tbl and _nearest_table(t) is tbl]


def _nearest_table(el):
    parent = el.getparent()
    while parent is not None and parent.tag != W + "tbl":
        parent = parent.getparent()
    return parent


def frame_contents(tbl, inner: list) -> list | None:
    """The block children (paragraphs, tables, content controls) of a frame table's cells in
    reading order, or None when ``tbl`` is not a frame (more than one column, or no table inside:
    ``inner``, its ``inner_tables``)."""
    if not inner or _columns(tbl) != 1:
        return None
    return [child for tr in _rows(tbl) for tc in row_cells(tr) for child in tc if child.tag != W + "tcPr"]


def data_tables(inner: list, min_rows: int, min_cols: int) -> list:
    """Of the tables set in a table's cells (``inner_tables``), those shaped like data (enough rows
    and columns) rather than layout."""
    return [t for t in inner if len(_rows(t)) >= min_rows and _columns(t) >= min_cols]


@contextmanager
def detached(elements: list) -> Iterator[None]:
    """``elements`` taken out of the tree for the time of the block and put back where they were
    (the outer table is read without the tables lifted out of it; paragraph identities, which
    Word's numbering labels are keyed on, are kept)."""
    places = []
    for el in elements:
        parent = el.getparent()
        places.append((parent, parent.index(el), el))
        parent.remove(el)
    try:
        yield
    finally:
        for parent, index, el in reversed(places):
            parent.insert(index, el)

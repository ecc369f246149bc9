"""Tables of the ingested model (grids) owed rows that gave none, or too few: a table of data
rows (item codes, numbers in two cells, a row of figures across) from which no row, or under half
of them, came out. Header, signature and letterhead blocks laid out as tables owe nothing."""

from __future__ import annotations

import regex as re

from extract.model import Table
from extract.segment.document_registers import is_document_register
from extract.segment.table_join import header_row_count
from extract.segment.unread_set_aside import overlaps
from extract.segment.unread_settings import UnreadSettings, sample_text
from normalize.lazy_regex import lazy_compile
from normalize.numbers import figures_only
from normalize.text import fold
from schemas.records import SourceRef, UnreadPart

# Words that make a table layout (Decree 30 header block, signature block, letterhead), not data.
_LAYOUT_MARKS = (
    "cong hoa xa hoi chu nghia",
    "doc lap - tu do",
    "doc lap tu do",
    "noi nhan",
    "tm. uy ban",
    "tm uy ban",
    "kt. chu tich",
    "kt chu tich",
    "(da ky)",
    "(ky",
    "chu tich",
    "so:",
    "ngay thang nam",
)
_ITEM_CODE = lazy_compile(r"^\s*(?:\d{1,2}(?:\.\d{1,2}){0,3}\.?|[a-zđ]\))(?:\s|$)", re.I)
# A cell holding one number ("12", "-1,5", "95 %").
NUMBER_CELL = lazy_compile(r"[-+]?\d[\d.,]*\s*%?")
_DATE_LINE = lazy_compile(r"ngay\s+\d{0,2}\s*thang\s+\d{0,2}\s*nam\s+\d{0,4}")


def table_text(table: Table) -> str:
    return "\n".join(" | ".join(c for c in row if c) for row in table.text_rows())


def is_layout_table(table: Table) -> bool:
    """A header block, signature block or letterhead laid out as a (borderless) table: it carries
    the national motto, "Số:", a place-and-date line, "Nơi nhận" or a signature title."""
    folded = fold(table_text(table))
    return any(mark in folded for mark in _LAYOUT_MARKS) or bool(_DATE_LINE.search(folded))


def data_rows(table: Table) -> list[int]:
    """Indices of the rows a reader owes: after the header rows, a row opening with an arabic or
    lettered item code, or holding numbers in two cells. Roman section headings are left out (task
    tables keep them as sections, not rows)."""
    rows = table.text_rows()
    out = []
    for r in range(header_row_count(rows), len(rows)):
        cells = [c.strip() for c in rows[r] if c.strip()]
        if not cells:
            continue
        if _ITEM_CODE.match(cells[0]) or sum(1 for c in cells if NUMBER_CELL.fullmatch(c)) >= 2:
            out.append(r)
    return out


def has_figure_row(table: Table, min_cells: int) -> bool:
    """A row after the header with figures and no words in at least ``min_cells`` cells, and no
    total's label (a continuation page's piece holding only the totals row, which the table it
    continues has read, owes nothing)."""
    rows = table.text_rows()
    for row in rows[header_row_count(rows) :]:
        figures = [c for c in row if figures_only(c, signs=True)]
        words = [c for c in row if c.strip() and c not in figures]
        if len(figures) >= min_cells and not any(_TOTAL_LABEL.match(fold(w)) for w in words):
            return True
    return False


_TOTAL_LABEL = lazy_compile(r"\W*(?:tong|cong)\b")


def read_from_table(ref: SourceRef, table: Table, settings: UnreadSettings) -> bool:
    """A row came from this table: same page, and its lines or its box fall in the table's."""
    last_page = max(table.page, table.page_end or table.page)
    if ref.page is None or not table.page <= ref.page <= last_page:
        return False
    if ref.bbox and table.bbox:
        return ref.page == table.page and overlaps(ref.bbox, table.bbox, settings.bbox_overlap)
    if ref.line_start is not None and table.line_end:
        end = ref.line_end if ref.line_end is not None else ref.line_start
        return ref.line_start <= table.line_end and end >= table.line_start
    # A format that gives neither lines nor boxes: the page is all we know.
    return not table.bbox and not table.line_end


def unread_table(
    table: Table, sources: list[SourceRef], settings: UnreadSettings, across: list[SourceRef] | None = None
) -> UnreadPart | None:
    """The table told unread when no row, or too few, came from it. ``across``: where the rows read
    across a matrix of units came from (a commune's row read a column at a time beside its units'
    rows, ``UNITS_ROWS_FLAG``): such a table owes a row per figure column, and the units' rows are
    told by that flag on every row read, not again here."""
    if is_layout_table(table) or is_document_register(table):
        return None  # (a list of evidence documents owes no rows: extract.segment.document_registers)
    read_across = sum(1 for ref in across or [] if read_from_table(ref, table, settings))
    if read_across:
        return _unread_across(table, read_across, settings)
    owed = data_rows(table)
    if len(owed) < settings.min_data_rows and not has_figure_row(table, settings.min_figure_cells):
        return None
    read = sum(1 for ref in sources if read_from_table(ref, table, settings))
    sample = sample_text(table_text(table), settings)
    if read == 0:
        first = next((r for r in table.text_rows() if any(c.strip() for c in r)), [])
        head = " | ".join(c for c in first if c.strip())
        return table_part(
            table,
            "table",
            sample,
            f"table of {table.n_rows} rows × {table.n_cols} columns not read (not recognised as "
            f"a score table, annex or task table; first row: {sample_text(head, settings)[:60]})",
        )
    missing = len(owed) - read
    if read < settings.min_read_share * len(owed) and missing >= settings.min_missing_rows:
        return table_part(table, "rows", sample, f"only {read} of the {len(owed)} rows of this table were read")
    return None


def figure_columns(table: Table) -> int:
    """The most cells holding one number in any row after the header, past the first column (a
    row's number, "STT"): the columns a table read across owes a row each."""
    rows = table.text_rows()
    body = rows[header_row_count(rows) :]
    return max((sum(1 for c in row[1:] if NUMBER_CELL.fullmatch(c.strip())) for row in body), default=0)


def _unread_across(table: Table, read: int, settings: UnreadSettings) -> UnreadPart | None:
    owed = figure_columns(table)
    if read < settings.min_read_share * owed and owed - read >= settings.min_missing_rows:
        sample = sample_text(table_text(table), settings)
        return table_part(table, "rows", sample, f"only {read} of the {owed} columns of this table were read")
    return None


def table_part(table: Table, kind: str, sample: str, reason: str) -> UnreadPart:
    return UnreadPart(
        page=table.page,
        kind=kind,
        reason=reason,
        text_sample=sample,
        page_end=table.page_end or None,
        bbox=list(table.bbox) if table.bbox else None,
        line_start=table.line_start or None,
        line_end=table.line_end or None,
    )

"""The account of what was not read: every table of the ingested model that gave no rows and is
not layout, every page with no usable text, every run of rows the segmenters could not place.

The worst failure for a district officer is the one nobody sees: a table whose points are written
in a way the segmenters do not know, a continuation page that joined nothing, a page OCR could not
read. This stage runs after segmentation and compares the model with what came out of it, by
position only (page, source lines, boxes), so it knows nothing of how any segmenter works and
cannot be fooled by one that fails quietly. Score tables whose rows cannot be trusted are taken
out of the result, and told, by ``unread_withdrawn``; the parts are told in the review queue,
each once, by ``unread_review``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import regex as re
from rapidfuzz import fuzz

from extract.model import IngestedDocument, Line, Page, Table, union_bbox
from extract.segment.column_blocks import unpaired_parts
from extract.segment.score_lines import column_block_reading
from extract.segment.table_join import header_row_count
from extract.segment.unread_across import unread_across_tables
from extract.segment.unread_announced import unread_announced_tables
from extract.segment.unread_review import totals_told as totals_told, unread_review_items as unread_review_items
from extract.segment.unread_rows import unread_headed_tables, unread_score_rows, within_lines
from extract.segment.unread_set_aside import overlaps, unread_set_aside
from extract.segment.unread_tail import unread_tail_rows
from extract.segment.unread_task_lines import unread_task_lines
from extract.segment.unread_tasks import unread_task_codes, unread_task_gaps, unread_task_lists, unread_task_runs
from normalize.lazy_regex import lazy_compile
from normalize.text import fold, fold_spaces
from schemas.records import LOST_TOTAL_REASON, ExtractionResult, ScoreRow, ScoreTable, SourceRef, UnreadPart

_ENDS_IN_NUMBER = lazy_compile(r"(.*?)(\d{1,3})")


@dataclass(frozen=True)
class UnreadSettings:
    # Characters of a part's text kept in ``text_sample`` (enough to recognise it in the review sheet).
    sample_chars: int = 160
    # A table is data-like when at least this many of its rows hold a number or an item code;
    # fewer is a text box or a one-line frame, not a table we owe rows for.
    min_data_rows: int = 2
    # ... or when one row holds figures (and no words) in this many cells: a table of indicators
    # printed across, a header of words over one row of figures (``stat_across``).
    min_figure_cells: int = 3
    # An OCR'd page with fewer characters of text (lines and table cells together) has no usable text.
    min_page_chars: int = 20
    # A table counts as partly read when fewer than this share of its data rows came out as rows,
    # and at least ``min_missing_rows`` of them are missing.
    min_read_share: float = 0.5
    min_missing_rows: int = 3
    # Boxes overlap when their intersection covers this share of the smaller one.
    bbox_overlap: float = 0.5
    # Siblings missing between two numbers of a score table's parent before it is reported
    # (1.2 → 1.5 leaves 1.3 and 1.4 unread: 2 missing).
    min_missing_siblings: int = 1
    # A score table of at least this many rows whose first sibling under a parent (or at the top)
    # is numbered past 1 lost the siblings before it (``_leading_gaps``); a row or two taken from
    # prose ("5. Cải cách tài chính công" in a paragraph) is no table that owes them.
    min_leading_gap_rows: int = 2
    # ... unless the table says it is an excerpt ("(TRÍCH)") in its title or on one of this many
    # lines above its first row (its header's height, with the lost rows under it).
    excerpt_lines: int = 12
    # A score table read from a typed page (text layer, DOCX, text export) is not trusted when at
    # least this share of its rows are unsure: a code the page does not print (inferred from order),
    # no name, or neither maximum nor self points. A typed table read right prints every code; rows
    # cut out of a layout the reader did not see (columns run together, a line taken for a row)
    # look like this. Such a table is reported as unread instead of giving invented rows.
    max_unsure_share: float = 0.4
    min_unsure_rows: int = 3
    # ... but on plain text (OCR dumps) a row with its printed code and name whose points were lost
    # is kept (and its points reported unread) when at least this share of the table's rows have
    # points: OCR lost some cells, the table is a score table.
    min_scored_share: float = 0.25
    # ... or when at least this share of its rows are the recognised criteria set's criteria by
    # their names (a name the set's wording of its code, or a lost code given back by the name):
    # a score table whose points OCR lost nearly all, not a layout misread.
    min_set_named_share: float = 0.5
    # A score table of plain text (an OCR dump) whose unsure rows trip the rule above loses only
    # the rows it is not sure of when at least this many of its rows are sure (code, name and
    # points; ``_sure``): OCR garbled some lines of a table it read, and the rows it read whole are
    # not thrown away with them. Fewer sure rows and the table goes whole, as on a typed page.
    min_sure_rows: int = 2
    # A sure row's name holds at least this many words shaped as Vietnamese syllables: every
    # criterion is named in two or more, and a "name" of OCR's specks ("oe 0", "ØjcS") is none.
    min_name_syllables: int = 2
    # When the document's criteria set is recognised, a sure row's name is at least this near
    # (0..100, ``wording_similarity``) to the wording of its code: a row whose name is another
    # criterion's is a row shifted or a code misread, not the row its code says ...
    sure_wording_min: float = 70.0
    # ... and it takes the code of the criterion whose wording its name is at least this near,
    # when no row of the table holds that code (a "2" read as "3"); otherwise it is not kept.
    sure_recode_min: float = 85.0
    # A row of a dump coded by its place alone is kept when its maximum read is the criteria
    # set's for that code within this, or when its name is at least this near (0..100,
    # ``wording_similarity``) to some criterion's wording; else nothing places it: withdrawn, told.
    unplaced_max_tolerance: float = 0.01
    unplaced_named_min: float = 85.0
    # Printed lines of a text-layer page that the reader cut into this many side-by-side pieces,
    # one of them a number alone, are rows of a table it did not see as one; this many of them
    # with no row read from them are reported.
    min_row_pieces: int = 3
    min_unread_lines: int = 3
    # Lines above a score table's first row read from lines where its header is looked for.
    header_lines: int = 8
    # Distinct pieces of the appraised column's label ("Phòng", "thẩm", "định", ``appraised_hints``)
    # the header lines must hold to name that column when OCR garbled its label past reading.
    appraised_label_pieces: int = 2


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
_NUMBER_CELL = lazy_compile(r"[-+]?\d[\d.,]*\s*%?")
# The row numbering a table's columns under its header, "(1) (2) (3)", repeated atop a
# continuation page: layout, nothing of it is data to read.
_COLUMN_NUMBERS = lazy_compile(r"\s*(?:\(\d{1,2}\)\s*)+")
# Words of a task table's header over the column that holds the task (folded).
_TASK_HEADER_WORDS = ("noi dung", "nhiem vu", "hoat dong", "cong viec", "giai phap")
_DATE_LINE = lazy_compile(r"ngay\s+\d{0,2}\s*thang\s+\d{0,2}\s*nam\s+\d{0,4}")


def find_unread(
    doc: IngestedDocument,
    result: ExtractionResult,
    settings: UnreadSettings = UnreadSettings(),
    known: list[UnreadPart] | None = None,
    set_aside: list[ScoreTable] | None = None,
) -> list[UnreadPart]:
    """Every part of ``doc`` that produced nothing in ``result``, in page order; lines already in a
    ``known`` part (a table withdrawn as unsure) are not reported twice. ``set_aside``: the score
    tables read from lines whose numbers did not behave as points (``read_score_tables``)."""
    sources = _row_sources(result)
    parts = unread_set_aside(doc, set_aside or [], sources)
    known = (known or []) + parts
    signer = result.document.signer if result.document else None
    for page in doc.pages:
        parts.extend(_unread_page(page, settings, signer))
        parts.extend(_unread_pictures(page))
        parts.extend(p for p in _unread_line_rows(page, sources, settings) if not within_lines(p, known))
        for table in page.tables:
            part = _unread_table(table, sources, settings)
            if part is not None:
                parts.append(part)
    unpaired = [p for p in unpaired_parts(column_block_reading(doc)) if not within_lines(p, known)]
    parts.extend(replace(p, text_sample=_sample(p.text_sample, settings)) for p in unpaired)
    parts.extend(_numbering_gaps(result, settings, known))
    parts.extend(_textless_tasks(result, settings))
    parts.extend(p for p in unread_task_codes(doc, result) if not within_lines(p, known))
    parts.extend(p for p in unread_task_lists(doc, result) if not within_lines(p, known + parts))
    parts.extend(p for p in unread_task_runs(doc, result) if not within_lines(p, known + parts))
    parts.extend(p for p in unread_task_gaps(doc, result) if not within_lines(p, known + parts))
    grid_lines = unread_task_lines(doc, result, lambda line, page: _line_read(line, page, sources))
    parts.extend(p for p in grid_lines if not within_lines(p, known + parts))
    lost = unread_score_rows(doc, result, lambda line, page: _line_read(line, page, sources))
    # A totals row taken for a row and withdrawn is told as the totals row it is (``totals_told``).
    parts.extend(
        replace(p, text_sample=_sample(p.text_sample, settings))
        for p in lost
        if p.reason == LOST_TOTAL_REASON or not within_lines(p, known)
    )
    # Rows garbled past reading after a table's last row read, told by the criteria's names they hold.
    tail = unread_tail_rows(doc, result, lambda line, page: _line_read(line, page, sources))
    parts.extend(
        replace(p, text_sample=_sample(p.text_sample, settings)) for p in tail if not within_lines(p, known + parts)
    )
    # A table's header with nothing read under it, unless a part above already tells its lines.
    headed = unread_headed_tables(doc, lambda line, page: _line_read(line, page, sources))
    parts.extend(
        replace(p, text_sample=_sample(p.text_sample, settings)) for p in headed if not within_lines(p, known + parts)
    )
    # A table printed across whose figures no reader took (a dump's labels on one line).
    across = unread_across_tables(doc, lambda line, page: _line_read(line, page, sources))
    parts.extend(
        replace(p, text_sample=_sample(p.text_sample, settings)) for p in across if not within_lines(p, known + parts)
    )
    # A score table a report announced ("… chấm điểm như sau:") of which OCR left only scraps.
    rows_only = _table_row_sources(result)
    announced = unread_announced_tables(
        doc,
        lambda line, page: _line_read(line, page, sources),
        row_read=lambda line, page: _line_read(line, page, rows_only),
    )
    parts.extend(
        replace(p, text_sample=_sample(p.text_sample, settings))
        for p in announced
        if not within_lines(p, known + parts)
    )
    parts = [p for p in parts if not _COLUMN_NUMBERS.fullmatch(p.text_sample or "")]
    # Siblings lost before the first read, last: they lie on no lines of their own (the row read
    # after them stands for the place), so they hide none of the parts above.
    parts.extend(_leading_gaps(doc, result, settings))
    return sorted(parts, key=lambda p: (p.page or 0, p.line_start or 0))


def _row_sources(result: ExtractionResult) -> list[SourceRef]:
    """Where every item read came from: table rows, and the narrative items (score statements,
    targets, counts), which are read from lines and tables too (a plan's indicator-by-year table
    gives targets, a report's field lines give statements) — a region they came from was read."""
    return _table_row_sources(result) + _narrative_sources(result)


def _table_row_sources(result: ExtractionResult) -> list[SourceRef]:
    """Where the rows of the tables read (score, statistics, tasks) came from."""
    refs: list[SourceRef] = []
    for score in result.score_tables:
        refs.extend(row.source for row in score.rows)
    for annex in result.statistics:
        refs.extend(row.source for row in annex.rows)
    for tasks in result.task_tables:
        refs.extend(row.source for row in tasks.rows)
    return refs


def _narrative_sources(result: ExtractionResult) -> list[SourceRef]:
    items: list = [*result.score_statements, *result.targets, *result.counts]
    return [item.source for item in items if item.source.page is not None]


def _sample(text: str, settings: UnreadSettings) -> str:
    text = fold_spaces(text.replace("\n", " "))
    return text if len(text) <= settings.sample_chars else text[: settings.sample_chars - 1].rstrip() + "…"


# --------------------------------------------------------------------------- pages


def _page_text(page: Page) -> str:
    cells = " ".join(c.text for t in page.tables for c in t.cells)
    return " ".join(line.text for line in page.lines) + " " + cells


def _unread_page(page: Page, settings: UnreadSettings, signer: str | None = None) -> list[UnreadPart]:
    text = _page_text(page).strip()
    if not text:
        reason = "no text on this page: blank, or OCR found nothing readable"
    elif _is_name(text, signer):
        return []  # the signer's name pushed onto a page of its own: the signature block, read
    elif page.method == "ocr" and len(re.sub(r"\s", "", text)) < settings.min_page_chars:
        # Only a scan can hold more than it gave: a typed page with a few words (a signature name
        # pushed onto the last page) is read whole.
        reason = f"almost no text on this page ({len(text)} characters): blank, or not readable"
    else:
        return []
    bbox = [0.0, 0.0, float(page.width), float(page.height)] if page.width and page.height else None
    return [UnreadPart(page=page.number, kind="page", reason=reason, text_sample=_sample(text, settings), bbox=bbox)]


# The words a signature block prints around the signer's name (folded): the mark of a signed
# copy, the signer's title, "TM." / "KT." and the body signed for.
_SIGNATURE_WORDS = lazy_compile(
    r"\((?:da )?ky[^)]*\)|\b(?:tm|kt|t/m)\b\.?|\b(?:pho )?chu tich\b|\buy ban nhan dan\b|\bubnd\b"
)


def _unread_pictures(page: Page) -> list[UnreadPart]:
    """Pictures of printed pages beside a page's text (extract.pdf_pictures): their contents,
    often a scanned signed table, were not read; the box says where to look."""
    return [
        UnreadPart(
            page=page.number,
            kind="table",
            reason="a picture of a printed page or table beside the typed text: its contents were not "
            "read (open the page, or ask for the scan itself)",
            bbox=[round(v, 1) for v in box],
        )
        for box in page.pictures
    ]


def _is_name(text: str, name: str | None, similarity: float = 85.0) -> bool:
    """Whether a page's text is, whole, the given name (OCR slips allowed), with what a signature
    block prints around it ("(Đã ký)", "CHỦ TỊCH") left out."""
    if not name:
        return False
    letters = [" ".join(re.findall(r"\p{L}+", t)) for t in (_SIGNATURE_WORDS.sub(" ", fold(text)), fold(name))]
    return bool(letters[1]) and fuzz.ratio(letters[0], letters[1]) >= similarity


# --------------------------------------------------------------------------- tables


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
        if _ITEM_CODE.match(cells[0]) or sum(1 for c in cells if _NUMBER_CELL.fullmatch(c)) >= 2:
            out.append(r)
    return out


def has_figure_row(table: Table, min_cells: int) -> bool:
    """A row after the header with figures and no words in at least ``min_cells`` cells, and no
    total's label (a continuation page's piece holding only the totals row, which the table it
    continues has read, owes nothing)."""
    rows = table.text_rows()
    for row in rows[header_row_count(rows) :]:
        figures = [c for c in row if _FIGURES_ONLY.fullmatch(c.strip())]
        words = [c for c in row if c.strip() and c not in figures]
        if len(figures) >= min_cells and not any(_TOTAL_LABEL.match(fold(w)) for w in words):
            return True
    return False


# A cell of figures: digits with their separators, percent signs, bars or brackets, no letter.
_FIGURES_ONLY = lazy_compile(r"[^\p{L}]*\d[^\p{L}]*")
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


def _unread_table(table: Table, sources: list[SourceRef], settings: UnreadSettings) -> UnreadPart | None:
    if is_layout_table(table):
        return None
    owed = data_rows(table)
    if len(owed) < settings.min_data_rows and not has_figure_row(table, settings.min_figure_cells):
        return None
    read = sum(1 for ref in sources if read_from_table(ref, table, settings))
    sample = _sample(table_text(table), settings)
    if read == 0:
        first = next((r for r in table.text_rows() if any(c.strip() for c in r)), [])
        head = " | ".join(c for c in first if c.strip())
        return table_part(
            table,
            "table",
            sample,
            f"table of {table.n_rows} rows × {table.n_cols} columns not read (not recognised as "
            f"a score table, annex or task table; first row: {_sample(head, settings)[:60]})",
        )
    missing = len(owed) - read
    if read < settings.min_read_share * len(owed) and missing >= settings.min_missing_rows:
        return table_part(table, "rows", sample, f"only {read} of the {len(owed)} rows of this table were read")
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


# --------------------------------------------------------------------------- table rows left as lines


def _unread_line_rows(page: Page, sources: list[SourceRef], settings: UnreadSettings) -> list[UnreadPart]:
    """Printed lines that look like the rows of a table (cut at wide gaps into several pieces, one of
    them a number alone) but gave no row: a table the reader could not see as one."""
    if page.method != "pdf-text":
        return []
    printed: dict[float, list[Line]] = {}
    for line in page.lines:
        if line.bbox:
            printed.setdefault(round(line.bbox[1]), []).append(line)
    unread_rows = []
    for pieces in printed.values():
        if len(pieces) < settings.min_row_pieces or not any(_NUMBER_CELL.fullmatch(p.text.strip()) for p in pieces):
            continue
        if any(_line_read(p, page.number, sources) for p in pieces):
            continue
        unread_rows.append(pieces)
    if len(unread_rows) < settings.min_unread_lines:
        return []
    lines = [p for pieces in unread_rows for p in pieces]
    boxes = [p.bbox for p in lines if p.bbox]
    text = " ".join(
        " ".join(p.text for p in sorted(pieces, key=lambda q: q.bbox[0] if q.bbox else 0)) for pieces in unread_rows
    )
    return [
        UnreadPart(
            page=page.number,
            kind="rows",
            reason=f"{len(unread_rows)} printed lines laid out like table rows (numbers in columns) gave no row: "
            "a table printed without borders that could not be read",
            text_sample=_sample(text, settings),
            bbox=list(union_bbox(boxes)),
            line_start=min(p.number for p in lines),
            line_end=max(p.number for p in lines),
        )
    ]


def _line_read(line: Line, page: int, sources: list[SourceRef]) -> bool:
    for ref in sources:
        if ref.page != page:
            continue
        if ref.line_start is not None and ref.line_start <= line.number <= (ref.line_end or ref.line_start):
            return True
        if ref.bbox and line.bbox and overlaps(ref.bbox, line.bbox, 0.5):
            return True
    return False


# --------------------------------------------------------------------------- numbering


def _last_number(code: str) -> tuple[str, int] | None:
    m = _ENDS_IN_NUMBER.fullmatch(code or "")
    return (m.group(1), int(m.group(2))) if m else None


def _numbering_gaps(result: ExtractionResult, settings: UnreadSettings, known: list[UnreadPart]) -> list[UnreadPart]:
    """Siblings of a score table numbered 1.2 then 1.5: the rows between were not read (a page
    that contributed nothing, a row the segmenter could not place). Task tables are left out: their
    numbering is the commune's own and skips as it likes."""
    parts: list[UnreadPart] = []
    for score in result.score_tables:
        last: dict[tuple[str | None, str], tuple[int, str, SourceRef]] = {}
        for row in score.rows:
            key = _last_number(row.code or "")
            if key is None:
                continue
            prefix, n = key
            slot = (row.parent, prefix)
            previous = last.get(slot)
            last[slot] = (n, row.code or "", row.source)
            if previous is None or _told_between(previous[2], row.source, known):
                continue
            missing = [f"{prefix}{k}" for k in range(previous[0] + 1, n)]
            if len(missing) < settings.min_missing_siblings:
                continue
            listed = ", ".join(missing[:5]) + ("…" if len(missing) > 5 else "")
            parts.append(
                _gap_part(row, f"numbering jumps from {previous[1]} to {row.code}: {listed} not read", settings)
            )
    return parts


def _leading_gaps(doc: IngestedDocument, result: ExtractionResult, settings: UnreadSettings) -> list[UnreadPart]:
    """The siblings numbered before the first one read under its parent (or at the top level):
    "1.3" first under 1, or "5." first in the table, leaves 1.1 and 1.2, or 1 to 4, unread. A
    score table prints its criteria in order from the first (an excerpt of a set is its first
    fields), so a first sibling past 1 lost those before it — unless the table says it is an
    excerpt ("(TRÍCH)" under its title): then its first field may be any, and only a parent read
    vouches that its sub-criteria start at the first. Codes another table of the document holds
    (a table continued on a later page) were read there; a sibling whose own sub-criteria were
    read is told as a parent not read (``unread_rows``), not again here."""
    read = {(row.code or "").rstrip(".") for score in result.score_tables for row in score.rows}
    parts: list[UnreadPart] = []
    for score in result.score_tables:
        if len(score.rows) < settings.min_leading_gap_rows:
            continue
        excerpt = _marked_excerpt(doc, score, settings)
        first: dict[tuple[str | None, str], tuple[int, ScoreRow]] = {}
        for row in score.rows:
            key = _last_number(row.code or "")
            if key is not None and (row.parent, key[0]) not in first:
                first[(row.parent, key[0])] = (key[1], row)
        for (parent, prefix), (n, row) in first.items():
            if excerpt and parent is None and not prefix:
                continue
            missing = [f"{prefix}{k}" for k in range(1, n)]
            if any(code in read for code in missing):
                continue  # numbered from 1 after all: the siblings before were read elsewhere
            missing = [code for code in missing if not any(r.startswith(code + ".") for r in read)]
            if len(missing) < settings.min_missing_siblings:
                continue
            listed = ", ".join(missing[:5]) + ("…" if len(missing) > 5 else "")
            parts.append(_gap_part(row, f"numbering starts at {row.code}: {listed} before it not read", settings))
    return parts


# A table's title marking it an excerpt of the criteria ("… CẤP XÃ (TRÍCH)"), folded; a
# document's "trích yếu" (its subject line) is no such mark.
_EXCERPT = lazy_compile(r"\btrich\b(?!\s*yeu)")


def _marked_excerpt(doc: IngestedDocument, score: ScoreTable, settings: UnreadSettings) -> bool:
    """Whether the table says it is an excerpt: in its title, or on the lines above its first row."""
    if _EXCERPT.search(fold(score.title or "")):
        return True
    first = score.rows[0].source
    if first.page is None or first.line_start is None:
        return False
    return any(
        _EXCERPT.search(fold(line.raw or line.text))
        for page in doc.pages
        if page.number == first.page
        for line in page.lines
        if first.line_start - settings.excerpt_lines <= line.number < first.line_start
    )


def _gap_part(row: ScoreRow, reason: str, settings: UnreadSettings) -> UnreadPart:
    return UnreadPart(
        page=row.source.page,
        kind="rows",
        line_start=row.source.line_start,
        line_end=row.source.line_end,
        bbox=row.source.bbox,
        reason=reason,
        text_sample=_sample(f"{row.code} {row.name}", settings),
    )


def _told_between(before: SourceRef, after: SourceRef, known: list[UnreadPart]) -> bool:
    """A part already reported (rows withdrawn as unsure) lies between two rows read: the siblings
    missing between them are in it, and are not reported twice."""
    if before.page is None or before.page != after.page or before.line_start is None or after.line_start is None:
        return False
    low = before.line_end or before.line_start
    return any(
        k.page == before.page and k.line_start is not None and low < k.line_start and k.line_start < after.line_start
        for k in known
    )


_MERGED_CODE = lazy_compile(r"\p{L}{2,}[^\p{L}]+\p{L}{2,}")


def _textless_tasks(result: ExtractionResult, settings: UnreadSettings) -> list[UnreadPart]:
    """Task tables whose header names a task column but whose rows came out without a task: no
    task, activity, criterion or objective text, the row's words landing in other columns (a
    header the reader did not map, columns shifted on a scan). Such rows are places, not tasks
    read: at least ``min_missing_rows`` of them, and at least ``min_read_share`` of the table,
    are reported."""
    parts: list[UnreadPart] = []
    for table in result.task_tables:
        if not any(word in fold(" ".join(table.columns)) for word in _TASK_HEADER_WORDS):
            continue  # a list keyed by criterion code, with no task column to read (it prints none)
        empty = [r for r in table.rows if not (r.task or r.activity or r.criterion or r.objective).strip()]
        if len(empty) < settings.min_missing_rows or len(empty) < settings.min_read_share * len(table.rows):
            # A row whose number or code cell holds the row's words ("11 5.3 | Đánh giá, xếp loại
            # … | Báo cáo", "5.4Cửcánbộ,côngchức…"): a scan's grid merged its cells into one, its
            # task and fields are not read. A code holds no words.
            empty = [r for r in table.rows if _MERGED_CODE.search(f"{r.code or ''} {r.criterion_code or ''}")]
            if not empty:
                continue
        first, last = empty[0].source, empty[-1].source
        boxes = [r.source.bbox for r in empty if r.source.bbox and r.source.page == first.page]
        text = " | ".join(" ".join(v for v in (r.code or "", r.lead, r.product, r.deadline) if v) for r in empty)
        parts.append(
            UnreadPart(
                page=first.page,
                kind="rows",
                reason=f"{len(empty)} of the {len(table.rows)} rows of task table {table.title[:60]!r} came out "
                "without their task (its columns were not recognised)",
                text_sample=_sample(text, settings),
                bbox=list(union_bbox(boxes)) if boxes else None,
                page_end=last.page if last.page != first.page else None,
                line_start=first.line_start,
                line_end=(last.line_end or last.line_start) if last.page == first.page else None,
            )
        )
    return parts

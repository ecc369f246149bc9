"""What the page's edge cut, told: a grid wider than its page (extract.page_edge) and text that
runs past the paper.

A score table or a statistics annex printed landscape on a portrait page loses the columns past
the edge: its codes when the left edge cut it, its last points column or note when the right one
did. What the reader returns of it looks whole, so without a word a value shifts or is read
empty. The cut grid is told once, as an unread part naming its page and the cut side (or the
part already telling the grid as not read says it), and each score or annex row read from it
that the cut touches (``extract.page_edge.sides_touching``) carries the flag
``cut_by_page_edge:<sides>``, which the review queue asks about on the fields the cut can have
taken (``edge_fields``). Nothing is filled in: a value past the edge is not in
the file. Words of the text layer whose box runs past the page (``Page.off_page_words``) outside
such a grid are told as the page's. Positions only, like ``extract.segment.unread``: it knows
nothing of how a segmenter read the grid."""

from __future__ import annotations

from dataclasses import replace

from extract.model import IngestedDocument, Page, Table, Word, bbox_of, union_bbox
from extract.page_edge import edge_flag, edge_said, edge_sides, fields_read, sides_crossed, sides_touching
from extract.segment.unread_grids import data_rows, is_layout_table, read_from_table, table_part, table_text
from extract.segment.unread_set_aside import overlaps
from extract.segment.unread_settings import UnreadSettings, sample_text
from schemas.records import ExtractionResult, ScoreRow, SourceRef, StatRow, UnreadPart


def tell_page_edges(
    doc: IngestedDocument,
    result: ExtractionResult,
    parts: list[UnreadPart],
    settings: UnreadSettings = UnreadSettings(),
) -> list[UnreadPart]:
    """``parts`` with every data grid the page's edge cut told (a part of them covering the grid
    says the cut; else a part of its own), the rows read from it flagged, and each page's words
    past its edge, outside such grids, told as the page's."""
    out = list(parts)
    for page in doc.pages:
        cut = [t for t in page.tables if t.cut_sides and _owed(t, settings)]
        for table in cut:
            read, touched = _flag_rows(page, table, result, settings)
            if touched == 0 and read and _printed_inside(page, table):
                continue  # (its rules reach the edge, its print does not: read whole, nothing to tell)
            said = edge_said(table.cut_sides)
            covering = [k for k, p in enumerate(out) if _covers(p, table, settings)]
            if covering:
                for k in covering:
                    out[k] = replace(out[k], reason=f"{out[k].reason}; {said}")
                continue
            sample = sample_text(table_text(table), settings)
            reason = f"{said} (page {page.number}): {read} rows read from it, what they printed past the edge is not"
            out.append(table_part(table, "table", sample, reason))
        out.extend(_text_off_page(page, cut, settings))
    return sorted(out, key=lambda p: (p.page or 0, p.line_start or 0))


def _owed(table: Table, settings: UnreadSettings) -> bool:
    """A grid of data (not a letterhead or signature block laid out as one)."""
    return not is_layout_table(table) and len(data_rows(table)) >= settings.min_data_rows


def _covers(part: UnreadPart, table: Table, settings: UnreadSettings) -> bool:
    if part.page != table.page or part.kind not in ("table", "rows"):
        return False
    if part.bbox and table.bbox:
        return overlaps(part.bbox, table.bbox, settings.bbox_overlap)
    return bool(part.line_start) and part.line_start == table.line_start


def _printed_inside(page: Page, table: Table) -> bool:
    """Whether all a text layer printed of a grid cut at its left or right edge stands inside the
    page: no word of the page past the edge within the grid's height, and the grid's outermost
    column on each cut side printing a word (a column wholly past the paper prints none: its words
    are not in the file). A scan's ink past its edge is not in the image at all, so a scanned grid
    is never judged so; nor a grid cut at its top or bottom (whole rows past the paper print no
    word either)."""
    if page.method != "pdf-text" or not set(table.cut_sides) <= {"left", "right"}:
        return False
    if any(_beside(w, table) for w in page.off_page_words):
        return False
    outer = {"left": 0, "right": table.n_cols - 1}
    return all(any(c.text.strip() for c in table.cells if c.col == outer[side]) for side in table.cut_sides)


def _flag_rows(page: Page, table: Table, result: ExtractionResult, settings: UnreadSettings) -> tuple[int, int]:
    """Flags the score and annex rows read from ``table`` that its cut touches (``sides_touching``:
    a word of their line past the paper, or the cut side's fields read empty in every row of the
    grid); the number of rows of any kind read from it (task rows carry their own doubt:
    ``PAGE_EDGE_DOUBT``) and of those the cut touched (a task row always)."""
    rows: list[ScoreRow | StatRow] = [r for t in result.score_tables for r in t.rows]
    rows += [r for a in result.statistics for r in a.rows]
    past = [(sides_crossed(bbox_of(w), page.width or 0.0, page.height or 0.0), bbox_of(w)) for w in page.off_page_words]
    from_grid = [row for row in rows if read_from_table(row.source, table, settings)]
    grid_read = fields_read(from_grid)
    touched = 0
    for row in from_grid:
        sides = sides_touching(row, table.cut_sides, past, grid_read)
        touched += bool(sides)
        if sides and not edge_sides(row.flags):
            row.flags.append(edge_flag(sides))
    tasks: list[SourceRef] = [r.source for t in result.task_tables for r in t.rows]
    task_rows = sum(1 for ref in tasks if read_from_table(ref, table, settings))
    return len(from_grid) + task_rows, touched + task_rows


def _text_off_page(page: Page, cut: list[Table], settings: UnreadSettings) -> list[UnreadPart]:
    """The page's words past its edge, but those beside a cut grid (its part tells them)."""
    if not page.width or not page.height:
        return []
    words = [w for w in page.off_page_words if not any(_beside(w, t) for t in cut)]
    if not words:
        return []
    sides = sorted({s for w in words for s in sides_crossed(bbox_of(w), page.width, page.height)})
    text = " ".join(w.text for w in words)
    return [
        UnreadPart(
            page=page.number,
            kind="page",
            reason=f"text runs past the page's {' and '.join(sides)} edge: {len(words)} words cut by it "
            "(not printed, or not whole)",
            text_sample=sample_text(text, settings),
            bbox=list(union_bbox([bbox_of(w) for w in words])),
        )
    ]


def _beside(word: Word, table: Table) -> bool:
    """A word within a grid's height: a cell of it, cut with it."""
    if table.bbox is None:
        return False
    top, bottom = bbox_of(word)[1], bbox_of(word)[3]
    return top < table.bbox[3] and bottom > table.bbox[1]

"""Task frameworks read from lines: the OCR text of a scanned plan (a dump, or OCR'd pages whose
grid was not found), where a table has no grid, only printed lines holding every column's words in
column order ("1 | Tổ chức hội nghị sơ kết công tác Công chức Các bộ phận | Quý Kế hoạch 1.4").

The header lines say which columns there are and in what order: each label's first words print on
the header's first line (cells are top-aligned), so the run of header words left to right gives the
columns ("Tên nhiệm vụ | Bộ phận chủ | Bộ phận | Thời gian | Sản phẩm đầu | TC" → task, lead,
coordinator, deadline, product, criterion code). A row starts at the next task number; a roman
numeral with a title between rows is a section. Each printed line of a row is split into one part
per column, jointly over the row's lines (a beam search): each part should continue its column's
text under the repair stage's syllable language model (a new cell starts a new phrase), a part
opening a cell on the row's first line starts with a capital, a ruling bar OCR read as "|" sits
between parts, and the content says the column (codes, deadlines, unit names: ``task_tables``'
content kinds). A column whose text stopped does not start again in the same row.
"""

from __future__ import annotations

from dataclasses import replace

import regex as re

from extract.model import IngestedDocument, Line
from extract.segment.merged_down import doubt_blank_cells
from extract.segment.paragraphs import reading_lines
from extract.segment.task_deadline_doubts import stroke_doubts
from extract.segment.task_header import header_columns, header_labels
from extract.segment.task_line_rows import collect_rows, header_cut, is_section_line, is_task_header, printed_text
from extract.segment.task_line_settings import TaskLineSettings
from extract.segment.task_line_split import cells_elsewhere, clean_cell, contested_cells, learn_widths, split_row
from extract.segment.task_line_widths import text_width
from extract.segment.task_sections import heading_lead
from extract.segment.task_shape import cells_at, interleaved, kept_shape, shaped_run
from extract.segment.task_tables import ocr_code, split_footnote
from normalize.units import spell_deadline, spell_units
from schemas.records import SourceRef, TaskRow, TaskTable

__all__ = ["TaskLineSettings", "find_task_lines", "header_columns", "is_task_header", "split_row"]


def _criterion_code(text: str, settings: TaskLineSettings) -> str | None:
    """The code as read, with a ruling bar OCR read as "1" or as a hooked "J" before it taken off
    ("| 2.3" → "12.3" → "2.3", "| 1.5" → "J1.5" → "1.5"), a speck OCR read before it ("|} 7.4":
    a mark and a space, no code's part) dropped, and digits' look-alikes put right (``ocr_code``)."""
    code = ocr_code(re.sub(r"^(?:[|\[\]{}J!]+\s*|[^\w\s.]+\s+)(?=\d)", "", text.strip(". ")))
    m = re.fullmatch(r"1([1-9])(\.\d{1,2}(?:\.\d{1,2})?)", code)
    if m and 10 + int(m.group(1)) > settings.max_field:
        return m.group(1) + m.group(2)
    m = re.fullmatch(r"1([1-9])(\d)", code)  # the bar, and a code whose dot OCR lost ("143")
    if m and 10 + int(m.group(1)) > settings.max_field:
        return f"{m.group(1)}.{m.group(2)}"
    return code or None


def _header_at(
    lines: list[Line], k: int, settings: TaskLineSettings, typed: frozenset[int] = frozenset()
) -> str | None:
    """The task header line ``k`` holds: the line itself, or a header OCR glued after a row's words
    ("… 12/2024Số Nội dung công việc …": the row is lost, and told)."""
    text = lines[k].text.strip()
    if is_task_header(text, settings):
        return text
    # (only OCR glues a header to a row's words: a typed page's lines are its paragraphs and cells,
    # and testing every cut of every line cost a typed plan some 50 ms)
    if text and settings.glued_headers and lines[k].page not in typed:
        cut = header_cut(text, settings)
        if cut is not None:
            return text[cut:]
    return None


def find_task_lines(
    doc: IngestedDocument, settings: TaskLineSettings = TaskLineSettings(), shapes: bool = True
) -> list[TaskTable]:
    """Task frameworks of a document's lines (text dumps and OCR'd pages). With no row read under
    a header (none found, or one OCR cut that heads no row), and ``shapes``, a run of rows of a
    task grid's shape on OCR'd lines is read under the columns its cells name (``task_shape``)."""
    lines = [ln for ln in reading_lines(doc)]
    typed = frozenset(p.number for p in doc.pages if p.method in ("docx", "pdf-text"))
    tables: list[TaskTable] = []
    k = 0
    while k < len(lines):
        text = _header_at(lines, k, settings, typed)
        if text is None:
            k += 1
            continue
        labels = [(c, label) for c, label in header_labels(text) or [] if c != "code"]
        table, used = _read_table(lines[k + 1 :], header_columns(text) or [], labels, settings)
        if table.rows:  # (a deadline or lead printed once for a run of rows reads blank below it)
            tables.append(replace(table, rows=doubt_blank_cells(table.rows)))
        k += 1 + max(used, 1)
    if tables or not shapes or not settings.row_shapes:
        return tables
    # (only OCR loses a header: a typed page's header is in its grid or its lines as written)
    scanned = [ln for ln in lines if ln.page not in typed]
    run = shaped_run([printed_text(ln) for ln in scanned], settings.shape)
    if run is None:
        return tables
    start = _section_above(scanned, run.start)
    # Each column at least as wide as most of its first-line parts (in place of a header label's).
    labels = [
        (c, sorted(parts, key=text_width)[len(parts) // 2]) for c, parts in zip(run.columns, run.parts, strict=True)
    ]
    codes = "criterion_code" in run.columns
    starts = {(scanned[k].page, scanned[k].number): cells_at(printed_text(scanned[k]), codes) for k in run.rows}
    shaped = replace(settings, number_specks=True)
    table, _ = _read_table(scanned[start:], ["code", *run.columns], labels, shaped, starts)
    at = {(ln.page, ln.number): k for k, ln in enumerate(scanned)}
    read = {at[(r.source.page or 0, r.source.line_start or 0)]: r.task for r in table.rows if r.source.line_start}
    if (
        len(table.rows) >= settings.shape.min_rows
        and kept_shape(read, run, settings.shape)
        and not interleaved(table.rows, settings.shape)
    ):
        for row in table.rows:
            row.flags.append("columns_from_rows")
        tables.append(replace(table, rows=doubt_blank_cells(table.rows)))
    return tables


def _section_above(lines: list[Line], k: int) -> int:
    """The index of the section row printed just above a run's first row ("I | CẢI CÁCH THỂ CHẾ"),
    or ``k``: the first rows keep their section."""
    if k > 0 and is_section_line(printed_text(lines[k - 1]).strip()):
        return k - 1
    return k


def _read_table(
    lines: list[Line],
    columns: list[str],
    labels: list[tuple[str, str]],
    settings: TaskLineSettings,
    starts: dict[tuple[int, int], int] | None = None,
) -> tuple[TaskTable, int]:
    """The task table of the rows under a header naming ``columns`` (``labels``: each body
    column's label words, "" when none printed) and the number of lines it spans. ``starts``:
    lines known to open a row (page, line number) and where their cells start."""
    rows, used = collect_rows(lines, replace(settings, unit_headings="lead" not in columns), starts)
    table = TaskTable(title="", pages=[], columns=columns, form="table")
    body_columns = [c for c, _ in labels]
    floors = tuple(text_width(label) if settings.label_widths else 0.0 for _, label in labels)
    widths, ceilings = learn_widths(rows, body_columns, settings, floors)
    readings = [contested_cells(row, body_columns, settings, widths, ceilings) for row in rows]
    for i, row in enumerate(rows):
        others = tuple(cells_elsewhere(readings, i, c) for c in body_columns)
        cells = {
            f: clean_cell(v) for f, v in split_row(row, body_columns, settings, widths, ceilings, others)[0].items()
        }
        notes: list[str] = []
        for f in ("task", "product", "deadline", "lead", "coordinator"):
            if cells.get(f):
                cells[f], note = split_footnote(cells[f])
                if note:
                    notes.append(note)
        for f in ("lead", "coordinator"):
            cells[f] = spell_units(cells.get(f, ""))
        read_deadline = cells.get("deadline", "")
        cells["deadline"] = spell_deadline(read_deadline)
        doubts = stroke_doubts(read_deadline, cells["deadline"])
        if "lead" not in columns and heading_lead(row.section_title):
            # no lead column: the tasks stand under a heading naming the body that leads them
            cells["lead"] = heading_lead(row.section_title)
        page = row.lines[0].page
        if page not in table.pages:
            table.pages.append(page)
        table.rows.append(
            TaskRow(
                code=row.code,
                section=row.section,
                section_title=row.section_title,
                criterion_code=_criterion_code(cells.pop("criterion_code", ""), settings),
                footnotes=notes,
                confidence=settings.confidence,
                flags=["from_lines", *doubts],
                source=SourceRef(page=page, line_start=row.lines[0].number, line_end=row.lines[-1].number),
                task=cells.get("task", ""),
                product=cells.get("product", ""),
                deadline=cells.get("deadline", ""),
                lead=cells.get("lead", ""),
                coordinator=cells.get("coordinator", ""),
            )
        )
    return table, used

"""Task framework tables of plans.

A plan's appendix lists its tasks in a grid (TT / criterion / task / activity / product / deadline
/ lead / coordinator / official / budget, in varying selections and orders). Columns are mapped
to ``TaskRow`` fields by their header words, accent-free, and their cells (``task_columns``); a
column no field claims goes to ``extra`` under its header. Roman rows ("I  CÔNG TÁC CHỈ ĐẠO
ĐIỀU HÀNH") set the section of the rows under them. A row with no key of its own (no TT,
criterion, objective, task or activity) continues the row above and is merged into it; a row
that starts a new task or activity without a TT inherits the keys to its left from the row above
(the source had merged cells there).
"""

from __future__ import annotations

import regex as re

from extract.model import IngestedDocument
from extract.segment.field_column import field_sections
from extract.segment.joined import JoinedRow, JoinedTable, row_bbox, row_conf
from extract.segment.line_header import HEADER_POINTS, header_concepts
from extract.segment.merged_down import doubt_blank_cells, merged_down_values
from extract.segment.table_join import join_tables, lines_before
from extract.segment.task_budget import budget_apart, total_row
from extract.segment.task_cell_tails import DEADLINE_MOVED, deadline_apart
from extract.segment.task_columns import (
    TaskTableSettings,
    _header_row,
    _words_pattern,
    map_columns,
    map_table,
    ocr_code,
)
from extract.segment.task_doubt_settings import DOUBT, STROKES_COUNTED
from extract.segment.task_evidence import cell_conf_flags, deadline_words_flags
from extract.segment.task_glued_sections import glued_sections_apart
from extract.segment.task_header import header_share, names_score_column
from extract.segment.task_header_heading import heading_out_of_header
from extract.segment.task_sections import SECTION_HEADING_LOST, heading_lead, section_of, task_code
from extract.segment.task_starts import ROW_KEY_FIELDS, task_line_goes_on
from extract.segment.task_unit_matrix import unit_matrix
from normalize.lazy_regex import lazy_compile
from normalize.text import after_bullet, fold
from normalize.units import deadline_status, spell_deadline, spell_units, unit_status
from schemas.records import SourceRef, TaskRow, TaskTable

_KEY_FIELDS = ("code", "criterion_code", "criterion", "objective", "task", "activity")
# A row without TT and without these continues the row above (more tasks, activities or text of
# the same numbered item: the source had merged cells on the left).
_ROW_KEYS = ROW_KEY_FIELDS
_TOTAL = lazy_compile(r"^\s*(t[oổ]ng(\s*c[oộ]ng)?|c[oộ]ng)\b", re.I)
_CAPTION_SKIP = lazy_compile(r"^\s*(\(?\s*k[eè]m theo|ban h[aà]nh k[eè]m|ph[uụ] l[uụ]c\s*[0-9IVX]*\s*$)", re.I)


def names_task_columns(labels: list[str], settings: TaskTableSettings = TaskTableSettings()) -> dict[str, int] | None:
    """Field → column when a header's labels name a task framework's columns (enough of them, one
    only task frameworks have); None otherwise. The header words alone: no cell is looked at."""
    mapping = map_columns(labels)
    enough = len(mapping) >= settings.min_mapped_columns and any(f in mapping for f in settings.required_any)
    return mapping if enough else None


def is_task_table(table: JoinedTable, settings: TaskTableSettings = TaskTableSettings(), above: str = "") -> bool:
    """A task table by its header's columns. ``above``: the lines just over a grid that has no
    header row of its own, which may be its header printed apart (a borderless table's labels the
    columns' finder left out): when they name a score column the grid is a score table, and what
    no reader takes of it is told, not read as tasks."""
    header = fold(" ".join(table.header_text))
    if not header.strip():
        header = fold(above)
        if points_pairs(table, settings):
            return False  # a score table's piece the page cut from its header: told, not read as tasks
    if any(w in header for w in settings.score_header_words) or names_score_column(header):
        return False
    if _words_pattern(settings.annex_header_words).search(header):
        return False  # (an annex's "STT | Nội dung chỉ tiêu | Kết quả | ĐVT": no tasks)
    mapping = map_table(table, settings)
    return len(mapping) >= settings.min_mapped_columns and any(f in mapping for f in settings.required_any)


# A cell that is one points figure ("2", "1,75", "0.5"): a score's, never a task's field.
_POINTS_CELL = lazy_compile(r"\d{1,3}(?:[.,]\d{1,2})?")


def points_pairs(table: JoinedTable, settings: TaskTableSettings) -> bool:
    """Whether most body rows of a grid with no header row print two or more cells that are each
    one points figure (maximum and self points, "2 | 1,75"): a score table's rows, which a task's
    fields (a task, a unit, a deadline, a product) never are, whatever the columns' finder mapped.
    A row's first cell is its running number, never a score ("1 | 1.6 | Ban hành …": a task's
    number and its criterion's code, which a points figure's shape also fits)."""
    rows = [r for r in table.rows if any(c.strip() for c in r.cells)]
    pairs = sum(sum(bool(_POINTS_CELL.fullmatch(c.strip())) for c in _after_number(r.cells)) >= 2 for r in rows)
    return bool(rows) and pairs >= settings.points_rows_share * len(rows)


def _after_number(cells: list[str]) -> list[str]:
    """A row's cells after its first filled one (its running number)."""
    first = next((k for k, c in enumerate(cells) if c.strip()), len(cells))
    return cells[first + 1 :]


# A doubt (extract.segment.task_doubts, queued) on a row that may be cut by a page break.
CUT_ROW_DOUBT = f"{DOUBT}row continued over a page break? (the rest of the row above, or a task of its own)"
# A doubt on a row of a grid the page's edge cut (extract.page_edge): a column past the edge (often
# the criterion codes, the last column) is not printed, so a field read empty may not be.
PAGE_EDGE_DOUBT = f"{DOUBT}the table runs past the page's edge: a column beyond it is not printed (criterion code?)"
# A footnote marker glued to the end of a cell's text: "(*)", "(1)", "*", superscript digits.
_FOOTNOTE = lazy_compile(r"(?<=\S)\s?(\(\*{1,3}\)|\(\d{1,2}\)|\*{1,3}|[¹²³⁴⁵⁶⁷⁸⁹⁰]{1,2})$")
# Fields whose cells follow a grammar (normalize/units.py).
_CELL_GRAMMARS = {"deadline": deadline_status, "lead": unit_status, "coordinator": unit_status}
_NOTE_FIELDS = ("task", "activity", "product", "deadline", "lead", "coordinator", "official", "criterion")


def _filled_whole(values: dict, mapping: dict[str, int]) -> bool:
    """A row's lead, coordinator and deadline (those the table has columns for, the lead and the
    deadline at least) each printed and each read whole by its grammar: a row of a task's own. A
    cut row's rest carries at most the unfinished ends of these cells ("HĐND và UBND" under
    "Văn phòng", "09/06/2023" under "Trước ngày"), so two rows that both hold them whole are two
    tasks, not one broken by the page."""
    fields = [f for f in _CELL_GRAMMARS if f in mapping]
    if "lead" not in fields or "deadline" not in fields:
        return False
    return all(values.get(f) and _CELL_GRAMMARS[f](values[f]) == "complete" for f in fields)


def split_footnote(text: str) -> tuple[str, str | None]:
    """("Công an xã", "(*)") from "Công an xã(*)"; the text alone when it ends in no marker."""
    m = _FOOTNOTE.search(text)
    return (text[: m.start()].rstrip(), m.group(1)) if m else (text, None)


def _join(before: str, text: str, field: str = "") -> str:
    """Text that carries on a cell: a lower-case start continues the sentence, anything else is a
    further item of the cell; a repeated value is not repeated. A unit or deadline cell broken
    over a page ("Trước ngày" + "09/06/2023", "Văn phòng" + "HĐND và UBND") is one when its
    grammar (normalize/units.py) reads the joined text whole and the first part unfinished."""
    if not before:
        return text
    if not text or before.endswith(text) or text == before:
        return before
    sep = " " if text[:1].islower() or before.endswith((",", ";", ":", "-", "và", "của")) else "; "
    grammar = _CELL_GRAMMARS.get(field)
    if sep == "; " and grammar and grammar(before) == "prefix" and grammar(f"{before} {text}") == "complete":
        sep = " "
    return before + sep + text


def _header_section(table: JoinedTable) -> str:
    """The upper-case title a header row ends in when OCR merged the first section's row into it
    ("… Thời hạn Sản phẩm CẢI CÁCH THỂ CHẾ"); "" when it ends in header words."""
    words = " ".join(table.header_text).split()
    k = len(words)
    while k > 0 and words[k - 1].isupper() and len(words[k - 1]) > 1:
        k -= 1
    tail = words[k:]
    return " ".join(tail) if len(tail) >= 2 and header_share(" ".join(tail)) < 0.5 else ""


def task_rows(table: JoinedTable, settings: TaskTableSettings = TaskTableSettings()) -> list[TaskRow]:
    mapping, matrix = unit_matrix(table, map_table(table, settings))  # units as columns, "CT"/"PH" marks
    table = glued_sections_apart(table, mapping.get("code"), mapping.get("task"))  # a scan's heading on a row
    field_of = {c: f for f, c in mapping.items()}
    labels = {f: table.header_text[c] for f, c in mapping.items() if c < len(table.header_text)}
    extra_cols = [c for c in range(table.n_cols) if c not in field_of | matrix.units and table.header_text[c].strip()]
    out: list[TaskRow] = []
    bullets: list[bool] = []  # whether a bullet opened each row of ``out``
    section: str | None = None
    section_title = ""
    merged = _header_section(table)
    if merged:  # OCR merged the first section's row into the header
        section, section_title = "I", merged
    # Tasks numbered 1.1, 1.2 sit under arabic sections; plain numbers under roman ones.
    dotted = any(re.fullmatch(r"\d{1,2}\.\d{1,2}\.?", task_code(r, mapping.get("code", 0))) for r in table.rows)
    prev_page = table.rows[0].page if table.rows else 0
    for k, row in enumerate(table.rows):
        if not any(c.strip() for c in row.cells) or _header_row(row, settings) or total_row(row.cells):
            continue
        page_turned, prev_page = row.page != prev_page, row.page
        if section is None and out and not dotted and row_conf(row) is not None:
            # Task rows above the first heading read in a table of roman sections: a plan's task
            # table opens with its first section, so OCR lost that heading's row. Those rows are
            # section I's, and the heading read next is numbered after it (an OCR'd numeral is
            # read by the sequence: counted from nothing, the tables' later sections all slid
            # one back).
            later, _, later_title = section_of(row, mapping, "I", roman=True)
            if later_title is not None and later != "I":
                for earlier in out:
                    earlier.section = "I"
                    earlier.flags.append(SECTION_HEADING_LOST)
                section = "I"
        below = next((task_code(r, mapping.get("code", 0)) for r in table.rows[k + 1 :] if any(r.cells)), "")
        section, heading, title = section_of(row, mapping, section, roman=not dotted, number_below=below)
        if title is not None:
            section_title = title
        if heading:
            continue
        values = {f: task_code(row, c) for f, c in mapping.items()} | matrix.row_units(row)
        budget_apart(values, labels)  # "Quý I/2025 (15)": the budget no deadline, no footnote
        moved = row_conf(row) is not None and deadline_apart(values, mapping)  # (a scan's cells)
        notes: list[str] = []
        for f in _NOTE_FIELDS:
            if values.get(f):
                values[f], note = split_footnote(values[f])
                if note:
                    notes.append(note)
        opened = any(after_bullet(values.get(f) or "") is not None for f in ("task", "activity"))
        for f in ("task", "activity"):  # a bullet is how the table marks a task, not its words
            if values.get(f):
                values[f] = after_bullet(values[f]) or values[f]
        if _TOTAL.match(values.get("code", "")):
            continue  # "Tổng cộng" line of the grid
        extra = {table.header_text[c].strip(): task_code(row, c) for c in extra_cols if task_code(row, c)}
        keys_empty = not any(values.get(f) for f in _ROW_KEYS if f in mapping) and not (
            # a grid with no criterion/objective column: a row starting a new task is a row
            not any(f in mapping for f in _ROW_KEYS[1:]) and any(values.get(f) for f in _KEY_FIELDS)
        )
        line_goes_on = task_line_goes_on(values, row.above, mapping)  # (a grid typed line by line)
        if (keys_empty or line_goes_on) and out:
            _merge(out[-1], values, extra, row, line_goes_on)
            out[-1].footnotes += [n for n in notes if n not in out[-1].footnotes]
            continue
        # deadlines and leads printed once in a cell merged down over this row and the ones above
        flags = merged_down_values(values, row.above, mapping, out[-1] if out else None, page_turned)
        flags += [DEADLINE_MOVED] if moved else []
        confidence = 1.0
        if out and not values.get("code"):
            # A new task/activity under the previous row's merged key cells: inherit them.
            first_key = next((f for f in _KEY_FIELDS if values.get(f)), None)
            order = [f for f in _KEY_FIELDS if f in mapping]
            for f in order[: order.index(first_key)] if first_key in order else []:
                if not values.get(f):
                    values[f] = getattr(out[-1], f) or ""
            flags.append("inherited_keys")
            confidence = min(confidence, settings.inherited_confidence)
            # (in a table with no code column whose tasks bullets open, a bullet opening the
            # page's first row after a bulleted task opens a task: a cut row's rest has none)
            by_bullet = opened and "code" not in mapping and bool(bullets) and bullets[-1]
            own = _filled_whole(values, mapping) and _filled_whole(vars(out[-1]), mapping)
            if page_turned and not any(values.get(f) for f in _ROW_KEYS[1:]) and not by_bullet and not own:
                # The first row of a new page with no number of its own: a task under the row
                # above's merged cells, or the rest of that row the page break cut (the join
                # did not see it finish the row). Both readings go to review. (A row printing
                # a criterion code of its own is no cut row's rest: a code prints on its row's
                # first line.)
                flags.append(CUT_ROW_DOUBT)
                if CUT_ROW_DOUBT not in out[-1].flags:
                    out[-1].flags.append(CUT_ROW_DOUBT)
        if row.realigned:
            flags.append("realigned")
            confidence = min(confidence, settings.realigned_confidence)
        if row.joined_across_break:
            flags.append("joined_across_page_break")
        if row.cut_by_page_edge:
            flags.append(PAGE_EDGE_DOUBT)
        conf = row_conf(row)
        if conf is not None:  # OCR'd cells: units and deadlines spelt as the gazetteer writes them
            confidence = min(confidence, conf)
            # each unsure cell noted: what the document confirms of it is weighed later (task_evidence)
            confs = {field_of[c]: x for c, x in enumerate(row.confs) if x is not None and c in field_of}
            flags += cell_conf_flags(confs)
            flags += deadline_words_flags(confs, values.get("deadline") or "")
            # the deadline cell's quarter numeral read twice (its stems counted on the page as
            # Tesseract read them), on the row as the grid gave it: cells moved or joined lose it
            if "deadline" in {field_of.get(c) for c in row.counted} and not (row.realigned or row.joined_across_break):
                flags.append(STROKES_COUNTED)
            for f in ("lead", "coordinator"):
                if values.get(f):
                    values[f] = spell_units(values[f])
            if values.get("deadline"):
                values["deadline"] = spell_deadline(values["deadline"])
            if values.get("criterion_code"):
                values["criterion_code"] = ocr_code(values["criterion_code"])
        if "lead" not in mapping and section and heading_lead(section_title):
            # no lead column: the tasks stand under a heading naming the body that leads them
            values["lead"] = heading_lead(section_title)
        code = values.pop("code", "") or None
        criterion_code = (values.pop("criterion_code", "") or "").rstrip(".").replace(" ", "") or None
        bullets.append(opened)
        out.append(
            TaskRow(
                code=code.rstrip(".") if code else None,
                section=section,
                section_title=section_title if section else "",
                criterion_code=criterion_code,
                footnotes=notes,
                extra=extra,
                confidence=round(confidence, 3),
                flags=flags,
                source=SourceRef(
                    page=row.page, line_start=row.line_start or None, line_end=row.line_end or None, bbox=row_bbox(row)
                ),
                **values,
            )
        )
    return field_sections(out)  # a field column merged down beside the tasks: their sections


def _merge(previous: TaskRow, values: dict[str, str], extra: dict[str, str], row: JoinedRow, line=False) -> None:
    """``row`` joined to the task above: a further item of its cells, or (``line``) its words' next line."""
    for field, text in values.items():
        if text and field not in ("code", "criterion_code"):
            before = getattr(previous, field)
            setattr(previous, field, f"{before} {text}".strip() if line else _join(before, text, field))
    for key, text in extra.items():
        previous.extra[key] = _join(previous.extra.get(key, ""), text)
    if previous.source.line_end is not None and row.line_end:
        previous.source.line_end = max(previous.source.line_end, row.line_end)
    if "merged_continuation" not in previous.flags:
        previous.flags.append("merged_continuation")
    if row.cut_by_page_edge and PAGE_EDGE_DOUBT not in previous.flags:
        previous.flags.append(PAGE_EDGE_DOUBT)


def table_title(doc: IngestedDocument, table: JoinedTable, settings: TaskTableSettings) -> str:
    lines = [ln.text for ln in lines_before(doc, table, settings.caption_lines)]
    label_at = max((k for k, t in enumerate(lines) if re.match(r"^\s*ph[uụ]\s*l[uụ]c\b", t, re.I)), default=None)
    picked = lines[label_at:] if label_at is not None else lines[-2:]
    return " ".join(t for t in picked if not _CAPTION_SKIP.match(t)).strip()


def _columns(table: JoinedTable, settings: TaskTableSettings) -> list[str]:
    """The header's labels; a grid with no header row of its own takes the first body row that
    is one (a scan whose header the grid did not tell apart)."""
    labels = [h.strip() for h in table.header_text]
    if any(labels):
        return labels
    row = next((r for r in table.rows if _header_row(r, settings)), None)
    return [c.strip() for c in row.cells] if row else labels


def _header_above(doc: IngestedDocument, table: JoinedTable, settings: TaskTableSettings) -> str:
    """The score header printed just over a grid with no header row of its own: a line naming
    two points columns ("Điểm tối đa  Điểm tự chấm"; a lead-in sentence "… tự đánh giá, chấm điểm
    như sau:" names one at most), "" where there is none or the grid has a header."""
    if any(h.strip() for h in table.header_text):
        return ""
    lines = lines_before(doc, table, settings.header_lines_above)
    return " ".join(ln.text for ln in lines if len(header_concepts(ln.text) & set(HEADER_POINTS)) >= 2)


def find_task_tables(
    doc: IngestedDocument, settings: TaskTableSettings = TaskTableSettings(), joins: list[JoinedTable] | None = None
) -> list[TaskTable]:
    """The task tables among the document's tables (``joins``: them joined already)."""
    tables: list[TaskTable] = []
    for joined in join_tables(doc) if joins is None else joins:
        table = heading_out_of_header(joined)  # a scan's first section heading read into the header
        if not is_task_table(table, settings, _header_above(doc, table, settings)):
            continue
        rows = doubt_blank_cells(task_rows(table, settings))
        if rows:
            tables.append(
                TaskTable(
                    title=table_title(doc, table, settings),
                    pages=list(table.pages),
                    columns=_columns(table, settings),
                    rows=rows,
                )
            )
    return tables

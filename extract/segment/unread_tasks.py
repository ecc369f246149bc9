"""Tasks of a plan printed but not read: a line, among a task list's lines, that opens with a task's
code ("2.2. Công bố danh mục …", after OCR's specks: "~ 2.2.", "4.2,") when no task row came out
under that code. OCR lost the line's place as a task (a code read "4.2," or behind a speck) and
its words went into the task above, so the row is missing with nothing else to say so. A plan's
numbering is the commune's own, and a gap in it says nothing; a printed code that gave no row
does."""

from __future__ import annotations

from dataclasses import dataclass

import regex as re

from extract.model import IngestedDocument, Line, Page
from extract.segment.narrative import heading_level
from normalize.lazy_regex import lazy_compile
from normalize.text import fold
from normalize.units import deadlines_side_by_side, names_deadline, names_unit
from schemas.records import ExtractionResult, UnreadPart

# A sub-task's code opening a line past at most a few specks: "2.2.", "4.2,", "~ 2.2.", "Le 5.1.";
# its first full stop OCR may read as a comma when the second is printed ("5,3. Duy trì …"; a
# decimal "1,5" is followed by no full stop).
_OPENING_CODE = lazy_compile(
    r"^[^\p{L}\p{N}]{0,3}(?:\p{L}{1,2}\s+)?(?P<section>\d{1,2})(?:\.|,(?=\d{1,2}\.))(?P<item>\d{1,2})[.,]\s+\p{L}"
)


def _opening_code(line: Line) -> str | None:
    """The sub-task code a line opens with, as printed with full stops ("5,3." → "5.3")."""
    m = _OPENING_CODE.match(line.raw or line.text)
    return None if m is None else f"{m.group('section')}.{m.group('item')}"


# A task's labelled fields as a paragraph prints them, folded and past OCR's slips ("chủ trì:",
# "Chu tri thurc hién:", "cht tri:"; "thời hạn:", "thdi gian hoan thanh:"; "phéi hgp:"; "sản phẩm:",
# "sin pham:"): each label once per task, ending in its colon.
_FIELD_LABELS = (
    lazy_compile(r"\bch\w{0,2} tr\w{0,2}(?: th\w{1,3} h\w{1,4})?\s?:"),
    lazy_compile(r"\bth\w{1,3} (?:gian|han)(?: th\w{1,3} h\w{1,4}| hoan th\w{2,4})?\s?:"),
    lazy_compile(r"\bph\w{1,3} h\w{1,2}p?(?: th\w{1,3} h\w{1,4})?\s?:"),
    lazy_compile(r"\bs\w{0,2}n ph\w{1,3}\s?:"),
)


# A task list's printed title, naming the list: "KHUNG KẾ HOẠCH THỰC HIỆN NHIỆM VỤ CẢI CÁCH HÀNH
# CHÍNH NĂM 2023", "DANH MỤC NHIỆM VỤ …" (folded). A section heading ("NHIỆM VỤ CỤ THỂ", "NHIỆM VỤ
# VÀ GIẢI PHÁP", "PHƯƠNG HƯỚNG, NHIỆM VỤ") may head prose: a five-year plan's "II. MỤC TIÊU, NHIỆM
# VỤ CỤ THỂ …" heads paragraphs of aims, no task list.
_TASK_LIST_TITLE = lazy_compile(r"\b(?:ke hoach thuc hien|danh muc|bang|khung|phu luc)\b.*\bnhiem vu\b")


@dataclass(frozen=True)
class UnreadTaskSettings:
    # Characters of the printed line kept as the part's sample.
    sample_chars: int = 160
    # Fields printed twice between a task's first line and the next task's that say a second task
    # went into the first (one label twice may be the task's own words: "phối hợp với …:").
    twice_fields: int = 2
    # A title's share of upper-case letters (a title prints in capitals) and its least letters.
    title_upper_share: float = 0.8
    title_letters: int = 12
    # Lines printed under a task list's title, at least, for it to be a list lost (not a title
    # alone at a page's foot).
    list_lines: int = 3
    # A grid's numbered rows printed as lines (an OCR dump): at least this many numbers in order…
    run_rows: int = 3
    # …this share of them with a ruling bar OCR read as "|" on their first line (a grid's line, no
    # numbered paragraph of prose)…
    run_bar_share: float = 0.5
    # …and this share of them naming a unit or a deadline in their lines (a task's cells)…
    run_cell_share: float = 0.6
    # …read over at most this many lines from a row's number to the next. A run may start at a
    # number up to ``run_step`` (OCR lost the first rows' numbers) and skip up to ``run_step`` - 1
    # numbers between two rows (rows whose numbers OCR garbled or whose lines it scattered).
    run_row_lines: int = 6
    run_step: int = 4
    # A grid read from OCR'd lines whose rows' numbers (1, 2, 3 …) skip at most this many numbers
    # between two rows read: the rows between were printed, their numbers lost (their lines went into
    # the row above). A longer jump is no row lost but another numbering.
    gap_rows: int = 3


def unread_task_lists(
    doc: IngestedDocument, result: ExtractionResult, settings: UnreadTaskSettings = UnreadTaskSettings()
) -> list[UnreadPart]:
    """A ``table`` part for a task list whose title is printed ("KHUNG KẾ HOẠCH THỰC HIỆN NHIỆM
    VỤ …", ``_TASK_LIST_TITLE``) when the document gave no task row at all: OCR garbled the whole
    grid (a landscape appendix read as one block) and nothing else would say its tasks are missing."""
    if any(t.rows for t in result.task_tables):
        return []
    lines = [line for page in doc.pages for line in page.lines]
    for k, line in enumerate(lines):
        text = line.text or ""
        letters = [c for c in text if c.isalpha()]
        if len(letters) < settings.title_letters:
            continue
        if sum(c.isupper() for c in letters) < settings.title_upper_share * len(letters):
            continue
        if _TASK_LIST_TITLE.search(fold(text)) is None or len(lines) - k - 1 < settings.list_lines:
            continue
        under = lines[k + 1 : k + 1 + settings.list_lines]
        sample = " / ".join(ln.text.strip() for ln in [line, *under])
        if len(sample) > settings.sample_chars:
            sample = sample[: settings.sample_chars - 1] + "…"
        return [
            UnreadPart(
                page=line.page,
                kind="table",
                reason="a task list is printed (its title) but no task was read from it: its rows were "
                "not legible as tasks",
                text_sample=sample,
                line_start=line.number,
                line_end=lines[-1].number if lines[-1].page == line.page else line.number,
            )
        ]
    return []


def unread_task_codes(
    doc: IngestedDocument, result: ExtractionResult, settings: UnreadTaskSettings = UnreadTaskSettings()
) -> list[UnreadPart]:
    """One ``rows`` part per page of a task list whose lines print sub-task codes (two levels:
    "2.2") that no task row, score row or statement came out under, between the list's first and
    last rows read."""
    rows = [r for t in result.task_tables for r in t.rows if r.source.page is not None]
    if not rows:
        return []
    read = {(r.code or "").rstrip(".") for r in rows}
    read |= {(r.code or "").rstrip(".") for t in result.score_tables for r in t.rows}
    # A score statement's code ("2.2. Công bố … : 1/1 điểm") answers for a line of its own section
    # only: a report states scores for the same criteria codes a plan numbers its tasks by, so the
    # statement of 2.2 elsewhere says nothing of task 2.2 lost in the list.
    stated = _statement_spans(result)
    # A row whose code OCR hid in its task's words ("ưu 3.2. Tiếp nhận …", "Cải cách tài chính
    # công = cS 4.1, Công khai …": the section's heading and its first task as one row) was read
    # too, under another code or none.
    opened = " ".join(r.task or "" for r in rows)
    parts = []
    for page in doc.pages:
        on_page = [r.source for r in rows if r.source.page == page.number and r.source.line_start is not None]
        if not on_page:
            continue
        first = min(s.line_start or 0 for s in on_page)
        last = _run_on(page, max(s.line_end or s.line_start or 0 for s in on_page))
        lost = []
        for line in page.lines:
            if not first <= line.number <= last:
                continue
            code = _opening_code(line)
            if code is None or code in read or _stated(stated, page.number, line.number, code):
                continue
            if re.search(rf"(?<![\d.]){re.escape(code)}[.,](?:\s|$)", opened):
                continue
            lost.append((code, line))
        if not lost:
            lost = _fields_twice(page, sorted({s.line_start or 0 for s in on_page}), settings)
        if not lost:
            continue
        sample = " / ".join(line.text for _, line in lost)
        if len(sample) > settings.sample_chars:
            sample = sample[: settings.sample_chars - 1] + "…"
        parts.append(
            UnreadPart(
                page=page.number,
                kind="rows",
                reason=f"tasks {', '.join(code for code, _ in lost)} printed but not read as tasks "
                "(their lines went into the task above)"
                if lost[0][0]
                else "tasks printed but not read as tasks (their fields print again in the lines of "
                "the task above, where their lines went)",
                text_sample=sample,
                line_start=lost[0][1].number,
                line_end=lost[-1][1].number,
            )
        )
    return parts


def _run_on(page: Page, last: int) -> int:
    """The last line of the task read last on a page: a task paragraph's source names its first
    line only (its wrapped lines were joined to it), so the lines printed right after it, up to a
    section heading ("III. TỔ CHỨC THỰC HIỆN", "3. Cải cách …") or a gap, are its lines — a task
    code opening one of them ("5.3, Xây dựng …" read into the lead of 5.2) was printed in the list."""
    for line in page.lines:
        if line.number != last + 1:
            continue
        if heading_level(line) in (1, 2) or not line.text.strip():
            break
        last = line.number
    return last


def _statement_spans(result: ExtractionResult) -> dict[int, tuple[int, int, set[str]]]:
    """Per page, the lines the score statements span (their section) and the codes they state."""
    spans: dict[int, tuple[int, int, set[str]]] = {}
    for s in result.score_statements:
        src = s.source
        if src.page is None or src.line_start is None:
            continue
        first, last, codes = spans.get(src.page, (src.line_start, src.line_end or src.line_start, set()))
        codes.add((s.code or "").rstrip("."))
        spans[src.page] = (min(first, src.line_start), max(last, src.line_end or src.line_start), codes)
    return spans


def _stated(spans: dict[int, tuple[int, int, set[str]]], page: int, line: int, code: str) -> bool:
    span = spans.get(page)
    return span is not None and span[0] <= line <= span[1] and code in span[2]


def _fields_twice(page: Page, starts: list[int], settings: UnreadTaskSettings) -> list[tuple[str, Line]]:
    """("", line) for each task read whose lines, up to the next task's first line, print its
    labelled fields twice (a bulleted task whose bullet OCR lost or misread, "= Quản lý …", went
    into the task above: it has no code to miss), the line where the second set of fields starts."""
    lost = []
    for start, end in zip(starts, starts[1:]):
        lines = [line for line in page.lines if start <= line.number < end]
        seen: list[int] = [0] * len(_FIELD_LABELS)
        second: dict[int, Line] = {}
        for line in lines:
            text = fold(line.raw or line.text)
            for k, label in enumerate(_FIELD_LABELS):
                for _ in label.finditer(text):
                    seen[k] += 1
                    if seen[k] == 2:
                        second[k] = line
        if len(second) >= settings.twice_fields:
            lost.append(("", min(second.values(), key=lambda line: line.number)))
    return lost


# A grid row's number opening an OCR'd line, past a speck, with the bar or a mark after it: "1 | Rà
# soát", "2_ | Xây dựng", "7| Thực hiện", "10 Cử cán bộ". Not "1.1." (a sub-item) nor "12/2024".
_ROW_NUMBER = lazy_compile(r"^[^\p{L}\p{N}]{0,3}(\d{1,2})(?![\d,/.]\d)(?:\s*[|._)\]:-]+)?\s+(?=\S)")


def opens_row_number(text: str) -> bool:
    """Whether an OCR'd line opens with a grid row's number ("1 | Rà soát", "7| Thực hiện")."""
    return _ROW_NUMBER.match(text) is not None


def unread_task_runs(
    doc: IngestedDocument, result: ExtractionResult, settings: UnreadTaskSettings = UnreadTaskSettings()
) -> list[UnreadPart]:
    """A task grid printed as lines whose rows were not read: a run of rows numbered 1, 2, 3 …
    whose first lines hold the grid's ruling bars and whose lines name units or deadlines (a task's
    lead, its time), when fewer task rows came out than the run numbers. With no task row at all
    (its header garbled, so no reader took the lines for a task list) it is a ``table`` part;
    otherwise a ``rows`` part naming the numbers no row came out under. A document with score or
    annex rows is left to their tellers: their grids are numbered lines too."""
    if any(t.rows for t in result.score_tables) or any(a.rows for a in result.statistics):
        return []  # numbered grid lines of a score table or an annex: theirs to tell
    rows = [r for t in result.task_tables for r in t.rows]
    lines = [line for page in doc.pages for line in page.lines]
    run = _numbered_run(lines, settings)
    # The last number printed says how many rows the grid has at least (a row whose number OCR
    # garbled is read all the same, under the number it should carry, and is in no run).
    if len(run) < settings.run_rows or len(rows) >= max(len(run), run[-1][0]):
        return []
    read = {(r.code or "").strip().rstrip(".") for r in rows}
    # A numbered line that opens a row read was read, whatever number the row was given (OCR's
    # "8" for a 5 read as row 5 by its place).
    opening = {(r.source.page, r.source.line_start) for r in rows}
    lost = [(n, k) for n, k, _ in run if str(n) not in read and (lines[k].page, lines[k].number) not in opening]
    if not lost:
        return []
    first, last = lines[lost[0][1]], lines[run[-1][2]]
    sample = " / ".join(lines[k].text.strip() for _, k in lost[:3])
    if len(sample) > settings.sample_chars:
        sample = sample[: settings.sample_chars - 1] + "…"
    numbers = ", ".join(str(n) for n, _ in lost)
    return [
        UnreadPart(
            page=first.page,
            page_end=last.page if last.page != first.page else None,
            kind="rows" if rows else "table",
            reason=f"task rows {numbers} are printed (a grid's numbered lines) but were not read as tasks"
            if rows
            else f"a task grid is printed (rows {numbers}) but no task was read from it: its header was not legible",
            text_sample=sample,
            line_start=first.number,
            line_end=last.number,
        )
    ]


def _numbered_run(lines: list[Line], settings: UnreadTaskSettings) -> list[tuple[int, int, int]]:
    """The longest run of grid rows numbered in order from 1 or a little past it (numbers OCR lost
    may be skipped, ``run_step``): (number, index of its first line, index of its last line)."""
    best: list[tuple[int, int, int]] = []
    run: list[tuple[int, int, int]] = []
    for k, line in enumerate(lines):
        m = _ROW_NUMBER.match(line.raw or line.text or "")
        if m is None:
            continue
        n = int(m.group(1))
        if run and run[-1][0] < n <= run[-1][0] + settings.run_step:
            run.append((n, k, k))
        elif n <= settings.run_step and (not run or n <= run[-1][0]):
            # a numbering starting (again); a number further on than a step is a stray (a deadline's
            # day, a code OCR misread) that neither extends the run nor ends it
            if _task_grid_run(run, lines, settings) and len(run) > len(best):
                best = run
            run = [(n, k, k)]
    if _task_grid_run(run, lines, settings) and len(run) > len(best):
        best = run
    return [(n, k, _row_end(best, i, lines, settings)) for i, (n, k, _) in enumerate(best)]


def _row_end(run: list[tuple[int, int, int]], i: int, lines: list[Line], settings: UnreadTaskSettings) -> int:
    nxt = run[i + 1][1] if i + 1 < len(run) else len(lines)
    return min(nxt, run[i][1] + settings.run_row_lines) - 1


def _task_grid_run(run: list[tuple[int, int, int]], lines: list[Line], settings: UnreadTaskSettings) -> bool:
    if len(run) < settings.run_rows:
        return False
    bars = sum("|" in (lines[k].raw or lines[k].text) for _, k, _ in run)
    cells = 0
    for i, (_, k, _) in enumerate(run):
        text = " ".join(ln.raw or ln.text for ln in lines[k : _row_end(run, i, lines, settings) + 1])
        cells += names_unit(text) or names_deadline(text)
    return bars >= settings.run_bar_share * len(run) and cells >= settings.run_cell_share * len(run)


def unread_task_gaps(
    doc: IngestedDocument, result: ExtractionResult, settings: UnreadTaskSettings = UnreadTaskSettings()
) -> list[UnreadPart]:
    """A ``rows`` part per jump in the numbers of a task grid read from OCR'd lines (rows flagged
    ``from_lines``): "1, 2, 4" lost row 3, whose number OCR garbled or dropped, its lines read into
    row 2; a grid whose first row read is 2 lost row 1 (its lines are above row 2's). A grid's number
    column counts its rows one by one from 1; numbering restarting (a section's own 1, 2, 3) is no
    jump, and a jump past ``gap_rows`` numbers is not taken for lost rows."""
    numbered = [
        (int(code), r)
        for t in result.task_tables
        for r in t.rows
        if "from_lines" in r.flags and (code := (r.code or "").rstrip(".")).isdigit()
    ]
    if not numbered:
        return []
    by_page = {page.number: page for page in doc.pages}
    parts = []
    for (a, above), (b, below) in zip([(0, None), *numbered], numbered):
        if not 1 < b - a <= settings.gap_rows + 1:
            continue
        end = below.source
        if end.page is None or end.line_start is None or end.page not in by_page:
            continue
        page_lines = by_page[end.page].lines
        if above is None:  # rows before the first read: the lines just above it
            first = max((ln.number for ln in page_lines if ln.number < end.line_start), default=end.line_start)
            lines = [ln for ln in page_lines if first - settings.run_row_lines < ln.number < end.line_start]
            where = f"(the grid's numbers start at 1, the first row read is {b})"
            into = "their lines are above it"
        else:
            top = above.source.line_start if above.source.page == end.page else None
            lines = [ln for ln in page_lines if (top is None or ln.number >= top) and ln.number < end.line_start]
            where = f"(the grid's numbers jump from {a} to {b})"
            into = f"their lines went into row {a}"
        lines = [ln for ln in lines if ln.text.strip()]
        if not lines:
            continue
        sample = " / ".join(ln.text.strip() for ln in lines)
        if len(sample) > settings.sample_chars:
            sample = sample[: settings.sample_chars - 1] + "…"
        missing = ", ".join(str(n) for n in range(a + 1, b))
        parts.append(
            UnreadPart(
                page=end.page,
                kind="rows",
                reason=f"task rows {missing} are printed {where} but were not read as tasks: {into}",
                text_sample=sample,
                line_start=lines[0].number,
                line_end=lines[-1].number,
            )
        )
    return parts


def unread_merged_tasks(
    result: ExtractionResult, settings: UnreadTaskSettings = UnreadTaskSettings()
) -> list[UnreadPart]:
    """A ``rows`` part per task row whose deadline holds two deadlines side by side ("Quý II/2023
    Thường xuyên"): two tasks printed with nothing to tell them apart (no code, no bullet, a bold
    first line a scan does not show) were read as one row, the second task's lost into the first's
    cells. A deadline cell joins two of its own with a range or a list, never a space alone."""
    parts = []
    for table in result.task_tables:
        for row in table.rows:
            if not deadlines_side_by_side(row.deadline or ""):
                continue
            sample = " / ".join(v for v in (row.task, row.lead, row.deadline) if v)
            if len(sample) > settings.sample_chars:
                sample = sample[: settings.sample_chars - 1] + "…"
            parts.append(
                UnreadPart(
                    page=row.source.page,
                    kind="rows",
                    reason=f"a task row holds two deadlines side by side ({row.deadline}): tasks printed with "
                    "nothing to tell them apart were read as one row",
                    text_sample=sample,
                    bbox=list(row.source.bbox) if row.source.bbox else None,
                    line_start=row.source.line_start,
                    line_end=row.source.line_end,
                )
            )
    return parts

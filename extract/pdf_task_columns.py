"""A plan's task table printed without ruling lines, its columns set at tab stops ("TT⇥Nội dung⇥Đơn
vị chủ trì⇥Thời gian hoàn thành"), rebuilt on a text-layer page from its header.

The gutters ``pdf_unruled`` looks for are not there to find: a task's text runs up to the next
column's stop, a lead unit or a deadline fills its column from edge to edge, so no white strip runs
down the whole block, and a block cut at the strips it has became a score table of tasks with no
points. The header says where the columns are: a line whose labels (words standing apart by more
than a word space) name a task framework's columns by the task grid reader's own dictionary
(``tab_headers.task_header``), its labels wrapped onto the line under it joined by column. Each
label's left edge is where its column starts (a left stop puts the label and the cells under it at
the same place; a label centred over a wider column starts right of the cells, which then say
where the column starts). Under the header, each line's pieces go into the column they start in; a
line with a code in the code column opens a task, a line without one holds the wrapped cells of the
task above. A header with no code column is read only when a mark opens its tasks (a task's
wrapped line and the next task both start under the text's label): a bullet ("- ", "+ ", "• "),
the task's other columns filled beside its first words, or its first line in bold after a line in
roman (``segment.task_starts``; a section "I. Title" at the margin opens a row too); with none the
table is left to the other readers. A section's numeral in the code column spans its title over
the row. A line that fits no column (a piece in the code column that is no code) between two tasks
is not placed and stays a line, for the account of what was not read; the table ends at the first
such line with no task after it, or at a wide blank. A task table the previous page ended with
(``carried``: its column edges) goes on at the top of the next page with no header there.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from extract.model import Cell, Table, Word, bbox_of, union_bbox
from extract.pdf_unruled import UnruledSettings, _Line, is_code_token, labels_of, pitch_of
from extract.segment.tab_headers import task_header
from extract.segment.task_header import header_share
from extract.segment.task_line_rows import is_section_line
from extract.segment.task_sections import ocr_section_title, stroked_numeral, upper_title
from extract.segment.task_starts import fills_task_columns, opens_by_bold
from extract.segment.task_tables import map_columns
from normalize.lazy_regex import lazy_compile
from normalize.text import after_bullet

# A section of a task table with no code column, typed at the margin: a roman numeral and its title.
_SECTION = lazy_compile(r"^[IVX]{1,5}\.\s+\p{Lu}")
# A section's numeral in the code column ("V", "IV."): its title spans the row.
_ROMAN = lazy_compile(r"^[IVX]{1,5}\.?$")
# The code column's label, put where an OCR'd header lost it (``_code_label_lost``).
_CODE_LABEL = "TT"


@dataclass(frozen=True)
class TaskColumnSettings:
    """Knobs of task tables set at tab stops on text-layer pages (part of ``PdfTableSettings``)."""

    # Read such tables at all (the OCR reader's word positions wobble too much for label edges).
    enabled: bool = True
    # A header's labels wrap over at most this many printed lines ("Thời gian" over "hoàn thành").
    header_lines: int = 2
    # A piece that starts this many font sizes left of a column's start still starts in it (a
    # label and the cells under one stop differ by a glyph's side bearing).
    start_slack: float = 0.5
    # A task table holds at least this many tasks (a header over nothing is a caption).
    min_tasks: int = 1
    # A page a task table goes on to: its first lines looked at for a bullet opening a task (the
    # table has no code column) — a section's line and a task's wrapped line may come first.
    carried_lines: int = 4
    # A section's numeral OCR misread in the code column is at most this many characters ("m—_.",
    # "HH"; a roman numeral of a plan's sections has at most four).
    numeral_chars: int = 5
    # A column starts left of its label (a label centred over it) where at least this many lines'
    # pieces start together, within ``start_slack`` (a stop holds every row's cell).
    stop_pieces: int = 2
    # An OCR'd header whose code column's label was lost: the lines under it looked at for codes
    # opening them left of the task's label (a section's line and a task's wrapped line among them).
    code_lines: int = 6
    # An OCR'd line of capitals alone under the task's label opens a section (its numeral lost) when
    # it has at least this many letters ("CẢI CÁCH THỂ CHẾ": 13; "TCVN ISO" a task wraps onto: 7).
    title_letters: int = 10
    # A section's title spanning the row runs on across the column stops with word spaces only: no
    # gap between its words is wider than this many font sizes (a task's lead and deadline stand
    # apart from its words at their stops, several sizes away).
    span_gap: float = 1.5
    # A line with at least this many labels ending in ";" or ":" is a paragraph's justified line,
    # not a header (a header names its columns; a sentence's clauses end in those marks).
    clause_labels: int = 2


@dataclass
class _Header:
    lines: int  # how many printed lines the header took
    labels: list[str]
    starts: list[float]  # where each column starts
    label_ends: list[float]  # where each column's label ends
    code_col: int | None  # None: no code column, a bullet opens a task
    words: list[list[Word]]  # each column's label words, a wrapped label's joined


def task_column_tables(
    items: list[_Line],
    page: int,
    unruled: UnruledSettings,
    cell_text: Callable[[list[Word]], str],
    settings: TaskColumnSettings = TaskColumnSettings(),
    source: str = "pdf-text",
    carried: list[float] | None = None,
    carried_codeless: bool = False,
) -> list[tuple[Table, set[int]]]:
    """The task tables among a page's visual lines (``pdf_unruled._Line``, top to bottom), each with
    the indexes of the lines it placed; a line among its tasks it could not place is in no set.
    ``carried``: the column edges of a task table the previous page ended with, whose tasks go on
    at the top of this page with no header over them (``carried_codeless``: a table with no code column)."""
    if not settings.enabled or not items:
        return []
    pitch = pitch_of(items)
    found: list[tuple[Table, set[int]]] = []
    i = 0
    ocr = source != "pdf-text"
    if carried and _header_at(items, 0, pitch, unruled, settings, ocr) is None:
        made = _table_under(
            items,
            0,
            _carried_header(items[: settings.carried_lines], carried, carried_codeless),
            pitch,
            page,
            unruled,
            settings,
            cell_text,
            source,
        )
        if made is not None:
            found.append((made[0], made[1]))
            i = made[2]
    while i < len(items):
        header = _header_at(items, i, pitch, unruled, settings, ocr)
        made = (
            None
            if header is None
            else _table_under(items, i, header, pitch, page, unruled, settings, cell_text, source)
        )
        if made is None:
            i += 1
            continue
        found.append((made[0], made[1]))
        i = made[2]
    return found


def _text(words: list[Word]) -> str:
    return " ".join(w.text for w in words)


def _header_at(
    items: list[_Line],
    i: int,
    pitch: float,
    unruled: UnruledSettings,
    settings: TaskColumnSettings,
    ocr: bool = False,
) -> _Header | None:
    """The task header line ``i`` opens (with the lines its labels wrap onto), or None (``ocr``: the
    page was OCR'd, its code column's label may be garbled)."""
    first = labels_of(items[i], unruled.label_gap * items[i].size)
    if len(first) < unruled.min_cols or is_code_token(first[0][0].text) or _reads_as_clauses(first, settings):
        return None
    columns = [list(ws) for ws in first]
    starts = [bbox_of(ws[0])[0] for ws in first]
    taken = 1
    lost = None
    while task_header([_text(ws) for ws in columns]) is None:
        lost = _code_label_lost(items, i, columns, starts, settings) if ocr and taken == 1 else None
        if lost is not None:
            columns, starts = [[lost], *columns], [bbox_of(lost)[0], *starts]
            break
        if taken >= settings.header_lines or not _wraps_on(items, i + taken, pitch, unruled):
            return None
        _join_wrapped(columns, starts, items[i + taken], unruled)
        taken += 1
    # with no code column, only a bullet before a task's text says where it starts (a wrapped line
    # of a task and the next task both start under the text's label): None, and ``_table_under``
    # keeps the table only when bullets open its tasks
    code = map_columns([_text(ws) for ws in columns]).get("code")
    # labels wrapped onto lines under a header that already names its columns, before the first
    # task's code (not under a header whose code label OCR lost: its line was read alone, and the
    # line under it is a section's, its numeral misread: "lÍ  CÔNG TÁC CHỈ ĐẠO …")
    while (
        lost is None
        and taken < settings.header_lines
        and _wraps_on(items, i + taken, pitch, unruled)
        and not _section_under(items[i + taken], starts, code, unruled, settings)
    ):
        _join_wrapped(columns, starts, items[i + taken], unruled)
        taken += 1
    ends = [max(bbox_of(w)[2] for w in ws) for ws in columns]
    return _Header(taken, [_text(ws) for ws in columns], starts, ends, code, columns)


def _reads_as_clauses(labels: list[list[Word]], settings: TaskColumnSettings) -> bool:
    """A line of a justified paragraph whose stretched word spaces cut it into "labels": the pieces
    end in a clause's punctuation (";" closing a clause, ":" opening a value: "thời hạn: Quý II/2024;
    đơn vị chủ trì: …", a plan's tasks written as sentences). A column's label ends in neither."""
    return sum(1 for ws in labels if ws[-1].text.endswith((":", ";"))) >= settings.clause_labels


def _section_under(
    line: _Line, starts: list[float], code_col: int | None, unruled: UnruledSettings, settings: TaskColumnSettings
) -> bool:
    """A line under a header that is the first section's, no label wrapped from the header: with a
    code column, its numeral alone in the code column (a short word of letters, no digit: OCR may
    misread it, "lÍ" for "I"), its title beside it in one piece that is no header's words ("Thời
    gian" over "hoàn thành" is a label's)."""
    if code_col is None:
        # (no code column: the section's numeral opens the task column, "IL. CÔNG TÁC CHỈ ĐẠO,
        # ĐIỀU HÀNH …" as OCR read it; a wrapped label never opens with a numeral and its dot)
        return is_section_line(_text(line.words))
    pieces = labels_of(line, unruled.label_gap * line.size)
    if len(pieces) != 2 or len(pieces[0]) != 1:
        return False
    numeral = pieces[0][0]
    if _column_of(bbox_of(numeral)[0], starts, settings.start_slack, line.size) != code_col:
        return False
    short = len(numeral.text) <= settings.numeral_chars and numeral.text.isalpha()
    return (short or _ROMAN.match(numeral.text) is not None) and header_share(_text(pieces[1])) < 0.5


def _code_label_lost(
    items: list[_Line], i: int, columns: list[list[Word]], starts: list[float], settings: TaskColumnSettings
) -> Word | None:
    """The code column's label an OCR'd header lost (a narrow "TT" OCR did not see): the labels name
    a task's columns once it is put first, and the lines under the header open with a code left
    of the task's label (at least ``stop_pieces`` of the next ``code_lines`` lines). The label is
    put where those codes start, on the header's line; None when that is not so."""
    labels = [_CODE_LABEL, *(_text(ws) for ws in columns)]
    mapped = map_columns(labels)
    if mapped.get("code") != 0 or mapped.get("task") != 1 or task_header(labels) is None:
        return None
    codes = [
        bbox_of(line.words[0])[0]
        for line in items[i + 1 : i + 1 + settings.code_lines]
        if is_code_token(line.words[0].text) and bbox_of(line.words[0])[2] < starts[0]
    ]
    if len(codes) < settings.stop_pieces:
        return None
    top, bottom = bbox_of(items[i].words[0])[1], bbox_of(items[i].words[0])[3]
    return Word(text=_CODE_LABEL, bbox=(min(codes), top, min(codes), bottom), conf=None)


def _carried_header(top: list[_Line], edges: list[float], codeless: bool = False) -> _Header:
    """The columns a task table went on with from the previous page (its edges: the box's left, each
    column's start, the box's right), printing no header here; no code column when the table had
    none (``codeless``) or a task with no code opens one of the page's first lines (``top``: a
    bullet, or the other columns filled beside its words), else the first."""
    starts = [edges[0], *edges[1:-1]]
    code = None if codeless or any(_codeless_task(line, starts) for line in top) else 0
    return _Header(0, [""] * len(starts), starts, [*starts[1:], edges[-1]], code, [[] for _ in starts])


def _codeless_task(line: _Line, starts: list[float]) -> bool:
    """A line opening a task of a table with no code column: a bullet before its text, or no code
    first and the task's other columns filled beside its words (``task_starts``)."""
    if after_bullet(_text(line.words)) is not None:
        return True
    if is_code_token(line.words[0].text):
        return False
    filled = {_column_of(bbox_of(p[0])[0], starts, 0.5, line.size) for p in labels_of(line, 0.0)}
    return fills_task_columns([c in filled for c in range(len(starts))], 0)


def _wraps_on(items: list[_Line], k: int, pitch: float, unruled: UnruledSettings) -> bool:
    """Line ``k`` may hold a header's wrapped labels: close under the line above, opening with no code."""
    return (
        k < len(items)
        and items[k].top - items[k - 1].top <= unruled.max_gap * pitch
        and not is_code_token(items[k].words[0].text)
    )


def _join_wrapped(columns: list[list[Word]], starts: list[float], line: _Line, unruled: UnruledSettings) -> None:
    """Each of ``line``'s labels joined to the header column whose label starts nearest it."""
    for piece in labels_of(line, unruled.label_gap * line.size):
        columns[_column_of(bbox_of(piece[0])[0], starts, 0.0, line.size, nearest=True)] += piece


def _column_of(x: float, starts: list[float], slack: float, size: float, nearest: bool = False) -> int:
    """The column a piece starting at ``x`` is in: the last that starts at or left of it (or, for a
    header's wrapped label, the one whose label starts nearest)."""
    if nearest:
        return min(range(len(starts)), key=lambda c: abs(starts[c] - x))
    return max([0] + [c for c, at in enumerate(starts) if at - slack * size <= x])


def _body_starts(
    header: _Header, lines: list[_Line], unruled: UnruledSettings, settings: TaskColumnSettings
) -> list[float]:
    """Each column's start: its label's left edge, or further left where pieces under it start
    past the label on its left (a label centred over a wider column) — pieces of several lines
    starting at one place, a column's stop: a lone piece there is the column on the left's text
    that OCR parted at a wide word space ("luật do HĐND, UBND   xã ban hành")."""
    pieces = [(bbox_of(p[0])[0], ln.size) for ln in lines for p in labels_of(ln, unruled.label_gap * ln.size)]
    starts = [header.starts[0]]
    for c in range(1, len(header.starts)):
        under = [(x, size) for x, size in pieces if header.label_ends[c - 1] < x < header.starts[c]]
        aligned = [
            x
            for x, size in under
            if sum(abs(x - y) <= settings.start_slack * size for y, _ in under) >= settings.stop_pieces
        ]
        starts.append(min([header.starts[c], *aligned]))
    return starts


def _cells(
    line: _Line,
    starts: list[float],
    header: _Header,
    unruled: UnruledSettings,
    settings: TaskColumnSettings,
    before_bold: bool | None = None,
    ocr: bool = False,
) -> tuple[dict[int, list[Word]], bool] | None:
    """The line's words by column and whether it opens a task (a code in the code column; with no
    code column, a mark ``task_starts`` knows: ``before_bold`` the line above's bold, None at the
    table's top; ``ocr``: the page was OCR'd); None when it fits no column (a piece in the code
    column that is no code: a paragraph at the margin)."""
    out: dict[int, list[Word]] = {}
    opens = False
    for piece in labels_of(line, unruled.label_gap * line.size):
        col = _column_of(bbox_of(piece[0])[0], starts, settings.start_slack, line.size)
        if header.code_col is None and col == 0 and not out:
            opens = _opens_unkeyed(piece, ocr)
        if col == header.code_col and list(out) == [header.code_col]:
            # a second piece in the code column after the number: the task's words opening left of
            # the task's column (a dash or speck before them, "8  - Tiếp nhận …"); a code column
            # holds one number
            col += 1
        elif col == header.code_col:
            if out or not (
                is_code_token(piece[0].text)
                or _numeral_misread(piece, line, starts, header.code_col, settings)
                or _number_misread(piece, line, starts, header, settings)
            ):
                return None
            opens = True
            out[col] = [piece[0]]
            piece = piece[1:]  # a title typed after its numeral with a space goes on in the next column
            col += 1
            if not piece:
                continue
        if header.code_col is not None and _ROMAN.match(_text(out.get(header.code_col, []))):
            col = header.code_col + 1  # a section's title spans the row: any column it runs into is its
        out.setdefault(min(col, len(starts) - 1), []).extend(piece)
    if header.code_col is None and not opens and 0 in out:
        bold = all(w.bold for w in out[0])
        opens = opens_by_bold(bold, before_bold) or fills_task_columns([c in out for c in range(len(starts))], 0)
    return out, opens


def _numeral_misread(
    piece: list[Word], line: _Line, starts: list[float], code_col: int | None, settings: TaskColumnSettings
) -> bool:
    """A section's line whose numeral OCR misread ("HH", "m—_." for "III", "I"): one short word of
    letters or marks, no digit, in the code column, and every other word of the line in the column
    after it (its title; a paragraph at the margin runs on from the code column, a task fills its
    lead or deadline), or the line's other words one label opening in that column and running on
    across the columns after it (a long title spans the row: "HI CẢI CÁCH TỔ CHỨC BỘ MÁY HÀNH
    CHÍNH NHÀ NƯỚC"; a task's lead and deadline stand apart from its words at their stops)."""
    text = piece[0].text
    if len(piece) != 1 or len(text) > settings.numeral_chars:
        return False
    if any(ch.isdigit() for ch in text) and not stroked_numeral(text):
        return False  # (a one among a numeral's strokes, "1H" for "III", is a stroke read)
    if not any(ch.isalpha() for ch in text):
        return False  # a bullet ("-", "+", "•") before a task's next words is no numeral
    after = [w for w in line.words if w is not piece[0]]
    title_col = (code_col or 0) + 1
    if not after:
        return False
    if all(_column_of(bbox_of(w)[0], starts, settings.start_slack, line.size) == title_col for w in after):
        return True
    rest = _Line(after, line.size)
    return (
        len(labels_of(rest, settings.span_gap * line.size)) == 1
        and _column_of(bbox_of(after[0])[0], starts, settings.start_slack, line.size) == title_col
    )


def _number_misread(
    piece: list[Word], line: _Line, starts: list[float], header: _Header, settings: TaskColumnSettings
) -> bool:
    """A task's line whose number OCR misread ("H" for "7"): one short word in the code column, and
    the line's other pieces fill the task's columns as a task's first line does (a section's line
    holds its title alone; a paragraph at the margin runs on from the code column)."""
    if header.code_col is None or len(piece) != 1 or len(piece[0].text) > settings.numeral_chars:
        return False
    filled = {
        _column_of(bbox_of(p[0])[0], starts, settings.start_slack, line.size)
        for p in labels_of(line, 0.0)
        if p[0] is not piece[0]
    }
    return header.code_col not in filled and fills_task_columns(
        [c in filled or c == header.code_col for c in range(len(starts))], header.code_col + 1
    )


def _numbers_by_sequence(rows: list[dict[int, list[Word]]], code: int, cell_text) -> None:
    """A task number OCR misread (``_number_misread``) read by the sequence: the number between
    the tasks' before and after it when they stand two apart ("6", "H", "8": 7); else the cell is
    left blank (no number read), never the misread glyph."""
    numbers = [cell_text(r.get(code, [])).rstrip(".") for r in rows]
    for k, row in enumerate(rows):
        words = row.get(code, [])
        if not words or is_code_token(numbers[k]) or _ROMAN.match(numbers[k]) or set(row) == {code, code + 1}:
            continue
        before = next((n for n in reversed(numbers[:k]) if n.isdigit()), None)
        after = next((n for n in numbers[k + 1 :] if n.isdigit()), None)
        if before is not None and after is not None and int(after) - int(before) == 2:
            row[code] = [replace(words[0], text=str(int(before) + 1), conf=None)]
        else:
            del row[code]


def _opens_unkeyed(piece: list[Word], ocr: bool) -> bool:
    """A line of a table with no code column opening a task: a bullet before its text, or a section
    ("I. Title"; on a scan its numeral in OCR's look-alike letters, "HI. TITLE", or its "I." read as
    "1." before a title in sentence case: such a table numbers no task), at the first column's start."""
    text = _text(piece)
    return (
        after_bullet(text) is not None
        or _SECTION.match(text) is not None
        or is_section_line(text)
        or (ocr and ocr_section_title(text))
    )


def _table_under(
    items: list[_Line],
    i: int,
    header: _Header,
    pitch: float,
    page: int,
    unruled: UnruledSettings,
    settings: TaskColumnSettings,
    cell_text: Callable[[list[Word]], str],
    source: str,
) -> tuple[Table, set[int], int] | None:
    """The table under the header at line ``i``, the lines it placed and the index after it."""
    body_from = i + header.lines
    ocr = source != "pdf-text"
    end = body_from
    while end < len(items) and items[end].top - items[end - 1].top <= unruled.max_gap * pitch:
        end += 1
    starts = _body_starts(header, items[body_from:end], unruled, settings)
    rows: list[dict[int, list[Word]]] = []
    placed = set(range(i, body_from))
    pending: list[int] = []  # lines not placed, told only when a task follows them
    last = body_from - 1
    for k in range(body_from, end):
        before_bold = all(w.bold for w in items[k - 1].words) if k > body_from else None
        got = _cells(items[k], starts, header, unruled, settings, before_bold, ocr)
        # (after a line not placed, only a task's opening line goes on; a codeless table carried
        # here may open with its last task's next words)
        went_on = not header.lines and header.code_col is None
        if got is None or (not got[1] and (pending or (not rows and not went_on))):
            pending.append(k)
            continue
        cells, opens = got
        if ocr and rows and not opens and _lost_numeral_title(cells, rows[-1], header, cell_text, settings):
            opens = True
        if opens or not rows:
            rows.append(cells)
        else:
            code = header.code_col
            title = code is not None and _ROMAN.match(_text(rows[-1].get(code, []))) is not None
            for col, ws in cells.items():  # (a section's wrapped title stays its title)
                rows[-1].setdefault(code + 1 if title and code is not None else col, []).extend(ws)
        placed.add(k)
        pending = []
        last = k
    if len(rows) < settings.min_tasks:
        return None
    if header.code_col is not None:
        _numbers_by_sequence(rows, header.code_col, cell_text)
    if header.code_col is None and header.lines and not any(_marked(r, cell_text, len(starts)) for r in rows):
        return None  # no bullet, no filled line: where a task starts is not printed (left to the other readers)
    head = [{c: ws for c, ws in enumerate(header.words)}] if header.lines else []  # (none printed here)
    return _table([*head, *rows], starts, page, cell_text, source), placed, last + 1


def _lost_numeral_title(
    cells: dict[int, list[Word]], above: dict[int, list[Word]], header: _Header, cell_text, settings: TaskColumnSettings
) -> bool:
    """An OCR'd section line whose numeral the scan lost ("CẢI CÁCH THỦ TỤC HÀNH CHÍNH" alone under
    the task's label): a title in capitals of ``title_letters`` letters at least in the task's column
    and nothing else, under a task whose words are not in capitals (a section's title wrapped goes on
    in capitals; an acronym a task wraps onto is short)."""
    code = header.code_col
    if code is None or set(cells) != {code + 1} or above.get(code) is None:
        return False
    text = cell_text(cells[code + 1])
    if sum(ch.isalpha() for ch in text) < settings.title_letters or not upper_title(text):
        return False
    return not upper_title(cell_text(above.get(code + 1, [])))


def _marked(row: dict[int, list[Word]], cell_text, n_cols: int) -> bool:
    """A codeless table's row a mark opened: a bullet before its task, or its other columns filled."""
    return after_bullet(cell_text(row.get(0, []))) is not None or fills_task_columns(
        [c in row for c in range(n_cols)], 0
    )


def _table(rows: list[dict[int, list[Word]]], starts: list[float], page: int, cell_text, source: str) -> Table:
    cells = [
        Cell(row=r, col=c, text=cell_text(ws), bbox=union_bbox([bbox_of(w) for w in ws]), bold=all(w.bold for w in ws))
        for r, row in enumerate(rows)
        for c, ws in sorted(row.items())
    ]
    box = union_bbox([bbox_of(c) for c in cells])
    return Table(
        page=page,
        cells=cells,
        n_rows=len(rows),
        n_cols=len(starts),
        source=source,
        bbox=box,
        col_edges=[box[0], *starts[1:], box[2]],
    )

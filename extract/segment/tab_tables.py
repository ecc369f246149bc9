"""Tables typed as lines, their columns set by tab stops or runs of spaces, with no table at all
("TT⇥Nội dung⇥Tối đa⇥Điểm đạt" over "1.1.1⇥Ban hành kế hoạch …⇥1⇥1"), given back as the grids
they are, so the grid readers read them with a Word table's reconciliation.

A run is recognised by its header alone: a line typed in pieces (``Line.columns``, or a row of a
tab-separated text's grid) whose labels name a score table's columns or a statistics annex's, by
the very dictionaries the grid readers map a Word table's header with (``score_tables.map_columns``,
``statistics.column_roles``): any wording they know, in any order. Under it, each line typed in
pieces is a row, its pieces the cells; a line of one piece between two rows is a name broken by
hand onto the next line (no tab before it: it stands under the name), and a line that opens with
no code before figures carries the figures of the row whose name it ends (a leader of dots up to
the maximum). The run ends at the first line that is none of these (prose, the signature block, a
blank line, a new page).

Grids already read whole are left as the reader made them; a tab-separated text's grid that a
broken name cut into pieces is joined back. A run recognised here but not read is a grid like any
other to the account of what was not read (``extract.segment.unread``): told, never dropped."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

import regex as re

from extract.model import Cell, IngestedDocument, Line, Page, Table
from extract.segment.line_common import ends_dangling
from extract.segment.tab_headers import TypedHeader, nearest, typed_header, wrapped_header
from extract.segment.tab_stops import MIN_TAB_COLUMNS
from extract.segment.table_end import is_signature, is_total_label
from extract.segment.task_starts import fills_task_columns, opens_by_bold
from normalize.codes import read_code_token
from normalize.text import after_bullet, column_pieces, fold

# How the grid is marked where the run was typed as lines (``Table.source``).
TYPED_COLUMNS = "typed-columns"
# The grid a text reader made of consecutive lines holding a tab.
_TAB_SEPARATED = "tsv"
# A figure cell: digits with their separators, a per cent sign; a mark for "none" ("-", "x").
_FIGURE = re.compile(r"[-+]?\d[\d.,]*\s*%?|[-–x]")
# A section of a task framework: a roman numeral and its title.
_SECTION = re.compile(r"^[IVX]{1,5}\.\s+\p{Lu}")
# A figure or a scale ("0 – 0,5 – 1", "0 ÷ 1") ending a piece of words, after a space.
_TRAILING_FIGURE = re.compile(r"\s\d[\d.,]*(?:\s*[-–÷]\s*\d[\d.,]*)*\s*$")
# A year, or a span of years, standing alone on a line ("2025", "2021 - 2025."), and the words
# of a name that take one after them ("… chi tiêu nội bộ năm" over "2025").
_YEAR_LINE = re.compile(r"(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)\d\d)?[.;,]?")
_TAKES_YEAR = ("năm", "giai đoạn")


@dataclass(frozen=True)
class TabTableSettings:
    # A header typed in pieces names its columns in this many at least (code, name, points).
    min_columns: int = MIN_TAB_COLUMNS
    # A name broken by hand runs on for at most this many lines of one piece between two rows.
    max_name_lines: int = 4
    # A header's labels wrap over at most this many typed lines ("Điểm⇥Điểm" over "tối đa⇥tự chấm").
    header_lines: int = 2


@dataclass
class _Typed:
    """One typed line as pieces: its text between tabs (or wide gaps), its line number, bold."""

    pieces: list[str]
    number: int
    bold: bool
    stops: list[float] = field(default_factory=list)  # where each piece stands, when known


@dataclass
class _Row:
    cells: list[str]
    number: int
    bold: bool
    lines: list[list[str]] = field(default_factory=list)
    last: int = 0  # the number of the row's last line


def typed_tables(doc: IngestedDocument, settings: TabTableSettings = TabTableSettings()) -> IngestedDocument:
    """``doc`` with each run of typed lines under a recognised header given as one grid (the lines
    it took out); ``doc`` itself when it holds none."""
    pages = [_page_grids(page, settings) for page in doc.pages]
    if all(new is old for new, old in zip(pages, doc.pages)):
        return doc
    return replace(doc, pages=pages)


def _page_grids(page: Page, settings: TabTableSettings) -> Page:
    blocks = list(page.blocks)
    out: list = []
    i = 0
    changed = False
    while i < len(blocks):
        found = _run_at(blocks, i, settings)
        if found is None:
            out.append(blocks[i])
            i += 1
            continue
        grids, end = found
        out += grids
        changed = True
        i = end
    return replace(page, blocks=out) if changed else page


def _typed(block) -> list[_Typed]:
    """A block as typed lines: a line (its pieces, or its text as one), a tab-separated grid's rows
    (a row typed with every column's tab keeps its blank cells; a shorter one, its pieces)."""
    if isinstance(block, Line):
        stops = block.column_stops if len(block.column_stops) == len(block.columns) else []
        return [_Typed(list(block.columns) or [block.text], block.number, block.bold, list(stops))]
    if isinstance(block, Table) and block.source == _TAB_SEPARATED:
        out = []
        for r, cells in enumerate(_grid_rows(block)):
            texts = [c.text.strip() for c in sorted(cells, key=lambda c: c.col)]
            pieces = texts if len(texts) == block.n_cols else _row_pieces(texts)
            bold = any(c.text.strip() for c in cells) and all(c.bold for c in cells if c.text.strip())
            out.append(_Typed(pieces, block.line_start + r, bold))
        return out
    return []


def _grid_rows(table: Table) -> list[list[Cell]]:
    rows: list[list[Cell]] = [[] for _ in range(table.n_rows)]
    for cell in table.cells:
        rows[cell.row].append(cell)
    return rows


def _row_pieces(cells: Sequence[str]) -> list[str]:
    return column_pieces("\t".join(cells)) or [" ".join(c.strip() for c in cells if c.strip())]


def _run_at(blocks: list, i: int, settings: TabTableSettings) -> tuple[list, int] | None:
    """The blocks standing for the run whose header opens block ``i`` (its grid, and the rest of a
    tab-separated grid it ends inside), and the index of the block after it; None when block ``i``
    opens no run, or the run is a tab-separated grid read whole as it is."""
    found = _header_at(blocks, i, settings)
    if found is None:
        return None
    header, header_rows = found
    typed: list[tuple[_Typed, int, int]] = []  # each line, its block, its row in the block
    for k in range(i, len(blocks)):
        more = _typed(blocks[k])
        if not more:
            break
        typed += [(t, k, r) for r, t in enumerate(more)]
    rows, used = _gather(header, [t for t, _, _ in typed], header_rows, settings)
    last = typed[used - 1][1]  # the last block the run took
    if isinstance(blocks[i], Table) and all(len(row.lines) == 1 for row in rows):
        return None  # a tab-separated grid no broken name cut: read as the reader made it
    if len(rows) < 2:
        return None  # a header over nothing typed in its columns
    if any(_figures_glued(row, header) for row in rows[1:]):
        return None  # a figure typed against a name: the pieces cannot place it (the line reader can)
    out: list = [_grid(rows, header, blocks[i].page)]
    if used < len(typed) and typed[used][1] == last:
        out += _rest(blocks[last], typed[used][2])  # (a grid the run ends inside: its other rows)
    return out, last + 1


def _header_at(blocks: list, i: int, settings: TabTableSettings) -> tuple[TypedHeader, int] | None:
    """The header a run opening at block ``i`` carries, and how many typed lines it takes: the first
    line alone, or with the lines under it its labels wrap onto (none of them a row, none typed
    with a figure); None when block ``i`` opens no run."""
    lines = _typed(blocks[i])[: settings.header_lines]
    k = i + 1
    while lines and len(lines) < settings.header_lines and k < len(blocks):
        more = _typed(blocks[k])
        if not more:
            break
        lines += more[: settings.header_lines - len(lines)]
        k += 1
    if not lines or len(lines[0].pieces) < 2:
        return None
    if len(lines[0].pieces) >= settings.min_columns:
        header = typed_header(lines[0].pieces, lines[0].stops)
        if header is not None and not isinstance(blocks[i], Line):
            return header, 1  # (a tab-separated text's grid: its rows are the reader's, as they were)
        if header is not None:
            return _labels_wrapped_under(header, lines)
    labels, stops = lines[0].pieces, lines[0].stops
    for n in range(1, len(lines)):
        line = lines[n]
        if line.number != lines[n - 1].number + 1 or len(line.pieces) < 2 or _opens_row(line.pieces):
            return None
        if any(p and _FIGURE.fullmatch(p) for p in line.pieces):
            return None
        labels, stops = wrapped_header((labels, stops), (line.pieces, line.stops))
        if len(labels) >= settings.min_columns:
            header = typed_header(labels, stops)
            if header is not None:
                return header, n + 1
    return None


def _labels_wrapped_under(header: TypedHeader, lines: list[_Typed]) -> tuple[TypedHeader, int]:
    """A header its first line already names, with the lines under it its labels were wrapped onto
    by hand ("TT⇥Nội dung⇥Đơn vị⇥Thời gian" over "⇥công việc⇥chủ trì⇥hoàn thành"): each opens
    with a tab (nothing under the code's label: no row opens so), holds no figure, and its pieces
    joined to the labels still name the same table."""
    labels, stops, n = list(header.labels), list(header.stops), 1
    while n < len(lines):
        line = lines[n]
        if line.number != lines[n - 1].number + 1 or len(line.pieces) < 2 or line.pieces[0] != "":
            break
        if _opens_row(line.pieces) or any(p and _FIGURE.fullmatch(p) for p in line.pieces):
            break
        labels, stops = wrapped_header((labels, stops), (line.pieces, line.stops))
        joined = typed_header(labels, stops)
        if joined is None or joined.n_cols != header.n_cols:
            break
        header, n = joined, n + 1
    return header, n


def _rest(table: Table, first_row: int) -> list[Line]:
    """The rows of a tab-separated grid from ``first_row`` on, as the lines typed in pieces they
    are (a DOCX paragraph's tabs give the same): the signature block's "Nơi nhận:⇥KT. CHỦ TỊCH"
    after the table's total is read as such, not as a row of a grid."""
    return [
        Line(" ".join(t.pieces), table.page, t.number, bold=t.bold, columns=t.pieces if len(t.pieces) > 1 else [])
        for t in _typed(table)[first_row:]
    ]


def _gather(
    header: TypedHeader, lines: list[_Typed], header_rows: int, settings: TabTableSettings
) -> tuple[list[_Row], int]:
    """The rows of the run (its header first, its labels as ``header`` joined them), and how many
    of ``lines`` they took."""
    top = lines[:header_rows]
    rows = [_Row(list(header.labels), top[0].number, top[0].bold, [t.pieces for t in top], top[-1].number)]
    j = header_rows
    longest = 0  # the longest line of a name seen: a broken name's last line is no longer
    while j < len(lines):
        line = lines[j]
        if line.number > lines[j - 1].number + 1:
            break  # a blank line: the run ended above it
        if len(line.pieces) == 1 and not _section_row(line, header) and not _task_opens(lines, j, header):
            broken = _broken_name(lines, j, header, rows, settings)
            name = rows[-1].cells[header.text_col]
            if broken == 0 and not _last_name_line(line.pieces[0], rows[-1], longest, len(rows), name):
                break
            for part in lines[j : j + max(broken, 1)]:
                _go_on(rows[-1], part, header)
            j += max(broken, 1)
            continue
        if len(line.pieces) > header.n_cols:
            break
        if _opens_row(line.pieces) or _section_row(line, header) or _task_opens(lines, j, header):
            rows.append(_Row(_fit(line, header), line.number, line.bold, [line.pieces]))
            longest = max(longest, len(rows[-1].cells[header.text_col]))
        elif _goes_on_below(line, header, len(rows)):
            _join_below(rows[-1], line, header)
        elif _ends_name(line.pieces, rows[-1], header, len(rows)):
            _go_on(rows[-1], line, header)
        else:
            break
        j += 1
    return rows, j


def _section_row(line: _Typed, header: TypedHeader) -> bool:
    """A task framework's section typed as one piece at the margin ("I. CẢI CÁCH THỂ CHẾ"): a row
    of its own, as a merged "I. Title" cell is in a Word table (a grid with no figure column)."""
    return not header.figure_cols and len(line.pieces) == 1 and _SECTION.match(line.pieces[0]) is not None


def _bullet_opens(line: _Typed, header: TypedHeader) -> bool:
    """A task opening a framework with no code column: its first piece a bulleted text."""
    return header.bulleted and bool(line.pieces[0]) and after_bullet(line.pieces[0]) is not None


def _task_opens(lines: list[_Typed], k: int, header: TypedHeader) -> bool:
    """Line ``k`` opens a task of a framework with no code column: a bullet before its text, the
    task's other columns filled beside its words, or its bold after a line in roman
    (``task_starts``)."""
    line = lines[k]
    if not header.bulleted or not line.pieces[0] or _section_row(line, header):
        return False
    if _bullet_opens(line, header) or opens_by_bold(line.bold, lines[k - 1].bold if k else None):
        return True
    return len(line.pieces) > 1 and fills_task_columns([bool(c) for c in _fit(line, header)], header.text_col)


def _goes_on_below(line: _Typed, header: TypedHeader, n_rows: int) -> bool:
    """A line of a task framework (no figure column) that opens with no code: typed from a tab, or
    standing right of the code's column where the source placed it: the row above going on (its
    task's and its unit's next lines, typed under them)."""
    if header.figure_cols or n_rows < 2 or _opens_row(line.pieces) or not any(line.pieces[1:] or line.pieces):
        return False
    placed = _placed(line, header)
    return line.pieces[0] == "" if placed is None else min(placed) > 0


def _join_below(row: _Row, line: _Typed, header: TypedHeader) -> None:
    """The row above gone on by ``line``: each piece joins the cell it is fitted to."""
    for col, piece in enumerate(_fit(line, header)):
        if piece:
            row.cells[col] = f"{row.cells[col]} {piece}".strip()
    row.lines.append(line.pieces)
    row.last = line.number


def _opens_row(pieces: list[str]) -> bool:
    """A line opening a row: its code before a text piece ("1.1.1⇥Ban hành …"), no code (a tab
    first) before a label and figures ("⇥TỔNG ĐIỂM⇥100⇥76,5"), or a total's label and figures."""
    figures = any(_FIGURE.fullmatch(p) for p in pieces[1:])
    if pieces[0] and is_total_label(fold(pieces[0])):
        return figures  # ("Tổng cộng⇥100⇥76,5": a total typed with no tab first)
    if not [p for p in pieces[1:] if p and not _FIGURE.fullmatch(p)]:
        return False
    if pieces[0] == "":
        return figures
    return read_code_token(pieces[0]) is not None and not _FIGURE.fullmatch(pieces[1])


def _ends_name(pieces: list[str], row: _Row, header: TypedHeader, n_rows: int) -> bool:
    """A line with no code that ends the row's name and carries its figures (the figures after
    the name's last line, an annex's unit beside them), where the row has none yet."""
    if n_rows < 2 or pieces[0] == "" or _FIGURE.fullmatch(pieces[0]) or _has_figures(row, header):
        return False
    rest = pieces[1:]
    blank = [c for c in range(header.text_col + 1, header.n_cols) if not row.cells[c]]
    return any(_FIGURE.fullmatch(p) for p in rest) and len(rest) <= len(blank)


def _has_figures(row: _Row, header: TypedHeader) -> bool:
    return any(row.cells[c] for c in header.figure_cols)


def _broken_name(lines: list[_Typed], j: int, header: TypedHeader, rows: list[_Row], settings: TabTableSettings) -> int:
    """How many lines of one piece from ``j`` on are a name broken by hand: they run on to a line
    typed in pieces that is the run's (a row, a bulleted task, or the figures ending the name), or
    to a task framework's section; 0 otherwise."""
    k = j
    while k < len(lines) and len(lines[k].pieces) == 1 and k - j < settings.max_name_lines:
        if lines[k].number > lines[k - 1].number + 1 or is_signature(fold(lines[k].pieces[0])):
            return 0
        if k > j and header.bulleted and (_section_row(lines[k], header) or _task_opens(lines, k, header)):
            return k - j  # (a codeless table: its task's broken lines end at the next section or task)
        k += 1
    if k >= len(lines) or len(lines[k].pieces) == 1 or len(lines[k].pieces) > header.n_cols:
        return 0
    if lines[k].number > lines[k - 1].number + 1:
        return 0
    pieces = lines[k].pieces
    opens = _opens_row(pieces) or _task_opens(lines, k, header)
    return k - j if opens or _ends_name(pieces, rows[-1], header, len(rows)) else 0


def _last_name_line(text: str, row: _Row, longest: int, n_rows: int, name: str) -> bool:
    """The last row's name broken onto a line of its own before the run ends: a piece of a phrase
    (it opens in a small letter, or the name's line ends on a word that opens a complement, "…
    chất lượng theo" over "TCVN ISO 9001:2015") no longer than the names' lines, under a row that
    is no total."""
    return (
        n_rows >= 2
        and (text[:1].islower() or ends_dangling(name.split()) or _year_goes_on(text, name))
        and len(text) <= longest
        and not is_total_label(fold(" ".join(row.cells)))
        and not is_signature(fold(text))
    )


def _year_goes_on(text: str, name: str) -> bool:
    """A year alone on the line under a name ending on a word that takes one ("… nội bộ năm" over
    "2025"): the name's end, which a capital or a digit opening the line would otherwise hide."""
    return _YEAR_LINE.fullmatch(text.strip()) is not None and name.rstrip().lower().endswith(_TAKES_YEAR)


def _go_on(row: _Row, line: _Typed, header: TypedHeader) -> None:
    """The row's name gone on by ``line``'s text, the pieces after it in the row's blank cells
    after the name: figures in the figure columns, words (an annex's unit) in the others."""
    row.lines.append(line.pieces)
    row.last = line.number
    placed = _placed(line, header)
    if placed is not None:  # (each piece joins the cell it stands under)
        for col, piece in zip(placed, line.pieces):
            row.cells[col] = f"{row.cells[col]} {piece}".strip()
        return
    text, *rest = line.pieces
    name = row.cells[header.text_col]
    row.cells[header.text_col] = f"{name} {text}".strip()
    after = range(header.text_col + 1, header.n_cols)
    figure_cols = [c for c in after if c in header.figure_cols and not row.cells[c]]
    word_cols = [c for c in after if c not in header.figure_cols and not row.cells[c]]
    figures = [p for p in rest if _FIGURE.fullmatch(p)]
    for col, piece in zip(figure_cols, figures):
        row.cells[col] = piece
    for col, piece in zip(word_cols, [p for p in rest if not _FIGURE.fullmatch(p)]):
        row.cells[col] = piece


def _figures_glued(row: _Row, header: TypedHeader) -> bool:
    """Whether the row's first line has fewer pieces than the header and a text piece of it ends in a
    figure: a maximum or scale set off from the name by a single or double space ("… định kỳ  0 – 0,5 –
    1"), which ``_fit`` would leave in the name while the next figure took its column."""
    pieces = row.lines[0]
    if len(pieces) >= header.n_cols:
        return False
    text = [p for p in pieces if not _FIGURE.fullmatch(p)]
    return any(_TRAILING_FIGURE.search(p) for p in text)


def _placed(line: _Typed, header: TypedHeader) -> list[int] | None:
    """The column each piece of ``line`` stands in, by its position and the header's (each piece
    under the label nearest it); None when the source placed either not."""
    if not header.stops or len(line.stops) != len(line.pieces):
        return None
    return [nearest(header.stops, x) for x in line.stops]


def _fit(line: _Typed, header: TypedHeader) -> list[str]:
    """A line's pieces in the header's columns: where the source placed them, in the column each
    stands under (a blank cell typed as two tabs leaves its column blank); else one to one when
    there are as many; otherwise the figures that end the line in the figure columns from the first
    on (a blank cell typed as no piece is taken for the last: the maximum is printed before the
    points), the text pieces before them in the other columns from the first (a tab opening the
    line leaves the first blank)."""
    n = header.n_cols
    pieces = line.pieces
    placed = _placed(line, header)
    if placed is not None:
        cells = [""] * n
        for col, piece in zip(placed, pieces):
            cells[col] = f"{cells[col]} {piece}".strip()
        return cells
    if len(pieces) == n:
        return list(pieces)
    tail = 0
    while tail < len(pieces) - 1 and _FIGURE.fullmatch(pieces[len(pieces) - 1 - tail]):
        tail += 1
    tail = min(tail, len(header.figure_cols))
    head, figures = pieces[: len(pieces) - tail], pieces[len(pieces) - tail :]
    cells = [""] * n
    for col, piece in zip(header.figure_cols, figures):
        cells[col] = piece
    text_cols = [c for c in range(n) if c not in header.figure_cols]
    for k, piece in enumerate(head):
        col = text_cols[min(k, len(text_cols) - 1)]
        cells[col] = f"{cells[col]} {piece}".strip()
    return cells


def _grid(rows: list[_Row], header: TypedHeader, page: int) -> Table:
    cells = [
        Cell(row=r, col=c, text=text, bold=row.bold and bool(text), lines=[text] if text else [])
        for r, row in enumerate(rows)
        for c, text in enumerate(row.cells)
    ]
    last = max(max(row.last, row.number) for row in rows)
    return Table(
        page=page,
        cells=cells,
        n_rows=len(rows),
        n_cols=header.n_cols,
        source=TYPED_COLUMNS,
        line_start=rows[0].number,
        line_end=last,
        row_lines=[row.number for row in rows],
    )

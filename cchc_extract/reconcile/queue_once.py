"""The review queue asks about each place once: a row queued whole holds its cells' doubts, and a
part told unread that names only cells the queue already asks about is told on their entries.

A person works down the queue looking at the page: a row entry (``field`` None: a row with no
figure read, a row recovered by the criteria set's order) sends them to the row's line, where
they read every cell of it, so a cell entry of that row beside it is a second look at the same
line (seed 597's dumps: 14 such cell entries). Likewise a part coverage or the segmenter told as
not read ("figures not read (the row's other figures were): 1.1 self points, 1.3 self points",
"points of 1.2 not read (the text holds the row's name, not its numbers)") names cells whose own
entries the queue holds already (a lost cell is doubted by its blank's confidence): the part's
entry is a third look at them. It is told on those entries instead, as an annex's lost figures
are told on each row's value (``extract.segment.unread_review``); the part stays in ``unread``
(coverage), and a part naming anything else (rows not found, a table, a page), or a cell the
queue does not hold, keeps its own entry. An annex's numbering part (rows numbered before a row
read were printed and not read, told at that row: ``stat_numbering``) is told on that row's
figure's entry when the queue holds one: the lost rows stand on the lines right above it, which a
person sent to that figure reads (on the development corpus 55 of 65 such parts stood at a queued row)."""

from __future__ import annotations

from dataclasses import dataclass, replace

from cchc_extract.reconcile.core import _joined
from cchc_extract.reconcile.queue_runs import runs_told_once
from cchc_extract.reconcile.score_refs import score_row_at
from extract.segment.stat_numbering import NUMBERING_REASON
from normalize.lazy_regex import lazy_compile
from schemas.records import ExtractionResult, ReviewItem, ScoreRow, UnreadPart, reasons_of

# How the queue says a part was not read (``extract.segment.unread_review.UNREAD_PREFIX``).
_UNREAD_ITEM = lazy_compile(r"/unread/(\d+)")
_FIELD_WORDS = {"max points": "max_points", "self points": "self_points", "appraised points": "appraised_points"}
# The clauses of parts that name cells of rows found, and nothing else (``lost_cells``,
# ``unread_rows.points_part``, ``set_rows._told``).
_CELLS_LOST = "figures not read (the row's other figures were): "
_CELLS_ILLEGIBLE = "figures not read (printed, but not as a number): "
_ROWS_LOST = lazy_compile(
    r"points of (.+?) not read \((?:the text holds the row's name, not its numbers|rows recovered by their names in"
    r" the criteria set)\)"
)
_ILLEGIBLE_CELL = lazy_compile(r"(?:^|, )(\S+) (max points|self points|appraised points) printed ")

Cell = tuple[str, str | None]  # (row pointer, field; None: the row as a whole)


def one_look_each(items: list[ReviewItem], result: ExtractionResult) -> list[ReviewItem]:
    """``items`` (one entry per cell already) with each row entry holding its cells' entries, each
    unread part that names only queued cells told on their entries, and the parts left on one run
    of lines of OCR'd text told in one entry (``queue_runs``)."""
    return runs_told_once(_told_on_cells(_cells_in_rows(items), result), result)


def _cells_in_rows(items: list[ReviewItem]) -> list[ReviewItem]:
    """Cell entries of a score row queued whole joined to the row's entry (its reasons, its lowest
    confidence), in the order of the entries kept."""
    whole = {ref.item: k for k, ref in enumerate(items) if ref.field is None and "/rows/" in ref.item}
    out = list(items)
    gone: set[int] = set()
    for k, ref in enumerate(items):
        at = whole.get(ref.item)
        if ref.field is None or at is None:
            continue
        for reason in reasons_of(ref):
            if reason and reason not in reasons_of(out[at]):
                out[at] = _joined(out[at], replace(ref, alternatives=[]), reason)
        gone.add(k)
    return [ref for k, ref in enumerate(out) if k not in gone]


def _told_on_cells(items: list[ReviewItem], result: ExtractionResult) -> list[ReviewItem]:
    queued = {(ref.item, ref.field): k for k, ref in enumerate(items)}
    out = list(items)
    gone: set[int] = set()
    for k, ref in enumerate(items):
        m = _UNREAD_ITEM.fullmatch(ref.item)
        if m is None or ref.field is not None or int(m.group(1)) >= len(result.unread):
            continue
        part = result.unread[int(m.group(1))]
        cells = named_cells(part, result) or numbering_cells(part, result)
        at = [_entry_of(cell, queued, result) for cell in cells or []]
        if not cells or any(a is None for a in at):
            continue
        for a in dict.fromkeys(a for a in at if a is not None):
            if ref.reason not in reasons_of(out[a]):
                out[a] = _joined(out[a], replace(ref, confidence=out[a].confidence, alternatives=[]), ref.reason)
        gone.add(k)
    return [ref for k, ref in enumerate(out) if k not in gone]


def _entry_of(cell: Cell, queued: dict[tuple[str, str | None], int], result: ExtractionResult) -> int | None:
    """The entry that asks about ``cell``: its own, its row's whole; for a row told without its
    figures, the row's entry, else one entry of its (when each of its blank cells has one)."""
    pointer, field = cell
    if (pointer, None) in queued:
        return queued[(pointer, None)]
    if field is not None:
        return queued.get((pointer, field))
    row = _row(result, pointer)
    blanks = [f for f in _FIELD_WORDS.values() if row is not None and getattr(row, f) is None]
    found = [queued.get((pointer, f)) for f in blanks]
    return found[0] if blanks and all(a is not None for a in found) else None


def named_cells(part: UnreadPart, result: ExtractionResult) -> list[Cell] | None:
    """The cells of rows found that a part told unread names, when it names nothing else; None
    for any other part (rows not found, a table, a page, a code no row read carries)."""
    if part.kind != "rows":
        return None
    cells: list[Cell] = []
    for clause in part.reason.split("; "):
        named = _clause_cells(clause)
        if not named:
            return None
        for code, field in named:
            pointer = pointer_of_code(result, part, code)
            if pointer is None:
                return None
            cells.append((pointer, field))
    return cells or None


def told_unread(result: ExtractionResult) -> set[Cell]:
    """The cells of the one row found that a part told unread names (``named_cells``; field None:
    the row's every points cell, "points of 4 not read (the text holds the row's name, not its
    numbers)"). Such a blank is lost by the segmenter's own account, not a heading's blank, and
    its row's entry holds the part (one look, as before). A part naming several rows stays one
    entry for its run of lines: queuing each row would ask 13 looks for one (the golden scan
    ``renderings/score_table_scan.pdf``'s part names 13 rows)."""
    out: set[Cell] = set()
    for part in result.unread:
        cells = named_cells(part, result) or []
        if len({pointer for pointer, _ in cells}) == 1:
            out.update(cells)
    return out


def numbering_cells(part: UnreadPart, result: ExtractionResult) -> list[Cell] | None:
    """The figure of the annex row a part its numbering told stands at (``stat_numbering.lost_rows``:
    rows numbered before the row read on the part's line were printed and not read, at that row's
    line, its code and indicator the part's text); None for any other part. A person the queue
    sends to that row's figure looks at the lines right above it, where the lost rows stand."""
    if part.kind != "rows" or not part.reason.startswith(NUMBERING_REASON):
        return None
    at = [
        f"/statistics/{ai}/rows/{ri}"
        for ai, annex in enumerate(result.statistics)
        for ri, row in enumerate(annex.rows)
        if row.source.page == part.page
        and row.source.line_start == part.line_start
        and part.text_sample == f"{row.code} {row.indicator}"[: len(part.text_sample)]
    ]
    return [(at[0], "value")] if len(at) == 1 else None


@dataclass(frozen=True)
class CellClause:
    """A clause of an unread part that names cells of rows found, in pieces: the words before the
    list, each listed item (its text, the row's code, the field; None: the row as a whole) and the
    words after. Rejoined with fewer items, it names only those (``with_items``)."""

    head: str
    items: tuple[tuple[str, str, str | None], ...]
    tail: str = ""

    def with_items(self, kept: list[tuple[str, str, str | None]]) -> str:
        return f"{self.head}{', '.join(text for text, _, _ in kept)}{self.tail}"


def cell_clause(clause: str) -> CellClause | None:
    """The pieces of one clause naming cells; None for a clause of another kind."""
    if clause.startswith(_CELLS_LOST):
        items: list[tuple[str, str, str | None]] = []
        for said in clause.removeprefix(_CELLS_LOST).split(", "):
            code, _, words = said.partition(" ")
            if words not in _FIELD_WORDS:
                return None
            items.append((said, code, _FIELD_WORDS[words]))
        return CellClause(_CELLS_LOST, tuple(items))
    if clause.startswith(_CELLS_ILLEGIBLE):
        listed = clause.removeprefix(_CELLS_ILLEGIBLE)
        found = list(_ILLEGIBLE_CELL.finditer(listed))
        if not found or len(found) != listed.count(" printed "):
            return None
        ends = [m.start() for m in found[1:]] + [len(listed)]
        return CellClause(
            _CELLS_ILLEGIBLE,
            tuple(
                (listed[m.start() : end].removeprefix(", "), m.group(1), _FIELD_WORDS[m.group(2)])
                for m, end in zip(found, ends)
            ),
        )
    m = _ROWS_LOST.fullmatch(clause)
    if m is None:
        return None
    codes = m.group(1)
    return CellClause(clause[: m.start(1)], tuple((code, code, None) for code in codes.split(", ")), clause[m.end(1) :])


def _clause_cells(clause: str) -> list[tuple[str, str | None]] | None:
    """(code, field) of each cell one clause names; None for a clause of another kind."""
    pieces = cell_clause(clause)
    return None if pieces is None else [(code, field) for _, code, field in pieces.items]


def pointer_of_code(result: ExtractionResult, part: UnreadPart, code: str) -> str | None:
    """The pointer of the one score row under ``code`` (on the part's lines when several are)."""
    rows = [
        (f"/score_tables/{ti}/rows/{ri}", row)
        for ti, table in enumerate(result.score_tables)
        for ri, row in enumerate(table.rows)
        if row.code == code
    ]
    if len(rows) > 1:
        rows = [(p, row) for p, row in rows if _on_lines(row, part)]
    return rows[0][0] if len(rows) == 1 else None


def _on_lines(row: ScoreRow, part: UnreadPart) -> bool:
    src = row.source
    if part.line_start is None or src.line_start is None or src.page != part.page:
        return False
    return part.line_start <= src.line_start <= (part.line_end or part.line_start)


def _row(result: ExtractionResult, pointer: str) -> ScoreRow | None:
    at = score_row_at(pointer)
    return None if at is None else result.score_tables[at[0]].rows[at[1]]

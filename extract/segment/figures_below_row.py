"""A dump row whose own line printed no figure reads them from the line below it.

In a table whose cells are centred vertically, a criterion's name printed beside a two-line
explanation opens on the first line, and its STT cell and its points print on the second, which
OCR often garbles before the figures ("Xây dựng và nâng cao chất lượng đội ngũ công chức, | Thực
hiện đầy đủ, đúng quy định" / "h) VÀ z 16 16 15,75" / "viên chức"). The row reader takes the first
line for the row (its name) and withdraws the second as a garbled row: the row's points are told
lost although the text prints them. After the criteria set is recognised, its maximum for the row
is the witness: the first run of figures on the lines after the row's, before the next row's and
claimed by no row, that opens with the set's maximum, the others within it, is the row's points
(read as ``set_row_figures.points_of_run``; a third figure the appraised score only in a table that
has that column). Only rows none of whose points cells read a figure; the cells read are doubted
(the review sees them), and the claims of loss they answer are withdrawn."""

from __future__ import annotations

from dataclasses import dataclass, replace

from extract.model import IngestedDocument, Line
from extract.segment.set_row_figures import RowPoints, figures_below, points_of_run
from extract.segment.unread_rows import points_claims_less
from normalize.criteria import CriteriaSet
from normalize.lazy_regex import lazy_compile
from schemas.records import ExtractionResult, ScoreRow, ScoreTable, UnreadPart, unsure_flag

# The flag of a row whose points were read from the line below its own.
FLAG_FIGURES_BELOW = "points_below_row_line"
_CELLS = ("max_points", "self_points", "appraised_points")
# A part telling one garbled line withdrawn as a row ("1 rows of this table (of 8) could not be read …").
_ONE_ROW_WITHDRAWN = lazy_compile(r"^1 rows? of this table\b")


@dataclass(frozen=True)
class FiguresBelowSettings:
    # Lines after a row's own, before the next row's, where its figures may print (the second
    # line of a centred cell; a third when the explanation wraps once more).
    lines_after: int = 2
    # The doubt of a cell read below its row's line (under the review threshold: a person looks).
    doubt: float = 0.6
    on: bool = True


def figures_below_rows(
    doc: IngestedDocument,
    result: ExtractionResult,
    cset: CriteriaSet | None,
    settings: FiguresBelowSettings = FiguresBelowSettings(),
) -> int:
    """Fill the points of the rows of tables read from an OCR dump's lines whose own lines printed
    none, from the first run below them that opens with ``cset``'s maximum for the row; returns
    how many rows were read so."""
    if not settings.on or cset is None or not result.source.read_by_ocr:
        return 0
    maxima = {c.code: c.max_points for c in cset.rows if c.max_points is not None}
    lines: dict[tuple[int | None, int], Line] = {(ln.page, ln.number): ln for ln in doc.lines()}
    claimed = {
        (r.source.page, n)
        for t in result.score_tables
        for r in t.rows
        if r.source.line_start is not None
        for n in range(r.source.line_start, (r.source.line_end or r.source.line_start) + 1)
    }
    read: list[ScoreRow] = []
    for table in result.score_tables:
        if table.read_from != "lines":
            continue
        appraised = any(r.appraised_points_raw is not None for r in table.rows)
        for row in table.rows:
            most = maxima.get(str(row.code)) if row.code else None
            if most is None or any(getattr(row, f"{c}_raw") is not None for c in _CELLS):
                continue
            below = _lines_below(row, table, lines, claimed, settings)
            points = points_of_run(figures_below(below, most), most, appraised)
            if points.max_points is None or points.self_points is None:
                continue
            fill_points(row, points, settings.doubt, FLAG_FIGURES_BELOW)
            read.append(row)
    if read:
        result.unread = claims_answered(result.unread, read, result.score_tables)
    return len(read)


def _lines_below(
    row: ScoreRow,
    table: ScoreTable,
    lines: dict[tuple[int | None, int], Line],
    claimed: set[tuple[int | None, int]],
    settings: FiguresBelowSettings,
) -> list[Line]:
    """The lines after the row's own, before the next row's of its table and claimed by no row."""
    page, end = row.source.page, row.source.line_end or row.source.line_start
    if end is None:
        return []
    nxt = _next_start(row, [table])
    own: list[Line] = []
    n = end + 1
    while len(own) < settings.lines_after and (page, n) in lines and n < nxt:
        if (page, n) in claimed:
            break
        if lines[(page, n)].text.strip():
            own.append(lines[(page, n)])
        n += 1
    return own


def fill_points(row: ScoreRow, points: RowPoints, doubt: float, flag: str) -> None:
    """Set the cells read, each score doubted at ``doubt`` (the values read before kept as
    alternatives); the claims of their loss leave the row's flags, ``flag`` says where they were read."""
    filled = []
    for cell in _CELLS:
        found = getattr(points, cell)
        if found is None:
            continue
        before = getattr(row, cell)
        setattr(row, cell, found[1])
        setattr(row, f"{cell}_raw", found[0])
        if before is not None and abs(before - found[1]) > 1e-9:
            row.alternatives[cell] = [before]
        filled.append(cell)
    lost = {f"missing_{c.split('_')[0]}" for c in filled}
    row.flags = [f for f in row.flags if f not in lost]
    row.flags += [flag, *(unsure_flag(c, doubt) for c in filled if c != "max_points")]


def claims_answered(parts: list[UnreadPart], read: list[ScoreRow], tables: list[ScoreTable]) -> list[UnreadPart]:
    """The unread parts less what the rows ``read`` answer: their codes leave a "points of … not
    read" clause (the clause goes when none is left, the part when no clause is), and a part
    telling one garbled line withdrawn as a row goes when every line it covers lies between a row
    read here and the next row (the line was that row's figures)."""
    codes = {str(r.code) for r in read}
    spans = [(r.source.page, r.source.line_end or r.source.line_start or 0, _next_start(r, tables)) for r in read]
    kept = []
    for part in parts:
        clauses = points_claims_less(part, codes)
        if not clauses:
            continue
        one_line = _ONE_ROW_WITHDRAWN.match(part.reason) and part.line_start is not None
        if one_line and any(
            page == part.page and end < (part.line_start or 0) and (part.line_end or 0) < nxt
            for page, end, nxt in spans
        ):
            continue
        kept.append(part if clauses == part.reason.split("; ") else replace(part, reason="; ".join(clauses)))
    return kept


def _next_start(row: ScoreRow, tables: list[ScoreTable]) -> int:
    """The first line of the next row of the row's page after it (a large number when none)."""
    end = row.source.line_end or row.source.line_start or 0
    starts = [
        r.source.line_start
        for t in tables
        for r in t.rows
        if r.source.page == row.source.page and r.source.line_start is not None and r.source.line_start > end
    ]
    return min(starts, default=10**9)

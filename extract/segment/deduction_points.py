"""Score tables whose points are written as deductions or as verdicts.

A deductions column ("Điểm trừ", "Số điểm bị trừ", "Điểm bị trừ") prints what a criterion lost from
its maximum. Its label shares "điểm" and little else with the points columns, and the header matcher
took it for the self points ("Điểm trừ" is near "Điểm đạt"): the losses were read as the scores, and
their sums raised false mismatches. So the column is named by its own words before the table is read:

- where the table prints no self column, the self points are the maximum less the deduction, row by
  row and on the total; the rows are flagged as derived (``DERIVED_FLAG``), so the output says the
  figure was computed, not printed;
- where a self column is printed too, the deduction is not a points field at all, and only keeps the
  header matcher from handing the self field to it.

A verdict in a points cell ("Đạt", "Không đạt", "Chưa đạt") stands for an all-or-nothing criterion's
points: "Đạt" is the maximum, the others nothing. It is read so only where the row's maximum is read;
otherwise the cell stays unread (``missing_self``), to be reviewed, never guessed."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from extract.segment.joined import JoinedRow, JoinedTable
from extract.segment.row_draft import LineTable
from extract.segment.verdict_columns import verdict_cell
from normalize.lazy_regex import lazy_compile
from normalize.numbers import parse_number
from normalize.text import fold_words
from schemas.records import MISSING_FLAG, ScoreTable

# A deductions column's label words (folded), and words that make it another column that speaks of
# deductions: their reason ("Lý do trừ điểm", "Nguyên nhân bị trừ điểm"), the criteria
# ("Tiêu chí bị trừ điểm").
_DEDUCTION_WORDS = ("diem tru", "diem bi tru", "tru diem", "bi tru")
_REASON_WORDS = ("ly do", "nguyen nhan", "giai trinh", "ghi chu", "noi dung", "tieu chi", "nhiem vu")
# Fields a deductions column may have been taken for; any other (the name, the code) is left alone.
_POINTS_KEYS = ("max", "self", "appraised")
# The reason's label in a header line ("Lý do trừ điểm", "Nguyên nhân bị trừ", wrapped), and the
# words of a self points label, folded.
_REASON_PHRASE = lazy_compile(r"\b(?:ly do|nguyen nhan)(?:\s+bi)?(?:\s+tru)?(?:\s+diem)?\b")
_SELF_WORDS = frozenset({"tu", "cham", "dat", "con"})
DERIVED_FLAG = "self_from_deduction"
# A row whose self points, maximum and deduction disagree, and what its review entry says
# (``cchc_extract.reconcile.queue``).
DISAGREES_FLAG = "deduction_disagrees"
DISAGREES_REASON = "self points differ from the maximum less the points deducted, as printed"
# How far a row's self points may stand from its maximum less its deduction (figures print two
# decimals at most).
_TOLERANCE = 0.005
VERDICT_FLAG = "self_from_verdict"
# Verdicts (folded, their opening words) that mean the criterion was met: its maximum.
_MET = ("dat", "d")


def deduction_column(labels: list[str]) -> int | None:
    """The column whose label names points deducted (not their reason), else None."""
    for col, label in enumerate(labels):
        folded = fold_words(label)
        if any(w in folded for w in _DEDUCTION_WORDS) and not any(w in folded for w in _REASON_WORDS):
            return col
    return None


@dataclass(frozen=True)
class DeductionsRead:
    """A grid with its deductions column named: the table (its deduction cells turned into self
    points when ``derived``), its columns, and each row's printed deduction by where the row starts
    (page, line), to check the self points printed beside it."""

    joined: JoinedTable
    columns: dict[str, int]
    derived: bool = False
    deductions: dict[tuple[int, int], float] = field(default_factory=dict)
    # the deductions column beside a printed self column: read as a check, not left unread
    context: frozenset[int] = frozenset()


def deductions_read(joined: JoinedTable, columns: dict[str, int]) -> DeductionsRead:
    """The table and its columns with a deductions column no longer taken for a points field; where
    no self column is printed, that column's cells become the self points (maximum less deduction)."""
    if "max" not in columns:
        return DeductionsRead(joined, columns)
    col = deduction_column(joined.header_text)
    if col is None or any(c == col and key not in _POINTS_KEYS for key, c in columns.items()):
        return DeductionsRead(joined, columns)
    kept = {key: c for key, c in columns.items() if c != col}
    if "max" not in kept:
        return DeductionsRead(joined, columns)
    if "self" in kept:
        printed = {(row.page, row.line_start): _figure(row, col) for row in joined.rows}
        deductions = {k: v for k, v in printed.items() if v is not None}
        return DeductionsRead(joined, kept, deductions=deductions, context=frozenset({col}))
    rows = [_derived_row(joined, row, kept["max"], col) for row in joined.rows]
    return DeductionsRead(replace(joined, rows=rows), {**kept, "self": col}, derived=True)


def _figure(row: JoinedRow, col: int) -> float | None:
    parsed = parse_number(row.cells[col].strip(), kind="score") if col < len(row.cells) else None
    return parsed.value if parsed else None


def _derived_row(joined: JoinedTable, row: JoinedRow, max_col: int, col: int) -> JoinedRow:
    """The row with its deduction cell holding the self points it leaves. A deduction or maximum
    that does not read as a figure is left as printed: the self cell then reads as unread, told."""
    if col >= len(row.cells):
        return row
    top = parse_number(joined.cell_text(row, max_col), kind="score")
    lost = _figure(row, col)
    if top is None or lost is None:
        return row
    scored = round(top.value - lost, 2)
    cells = [*row.cells[:col], f"{scored:g}".replace(".", ","), *row.cells[col + 1 :]]
    return replace(row, cells=cells)


def deductions_told(table: ScoreTable, read: DeductionsRead) -> ScoreTable:
    """Each row whose self points were computed from a deduction says so; where the self points are
    printed beside the deduction, a row whose three figures disagree (self ≠ maximum − deduction)
    is flagged, for review: one of them is misprinted or misread, and which one the table does not
    say (not a mismatch of the commune's sums: the deduction is no field of ours)."""
    for row in table.rows:
        if read.derived and row.self_points is not None:
            row.flags.append(DERIVED_FLAG)
        lost = read.deductions.get((row.source.page or 0, row.source.line_start or 0))
        if lost is None or row.max_points is None or row.self_points is None:
            continue
        if abs(row.max_points - lost - row.self_points) > _TOLERANCE:
            row.flags.append(DISAGREES_FLAG)
    return table


def deductions_only(header: list[str]) -> bool:
    """Whether a table's header lines, as OCR wrapped them (a label's words on two or three lines:
    "Số" / "điểm bị" / "trừ"), name a deductions column and no self points column. The reason's label
    ("Lý do trừ điểm", "Nguyên nhân trừ") is taken out first; any word of a self label ("tự chấm",
    "Điểm đạt", "Điểm còn lại") keeps the figures as printed."""
    words = " ".join(_REASON_PHRASE.sub(" ", fold_words(line)) for line in header).split()
    return "tru" in words and not _SELF_WORDS & set(words)


def lines_less_deductions(found: LineTable) -> LineTable:
    """A table read from lines under a deductions-only header, its second figure (the deduction)
    turned into the self points it leaves; a row whose figures do not both read loses the figure,
    to be told missing (``deductions_told_lines``), not taken for its self points."""
    if not found.deducted:
        return found
    rows = [replace(d, self_raw=_less(d.max_raw, d.self_raw)) for d in found.rows]
    return replace(found, rows=rows, stated_total_self=_less(found.stated_total_max, found.stated_total_self))


def _less(top_raw: str | None, lost_raw: str | None) -> str | None:
    top = parse_number(top_raw or "", kind="score", ocr=True)
    lost = parse_number(lost_raw or "", kind="score", ocr=True)
    if top is None or lost is None:
        return None
    return f"{round(top.value - lost.value, 2):g}".replace(".", ",")


def deductions_told_lines(table: ScoreTable, found: LineTable) -> ScoreTable:
    """The rows of a deductions-only table read from lines: derived self points say so, a row with
    its maximum and no self points is told missing (its deduction lost or not read)."""
    if not found.deducted:
        return table
    for row in table.rows:
        if row.self_points is not None:
            row.flags.append(DERIVED_FLAG)
        elif row.max_points is not None and MISSING_FLAG["self_points"] not in row.flags:
            row.flags.append(MISSING_FLAG["self_points"])
    return table


def self_from_verdicts(table: ScoreTable, restored: float = 0.0) -> ScoreTable:
    """Rows whose self cell prints a verdict instead of a figure, read as the maximum ("Đạt") or 0
    ("Không đạt", "Chưa đạt") where the maximum is read; left unread (flagged missing) otherwise. A
    self column that prints verdict words alone is read so too: the header named it the self points
    and no figure column stood in for it (``verdict_columns``), so its words are all the points there
    are. Ticks ("x", "v") alone say which verdict, not how many points: such a column stays no points.
    ``restored``: the confidence the row lost for a missing self cell, given back when the verdict is its
    reading (the cell is read; its other cells, printed as figures, were never in doubt)."""
    figures = any(row.self_points is not None for row in table.rows)
    for row in table.rows:
        raw = (row.self_points_raw or "").strip()
        if row.self_points is not None or not raw or not verdict_cell(raw) or "self_marked_none" in row.flags:
            continue  # (a mark for "not scored", "x" or "-", is that: no verdict, nothing missing)
        folded = fold_words(raw).split()
        ticked = not folded or folded[0] in ("x", "v")
        if ticked and not figures:
            continue
        if row.max_points is None or ticked:
            if MISSING_FLAG["self_points"] not in row.flags:
                row.flags.append(MISSING_FLAG["self_points"])
            continue
        row.self_points = row.max_points if folded[0] in _MET else 0.0
        if MISSING_FLAG["self_points"] in row.flags:
            row.confidence = round(min(1.0, row.confidence + restored), 3)
        row.flags = [f for f in row.flags if f != MISSING_FLAG["self_points"]] + [VERDICT_FLAG]
    return table

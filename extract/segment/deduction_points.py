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

from dataclasses import replace

from extract.segment.joined import JoinedRow, JoinedTable
from extract.segment.verdict_columns import verdict_cell
from normalize.numbers import parse_number
from normalize.text import fold_words
from schemas.records import MISSING_FLAG, ScoreTable

# A deductions column's label words (folded), and words that make it the reason's column instead
# ("Lý do trừ điểm", "Nguyên nhân bị trừ điểm").
_DEDUCTION_WORDS = ("diem tru", "diem bi tru", "tru diem", "bi tru")
_REASON_WORDS = ("ly do", "nguyen nhan", "giai trinh", "ghi chu", "noi dung")
DERIVED_FLAG = "self_from_deduction"
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


def deductions_read(
    joined: JoinedTable, columns: dict[str, int] | None
) -> tuple[JoinedTable, dict[str, int] | None, bool]:
    """The table and its columns with a deductions column no longer taken for a points field; where
    no self column is printed, that column's cells become the self points (maximum less deduction).
    The flag says whether the self points were so derived."""
    if not columns or "max" not in columns:
        return joined, columns, False
    col = deduction_column(joined.header_text)
    if col is None or col == columns["max"]:
        return joined, columns, False
    kept = {key: c for key, c in columns.items() if c != col}
    if "self" in kept:
        return joined, kept, False
    rows = [_derived_row(joined, row, columns["max"], col) for row in joined.rows]
    return replace(joined, rows=rows), {**kept, "self": col}, True


def _derived_row(joined: JoinedTable, row: JoinedRow, max_col: int, col: int) -> JoinedRow:
    """The row with its deduction cell holding the self points it leaves. A deduction or maximum
    that does not read as a figure is left as printed: the self cell then reads as unread, told."""
    if col >= len(row.cells):
        return row
    top = parse_number(joined.cell_text(row, max_col), kind="score")
    lost = parse_number(row.cells[col].strip(), kind="score")
    if top is None or lost is None:
        return row
    scored = round(top.value - lost.value, 2)
    cells = [*row.cells[:col], f"{scored:g}".replace(".", ","), *row.cells[col + 1 :]]
    return replace(row, cells=cells)


def flag_derived(table: ScoreTable) -> ScoreTable:
    """Each row whose self points were computed from a deduction says so."""
    for row in table.rows:
        if row.self_points is not None:
            row.flags.append(DERIVED_FLAG)
    return table


def self_from_verdicts(table: ScoreTable) -> ScoreTable:
    """Rows whose self cell prints a verdict instead of a figure, read as the maximum ("Đạt") or 0
    ("Không đạt", "Chưa đạt") where the maximum is read; left unread (flagged missing) otherwise."""
    for row in table.rows:
        raw = (row.self_points_raw or "").strip()
        if row.self_points is not None or not raw or not verdict_cell(raw):
            continue
        folded = fold_words(raw).split()
        if row.max_points is None or not folded or folded[0] in ("x", "v"):
            if MISSING_FLAG["self_points"] not in row.flags:
                row.flags.append(MISSING_FLAG["self_points"])
            continue
        row.self_points = row.max_points if folded[0] in _MET else 0.0
        row.flags = [f for f in row.flags if f != MISSING_FLAG["self_points"]] + [VERDICT_FLAG]
    return table

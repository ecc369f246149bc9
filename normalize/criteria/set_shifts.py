"""A row's figures read one column off, put back in place by a surely recognised criteria set's
maximum (called from ``set_cells.fill_set_maxima``).

An OCR'd row whose STT cell was lost opens its line with its figures, and the first of them is
taken for the code ("1 1,25 1", "14,5 14,5 14,25 01/11/2024"): the row loses its maximum to the
code and its scores slide one column left. A speck OCR read as a letter before the row's figure
("… VÀ D 16") is taken for a garbled maximum and the figure for the self score. The set's
maximum for the row, equal to the figure taken for a code or to the one read as a score, says
which reading the page printed."""

from __future__ import annotations

from typing import TYPE_CHECKING

import regex as re

from normalize.criteria.match_settings import FLAG_COLUMNS_BY_SET, FLAG_MAX_DIFFERS, MatchSettings
from normalize.numbers import parse_number

if TYPE_CHECKING:
    from schemas.records import ScoreRow

_CELLS = ("max_points", "self_points", "appraised_points")
# The flags saying the code the row's line opened with was not its code.
_CODE_NOT_PRINTED = ("code_inferred", "code_repaired")


def code_was_maximum(row: ScoreRow, most: float, appraised: bool, set_id: str, s: MatchSettings) -> bool:
    """The "code" the row's line opened with, found not to be its code (its code was inferred or
    repaired from the rows around), is a figure equal to the set's maximum for the row, and the
    row's last points cell is free (the appraised one in a table with an appraised column, else
    the self score), and either the maximum read is not the set's or the figure can be no part of
    the row's code: the line printed the row's figures alone, its STT cell lost. The figure is
    the maximum and the cells read move one column right; the reading before is kept as the
    cells' alternatives; flagged ``FLAG_COLUMNS_BY_SET``."""
    if not any(f in row.flags for f in _CODE_NOT_PRINTED) or not row.code_raw or row.max_points is None:
        return False
    figure = parse_number(row.code_raw, kind="score")
    if figure is None or abs(figure.value - most) > s.max_tolerance:
        return False
    # A figure with a decimal comma is no code ("14,5"), nor one that is no tail of the row's code
    # ("10" on row 2); one that is may be the code with its head OCR lost ("2" of 1.2, worth 2): its
    # row's maximum read as the set's then says the cells after it are the row's own.
    if _code_tail(row.code_raw, str(row.code)) and abs(row.max_points - most) <= s.max_tolerance:
        return False
    cells = _CELLS if appraised else _CELLS[:2]
    if getattr(row, f"{cells[-1]}_raw") is not None or getattr(row, cells[-1]) is not None:
        return False
    before = [(getattr(row, c), getattr(row, f"{c}_raw")) for c in cells]
    after = [(figure.value, row.code_raw), *before[:-1]]
    _move(row, cells, before, after)
    row.code_raw = None
    found = {f"missing_{c.split('_')[0]}" for c in cells if getattr(row, c) is not None}
    kept = [("code_inferred" if f == "code_repaired" else f) for f in row.flags if f not in found]
    row.flags = [f for f in kept if not f.startswith(FLAG_MAX_DIFFERS)] + [f"{FLAG_COLUMNS_BY_SET}:{set_id}"]
    return True


def appraised_column(rows: list[ScoreRow]) -> bool:
    """Whether a table has an appraised column: a row read its figure, or the segmenter says a row
    printed it and OCR lost it (``missing_appraised``: flagged only in a table with the column). A
    dump that lost every appraised figure still prints the column, and a row's figures slid left
    under it still have the appraised cell to move into."""
    from schemas.records import MISSING_FLAG

    lost = MISSING_FLAG["appraised_points"]
    return any(r.appraised_points is not None or lost in r.flags for r in rows)


def _code_tail(raw: str, code: str) -> bool:
    """Whether a printed "code" is the row's code or its last parts ("2", "2." of 1.2): a code OCR
    cut at its head. A figure with a decimal comma is none ("14,5": codes print dots)."""
    parts = raw.strip(". ").split(".")
    return "," not in raw and code.split(".")[-len(parts) :] == parts


def speck_before_maximum(row: ScoreRow, most: float, appraised: bool, set_id: str, s: MatchSettings) -> bool:
    """The row's maximum was read as 0 from a cell printing no digit (a speck OCR read as a letter,
    "D" taken for a 0) and its self score's printed figure is the set's
    maximum for the row ("VÀ D 16": 16 read 1,6 to fit under the 0): the figure is the maximum,
    the cells after it move one column left and the last is lost. The reading before is kept as
    the cells' alternatives; the maximum is doubted (the set's guess, for the review); flagged
    ``FLAG_COLUMNS_BY_SET``."""
    raw = row.max_points_raw
    # (read 0: no criterion is worth nothing. A letter read for another digit, "l" for 1, may be the
    # maximum; a garbled cell read as no number may be the maximum OCR lost, "ie 1" for 1 and 1)
    if raw is None or re.search(r"\d", raw) or row.max_points != 0 or row.self_points_raw is None:
        return False
    printed = parse_number(row.self_points_raw, kind="score")
    if printed is None or abs(printed.value - most) > s.max_tolerance:
        return False
    before = [(getattr(row, c), getattr(row, f"{c}_raw")) for c in _CELLS]
    after = [(printed.value, row.self_points_raw), before[2], (None, None)]
    _move(row, _CELLS, before, after)
    from schemas.records import unsure_flag

    lost = [f"missing_{c.split('_')[0]}" for c in _CELLS[1 : 3 if appraised else 2] if getattr(row, c) is None]
    kept = [f for f in row.flags if not f.startswith(FLAG_MAX_DIFFERS) and f != "ambiguous_number" and f not in lost]
    row.flags = [*kept, *lost, f"{FLAG_COLUMNS_BY_SET}:{set_id}", unsure_flag("max_points", 0.5)]
    return True


def _move(
    row: ScoreRow,
    cells: tuple[str, ...],
    before: list[tuple[float | None, str | None]],
    after: list[tuple[float | None, str | None]],
) -> None:
    """Set the cells to their new (value, raw), each changed one keeping the value it had as its
    alternative (a reading chosen before, now moved away, is no reading of the new figure)."""
    for cell, (old, _), (value, raw) in zip(cells, before, after, strict=True):
        setattr(row, cell, value)
        setattr(row, f"{cell}_raw", raw)
        row.alternatives.pop(cell, None)
        if old is not None and old != value:
            row.alternatives[cell] = [old]


def parents_figures(rows: list[ScoreRow], maxima: dict[str, float], set_id: str, s: MatchSettings) -> int:
    """A heading row that printed no figure, whose child read as its maximum the heading's set
    maximum, not its own ("CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH / ik CCHC ee 10 4,5 / 1.1. | Kế hoạch CCHC
    năm y 325": the heading's wrapped line and its figures taken for the next row's): the figures
    are the heading's, moved to it; the child keeps none (its own OCR lost). Both are flagged
    ``FLAG_COLUMNS_BY_SET`` and the moved cells doubted (the set's guess, for the review). Returns
    the rows so read."""
    from schemas.records import unsure_flag

    by_code = {r.code: r for r in rows if r.code}
    moved = 0
    for above, row in zip(rows, rows[1:]):
        # (the heading's first child, right below it: the figures printed between the two)
        parent = by_code.get(row.parent) if row.parent else None
        if parent is not above:
            continue
        own, heading = maxima.get(str(row.code)), heading_maximum(rows, parent, maxima)
        if parent is None or own is None or heading is None or row.max_points is None:
            continue
        if any(getattr(parent, c) is not None or getattr(parent, f"{c}_raw") is not None for c in _CELLS):
            continue
        if abs(row.max_points - heading) > s.max_tolerance or abs(row.max_points - own) <= s.max_tolerance:
            continue
        if any(v is not None and v > heading + s.max_tolerance for v in (row.self_points, row.appraised_points)):
            continue
        cells = [c for c in _CELLS if getattr(row, c) is not None]
        for cell in _CELLS:
            setattr(parent, cell, getattr(row, cell))
            setattr(parent, f"{cell}_raw", getattr(row, f"{cell}_raw"))
            if getattr(row, cell) is not None:
                row.alternatives[cell] = [getattr(row, cell)]
            setattr(row, cell, None)
            setattr(row, f"{cell}_raw", None)
        filled = {f"missing_{c.split('_')[0]}" for c in cells}
        parent.flags = [f for f in parent.flags if f not in filled]
        parent.flags += [f"{FLAG_COLUMNS_BY_SET}:{set_id}", *(unsure_flag(c, 0.5) for c in cells)]
        lost = [f"missing_{c.split('_')[0]}" for c in cells[:2] if f"missing_{c.split('_')[0]}" not in row.flags]
        row.flags = [f for f in row.flags if not f.startswith(FLAG_MAX_DIFFERS)] + lost
        row.flags.append(f"{FLAG_COLUMNS_BY_SET}:{set_id}")
        moved += 1
    return moved


def heading_maximum(rows: list[ScoreRow], heading: ScoreRow, maxima: dict[str, float]) -> float | None:
    """The maximum a heading row prints: the set's, else (a part the set does not make up from
    its rows: a document prints the sum of those it has) its children's in the table added up."""
    if heading.code in maxima:
        return maxima[str(heading.code)]
    children = [maxima.get(str(r.code)) for r in rows if r.parent and r.parent == heading.code]
    return sum(c for c in children if c is not None) if children and None not in children else None

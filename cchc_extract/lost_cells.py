"""Cells lost in rows found: on an OCR'd document, a points cell printed as something OCR made no
number of ("šx"), or left blank beside the row's other figures where the document prints one (every
maximum of a score table is printed; a score is printed blank only with its whole block). Each is
an ``unread`` part of kind "rows" naming the cells, one per table (coverage.py accounts for them
with the rest of what was not read)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import regex as re

from cchc_extract.reconcile.hierarchy import block_prints, children_of, resolve_parents
from cchc_extract.reconcile.misread import ocr_read
from cchc_extract.reconcile.score_cells import MISSING_FLAG
from extract.segment.name_figures import unplaced_figures
from extract.segment.points_none import not_scored
from normalize.lazy_regex import lazy_compile
from normalize.text import fold
from schemas.records import ExtractionResult, ScoreRow, ScoreTable, UnreadPart

if TYPE_CHECKING:
    from cchc_extract.coverage import CoverageSettings

# The flag the matcher leaves on a row whose maximum read differs from its criterion's.
_MAX_DIFFERS = "max_differs_from_criteria_set:"

# A header's column numbering, "(3)", "(4)" (or its brackets with the digit lost): no figure of a
# row, even when OCR let the numbering line pass for one.
_COLUMN_NUMBER = lazy_compile(r"\s*\(\s*\d{0,2}\s*\)\s*")


def illegible_cells(result: ExtractionResult, settings: CoverageSettings) -> list[UnreadPart]:
    """Points cells of an OCR'd document that printed something OCR made no number of ("šx",
    "Ped"): the row was found, its figure was not read. One part per table, naming each cell
    (rows with no figure at all are the segmenter's to tell: "points of … not read")."""
    if not ocr_read(result):
        return []
    parts = []
    told = " ".join(p.reason for p in result.unread)
    for table in result.score_tables:
        kids = children_of(resolve_parents(table.rows)[0])
        cells = [
            (row, f)
            for i, row in enumerate(table.rows)
            for f in ("max_points", "self_points", "appraised_points")
            if getattr(row, f) is None
            and not not_scored(row.flags, f)  # "Không chấm": the document's word, no figure lost
            and (getattr(row, f"{f}_raw") or "").strip()
            and not _COLUMN_NUMBER.fullmatch(getattr(row, f"{f}_raw"))
            and not _dash_over_blank_block(table.rows, i, f, kids)
        ]
        cells = [
            (row, f) for row, f in cells if not re.search(rf"(?<![\d.]){re.escape(row.code or '?')}(?![\d.])", told)
        ]
        if not cells:
            continue
        listed = ", ".join(
            f"{row.code or row.name[:30]} {f.replace('_', ' ')} printed {getattr(row, f + '_raw')!r}"
            for row, f in cells
        )
        parts.append(_cells_part(cells, f"figures not read (printed, but not as a number): {listed}", settings))
    return parts


# A cell printed as a dash alone ("-", "–", "—"): the document's blank, not a figure garbled.
_DASH = lazy_compile(r"\s*[-–—]\s*")


def _dash_over_blank_block(rows: list[ScoreRow], i: int, field: str, kids: dict[int, list[int]]) -> bool:
    """Whether row ``i``'s ``field`` printed a dash over children that print nothing in it: a block
    left blank (a field not scored this year: "6" "-" over 6.1 … 6.3 blank), its parent's dash the
    blank the document prints, no figure OCR lost. A dash over children that print figures, or on a
    row with none, may be a figure OCR garbled, and stays told."""
    below = kids.get(i) or []
    return (
        bool(_DASH.fullmatch(getattr(rows[i], f"{field}_raw") or ""))
        and bool(below)
        and all(getattr(rows[k], field) is None and not (getattr(rows[k], f"{field}_raw") or "").strip() for k in below)
    )


def _cells_part(cells: list[tuple[ScoreRow, str]], reason: str, settings: CoverageSettings) -> UnreadPart:
    """The unread part naming a table's cells not read, on the lines of their rows."""
    first = cells[0][0].source
    return UnreadPart(
        page=first.page,
        kind="rows",
        reason=reason,
        text_sample=" | ".join(f"{row.code_raw or row.code or ''} {row.name_raw or row.name}" for row, _ in cells)[
            : settings.sample_chars
        ],
        line_start=first.line_start,
        line_end=cells[-1][0].source.line_end or cells[-1][0].source.line_start,
    )


# The points fields, in column order; the segmenter's flag for a cell of each it did not read is
# ``MISSING_FLAG[field]``.
_CELL_FIELDS = ("max_points", "self_points", "appraised_points")


def lost_cells_of_rows(
    result: ExtractionResult, settings: CoverageSettings, also: list[UnreadPart]
) -> list[UnreadPart]:
    """Points cells of an OCR'd document that came out blank beside a row's other figures, where
    the document prints one: every maximum of a score table is printed, and a score is printed
    blank only with its whole block (a survey part left blank leaves every row of it blank, and
    its parent). So a maximum lost beside a score read, or a score lost where its children (a
    parent) or its siblings (a row with none) print their own, is a cell OCR lost (after the
    criteria set gave back the maxima it could).
    One part per table, naming each cell; rows with no figure at all are the segmenter's to tell
    ("points of … not read"), cells printed as something else ``illegible_cells``'s."""
    if not ocr_read(result):
        return []
    # Told once: coverage is accounted again on a result read back (validate, a review applied).
    told = {p.reason for p in result.unread + also}
    parts = []
    for table in result.score_tables:
        rows = table.rows
        kids = children_of(resolve_parents(rows)[0])
        parent_of = {k: p for p, ks in kids.items() for k in ks}
        cells = [
            (row, field)
            for i, row in enumerate(rows)
            for field in _CELL_FIELDS
            if _cell_lost(table, i, field, MISSING_FLAG[field], kids, parent_of, settings)
        ]
        listed = ", ".join(f"{row.code} {field.replace('_', ' ')}" for row, field in cells)
        reason = f"figures not read (the row's other figures were): {listed}"
        if not cells or reason in told:
            continue
        parts.append(_cells_part(cells, reason, settings))
    return parts


def _cell_lost(
    table: ScoreTable,
    i: int,
    field: str,
    flag: str,
    kids: dict[int, list[int]],
    parent_of: dict[int, int],
    settings: CoverageSettings,
) -> bool:
    """Whether row ``i``'s ``field`` is a cell lost (``lost_cells_of_rows``), not one printed blank."""
    rows = table.rows
    row = rows[i]
    figures = [f for f in _CELL_FIELDS if getattr(row, f) is not None]
    if not row.code or getattr(row, field) is not None or flag not in row.flags or not figures:
        return False
    if (getattr(row, f"{field}_raw") or "").strip():
        return False  # printed as something OCR made no number of: ``illegible_cells``
    if field == "max_points":
        return True
    # A criterion scored by a survey the province runs prints no score of the commune's, whatever
    # its siblings print; a parent over one prints none either (sample 003: II over II.2 and II.3).
    if _by_survey(row, settings):
        return False
    # A parent is judged by its children (a survey part's row is blank with them, whatever its
    # siblings print), a row with none by its siblings.
    if kids.get(i) and any(_by_survey(rows[k], settings) for k in kids[i]):
        return False
    if not kids.get(i):
        said = _sum_says_lost(table, i, field, parent_of, settings)
        if said is not None:
            return said
    if _figure_left_for(row, field):
        return True
    return block_prints(rows, i, field, kids, parent_of, top_level=_top_level_block(rows, i, parent_of))


def _figure_left_for(row: ScoreRow, field: str) -> bool:
    """Whether the row's text prints a figure for its blank score ``field`` that no cell took
    (``unplaced_figures``): the cell was printed and lost, not left blank, even where no block or
    sum says so (a top-level row printing its maximum and, beside it, a score OCR garbled). Blank
    scores take the figures left in column order."""
    blank = [f for f in _CELL_FIELDS[1:] if getattr(row, f) is None and MISSING_FLAG[f] in row.flags]
    return field in blank and blank.index(field) < len(unplaced_figures(row))


def _sum_says_lost(
    table: ScoreTable, i: int, field: str, parent_of: dict[int, int], settings: CoverageSettings
) -> bool | None:
    """What the figure row ``i`` adds up into says of its blank ``field``: the parent's score (or,
    for a top-level row, the table's printed total) against its siblings' scores read. Reached by
    them, the blank takes nothing from the sum: printed blank (a criterion not scored, "Chưa hoàn
    thành"), whatever the level. Short of it by at least the least step, the blank members hold
    the rest: cells printed and lost (a part is scored or left blank whole). None: no such figure
    (no parent score, no total printed) or one below the members read, and the block's printing
    decides."""
    rows = table.rows
    parent = parent_of.get(i)
    if parent is not None:
        stated = getattr(rows[parent], field)
        members = [k for k, p in parent_of.items() if p == parent]
    else:
        stated = table.stated_total_self if field == "self_points" else None
        members = [k for k in range(len(rows)) if k not in parent_of and rows[k].code]
    if stated is None or i not in members:
        return None
    others = [getattr(rows[k], field) for k in members if k != i]
    short = stated - sum(v for v in others if v is not None)
    if short >= settings.min_shortfall:
        return True  # the blank members hold what the read ones leave short: a scored part's cells
    if abs(short) < settings.min_shortfall:
        return False
    return None


def _top_level_block(rows: list[ScoreRow], i: int, parent_of: dict[int, int]) -> list[int]:
    """The siblings a top-level row is judged by: the other top-level rows, when the row was
    scored (a score of it read, or printed as something OCR made no number of: "rl") or the
    figure it does have is not its criterion's maximum (the set's differs). A top-level row
    printing its maximum and no score at all is one the commune did not score ("Chưa hoàn
    thành"), unless a sum says otherwise (``_sum_says_lost``); one scored in one column and blank
    in another that its siblings print lost that cell ("2 … 10 10": maximum and self score, the
    appraised one lost), and one whose only figure is not its maximum had a cell lost beside it
    ("1Ì 10,25": 11 lost, 10,25 read as the maximum)."""
    row = rows[i]
    scored = any(
        getattr(row, f) is not None or (getattr(row, f"{f}_raw") or "").strip()
        for f in ("self_points", "appraised_points")
    )
    if not scored and not any(f.startswith(_MAX_DIFFERS) for f in row.flags):
        return []
    return [k for k in range(len(rows)) if k not in parent_of and rows[k].code]


def _by_survey(row: ScoreRow, settings: CoverageSettings) -> bool:
    folded = fold(row.name)
    return any(word in folded for word in settings.survey_words)

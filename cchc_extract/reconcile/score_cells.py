"""What a score row's cells say of themselves, before any weighing: which points fields a table
has, which cells were read, lost, filled in from the criteria set or placed by position, and which
two cells agree (a twin). Pure predicates over a row and its flags; ``confidence`` turns them into
evidence, and the checks and the queue ask them too."""

from __future__ import annotations

from cchc_extract.reconcile.confidence_model import ConfidenceSettings
from cchc_extract.reconcile.printed_cells import CLEAN_NUMBER, printed_figure, scale_robbed
from extract.segment.score_tables import ScoreTableSettings
from normalize.criteria.match import FLAG_CODE_BY_NAME
from normalize.criteria.match_settings import FLAG_MAX_FROM_SET, FLAG_READING_BY_SET
from normalize.lazy_regex import lazy_compile
from schemas.records import MISSING_FLAG as MISSING_FLAG, ScoreRow, StatRow, unsure_conf

# The segmenter's flags of a row's code taken from its position or repaired (``extract/segment``).
PLACED_FLAGS = ("code_inferred", "code_repaired")


SCORE_FIELDS = ("max_points", "self_points")


# The appraising body's points: valued only in a table that has the column (a row fills it).
APPRAISED = "appraised_points"


_OTHER = {"max_points": "self_points", "self_points": "max_points", APPRAISED: "self_points"}


def table_fields(rows: list[ScoreRow], s: ConfidenceSettings = ConfidenceSettings()) -> tuple[str, ...]:
    """The points fields of a score table's rows: max and self points, and the appraised points
    when the table has that column (a row fills it, a row lost it, or its points stand in the
    explanations)."""
    has = any(
        r.appraised_points is not None or MISSING_FLAG[APPRAISED] in r.flags for r in rows
    ) or points_in_explanations(rows, s)
    return SCORE_FIELDS + ((APPRAISED,) if has else ())


# An explanation that is nothing but one points figure ("7,75", "0,5"): a points column the
# segmenter took for the explanation (an appraised column it does not know).
_POINTS_ONLY = lazy_compile(r"\s*\d{1,3}(?:[.,]\d{1,2})?\s*")


def explanation_points(row: ScoreRow) -> float | None:
    """The points figure a row's explanation is made of, if it is only that."""
    text = row.explanation or ""
    if row.appraised_points is not None or not _POINTS_ONLY.fullmatch(text):
        return None
    return float(text.strip().replace(",", "."))


def points_in_explanations(rows: list[ScoreRow], s: ConfidenceSettings = ConfidenceSettings()) -> bool:
    """Whether the explanations of a table's scored rows are mostly bare points figures: the
    table has a points column (the appraising body's) that was read as explanation."""
    scored = [r for r in rows if r.self_points is not None]
    bare = sum(explanation_points(r) is not None for r in scored)
    return bare >= s.points_column_min_rows and bare >= s.points_column_share * len(scored)


def set_filled(row: ScoreRow | StatRow, f: str) -> bool:
    """Whether a row's maximum is the criteria set's, filled in for a cell not read."""
    return f == "max_points" and any(flag.startswith(FLAG_MAX_FROM_SET) for flag in row.flags)


def printed_max(row: ScoreRow) -> bool:
    """Whether a row's maximum comes from digits it printed, not from the criteria set (a max the
    set filled agrees with the set by construction: no evidence of what the page says)."""
    filled = any(flag.startswith(FLAG_MAX_FROM_SET) for flag in row.flags)
    return row.max_points is not None and bool((row.max_points_raw or "").strip()) and not filled


def chosen_by_sum(row: ScoreRow) -> bool:
    """Whether a row's maximum is the criteria set's, taken in place of a figure read as no
    maximum because a sum the table carries holds with it (``set_cells._max_by_sums``: its flag
    and the unsure cell it leaves)."""
    return unsure_conf(row.flags, "max_points") is not None and any(
        flag.startswith(FLAG_READING_BY_SET) for flag in row.flags
    )


def coded_by_name(row: ScoreRow | StatRow) -> bool:
    """Whether a row's code was inferred or repaired and is the one the criteria set gives the
    criterion its name is, near-identically (``normalize.criteria.match``): the name confirms the
    place, as a sum that holds does."""
    return any(flag in row.flags for flag in PLACED_FLAGS) and any(
        flag.startswith(FLAG_CODE_BY_NAME) for flag in row.flags
    )


def column_guessed(row: ScoreRow | StatRow, f: str, cells_lost: bool = True) -> bool:
    """Whether the column of a row's score ``f`` (self or appraised points) is a guess: the row
    lost a points cell beside it (``lost_beside``), or its maximum was not read and the criteria
    set gave it (``FLAG_MAX_FROM_SET``, which drops the ``missing_max`` flag). A line that printed
    fewer figures than the row has cells says which figures it read, not which cells they were:
    a maximum read into the self cell, a self score into the appraised one. The value is then as
    unsure as a cell OCR half read (``unsure_cell``) until a relation that holds or a twin cell
    confirms it. Not where no cell can be lost (``cells_lost`` False: a printed grid whose
    characters are not OCR's, ``blanks_printed``): each figure stands in the cell the grid gives it,
    and a blank beside it is printed blank (seed 20001's N100: self scores beside an appraised
    column filled on the field rows only, 20 right values queued at 0.607)."""
    if not cells_lost:
        return False
    if f not in ("self_points", APPRAISED) or not isinstance(row, ScoreRow) or getattr(row, f) is None:
        return False
    return lost_beside(row) or any(flag.startswith(FLAG_MAX_FROM_SET) for flag in row.flags)


def lost_beside(row: ScoreRow) -> bool:
    """Whether a row lost a points cell (a ``missing_*`` flag) beside points it read: the numbers
    its line printed may have gone to the wrong columns."""
    read = any(getattr(row, k, None) is not None for k in SCORE_FIELDS)
    return read and any(flag in row.flags for flag in MISSING_FLAG.values())


def lost_both(row: ScoreRow | StatRow) -> bool:
    """Whether the segmenter says a row lost both its points cells (``missing_max`` and
    ``missing_self``): a criterion whose numbers OCR dropped, where a heading prints none and
    expects none (on text where cells can be lost, such rows were nearly all criteria: seed
    177/178's OCR dumps, 61 of 62 values of such rows that the truth scores were wrong)."""
    return (
        isinstance(row, ScoreRow)
        and MISSING_FLAG["max_points"] in row.flags
        and MISSING_FLAG["self_points"] in row.flags
    )


def prints_other(row: ScoreRow | StatRow, f: str) -> bool:
    """Whether the row prints a number beside the blank ``f`` (a row printing none is a heading):
    its other points cell; for the appraised cell, either of the row's others."""
    if f == APPRAISED:
        return getattr(row, "self_points", None) is not None or getattr(row, "max_points", None) is not None
    if isinstance(row, StatRow):  # an annex row printing its unit prints its figure, and so does a
        # sub-row of OCR'd lines the segmenter says lost it (its unit garbled with the figure)
        return bool(row.unit) or MISSING_FLAG["value"] in row.flags
    return getattr(row, _OTHER.get(f, f)) is not None


def both_scores_unsure(row: ScoreRow) -> bool:
    """Whether a row's self and appraised points both carry an unsure-cell flag."""
    return all(unsure_conf(row.flags, k) is not None for k in ("self_points", APPRAISED))


def twin_scores(row: ScoreRow, f: str) -> bool:
    """Whether ``f`` is the self or appraised points of a row that read both, equal; or a score
    equal to the maximum its row printed (full marks: a misread score seldom lands on the very
    figure of the cell beside it). A maximum the criteria set disputes takes the twin back
    (``value_features``): the line may be another row's. Seed 347's dumps: 63 scores equal to an
    undisputed printed maximum, all right; 8 of them were queued, their row having lost a cell."""
    if f not in ("self_points", APPRAISED) or getattr(row, f) is None:
        return False
    value = getattr(row, f)
    if printed_max(row) and abs(value - (row.max_points or 0.0)) < 0.011 and not scale_robbed(row):
        # Both figures printed as digits: a letter taken for one ("l" read 1 beside a maximum of
        # 1) lands on the maximum by the letter's shape, not by the page's figure.
        clean = CLEAN_NUMBER["score"]
        # (a maximum printed as its scale, "Tối đa: 2 Không đạt: 0", prints its top as digits)
        raws = ((getattr(row, f"{f}_raw", None) or "").strip(), printed_figure(row.max_points_raw))
        if all(clean.fullmatch(raw) for raw in raws):
            return True
    if row.self_points is None or row.appraised_points is None:
        return False
    return abs(row.self_points - row.appraised_points) < 0.011


def cell_confidence(row: ScoreRow | StatRow, f: str, s: ConfidenceSettings = ConfidenceSettings()) -> float:
    """The row's reading confidence as it bears on its cell ``f``: capped at ``unsure_cell`` when
    OCR read that cell unsurely."""
    return row.confidence if unsure_conf(row.flags, f) is None else min(row.confidence, s.unsure_cell)


def named_scan_confidence(row: ScoreRow | StatRow, f: str) -> float | None:
    """A scan's row confidence as it bears on its cell ``f`` when the row's name settles its code
    (``coded_by_name``): the segmenter took ``inferred_penalty`` (or ``repaired_penalty``) off the
    row for a code it did not read, a doubt of the code that the name takes back. On a scan OCR's
    doubt of a number is its own cell's (``unsure_<field>``, ``cell_confidence``), so the code's
    penalty says nothing of the row's numbers; on a dump the row's confidence is all there is of
    them, and this is None (the ``named`` weight stays 0 there: seed 390). None too for a cell
    read unsurely, a row that lost a cell (its figures may stand in other columns) or a column
    guessed. Seeds 1611-1613 and 1661 (S01-S04, S06, S07): 28 such values, all right, 2 queued
    at 0.577 for the code's penalty alone (a "4A." read for criterion 4)."""
    if not isinstance(row, ScoreRow) or not coded_by_name(row) or unsure_conf(row.flags, f) is not None:
        return None
    if lost_beside(row) or lost_both(row) or column_guessed(row, f):
        return None
    seg = ScoreTableSettings()  # the segmenter's own penalties
    penalty = seg.inferred_penalty if "code_inferred" in row.flags else seg.repaired_penalty
    return min(seg.ocr_confidence, row.confidence + penalty)

"""Self points split in sub-columns, the parts first and their sum last ("Điểm tự đánh giá" over
"Điểm đạt | Điểm thưởng | Cộng", "Điểm theo tiêu chí | Điểm cộng | Tổng"), in a score table read
from lines (an OCR dump, an OCR'd page). The line reader knows a self points column and an
appraised one: "10 9,75 0,25 10" comes out with the part as the self points, the bonus as the
appraisal and the sum opening the explanation; "14,5 14 14" (no bonus) with the part as the self
points and the sum as the appraisal. The grid reader takes the sum's column by its label
(``self_subcolumns``); a line has only its figures' order, and the sum is the last of the row's
points: the self points are the sum, the parts kept as a flag, the appraised cell emptied.

Where the row prints a figure after the two read (opening the explanation), it is the sum when the
two add up to it; otherwise which figure OCR misread is not known, and the sum as printed is taken
doubted (the review queue weighs it)."""

from __future__ import annotations

from dataclasses import dataclass

from extract.model import IngestedDocument, Page
from extract.segment.appraised_column import header_runs
from extract.segment.period_lines import appraised_into_self, names_appraisal, past_lead_in, total_line_figures
from extract.segment.score_tables import LINES
from extract.segment.unread_rows import LINE_METHODS
from normalize.lazy_regex import lazy_compile
from normalize.numbers import parse_number
from normalize.text import fold
from schemas.records import ExtractionResult, ScoreRow, ScoreTable, unsure_flag

# The bonus's label ("Điểm thưởng"), or the two words a parts-first header prints for the bonus and
# the sum ("Điểm cộng | Tổng"; "Cộng" alone may be either, a single "Tổng điểm" is a total's column).
_BONUS = lazy_compile(r"(?<![a-z])thuong(?![a-z])")
_PLUS = lazy_compile(r"(?<![a-z])cong(?![a-z])")
_SUM = lazy_compile(r"(?<![a-z])tong(?![a-z])")
# A figure opening the explanation: the sum's cell, read after the two points cells the reader knows.
_OPENING_FIGURE = lazy_compile(r"^\s*(?P<fig>\d{1,3}(?:[.,]\d{1,2})?)(?=\s|$)\s*")
# The flag keeping the parts the sum was made of, as printed.
PARTS_FLAG = "self_parts:"
# Flags of the appraised cell, which goes.
_APPRAISED_FLAGS = ("missing_appraised", "unsure_appraised_points:")


@dataclass(frozen=True)
class SelfTotalSettings:
    # How far the parts' sum may be from the figure after them and still be it.
    tolerance: float = 0.01
    # The cell confidence of a sum taken where the parts as read do not add up to it.
    doubted: float = 0.5


def parts_first_header(folded: str) -> bool:
    """Whether a score header's folded text splits the self points into parts and their sum: the
    bonus's label, or both a "cộng" and a "tổng"."""
    return bool(_BONUS.search(folded) or (_PLUS.search(folded) and _SUM.search(folded)))


def self_totals_on_lines(
    doc: IngestedDocument, result: ExtractionResult, settings: SelfTotalSettings = SelfTotalSettings()
) -> None:
    """Each line-read score table whose header splits its self points into parts and a sum, and
    names no appraisal, with each row's sum as its self points (``sum_of_row``)."""
    pages = {p.number: p for p in doc.pages if p.method in LINE_METHODS}
    for table in result.score_tables:
        if not _parts_first(table, pages):
            continue
        for row in table.rows:
            sum_of_row(row, settings)
        total = stated_sum(total_line_figures(table.rows, pages) or [], settings)
        if total is not None:  # (the totals line prints the parts' totals too: its sum is the table's)
            table.stated_total_self = total


def _parts_first(table: ScoreTable, pages: dict[int, Page]) -> bool:
    if table.read_from != LINES or not any(r.appraised_points is not None for r in table.rows):
        return False
    lines = [ln for run in header_runs(table, pages) for ln in past_lead_in(run)]
    if not lines or names_appraisal(lines):
        return False  # "Điểm thẩm định": a true appraisal
    return parts_first_header(fold(" ".join(ln.raw or ln.text for ln in lines)))


def stated_sum(figures: list[float], settings: SelfTotalSettings = SelfTotalSettings()) -> float | None:
    """The self points' total of a parts-first totals line ("Tổng điểm 45,5 34,5 0,25 34,75": the
    maximum's, the parts', their sum): its last figure where the parts before it add up to it, or
    the third of three (the bonus blank); None otherwise (the total as the reader took it stays)."""
    if len(figures) == 3:
        return figures[2]
    if len(figures) == 4 and abs(figures[1] + figures[2] - figures[3]) <= settings.tolerance:
        return figures[3]
    return None


def sum_of_row(row: ScoreRow, settings: SelfTotalSettings = SelfTotalSettings()) -> None:
    """One row's self points put right: the figure opening its explanation where the two read add
    up to it (doubted where they do not), else the second read (the sum, the bonus blank); the
    parts kept as a flag, the appraised cell emptied. A row with no second figure is as read."""
    if row.appraised_points is None or row.self_points is None:
        return
    parts = [row.self_points_raw or f"{row.self_points:g}", row.appraised_points_raw or f"{row.appraised_points:g}"]
    m = _OPENING_FIGURE.match(row.explanation or "")
    total = parse_number(m["fig"], kind="auto") if m is not None else None
    if m is not None and total is not None and (row.max_points is None or total.value <= row.max_points):
        row.explanation = row.explanation[m.end() :]
        adds_up = abs(row.self_points + row.appraised_points - total.value) <= settings.tolerance
        row.self_points, row.self_points_raw = total.value, m["fig"]
        if not adds_up:
            row.flags.append(unsure_flag("self_points", settings.doubted))
        row.alternatives.pop("self_points", None)
    else:
        parts = parts[:1]
        appraised_into_self(row)
    row.alternatives.pop("appraised_points", None)
    row.flags = [f for f in row.flags if not f.startswith(_APPRAISED_FLAGS)]
    row.appraised_points, row.appraised_points_raw = None, None
    row.flags.append(PARTS_FLAG + "+".join(parts))

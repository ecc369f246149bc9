"""A maximum OCR read with one of its digits lost, put back from a surely recognised set.

A two-digit maximum loses a digit to a ruling line or a faint stroke as often as a score does:
"Cải cách tổ chức bộ máy hành chính 1 11 11" prints the set's 11 as "1", "0 8,75" the set's 10
as "0". The scores after it are then above the maximum read, which cannot be (a score is within
its maximum), and the segmenter read them with a decimal mark to fit under it (11 → 1,1). The
set's maximum is the witness: when the digits read are the set maximum's with some lost, and
the scores as printed lie above the figure read and within the set's maximum, the maximum is
the set's and the scores are read as printed. A maximum cell read with letters in it ("a8", "B.",
"is": a speck glued to the figure, a lookalike for a digit) is no figure a commune printed either,
and takes the set's the same way (``max_letters_read``)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import regex as re

from normalize.criteria.match_settings import FLAG_MAX_DIFFERS, FLAG_READING_BY_SET, MatchSettings, SetMatch
from normalize.criteria.recognise import names_criterion, printed_maxima
from normalize.numbers import parse_number, points_figure

if TYPE_CHECKING:
    from schemas.records import ScoreRow, ScoreTable

_SCORES = ("self_points", "appraised_points")
# A letter in a maximum's cell ("a8", "B.", "is"): OCR's speck or lookalike, not a figure printed.
_LETTER = re.compile(r"[^\W\d_]")
# A word of three letters or more: a cell holding one prints words (a scale's "Tối đa 2; không đạt
# 0"), not a figure with a speck glued to it ("a8", "is", "B.").
_WORD = re.compile(r"[^\W\d_]{3,}")


def max_digit_lost(row: ScoreRow, most: float, set_id: str, s: MatchSettings) -> bool:
    """The row's maximum was read as the set's maximum ``most`` with a digit lost ("1" for 11 or
    10, "0" for 10, "5" for 15,5) and a score printed after it lies above the figure read and
    within ``most`` (the arithmetic the table carries: no score exceeds its maximum): the maximum
    takes the set's, the figure read kept as its alternative and the cell doubted (the set's
    reading, for the review); each score read with a decimal mark to fit under the lost maximum
    takes its printed reading where that is within ``most``. Flagged ``FLAG_READING_BY_SET``."""
    printed = printed_scores(row)
    if not _lost_under(row, printed, most, s):
        return False
    take_sets_maximum(row, printed, most, set_id, s)
    return True


def max_letters_read(row: ScoreRow, most: float, set_id: str, s: MatchSettings) -> bool:
    """The row's maximum cell was read with letters in it ("a8", "is", "B.", "j5": a speck glued
    to the figure, or a lookalike letter for a digit), as a figure that is not the set's maximum
    ``most``, and each score read after it lies within ``most``: the value read from such a
    cell is OCR's guess at a figure, and a commune's own maximum is printed as a figure, so the
    maximum is the set's (a unit the commune printed after the figure, "1,5 điểm", is no such
    letter: ``points_figure``), read as ``max_digit_lost`` reads it (the figure read kept as its
    alternative, the cell doubted; a score read with a decimal mark to fit under the figure read
    takes its printed reading within ``most``)."""
    read, raw = row.max_points, row.max_points_raw or ""
    if read is None or abs(read - most) <= s.max_tolerance or not _LETTER.search(points_figure(raw)):
        return False
    if _WORD.search(raw):
        return False  # (a cell printing words states its maximum, "Tối đa 2; không đạt 0": no speck)
    if any(v is not None and v > most + s.max_tolerance for v in (row.self_points, row.appraised_points)):
        return False
    take_sets_maximum(row, printed_scores(row), most, set_id, s)
    return True


def take_sets_maximum(
    row: ScoreRow, printed: dict[str, float | None], most: float, set_id: str, s: MatchSettings
) -> None:
    """The row's maximum takes the set's ``most``, the figure read kept as its alternative and
    the cell doubted (the set's reading, for the review); each score read with a decimal mark
    to fit under the figure read takes its printed reading where that is within ``most``.
    Flagged ``FLAG_READING_BY_SET``."""
    from schemas.records import unsure_flag

    if row.max_points is not None:
        row.alternatives["max_points"] = [row.max_points, *row.alternatives.get("max_points", [])]
    row.max_points = most
    for cell, value in printed.items():
        _printed_reading(row, cell, value, most, s)
    kept = [f for f in row.flags if not f.startswith(FLAG_MAX_DIFFERS)]
    row.flags = [*kept, f"{FLAG_READING_BY_SET}:{set_id}", unsure_flag("max_points", 0.5)]


def digit_lost(row: ScoreRow, most: float, s: MatchSettings) -> bool:
    """Whether the row's maximum reads as the set's ``most`` with a digit lost, a score printed
    after it above the figure read and within ``most`` (``max_digit_lost``'s test, the row left
    as it is)."""
    return _lost_under(row, printed_scores(row), most, s)


def printed_scores(row: ScoreRow) -> dict[str, float | None]:
    """{cell: the score as printed} of the row's self and appraised cells (None where not a number)."""
    parsed = {cell: parse_number(points_figure(getattr(row, f"{cell}_raw") or ""), kind="score") for cell in _SCORES}
    return {cell: p.value if p is not None else None for cell, p in parsed.items()}


def _lost_under(row: ScoreRow, printed: dict[str, float | None], most: float, s: MatchSettings) -> bool:
    """``digit_lost`` on the scores as printed, parsed once by the caller."""
    read, raw = row.max_points, (row.max_points_raw or "").strip()
    if read is None or abs(read - most) <= s.max_tolerance or not re.fullmatch(r"\d+", raw):
        return False
    if not _lost_digits(raw, maximum_digits(most)):
        return False
    return any(p is not None and read + s.max_tolerance < p <= most + s.max_tolerance for p in printed.values())


def digit_lost_rows(tables: Sequence[ScoreTable], match: SetMatch, s: MatchSettings) -> int:
    """How many rows named as their code's criterion read their maximum as the set's with a digit
    lost (``digit_lost``): each contradicts the set only as misread, and agrees with it read so."""
    if match.cset is None:
        return 0
    by_code, printed = match.cset.by_code(), printed_maxima(match.cset)
    found = 0
    for table in tables:
        for row in table.rows:
            crit = by_code.get(str(row.code)) if row.code else None
            if crit is not None and crit.code in printed and digit_lost(row, printed[crit.code], s):
                found += names_criterion(row, crit, s)
    return found


def maximum_digits(value: float) -> str:
    """The digits a maximum prints ("15,5" → "155", "10" → "10")."""
    return re.sub(r"\D", "", f"{value:g}")


def _lost_digits(read: str, printed: str) -> bool:
    """Whether the digits ``read`` are ``printed``'s with one or more lost, in order ("1" of
    "11", "0" of "10", "5" of "155"), none added."""
    if not read or len(read) >= len(printed):
        return False
    rest = iter(printed)
    return all(digit in rest for digit in read)


def _printed_reading(row: ScoreRow, cell: str, printed: float | None, most: float, s: MatchSettings) -> None:
    """A score read with a decimal mark to fit under the lost maximum ("11" read 1,1) takes its
    printed reading when that is within the set's maximum, the reading before kept as its
    alternative."""
    value = getattr(row, cell)
    if value is None or printed is None or abs(printed - value) <= s.max_tolerance or printed > most + s.max_tolerance:
        return
    row.alternatives[cell] = [value, *(a for a in row.alternatives.get(cell, []) if abs(a - printed) > s.max_tolerance)]
    setattr(row, cell, printed)

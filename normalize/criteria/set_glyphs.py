"""A maximum OCR read one glyph off the set's, put back from a surely recognised set when the
table's own arithmetic says so.

A rule's bar or a speck beside a figure is read as a digit ("24" for 2, "35" for 5), and a digit
for its look-alike ("18" for 16, "4" for 1, "115" for 14,5): the cell then prints a maximum no
criterion has. The set's maximum is one witness; the parent's is the other, and it decides: the
figure read is more than the parent's whole maximum (no part is above its whole), or the siblings'
maxima add up to the parent's with the set's figure and not with the one read. A maximum at most
``MatchSettings.glyph_min_step`` off the set's is left as read: a commune raising a leaf's maximum
by a point prints just that, and its parent's sum is the fault's witness, not ours to explain away.
The maximum is taken as ``set_digits.max_digit_lost`` takes it: the figure read kept as its
alternative, the cell doubted for review, flagged ``FLAG_READING_BY_SET``."""

from __future__ import annotations

from typing import TYPE_CHECKING

import regex as re

from normalize.criteria.match_settings import MatchSettings
from normalize.criteria.set_digits import maximum_digits, printed_scores, take_sets_maximum

if TYPE_CHECKING:
    from schemas.records import ScoreRow

# A maximum's cell printed as a bare figure, a decimal mark or not ("24", "115", "14,5").
_FIGURE = re.compile(r"\d{1,3}(?:[.,]\d{1,2})?")


def max_glyph_misread(
    row: ScoreRow, most: float, rows: list[ScoreRow], maxima: dict[str, float], set_id: str, s: MatchSettings
) -> bool:
    """Whether the row's maximum was read one glyph off the set's ``most`` (``one_glyph_off``),
    more than ``glyph_min_step`` from it, its scores within ``most``, and its parent's maximum
    (read, else the set's, ``maxima``) witnesses the set's figure (``parent_witness``); then the
    maximum takes the set's (``take_sets_maximum``). True when so taken."""
    read, raw = row.max_points, (row.max_points_raw or "").strip()
    if read is None or abs(read - most) <= s.glyph_min_step or not _FIGURE.fullmatch(raw):
        return False
    scores = printed_scores(row)
    if any(v is not None and v > most + s.max_tolerance for v in (*scores.values(), row.self_points)):
        return False
    if not one_glyph_off(re.sub(r"\D", "", raw), maximum_digits(most), s.glyph_lookalikes):
        return False
    if not parent_witness(row, read, most, rows, maxima, s.max_tolerance):
        return False
    take_sets_maximum(row, scores, most, set_id, s)
    return True


def one_glyph_off(read: str, printed: str, lookalikes: tuple[tuple[str, str], ...]) -> bool:
    """Whether the digits ``read`` are ``printed``'s with one digit inserted ("24" of "2") or one
    swapped for its look-alike ((printed, read) pairs: "18" of "16")."""
    if len(read) == len(printed) + 1:
        return any(read[:k] + read[k + 1 :] == printed for k in range(len(read)))
    if len(read) != len(printed):
        return False
    swaps = [(p, r) for p, r in zip(printed, read) if p != r]
    return len(swaps) == 1 and swaps[0] in lookalikes


def parent_witness(
    row: ScoreRow, read: float, most: float, rows: list[ScoreRow], maxima: dict[str, float], tol: float
) -> bool:
    """Whether the row's parent says its maximum is ``most``, not ``read``: ``read`` exceeds the
    parent's maximum, or the siblings' maxima (all read) add up to the parent's with ``most`` and
    not with ``read``. The parent's maximum is the one read, else the set's; no parent, no witness."""
    if not row.parent:
        return False
    parent = next((r for r in rows if r.code == row.parent), None)
    whole = parent.max_points if parent is not None and parent.max_points is not None else maxima.get(row.parent)
    if whole is None:
        return False
    if read > whole + tol:
        return True
    siblings = [r.max_points for r in rows if r.parent == row.parent and r is not row]
    if not siblings or any(v is None for v in siblings):
        return False
    rest = sum(v for v in siblings if v is not None)
    return abs(rest + most - whole) <= tol and abs(rest + read - whole) > tol

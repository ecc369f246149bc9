"""An annex row whose own figures show its value to be another column's: the row's columns were
read the wrong way round.

The base of a share (``read_as_base``): a row printing a count beside another count and their ratio
("19 | 16 | 84,21 %": the plan, what was done, done against plan; "15 | 16 | 114,29": a quarter,
last year, this year against last) states its share as its own figure over the other one. When the
note's figures make the share the *other* figure over the value read (16 / 19 = 84,21 %), the value
is the share's base (the plan, last year's figure), the row's own count sits in the note, and the
segmenter took the wrong column. A sum of the annex that holds does not say otherwise: the bases
add up as the counts do (seed 15001's dumps: 6 values read as their share's base, all wrong, two at
0.995 out of the queue; no value right was one without being its own share's numerator too, a share
of 100).

A part of a flow (``read_as_part``): a row printing its parts and their whole last ("34 | 195 |
229": a channel's, another's, the whole) read with a part for its value; the value and the note's
figures before the last add up to the last (seed 15001's D22 dump: 5 such values, all wrong, 4 of
them at 0.96 out of the queue, a sum of the annex holding over the parts as it does over the
wholes).

``reconcile.confidence`` holds such a value down to an unsure cell's and takes the sums' vouching
back."""

from __future__ import annotations

from dataclasses import dataclass

from normalize.lazy_regex import lazy_compile
from normalize.numbers import parse_number
from schemas.records import StatRow

_FIGURE = lazy_compile(r"\d+(?:[.,]\d+)*")


@dataclass(frozen=True)
class NoteBaseSettings:
    # A share is printed rounded: it matches a ratio within half a unit of its last printed digit,
    # plus this much (a float's slack).
    slack: float = 1e-6
    # The ratio's scale: shares are printed in percent.
    scale: float = 100.0
    # The most figures a note may print for its first to be the other count and its last their
    # share (the other count, a change, the share).
    max_figures: int = 3
    # How far the value and the note's figures may add up from the last and still be its parts
    # (counts are wholes).
    sum_tolerance: float = 0.01


def _figures(note: str) -> list[tuple[float, float]]:
    """(figure, half a unit of its last printed digit) of each figure the note prints, in order."""
    out = []
    for token in _FIGURE.findall(note or ""):
        parsed = parse_number(token)
        if parsed is None:
            continue
        decimals = len(token.replace(".", ",").rsplit(",", 1)[1]) if "," in token.replace(".", ",") else 0
        out.append((parsed.value, 0.5 * 10.0**-decimals))
    return out


def _states(share: tuple[float, float], over: float, under: float, s: NoteBaseSettings) -> bool:
    value, half = share
    return under != 0 and abs(value - over / under * s.scale) <= half + s.slack


def read_as_base(row: StatRow, s: NoteBaseSettings = NoteBaseSettings()) -> bool:
    """Whether the row's value (a count, not a share) is the base of the share its note states
    last, of the figure its note prints first over it, and not that share of its own over that
    figure. Only a note of a few figures (``max_figures``: the other count, a change, the share):
    among a row's twelve months two figures make some whole share of a third by chance (4 of 59
    is 6,8 %, "7 ... 12" read as 7 / 59 = 12 %)."""
    if not row.value or "%" in (row.unit or ""):
        return False
    figures = _figures(row.note)
    if not 2 <= len(figures) <= s.max_figures:
        return False
    other, share = figures[0][0], figures[-1]
    return bool(other) and _states(share, other, row.value, s) and not _states(share, row.value, other, s)


def read_as_part(row: StatRow, s: NoteBaseSettings = NoteBaseSettings()) -> bool:
    """Whether the row's value (a count, not a share) and the figures its note prints before its
    last add up to that last figure, larger than the value: the value is a part, the last the
    row's whole."""
    if row.value is None or "%" in (row.unit or ""):
        return False
    figures = [figure for figure, _ in _figures(row.note)]
    if len(figures) < 2:
        return False
    whole = figures[-1]
    return whole > row.value and abs(row.value + sum(figures[:-1]) - whole) <= s.sum_tolerance

"""A maximum off the step its table gives points in: on OCR'd text, a digit misread.

A table whose figures are nearly all quarters (0,25, 1,5, 2,75, 8) gives its points in quarters;
a maximum of it off the quarters ("2,9" for 2,5) is no figure a criteria set prints: OCR made a
digit of it. Scores are not judged so: a commune may score a criterion in tenths under maxima in
quarters (sample 003 prints "74 | 71.2", "3.5.3 | 0.3": right, its table 95 % quarters). A score
read equal to such a maximum (a row's "2,9 | 2,9") is the same misreading twice, not two readings
that vouch for each other (seed 12001's D15 dump: 2,5 and 2,5 read 2,9 twice, at 0.922 and
0.996, silent). A table given in tenths has many figures off the quarters, so the share of its
own figures on them, not a rule about points, says which step it keeps; misreadings off the step
lower that share, so it asks less than ``derived_grid_share``."""

from __future__ import annotations

from dataclasses import dataclass

from cchc_extract.reconcile.derived_members import read_figure
from normalize.lazy_regex import lazy_compile
from schemas.records import ScoreRow


@dataclass(frozen=True)
class OffStepSettings:
    # The step points are given in where a table keeps to it.
    step: float = 0.25
    # Share of a table's figures read (its own, not those sums gave) on the step for the table to
    # keep to it. A table of quarters with one figure in eight misread off the step still does
    # (seed 12001's D15 dump: 33 of 37); a table in tenths puts about half its scores off it.
    share: float = 0.85
    # Least figures read before the share says anything.
    min_figures: int = 8


def on_step(value: float, step: float) -> bool:
    """Whether a figure is a whole number of ``step``s."""
    return abs(value / step - round(value / step)) < 1e-6


def keeps_step(rows: list[ScoreRow], fields: tuple[str, ...], s: OffStepSettings = OffStepSettings()) -> bool:
    """Whether a table's figures read keep to ``s.step`` (at least ``s.share`` of them)."""
    values = [v for r in rows for f in fields if (v := read_figure(r, f)) is not None]
    on = sum(on_step(v, s.step) for v in values)
    return len(values) >= s.min_figures and on >= s.share * len(values)


def off_step(row: ScoreRow, f: str, s: OffStepSettings = OffStepSettings()) -> bool:
    """Whether a cell read (not derived) holds a figure off ``s.step``."""
    value = read_figure(row, f)
    return value is not None and not on_step(value, s.step)


def off_step_max(row: ScoreRow, f: str, s: OffStepSettings = OffStepSettings()) -> bool:
    """Whether a cell is a maximum read off ``s.step``, or a score read equal to such a maximum
    (the same misreading twice: "2,9 | 2,9"). A score off the step beside a maximum on it is left
    alone: a commune may score in tenths under maxima in quarters (sample 003's "74 | 71.2")."""
    if not off_step(row, "max_points", s):
        return False
    value = read_figure(row, f)
    return f == "max_points" or (value is not None and abs(value - (row.max_points or 0.0)) < 1e-9)


# A score printed with two decimals ("5,29", "7,70"): the hundredths no step of points takes but
# the quarters' (",25", ",75"); tenths print one ("71,2").
_TWO_DECIMALS = lazy_compile(r"^\D*\d{1,3}[.,](\d\d)\D*$")


def hundredths_off_step(row: ScoreRow, f: str, s: OffStepSettings = OffStepSettings()) -> bool:
    """Whether a score read (not derived, not a maximum) prints two decimals off ``s.step``: in a
    table of OCR'd quarters a digit misread ("5,29" for 5,25), never a step a commune scores in (a
    score in tenths prints one decimal, sample 003's "71.2", and is left alone)."""
    if f == "max_points" or not off_step(row, f, s):
        return False
    match = _TWO_DECIMALS.match(getattr(row, f"{f}_raw", None) or "")
    return match is not None

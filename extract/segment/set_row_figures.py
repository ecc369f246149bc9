"""The figures of a row recovered by the criteria set's order, read from its own lines.

A row ``set_rows`` recovers is opened by the line its criterion's wording starts on. In a table
whose cells are centred vertically, a name wrapped over two or three lines prints its code and its
figures on the middle line, not on the first ("Xác định đầy đủ các nhiệm vụ CCHC trên các" /
"-1.1.2 | lĩnh vực theo kế hoạch năm của UBND tỉnh và 1 1 0,75" / "bố trí kinh phí thực hiện"),
and a name printed beside a tall explanation prints them a line lower ("Công tác chỉ đạo …" /
"1. 10 9 8,5"). The opening line then holds no figure, and the row was left blank although the
text prints its points. The lines after it, before the next recovered row's line, are the row's
own: the first run of figures there that opens with the set's maximum for the criterion, the
others within it, is the row's points — the set's maximum is the witness that the run is this
row's and not an explanation's figure or a date. A third figure is the appraised score only in a
table that has that column: another row reads it, or the recovered rows' own runs show it
(``shows_appraised``: several open with the set's maximum and print two scores within it, "10 10
9,5", where a table of max and self prints two figures and its explanation's words)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from extract.model import Line
from extract.segment.set_wording import line_figure_runs


@dataclass(frozen=True)
class RowPoints:
    """The points read for a recovered row: (token, value) per cell, None where not read."""

    max_points: tuple[str, float] | None = None
    self_points: tuple[str, float] | None = None
    appraised_points: tuple[str, float] | None = None


def points_of_run(values: list[tuple[str, float]], set_max: float, appraised: bool) -> RowPoints:
    """The cells a run of figures gives a recovered row (``set_rows._row``'s rule): the first is the
    maximum when it is the set's, or a lower maximum of the commune's with the figures after it
    within it; the second is the self score, within the maximum; a third, in a table with an
    appraised column, within the maximum, is the appraised score."""
    if not values:
        return RowPoints()
    top = values[0][1]
    printed = abs(top - set_max) <= 0.01
    if not (printed or (0 < top <= set_max and len(values) >= 2 and all(v <= top for _, v in values[1:]))):
        return RowPoints()
    own = values[1] if len(values) > 1 and 0 <= values[1][1] <= top else None
    judged = values[2] if appraised and own is not None and len(values) > 2 and 0 <= values[2][1] <= top else None
    return RowPoints(values[0], own, judged)


def figures_below(lines: Sequence[Line], set_max: float) -> list[tuple[str, float]]:
    """The first run of figures on a recovered row's lines after its opening one (``lines``: those
    before the next row's line) that opens with the set's maximum for the criterion and holds a
    figure after it within it ("1. 10 9 8,5": the row's number "1" before the run is passed over);
    none when no line prints one."""
    for line in lines:
        for values in line_figure_runs(line):
            for k, (_, value) in enumerate(values):
                rest = values[k + 1 :]
                if abs(value - set_max) <= 0.01 and rest and all(0 <= v <= value for _, v in rest):
                    return values[k:]
    return []


def shows_appraised(runs: Sequence[tuple[list[tuple[str, float]], float]], min_rows: int, share: float) -> bool:
    """Whether recovered rows' runs of figures ((run, the set's maximum) each) show an appraised
    column: at least ``min_rows`` runs, and ``share`` of those printing two figures or more, open
    with the set's maximum and print two more figures within it ("16 15,75 15,75"). The set's
    maximum is the witness that the first figure is the max cell and not an explanation's."""
    two = three = 0
    for values, set_max in runs:
        if len(values) < 2:
            continue
        two += 1
        three += (
            len(values) >= 3
            and abs(values[0][1] - set_max) <= 0.01
            and all(0 <= v <= values[0][1] for _, v in values[1:3])
        )
    return three >= min_rows and three >= share * two

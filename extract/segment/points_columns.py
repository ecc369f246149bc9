"""How many points columns a line table carries when its header names fewer than three (issues 11
and 14): the body's figures say it, the appraised label OCR garbled past recognition notwithstanding.

A typist's list with dot leaders ("1.1 Tên tiêu chí ........ 2 ...... 1,5", ``leader_lines``) is
the exception: OCR reads the leader's dots as specks and digits ("22cs<sccs", "1...", "s0..."), so
a line of it shows a third "figure" no column prints, and a garbled token beside two figures is a
leader's remnant, not a lost cell. There the count of figures is no evidence: a third column is
taken only when the header points to it (``hinted``) or the figures' positions on the page carry
it, three figures standing in the same three places line after line (``_aligned_three``).
"""

from __future__ import annotations

from dataclasses import replace
from statistics import median

import regex as re

from extract.model import Line
from extract.segment.line_cells import read_line
from extract.segment.line_common import LineTableSettings, is_score_token
from extract.segment.line_header import HeaderLayout
from extract.segment.table_end import is_total_label
from normalize.numbers import lost_decimal_readings, parse_number
from normalize.text import fold


def points_from_numbers(
    lines: list[Line],
    layout: HeaderLayout,
    settings: LineTableSettings,
    hinted: bool = False,
    leadered: bool = False,
) -> HeaderLayout:
    """The points columns when the header names fewer than three (its appraised label garbled
    past recognition): the count of points cells the body lines carry in a row says it. A line
    with three numbers in a row that can be a max, a self score and an appraised score (neither
    score above the max) is evidence; one with two beside a garbled token (a cell OCR lost: "ak
    0,75 1") backs it, but never stands alone. The share is of the lines with two cells or more:
    a line with one number (the others lost, or a date's day) says nothing of how many columns
    there are. ``hinted``: a header word points to the column (``appraised_hinted``), and one such
    line is enough; so it is when the totals row is one (a totals row prints a figure for each
    points column and text for none, so its three figures are three columns). ``leadered``: the
    body is a list with dot leaders, whose specks read as figures: only the header's hint or the
    figures' positions (``_aligned_three``) add the column."""
    if layout.count_at is not None and not hinted:
        return layout  # (a figure beside the two points is the count column the header names)
    wide = replace(layout, points=layout.order)  # (the three in the header's order)
    if leadered:
        return wide if hinted or _aligned_three(lines, settings) else layout
    numbered = three = backing = 0
    for line in lines:
        cells = read_line(line, False, wide)
        if not cells.has_numbers:
            continue
        values = (cells.max_raw, cells.self_raw, cells.appraised_raw)
        if cells.scale_figure or (
            cells.max_raw and re.search(r":\s*" + re.escape(cells.max_raw) + r"(?!\S)", line.raw or line.text)
        ):
            # "… kịp thời: 1 1 1", "… Đạt yêu cầu: 1. 1 0,25" (a speck after it): a scale's points
            # ("label: points") open the run
            continue
        numbered += sum(1 for v in values if v is not None) > 1
        read = sum(1 for v in values if v is not None and parse_number(v, kind="score") is not None)
        whole = read == len(values) and _within_max(values)
        three += whole
        hinted = hinted or (whole and is_total_label(fold(line.raw or line.text)))
        backing += read == len(values) - 1 and all(v is not None for v in values)
    least = settings.three_points_hinted_lines if hinted else settings.three_points_min_lines
    share = settings.three_points_hinted_share if hinted else settings.three_points_share
    if three and three + backing >= least and three + backing >= share * numbered:
        return wide
    return layout


def _within_max(raws: tuple[str | None, ...]) -> bool:
    """Whether the first of three figures can be a row's max and the others its scores: neither
    above it, a decimal mark OCR lost allowed ("10 95 95": 9,5)."""
    top = parse_number(raws[0], kind="score")
    if top is None:
        return False
    for raw in raws[1:]:
        value = parse_number(raw, kind="score")
        if value is None or (value.value > top.value + 1e-9 and not lost_decimal_readings(raw or "", top.value)):
            return False
    return True


def _aligned_three(lines: list[Line], settings: LineTableSettings) -> bool:
    """Whether lines with word positions (a scan's) end in three clean figures standing in three
    columns: at least ``three_points_min_lines`` such lines, each figure's centre within
    ``aligned_column_spread`` of the columns' median gap from its column's median place. A dump has
    no positions: it never shows this."""
    places: list[tuple[float, float, float]] = []
    for line in lines:
        boxed = [w for w in line.words if w.bbox is not None]
        tail = boxed[-3:]
        if len(tail) == 3 and all(is_score_token(w.text) for w in tail) and _within_max(tuple(w.text for w in tail)):
            a, b, c = (((w.bbox[0] + w.bbox[2]) / 2) for w in tail if w.bbox is not None)
            places.append((a, b, c))
    if len(places) < settings.three_points_min_lines:
        return False
    columns = [median(p[k] for p in places) for k in range(3)]
    gap = median([columns[1] - columns[0], columns[2] - columns[1]])
    if gap <= 0:
        return False
    reach = settings.aligned_column_spread * gap
    return all(abs(p[k] - columns[k]) <= reach for p in places for k in range(3))

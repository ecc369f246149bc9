"""Tables a page's edge cut. A grid wider than its page (a landscape table on a page the writer left
portrait) is printed up to the paper's edge and no further: the columns past it are mostly not in
the file (a word begun inside the page runs on past it), so what the reader returns is the whole
of what is printed and yet not the whole table. Its sign is the grid's own ruling: a row rule
running on to the page's edge, where a table inside the margins ends at its last border. The grid is
told once (an unread part), and its rows the cut touches (a word of their line past the paper, a
code or figure read empty on the cut side) carry a doubt (the review queue asks about them)
instead of a silent gap where a column was.

The side the edge cut is kept (``cut_sides``): the left one takes a grid's first column (its
codes), the right one its last (points, a note). Rows of score tables and annexes read from a cut
grid that the cut touches (``sides_touching``) carry the flag ``cut_by_page_edge:<sides>``
(``extract.segment.edge_cut`` sets it and tells the grid); ``edge_fields`` names the fields the
queue asks about. Text of the layer whose box runs past the page (``sides_crossed``) is cut by
the paper, or not on it at all."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from schemas.records import ScoreRow, StatRow

LEFT, RIGHT, TOP, BOTTOM = "left", "right", "top", "bottom"


@dataclass(frozen=True)
class PageEdgeSettings:
    # A rule ending this close to the page's left or right edge (points) reaches the edge: printed
    # pages keep margins of a centimetre or more (28 points), LibreOffice draws a cut grid's rules
    # to the edge itself (0.3 points off it), while a grid squeezed to the page's width ends at
    # its last border 2.3 points short of the edge and is whole.
    edge_margin: float = 1.0
    # How far above or below the grid's box a rule may lie and still be one of its rules (points).
    rule_tolerance: float = 3.0


def cut_sides(
    box: Sequence[float],
    rules: Iterable[Mapping[str, float]],
    page_width: float,
    settings: PageEdgeSettings = PageEdgeSettings(),
) -> tuple[str, ...]:
    """The sides ("left", "right") of the page whose edge cuts a grid whose box is ``box`` (x0,
    top, x1, bottom): a horizontal rule of its own (within its height, overlapping its width)
    reaches that edge. () for a grid inside the page."""
    x0, top, x1, bottom = box[:4]
    tol, margin = settings.rule_tolerance, settings.edge_margin
    sides: set[str] = set()
    for rule in rules:
        if not (top - tol <= rule["top"] <= bottom + tol) or rule["x1"] <= x0 or rule["x0"] >= x1:
            continue
        if rule["x0"] <= margin:
            sides.add(LEFT)
        if rule["x1"] >= page_width - margin:
            sides.add(RIGHT)
    return tuple(side for side in (LEFT, RIGHT) if side in sides)


def runs_off_page(
    box: Sequence[float],
    rules: Iterable[Mapping[str, float]],
    page_width: float,
    settings: PageEdgeSettings = PageEdgeSettings(),
) -> bool:
    """Whether a grid whose box is ``box`` has a rule of its own reaching the page's left or right edge."""
    return bool(cut_sides(box, rules, page_width, settings))


def sides_crossed(
    box: Sequence[float], page_width: float, page_height: float, settings: PageEdgeSettings = PageEdgeSettings()
) -> tuple[str, ...]:
    """The edges of the page a word's box (x0, top, x1, bottom) runs past by more than
    ``edge_margin``: a word printed there is cut by the paper (or not on it at all), though the
    text layer holds it."""
    x0, top, x1, bottom = box[:4]
    m = settings.edge_margin
    crossed = {LEFT: x0 < -m, RIGHT: x1 > page_width + m, TOP: top < -m, BOTTOM: bottom > page_height + m}
    return tuple(side for side, past in crossed.items() if past)


# The flag of a row read from a grid the page's edge cut, with the cut sides ("left,right").
EDGE_FLAG = "cut_by_page_edge:"


def edge_flag(sides: tuple[str, ...]) -> str:
    return EDGE_FLAG + ",".join(sides)


def edge_sides(flags: list[str]) -> tuple[str, ...]:
    """The sides a row's flag says the page's edge cut its grid on, else ()."""
    for flag in flags:
        if flag.startswith(EDGE_FLAG):
            return tuple(s for s in flag[len(EDGE_FLAG) :].split(",") if s)
    return ()


def edge_said(sides: tuple[str, ...]) -> str:
    """How the queue and the unread part say a cut: which edge, and what it means."""
    where = " and ".join(sides)
    return f"the table runs past the page's {where} edge: the columns beyond it are not printed"


def _figures(row: ScoreRow | StatRow) -> tuple[str, ...]:
    """The fields a row prints its figures in: the columns a right edge can take."""
    return ("max_points", "self_points") if isinstance(row, ScoreRow) else ("value",)


def edge_fields(row: ScoreRow | StatRow) -> list[str | None]:
    """The fields of a row the page's edge may have taken: the code, printed in the first column,
    when the left edge cut the grid; the figures read empty when the right one did (a points or
    value column past it). None stands for the row whole (a column past the edge that the row
    printed nothing of, a note or the appraised points): one look at the row."""
    sides = edge_sides(row.flags)
    fields: list[str | None] = []
    if LEFT in sides:
        fields.append("code")
    if any(s != LEFT for s in sides):
        empty = [f for f in _figures(row) if getattr(row, f) is None]
        fields.extend(empty or [None])
    return fields


def fields_read(rows: Iterable[ScoreRow | StatRow]) -> frozenset[str]:
    """The code and figure fields at least one of a grid's ``rows`` read: columns it printed."""
    return frozenset(f for row in rows for f in ("code", *_figures(row)) if getattr(row, f) is not None)


def sides_touching(
    row: ScoreRow | StatRow,
    sides: tuple[str, ...],
    words_past: Sequence[tuple[tuple[str, ...], Sequence[float]]],
    grid_read: frozenset[str] = frozenset(),
) -> tuple[str, ...]:
    """The cut ``sides`` of a grid whose edge touches ``row``, one of its rows: a word of the row's
    band runs past that edge (``words_past``: each word's crossed sides and box), or the row read
    empty what that side's column holds (the code on the left, a figure on the right) and no row of
    its grid read that field either (``grid_read``, from ``fields_read``): a column the grid printed
    for the others stands inside the page, so the row's blank in it is printed blank, not cut
    (seed 8213: an N48 PDF's section left unscored, eight blank self cells of a column 88 points
    inside the edge, each queued). A row with
    its code and every figure read and nothing of its line past the paper lost nothing the file
    can show: the grid's one unread part says the cut (a column wholly past the edge) once, where
    doubting each row queued whole tables whose every column was read (held-out seed 7001: two
    N48 PDFs, a note column reaching the edge by 3 points, 39 entries for no value wrong). A row
    with no box (a format without positions) keeps every side: nothing says it was spared."""
    box = row.source.bbox
    if not box:
        return sides
    top, bottom = box[1], box[3]
    touched: list[str] = []
    for side in sides:
        crossed = any(side in past and top <= (word[1] + word[3]) / 2 <= bottom for past, word in words_past)
        held = ("code",) if side == LEFT else _figures(row)
        empty = any(getattr(row, f) is None and f not in grid_read for f in held)
        if crossed or empty:
            touched.append(side)
    return tuple(touched)

"""A points column's block whose line count is not its names block's criteria count (issue 11): OCR
lost a row's numbers, or a parent printed none. The number lines still go to the criteria in
order, each to its own; which criteria they skip is chosen by the arithmetic the table carries:
children's points add up to their parent's (the totals row's children are the top rows), no child
above its parent, no score above its row's maximum. Every way of skipping is weighed, and a line
is placed only where every best way puts it on the same row: a line the arithmetic cannot place
stays unplaced (told), never guessed. Nothing is placed unless a sum confirms the best way.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from itertools import combinations
from math import comb

from normalize.code_repair import children_of
from normalize.codes import read_code_token
from normalize.numbers import parse_number


@dataclass(frozen=True)
class AlignmentSettings:
    # Ways to weigh at most (criteria choose lines): past it the block is not placed.
    max_ways: int = 20000
    # A parent whose children all hold a number: their sum is its number (within this).
    sum_tolerance: float = 0.01
    # Credit for a sum that holds, and cost for one that fails, for a child above its parent or
    # a score above its row's maximum.
    sum_holds: float = 2.0
    sum_fails: float = 1.0
    above_parent: float = 3.0
    above_max: float = 3.0


@dataclass(frozen=True)
class Placing:
    """The lines every best placing puts on one criterion (line → criterion), and the lines the
    best placings put on different criteria (line → those criteria, in order)."""

    placed: dict[int, int]
    doubtful: dict[int, tuple[int, ...]]
    weight: float | None = None  # the best placings' weight (``Tally.weight``); None when none was weighed


NOT_PLACED = Placing({}, {})


@dataclass(frozen=True)
class Criterion:
    """What the alignment needs of a names block's criterion."""

    code: str | None
    total: bool
    heading: bool


def parents(criteria: list[Criterion]) -> list[int | None]:
    """Each criterion's parent (index), from the codes' levels: the totals row above all, a roman
    part or capitals heading, then "1", "1.1", …, a lettered item under the row above it; a row
    whose code OCR lost is its previous row's sibling."""
    levels: list[int] = []
    tokens = [read_code_token(c.code) if c.code else None for c in criteria]
    lettered = [t is not None and bool(t.letter) for t in tokens]
    for k, c in enumerate(criteria):
        token = tokens[k]
        if c.total:
            level = -1
        elif c.heading or (token is not None and token.roman and not any(ch.isdigit() for ch in c.code or "")):
            level = 0
        elif token is not None and token.components:
            level = len(token.components)
        elif token is not None and token.letter:
            # an item under the numbered row above it, or the sibling of the item above it
            above = next((j for j in range(k - 1, -1, -1) if levels[j] >= 0), None)
            level = 1 if above is None else levels[above] + (0 if lettered[above] else 1)
        else:
            level = next((lv for lv in reversed(levels) if lv > 0), 1)
        levels.append(level)
    found: list[int | None] = []
    for k, level in enumerate(levels):
        found.append(next((j for j in range(k - 1, -1, -1) if levels[j] < level), None))
    # A totals row printed last is still every top row's parent.
    for t, c in enumerate(criteria):
        if c.total:
            for k, level in enumerate(levels):
                if k != t and found[k] is None and level == min(lv for lv in levels if lv >= 0):
                    found[k] = t
    return found


def align(
    criteria: list[Criterion],
    lines: list[list[str]],
    columns: list[str],
    maxima: dict[int, float] | None = None,
    settings: AlignmentSettings = AlignmentSettings(),
) -> Placing:
    """The block's number lines that every best way of placing them puts on one criterion, and the
    criteria the others could go to; nothing placed when no way is confirmed by a sum (or, for a
    score block, by the maxima placed). ``columns`` names the block's points columns in print
    order ("max", "self", …); ``maxima`` the rows' maxima already placed (criterion → value)."""
    m, n = len(criteria), len(lines)
    if n == 0 or comb(max(m, n), min(m, n)) > settings.max_ways:
        return NOT_PLACED
    values = [[points_value(x) for x in numbers] for numbers in lines]
    parent = parents(criteria)
    children = children_of(parent)
    best: float | None = None
    ways: list[tuple[int, ...]] = []
    for way in _ways(m, n):
        score = _tally(way, values, columns, children, parent, maxima or {}, settings).weight(settings)
        if best is None or score > best + 1e-9:
            best, ways = score, [way]
        elif abs(score - best) <= 1e-9:
            ways.append(way)
    # A score block under placed maxima is weighed by them (a score above its maximum); else a
    # sum must hold.
    if best is None or best < (0.0 if maxima else settings.sum_holds):
        return NOT_PLACED
    placed = {i: ways[0][i] for i in range(n) if ways[0][i] >= 0 and all(w[i] == ways[0][i] for w in ways)}
    doubtful = {i: tuple(sorted({w[i] for w in ways if w[i] >= 0})) for i in range(n) if i not in placed}
    return Placing(placed, doubtful, best)


def _ways(m: int, n: int) -> Iterator[tuple[int, ...]]:
    """Each monotone placing of ``n`` lines on ``m`` criteria, as the criterion of each line (-1: a
    line placed on none): fewer lines than criteria skip criteria (a row's numbers lost, a parent
    printing none); more lines skip lines (a name OCR ran into the one above, a row's numbers
    split over two lines)."""
    if n <= m:
        yield from combinations(range(m), n)
        return
    for kept in combinations(range(n), m):
        way = [-1] * n
        for k, line in enumerate(kept):
            way[line] = k
        yield tuple(way)


def points_value(raw: str) -> float | None:
    """A points cell's value (a decimal comma or point), None when it is no number."""
    parsed = parse_number(raw, "score")
    return parsed.value if parsed is not None else None


@dataclass(frozen=True)
class Tally:
    """What a placing makes of the table's arithmetic: the parents' sums that hold and that fail,
    and the cells above what bounds them (a child above its parent, a score above its maximum)."""

    held: int = 0
    failed: int = 0
    above_parent: int = 0
    above_max: int = 0

    @property
    def broken(self) -> int:
        """The relations the placing breaks, of every kind."""
        return self.failed + self.above_parent + self.above_max

    def weight(self, s: AlignmentSettings) -> float:
        return (
            self.held * s.sum_holds
            - self.failed * s.sum_fails
            - self.above_parent * s.above_parent
            - self.above_max * s.above_max
        )


def tally(
    criteria: list[Criterion],
    lines: list[list[str]],
    columns: list[str],
    way: tuple[int, ...],
    maxima: dict[int, float] | None = None,
    settings: AlignmentSettings = AlignmentSettings(),
) -> Tally:
    """The arithmetic of one placing (``way``: each line's criterion, -1 for none) of a block's
    number lines, as ``align`` weighs it."""
    parent = parents(criteria)
    values = [[points_value(x) for x in numbers] for numbers in lines]
    return _tally(way, values, columns, children_of(parent), parent, maxima or {}, settings)


def _tally(
    way: tuple[int, ...],
    values: list[list[float | None]],
    columns: list[str],
    children: dict[int, list[int]],
    parent: list[int | None],
    maxima: dict[int, float],
    s: AlignmentSettings,
) -> Tally:
    held = failed = above_parent = above_max = 0
    for c, column in enumerate(columns):
        placed: dict[int, float] = {}
        for line, k in zip(values, way):
            if k >= 0 and c < len(line) and line[c] is not None:
                placed[k] = line[c]  # type: ignore[assignment]
        for k, v in placed.items():
            p = parent[k]
            if p is not None and p in placed and v > placed[p] + s.sum_tolerance:
                above_parent += 1
            if column != "max" and k in maxima and v > maxima[k] + s.sum_tolerance:
                above_max += 1
        for p, kids in children.items():
            if p not in placed:
                continue
            held_sums = [placed[k] for k in kids if k in placed]
            if len(held_sums) == len(kids):
                if abs(sum(held_sums) - placed[p]) <= s.sum_tolerance:
                    held += 1
                else:
                    failed += 1
            elif sum(held_sums) > placed[p] + s.sum_tolerance:
                failed += 1
        for line, k in zip(values, way):
            if k < 0:
                continue
            # A line of a maximum and a score: the score is within its maximum.
            if "max" in columns and column != "max" and c < len(line):
                m = line[columns.index("max")] if columns.index("max") < len(line) else None
                if m is not None and line[c] is not None and line[c] > m + s.sum_tolerance:  # type: ignore[operator]
                    above_max += 1
    return Tally(held, failed, above_parent, above_max)

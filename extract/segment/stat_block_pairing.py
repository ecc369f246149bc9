"""A statistics annex's figures printed apart from its rows, paired by order and count with the
annex's arithmetic as witness (issues 11, 16).

Tesseract's automatic page layout (``--psm 3``, and ``--psm 6`` on a degraded page) can read an
annex's grid column by column: every coded indicator line first, then a block of the units and
figures ("Hồ sơ 317" / "% 96,02"), or one block per column. No line pairs a row with its figure.
The figures go to the rows in print order; which rows print none (a group's heading, "4 Công khai
thủ tục hành chính", or a figure OCR lost) is chosen by the arithmetic the annex carries: a
group's parts add up to its whole, a share is a part over its whole, a part is no larger than its
whole, a share's figure prints "%" and a count's does not. Every way of skipping is weighed; a
figure is paired only where every best way puts it on the same row, the others are told with the
rows they could go to, and nothing is paired unless a relation holds (never guessed).
"""

from __future__ import annotations

from dataclasses import dataclass
from math import comb

from extract.segment.block_alignment import Criterion, _ways, parents
from normalize.code_repair import children_of


@dataclass(frozen=True)
class BlockPairSettings:
    # Ways to weigh at most (rows choose figures): past it the block is not paired, but told.
    max_ways: int = 20000
    # A whole whose parts all hold a figure: their sum is its figure (within this; counts are whole).
    sum_tolerance: float = 0.01
    # A share printed to two decimals: part / whole × 100 within this of it.
    share_tolerance: float = 0.01
    # Credit for a relation that holds; cost for one that fails, a part above its whole, a unit
    # ("%" against a count's wording, or a count's unit against a share's).
    holds: float = 2.0
    fails: float = 1.0
    above_whole: float = 3.0
    unit_mismatch: float = 3.0
    # Relations that must hold at least, for any figure to be paired.
    min_held: int = 1


@dataclass(frozen=True)
class BlockRow:
    """What the pairing needs of a row printed in the names block: its code and whether its
    wording (or unit) makes it a share ("Tỷ lệ …")."""

    code: str | None
    share: bool


@dataclass(frozen=True)
class BlockFigure:
    """A figure of the figures block, its value and whether its line printed "%" (None: no unit
    printed, nothing said)."""

    value: float | None
    percent: bool | None


@dataclass(frozen=True)
class BlockPairing:
    """Figure → row where every best way agrees; figure → the rows the best ways put it on where
    they do not; the relations the best way holds and breaks."""

    paired: dict[int, int]
    doubtful: dict[int, tuple[int, ...]]
    held: int = 0
    broken: int = 0


UNPAIRED = BlockPairing({}, {})


def pair_block(
    rows: list[BlockRow], figures: list[BlockFigure], settings: BlockPairSettings = BlockPairSettings()
) -> BlockPairing:
    """The figures paired with the rows by order, the rows that print none chosen by the
    arithmetic; nothing paired when no relation holds on the best way."""
    m, n = len(rows), len(figures)
    if not m or not n or _too_many(m, n, settings.max_ways):
        return UNPAIRED
    parent = parents([Criterion(r.code, total=False, heading=False) for r in rows])
    children = children_of(parent)
    best: tuple[float, int, int] | None = None
    ways: list[tuple[int, ...]] = []
    for way in _ways(m, n):
        tallied = _weigh(way, rows, figures, parent, children, settings)
        if best is None or tallied[0] > best[0] + 1e-9:
            best, ways = tallied, [way]
        elif abs(tallied[0] - best[0]) <= 1e-9:
            ways.append(way)
    if best is None or best[1] < settings.min_held:
        return UNPAIRED
    first = ways[0]
    paired = {i: first[i] for i in range(n) if first[i] >= 0 and all(w[i] == first[i] for w in ways)}
    doubtful = {i: tuple(sorted({w[i] for w in ways if w[i] >= 0})) for i in range(n) if i not in paired}
    return BlockPairing(paired, doubtful, best[1], best[2])


def _too_many(m: int, n: int, limit: int) -> bool:
    return comb(max(m, n), min(m, n)) > limit


def _weigh(
    way: tuple[int, ...],
    rows: list[BlockRow],
    figures: list[BlockFigure],
    parent: list[int | None],
    children: dict[int, list[int]],
    s: BlockPairSettings,
) -> tuple[float, int, int]:
    """(weight, relations held, relations broken) of one way (each figure's row, -1 for none)."""
    value: dict[int, float] = {}
    held = broken = mismatched = above = 0
    for f, k in enumerate(way):
        if k < 0:
            continue
        fig = figures[f]
        if fig.percent is not None and fig.percent != rows[k].share:
            mismatched += 1
        if fig.value is not None:
            value[k] = fig.value
    for p, kids in children.items():
        if p not in value or rows[p].share:
            continue
        parts = [k for k in kids if not rows[k].share]
        for k in parts:
            if k in value and value[k] > value[p] + s.sum_tolerance:
                above += 1
        if parts and all(k in value for k in parts) and len(parts) > 1:
            if abs(sum(value[k] for k in parts) - value[p]) <= s.sum_tolerance:
                held += 1
            else:
                broken += 1
    for k, row in enumerate(rows):
        if not row.share or k not in value:
            continue
        verdict = _share_verdict(k, rows, value, parent, children, s)
        held += verdict == 1
        broken += verdict == -1
    weight = held * s.holds - broken * s.fails - above * s.above_whole - mismatched * s.unit_mismatch
    return weight, held, broken + above + mismatched


def _share_verdict(
    k: int,
    rows: list[BlockRow],
    value: dict[int, float],
    parent: list[int | None],
    children: dict[int, list[int]],
    s: BlockPairSettings,
) -> int:
    """1 when the share is a part over its whole (its group's whole: the share's parent, or the
    count row above it that heads parts), -1 when the whole and its parts are paired and none
    gives it, 0 when there is nothing to weigh it by."""
    whole = _share_whole(k, rows, parent, children)
    if whole is None or whole not in value or not value[whole]:
        return 0
    parts = [c for c in children.get(whole, []) if c != k and not rows[c].share and c in value]
    if not parts:
        return 0
    candidates = [value[c] for c in parts]
    candidates += [value[a] + value[b] for a, b in zip(parts, parts[1:])]
    if any(abs(x / value[whole] * 100 - value[k]) <= s.share_tolerance + 0.005 for x in candidates):
        return 1
    return -1


def _share_whole(k: int, rows: list[BlockRow], parent: list[int | None], children: dict[int, list[int]]) -> int | None:
    """The whole a share is of: its parent when that heads counts ("2 Số phản ánh …" over 2.3
    "Tỷ lệ …"), else the sibling count above it that heads parts ("3.1 Số hồ sơ …" over a)–c),
    beside 3.2 "Tỷ lệ …")."""
    p = parent[k]
    if p is not None and not rows[p].share and any(not rows[c].share for c in children.get(p, []) if c != k):
        # the parent's own count heads the share's siblings, unless a sibling heads parts itself
        heads = [c for c in children.get(p, []) if c < k and children.get(c)]
        return heads[-1] if heads else p
    return None

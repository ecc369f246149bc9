"""Statistics annexes printed one cell per line whose rows print their unit and figure BEFORE
their indicator (Tesseract's sparse text, ``--psm 11``, of a grid whose rows it reads from the
cells' tops: "Hồ sơ" / "476" / "21" / "Số hồ sơ TTHC đã giải quyết" / "Hồ sơ" / "264" / "a)" …).

``stat_cells.rejoin`` opens a row at its code or indicator and gives it the unit and figure that
follow, which shifts every figure of such a run onto the row above. Here each indicator is a
row's anchor and the cells between two indicators are split between them, the split chosen for
the whole run at once (a dynamic programme): a row holds at most one code, unit and figure, a
code stands before its indicator, and the side (before or after the indicator) its unit and
figure stand on is the run's own, found by reading the run both ways and keeping the cheaper.
A short garbled word between rows ("Sh", "Bồi", "DL") is a code or figure OCR lost: it fills
the row's figure (told lost) or code, never its indicator.

OCR reads each row of the grid from its cells' tops, so within a run read figures-first a row may
still print its unit and figure after its indicator ("c)" read after "Giải quyết quá hạn" /
"Hồ sơ", then "%" / "89,28" / "Tỷ lệ …"): once the run is found figures-first, each row takes the
side its own cells read more cheaply on, a change of side from the row above costing
``switch_order`` so that one stray cell does not turn a row."""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass

from extract.segment.stat_cells import CODE, FIGURE, NUMBER, TEXT, UNIT, WRAP, Cell, CellRow, _follows, _goes_down_one
from normalize.codes import CriterionCode, parse_code

BEFORE, AFTER = "before", "after"
# A run's order: the side of the indicator its units and figures stand on, and whether a row's
# unit comes before its figure.
Order = tuple[str, bool]
ORDERS: tuple[Order, ...] = ((BEFORE, True), (BEFORE, False), (AFTER, True), (AFTER, False))
_SPECK, _DOTTED, _UNDOTTED = "speck", "dotted", "undotted"


@dataclass(frozen=True)
class CellOrderSettings:
    # A lone word with at most this many letters and digits is a garbled code or figure, not an
    # indicator ("Sh" for 8, "Bồi" for 337, "DL" for 5.1).
    speck_chars: int = 4
    # Costs of a row as read (lower is likelier): a cell it lacks, ...
    missing_unit: float = 1.0
    missing_figure: float = 1.0
    missing_code: float = 0.3  # (OCR drops many one-digit codes)
    # ... a figure or code it holds only as a speck (there, but lost), ...
    speck_figure: float = 0.6
    speck_code: float = 0.3
    # ... a unit or figure on the side of its indicator the run does not print them on, a code
    # after its indicator, a cell of a kind the row already holds (dropped), ...
    other_side: float = 0.4
    code_after: float = 3.0
    # ... a figure and unit in the other order than the run's, ...
    other_order: float = 0.3
    # ... a code not right before its indicator ("1" / "Số cuộc …" is the code, "Cuộc" / "ái" the
    # unit and the figure lost), and a number of a code's look ("3.0", "21" after 2) read as a figure.
    code_apart: float = 0.3
    dotted_figure: float = 0.8
    # ... two digits that can follow as a code whose dot OCR lost ("21" after 2) read as a figure.
    undotted_figure: float = 0.5
    surplus: float = 2.0
    # How much cheaper, per row, the run must read figures-first than the usual way to be read so:
    # OCR mixes the orders row by row, and a run that reads barely cheaper figures-first is read
    # better by ``stat_cells.rejoin``, which follows its codes (seed 475's i5 test dump: 0.06 a
    # row cheaper, 21 of 22 rows read the usual way; dev seed 495's i5: 0.24 cheaper).
    min_margin: float = 0.15
    # A row read in another order than the row above's (OCR reads each row of the grid from its
    # cells' tops, so the order is the row's own; this keeps one misplaced cell from switching).
    switch_order: float = 0.3
    # Lone numbers and specks a row may hold (each read as a code, a figure or nothing: the
    # readings weighed grow threefold with each); more is no row's.
    max_open_cells: int = 6


def figures_first(cells: list[Cell], settings: CellOrderSettings = CellOrderSettings()) -> list[CellRow] | None:
    """The rows of a run whose units and figures stand before their indicators (each row in the
    order its own cells say: ``_mixed_split``), or None when the run reads more cheaply the
    usual way (unit and figure after the indicator)."""
    anchors = [k for k, c in enumerate(cells) if c.kind == TEXT and not _speck(c, settings)]
    if len(anchors) < 2:
        return None
    readings = {order: _split(cells, anchors, order, settings) for order in ORDERS}
    order = min(ORDERS, key=lambda o: readings[o][0])
    usual = min(readings[o][0] for o in ORDERS if o[0] == AFTER)
    if order[0] != BEFORE or math.isinf(usual) or readings[order][0] > usual - settings.min_margin * len(anchors):
        return None
    # Read figures-first as a run, each row still keeps the order its own cells say is cheaper.
    _, splits, orders = _mixed_split(cells, anchors, settings)
    return _rows(cells, anchors, splits, orders, settings)


def _speck(cell: Cell, settings: CellOrderSettings) -> bool:
    text = cell.text.strip()
    return (
        cell.kind in (TEXT, WRAP)
        and " " not in text
        and sum(c.isalnum() for c in text) <= settings.speck_chars
        and not any(c.isdigit() for c in text)
    )


def _kinds(cells: list[Cell], settings: CellOrderSettings) -> list[str]:
    """The cells' kinds, a lone number told apart: a code's look ("3.0", "4.1", or whole digits
    that can follow the codes read above them: "2" after 1, "21" after 2, "43" after 4.2) or a
    figure only ("24" after 2.2, "476")."""
    kinds: list[str] = []
    last: CriterionCode | None = None
    for cell in cells:
        kind = _SPECK if _speck(cell, settings) else cell.kind
        code = parse_code(cell.text.strip().rstrip(".")) if kind in (NUMBER, CODE) else None
        if kind == NUMBER and "." not in cell.text.strip().rstrip("."):
            dotted = parse_code(".".join(cell.text.strip())) if len(cell.text.strip()) == 2 else None
            if last is not None and dotted is not None and _goes_down_one(last, dotted):
                code, kind = dotted, _UNDOTTED
            elif not _follows(code, last):
                code, kind = None, FIGURE
        if kind == NUMBER:
            kind = _DOTTED
        last = code or last
        kinds.append(kind)
    return kinds


def _split(cells: list[Cell], anchors: list[int], order: Order, settings: CellOrderSettings) -> tuple[float, list[int]]:
    """(cost, split points) of the cheapest reading: ``splits[k]`` cells of the gap after anchor
    ``k`` go to row ``k``, the rest to row ``k + 1``."""
    kinds = _kinds(cells, settings)
    gaps = [[kinds[j] for j in range(a + 1, b) if kinds[j] != WRAP] for a, b in zip(anchors, anchors[1:])]
    head = [kinds[j] for j in range(anchors[0]) if kinds[j] != WRAP]
    tail = [kinds[j] for j in range(anchors[-1] + 1, len(cells)) if kinds[j] != WRAP]
    # best[s] = (cost, splits) of rows 0..k with row k's before-cells the gap's cells from s on.
    best: dict[int, tuple[float, list[int]]] = {0: (0.0, [])}
    before_cells = {0: head}
    for k in range(len(anchors)):
        gap = gaps[k] if k < len(gaps) else tail
        nxt: dict[int, tuple[float, list[int]]] = {}
        cuts = range(len(gap) + 1) if k < len(gaps) else [len(gap)]
        for s_prev, (cost, splits) in best.items():
            b = before_cells[s_prev]
            for s in cuts:
                total = cost + _row_cost(b, gap[:s], order, settings)
                if s not in nxt or total < nxt[s][0]:
                    nxt[s] = (total, [*splits, s])
        best = nxt
        before_cells = {s: gap[s:] for s in best}
    cost, splits = min(best.values(), key=lambda v: v[0])
    return cost, splits[: len(gaps)]


def _mixed_split(
    cells: list[Cell], anchors: list[int], settings: CellOrderSettings
) -> tuple[float, list[int], list[Order]]:
    """(cost, split points, each row's order) of the cheapest reading where each row has an
    order of its own, a change of order from the row above costing ``switch_order``."""
    kinds = _kinds(cells, settings)
    gaps = [[kinds[j] for j in range(a + 1, b) if kinds[j] != WRAP] for a, b in zip(anchors, anchors[1:])]
    head = [kinds[j] for j in range(anchors[0]) if kinds[j] != WRAP]
    tail = [kinds[j] for j in range(anchors[-1] + 1, len(cells)) if kinds[j] != WRAP]
    costs: dict[tuple[tuple[str, ...], tuple[str, ...], Order], float] = {}

    def row_cost(before: list[str], after: list[str], order: Order) -> float:
        key = (tuple(before), tuple(after), order)
        if key not in costs:
            costs[key] = _row_cost(before, after, order, settings)
        return costs[key]

    # best[(s, order)] = (cost, splits, orders) of rows 0..k, row k read in ``order``, row k+1's
    # before-cells the gap's cells from s on.
    best: dict[tuple[int, Order | None], tuple[float, list[int], list[Order]]] = {(0, None): (0.0, [], [])}
    before_cells = {0: head}
    for k in range(len(anchors)):
        gap = gaps[k] if k < len(gaps) else tail
        nxt: dict[tuple[int, Order | None], tuple[float, list[int], list[Order]]] = {}
        cuts = range(len(gap) + 1) if k < len(gaps) else [len(gap)]
        for (s_prev, prev_order), (cost, splits, orders) in best.items():
            b = before_cells[s_prev]
            for s in cuts:
                for order in ORDERS:
                    switch = settings.switch_order if prev_order is not None and order != prev_order else 0.0
                    total = cost + switch + row_cost(b, gap[:s], order)
                    if (s, order) not in nxt or total < nxt[(s, order)][0]:
                        nxt[(s, order)] = (total, [*splits, s], [*orders, order])
        best = nxt
        before_cells = {s: gap[s:] for s, _ in best}
    cost, splits, orders = min(best.values(), key=lambda v: v[0])
    return cost, splits[: len(gaps)], orders


def _row_cost(before: list[str], after: list[str], order: Order, settings: CellOrderSettings) -> float:
    """The cost of a row holding these cells before and after its indicator (see the settings)."""
    return _row_reading(before, after, order, settings)[0]


def _row_reading(
    before: list[str], after: list[str], order: Order, settings: CellOrderSettings
) -> tuple[float, tuple[str, ...]]:
    """(cost, what each lone number and speck is: a code, a figure or nothing) of the row's
    cheapest reading."""
    kinds = before + after
    open_cells = [k for k, kind in enumerate(kinds) if kind in (_DOTTED, _UNDOTTED, _SPECK)]
    best: tuple[float, tuple[str, ...]] = (math.inf, ())
    if len(open_cells) > settings.max_open_cells:
        return best  # many rows' cells between two indicators: OCR lost indicators, no row
    for choice in itertools.product((CODE, FIGURE, ""), repeat=len(open_cells)):
        read = dict(zip(open_cells, choice))
        cost = 0.0
        codes = figures = units = 0
        lost_figure = lost_code = False
        for k, kind in enumerate(kinds):
            on_after = k >= len(before)
            if k in read:
                if kind != _SPECK and not read[k]:
                    cost = math.inf  # a number is a code or a figure
                if kind == _DOTTED and read[k] == FIGURE:
                    cost += settings.dotted_figure
                if kind == _UNDOTTED and read[k] == FIGURE:
                    cost += settings.undotted_figure
                if kind == _SPECK and read[k]:
                    lost_figure |= read[k] == FIGURE
                    lost_code |= read[k] == CODE
                elif kind == _SPECK:
                    cost += settings.surplus
                kind = read[k] or kind
            if kind == CODE:
                codes += 1
                cost += settings.code_after if on_after else 0.0
                cost += settings.code_apart if k < len(before) - 1 else 0.0
            elif kind in (FIGURE, UNIT):
                if (kind == UNIT and figures and order[1]) or (kind == FIGURE and units and not order[1]):
                    cost += settings.other_order
                figures += kind == FIGURE
                units += kind == UNIT
                cost += settings.other_side if on_after != (order[0] == AFTER) else 0.0
        cost += settings.surplus * (max(0, codes - 1) + max(0, figures - 1) + max(0, units - 1))
        cost += settings.speck_figure if lost_figure else 0.0  # the figure it stands for is lost
        cost += settings.speck_code if lost_code else 0.0
        cost += settings.missing_figure if not figures else 0.0
        cost += settings.missing_code if not codes else 0.0
        cost += settings.missing_unit if not units else 0.0
        if cost < best[0]:
            best = (cost, choice)
    return best


def _rows(
    cells: list[Cell], anchors: list[int], splits: list[int], orders: list[Order], settings: CellOrderSettings
) -> list[CellRow]:
    """The rows of the chosen split: each anchor's row, its cells read as its cheapest reading."""
    kinds = _kinds(cells, settings)
    bounds = [0]
    for k, (a, b) in enumerate(zip(anchors, anchors[1:])):
        gap = [j for j in range(a + 1, b) if cells[j].kind != WRAP]
        bounds.append(gap[splits[k]] if splits[k] < len(gap) else b)
    bounds.append(len(cells))
    rows = []
    for k, anchor in enumerate(anchors):
        members = list(range(bounds[k], bounds[k + 1]))
        row = CellRow(page=cells[anchor].page, first=cells[members[0]].line, last=cells[members[-1]].line)
        row.indicator.append(cells[anchor].text)
        placed = [j for j in members if j != anchor and kinds[j] != WRAP]
        row.indicator += [cells[j].text for j in members if j > anchor and kinds[j] == WRAP]
        before = [kinds[j] for j in placed if j < anchor]
        after = [kinds[j] for j in placed if j > anchor]
        _, choice = _row_reading(before, after, orders[k], settings)
        read = iter(choice)
        taken = set()
        for j in placed:
            kind = kinds[j]
            if kind in (_DOTTED, _UNDOTTED, _SPECK):
                kind, speck = next(read), kind == _SPECK
                if speck:  # a code or figure OCR garbled: its place taken, nothing read
                    taken.add(kind)
                    continue
            if kind == CODE and not row.code and CODE not in taken:
                row.code = cells[j].text
                taken.add(CODE)
            elif kind == FIGURE and not row.value and FIGURE not in taken:
                row.value = cells[j].text
                taken.add(FIGURE)
            elif kind == UNIT and not row.unit:
                row.unit = cells[j].text
        rows.append(row)
    return rows

"""The table grid of a page image from the ruling lines drawn on it: long dark runs are lines, lines
that cross form a table, grid slots no line separates are one cell."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from extract.model import BBox
from extract.ocr_frame import unframed
from extract.ocr_settings import OcrSettings


@dataclass(frozen=True)
class Rule:
    """A ruling line: ``pos`` across it (y of a horizontal line, x of a vertical one), its extent
    ``start..end`` along it, and the pixel band ``lo..hi`` it occupies across."""

    pos: float
    start: int
    end: int
    lo: int
    hi: int


def find_rules(ink: np.ndarray, min_len: int, merge_px: int) -> list[Rule]:
    """Horizontal ruling lines in a boolean ink image (transpose it for vertical ones): runs of
    ink at least ``min_len`` long, merged across neighbouring rows."""
    # Thicken by one row each way so a line drifting by a pixel stays one run.
    thick = ink.copy()
    thick[1:] |= ink[:-1]
    thick[:-1] |= ink[1:]
    # Only rows with that much ink at all can hold a long run: look at those alone.
    candidates = np.flatnonzero(np.count_nonzero(thick, axis=1) >= min_len)
    if candidates.size == 0:
        return []
    padded = np.zeros((candidates.size, thick.shape[1] + 2), dtype=np.int8)
    padded[:, 1:-1] = thick[candidates]
    diff = np.diff(padded, axis=1)
    starts = np.argwhere(diff == 1)
    ends = np.argwhere(diff == -1)
    long = (ends[:, 1] - starts[:, 1]) >= min_len
    segments = sorted(zip(candidates[starts[long, 0]].tolist(), starts[long, 1].tolist(), ends[long, 1].tolist()))
    rules: list[list[int]] = []  # [lo, hi, start, end]
    for y, x0, x1 in segments:
        joined = False
        for rule in reversed(rules):
            if y - rule[1] > merge_px:
                break
            if x0 <= rule[3] + merge_px * 4 and x1 >= rule[2] - merge_px * 4:
                rule[1], rule[2], rule[3] = y, min(rule[2], x0), max(rule[3], x1)
                joined = True
                break
        if not joined:
            rules.append([y, y, x0, x1])
    return [Rule(pos=(lo + hi) / 2, start=s, end=e, lo=lo, hi=hi) for lo, hi, s, e in rules]


def rule_stubs(
    ink: np.ndarray, h_rules: list[Rule], v_rules: list[Rule], merge_px: int, tol: float, share: float = 0.9
) -> list[Rule]:
    """Vertical rules too short to be told from a letter's stroke by length: a table's last row
    cut by the page's foot (one printed line of a row the next page goes on with) under a row
    merged across (a section title) has column rules no longer than its one line, and its cells
    would merge into one spanning the row. A run of ink at a column's x that a long vertical rule
    has, joining two horizontal rules that cross there, is that column's rule: a letter's stroke
    does not start on one ruling line and end on the next. ``share``: of the stretch inked (a
    degraded scan breaks a line here and there)."""
    stubs: list[Rule] = []
    height, width = ink.shape
    for x in _cluster([r.pos for r in v_rules], tol):
        lo, hi = max(0, round(x) - merge_px), min(width, round(x) + merge_px + 1)
        if lo >= hi:
            continue
        column: np.ndarray = np.asarray(ink[:, lo:hi].any(axis=1))
        ys = sorted(r.pos for r in h_rules if r.start - tol <= x <= r.end + tol)
        for top, bottom in zip(ys, ys[1:]):
            if _covered(v_rules, x, top, bottom, tol) > 0:
                continue  # the long rule's own stretch (or its break, which says no rule)
            a, b = max(0, round(top)), min(height, round(bottom) + 1)
            if b - a < 2 or column[a:b].mean() < share:
                continue
            stubs.append(Rule(pos=x, start=a, end=b - 1, lo=lo, hi=hi - 1))
    return stubs


def _cluster(values: list[float], tol: float) -> list[float]:
    out: list[list[float]] = []
    for v in sorted(values):
        if out and v - out[-1][-1] <= tol:
            out[-1].append(v)
        else:
            out.append([v])
    return [sum(g) / len(g) for g in out]


def _covered(rules: list[Rule], pos: float, a: float, b: float, tol: float) -> float:
    """Share of the stretch a..b (along the rules) covered by rules at ``pos``."""
    spans = sorted(
        (max(r.start, a), min(r.end, b)) for r in rules if abs(r.pos - pos) <= tol and r.end > a and r.start < b
    )
    covered, reach = 0.0, a
    for s, e in spans:
        if e > reach:
            covered += e - max(s, reach)
            reach = e
    return covered / max(b - a, 1e-9)


def grids(
    h_rules: list[Rule], v_rules: list[Rule], tol: float, settings: OcrSettings
) -> list[list[tuple[BBox, int, int, int, int]]]:
    """Tables as lists of cells ``(bbox, row, col, row_span, col_span)`` from ruling lines: lines
    that cross each other form one table; cells are grid slots joined where no line separates them."""
    rules = [("h", r) for r in h_rules] + [("v", r) for r in v_rules]
    parent = list(range(len(rules)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, (ki, ri) in enumerate(rules):
        if ki != "h":
            continue
        for j, (kj, rj) in enumerate(rules):
            if kj == "v" and rj.start - tol <= ri.pos <= rj.end + tol and ri.start - tol <= rj.pos <= ri.end + tol:
                parent[find(i)] = find(j)
    groups: dict[int, list[int]] = {}
    for i in range(len(rules)):
        groups.setdefault(find(i), []).append(i)
    tables = []
    for members in groups.values():
        hs = [rules[i][1] for i in members if rules[i][0] == "h"]
        vs = [rules[i][1] for i in members if rules[i][0] == "v"]
        ys, xs = _cluster([r.pos for r in hs], tol), _cluster([r.pos for r in vs], tol)
        if len(ys) < 2 or len(xs) < 2:
            continue
        cells = _grid_cells(xs, ys, hs, vs, tol, settings)
        if len(cells) >= 2:
            tables.append(cells)
    return sorted(tables, key=lambda cells: cells[0][0][1])


def _grid_cells(xs, ys, hs, vs, tol, settings: OcrSettings):
    n_rows, n_cols = len(ys) - 1, len(xs) - 1
    slot = {(r, c): (r, c) for r in range(n_rows) for c in range(n_cols)}

    def root(k):
        while slot[k] != k:
            k = slot[k]
        return k

    for r in range(n_rows):
        for c in range(n_cols):
            if c + 1 < n_cols and _covered(vs, xs[c + 1], ys[r], ys[r + 1], tol) < settings.edge_coverage:
                slot[root((r, c + 1))] = root((r, c))
            if r + 1 < n_rows and _covered(hs, ys[r + 1], xs[c], xs[c + 1], tol) < settings.edge_coverage:
                slot[root((r + 1, c))] = root((r, c))
    members: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for k in slot:
        members.setdefault(root(k), []).append(k)
    cells: list[tuple[tuple[int, int, int, int], int, int, int, int]] = []
    taken: set[tuple[int, int]] = set()
    # A frame ruled round the table is no cell holding all of it (``ocr_frame``).
    groups, (top, left) = unframed(sorted(members.values()))
    for group in groups:
        r0, r1 = min(r for r, _ in group), max(r for r, _ in group)
        c0, c1 = min(c for _, c in group), max(c for _, c in group)
        if (r0, c0) in taken:
            continue
        taken.update((r, c) for r in range(r0, r1 + 1) for c in range(c0, c1 + 1))
        cells.append(((xs[c0], ys[r0], xs[c1 + 1], ys[r1 + 1]), r0 - top, c0 - left, r1 - r0 + 1, c1 - c0 + 1))
    return cells

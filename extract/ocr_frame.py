"""A frame ruled round a table on a scan: a box with a caption row above the grid (and often a
note row below it), the grid set a little inside the box.

The ruling lines of the box and of the grid cross or nearly touch, so ``ocr_grid`` sees one set of
lines; the strip between the box and the grid (above it and down both sides) has no line across
it and its slots join into one ring-shaped group. Taken as a cell, that ring's bounding box holds
every cell of the grid, and the whole table read as one cell of text: no row, and nothing told.
No real cell holds another (``pdf_reader.without_frames`` says the same of a text layer's
rectangles): the ring is the frame, and the table is the grid it encloses; the caption and the
note, cells of the box outside the grid, are lines of text about the table, not its rows.
"""

from __future__ import annotations

Slot = tuple[int, int]  # (row, column) of the grid of ruling lines
Hole = tuple[int, int, int, int]  # first row, last row, first column, last column


def frame_hole(groups: list[list[Slot]]) -> Hole | None:
    """The slots a frame encloses: a group that does not fill its bounding box, runs down both sides
    of the slots inside it (left and right strips over every row between), and leaves at least a
    2 x 2 grid there. None when no group is such a ring (a cell broken into an L by a faint rule
    runs down one side at most)."""
    for group in groups:
        slots = set(group)
        r0, r1 = min(r for r, _ in group), max(r for r, _ in group)
        c0, c1 = min(c for _, c in group), max(c for _, c in group)
        inner = [(r, c) for r in range(r0, r1 + 1) for c in range(c0, c1 + 1) if (r, c) not in slots]
        if not inner:
            continue
        h0, h1 = min(r for r, _ in inner), max(r for r, _ in inner)
        k0, k1 = min(c for _, c in inner), max(c for _, c in inner)
        if h1 - h0 < 1 or k1 - k0 < 1 or k0 == c0 or k1 == c1:
            continue
        sides = all((r, k0 - 1) in slots and (r, k1 + 1) in slots for r in range(h0, h1 + 1))
        if sides and len(inner) == (h1 - h0 + 1) * (k1 - k0 + 1):
            return h0, h1, k0, k1
    return None


def inside(hole: Hole, group: list[Slot]) -> bool:
    return all(hole[0] <= r <= hole[1] and hole[2] <= c <= hole[3] for r, c in group)


def unframed(groups: list[list[Slot]]) -> tuple[list[list[Slot]], Slot]:
    """The groups of a grid less a frame round it: the groups inside the frame, and the (row,
    column) the enclosed grid starts at (its cells are numbered from there). Without a frame, the
    groups as they are."""
    hole = frame_hole(groups)
    if hole is None:
        return groups, (0, 0)
    return [g for g in groups if inside(hole, g)], (hole[0], hole[2])

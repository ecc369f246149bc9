"""Where a table piece's cells go among the table's columns: by its column boundaries when they are
the table's (``column_map``), else by where each cell's words stand (``cell_columns``: an unruled
table whose columns the finder drew anew on each piece)."""

from __future__ import annotations

from extract.segment.joined import JoinedRow


def _normalised(edges: list[float]) -> list[float]:
    width = edges[-1] - edges[0] if len(edges) >= 2 else 0.0
    return [(e - edges[0]) / width for e in edges] if width > 0 else []


def column_map(table_edges: list[float], fragment_edges: list[float], edge_tolerance: float) -> list[int] | None:
    """Where each column of a fragment goes in the table, when the fragment has the table's
    shape: its column boundaries (as shares of its width) are boundaries of the table. A
    fragment may lack a boundary the table has (no row on its page uses the indent column),
    never add one. None when either shape is unknown or they differ."""
    ref, frag = _normalised(table_edges), _normalised(fragment_edges)
    if len(ref) < 3 or len(frag) < 3 or len(frag) > len(ref):
        return None
    position: list[int] = []
    for edge in frag:
        k = min(range(len(ref)), key=lambda i: abs(ref[i] - edge))
        if abs(ref[k] - edge) > edge_tolerance or (position and k <= position[-1]):
            return None
        position.append(k)
    if position[0] != 0 or position[-1] != len(ref) - 1:
        return None
    return position[:-1]


def cell_columns(table_edges: list[float], rows: list[JoinedRow], edge_tolerance: float) -> list[list[int]] | None:
    """For each row's cells, the table column under which the cell's words stand (the column
    whose boundaries hold the middle of the words' box): how a piece of an unruled table whose
    columns were found anew (a wrapped note's line drew other boundaries: "18/1/2014" alone)
    lines up with the table above. None when a filled cell has no box or stands outside the table."""
    if len(table_edges) < 3 or not rows:
        return None
    width = table_edges[-1] - table_edges[0]
    slack = edge_tolerance * width
    out: list[list[int]] = []
    for row in rows:
        dest: list[int] = []
        for c, text in enumerate(row.cells):
            box = row.bboxes[c] if c < len(row.bboxes) else None
            if not text.strip():
                dest.append(-1)
                continue
            if box is None:
                return None
            middle = (box[0] + box[2]) / 2
            if not table_edges[0] - slack <= middle <= table_edges[-1] + slack:
                return None
            k = next((i for i in range(len(table_edges) - 1) if middle < table_edges[i + 1]), len(table_edges) - 2)
            dest.append(k)
        out.append(dest)
    return out


def place_cells(rows: list[JoinedRow], placed: list[list[int]], n_cols: int) -> None:
    """Put each row's cells under the table columns given for them, row by row (``cell_columns``;
    -1: an empty cell, nowhere); cells meeting in one column are joined in their order."""
    for row, dest in zip(rows, placed):
        cells, bold = [""] * n_cols, [False] * n_cols
        boxes: list[tuple | None] = [None] * n_cols
        confs: list[float | None] = [None] * n_cols
        for c, text in enumerate(row.cells):
            k = dest[c]
            if k < 0:
                continue
            cells[k] = f"{cells[k]} {text}".strip() if cells[k] else text
            bold[k] = row.bold[c] if c < len(row.bold) else False
            if c < len(row.bboxes) and row.bboxes[c] is not None:
                boxes[k] = row.bboxes[c]
            if c < len(row.confs) and row.confs[c] is not None:
                confs[k] = row.confs[c]
        row.cells, row.bold, row.bboxes, row.confs = cells, bold, boxes, confs


def remap_columns(rows: list[JoinedRow], mapping: list[int], n_cols: int) -> None:
    """Put a fragment's cells under the table's columns (``column_map``: one column each)."""
    place_cells(rows, [mapping] * len(rows), n_cols)

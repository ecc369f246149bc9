"""A header's merged group label over sub-columns: "6 tháng đầu năm | Cả năm 2024" each merged over
"Kế hoạch | Thực hiện". The stacked labels (``JoinedTable.header_text``) give the group's words to
its first sub-column only ("6 tháng đầu năm Kế hoạch", "Thực hiện"), so the second "Thực hiện" of
three named no period: the year's result could not be told from a half's. Here each sub-column
takes its group's label: a header row's cell left blank, beside a filled one, over a lower row
that labels both columns, is the merged cell's continuation (a cell merged down, "STT" over a
blank, labels nothing below it and is no group).

Readers that choose a column by its period and its plan or result (the annex's figures,
``statistics``; a plan's targets by year, ``target_tables``) read these labels."""

from __future__ import annotations

from extract.segment.joined import JoinedTable


def _labelled(row: list[str], col: int) -> bool:
    return col < len(row) and bool(row[col].strip())


def _group_cells(rows: list[list[str]]) -> list[list[str]]:
    """The header rows with each merged group's label carried to its sub-columns."""
    rows = [list(h) for h in rows]
    for r, row in enumerate(rows[:-1]):
        below = rows[r + 1 :]
        for c in range(1, len(row)):
            if row[c].strip() or not row[c - 1].strip():
                continue
            if any(_labelled(lower, c) and _labelled(lower, c - 1) for lower in below):
                row[c] = row[c - 1]  # the merged group's continuation
    return rows


def group_of(table: JoinedTable, col: int) -> list[int]:
    """The sub-columns under the merged group heading that ``col`` is under, in order ([col] when
    it stands under none)."""
    rows = _group_cells(list(table.header))
    for row in rows[:-1]:
        if col >= len(row) or not row[col].strip():
            continue
        group = [c for c in range(len(row)) if row[c] == row[col] and _in_run(row, c, col)]
        if len(group) > 1:
            return group
    return [col]


def _in_run(row: list[str], c: int, col: int) -> bool:
    """Whether the columns from ``c`` to ``col`` all carry the same label (one merged cell)."""
    low, high = min(c, col), max(c, col)
    return all(row[k] == row[col] for k in range(low, high + 1))


def grouped_labels(table: JoinedTable) -> list[str]:
    """One label per column, a group's label carried to each sub-column under it; the stacked
    labels as they are when the header is one row."""
    if len(table.header) < 2:
        return list(table.header_text)
    rows = _group_cells(list(table.header))
    labels = []
    for c in range(table.n_cols):
        parts = [h[c] for h in rows if c < len(h) and h[c]]
        labels.append(" ".join(dict.fromkeys(parts)))
    return labels

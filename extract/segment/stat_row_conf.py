"""How surely OCR read an annex row: the word confidence of the cells that make its figure.

A row's reading confidence is the least OCR confidence of its filled cells. Two kinds of cell are
left out. The code is one: Tesseract scores short tokens such as "2." near 0 however clear they
are, and the code's reliability is what the column repair says (``code_inferred`` /
``code_repaired``). Where the header names the figures' column (``column_roles``: "Năm 2023",
"Thực hiện", "Kết quả"), the columns the figure is not taken from are the other: last year's
figure, the change ("Tăng (+), giảm (-)"), the per cent of last year and the remark all go into
the row's note. A doubt on one of those is a doubt on the note, not on the figure read. Seed
9001's S21 scan read a whole annex of 20 right values at 0.05, because Tesseract gave every change
cell ("+121" read "121") a confidence of 0, while the figures themselves were read at 0.94–0.96.
The checks still weigh those figures, because the period change is checked against the value."""

from __future__ import annotations

from collections.abc import Callable

from extract.segment.joined import JoinedRow, row_conf

# The columns whose cells make an annex row's figure when the header names the figures' column:
# the figure itself, what it counts (its unit), and the indicator that says which row it is.
FIGURE_ROLES = ("indicator", "unit", "value")


def content_conf(row: JoinedRow, code_col: int | None, roles: dict[str, int] | None = None) -> float | None:
    """The least OCR confidence of the row's filled cells, its code left out; where ``roles`` names
    the figures' column, of the cells of ``FIGURE_ROLES`` that hold text (all the others' when none
    does: a row printing nothing there is read as before). None when no cell has a confidence."""
    if roles and "value" in roles:
        kept = {roles[r] for r in FIGURE_ROLES if r in roles}
        confs = _filled_confs(row, lambda k: k in kept)
        if confs:
            return min(confs)
    confs = _filled_confs(row, lambda k: k != code_col)
    if not confs and code_col is not None:
        return row_conf(row)
    return min(confs) if confs else None


def _filled_confs(row: JoinedRow, wanted: Callable[[int], bool]) -> list[float]:
    filled = [k < len(row.cells) and bool(row.cells[k].strip()) for k in range(len(row.confs))]
    return [c for k, c in enumerate(row.confs) if c is not None and wanted(k) and filled[k]]

"""Whether the first row on a new page can be the rest of a row the page break cut.

A row with no code at the top of a page is taken for the rest of the row above (its text carried
on). Two kinds of row are rows of their own however they start: the table's totals row ("Tổng số
điểm | 100"), printed alone on the last page, and a row that prints a figure in a column where the
row above already printed one — a cut row's rest carries the words that did not fit, never a
second maximum. Joined, "5" and "100" made one points cell "5 100", read as a wrong figure, and the
total was lost to the row's sum.
"""

from __future__ import annotations

from extract.segment.joined import JoinedRow
from extract.segment.table_end import is_total_label
from normalize.numbers import figures_only
from normalize.text import fold


def opens_own_row(above: JoinedRow, row: JoinedRow) -> bool:
    """The page's first row is a row of its own, not the rest of ``above``: a totals row, or one
    whose figure falls in a column where ``above`` already has a figure."""
    if any(is_total_label(fold(c.strip())) for c in row.cells if c.strip() and not figures_only(c)):
        return True
    return any(
        figures_only(text) and c < len(above.cells) and figures_only(above.cells[c])
        for c, text in enumerate(row.cells)
        if text.strip()
    )

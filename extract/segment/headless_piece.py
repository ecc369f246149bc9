"""A headerless piece of a score grid under text lines. A scan's row whose first line the table
finder left out (its code printed wider than the column's gutter, "1.2 - Thực hiện chế độ báo cáo
cải cách hành") stands as a running line between two pieces of one grid; the piece under it has
no header of its own and the same columns as the grid above. A line longer than page furniture
made it a table of its own: a headerless grid of 36 criteria told unread, the score table left
with its first four rows.

Such a piece goes on the table above when the table's own evidence says so: the piece prints no
header (its first row holds figures or a code), its columns are the table's (the same
boundaries, or its words under the table's columns), it sits on the same page or the next, only
a few text lines stand between, none a heading, and its codes carry on the table's numbering.
Another table would bring its own header; a grid that restarts its numbering is told apart by
``table_join._restarts_numbering``. A piece that opens on the table's own header printed again,
then carries on its numbering, is the same: a score table printed as two tables on one page, each
part under its heading ("Phần I. Từ mục 1 đến mục 3", "Phần II. …"), is one table
(``table_join`` counts such a header as none here)."""

from __future__ import annotations

from extract.model import Line


def headless_piece_goes_on(
    gap: list, page_step: int, same_columns: bool, header_rows: int, numbering_goes_on: bool, max_lines: int
) -> bool:
    """Whether a piece with no header of its own (``header_rows`` 0) and the table's columns
    carries on the table over ``gap`` (the blocks between, at most ``max_lines`` text lines)."""
    if not same_columns or header_rows or not numbering_goes_on or page_step not in (0, 1):
        return False
    return len(gap) <= max_lines and all(isinstance(b, Line) for b in gap)

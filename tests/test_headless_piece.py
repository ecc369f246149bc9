"""A headerless piece of a scanned score grid under a text line goes on the grid above it
(``extract/segment/headless_piece.py``), its first row opened by the coded line the table finder
left out (``gap_row_head``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.base import ingest
from extract.model import Line
from extract.segment.headless_piece import headless_piece_goes_on
from extract.segment.table_join import join_tables

DATA = Path(__file__).parent / "data" / "scans_headless"


def test_only_a_headerless_piece_with_the_tables_columns_and_numbering_goes_on():
    line = Line(text="1.2 - Thực hiện chế độ báo cáo cải cách hành", page=1, number=20)
    assert headless_piece_goes_on([line], 0, True, 0, True, 6)
    assert headless_piece_goes_on([line], 1, True, 0, True, 6)
    assert not headless_piece_goes_on([line], 0, True, 1, True, 6)  # a header of its own: another table
    assert not headless_piece_goes_on([line], 0, False, 0, True, 6)  # other columns
    assert not headless_piece_goes_on([line], 0, True, 0, False, 6)  # numbering not carried on
    assert not headless_piece_goes_on([line], 2, True, 0, True, 6)  # pages apart
    assert not headless_piece_goes_on([line] * 7, 0, True, 0, True, 6)  # a passage of text between


@pytest.mark.needs_tesseract
def test_a_scanned_score_grid_cut_by_its_rows_first_line_is_one_table():
    """A real scan (spent seed 10001, S18 instance 4: the scan of N24's tab-aligned score lines
    with dot leaders, two pages; here each page thresholded to black and white to keep the file
    small, which Tesseract reads as it read the grey scan). Row 1.2's first line, "1.2 - Thực hiện
    chế độ báo cáo cải cách hành", is left out of the grid as a running line longer than page
    furniture; the piece under it, with no header, was a table of its own (the score table kept
    its first rows, the rest a headerless grid told unread). It goes on the grid, and the line
    opens its first row with the truth's code, name, maximum and self points."""
    tables = join_tables(ingest(DATA / "s10001-s18-i4-n24-tab-aligned-dots-bilevel.pdf"))
    assert len(tables) == 1
    (table,) = tables
    assert table.pages == [1, 2]
    rows = {r.cells[0].rstrip("."): r.cells for r in table.rows if r.cells[0].strip()}
    # truth codes of page 1's second piece and of page 2, as Tesseract printed them clean (its "15"
    # and "21" are codes the score table's reader mends, not this join)
    for code in ("1.2", "1.3", "1.4", "2.2", "3.1", "3.2.2", "4.1", "4.2", "6.3", "7.2.2"):
        assert code in rows
    assert len(table.rows) >= 40  # (39 truth rows; the total and two rows' name lines)
    code, name, max_points, self_points = rows["1.2"]
    assert name.startswith("Thực hiện chế độ báo cáo cải cách hành") and name.endswith("chính định kỳ")
    assert (max_points, self_points) == ("2", "1,75")  # truth: 2.0, 1.75

"""A table typed as lines set by tab stops (no table at all: "1.1.1<tab>Ban hành …<tab>1<tab>1"
under "TT<tab>Nội dung<tab>Điểm tối đa<tab>Điểm tự chấm"). Its cells are the pieces between
tabs: a line of it typed with no tab is a name's line broken by hand onto the next, and a number
in it is the name's own word ("… báo cáo 6" over "tháng và báo cáo năm<tab>1<tab>1"), not a
points cell."""

from __future__ import annotations

from collections.abc import Sequence

from extract.model import Line
from extract.segment.line_cells import LineCells

# A header typed with tabs names its columns in this many pieces at least (code, name, points).
MIN_TAB_COLUMNS = 3


def typed_at_tabs(header_lines: Sequence[Line]) -> bool:
    """Whether the table's header is typed at tab stops (``Line.columns``: the pieces a format
    without word positions kept apart)."""
    return any(len(line.columns) >= MIN_TAB_COLUMNS for line in header_lines)


def figures_off_stops(cells: LineCells, tabbed: bool) -> LineCells:
    """``cells`` with the figures of a line typed with no tab, in a table typed at tab stops,
    given back to its text: no cell stands on such a line."""
    if not tabbed or cells.line.columns or cells.bare is not None or cells.figures_first or cells.split:
        return cells
    figures = [raw for raw in (cells.max_raw, cells.self_raw, cells.appraised_raw) if raw is not None]
    if not figures or cells.later_raws:
        return cells
    cells.name = [*cells.name, *((raw, raw) for raw in figures), *cells.explanation]
    cells.explanation = []
    cells.max_raw = cells.self_raw = cells.appraised_raw = None
    return cells

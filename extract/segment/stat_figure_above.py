"""A row's figure OCR set on the line above it ("% 86,21" or "Ve 72,87" over "2.3. | Tỷ lệ hoàn
thành Kế hoạch CCHC năm", which prints no figure): Tesseract's page layout (``--psm 4``) can cut
a row's tall cells into two lines, the figure's, vertically centred, first.

The figure line has no code and no words (a "%" or a speck of the grid at most), so it was read
as a row of its own with an empty label, an invented row that took the figure, and the coded row
under it lost its figure (a share of the group, told lost). The figure is the next row's when that
row prints its code and label and no figure of its own. Where the row above also lacks its figure
the line could be that row's figure pushed down: it is taken for the next row then only when it
is a share's ("%") and the next row is worded as one ("Tỷ lệ …")."""

from __future__ import annotations

from extract.segment.stat_headings import worded_as_share

# Characters a speck of the grid beside the figure has at most ("Ve", "%", "|").
_MAX_SPECK_CHARS = 3

Cells = tuple[str, str, str, str, str]  # code, indicator, unit, figure, note


def figure_for_next_row(cells: Cells, above_value: str, below: Cells | None) -> tuple[str, str] | None:
    """(unit, figure) a figure-only line (``cells``) holds for the coded row under it
    (``below``), or None when the line is no such figure."""
    code, indicator, unit, figure, note = cells
    if code or unit or note or not figure or below is None:
        return None
    specks = indicator.split()
    if len(specks) > 1 or (specks and (len(specks[0]) > _MAX_SPECK_CHARS or any(c.isdigit() for c in specks[0]))):
        return None
    b_code, b_indicator, b_unit, b_figure, _ = below
    if not b_code or not b_indicator.strip() or b_figure or b_unit.strip() not in ("", "%"):
        return None
    share = "%" in indicator
    if not above_value.strip() and not (share and worded_as_share(b_indicator)):
        return None
    return ("%" if share else ""), figure

"""Figures printed after the last line of a name broken over lines: "1.1.2 Xác định đầy đủ …"
(its code, no figures), "lĩnh vực theo kế hoạch …", "và bố trí kinh phí thực hiện 1 0,5" — a
typist's list whose figures stand at tab stops after the name's end (a leader of dots running to
them), or a table whose cells align at the bottom. The numbers' line goes on the name above,
in lower case, with no code of its own: its figures are that row's, not a new row's whose code
is the next line's."""

from __future__ import annotations

from extract.segment.line_cells import LineCells
from extract.segment.line_common import is_score_token
from extract.segment.row_draft import RowDraft


def closes_name(cur: RowDraft, cells: LineCells, any_case: bool = False) -> bool:
    """Whether ``cells`` (a line with figures) ends the name of ``cur``: a coded row with a name
    and no figure yet, the line's text going on with that name (no code, its first word in lower
    case, or in any case with ``any_case``: a leadered list's, ``leader_lines``) and printed
    before its figures."""
    if cur.code is None or not cur.name or cur.n_numbers or cur.appraised_raw is not None:
        return False
    if not cells.line.columns and any(is_score_token(raw) for _, raw in cur.name):
        # (a figure the row's own lines print, read as text — "… kế hoạch 7 y¿": its cells are
        # there, damaged; the figures below are the next row's, its code lost. Figures typed at
        # tab stops are cells for sure: a number in the name above is its word, ``tab_stops``)
        return False
    if cells.code is not None or cells.figures_first or cells.bare is not None or not cells.name:
        return False
    first = cells.name[0][0]
    return first[:1].isalpha() and (any_case or first[:1].islower())
